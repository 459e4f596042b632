// The build's step across years: relate the disclosures of one department (years/), tell which
// disclosures must be built again because their place or findings between years changed, and
// write the pages across years (departments/<key>/, charts, data/timelines/, data/timeline.csv).
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

/// Writes the pages across years of every series of two years or more: `markdown_page(rel_md,
/// template, context, title, page)` renders a Markdown page and its HTML twin; `write(rel,
/// content)` writes any other file.
using MarkdownPage = std::function<void(const std::string&, const std::string&,
                                        const kainjow::mustache::data&, const std::string&,
                                        const std::string&)>;
void WriteYearPages(const YearRelation& relation, const MarkdownPage& markdown_page,
                    const std::function<void(const std::string&, const std::string&)>& write);

}  // namespace gongkai::site
