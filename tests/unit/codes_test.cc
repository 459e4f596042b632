// Unit tests for the classification code pages (pages/codes.h): a page's key changes with what
// the page shows and only with it, and the build's cache keeps the keys for one build only.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include <boost/filesystem.hpp>

#include "pages.h"
#include "pages/codes.h"
#include "pages/plan.h"
#include "pages/search.h"
#include "site/cache.h"

namespace model = gongkai::model;
namespace fs = boost::filesystem;
using gongkai::pages::CodeContext;
using gongkai::pages::CodeIndex;
using gongkai::pages::CodePageKey;
using gongkai::pages::Record;
using gongkai::test::All;
using gongkai::test::Changed;
using gongkai::test::Departments;
using gongkai::test::kSmall;

namespace {

model::Figure F(int64_t fen, int line) { return {model::Money::FromFen(fen), line}; }

// 苍溪 and 南充 with a 项 2010801 (under 201), 承德 with an economic row only.
std::vector<Record> Records() {
  std::vector<Record> r(3);
  r[0].id = "cangxi";
  r[0].department.name = "苍溪县医疗保障局";
  r[0].year = 2023;
  r[0].functional.push_back({"2010801", "行政运行", 3, F(171077, 196), std::nullopt, std::nullopt, 196});
  r[0].classes.push_back({"201", "一般公共服务支出", F(290005, 190)});
  r[1].id = "chengde";
  r[1].department.name = "承德市医疗保障局";
  r[1].economic.push_back({"30101", "基本工资", F(5500, 40), F(5500, 40), std::nullopt, 40});
  r[2].id = "nanchong";
  r[2].department.name = "南充市医疗保障事务中心";
  r[2].functional.push_back({"2010801", "行政运行", 3, F(36000, 88), F(36000, 88), std::nullopt, 88});
  r[2].classes.push_back({"201", "一般公共服务支出", F(36000, 80)});
  return r;
}

std::string Key(const std::vector<Record>& records, const std::string& code) {
  return CodePageKey(code, 0, CodeIndex(All(records)));
}

// Departments d00 ... d23, each with a row under 2010801 (d05 with two), for the paging of
// a code's page (kSmall: pages begin at d01, d09, d16, d23 or after 5 departments).
std::vector<Record> Many() {
  std::vector<Record> r = Departments();
  for (int i = 0; i < 24; ++i)
    r[i].functional.push_back({"2010801", "行政运行", 3, F(100 * i, 10), std::nullopt, std::nullopt, 10});
  r[5].functional.push_back({"2010801", "行政运行", 3, F(7, 11), std::nullopt, std::nullopt, 11});
  return r;
}

// Each page of 2010801: its name, then its key.
std::map<std::string, std::string> PageKeys(const std::vector<Record>& records) {
  const CodeIndex index(All(records), kSmall);
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < index.Parts("2010801").size(); ++i)
    out[index.Parts("2010801")[i].stem] = CodePageKey("2010801", i, index);
  return out;
}

}  // namespace

TEST_SUITE("pages") {

TEST_CASE("a code many departments use is split into pages that begin where an id says") {
  const std::vector<Record> records = Many();
  auto all = All(records);
  const CodeIndex index(all, kSmall);
  std::vector<std::string> stems;
  std::vector<uint32_t> departments, begins;
  for (const auto& p : index.Parts("2010801")) {
    stems.push_back(p.stem);
    departments.push_back(p.departments);
    begins.push_back(p.begin);
  }
  // d01 begins a page by its hash; d06 after 5 departments (d05's two rows stay together);
  // d09 by its hash; d14 after 5; d16 by its hash; d21 after 5; d23 by its hash.
  CHECK(stems == std::vector<std::string>{"2010801", "2010801-d01", "2010801-d06", "2010801-d09",
                                          "2010801-d14", "2010801-d16", "2010801-d21",
                                          "2010801-d23"});
  CHECK(departments == std::vector<uint32_t>{1, 5, 3, 5, 2, 5, 2, 1});
  CHECK(begins == std::vector<uint32_t>{0, 1, 7, 10, 15, 17, 22, 24});
  CHECK(index.Parts("2010801").back().end == 25);
  // Four departments or fewer: one page, as before.
  all.resize(4);
  CHECK(CodeIndex(all, kSmall).Parts("2010801").size() == 1);
  CHECK(CodeIndex(all, kSmall).Parts("2010801")[0].end == 4);
}

TEST_CASE("a code page lists the pages from its first page and its neighbours from a later one") {
  const std::vector<Record> records = Many();
  const CodeIndex index(All(records), kSmall);
  auto first = CodeContext("2010801", 0, index);
  CHECK(first.get("paged")->is_true());
  CHECK(first.get("departments")->string_value() == "24");
  CHECK(first.get("page_count")->string_value() == "8");
  CHECK(first.get("pages")->list_value().size() == 8);
  CHECK(first.get("rows")->list_value().size() == 1);  // d00's row only
  CHECK(first.get("next")->string_value() == "2010801-d01");
  auto later = CodeContext("2010801", 2, index);
  CHECK(later.get("later")->is_true());
  CHECK(!later.get("paged")->is_true());
  CHECK(later.get("previous")->string_value() == "2010801-d01");
  CHECK(later.get("next")->string_value() == "2010801-d09");
  const auto& self = later.get("pages")->list_value();
  REQUIRE(self.size() == 1);
  CHECK(self[0].get("first")->string_value() == "部门06");
  CHECK(self[0].get("last")->string_value() == "部门08");
  CHECK(later.get("rows")->list_value().size() == 3);
  CHECK(!CodeContext("2010801", 7, index).get("has_next")->is_true());
}

TEST_CASE("a department added or removed changes the keys of its own page and of the first") {
  const auto base = PageKeys(Many());
  std::vector<Record> r = Many();
  r.erase(r.begin() + 7);  // d07, inside the page that begins at d06
  CHECK(Changed(base, PageKeys(r)) == std::set<std::string>{"2010801", "2010801-d06"});
  r = Many();
  r[11].functional[0].total = F(1, 10);  // a figure of d11 (page d09) changed
  CHECK(Changed(base, PageKeys(r)) == std::set<std::string>{"2010801-d09"});
  r = Many();
  r[20].department.name = "部门二十";  // d20, the last of page d16: the first page shows it
  CHECK(Changed(base, PageKeys(r)) == std::set<std::string>{"2010801", "2010801-d16"});
  // d09, which begins a page, removed: d06's page takes d10 and d11, a page begins after them
  // at d12 (5 departments) and runs to d15; d16's page links to it; d21 and d23 keep theirs.
  r = Many();
  r.erase(r.begin() + 9);
  CHECK(Changed(base, PageKeys(r)) == std::set<std::string>{"2010801", "2010801-d06",
                                                            "2010801-d09", "2010801-d12",
                                                            "2010801-d14", "2010801-d16"});
  // Added back: the same pages again.
  CHECK(PageKeys(Many()) == base);
}

TEST_CASE("a code page's key changes with what the page shows, and only with it") {
  const std::vector<Record> base = Records();
  std::vector<Record> r = Records();
  CHECK(Key(r, "2010801") == Key(base, "2010801"));
  r[1].economic[0].total = F(5600, 40);  // 承德 has no 2010801
  CHECK(Key(r, "2010801") == Key(base, "2010801"));
  CHECK(Key(r, "30101") != Key(base, "30101"));
  r = Records();
  r[0].functional[0].total = F(171077, 197);  // the link of a figure
  CHECK(Key(r, "2010801") != Key(base, "2010801"));
  CHECK(Key(r, "30101") == Key(base, "30101"));
  r = Records();
  r[2].functional[0].project = F(0, 88);  // a figure where there was none
  CHECK(Key(r, "2010801") != Key(base, "2010801"));
  r = Records();
  r[2].department.name = "南充市医疗保障局";
  CHECK(Key(r, "2010801") != Key(base, "2010801"));
  r = Records();
  r[2].year = 2024;
  CHECK(Key(r, "201") != Key(base, "201"));
  r = Records();
  r[0].functional[0].name = "行政运行支出";  // the name of a child, shown on its parent's page
  CHECK(Key(r, "201") != Key(base, "201"));
  r = Records();
  r.pop_back();  // 南充 removed
  CHECK(Key(r, "2010801") != Key(base, "2010801"));
  CHECK(Key(r, "30101") == Key(base, "30101"));
}

TEST_CASE("a paged code's search entry lists the departments of its first page") {
  const std::vector<Record> records = Many();
  gongkai::pages::Collection c;
  c.built = c.records = All(records);
  c.codes = std::make_shared<const CodeIndex>(c.built, kSmall);
  const auto groups = gongkai::pages::MakeSearchGroups(c);
  const gongkai::render::SearchEntry* code = nullptr;
  for (const auto& g : groups.groups)
    if (g.key == "codes/2010801.html") code = g.entries.at(0);
  REQUIRE(code != nullptr);
  CHECK(code->title == "2010801 行政运行");
  CHECK(code->text == "部门00 ");  // d00 alone begins the list; d01 begins the next page
  c.codes = std::make_shared<const CodeIndex>(c.built);  // 24 departments: one page
  for (const auto& g : gongkai::pages::MakeSearchGroups(c).groups)
    if (g.key == "codes/2010801.html") CHECK(g.entries.at(0)->text.size() == 24 * 9);
}

TEST_CASE("the cross pages' keys are kept for the next build only") {
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("gongkai-codes-%%%%%%%%");
  using gongkai::site::Cache;
  Cache::Load(dir, false, "hash").Save("hash", {}, {}, {{"codes/201.md", "k201"}});
  CHECK(Cache::Load(dir, true, "hash").PageKey("codes/201.md") == "k201");
  // That Load took them: a build stopped after it, before its Save (maybe once its pages
  // were published), leaves no key to match the site it published.
  CHECK(Cache::Load(dir, true, "hash").PageKey("codes/201.md").empty());
  Cache::Load(dir, false, "hash").Save("hash", {}, {}, {{"codes/201.md", "k201"}});
  CHECK(Cache::Load(dir, true, "other").PageKey("codes/201.md").empty());
  fs::remove_all(dir);
}

}  // TEST_SUITE

TEST_CASE("a code's page may have changed with its rows, its relatives' rows, or a relative used") {
  using gongkai::pages::CodeChanges;
  using gongkai::pages::CodeMayHaveChanged;
  const std::vector<Record> records = Records();  // 201, 2010801 (under it), 30101
  const CodeIndex index(All(records));
  auto may = [&](const std::string& code, CodeChanges changes) {
    return CodeMayHaveChanged(code, index, &changes);
  };
  CHECK(CodeMayHaveChanged("2010801", index, nullptr));  // no last build to tell from
  CHECK(may("30101", {{"30101"}, {}, {}}));                    // its rows
  CHECK_FALSE(may("201", {{"30101"}, {}, {}}));
  CHECK_FALSE(may("2010801", {{"30101"}, {}, {}}));
  CHECK(may("201", {{"2010801"}, {}, {}}));        // a child's name may have changed
  CHECK(may("2010801", {{"201"}, {}, {}}));        // its parent's name may have changed
  CHECK_FALSE(may("30101", {{"201"}, {}, {}}));
  // 2010805 used for the first time: a new child of 201; its sibling 2010801 is the same.
  CHECK(may("201", {{"2010805"}, {"2010805"}, {}}));
  CHECK_FALSE(may("2010801", {{"2010805"}, {"2010805"}, {}}));
  // 20108 used for the first time: 2010801's new parent, 201's new child.
  CHECK(may("2010801", {{"20108"}, {"20108"}, {}}));
  CHECK(may("201", {{"20108"}, {"20108"}, {}}));
  CHECK_FALSE(may("30101", {{"20108"}, {"20108"}, {}}));
}

TEST_CASE("a later page of a code is unchanged where none of its departments was built") {
  using gongkai::pages::CodeChanges;
  using gongkai::pages::CodePartMayHaveChanged;
  const std::vector<Record> records = Many();  // pages from d00, d01, d06, d09, d14, d16, d21, d23
  const CodeIndex index(All(records), kSmall);
  REQUIRE(index.Parts("2010801").size() == 8);
  CHECK(index.NamedBy("2010801") == &records[0]);  // the first record with a row of it
  gongkai::pages::ListChanges lists;
  lists.built.insert(&records[7]);  // d07: on the page from d06
  auto may = [&](const CodeChanges& changes, const gongkai::pages::ListChanges* built) {
    std::vector<bool> out;
    for (size_t i = 0; i < index.Parts("2010801").size(); ++i)
      out.push_back(CodePartMayHaveChanged("2010801", i, index, &changes, built));
    return out;
  };
  const std::vector<bool> all(8, true), none(8, false);
  // A record of it built (its rows may have changed): the first page and d07's.
  const CodeChanges rows{{"2010801"}, {}, {}};
  CHECK(may(rows, &lists) == std::vector<bool>{true, false, true, false, false, false, false, false});
  // The code's departments gained or lost one: its pages may begin elsewhere.
  CHECK(may({{"2010801"}, {}, {"2010801"}}, &lists) == all);
  // The record that names it built: its name (on every page) may have changed.
  lists.built.insert(&records[0]);
  CHECK(may(rows, &lists) == all);
  // Nothing of it or its relatives changed: no page, the first neither.
  CHECK(may({{"30101"}, {}, {"30101"}}, &lists) == none);
  // Not told what was built: every page that CodeMayHaveChanged says may.
  CHECK(may(rows, nullptr) == all);
}
