// Unit tests for the build's step across years (site/build.cc, site/years.h): each input is
// read and parsed once per build, and an incremental build reads only the changed inputs and
// the neighbours whose place among their years changed.
#include <doctest/doctest.h>

#include <boost/filesystem.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "corpus/corpus.h"
#include "model/json.h"
#include "pipeline/process.h"
#include "site/build.h"
#include "site/years.h"
#include "years/series.h"

namespace fs = boost::filesystem;

namespace {

const std::string kSource = std::string(GONGKAI_SOURCE_DIR) + "/";

// A corpus of 8 generated disclosures in series of 3, 3 and 2 years (seed 42, as in
// corpus_test.cc) in `dir`/content; its manifest is moved beside it.
void SeriesContent(const fs::path& dir) {
  gongkai::corpus::CorpusOptions options;
  options.n = 8;
  options.seed = 42;
  options.years = 3;
  options.out_dir = (dir / "content").string();
  options.from_dir = kSource + "content/";
  REQUIRE_FALSE(gongkai::corpus::GenerateCorpus(options).fatal);
  fs::rename(dir / "content" / "MANIFEST.tsv", dir / "MANIFEST.tsv");
}

gongkai::site::BuildReport Build(
    const fs::path& dir, const std::string& out = "site",
    size_t waiting_budget = gongkai::site::BuildOptions().waiting_budget,
    size_t max_group = gongkai::site::BuildOptions().max_group) {
  gongkai::site::BuildOptions options;
  options.max_group = max_group;
  options.content_dir = (dir / "content").string();
  options.out_dir = (dir / out).string();
  options.waiting_budget = waiting_budget;
  options.templates_dir = kSource + "templates";
  options.assets_dir = kSource + "assets";
  return gongkai::site::BuildSite(options);
}

// The manifest's file names, in its order (series after series, each oldest year first).
std::vector<std::string> Files(const fs::path& dir) {
  std::ifstream in((dir / "MANIFEST.tsv").string());
  std::vector<std::string> files;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) files.push_back(line.substr(0, line.find('\t')));
  return files;
}

std::string Read(const fs::path& p) {
  std::ifstream in(p.string(), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The files of the folder `a` that are missing from `b` or differ there, and those of `b`
// missing from `a`; empty when the two trees are byte-identical.
std::vector<std::string> Differences(const fs::path& a, const fs::path& b) {
  std::vector<std::string> out;
  for (fs::recursive_directory_iterator it(a), end; it != end; ++it) {
    if (!fs::is_regular_file(it->path())) continue;
    const fs::path rel = fs::relative(it->path(), a);
    if (!fs::exists(b / rel) || Read(it->path()) != Read(b / rel)) out.push_back(rel.string());
  }
  for (fs::recursive_directory_iterator it(b), end; it != end; ++it)
    if (fs::is_regular_file(it->path()) && !fs::exists(a / fs::relative(it->path(), b)))
      out.push_back(fs::relative(it->path(), b).string());
  return out;
}

}  // namespace

TEST_SUITE("site") {

TEST_CASE("a disclosure waits for the relation across years while the models kept fit") {
  gongkai::site::Waiting waiting(1000);
  CHECK_FALSE(waiting.Wait("", 10));         // no department key: it has no other years
  CHECK(waiting.Wait("dept-a", 400));        // 400 of the first half (500) for any
  CHECK_FALSE(waiting.Wait("dept-b", 200));  // 600: past the first half, and dept-b is new
  CHECK(waiting.Wait("dept-b", 200));        // 600: dept-b was seen
  waiting.Seen("dept-c");
  CHECK_FALSE(waiting.Wait("dept-d", 1));    // new, past the first half
  CHECK(waiting.Wait("dept-c", 400));        // 1000, all of it
  CHECK_FALSE(waiting.Wait("dept-c", 1));    // over it
}

TEST_CASE("with no memory to wait in, a PDF series is read twice, to the same site") {
  // content/'s 江苏省政协办公厅 2017–2019 are folders of PDFs: their department is known
  // only once they are parsed, so they wait for the relation in memory (Waiting), or are
  // read again.
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("gongkai-onepass-%%%%%%%%");
  fs::create_directory(dir);
  fs::create_symlink(kSource + "content", dir / "content");
  auto waited = Build(dir, "waited");
  CHECK(waited.built == 10);
  CHECK(waited.processed == 10);
  auto twice = Build(dir, "twice", 0);
  CHECK(twice.built == 10);
  CHECK(twice.processed == 13);  // the three written at once without years, then again with
  CHECK(Differences(dir / "waited", dir / "twice").empty());
  CHECK(Differences(dir / "waited", kSource + "tests/pages").size() > 10);  // (it sees them)
  fs::remove_all(dir);
}

TEST_CASE("a build reads each input once, and then only what changed and its neighbours") {
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("gongkai-onepass-%%%%%%%%");
  SeriesContent(dir);
  const std::vector<std::string> files = Files(dir);
  REQUIRE(files.size() == 8);
  auto report = Build(dir);
  REQUIRE_FALSE(report.fatal);
  CHECK(report.built == 8);
  CHECK(report.processed == 8);  // not 16: a series' documents are not built again

  // The middle year of the first series: its pages link both neighbours.
  const std::string middle = fs::path(files[1]).stem().string();
  const std::string page = Read(dir / "site" / "departments" / (middle + ".md"));
  CHECK(page.find("上一年（2020 年）") != std::string::npos);
  CHECK(page.find("下一年（2022 年）") != std::string::npos);

  // Removed: its two neighbours are built again (each once), nothing else.
  const std::string kept = Read(dir / "content" / files[1]);
  fs::remove(dir / "content" / files[1]);
  report = Build(dir);
  REQUIRE_FALSE(report.fatal);
  CHECK(report.built == 7);
  CHECK(report.processed == 2);
  const std::string first = fs::path(files[0]).stem().string();
  CHECK(Read(dir / "site" / "departments" / (first + ".md")).find("下一年（2022 年）") !=
        std::string::npos);

  // Back again: it and its two neighbours.
  std::ofstream((dir / "content" / files[1]).string(), std::ios::binary) << kept;
  report = Build(dir);
  REQUIRE_FALSE(report.fatal);
  CHECK(report.processed == 3);
  CHECK(Read(dir / "site" / "departments" / (middle + ".md")) == page);

  // Nothing changed: nothing read.
  report = Build(dir);
  CHECK(report.reused == 8);
  CHECK(report.processed == 0);
  fs::remove_all(dir);
}

TEST_CASE("a text input read to predict its department is analysed as when read in its turn") {
  const std::string path = kSource + "content/2022-hebei-chengde-healthcare-security-bureau.txt";
  gongkai::site::ReadAhead read;
  const std::string key = gongkai::site::PredictSeriesKey(path, {}, read);
  REQUIRE(read.read);
  CHECK(read.doc.lines.size() == 1500);  // 1,499 line feeds, then a last line " "
  const auto later = gongkai::pipeline::Process(path);
  CHECK(key == gongkai::years::SeriesKey(later.disclosure, {}));
  CHECK(later.disclosure.department.name == "承德市医疗保障局");
  CHECK(read.identity.department.name == "承德市医疗保障局");
  CHECK(read.identity.year == 2022);
  // The parse takes the names, year and kind read ahead rather than reading them again.
  gongkai::parse::TextIdentity other = read.identity;
  other.department.name = "承德市另一个局";
  CHECK(gongkai::pipeline::Process(read.doc, read.diagnostics, &other).disclosure.department.name ==
        "承德市另一个局");
  const auto ahead =
      gongkai::pipeline::Process(std::move(read.doc), read.diagnostics, &read.identity);
  CHECK(ahead.doc.lines == later.doc.lines);
  CHECK(ahead.diagnostics.size() == later.diagnostics.size());
  CHECK(gongkai::model::ToJson(ahead.disclosure) == gongkai::model::ToJson(later.disclosure));
  // A PDF is not read to predict (nor kept).
  gongkai::site::ReadAhead pdf;
  CHECK(gongkai::site::PredictSeriesKey(
            kSource + "content/2026-shenzhen-urban-management-law-enforcement-bureau.pdf", {}, pdf)
            .empty());
  CHECK_FALSE(pdf.read);
}

TEST_CASE("a group of more inputs than max_group is no department's years: its inputs wait within the budget") {
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("gongkai-onepass-%%%%%%%%");
  SeriesContent(dir);
  // Series of 3, 3 and 2: with max_group 2 the two of 3 are not built as groups. With no
  // budget to wait in, their 6 inputs are written without their years, then again with them.
  auto grouped = Build(dir, "grouped", 0);
  CHECK(grouped.processed == 8);  // groups wait outside the budget
  auto capped = Build(dir, "capped", 0, 2);
  CHECK(capped.built == 8);
  CHECK(capped.processed == 14);
  CHECK(Differences(dir / "grouped", dir / "capped").empty());
  fs::remove_all(dir);
}

}  // TEST_SUITE
