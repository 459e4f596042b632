// The build's step across years (see years.h).
#include "site/years.h"

#include <cctype>

#include <boost/filesystem.hpp>

#include "ingest/document.h"
#include "ingest/sha256.h"
#include "parse/identity.h"
#include "pages/timeline.h"
#include "site/files.h"
#include "years/cross_year.h"
#include "years/timeline.h"

namespace gongkai::site {

namespace {

// The findings between years of `d`, in order.
std::vector<model::Finding> CrossYearOf(const model::Disclosure& d) {
  std::vector<model::Finding> out;
  for (const auto& f : d.findings)
    if (years::IsCrossYearRule(f.rule)) out.push_back(f);
  return out;
}

// Two findings as a page shows them (the JSON a reused disclosure is read from keeps no
// figures).
bool SameFinding(const model::Finding& a, const model::Finding& b) {
  return a.rule == b.rule && a.severity == b.severity && a.message == b.message &&
         a.lines == b.lines && a.downgraded == b.downgraded;
}

}  // namespace

std::string PredictSeriesKey(const std::string& path, const years::Aliases& aliases,
                             ReadAhead& read) {
  namespace fs = boost::filesystem;
  boost::system::error_code ec;
  std::string ext = fs::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!fs::is_regular_file(path, ec) || (ext != ".txt" && ext != ".md")) return "";
  read.read = ingest::ReadDocument(path, read.doc, read.diagnostics);
  if (!read.read) return "";
  const auto& lines = read.doc.lines;
  read.identity = parse::FindTextIdentity(lines, parse::CleanLines(lines));
  return years::SeriesKey(read.identity.kind, read.identity.year, read.identity.department,
                          aliases);
}

void Waiting::Seen(const std::string& key) {
  if (key.empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  seen_.insert(key);
}

bool Waiting::Wait(const std::string& key, size_t bytes) {
  if (key.empty()) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  // The first half of the budget for any department, the rest for those seen before (more
  // likely to have other years).
  const bool seen = !seen_.insert(key).second;
  if (held_ + bytes > (seen ? budget_ : budget_ / 2)) return false;
  held_ += bytes;
  return true;
}

years::Aliases LoadAliases(const std::string& content_dir, BuildReport& build) {
  namespace fs = boost::filesystem;
  const fs::path path = fs::path(content_dir) / years::kAliasesFile;
  boost::system::error_code ec;
  if (!fs::exists(path, ec)) return {};
  FileReport report{ingest::PrintableName(path.string()), {}};
  std::string text;
  years::Aliases aliases;
  if (!fs::is_regular_file(path, ec) || !ReadWholeFile(path.string(), text))
    report.diagnostics.push_back({model::Diagnostic::Severity::kError, 0,
                                  "cannot read the alias list", "aliases"});
  else
    aliases = years::ParseAliases(text, report.diagnostics);
  build.skipped += static_cast<int>(report.diagnostics.size());
  if (!report.diagnostics.empty()) build.files.push_back(std::move(report));
  return aliases;
}

YearRelation RelateYears(const std::vector<const model::Disclosure*>& built,
                         const years::Aliases& aliases) {
  YearRelation relation;
  relation.series = years::GroupIntoSeries(built, aliases);
  relation.places = years::PlacesOf(relation.series);
  for (const auto& s : relation.series)
    for (size_t i = 1; i < s.years.size(); ++i) {
      auto found = years::CheckAcrossYears(*s.years[i - 1], *s.years[i]);
      auto& previous = relation.findings[s.years[i - 1]->id];
      previous.insert(previous.end(), found.previous.begin(), found.previous.end());
      auto& current = relation.findings[s.years[i]->id];
      current.insert(current.end(), found.current.begin(), found.current.end());
    }
  return relation;
}

bool YearsChanged(const model::Disclosure& d, const YearRelation& relation) {
  auto place = relation.places.find(d.id);
  if (!(d.years == (place == relation.places.end() ? model::YearPlace() : place->second)))
    return true;
  auto it = relation.findings.find(d.id);
  const std::vector<model::Finding> none;
  const auto& wanted = it == relation.findings.end() ? none : it->second;
  const auto has = CrossYearOf(d);
  return !std::equal(has.begin(), has.end(), wanted.begin(), wanted.end(), SameFinding);
}

void ApplyYears(const YearRelation& relation, model::Disclosure& d) {
  auto place = relation.places.find(d.id);
  d.years = place == relation.places.end() ? model::YearPlace() : place->second;
  years::RemoveCrossYearFindings(d);
  if (auto it = relation.findings.find(d.id); it != relation.findings.end())
    d.findings.insert(d.findings.end(), it->second.begin(), it->second.end());
}

namespace {

// The charts across years of a series: the end of their file name (charts/<key><suffix>) and
// how each is drawn ("" for none).
struct YearChart {
  const char* suffix;
  std::string (*draw)(const years::Series&, const std::vector<years::TimelineFigure>&);
};
const YearChart kYearCharts[] = {{"-years-total.svg", pages::TimelineTotalChartSvg},
                                 {"-years-split.svg", pages::TimelineSplitChartSvg},
                                 {"-trend.svg", pages::TrendSparklineSvg}};

}  // namespace

void WriteYearFiles(const YearRelation& relation,
                    const std::function<bool(const years::Series&)>& same,
                    const std::function<void(const std::string&, const std::string&)>& write,
                    const std::function<void(const std::string&)>& keep) {
  for (const auto& s : relation.series) {
    if (!s.SpansYears()) continue;
    const std::string json = "data/timelines/" + s.key + ".json";
    if (same(s)) {
      for (const auto& chart : kYearCharts) keep("charts/" + s.key + chart.suffix);
      keep(json);
      continue;
    }
    const auto figures = years::Timeline(s);
    for (const auto& chart : kYearCharts)
      if (std::string svg = chart.draw(s, figures); !svg.empty())
        write("charts/" + s.key + chart.suffix, svg);
    write(json, pages::TimelineJson(s, figures).dump(2) + "\n");
  }
}

std::string SeriesListKey(const YearRelation& relation) {
  std::string list;
  for (const auto& s : relation.series) {
    list += s.key;
    for (const auto* d : s.years) list += '\0' + d->id;
    list += '\n';
  }
  return ingest::Sha256Hex(list);
}

}  // namespace gongkai::site
