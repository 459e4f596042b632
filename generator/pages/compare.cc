// Records' metrics -> compare.md context.
#include "pages/compare.h"

#include "pages/record.h"
#include "render/context.h"
#include "render/markdown.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using render::EscapeMarkdown;
using render::FigureLink;

data CompareContext(const std::vector<const Record*>& all) {
  data ctx;
  list rows;
  for (const auto* d : all) {
    data row;
    row.set("id", d->id);
    row.set("name", EscapeMarkdown(d->Name()));
    row.set("region", EscapeMarkdown(d->department.region.empty() ? "—" : d->department.region));
    row.set("year", d->year ? std::to_string(d->year) : std::string("—"));
    row.set("total", FigureLink(d->total ? d->total : d->expenditure_total, "source/" + d->id + ".html"));
    for (const char* key : {"basic_share", "project_share", "personnel_share", "public_share",
                            "carryover_share", "three_public_share", "total_per_staff"}) {
      std::string v = d->Metric(key);
      row.set(key, v.empty() ? std::string("—") : v);
    }
    int errors = 0, warnings = 0;
    for (const auto& f : d->findings) {
      errors += f.severity == model::Diagnostic::Severity::kError;
      warnings += f.severity == model::Diagnostic::Severity::kWarning;
    }
    row.set("findings", std::to_string(errors) + " / " + std::to_string(warnings));
    rows.push_back(row);
  }
  ctx.set("rows", rows);
  return ctx;
}

}  // namespace gongkai::pages
