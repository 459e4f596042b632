// Unit tests for the CSV downloads made from the last build's file (pages/downloads.h MakeCsv):
// the rows of a department not built again are taken from it, the others made, to the bytes
// of a file made whole.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "pages/downloads.h"

namespace model = gongkai::model;
using gongkai::pages::kDepartmentsCsv;
using gongkai::pages::kFunctionalCsv;
using gongkai::pages::MakeCsv;
using gongkai::pages::Record;

namespace {

// An amount of `cents` 0.01 万元 on `line`.
model::MaybeFigure F(int64_t cents, int line) {
  return model::Figure{model::Money::FromFen(cents * (model::kFenPerWanYuan / 100)), line};
}

// a1 with two functional rows; b2, whose name holds a quote, a comma and a line break (a
// quoted cell over two lines), with one; c3 with none.
std::vector<Record> Records() {
  std::vector<Record> r(3);
  r[0].id = "a1";
  r[0].department.name = "甲局";
  r[0].year = 2024;
  r[0].functional.push_back({"201", "一般公共服务支出", 1, F(12345, 10), F(10000, 10), F(2345, 10), 10});
  r[0].functional.push_back({"20101", "人大事务", 2, F(12345, 11), std::nullopt, std::nullopt, 11});
  r[1].id = "b2";
  r[1].department.name = "乙\"局,\n二";
  r[1].year = 2024;
  r[1].functional.push_back({"208", "社会保障和就业支出", 1, F(5000, 20), std::nullopt, std::nullopt, 20});
  r[2].id = "c3";
  r[2].department.name = "丙局";
  return r;
}

std::vector<const Record*> All(const std::vector<Record>& records) {
  std::vector<const Record*> all;
  for (const auto& r : records) all.push_back(&r);
  return all;
}

// MakeCsv from `previous`, taking the departments not in `built` as the last build's.
std::string SplicedCsv(const gongkai::pages::CsvDownload& csv, const std::vector<Record>& records,
                       const std::string& previous, const std::set<std::string>& built) {
  return MakeCsv(csv, All(records), previous, [&](const Record& d) { return built.count(d.id) == 0; })
      .Joined();
}

}  // namespace

TEST_SUITE("pages") {

TEST_CASE("a CSV download takes the rows of the departments not built again from the last one") {
  for (const auto* csv : {&kDepartmentsCsv, &kFunctionalCsv}) {
    CAPTURE(csv->path);
    const std::vector<Record> before = Records();
    const std::string previous = MakeCsv(*csv, All(before));
    // b2 edited (built again), c3 removed, d4 added (built).
    std::vector<Record> now = Records();
    now[1].functional[0].total = F(5100, 20);  // 50.00 -> 51.00 万元
    now[1].expenditure_total = F(5100, 5);
    now[2].id = "d4";
    now[2].functional = now[0].functional;
    const std::string whole = MakeCsv(*csv, All(now));
    CHECK(SplicedCsv(*csv, now, previous, {"b2", "d4"}) == whole);
    // The rows really are the last file's: taken as the last build's, b2 keeps its old rows.
    CHECK(whole.find(",51.00,") != std::string::npos);
    CHECK(SplicedCsv(*csv, now, previous, {"d4"}).find(",51.00,") == std::string::npos);
  }
  // A row of the last file is copied, not made: a figure changed in it by hand stays.
  const std::vector<Record> records = Records();
  std::string previous = MakeCsv(kFunctionalCsv, All(records));
  const size_t at = previous.find("a1,甲局,2024,201,一般公共服务支出,1,123.45,");
  REQUIRE(at != std::string::npos);
  previous.replace(previous.find("123.45", at), 6, "999.99");
  CHECK(SplicedCsv(kFunctionalCsv, records, previous, {}).find(",999.99,") != std::string::npos);
  CHECK(SplicedCsv(kFunctionalCsv, records, previous, {"a1"}) == MakeCsv(kFunctionalCsv, All(records)));
}

TEST_CASE("a CSV download that comes out as the last file's bytes is told, not copied") {
  std::vector<Record> records = Records();
  const std::string previous = MakeCsv(kFunctionalCsv, All(records));
  auto same = [](const Record& d) { return d.id != "b2"; };
  bool unchanged = false;
  // b2 built again to the same rows (its quoted name over two lines included).
  CHECK(MakeCsv(kFunctionalCsv, All(records), previous, same, &unchanged).size() == 0);
  CHECK(unchanged);
  // b2's rows changed: the new file.
  records[1].functional[0].total = F(5100, 20);
  const std::string whole = MakeCsv(kFunctionalCsv, All(records));
  CHECK(MakeCsv(kFunctionalCsv, All(records), previous, same, &unchanged).Joined() == whole);
  CHECK_FALSE(unchanged);
  // A department removed (a1) or added (e5, built) changes the file too.
  records = Records();
  const std::vector<const Record*> without_a1 = {&records[1], &records[2]};
  CHECK(MakeCsv(kFunctionalCsv, without_a1, previous, same, &unchanged).Joined() == MakeCsv(kFunctionalCsv, without_a1));
  CHECK_FALSE(unchanged);
  Record e5 = records[0];
  e5.id = "e5";
  std::vector<const Record*> with_e5 = All(records);
  with_e5.push_back(&e5);
  CHECK(MakeCsv(kFunctionalCsv, with_e5, previous, same, &unchanged).Joined() == MakeCsv(kFunctionalCsv, with_e5));
  CHECK_FALSE(unchanged);
  // A last file that cannot be used is never unchanged, even when made to the same bytes.
  CHECK(MakeCsv(kFunctionalCsv, All(records), "", same, &unchanged).Joined() == previous);
  CHECK_FALSE(unchanged);
}

TEST_CASE("a CSV download is made whole from a last file it cannot take rows from") {
  const std::vector<Record> records = Records();
  const std::string whole = MakeCsv(kFunctionalCsv, All(records));
  // Another header: every row made.
  std::string previous = whole;
  previous.replace(0, 2, "ID");
  CHECK(SplicedCsv(kFunctionalCsv, records, previous, {}) == whole);
  // a1's rows in two places (a1, b2, a1): not one department's rows together, so made whole.
  previous = whole + "a1,甲局,2024,201,x,1,1.00,,,10\r\n";
  CHECK(SplicedCsv(kFunctionalCsv, records, previous, {}) == whole);
  // No last file.
  CHECK(SplicedCsv(kFunctionalCsv, records, "", {}) == whole);
}

TEST_CASE("a spliced CSV points into the last file rather than copying its rows") {
  using gongkai::pages::kDepartmentsCsv;
  std::vector<Record> records = Records();
  const std::string previous = MakeCsv(kDepartmentsCsv, All(records));
  auto within = [&](std::string_view p) {
    return p.data() >= previous.data() && p.data() + p.size() <= previous.data() + previous.size();
  };
  // b2 built again, its row changed: the header and b2's row made, a1's and c3's pointed to.
  records[1].expenditure_total = F(5100, 5);
  const gongkai::pages::Spliced spliced =
      MakeCsv(kDepartmentsCsv, All(records), previous, [](const Record& d) { return d.id != "b2"; });
  const std::vector<std::string_view> pieces = spliced.Pieces();
  REQUIRE(pieces.size() == 4);
  CHECK_FALSE(within(pieces[0]));
  CHECK(pieces[1].substr(0, 3) == "a1,");
  CHECK(within(pieces[1]));
  CHECK(pieces[2].substr(0, 3) == "b2,");
  CHECK_FALSE(within(pieces[2]));
  CHECK(within(pieces[3]));
  CHECK(spliced.Joined() == MakeCsv(kDepartmentsCsv, All(records)));
  CHECK(spliced.size() == spliced.Joined().size());
  // c3 removed: a1's and b2's rows, one after the other in the last file, are one piece.
  records = Records();
  const std::vector<const Record*> without_c3 = {&records[0], &records[1]};
  const gongkai::pages::Spliced fewer =
      MakeCsv(kDepartmentsCsv, without_c3, previous, [](const Record&) { return true; });
  REQUIRE(fewer.Pieces().size() == 2);
  CHECK(within(fewer.Pieces()[1]));
  CHECK(fewer.Joined() == MakeCsv(kDepartmentsCsv, without_c3));
}

}  // TEST_SUITE
