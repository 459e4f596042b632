// Disclosures -> index.md context.
#include "pages/index.h"

#include <algorithm>
#include <set>

#include "render/context.h"
#include "render/markdown.h"
#include "render/overview.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using render::Bool;
using render::EscapeMarkdown;
using render::FigureLink;
using render::SpendingOf;

data IndexRow(const model::Disclosure& d, bool failed, const std::string& failure) {
  const std::string src = "source/" + d.id + ".html";
  data row;
  row.set("id", d.id);
  row.set("href", "departments/" + d.id + ".html");
  row.set("name", EscapeMarkdown(d.department.name.empty() ? d.id : d.department.name));
  row.set("region", EscapeMarkdown(d.department.region.empty() ? "—" : d.department.region));
  row.set("year", d.year ? std::to_string(d.year) : std::string("—"));
  row.set("failed", Bool(failed));
  row.set("failure", EscapeMarkdown(failure));
  row.set("name_cell", failed ? EscapeMarkdown(d.department.name.empty() ? d.source.path
                                                                          : d.department.name) +
                                    "（未能解析：" + EscapeMarkdown(failure) + "）"
                              : "[" + EscapeMarkdown(d.department.name.empty() ? d.id
                                                                               : d.department.name) +
                                    "](departments/" + d.id + ".html)");
  row.set("income_total", FigureLink(d.summary.income_total, src));
  row.set("expenditure_total", FigureLink(d.summary.expenditure_total, src));
  row.set("basic", FigureLink(d.expenditure.basic, src));
  row.set("project", FigureLink(d.expenditure.project, src));
  row.set("three_public", FigureLink(d.three_public.total, src));
  row.set("tables", std::to_string(d.tables.size()));
  int errors = 0, warnings = 0;
  for (const auto& f : d.findings) {
    errors += f.severity == model::Diagnostic::Severity::kError;
    warnings += f.severity == model::Diagnostic::Severity::kWarning;
  }
  row.set("findings", failed ? std::string("—")
                             : std::to_string(errors) + " / " + std::to_string(warnings));
  return row;
}

data IndexContext(const std::vector<const model::Disclosure*>& built, size_t inputs,
                  const list& rows) {
  std::set<std::string> names, regions;
  std::set<int> years;
  model::Money spending;
  int with_spending = 0, with_errors = 0;
  for (const auto* d : built) {
    names.insert(d->department.name.empty() ? d->id : d->department.name);
    if (!d->department.region.empty()) regions.insert(d->department.region);
    if (d->year) years.insert(d->year);
    if (auto f = SpendingOf(*d).figure) {
      spending += f->amount;
      ++with_spending;
    }
    with_errors += std::any_of(d->findings.begin(), d->findings.end(), [](const auto& f) {
      return f.severity == model::Diagnostic::Severity::kError;
    });
  }
  data ctx;
  ctx.set("departments", rows);
  ctx.set("count", std::to_string(inputs));
  ctx.set("department_count", std::to_string(names.size()));
  ctx.set("region_count", std::to_string(regions.size()));
  ctx.set("year_count", std::to_string(years.size()));
  ctx.set("has_years", Bool(!years.empty()));
  ctx.set("years", years.empty() ? std::string()
                   : years.size() == 1 ? std::to_string(*years.begin())
                                       : std::to_string(*years.begin()) + "—" +
                                             std::to_string(*years.rbegin()));
  ctx.set("spending_documents", std::to_string(with_spending));
  // The sum to 0.01 万元 (10,000 fen), half up: documents print up to six decimals (北京).
  const int64_t cent_of_wan = model::kFenPerWanYuan / 100, fen = spending.fen();
  const int64_t rounded = (fen + (fen < 0 ? -1 : 1) * cent_of_wan / 2) / cent_of_wan * cent_of_wan;
  ctx.set("spending_total", model::Money::FromFen(rounded).WanYuan(2));
  ctx.set("error_documents", std::to_string(with_errors));
  ctx.set("has_failed", Bool(inputs > built.size()));
  ctx.set("failed", std::to_string(inputs - built.size()));
  return ctx;
}

}  // namespace gongkai::pages
