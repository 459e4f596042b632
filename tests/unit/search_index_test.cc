// Unit tests for the search index (render/search_index.h): its keys, the encoded postings a
// shard holds for a key, posting pages, entry chunks per department, and that a changed
// entry rewrites only its own chunk and the shards of the keys it changed. Names and codes
// are those of content/ (承德市医疗保障局, 南充市医疗保障中心, 2101501 行政运行).
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "render/search_index.h"

namespace render = gongkai::render;
using render::SearchEntry;

namespace {

const SearchEntry kChengde = {"departments/2022-hebei-chengde-healthcare-security-bureau.html",
                              "承德市医疗保障局", "department", "承德市医疗保障局",
                              "承德市 2022年部门预算 行政运行"};
const SearchEntry kChengdeProject = {
    "departments/2022-hebei-chengde-healthcare-security-bureau.html", "医疗救助资金", "project",
    "承德市医疗保障局", "项目支出 2101501 120.00 万元"};
const SearchEntry kNanchong = {"departments/2022-sichuan-nanchong-medical-security-center.html",
                               "南充市医疗保障中心", "department", "南充市医疗保障中心",
                               "南充市 2022年部门预算"};

std::vector<std::string> Names(const std::map<std::string, std::string>& files) {
  std::vector<std::string> out;
  for (const auto& [path, body] : files) out.push_back(path);
  return out;
}

}  // namespace

TEST_SUITE("search") {

TEST_CASE("Chinese text is keyed by character pairs, a code by its prefixes") {
  CHECK(render::SearchKeys("承德市医疗保障局", false) ==
        std::vector<std::string>{"保障", "医疗", "市医", "德市", "承德", "疗保", "障局"});
  // A run of digits next to Chinese is a run of its own: no pair 1行 crosses them.
  CHECK(render::SearchKeys("2101501行政运行", false) ==
        std::vector<std::string>{"21", "210", "2101", "21015", "210150", "2101501", "政运",
                                 "行政", "运行"});
  // Titles also give single characters, for one-character queries.
  CHECK(render::SearchKeys("医疗局", true) ==
        std::vector<std::string>{"医", "医疗", "局", "疗", "疗局"});
}

TEST_CASE("a key's postings list department titles, then other titles, then texts, as ids") {
  auto files = render::BuildSearchIndex({kChengde, kChengdeProject, kNanchong});
  // Chengde's two entries are chunk 0 (ids 0 and 1); Nanchong starts chunk 1 (id 1 << 5).
  CHECK(Names(files) == std::vector<std::string>{"search/d0.js", "search/d1.js", "search/meta.js",
                                                 "search/t0.js"});
  CHECK(files["search/meta.js"] ==
        "gongkaiSearch.meta({\"chunk_bits\":5,\"entries\":3,\"shards\":1});\n");
  const std::string& shard = files["search/t0.js"];
  // 医疗: department titles 0 and 32 (32 is 31 after 0: "v"), then the project's title 1.
  CHECK(shard.find("\"医疗\":[3,\"0v.1.\"]") != std::string::npos);
  // 2101501 is only in the project's text (weight 1, id 1).
  CHECK(shard.find("\"2101501\":[1,\"..1\"]") != std::string::npos);
  // The department name is not indexed on the department's other entries.
  CHECK(shard.find("\"承德\":[1,\"0..\"]") != std::string::npos);
  CHECK(files["search/d1.js"] ==
        "gongkaiSearch.docs(1,[[32,\"departments/2022-sichuan-nanchong-medical-security-center.html\","
        "\"南充市医疗保障中心\",\"department\",\"南充市医疗保障中心\",\"南充市 2022年部门预算\"]]);\n");
}

TEST_CASE("a line or paragraph separator in a text is escaped: JSON allows it, JavaScript not") {
  SearchEntry e = kNanchong;
  e.text = "南充市\u2028医疗\u2029保障 \u2027";  // U+2027 (a hyphenation point) stays
  auto files = render::BuildSearchIndex({e});
  CHECK(files["search/d0.js"].find("\"南充市\\u2028医疗\\u2029保障 \u2027\"") != std::string::npos);
}

TEST_CASE("a key in more entries than its head keeps the rest in pages") {
  render::SearchIndexOptions options;
  options.head_postings = 1;
  options.page_postings = 1;
  auto files = render::BuildSearchIndex({kChengde, kChengdeProject, kNanchong}, options);
  const std::string& shard = files["search/t0.js"];
  size_t at = shard.find("\"医疗\":[3,\"0..\",2,\"m");
  REQUIRE(at != std::string::npos);
  std::string stem = shard.substr(shard.find("\"m", at) + 1, 17);
  // Page 1: id 32 (two digits: 32 = 0 + 1 × 32); page 2: the project's title, id 1.
  CHECK(files["search/" + stem + "-1.js"] == "gongkaiSearch.more(\"" + stem + "-1\",\"w1..\");\n");
  CHECK(files["search/" + stem + "-2.js"] == "gongkaiSearch.more(\"" + stem + "-2\",\".1.\");\n");
}

TEST_CASE("a long text is stored in overlapping pieces, its title indexed once") {
  render::SearchIndexOptions options;
  options.piece_bytes = 120;
  SearchEntry code = {"codes/2101501.html", "2101501 行政运行", "code", "", ""};
  for (int i = 0; i < 5; ++i) code.text += "承德市医疗保障局 南充市医疗保障中心 ";
  auto files = render::BuildSearchIndex({code}, options);
  CHECK(files["search/meta.js"].find("\"entries\":4") != std::string::npos);
  const std::string& shard = files["search/t0.js"];
  CHECK(shard.find("\"2101501\":[1,\".0.\"]") != std::string::npos);
  // 265 bytes: pieces [0, 118), [68, 186), [137, 255), [205, 265) (cut on characters, each
  // beginning 48 bytes or less before the last ends); 南充 is in all four.
  CHECK(shard.find("\"南充\":[4,\"..0000\"]") != std::string::npos);
}

TEST_CASE("the files are the same whatever the number of threads that read the keys") {
  std::vector<SearchEntry> entries;
  for (int i = 0; i < 300; ++i) {
    SearchEntry e = i % 3 ? kChengdeProject : kNanchong;
    e.dept = "承德市医疗保障局" + std::to_string(i / 4);
    e.text += " " + std::to_string(2101501 + i) + " 医疗救助第" + std::to_string(i) + "项";
    entries.push_back(e);
  }
  render::SearchIndexOptions options;
  options.shard_bytes = 400;
  options.head_postings = 50;
  const auto one = render::BuildSearchIndex(entries, options);
  options.threads = 3;
  const auto three = render::BuildSearchIndex(entries, options);
  CHECK(Names(one) == Names(three));
  CHECK(one == three);
  // Posted in batches of a few entries, each while the next is added.
  options.batch_bytes = 200;
  CHECK(render::BuildSearchIndex(entries, options) == one);
  options.threads = 1;
  CHECK(render::BuildSearchIndex(entries, options) == one);
  // 医疗 is in every one of the 300 entries (in 75 departments' chunks): 50 in its head, the
  // other 250 in pages of 4000.
  const std::string& shard = one.at("search/t" + std::to_string(render::SearchKeyHash("医疗") % 64) + ".js");
  CHECK(shard.find("\"医疗\":[300,\"") != std::string::npos);
  CHECK(shard.find("\",1,\"m") != std::string::npos);
  CHECK(one.at("search/meta.js") ==
        "gongkaiSearch.meta({\"chunk_bits\":5,\"entries\":300,\"shards\":64});\n");
}

TEST_CASE("a changed entry rewrites its own chunk and the shards of the keys it changed") {
  std::vector<SearchEntry> entries;
  for (int i = 0; i < 40; ++i) {
    SearchEntry e = kChengde;
    e.dept = e.title = "承德市医疗保障局" + std::to_string(i);
    entries.push_back(e);
  }
  render::SearchIndexOptions options;
  options.shard_bytes = 200;
  auto before = render::BuildSearchIndex(entries, options);
  entries[17].text += " 医疗救助";
  auto after = render::BuildSearchIndex(entries, options);
  REQUIRE(Names(before) == Names(after));
  std::vector<std::string> changed;
  for (const auto& [path, body] : after)
    if (before[path] != body) changed.push_back(path);
  // Chunk 17 and the shards of 救助 and 疗救 (疗救 and 救助 are new keys, 医疗 gains a posting).
  CHECK(before.size() > 50);
  CHECK(changed.size() <= 4);
  CHECK(changed.front() == "search/d17.js");
}

}  // TEST_SUITE
