// The build's step across years: relate the disclosures of one department (years/), tell which
// disclosures must be built again because their place or findings between years changed, and
// write the files across years that are not pages (charts, data/timelines/, data/timeline.csv).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "model/disclosure.h"
#include "site/build.h"
#include "years/identity.h"
#include "years/series.h"

namespace gongkai::site {

/// The disclosures related across years.
struct YearRelation {
  std::vector<years::Series> series;                              ///< every series, by key
  std::map<std::string, model::YearPlace> places;                 ///< by id (series of 2+)
  std::map<std::string, std::vector<model::Finding>> findings;    ///< between years, by id
};

/// Reads `content_dir`/aliases.tsv where there is one; a bad line is reported in
/// `report.files` (`path:line: error: … [aliases]`), counted in `report.skipped` (so the build
/// exits 1) and left out; the others are used.
years::Aliases LoadAliases(const std::string& content_dir, BuildReport& report);

/// Groups `built` into series and runs the checks between consecutive years
/// (years/cross_year.h) on their year_facts.
YearRelation RelateYears(const std::vector<const model::Disclosure*>& built,
                         const years::Aliases& aliases);

/// Whether `d` (as built or reused) has another place or other findings between years than
/// the relation gives it: then its pages must be built again.
bool YearsChanged(const model::Disclosure& d, const YearRelation& relation);

/// Sets d.years and replaces d's findings between years with the relation's.
void ApplyYears(const YearRelation& relation, model::Disclosure& d);

/// Writes the files across years of every series of two years or more that are not pages
/// (those are in the page plan, pages/plan.h): its charts, data/timelines/<key>.json, and
/// data/timeline.csv; `write(rel, content)` writes one.
void WriteYearFiles(const YearRelation& relation,
                    const std::function<void(const std::string&, const std::string&)>& write);

}  // namespace gongkai::site
