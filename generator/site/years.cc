// The build's step across years (see years.h).
#include "site/years.h"

#include <cctype>
#include <fstream>

#include <boost/filesystem.hpp>

#include "ingest/document.h"
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

// The bytes of a text input PredictSeriesKey reads: its first pages, where a disclosure names
// itself (a title, 单位名称, the header of its first table "447承德市医疗保障局 预算年度：2022")
// and its year; a third of one of 44 KiB. A guess from them is consistent across a
// department's years, and that is what grouping them needs: on a generated corpus of 1,000
// (seed 2024) it differs from the whole file's for a third of the inputs (a shorter form of
// the name, "曾都区医疗保障服务中心"), yet the build reads 1,002 times instead of 1,000 (a
// department whose years follow different layouts). 8 KiB finds no name at all in those
// whose narrative comes first (南充's), which then wait for the relation in memory.
constexpr size_t kHeadBytes = 16 << 10;

// The first `max` bytes of the file at `path`, without the line the limit cuts (so no
// character is cut in two, in UTF-8 or GB18030, whose bytes after a lead byte are never a
// line feed); all of it when it is shorter. "" when it cannot be read.
std::string ReadHead(const std::string& path, size_t max) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes(max, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(max));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (bytes.size() == max)
    if (size_t end = bytes.rfind('\n'); end != std::string::npos) bytes.resize(end + 1);
  return bytes;
}

}  // namespace

std::string PredictSeriesKey(const std::string& path, const years::Aliases& aliases) {
  namespace fs = boost::filesystem;
  boost::system::error_code ec;
  std::string ext = fs::path(path).extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!fs::is_regular_file(path, ec) || (ext != ".txt" && ext != ".md")) return "";
  ingest::Document doc;
  std::vector<model::Diagnostic> diagnostics;
  // A head that does not decode alone (UTF-16 cut after the first byte of a line feed) is
  // read with the rest.
  if (!ingest::LoadDocument(path, ReadHead(path, kHeadBytes), doc, diagnostics) &&
      !ingest::ReadDocument(path, doc, diagnostics))
    return "";
  int line = 0;
  return years::SeriesKey(parse::FindKind(doc.lines), parse::FindYear(doc.lines, line),
                          parse::ChooseDepartment(parse::FindNameMentions(doc.lines)), aliases);
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

void WriteYearFiles(const YearRelation& relation,
                    const std::function<void(const std::string&, const std::string&)>& write) {
  for (const auto& s : relation.series) {
    if (!s.SpansYears()) continue;
    const auto figures = years::Timeline(s);
    if (std::string svg = pages::TimelineTotalChartSvg(s, figures); !svg.empty())
      write("charts/" + s.key + "-years-total.svg", svg);
    if (std::string svg = pages::TimelineSplitChartSvg(s, figures); !svg.empty())
      write("charts/" + s.key + "-years-split.svg", svg);
    if (std::string svg = pages::TrendSparklineSvg(s, figures); !svg.empty())
      write("charts/" + s.key + "-trend.svg", svg);
    write("data/timelines/" + s.key + ".json", pages::TimelineJson(s, figures).dump(2) + "\n");
  }
  write("data/timeline.csv", pages::TimelineCsv(relation.series));
}

}  // namespace gongkai::site
