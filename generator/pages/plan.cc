// The page plan: which cross pages a site has.
#include "pages/plan.h"

#include <memory>

#include "checks/check.h"
#include "pages/codes.h"
#include "pages/compare.h"
#include "pages/glossary.h"
#include "pages/index.h"
#include "pages/rules.h"
#include "pages/timeline.h"
#include "years/timeline.h"

namespace gongkai::pages {

using kainjow::mustache::data;

std::vector<Page> CrossPages(const Collection& c) {
  const auto& all = c.built;
  std::vector<Page> plan;
  static const std::vector<years::Series> kNone;
  const auto& series = c.series ? *c.series : kNone;
  plan.push_back({"index.md", "index.md",
                  [&] {
                    data index = IndexContext(c.records);
                    AddSeriesToIndex(series, index);
                    return index;
                  },
                  "部门预算公开", "index",
                  [&] {
                    KeyWriter key;
                    IndexKey(c.records, key);
                    AddSeriesToIndexKey(series, key);
                    return key.Take();
                  }});
  auto findings = std::make_shared<const FindingIndex>(all);
  plan.push_back({"rules/index.md", "rules.md", [findings] { return RulesContext(*findings); },
                  "核对规则", "rules", [findings] { return RulesPageKey(*findings); }});
  for (const auto& r : checks::AllRules()) {
    const std::string id = r.info.id;
    plan.push_back({"rules/" + id + ".md", "rule.md",
                    [findings, id] { return RuleContext(id, *findings); }, r.info.title, "rule",
                    [findings, id] { return RulePageKey(id, *findings); }});
  }
  const auto codes = c.codes;
  plan.push_back({"codes/index.md", "codes.md", [codes] { return CodesContext(*codes); }, "科目",
                  "codes"});
  for (const auto& code : codes->codes()) {
    const auto& parts = codes->Parts(code);
    for (size_t i = 0; i < parts.size(); ++i) {
      const std::string& first = codes->Rows(code)[parts[i].begin].record->Name();
      plan.push_back({"codes/" + parts[i].stem + ".md", "code.md",
                      [codes, code, i] { return CodeContext(code, i, *codes); },
                      "科目 " + code + (i == 0 ? "" : "（续：" + first + " 起）"), "code",
                      [codes, code, i] { return CodePageKey(code, i, *codes); }});
    }
  }
  auto glossary = std::make_shared<const GlossaryIndex>(all);
  plan.push_back({"glossary.md", "glossary.md", [glossary] { return GlossaryContext(*glossary); },
                  "名词解释", "glossary", [glossary] { return GlossaryPageKey(*glossary); }});
  for (size_t i = 0; i < glossary->terms().size(); ++i) {
    const std::string& term = glossary->terms()[i].term;
    plan.push_back({"glossary/" + GlossaryAnchor(term) + ".md", "glossary-term.md",
                    [glossary, i] { return GlossaryTermContext(*glossary, i); },
                    "名词解释：" + term, "glossary",
                    [glossary, i] { return GlossaryTermPageKey(*glossary, i); }});
  }
  plan.push_back({"compare.md", "compare.md",
                  [&] {
                    data compare = CompareContext(all);
                    AddSeriesToCompare(series, compare);
                    return compare;
                  },
                  "部门比较", "compare",
                  [&] {
                    KeyWriter key;
                    CompareKey(all, key);
                    AddSeriesToCompareKey(series, key);
                    return key.Take();
                  }});
  for (const auto& s : series)
    if (s.SpansYears())
      plan.push_back({TimelinePath(s.key), "timeline.md",
                      [&s] { return TimelineContext(s, years::Timeline(s)); },
                      s.name + " 历年", "timeline", [&s] {
                        KeyWriter key;
                        TimelineKey(s, years::Timeline(s), key);
                        return key.Take();
                      }});
  // Made from their templates only: the key is empty (WritePage hashes it with them).
  auto nothing = [] { return std::string(); };
  plan.push_back({"search.html", "search.html", [] { return data(); }, "搜索", "search", nothing});
  plan.push_back({"404.html", "404.html", [] { return data(); }, "找不到页面", "404", nothing});
  return plan;
}

std::string HtmlPath(const Page& page) {
  const std::string& p = page.path;
  return p.size() > 3 && p.compare(p.size() - 3, 3, ".md") == 0 ? p.substr(0, p.size() - 3) + ".html"
                                                                : p;
}

}  // namespace gongkai::pages
