// The page plan: which cross pages a site has.
#include "pages/plan.h"

#include <memory>

#include "checks/check.h"
#include "pages/codes.h"
#include "pages/compare.h"
#include "pages/glossary.h"
#include "pages/index.h"
#include "pages/paging.h"
#include "pages/rules.h"
#include "pages/timeline.h"
#include "years/timeline.h"

namespace gongkai::pages {

using kainjow::mustache::data;

namespace {

// The title of page `part` of a list of departments (`list`, split as `parts`) titled
// `title`: a later page's with the name of its first department.
std::string PartTitle(const std::string& title, const std::vector<const Record*>& list,
                      const std::vector<ListPart>& parts, size_t part) {
  return part == 0 ? title : title + "（续：" + list[parts[part].begin]->Name() + " 起）";
}

// A list of departments split into pages (pages/paging.h): its parts, and on each the
// departments across years whose latest year it lists.
struct Listed {
  std::vector<ListPart> parts;
  std::vector<std::vector<const years::Series*>> series;
};

// Adds the pages of `list` (the index, the comparison: `stem`, also their page kind, and
// `tmpl`, titled `title`, a later page with its first department): each with its context and
// key, made by `context` and `key` for its rows and links, `add_series` and `series_key` for
// its departments across years.
void AddListPages(
    std::vector<Page>& plan, const std::vector<const Record*>& list, const std::string& stem,
    const std::string& tmpl, const std::string& title, const std::vector<years::Series>& series,
    data (*context)(const std::vector<const Record*>&, const std::vector<ListPart>&, size_t),
    void (*key)(const std::vector<const Record*>&, const std::vector<ListPart>&, size_t,
                KeyWriter&),
    void (*add_series)(const std::vector<const years::Series*>&, data&),
    void (*series_key)(const std::vector<const years::Series*>&, KeyWriter&)) {
  auto listed = std::make_shared<Listed>();
  listed->parts = SplitList(list, stem);
  listed->series = SeriesOnParts(series, list, listed->parts);
  for (size_t i = 0; i < listed->parts.size(); ++i)
    listed->parts[i].series = static_cast<uint32_t>(listed->series[i].size());
  for (size_t i = 0; i < listed->parts.size(); ++i) {
    const ListPart& part = listed->parts[i];
    plan.push_back({part.stem + ".md", tmpl,
                    [&list, listed, i, context, add_series] {
                      data ctx = context(list, listed->parts, i);
                      add_series(listed->series[i], ctx);
                      return ctx;
                    },
                    PartTitle(title, list, listed->parts, i),
                    stem, [&list, listed, i, key, series_key] {
                      KeyWriter writer;
                      key(list, listed->parts, i, writer);
                      series_key(listed->series[i], writer);
                      return writer.Take();
                    }});
  }
}

}  // namespace

std::vector<Page> CrossPages(const Collection& c) {
  const auto& all = c.built;
  std::vector<Page> plan;
  static const std::vector<years::Series> kNone;
  const auto& series = c.series ? *c.series : kNone;
  AddListPages(plan, c.records, "index", "index.md", "部门预算公开", series, IndexContext,
               IndexKey, AddSeriesToIndex, AddSeriesToIndexKey);
  auto findings = c.findings ? c.findings : std::make_shared<const FindingIndex>(all);
  plan.push_back({"rules/index.md", "rules.md", [findings] { return RulesContext(*findings); },
                  "核对规则", "rules", [findings] { return RulesPageKey(*findings); }});
  for (const auto& r : checks::AllRules()) {
    const std::string id = r.info.id;
    const auto& fired = findings->Of(id);
    const bool listed = !c.list_changes || c.list_changes->rules.count(id);
    for (size_t i = 0; i < fired.parts.size(); ++i) {
      const ListPart& part = fired.parts[i];
      plan.push_back({"rules/" + part.stem + ".md", "rule.md",
                      [findings, id, i] { return RuleContext(id, *findings, i); },
                      PartTitle(r.info.title, fired.records, fired.parts, i),
                      "rule", [findings, id, i] { return RulePageKey(id, *findings, i); },
                      !PartMayHaveChanged(c.list_changes.get(), listed, fired.records, fired.parts, i)});
    }
  }
  const auto codes = c.codes;
  plan.push_back({"codes/index.md", "codes.md", [codes] { return CodesContext(*codes); }, "科目",
                  "codes"});
  for (const auto& code : codes->codes()) {
    const auto& parts = codes->Parts(code);
    for (size_t i = 0; i < parts.size(); ++i) {
      const bool unchanged =
          !CodePartMayHaveChanged(code, i, *codes, c.code_changes.get(), c.list_changes.get());
      const std::string& first = codes->Rows(code)[parts[i].begin].record->Name();
      plan.push_back({"codes/" + parts[i].stem + ".md", "code.md",
                      [codes, code, i] { return CodeContext(code, i, *codes); },
                      "科目 " + code + (i == 0 ? "" : "（续：" + first + " 起）"), "code",
                      [codes, code, i] { return CodePageKey(code, i, *codes); }, unchanged});
    }
  }
  auto glossary = c.glossary ? c.glossary : std::make_shared<const GlossaryIndex>(all);
  plan.push_back({"glossary.md", "glossary.md", [glossary] { return GlossaryContext(*glossary); },
                  "名词解释", "glossary", [glossary] { return GlossaryPageKey(*glossary); }});
  for (size_t i = 0; i < glossary->terms().size(); ++i) {
    const auto& t = glossary->terms()[i];
    const bool listed = !c.list_changes || c.list_changes->terms.count(t.term);
    for (size_t k = 0; k < t.parts.size(); ++k) {
      const ListPart& part = t.parts[k];
      plan.push_back({"glossary/" + part.stem + ".md", "glossary-term.md",
                      [glossary, i, k] { return GlossaryTermContext(*glossary, i, k); },
                      PartTitle("名词解释：" + t.term, t.records, t.parts, k),
                      "glossary", [glossary, i, k] { return GlossaryTermPageKey(*glossary, i, k); },
                      !PartMayHaveChanged(c.list_changes.get(), listed, t.records, t.parts, k)});
    }
  }
  AddListPages(plan, all, "compare", "compare.md", "部门比较", series, CompareContext,
               CompareKey, AddSeriesToCompare, AddSeriesToCompareKey);
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
