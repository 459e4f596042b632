// Records' metrics -> compare.md context.
#include "pages/compare.h"

#include "pages/record.h"
#include "render/context.h"
#include "render/markdown.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using render::EscapeMarkdown;
using render::FigureLink;

namespace {

// Lists on `ctx` (pages/page_key.h) the row of compare.md of each built disclosure on the page
// `part`, and how the page links to the others: all that it shows but the departments across
// years, for the page's context and its key.
template <typename Sink>
void VisitCompare(const std::vector<const Record*>& all, const std::vector<ListPart>& parts,
                  size_t part, Sink& ctx) {
  const ListPart& p = parts[part];
  VisitListPages(all, parts, part, ctx);
  ctx.List("rows", p.end - p.begin, [&](size_t i, auto& row) {
    const Record* d = all[p.begin + i];
    row.Set("id", d->id);
    row.Set("name", EscapeMarkdown(d->Name()));
    row.Set("region", EscapeMarkdown(d->department.region.empty() ? "—" : d->department.region));
    row.Set("year", d->year ? std::to_string(d->year) : std::string("—"));
    row.Set("total", FigureLink(d->total ? d->total : d->expenditure_total, "source/" + d->id + ".html"));
    for (const char* key : {"basic_share", "project_share", "personnel_share", "public_share",
                            "carryover_share", "three_public_share", "total_per_staff"}) {
      std::string v = d->Metric(key);
      row.Set(key, v.empty() ? std::string("—") : v);
    }
    int errors = 0, warnings = 0;
    for (const auto& f : d->findings) {
      errors += f.severity == model::Diagnostic::Severity::kError;
      warnings += f.severity == model::Diagnostic::Severity::kWarning;
    }
    row.Set("findings", std::to_string(errors) + " / " + std::to_string(warnings));
  });
}

}  // namespace

data CompareContext(const std::vector<const Record*>& all, const std::vector<ListPart>& parts,
                    size_t part) {
  data ctx;
  ContextSink sink(ctx);
  VisitCompare(all, parts, part, sink);
  return ctx;
}

void CompareKey(const std::vector<const Record*>& all, const std::vector<ListPart>& parts,
                size_t part, KeyWriter& key) {
  KeySink sink(key);
  VisitCompare(all, parts, part, sink);
}

}  // namespace gongkai::pages
