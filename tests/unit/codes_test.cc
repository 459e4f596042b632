// Unit tests for the classification code pages (pages/codes.h): a page's key changes with what
// the page shows and only with it, and the build's cache keeps the keys for one build only.
#include <doctest/doctest.h>

#include <boost/filesystem.hpp>

#include "pages/codes.h"
#include "site/cache.h"

namespace model = gongkai::model;
namespace fs = boost::filesystem;
using gongkai::pages::CodeIndex;
using gongkai::pages::CodePageKey;
using gongkai::pages::Record;

namespace {

model::Figure F(int64_t fen, int line) { return {model::Money::FromFen(fen), line}; }

// 苍溪 and 南充 with a 项 2010801 (under 201), 承德 with an economic row only.
std::vector<Record> Records() {
  std::vector<Record> r(3);
  r[0].id = "cangxi";
  r[0].department.name = "苍溪县医疗保障局";
  r[0].year = 2023;
  r[0].functional.push_back({"2010801", "行政运行", 3, F(171077, 196), std::nullopt, std::nullopt, 196, ""});
  r[0].classes.push_back({"201", "一般公共服务支出", F(290005, 190)});
  r[1].id = "chengde";
  r[1].department.name = "承德市医疗保障局";
  r[1].economic.push_back({"30101", "基本工资", F(5500, 40), F(5500, 40), std::nullopt, 40, ""});
  r[2].id = "nanchong";
  r[2].department.name = "南充市医疗保障事务中心";
  r[2].functional.push_back({"2010801", "行政运行", 3, F(36000, 88), F(36000, 88), std::nullopt, 88, ""});
  r[2].classes.push_back({"201", "一般公共服务支出", F(36000, 80)});
  return r;
}

std::string Key(const std::vector<Record>& records, const std::string& code) {
  std::vector<const Record*> all;
  for (const auto& r : records) all.push_back(&r);
  return CodePageKey(code, CodeIndex(all));
}

}  // namespace

TEST_SUITE("pages") {

TEST_CASE("a code page's key changes with what the page shows, and only with it") {
  const std::vector<Record> base = Records();
  std::vector<Record> r = Records();
  CHECK(Key(r, "2010801") == Key(base, "2010801"));
  r[1].economic[0].total = F(5600, 40);  // 承德 has no 2010801
  CHECK(Key(r, "2010801") == Key(base, "2010801"));
  CHECK(Key(r, "30101") != Key(base, "30101"));
  r = Records();
  r[0].functional[0].total->line = 197;  // the link of a figure
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
