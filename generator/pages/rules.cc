// Records' findings -> rules.md and rule.md contexts.
#include "pages/rules.h"

#include "checks/check.h"
#include "pages/page_key.h"
#include "render/context.h"
#include "render/markdown.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using render::EscapeMarkdown;
using render::LineLinks;
using render::SeverityLabel;

FindingIndex::FindingIndex(const std::vector<const Record*>& all, const Paging& paging) {
  for (const auto& r : checks::AllRules()) by_rule_[r.info.id];  // a page even where none fired
  for (const auto* d : all)
    for (const auto& f : d->findings) {
      Fired& fired = by_rule_[f.rule];
      if (fired.records.empty() || fired.records.back() != d) {  // a record's findings are together
        fired.records.push_back(d);
        fired.first_hit.push_back(static_cast<uint32_t>(fired.hits.size()));
      }
      fired.hits.push_back({d, &f});
    }
  for (auto& [id, fired] : by_rule_) {
    fired.first_hit.push_back(static_cast<uint32_t>(fired.hits.size()));
    fired.parts = SplitList(fired.records, id, paging);
    // A later page is <id>--<department>: a rule's id is kebab-case and a department's has no
    // "--" (parse::MakeId), so it is no other rule's page (<id>-<department> of an input named
    // "parts" would be narrative-change-parts, a rule of its own).
    for (size_t i = 1; i < fired.parts.size(); ++i)
      fired.parts[i].stem = id + "--" + fired.records[fired.parts[i].begin]->id;
  }
}

const FindingIndex::Fired& FindingIndex::Of(const std::string& id) const {
  static const Fired kNone{{}, {}, {0}, {{"", 0, 0, 0}}};
  auto it = by_rule_.find(id);
  return it == by_rule_.end() ? kNone : it->second;
}

namespace {

// Lists on `ctx` (pages/page_key.h) all that page `part` of rule `id` shows: the rule, its
// findings on the page (each with its department's id, name and year, severity, message and
// lines), and its links to the rule's other pages (VisitListPages), the number of departments
// where it fired on the first; for its context and its key.
template <typename Sink>
void VisitRule(const std::string& id, const FindingIndex& index, size_t part, Sink& ctx) {
  const checks::Rule* rule = checks::FindRule(id);
  ctx.Set("id", id);
  ctx.Set("title", rule ? rule->info.title : id);
  ctx.Set("explanation", rule ? rule->info.explanation : std::string());
  ctx.Set("severity_label", rule ? SeverityLabel(rule->info.severity) : std::string());
  const FindingIndex::Fired& fired = index.Of(id);
  const ListPart& p = fired.parts[part];
  const uint32_t from = fired.first_hit[p.begin], to = fired.first_hit[p.end];
  ctx.Set("has_hits", to > from);
  ctx.List("hits", to - from, [&](size_t i, auto& row) {
    const FindingIndex::Hit& h = fired.hits[from + i];
    const Record& d = *h.record;
    row.Set("id", d.id);
    row.Set("name", EscapeMarkdown(d.Name()));
    row.Set("year", d.year ? std::to_string(d.year) : std::string("—"));
    row.Set("severity_label", SeverityLabel(h.finding->severity));
    row.Set("message", EscapeMarkdown(h.finding->message));
    row.Set("lines", LineLinks(h.finding->lines, "../source/" + d.id + ".html"));
  });
  if (part == 0) ctx.Set("departments", std::to_string(fired.records.size()));
  VisitListPages(fired.records, fired.parts, part, ctx);
}

// Calls fn(id, title, severity, departments) for each rule, the departments where it fired
// counted: all that rules.md shows.
template <typename Fn>
void VisitRules(const FindingIndex& index, Fn fn) {
  for (const auto& r : checks::AllRules())
    fn(r.info.id, r.info.title, SeverityLabel(r.info.severity),
       static_cast<int>(index.Of(r.info.id).records.size()));
}

}  // namespace

data RuleContext(const std::string& id, const FindingIndex& index, size_t part) {
  data ctx;
  ContextSink sink(ctx);
  VisitRule(id, index, part, sink);
  return ctx;
}

std::string RulePageKey(const std::string& id, const FindingIndex& index, size_t part) {
  KeyWriter key;
  KeySink sink(key);
  VisitRule(id, index, part, sink);
  return key.Take();
}

data RulesContext(const FindingIndex& index) {
  data ctx;
  list rules;
  VisitRules(index, [&](const std::string& id, const std::string& title,
                        const std::string& severity, int count) {
    data row;
    row.set("id", id);
    row.set("title", title);
    row.set("severity_label", severity);
    row.set("count", std::to_string(count));
    rules.push_back(row);
  });
  ctx.set("rules", rules);
  return ctx;
}

std::string RulesPageKey(const FindingIndex& index) {
  KeyWriter key;
  VisitRules(index, [&](const auto&... values) { key(values...); });
  return key.Take();
}

}  // namespace gongkai::pages
