// The build's step across years: relate the disclosures of one department (years/), tell which
// disclosures must be built again because their place or findings between years changed, and
// write the files across years that are not pages (charts, data/timelines/, data/timeline.csv).
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include <kainjow/mustache.hpp>

#include "ingest/document.h"
#include "model/disclosure.h"
#include "parse/identity.h"
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

/// A text input as PredictSeriesKey read it (ingest::ReadDocument), for the pipeline to
/// analyse without reading it again (pipeline::Process(doc, diagnostics, &identity)).
struct ReadAhead {
  bool read = false;                           ///< read without error: doc holds its lines
  ingest::Document doc;
  std::vector<model::Diagnostic> diagnostics;  ///< what reading reported
  parse::TextIdentity identity;                ///< its names, year and kind, where read
};

/// The SeriesKey a text input (.txt, .md) will have once parsed, from its name, year and kind
/// as the parser finds them (parse/identity.h); empty for a PDF or a folder (read with
/// positions, and costly to read) and for an input without a name or a year. A guess that
/// orders the work (a department's years processed together): the relation itself is made
/// from the inputs as parsed. What it read of a text input is left in `read`.
std::string PredictSeriesKey(const std::string& path, const years::Aliases& aliases,
                             ReadAhead& read);

/// Which processed disclosures keep their model until the relation across years, so that
/// their pages (which show their years and the findings between years) are written without
/// reading and parsing them again: any with a SeriesKey while the models kept take less than
/// half of `budget` bytes, then those of a department already seen in this build (in an
/// unchanged input's record or a disclosure processed before) up to `budget` (a model is kept
/// in memory: at N = 10,000, keeping every one would take GiBs). One that does not wait is
/// written at once, without other years; should the relation give it some after all, it is
/// built again (YearsChanged): read and parsed twice, as every one was before. Thread-safe.
class Waiting {
 public:
  explicit Waiting(size_t budget) : budget_(budget) {}
  /// Notes that a disclosure of the department `key` (SeriesKey; empty: none) is built.
  void Seen(const std::string& key);
  /// Notes `key` and tells whether a disclosure of it whose model takes about `bytes` waits
  /// (then its bytes count against the budget for the rest of the build).
  bool Wait(const std::string& key, size_t bytes);

 private:
  std::mutex mutex_;
  std::unordered_set<std::string> seen_;
  const size_t budget_;
  size_t held_ = 0;
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
/// (those are in the page plan, pages/plan.h) nor data/timeline.csv (pages::TimelineCsv): its
/// charts and data/timelines/<key>.json; `write(rel, content)` writes one. A series for which
/// `same(s)` holds has the same files as the last build (the same years, each with the same
/// record) and is not drawn again: `keep(rel)` is called for each of its files instead (a chart
/// the last build left out, being empty, is not there either).
void WriteYearFiles(const YearRelation& relation,
                    const std::function<bool(const years::Series&)>& same,
                    const std::function<void(const std::string&, const std::string&)>& write,
                    const std::function<void(const std::string&)>& keep);

/// What timeline.csv is made of beside the records of its years: every series (of one year
/// too), with the ids of its years, as a hash (kept with the cross pages' keys).
std::string SeriesListKey(const YearRelation& relation);

}  // namespace gongkai::site
