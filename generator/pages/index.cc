// Records -> index.md context.
#include "pages/index.h"

#include <set>

#include "render/context.h"
#include "render/markdown.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using render::Bool;
using render::EscapeMarkdown;
using render::FigureLink;

data IndexRow(const Record& d) {
  const std::string src = "source/" + d.id + ".html";
  data row;
  row.set("id", d.id);
  row.set("href", "departments/" + d.id + ".html");
  row.set("name", EscapeMarkdown(d.Name()));
  row.set("region", EscapeMarkdown(d.department.region.empty() ? "—" : d.department.region));
  row.set("year", d.year ? std::to_string(d.year) : std::string("—"));
  row.set("failed", Bool(d.failed));
  row.set("failure", EscapeMarkdown(d.failure));
  row.set("name_cell", d.failed ? EscapeMarkdown(d.department.name.empty() ? d.source_path
                                                                            : d.department.name) +
                                      "（未能解析：" + EscapeMarkdown(d.failure) + "）"
                                : "[" + EscapeMarkdown(d.Name()) + "](departments/" + d.id + ".html)");
  row.set("income_total", FigureLink(d.income_total, src));
  row.set("expenditure_total", FigureLink(d.expenditure_total, src));
  row.set("basic", FigureLink(d.basic, src));
  row.set("project", FigureLink(d.project, src));
  row.set("three_public", FigureLink(d.three_public, src));
  row.set("tables", std::to_string(d.tables));
  row.set("findings", d.failed ? std::string("—")
                               : std::to_string(d.Count(model::Diagnostic::Severity::kError)) +
                                     " / " +
                                     std::to_string(d.Count(model::Diagnostic::Severity::kWarning)));
  return row;
}

data IndexContext(const std::vector<const Record*>& records) {
  std::set<std::string> names, regions;
  std::set<int> years;
  model::Money spending;
  size_t built = 0;
  int with_spending = 0, with_errors = 0;
  list rows;
  for (const auto* d : records) {
    rows.push_back(IndexRow(*d));
    if (d->failed) continue;
    ++built;
    names.insert(d->Name());
    if (!d->department.region.empty()) regions.insert(d->department.region);
    if (d->year) years.insert(d->year);
    if (d->spending) {
      spending += d->spending->amount;
      ++with_spending;
    }
    with_errors += d->Count(model::Diagnostic::Severity::kError) > 0;
  }
  const size_t inputs = records.size();
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
  ctx.set("has_failed", Bool(inputs > built));
  ctx.set("failed", std::to_string(inputs - built));
  return ctx;
}

}  // namespace gongkai::pages
