// Records' findings -> rules.md and rule.md contexts.
#include "pages/rules.h"

#include "checks/check.h"
#include "pages/page_key.h"
#include "render/context.h"
#include "render/markdown.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using render::Bool;
using render::EscapeMarkdown;
using render::LineLinks;
using render::SeverityLabel;
using Severity = model::Diagnostic::Severity;

FindingIndex::FindingIndex(const std::vector<const Record*>& all) {
  for (const auto* d : all)
    for (const auto& f : d->findings) by_rule_[f.rule].push_back({d, &f});
}

const std::vector<FindingIndex::Hit>& FindingIndex::Hits(const std::string& id) const {
  static const std::vector<Hit> kNone;
  auto it = by_rule_.find(id);
  return it == by_rule_.end() ? kNone : it->second;
}

namespace {

// Calls head(title, explanation, severity) for rule `id`, then hit(department id, name, year,
// severity, message, lines) for each of its findings: all that the page of the rule shows,
// for its context and its key.
template <typename Head, typename Hit>
void VisitRule(const std::string& id, const FindingIndex& index, Head head, Hit hit) {
  const checks::Rule* rule = checks::FindRule(id);
  if (rule)
    head(rule->info.title, rule->info.explanation, SeverityLabel(rule->info.severity));
  else
    head(id, std::string(), std::string());
  for (const auto& h : index.Hits(id))
    hit(h.record->id, h.record->Name(), h.record->year, h.finding->severity, h.finding->message,
        h.finding->lines);
}

// Calls fn(id, title, severity, departments) for each rule, the departments where it fired
// counted: all that rules.md shows.
template <typename Fn>
void VisitRules(const FindingIndex& index, Fn fn) {
  for (const auto& r : checks::AllRules()) {
    int count = 0;
    const Record* last = nullptr;
    for (const auto& h : index.Hits(r.info.id)) {  // a record's findings are together
      count += h.record != last;
      last = h.record;
    }
    fn(r.info.id, r.info.title, SeverityLabel(r.info.severity), count);
  }
}

}  // namespace

data RuleContext(const std::string& id, const FindingIndex& index) {
  data ctx;
  ctx.set("id", id);
  list hits;
  VisitRule(
      id, index,
      [&](const std::string& title, const std::string& explanation, const std::string& severity) {
        ctx.set("title", title);
        ctx.set("explanation", explanation);
        ctx.set("severity_label", severity);
      },
      [&](const std::string& doc, const std::string& name, int year, Severity severity,
          const std::string& message, const std::vector<int>& lines) {
        data row;
        row.set("id", doc);
        row.set("name", EscapeMarkdown(name));
        row.set("year", year ? std::to_string(year) : std::string("—"));
        row.set("severity_label", SeverityLabel(severity));
        row.set("message", EscapeMarkdown(message));
        row.set("lines", LineLinks(lines, "../source/" + doc + ".html"));
        hits.push_back(row);
      });
  ctx.set("has_hits", Bool(!hits.empty()));
  ctx.set("hits", hits);
  return ctx;
}

std::string RulePageKey(const std::string& id, const FindingIndex& index) {
  KeyWriter key;
  key(id);
  auto put = [&](const auto&... values) { key(values...); };
  VisitRule(id, index, put, put);
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
