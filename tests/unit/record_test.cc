// Unit tests for the cross pages' per-document records (pages/record.h) and their place in the
// build's cache (site/cache.h): what a record keeps and drops, exactly, through its bytes.
#include <doctest/doctest.h>

#include <malloc.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <vector>

#include <boost/filesystem.hpp>

#include "ingest/sha256.h"
#include "pages/record.h"
#include "site/cache.h"
#include "years/timeline.h"

namespace model = gongkai::model;
namespace fs = boost::filesystem;
using gongkai::pages::MakeRecord;
using gongkai::pages::Record;
using gongkai::pages::RecordFromBytes;
using gongkai::pages::RecordToBytes;

namespace {

model::Figure F(const char* wan, int line) {
  auto m = model::Money::Parse(wan);
  REQUIRE(m.has_value());
  return {*m, line};
}

// A disclosure with a little of everything a cross page shows, and some it does not.
model::Disclosure Audit() {
  model::Disclosure d;
  d.id = "2026-beijing-audit-bureau";
  d.source.path = "content/2026-beijing-audit-bureau";
  d.department = {"北京市审计局", 3, "北京市", "province"};
  d.year = 2026;
  d.summary.income_total = F("32852.053832", 206);
  d.summary.current_expenditure = F("32000", 205);
  d.expenditure.total = F("32852.053832", 285);
  d.expenditure.basic = F("25218.537585", 285);
  d.summary.expenditure_classes.push_back({"201", "一般公共服务支出", F("29000.5", 190)});
  d.functional.push_back({"2010801", "行政运行", 3, F("1710.772524", 196), std::nullopt,
                          std::nullopt, 196, "a note no cross page shows"});
  d.metrics.push_back({"class_share_201", "一般公共服务支出占支出合计", 88.27, "%", {190, 285}});
  d.metrics.push_back({"basic_share", "基本支出占支出合计", 76.764281, "%", {285}});
  model::Finding f;
  f.rule = "narrative-share";
  f.severity = model::Diagnostic::Severity::kWarning;
  f.message = "第 181 行说 5.22%，算得 5.21%";
  f.lines = {181, 167};
  f.figures = {F("22.47", 181)};
  f.downgraded = "not shown on a cross page";
  d.findings.push_back(f);
  model::Claim c;
  c.text = "一般公共预算当年拨款 431.10 万元";
  d.claims = {c, c};  // the same sentence twice: searched once
  d.glossary.push_back({"基本支出", "保障机构正常运转的支出", 40});
  return d;
}

gongkai::site::CachedInput Entry(const std::string& id) {
  gongkai::site::CachedInput in;
  in.id = id;
  return in;
}

}  // namespace

TEST_SUITE("pages") {

TEST_CASE("a record keeps what the cross pages show and drops the rest") {
  const Record r = MakeRecord(Audit(), false, "");
  CHECK(r.Name() == "北京市审计局");
  CHECK(r.department.region == "北京市");
  CHECK(r.spending->amount.WanYuan(2) == "32852.053832");  // 支出合计 before 本年支出合计
  CHECK(r.spending->line == 285);
  CHECK(r.Metric("basic_share") == "76.76");
  CHECK(r.Metric("class_share_201") == "");  // no cross page shows it
  REQUIRE(r.functional.size() == 1);  // (without its note: a record's rows have none)
  CHECK(r.functional[0].code == "2010801");
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].figures.empty());
  CHECK(r.findings[0].downgraded.empty());
  CHECK(r.findings[0].lines == std::vector<int>{181, 167});
  CHECK(r.Count(model::Diagnostic::Severity::kWarning) == 1);
  CHECK(r.Count(model::Diagnostic::Severity::kError) == 0);
  // The department's page, its narrative sentence once, its finding.
  REQUIRE(r.search.size() == 3);
  CHECK(r.search[0].kind == "department");
  CHECK(r.search[1].text == "一般公共预算当年拨款 431.10 万元");
  // (its department's findings: a paged rule's first page lists only the first departments)
  CHECK(r.search[2].url == "departments/2026-beijing-audit-bureau.html#findings");
}

TEST_CASE("a record keeps its year facts as bytes, without the claims' sentences") {
  model::YearFacts facts;
  model::Claim c;
  c.kind = model::Claim::Kind::kAmount;
  c.line = 181;
  c.subject = "expenditure_total";
  c.text = std::string(1024, 'a');  // the sentence: the record does not keep it
  c.amount = F("31848.36", 181).amount;
  facts.prior.assign(1000, c);
  auto heap = [] {  // in use: in the arenas and in blocks of their own (a large one)
    const struct mallinfo2 m = mallinfo2();
    return static_cast<long>(m.uordblks + m.hblkhd);
  };
  const long before = heap();
  const gongkai::pages::Packed<model::YearFacts> packed(facts);
  CHECK(heap() - before < 64 * 1024);  // not 1,000 claims of 1 KiB
  // No sure subjects (1), 1,000 claims (2), each: kind (1), line 181 (2), subject (1 + 17),
  // amount (fen 6, decimals 1), direction, no base, base line, previous year, no table (1
  // each): 33 bytes; then no indexes, no headline figures (1 each).
  CHECK(packed.bytes().size() == 1 + 2 + 1000 * 33 + 1 + 1);
  const model::YearFacts back = packed.Unpack();
  REQUIRE(back.prior.size() == 1000);
  CHECK(back.prior[999].text.empty());
  CHECK(back.prior[999].subject == "expenditure_total");
  CHECK(back.prior[999].amount.fen() == 31848360000);
}

TEST_CASE("a row's code and name are one copy for every record, on every thread") {
  using gongkai::pages::Interned;
  const Interned a("行政运行"), b(std::string("行政运行")), c("一般行政管理事务");
  CHECK(&a.str() == &b.str());
  CHECK(a == b);
  CHECK(a != c);
  CHECK(a.str() == "行政运行");
  CHECK(c == std::string("一般行政管理事务"));
  CHECK(Interned().empty());
  CHECK(&Interned("").str() == &Interned().str());
  // Found or added from two threads at once, the same copy.
  std::vector<const std::string*> seen(2);
  auto intern = [&](size_t t) {
    for (int i = 0; i < 2000; ++i) Interned(std::to_string(i) + "款");
    seen[t] = &Interned("1999款").str();
  };
  std::thread other(intern, 1);
  intern(0);
  other.join();
  CHECK(seen[0] == seen[1]);
  // A record read back holds the same copies as one made from its disclosure.
  const Record r = MakeRecord(Audit(), false, "");
  const Record back = RecordFromBytes(RecordToBytes(r));
  CHECK(&back.functional[0].name.str() == &r.functional[0].name.str());
  CHECK(back.functional[0].code == "2010801");
  CHECK(back.functional[0].name == "行政运行");
}

TEST_CASE("a record reads back from its bytes exactly, to the fen") {
  const Record r = MakeRecord(Audit(), false, "");
  const Record back = RecordFromBytes(RecordToBytes(r));
  CHECK(RecordToBytes(back) == RecordToBytes(r));
  REQUIRE(back.functional[0].total.has_value());
  CHECK(back.functional[0].total.get()->amount.fen() == 1710772524);  // 1710.772524 万元
  CHECK(back.functional[0].total.get()->amount.decimals() == 6);
  CHECK(back.functional[0].total.get()->line == 196);
  CHECK(!back.functional[0].basic.has_value());
  CHECK(back.classes[0].amount.amount.fen() == 29000500000);
  CHECK(back.findings[0].severity == model::Diagnostic::Severity::kWarning);
  CHECK(back.glossary[0].line == 40);
}

TEST_CASE("a record keeps what the relation across years reads, and its view relates as the disclosure") {
  model::Disclosure d = Audit();
  d.kind = "budget";
  d.source.files.push_back({"content/2026-beijing-audit-bureau/附件2.pdf", "ab", "pdf", 120, 4});
  d.source.page_starts = {120, 160, 200, 240};
  d.source.page_numbers = {1, 2, 3, 4};
  d.source.page_files = {0, 0, 0, 0};
  model::Claim change;
  change.kind = model::Claim::Kind::kChange;
  change.line = 181;
  change.subject = "expenditure_total";
  change.amount = F("1003.69", 181).amount;
  change.direction = 1;
  change.base = F("31848.36", 181).amount;
  change.base_line = 181;
  d.year_facts.sure = {"expenditure_total"};
  // A figure its “三公” table states for the previous year (no index in claims).
  model::Claim table;
  table.kind = model::Claim::Kind::kAmount;
  table.previous_year = true;
  table.line = 300;
  table.subject = "three_public.total";
  table.amount = F("396.97", 300).amount;
  table.table = "《2026年财政拨款“三公”经费支出情况表》2025年预算数";
  d.year_facts.prior = {change, table};
  d.year_facts.prior_index = {1};
  d.year_facts.headline = {{"expenditure_total", F("32852.053832", 285)}};
  d.years = {"dept-0123456789ab", "2025-beijing-audit-bureau", "", 2025, 0, 2};
  d.findings.push_back({"prior-year-figure", model::Diagnostic::Severity::kWarning,
                        "2026 年公开第 181 行所说上年支出总计为 31848.36 万元", {181}, {}, ""});
  const Record back = RecordFromBytes(RecordToBytes(MakeRecord(d, false, "")));
  CHECK(RecordToBytes(back) == RecordToBytes(MakeRecord(d, false, "")));
  const model::Disclosure view = gongkai::pages::YearsView(back);
  CHECK(view.id == "2026-beijing-audit-bureau");
  CHECK(view.kind == "budget");
  CHECK(view.year == 2026);
  CHECK(view.department.name == "北京市审计局");
  CHECK(view.years == d.years);
  CHECK(view.source.files[0].first_line == 120);
  CHECK(view.source.page_starts == std::vector<int>{120, 160, 200, 240});
  CHECK(view.year_facts.sure == std::vector<std::string>{"expenditure_total"});
  REQUIRE(view.year_facts.prior.size() == 2);
  CHECK(view.year_facts.prior[0].table.empty());
  CHECK(view.year_facts.prior[1].table == "《2026年财政拨款“三公”经费支出情况表》2025年预算数");
  CHECK(view.year_facts.prior[1].previous_year);
  CHECK(view.year_facts.prior[1].amount.fen() == 396970000);
  const model::Claim& c = view.year_facts.prior[0];
  CHECK(c.kind == model::Claim::Kind::kChange);
  CHECK(c.amount.fen() == 1003690000);  // 1003.69 万元
  CHECK(c.direction == 1);
  REQUIRE(c.base.has_value());
  CHECK(c.base->fen() == 31848360000);  // 31848.36 万元
  CHECK(c.base_line == 181);
  // Its headline figures are the kept ones (the view has no tables to read them from).
  auto total = gongkai::years::HeadlineFigure(view, "expenditure_total");
  REQUIRE(total.has_value());
  CHECK(total->amount.fen() == 32852053832);
  CHECK(total->line == 285);
  CHECK(!gongkai::years::HeadlineFigure(view, "basic").has_value());
  // Of its findings, those between years (the record keeps narrative-share too).
  CHECK(back.findings.size() == 2);
  REQUIRE(view.findings.size() == 1);
  CHECK(view.findings[0].rule == "prior-year-figure");
  CHECK(view.findings[0].lines == std::vector<int>{181});
  REQUIRE(view.metrics.size() == 1);
  CHECK(view.metrics[0].key == "basic_share");
  CHECK(*view.metrics[0].value == doctest::Approx(76.76));
  // Of a department with no other year: its headline figures, findings and place, not its
  // claims or metrics.
  const model::Disclosure alone = gongkai::pages::YearsView(back, false);
  CHECK(alone.id == view.id);
  CHECK(alone.years == d.years);
  CHECK(alone.source.page_starts == view.source.page_starts);
  CHECK(alone.findings.size() == 1);
  CHECK(alone.year_facts.headline.size() == 1);
  CHECK(alone.year_facts.prior.empty());
  CHECK(alone.year_facts.sure.empty());
  CHECK(alone.metrics.empty());
}

TEST_CASE("a failed input's record names its file and its error, and has no search entries") {
  model::Disclosure d;
  d.id = "broken";
  d.source.path = "content/broken.pdf";
  const Record back = RecordFromBytes(RecordToBytes(MakeRecord(d, true, "line 3: no text")));
  CHECK(back.failed);
  CHECK(back.failure == "line 3: no text");
  CHECK(back.source_path == "content/broken.pdf");
  CHECK(back.search.empty());
}

TEST_CASE("a record's bytes cut short or run on are not a record") {
  const std::string bytes = RecordToBytes(MakeRecord(Audit(), false, ""));
  CHECK(RecordFromBytes(bytes).functional[0].total.get()->amount.fen() == 1710772524);
  CHECK_THROWS(RecordFromBytes(bytes.substr(0, bytes.size() - 1)));
  CHECK_THROWS(RecordFromBytes(bytes + '\0'));
  CHECK_THROWS(RecordFromBytes(""));
  // Read without its search entries: the bytes before them, whole.
  size_t head = 0;
  REQUIRE(RecordToBytes(MakeRecord(Audit(), false, ""), &head) == bytes);
  REQUIRE(head > 0);
  REQUIRE(head < bytes.size());
  CHECK(RecordFromBytes(bytes.substr(0, head), false).functional[0].total.get()->amount.fen() ==
        1710772524);
  CHECK_THROWS(RecordFromBytes(bytes.substr(0, head - 1), false));
  CHECK_THROWS(RecordFromBytes(bytes.substr(0, head + 1), false));
  CHECK_THROWS(RecordFromBytes(bytes, false));  // the entries are not its bytes
}

TEST_CASE("a record read without its search entries has all else, and is not written again") {
  const Record whole = MakeRecord(Audit(), false, "");
  REQUIRE(whole.search.size() > 1);
  size_t head = 0;
  const std::string bytes = RecordToBytes(whole, &head);
  const Record r = RecordFromBytes(std::string_view(bytes).substr(0, head), false);
  CHECK(r.search_deferred);
  CHECK(r.search.empty());
  CHECK(r.id == whole.id);
  CHECK(r.functional.size() == whole.functional.size());
  CHECK(r.functional[0].total.get()->amount.fen() == 1710772524);
  CHECK(r.glossary.size() == whole.glossary.size());
  CHECK(r.findings.size() == whole.findings.size());
  CHECK_THROWS_AS(RecordToBytes(r), std::logic_error);  // its bytes would lose the entries
  Record with = r;
  with.search = whole.search;
  with.search_deferred = false;
  CHECK(RecordToBytes(with) == RecordToBytes(whole));
}

// The records file of the cache in `dir` (there is one).
fs::path PackOf(const fs::path& dir) {
  for (fs::directory_iterator it(dir), end; it != end; ++it)
    if (it->path().extension() == ".pack") return it->path();
  FAIL("no records file in " << dir);
  return {};
}

// Changes the byte after the first `marker` in `file`.
void Damage(const fs::path& file, const std::string& marker) {
  std::fstream f(file.string(), std::ios::in | std::ios::out | std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const size_t at = bytes.find(marker);
  REQUIRE(at != std::string::npos);
  f.seekp(static_cast<std::streamoff>(at + marker.size()));
  f.put(static_cast<char>(bytes[at + marker.size()] ^ 1));
}

TEST_CASE("a record the cache cannot read is not used, and a removed input's record goes") {
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("gongkai-record-%%%%%%%%");
  fs::create_directories(dir / "records");  // as gongkai kept records before: removed
  const Record kept = MakeRecord(Audit(), false, "");
  Record gone;
  gone.id = "gone";
  using gongkai::site::Cache;
  Cache::Load(dir, false, "hash")
      .Save("hash", {{"2026-beijing-audit-bureau", Entry(kept.id)}, {"gone", Entry("gone")}},
            {&kept, &gone}, {});
  CHECK(!fs::exists(dir / "records"));
  Record read;
  REQUIRE(Cache::Load(dir, true, "hash").LoadRecord("gone", read));
  Cache::Load(dir, true, "hash").Save("hash", {{"2026-beijing-audit-bureau", Entry(kept.id)}}, {}, {});
  const Cache cache = Cache::Load(dir, true, "hash");
  REQUIRE(cache.LoadRecord(kept.id, read));
  CHECK(RecordToBytes(read) == RecordToBytes(kept));
  CHECK(!cache.LoadRecord("gone", read));
  CHECK(!Cache::Load(dir, true, "other templates").LoadRecord(kept.id, read));
  // One bit of a figure changed (the amount of the 类 一般公共服务支出, which follows its
  // name): the record still reads, with another amount, but its checksum does not hold.
  Damage(PackOf(dir), "一般公共服务支出");
  CHECK(!Cache::Load(dir, true, "hash").LoadRecord(kept.id, read));
  CHECK(!Cache::Load(dir, true, "hash").LoadRecord(kept.id, read, /*search=*/false));
  fs::resize_file(PackOf(dir), 30);  // cut short
  CHECK(!Cache::Load(dir, true, "hash").LoadRecord(kept.id, read));
  fs::remove_all(dir);
}

TEST_CASE("a record is read without its search entries, which are checked when they are read") {
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("gongkai-record-%%%%%%%%");
  const Record kept = MakeRecord(Audit(), false, "");
  REQUIRE(kept.search.size() > 1);
  // A record whose bytes before its search entries are more than a first read asks for (16 KiB).
  model::Disclosure long_one;
  long_one.id = "0-long";  // (before the audit bureau: records go by id)
  long_one.glossary.push_back({"术语", std::string(20000, 'x'), 7});
  const Record long_record = MakeRecord(long_one, false, "");
  using gongkai::site::Cache;
  Cache::Load(dir, false, "hash")
      .Save("hash", {{"0-long", Entry("0-long")}, {"2026-beijing-audit-bureau", Entry(kept.id)}},
            {&long_record, &kept}, {});
  Record read;
  REQUIRE(Cache::Load(dir, true, "hash").LoadRecord("0-long", read, /*search=*/false));
  REQUIRE(read.glossary.size() == 1);
  CHECK(read.glossary[0].definition == std::string(20000, 'x'));
  CHECK(read.glossary[0].line == 7);
  REQUIRE(Cache::Load(dir, true, "hash").LoadRecord(kept.id, read, /*search=*/false));
  CHECK(read.search_deferred);
  CHECK(read.search.empty());
  std::vector<gongkai::render::SearchEntry> entries;
  REQUIRE(Cache::Load(dir, true, "hash").LoadSearch(kept.id, entries));
  read.search = entries;
  read.search_deferred = false;
  CHECK(RecordToBytes(read) == RecordToBytes(kept));
  // The file's last byte, of the audit bureau's last search entry (written last: records go
  // by id), changed: its record still reads without them, not with them.
  {
    std::fstream f(PackOf(dir).string(), std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(-1, std::ios::end);
    const char last = static_cast<char>(f.get());
    f.seekp(-1, std::ios::end);
    f.put(static_cast<char>(last ^ 1));
  }
  const Cache cache = Cache::Load(dir, true, "hash");
  CHECK(cache.LoadRecord(kept.id, read, /*search=*/false));
  CHECK(!cache.LoadSearch(kept.id, entries));
  CHECK(!cache.LoadRecord(kept.id, read));
  CHECK(cache.LoadRecord("0-long", read));
  // Forgotten: the next build finds no manifest and builds every input again.
  cache.Forget();
  CHECK(!Cache::Load(dir, true, "hash").Usable());
  fs::remove_all(dir);
}

TEST_CASE("a cache prepared but not committed leaves the last one whole; committed, it is the new one") {
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("gongkai-record-%%%%%%%%");
  using gongkai::site::Cache;
  model::Disclosure small;
  small.id = "small";
  small.year = 2023;
  const Record first = MakeRecord(small, false, "");
  Cache::Load(dir, false, "hash").Save("hash", {{"small", Entry("small")}}, {&first}, {{"index.html", "k1"}});
  small.year = 2024;
  const Record second = MakeRecord(small, false, "");
  // A build stopped (or failed) after preparing its cache: its record was written (into a new
  // records file: the last one's would be half records no input has), but the manifest on
  // disk is still the last one, and so are its records file and records.
  const fs::path last_pack = PackOf(dir);
  const Cache::Prepared prepared =
      Cache::Load(dir, true, "hash").Prepare("hash", {{"small", Entry("small")}}, {&second}, {{"index.html", "k2"}});
  CHECK(prepared.pack == "records-2.pack");
  CHECK(fs::exists(dir / prepared.pack));
  CHECK(fs::exists(last_pack));
  Record read;
  {
    const Cache last = Cache::Load(dir, true, "hash");
    REQUIRE(last.LoadRecord("small", read));
    CHECK(read.year == 2023);
  }
  // (Load took the page keys out of the folder: written again only by a Commit.)
  Cache::Load(dir, true, "hash").Commit(prepared);
  const Cache next = Cache::Load(dir, true, "hash");
  REQUIRE(next.LoadRecord("small", read));
  CHECK(read.year == 2024);
  CHECK(next.PageKey("index.html") == "k2");
  CHECK_FALSE(fs::exists(last_pack));  // no longer named
  fs::remove_all(dir);
}

TEST_CASE("the manifest keeps each input as it was, tabs, line breaks and % in names too") {
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("gongkai-manifest-%%%%%%%%");
  using gongkai::site::Cache;
  using gongkai::site::CachedInput;
  CachedInput odd = Entry("2026-odd");
  odd.stamp = {76927, 1796092385480458872, 11998519};
  odd.failed = true;
  odd.loaded = false;
  odd.files = {"originals/2026-odd/a\tb\\c%41.txt", "departments/2026-odd.html"};  // %41 stays
  odd.diagnostics = {{model::Diagnostic::Severity::kWarning, 757, "第一行\n第二行\t（\\n 不是换行）",
                      "narrative-change"}};
  Cache::Load(dir, false, "hash").Save("hash", {{"名\t字\n.txt", odd}}, {}, {});
  Cache cache = Cache::Load(dir, true, "hash");
  CHECK(cache.Usable());
  const CachedInput* in = cache.Reusable("名\t字\n.txt", "2026-odd", odd.stamp);
  REQUIRE(in != nullptr);
  CHECK(in->failed);
  CHECK(!in->loaded);
  CHECK(in->files == odd.files);
  REQUIRE(in->diagnostics.size() == 1);
  CHECK(in->diagnostics[0].severity == model::Diagnostic::Severity::kWarning);
  CHECK(in->diagnostics[0].line == 757);
  CHECK(in->diagnostics[0].message == odd.diagnostics[0].message);
  CHECK(in->diagnostics[0].rule == "narrative-change");
  CHECK(cache.Reusable("名\t字\n.txt", "2026-odd", {76927, 1796092385480458872, 11998520}) == nullptr);
  CHECK(!Cache::Load(dir, true, "other templates").Usable());
  // Cut short (a line without its end): not used, every input is built again.
  fs::resize_file(dir / "manifest", fs::file_size(dir / "manifest") - 1);
  CHECK(!Cache::Load(dir, true, "hash").Usable());
  fs::remove_all(dir);
}

TEST_CASE("records built again are appended, until most of the file is records no input has") {
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("gongkai-record-%%%%%%%%");
  using gongkai::site::Cache;
  const Record audit = MakeRecord(Audit(), false, "");
  model::Disclosure small;
  small.id = "small";
  const Record first = MakeRecord(small, false, "");
  Cache::Load(dir, false, "hash")
      .Save("hash", {{"audit", Entry(audit.id)}, {"small", Entry("small")}}, {&audit, &first}, {});
  const fs::path pack = PackOf(dir);
  CHECK(pack.filename() == "records-1.pack");
  const auto size = fs::file_size(pack);
  small.year = 2024;
  const Record second = MakeRecord(small, false, "");
  Cache::Load(dir, true, "hash")
      .Save("hash", {{"audit", Entry(audit.id)}, {"small", Entry("small")}}, {&second}, {});
  CHECK(PackOf(dir) == pack);
  CHECK(fs::file_size(pack) == size + 24 + RecordToBytes(second).size());
  Record read;
  REQUIRE(Cache::Load(dir, true, "hash").LoadRecord("small", read));
  CHECK(read.year == 2024);
  REQUIRE(Cache::Load(dir, true, "hash").LoadRecord(audit.id, read));
  CHECK(RecordToBytes(read) == RecordToBytes(audit));
  // The audit bureau removed: the file would be mostly its record. A new one is written, with
  // the small record only, and the old one goes.
  Cache::Load(dir, true, "hash").Save("hash", {{"small", Entry("small")}}, {}, {});
  CHECK(PackOf(dir).filename() == "records-2.pack");
  CHECK(!fs::exists(pack));
  const Cache cache = Cache::Load(dir, true, "hash");
  REQUIRE(cache.LoadRecord("small", read));
  CHECK(read.year == 2024);
  CHECK(!cache.LoadRecord(audit.id, read));
  fs::remove_all(dir);
}

}  // TEST_SUITE

TEST_CASE("the cache is keyed on the binary that built it: its build id, as readelf reads it") {
  // readelf (binutils, installed with the compiler) reads the note from the file on disk.
  std::string shown;
  // (/proc/<pid>, not /proc/self: that would be readelf's own.)
  const std::string command = "readelf -n /proc/" + std::to_string(::getpid()) + "/exe 2>/dev/null";
  if (FILE* p = ::popen(command.c_str(), "r")) {
    char buf[512];
    while (::fgets(buf, sizeof buf, p)) shown += buf;
    ::pclose(p);
  }
  const std::string marker = "Build ID: ";
  const size_t at = shown.find(marker);
  REQUIRE(at != std::string::npos);
  const std::string id = shown.substr(at + marker.size(), shown.find('\n', at) - at - marker.size());
  CHECK(id.size() == 40);  // sha1, as linked (CMakeLists.txt: --build-id=sha1)
  const std::string ids = gongkai::site::LoadedBuildIds();
  CHECK(ids.rfind(id + ";", 0) == 0);   // the executable's first
  CHECK(ids.size() > id.size() + 1);    // and the libraries' (libstdc++, poppler, …)
  CHECK(gongkai::site::BinaryIdentity().size() == 64);
  std::map<std::string, std::string> templates = {
      {"layout.html", "L"}, {"department.md", "D"}, {"source.html", "S"}};
  CHECK(gongkai::site::PerDocumentHash(templates) ==
        gongkai::ingest::Sha256Hex(gongkai::site::BinaryIdentity() + '\0' + "L" + '\0' + "D" +
                                   '\0' + "S"));
}
