// Records' findings -> rules.md and rule.md contexts.
#include "pages/rules.h"

#include "checks/check.h"
#include "render/context.h"
#include "render/markdown.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using render::Bool;
using render::EscapeMarkdown;
using render::LineLinks;
using render::SeverityLabel;

data RuleContext(const std::string& id, const std::vector<const Record*>& all) {
  const checks::Rule* rule = checks::FindRule(id);
  data ctx;
  ctx.set("id", id);
  ctx.set("title", rule ? rule->info.title : id);
  ctx.set("explanation", rule ? rule->info.explanation : "");
  ctx.set("severity_label", rule ? SeverityLabel(rule->info.severity) : "");
  list hits;
  for (const auto* d : all) {
    for (const auto& f : d->findings) {
      if (f.rule != id) continue;
      data row;
      row.set("id", d->id);
      row.set("name", EscapeMarkdown(d->Name()));
      row.set("year", d->year ? std::to_string(d->year) : std::string("—"));
      row.set("severity_label", SeverityLabel(f.severity));
      row.set("message", EscapeMarkdown(f.message));
      row.set("lines", LineLinks(f.lines, "../source/" + d->id + ".html"));
      hits.push_back(row);
    }
  }
  ctx.set("has_hits", Bool(!hits.empty()));
  ctx.set("hits", hits);
  return ctx;
}

data RulesContext(const std::vector<const Record*>& all) {
  data ctx;
  list rules;
  for (const auto& r : checks::AllRules()) {
    int count = 0;
    for (const auto* d : all) {
      bool fired = false;
      for (const auto& f : d->findings) fired |= f.rule == r.info.id;
      count += fired;
    }
    data row;
    row.set("id", r.info.id);
    row.set("title", r.info.title);
    row.set("severity_label", SeverityLabel(r.info.severity));
    row.set("count", std::to_string(count));
    rules.push_back(row);
  }
  ctx.set("rules", rules);
  return ctx;
}

}  // namespace gongkai::pages
