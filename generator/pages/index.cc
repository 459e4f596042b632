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

namespace {

// Calls fn(field, value) for each field of d's row of index.md: all that the row shows, for
// its context and the index's key.
template <typename Fn>
void VisitIndexRow(const Record& d, Fn fn) {
  const std::string src = "source/" + d.id + ".html";
  fn("id", d.id);
  fn("href", "departments/" + d.id + ".html");
  fn("name", EscapeMarkdown(d.Name()));
  fn("region", EscapeMarkdown(d.department.region.empty() ? "—" : d.department.region));
  fn("year", d.year ? std::to_string(d.year) : std::string("—"));
  fn("failed", d.failed);
  fn("failure", EscapeMarkdown(d.failure));
  fn("name_cell", d.failed ? EscapeMarkdown(d.department.name.empty() ? d.source_path
                                                                      : d.department.name) +
                                 "（未能解析：" + EscapeMarkdown(d.failure) + "）"
                           : "[" + EscapeMarkdown(d.Name()) + "](departments/" + d.id + ".html)");
  fn("income_total", FigureLink(d.income_total, src));
  fn("expenditure_total", FigureLink(d.expenditure_total, src));
  fn("basic", FigureLink(d.basic, src));
  fn("project", FigureLink(d.project, src));
  fn("three_public", FigureLink(d.three_public, src));
  fn("tables", std::to_string(d.tables));
  fn("findings", d.failed ? std::string("—")
                          : std::to_string(d.Count(model::Diagnostic::Severity::kError)) + " / " +
                                std::to_string(d.Count(model::Diagnostic::Severity::kWarning)));
}

// Calls fn(field, value) for each field of the line index.md gives the collection: all that
// it shows, for its context and its key.
template <typename Fn>
void VisitIndexTotals(const std::vector<const Record*>& records, Fn fn) {
  std::set<std::string> names, regions;
  std::set<int> years;
  model::Money spending;
  size_t built = 0;
  int with_spending = 0, with_errors = 0;
  for (const auto* d : records) {
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
  fn("count", std::to_string(inputs));
  fn("department_count", std::to_string(names.size()));
  fn("region_count", std::to_string(regions.size()));
  fn("year_count", std::to_string(years.size()));
  fn("has_years", !years.empty());
  fn("years", years.empty() ? std::string()
              : years.size() == 1 ? std::to_string(*years.begin())
                                  : std::to_string(*years.begin()) + "—" +
                                        std::to_string(*years.rbegin()));
  fn("spending_documents", std::to_string(with_spending));
  // The sum to 0.01 万元 (10,000 fen), half up: documents print up to six decimals (北京).
  const int64_t cent_of_wan = model::kFenPerWanYuan / 100, fen = spending.fen();
  const int64_t rounded = (fen + (fen < 0 ? -1 : 1) * cent_of_wan / 2) / cent_of_wan * cent_of_wan;
  fn("spending_total", model::Money::FromFen(rounded).WanYuan(2));
  fn("error_documents", std::to_string(with_errors));
  fn("has_failed", inputs > built);
  fn("failed", std::to_string(inputs - built));
}

}  // namespace

data IndexRow(const Record& d) {
  data row;
  VisitIndexRow(d, [&](const char* field, const auto& value) { row.set(field, data(value)); });
  return row;
}

data IndexContext(const std::vector<const Record*>& records) {
  list rows;
  for (const auto* d : records) rows.push_back(IndexRow(*d));
  data ctx;
  ctx.set("departments", rows);
  VisitIndexTotals(records, [&](const char* field, const auto& value) { ctx.set(field, data(value)); });
  return ctx;
}

void IndexKey(const std::vector<const Record*>& records, KeyWriter& key) {
  auto put = [&](const char* field, const auto& value) { key(field, value); };
  key(records.size());
  for (const auto* d : records) VisitIndexRow(*d, put);
  VisitIndexTotals(records, put);
}

}  // namespace gongkai::pages
