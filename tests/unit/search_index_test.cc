// Unit tests for the search index (render/search_index.h): its keys, the encoded postings a
// shard holds for a key, posting pages, entry chunks per department, and that a changed
// entry rewrites only its own chunk and the shards of the keys it changed. Names and codes
// are those of content/ (承德市医疗保障局, 南充市医疗保障中心, 2101501 行政运行).
//
// Places (PlaceSearchGroups) were worked out by hand from FNV-1a 64 of the group keys: with 16
// slots, "南充市医疗保障中心 departments/…nanchong…" hashes to slot 0 and "承德市医疗保障局
// departments/…chengde…" to slot 11 (chunk 88, ids from 88 << 5 = 2816); " codes/2101501.html"
// to slot 9 (chunk 72, ids from 2304). Varints: 2815 = 31 + 87 × 32, 87 = 23 + 2 × 32: "_T2";
// 2816 = 0 + 88 × 32: "wU2"; 2817: "xU2"; 2304 = 0 + 72 × 32, 72 = 8 + 2 × 32: "wE2".
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "render/search_index.h"
#include "render/search_update.h"

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

// 40 departments of one entry each, 承德's entry under the names 承德市医疗保障局0 … 39.
std::vector<SearchEntry> FortyDepartments() {
  std::vector<SearchEntry> entries;
  for (int i = 0; i < 40; ++i) {
    SearchEntry e = kChengde;
    e.dept = e.title = "承德市医疗保障局" + std::to_string(i);
    entries.push_back(e);
  }
  return entries;
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
  // Chengde's two entries are chunk 88 (ids 2816 and 2817); Nanchong's is chunk 0 (id 0).
  CHECK(Names(files) == std::vector<std::string>{"search/d0.js", "search/d88.js", "search/meta.js",
                                                 "search/t0.js"});
  CHECK(files["search/meta.js"] ==
        "gongkaiSearch.meta({\"chunk_bits\":5,\"entries\":3,\"shards\":1});\n");
  const std::string& shard = files["search/t0.js"];
  // 医疗: department titles 0 and 2816 (2815 after 0), then the project's title 2817.
  CHECK(shard.find("\"医疗\":[3,\"0_T2.xU2.\"]") != std::string::npos);
  // 2101501 is only in the project's text (weight 1, id 2817).
  CHECK(shard.find("\"2101501\":[1,\"..xU2\"]") != std::string::npos);
  // The department name is not indexed on the department's other entries.
  CHECK(shard.find("\"承德\":[1,\"wU2..\"]") != std::string::npos);
  CHECK(files["search/d0.js"] ==
        "gongkaiSearch.docs(0,[[0,\"departments/2022-sichuan-nanchong-medical-security-center.html\","
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
  // Page 1: Chengde's department entry, id 2816; page 2: the project's title, id 2817.
  CHECK(files["search/" + stem + "-1.js"] == "gongkaiSearch.more(\"" + stem + "-1\",\"wU2..\");\n");
  CHECK(files["search/" + stem + "-2.js"] == "gongkaiSearch.more(\"" + stem + "-2\",\".xU2.\");\n");
}

TEST_CASE("a posting added or removed changes the posting page it falls in, not the later ones") {
  // The text postings of ids 0, 2, …, 118 (60): 10 in the head, then pages of 8 on average.
  // A page ends before a posting whose value v = id << 2 | 1 gives (v × 2654435761 mod 2^32)
  // >> 7 ≡ 0 (mod 8) (worked out by hand): pages begin at ids 20, 24, 40, 66, 82, 92, 108, 118.
  render::SearchIndexOptions options;
  options.head_postings = 10;
  options.page_postings = 8;
  render::SearchKey key;
  key.size = 6;
  std::copy_n("医疗", 6, key.bytes.begin());
  auto pages = [&](const std::vector<uint32_t>& ids) {
    std::vector<uint32_t> postings;
    for (uint32_t id : ids) postings.push_back(id << 2 | 1);
    std::map<std::string, std::string> out;
    std::set<std::string> stems;
    render::SearchTerm(key, postings, options, stems,
                       [&](const std::string& path, std::string body) { out[path] = body; });
    return out;
  };
  std::vector<uint32_t> ids;
  for (uint32_t id = 0; id < 120; id += 2) ids.push_back(id);
  const auto before = pages(ids);
  REQUIRE(before.size() == 8);
  auto changed = [&](const std::map<std::string, std::string>& after) {
    REQUIRE(Names(after) == Names(before));
    std::vector<std::string> out;
    for (const auto& [path, body] : after)
      if (before.at(path) != body) out.push_back(path.substr(path.size() - 5));
    return out;
  };
  // 51 added, 70 removed: only the third page (ids 40 … 64) and the fourth (66 … 80) change;
  // pages of 8 each would have changed every page from the third on.
  std::vector<uint32_t> added = ids;
  added.insert(added.begin() + 26, 51);
  CHECK(changed(pages(added)) == std::vector<std::string>{"-3.js"});
  std::vector<uint32_t> removed = ids;
  removed.erase(removed.begin() + 35);  // id 70
  CHECK(changed(pages(removed)) == std::vector<std::string>{"-4.js"});
  // The third page holds ids 40, 42, …, 64.
  const std::string& third = std::next(before.begin(), 2)->second;
  const size_t from = third.rfind(",\"") + 2, to = third.rfind("\");");
  std::vector<uint32_t> want;
  for (uint32_t id = 40; id <= 64; id += 2) want.push_back(id << 2 | 1);
  CHECK(render::DecodeSearchPostings(third.substr(from, to - from)) == want);
}

TEST_CASE("a long text is stored in overlapping pieces, its title indexed once") {
  render::SearchIndexOptions options;
  options.piece_bytes = 120;
  SearchEntry code = {"codes/2101501.html", "2101501 行政运行", "code", "", ""};
  for (int i = 0; i < 5; ++i) code.text += "承德市医疗保障局 南充市医疗保障中心 ";
  auto files = render::BuildSearchIndex({code}, options);
  CHECK(files["search/meta.js"].find("\"entries\":4") != std::string::npos);
  const std::string& shard = files["search/t0.js"];
  CHECK(shard.find("\"2101501\":[1,\".wE2.\"]") != std::string::npos);
  // 265 bytes: pieces [0, 118), [68, 186), [137, 255), [205, 265) (cut on characters, each
  // beginning 48 bytes or less before the last ends), ids 2304 to 2307; 南充 is in all four.
  CHECK(shard.find("\"南充\":[4,\"..wE2000\"]") != std::string::npos);
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
  std::vector<SearchEntry> entries = FortyDepartments();
  render::SearchIndexOptions options;
  options.shard_bytes = 200;
  auto before = render::BuildSearchIndex(entries, options);
  entries[17].text += " 医疗救助";
  auto after = render::BuildSearchIndex(entries, options);
  REQUIRE(Names(before) == Names(after));
  std::vector<std::string> changed;
  for (const auto& [path, body] : after)
    if (before[path] != body) changed.push_back(path);
  // Chunk 376 and the shards of 救助 and 疗救 (疗救 and 救助 are new keys, 医疗 gains a
  // posting). 40 groups take 128 slots; "承德市医疗保障局17 departments/…" hashes to slot 47
  // and no group before it in key order took it: chunk 47 × 8.
  CHECK(before.size() > 50);
  CHECK(changed.size() <= 4);
  CHECK(changed.front() == "search/d376.js");
}

TEST_CASE("a department added or removed moves no other department's chunks") {
  std::vector<SearchEntry> entries = FortyDepartments();
  auto before = render::BuildSearchIndex(entries, {});
  entries.erase(entries.begin() + 5);
  SearchEntry added = kNanchong;
  entries.push_back(added);
  auto after = render::BuildSearchIndex(entries, {});
  size_t chunks = 0, same = 0;
  for (const auto& [path, body] : after)
    if (path.compare(0, 8, "search/d") == 0) ++chunks, same += before.count(path) && before[path] == body;
  // 40 chunks. The added department (南充, first in key order) hashes to slot 48, which
  // 承德…18 had: 18 moves on to 49, 33 (home 49) to 51, 4 (home 51) to 52; the other 36 are
  // where they were (slots worked out by hand, as at the top).
  CHECK(chunks == 40);
  CHECK(same == 36);
}

}  // TEST_SUITE

TEST_SUITE("search update") {

namespace {

// The groups of `entries`, a group per department (its name, its entries).
std::vector<render::SearchGroup> Groups(const std::vector<SearchEntry>& entries) {
  std::vector<render::SearchGroup> groups;
  for (const auto& e : entries) {
    if (groups.empty() || groups.back().key != e.dept) groups.push_back({e.dept, {}});
    groups.back().entries.push_back(&e);
  }
  return groups;
}

// A site's search files in memory: those the last build left, and those this one places.
struct Site {
  std::map<std::string, std::string> previous, placed;
  size_t made = 0;
  size_t page_reads = 0;  // of the last build's posting pages (search/m…)
  render::SearchFiles Files() {
    return {[this](const std::string& rel, std::string& body) {
              if (rel.compare(0, 8, "search/m") == 0) ++page_reads;
              auto it = previous.find(rel);
              if (it == previous.end()) return false;
              body = it->second;
              return true;
            },
            [this](const std::string& rel) { placed[rel] = previous.at(rel); },
            [this](const std::string& rel, std::string body) {
              ++made;
              placed[rel] = std::move(body);
            }};
  }
};

render::SearchState Write(const std::vector<SearchEntry>& entries, const render::SearchState* previous,
                          Site& site, bool& whole, const render::SearchIndexOptions& options) {
  return render::WriteSearchIndex(Groups(entries), options, "test", previous, site.Files(), whole);
}

// `n` departments of three entries each, most keys in many of them, some in posting pages.
std::vector<SearchEntry> Departments(int n = 60) {
  std::vector<SearchEntry> entries;
  for (int i = 0; i < n; ++i) {
    const std::string name = "承德市医疗保障局" + std::to_string(i);
    entries.push_back({"departments/" + std::to_string(i) + ".html", name, "department", name,
                       "承德市 2022年部门预算 行政运行 医疗救助" + std::to_string(i % 7)});
    entries.push_back({"departments/" + std::to_string(i) + ".html", "医疗救助资金", "project", name,
                       "项目支出 " + std::to_string(2101501 + i % 5) + " 120.00 万元"});
    entries.push_back({"rules/summary-balance.html", "收支平衡", "finding", name, "收入总计 1927.16 万元"});
  }
  return entries;
}

}  // namespace

TEST_CASE("an edit, an added and a removed department give the files of a whole build") {
  render::SearchIndexOptions options;
  options.shard_bytes = 300;
  options.head_postings = 20;
  options.page_postings = 15;
  std::vector<SearchEntry> entries = Departments();
  Site last;
  bool whole = false;
  render::SearchState state = Write(entries, nullptr, last, whole, options);
  CHECK(whole);
  REQUIRE(last.placed.size() > 100);
  // The edits: a project's text changed, a department removed, one added (each state read back
  // from its file).
  std::vector<std::vector<SearchEntry>> edits(3, entries);
  edits[0][4].text += " 医疗救助 公务接待费";
  edits[1].erase(edits[1].begin() + 30, edits[1].begin() + 33);
  edits[2].push_back({"departments/new.html", "南充市医疗保障中心", "department", "南充市医疗保障中心",
                      "南充市 2022年部门预算 医疗救助"});
  // (On one thread and on three: the shards made again are read and made on every thread.)
  for (unsigned threads : {1u, 3u})
  for (size_t n = 0; n < edits.size(); ++n) {
    options.threads = threads;
    const auto& edited = edits[n];
    render::SearchState previous;
    REQUIRE(render::ReadSearchStateFile(render::SearchStateFile(state), previous));
    Site site{last.placed, {}, 0};
    Write(edited, &previous, site, whole, options);
    CHECK_FALSE(whole);
    Site full;
    Write(edited, nullptr, full, whole, options);
    CHECK(site.placed == full.placed);
    // Made again: meta.js, the changed chunks, the shards of the keys changed and the posting
    // pages that changed. The edit adds a few keys (5 files of 266); a department removed or
    // added changes a key in every department, whose pages (15 postings each here) are made
    // again, but a page made to the last build's bytes is kept, not written: 98 of 265 and 40
    // of 267 written (counted once; 207 and 81 when every page of a changed key was written).
    CAPTURE(n);
    CAPTURE(threads);
    CHECK(site.made > 1);
    CHECK(site.made <= std::vector<size_t>{5, 98, 40}[n]);
  }
}

namespace {

// The last build of Departments(), and the entries after department 1's project changed, with
// the files a whole build of them makes.
struct ProjectEdited {
  render::SearchIndexOptions options;
  Site last, full;
  render::SearchState state;
  std::vector<SearchEntry> edited = Departments();
  bool whole = false;
  ProjectEdited() {
    state = Write(Departments(), nullptr, last, whole, options);
    edited[4].text += " 公务接待费";  // department 1's project
    Write(edited, nullptr, full, whole, options);
  }
  // The last build's state, as read back from its file.
  render::SearchState Previous() const {
    render::SearchState previous;
    REQUIRE(render::ReadSearchStateFile(render::SearchStateFile(state), previous));
    return previous;
  }
};

}  // namespace

TEST_CASE("a group marked unchanged is the last build's: its text is not read again") {
  ProjectEdited t;  // (references, not a binding: clang 14 cannot capture one)
  const auto& options = t.options;
  const auto& last = t.last;
  const auto& full = t.full;
  const auto& edited = t.edited;
  bool& whole = t.whole;
  // `changed`: the group marked changed (the others unchanged); "" marks every group unchanged.
  auto update = [&](const std::string& changed) {
    const render::SearchState previous = t.Previous();
    auto groups = Groups(edited);
    for (auto& g : groups) g.unchanged = g.key != changed;
    Site site{last.placed, {}, 0};
    render::WriteSearchIndex(groups, options, "test", &previous, site.Files(), whole);
    CHECK_FALSE(whole);
    return site.placed;
  };
  CHECK(update("承德市医疗保障局1") == full.placed);
  // Marked unchanged, its change is not seen: the last build's index, as it was.
  CHECK(update("") == last.placed);
  CHECK(last.placed != full.placed);
}

TEST_CASE("a deferred group is kept unread, and read in full where the index is made whole") {
  ProjectEdited t;  // (references, not a binding: clang 14 cannot capture one)
  const auto& options = t.options;
  const auto& last = t.last;
  const auto& full = t.full;
  const auto& edited = t.edited;
  bool& whole = t.whole;
  // Every department but 1 deferred: unchanged, without its entries (a record whose entries
  // were left in the build's cache); `complete` gives them all.
  auto deferred = Groups(edited);
  for (auto& g : deferred)
    if (g.key != "承德市医疗保障局1") {
      g.unchanged = g.deferred = true;
      g.entries.clear();
    }
  const auto all = Groups(edited);
  int completed = 0;
  auto complete = [&]() -> const std::vector<render::SearchGroup>& {
    ++completed;
    return all;
  };
  render::SearchState previous = t.Previous();
  Site site{last.placed, {}, 0};
  render::WriteSearchIndex(deferred, options, "test", &previous, site.Files(), whole, complete);
  CHECK_FALSE(whole);
  CHECK(completed == 0);
  CHECK(site.placed == full.placed);
  // No last state: made whole, from the complete groups, to a whole build's files.
  Site fresh;
  render::WriteSearchIndex(deferred, options, "test", nullptr, fresh.Files(), whole, complete);
  CHECK(whole);
  CHECK(completed == 1);
  CHECK(fresh.placed == full.placed);
  // A deferred group the last state does not have (its place unknown): read in full too.
  previous.groups.erase("承德市医疗保障局7");
  Site moved{last.placed, {}, 0};
  render::WriteSearchIndex(deferred, options, "test", &previous, moved.Files(), whole, complete);
  CHECK(completed == 2);
  CHECK(moved.placed == full.placed);
  // Without `complete`, a whole index of deferred groups is refused, not made without them.
  Site refused;
  CHECK_THROWS_AS(render::WriteSearchIndex(deferred, options, "test", nullptr, refused.Files(), whole),
                  std::logic_error);
}

TEST_CASE("a damaged state or a damaged file of the last index makes the index whole") {
  std::vector<SearchEntry> entries = Departments();
  Site last;
  bool whole = false;
  const render::SearchState state = Write(entries, nullptr, last, whole, {});
  std::string file = render::SearchStateFile(state);
  render::SearchState read;
  CHECK(render::ReadSearchStateFile(file, read));
  // Read back whole: 60 groups, and a hash for each file the index wrote.
  CHECK(read.identity == "test");
  CHECK(read.groups.size() == 60);
  CHECK(read.files == state.files);
  CHECK(read.files.size() == last.placed.size());
  CHECK(read.groups.at("承德市医疗保障局7").titles == "111");
  CHECK(read.groups.at("承德市医疗保障局7").place.chunks == 1);
  CHECK(read.term_bytes == state.term_bytes);
  file[file.size() / 2] ^= 1;
  CHECK_FALSE(render::ReadSearchStateFile(file, read));
  CHECK(read.groups.empty());
  // The edited department's chunk in the last site does not hold what the state says: its keys
  // cannot be read back, so the index is made whole, to the same files.
  entries[4].text += " 医疗救助";
  Site site{last.placed, {}, 0};
  for (auto& [path, body] : site.previous)
    if (path.compare(0, 8, "search/d") == 0 && body.find("\"承德市医疗保障局1\"") != std::string::npos)
      body.replace(body.find("行政运行"), 12, "行政管理");
  Write(entries, &state, site, whole, {});
  CHECK(whole);
  Site full;
  Write(entries, nullptr, full, whole, {});
  CHECK(site.placed == full.placed);
}

TEST_CASE("a department removed or added reads only the posting pages it falls in, and gives a whole build's files") {
  // 240 departments of three entries: the keys they share have ~700 postings, in pages of ~8
  // (at most 32: where no posting ends a page sooner, the page after begins where this one was
  // full, which a posting added or removed before it moves); 7 in a key's head.
  render::SearchIndexOptions options;
  options.shard_bytes = 2000;
  options.head_postings = 7;
  options.page_postings = 8;
  const std::vector<SearchEntry> all = Departments(240);
  auto without = [&](const std::set<int>& gone) {
    std::vector<SearchEntry> out;
    for (size_t e = 0; e < all.size(); ++e)
      if (!gone.count(static_cast<int>(e / 3))) out.push_back(all[e]);
    return out;
  };
  Site last;
  bool whole = false;
  render::SearchState state = Write(all, nullptr, last, whole, options);
  size_t pages = 0;  // (search/meta.js is not one)
  for (const auto& [path, body] : last.placed)
    pages += path.compare(0, 8, "search/m") == 0 && path != "search/meta.js";
  REQUIRE(pages > 600);
  CHECK(state.firsts.size() == pages);
  // Removed one at a time (the first, one in the middle, the last: its postings end each key),
  // then put back in another order; each build from the one before, each state read back from
  // its file, each as a whole build of the same departments makes it.
  std::set<int> gone;
  size_t reads = 0;
  const std::vector<std::pair<int, bool>> steps = {{0, true},    {117, true}, {239, true}, {60, true},
                                                   {117, false}, {0, false},  {239, false}, {60, false}};
  for (const auto& step : steps) {
    const int department = step.first;  // (not a structured binding: CAPTURE takes it in a lambda)
    const bool remove = step.second;
    if (remove) gone.insert(department);
    else gone.erase(department);
    const std::vector<SearchEntry> entries = without(gone);
    render::SearchState previous;
    REQUIRE(render::ReadSearchStateFile(render::SearchStateFile(state), previous));
    CHECK(previous.firsts == state.firsts);
    Site site{last.placed, {}, 0};
    state = Write(entries, &previous, site, whole, options);
    CAPTURE(department);
    CAPTURE(remove);
    CHECK_FALSE(whole);
    Site full;
    bool full_whole = false;
    const render::SearchState full_state = Write(entries, nullptr, full, full_whole, options);
    CHECK(site.placed == full.placed);
    CHECK(state.firsts == full_state.firsts);
    // Of the pages of the keys it is in (nearly all), those it falls in, and the later pages
    // of a key whose pages it makes one more or fewer (renamed: here, with pages of ~8, the
    // posting removed or added begins a page one time in eight).
    CHECK(site.page_reads > 0);
    CHECK(site.page_reads < pages);
    reads += site.page_reads;
    last.placed = site.placed;
  }
  // Every page of every key it is in read at each step (as before the patch): ~26,500.
  CHECK(reads < pages * steps.size() / 2);
}

}  // TEST_SUITE
