// Records -> index.md context.
#include "pages/index.h"

#include <set>

#include "render/context.h"
#include "render/markdown.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using render::EscapeMarkdown;
using render::FigureLink;

namespace {

// Lists on `ctx` (pages/page_key.h) the fields of d's row of index.md: all that the row
// shows, for its context and the index's key.
template <typename Sink>
void VisitIndexRow(const Record& d, Sink& ctx) {
  const std::string src = "source/" + d.id + ".html";
  ctx.Set("id", d.id);
  ctx.Set("href", "departments/" + d.id + ".html");
  ctx.Set("name", EscapeMarkdown(d.Name()));
  ctx.Set("region", EscapeMarkdown(d.department.region.empty() ? "—" : d.department.region));
  ctx.Set("year", d.year ? std::to_string(d.year) : std::string("—"));
  ctx.Set("failed", d.failed);
  ctx.Set("failure", EscapeMarkdown(d.failure));
  ctx.Set("name_cell", d.failed ? EscapeMarkdown(d.department.name.empty() ? d.source_path
                                                                          : d.department.name) +
                                     "（未能解析：" + EscapeMarkdown(d.failure) + "）"
                               : "[" + EscapeMarkdown(d.Name()) + "](departments/" + d.id + ".html)");
  ctx.Set("income_total", FigureLink(d.income_total, src));
  ctx.Set("expenditure_total", FigureLink(d.expenditure_total, src));
  ctx.Set("basic", FigureLink(d.basic, src));
  ctx.Set("project", FigureLink(d.project, src));
  ctx.Set("three_public", FigureLink(d.three_public, src));
  ctx.Set("tables", std::to_string(d.tables));
  ctx.Set("findings", d.failed ? std::string("—")
                               : std::to_string(d.Count(model::Diagnostic::Severity::kError)) +
                                     " / " +
                                     std::to_string(d.Count(model::Diagnostic::Severity::kWarning)));
}

// Lists on `ctx` the line index.md gives the collection: all that it shows, for its context
// and its key.
template <typename Sink>
void VisitIndexTotals(const std::vector<const Record*>& records, Sink& ctx) {
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
  ctx.Set("count", std::to_string(inputs));
  ctx.Set("department_count", std::to_string(names.size()));
  ctx.Set("region_count", std::to_string(regions.size()));
  ctx.Set("year_count", std::to_string(years.size()));
  ctx.Set("has_years", !years.empty());
  ctx.Set("years", years.empty() ? std::string()
                   : years.size() == 1 ? std::to_string(*years.begin())
                                       : std::to_string(*years.begin()) + "—" +
                                             std::to_string(*years.rbegin()));
  ctx.Set("spending_documents", std::to_string(with_spending));
  // The sum to 0.01 万元 (10,000 fen), half up: documents print up to six decimals (北京).
  const int64_t cent_of_wan = model::kFenPerWanYuan / 100, fen = spending.fen();
  const int64_t rounded = (fen + (fen < 0 ? -1 : 1) * cent_of_wan / 2) / cent_of_wan * cent_of_wan;
  ctx.Set("spending_total", model::Money::FromFen(rounded).WanYuan(2));
  ctx.Set("error_documents", std::to_string(with_errors));
  ctx.Set("has_failed", inputs > built);
  ctx.Set("failed", std::to_string(inputs - built));
}

// Lists on `ctx` all that the page `part` of index.md shows but its departments across years:
// its rows, its links to the other pages and, on the first page, the collection's line (a
// later page does not show it, so that it is not made again when another page's input changes).
template <typename Sink>
void VisitIndex(const std::vector<const Record*>& records, const std::vector<ListPart>& parts,
                size_t part, Sink& ctx) {
  const ListPart& p = parts[part];
  ctx.List("departments", p.end - p.begin,
           [&](size_t i, auto& row) { VisitIndexRow(*records[p.begin + i], row); });
  VisitListPages(records, parts, part, ctx);
  if (part == 0) VisitIndexTotals(records, ctx);
}

}  // namespace

data IndexContext(const std::vector<const Record*>& records, const std::vector<ListPart>& parts,
                  size_t part) {
  data ctx;
  ContextSink sink(ctx);
  VisitIndex(records, parts, part, sink);
  return ctx;
}

void IndexKey(const std::vector<const Record*>& records, const std::vector<ListPart>& parts,
              size_t part, KeyWriter& key) {
  KeySink sink(key);
  VisitIndex(records, parts, part, sink);
}

}  // namespace gongkai::pages
