// Search index: bigram/unigram postings sharded by hash, entries in chunk files.
#include "render/search_index.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "parse/text.h"

namespace gongkai::render {

namespace {

bool Indexable(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || parse::IsHan(c);
}

std::vector<std::vector<std::string>> Runs(const std::string& text) {
  std::vector<std::vector<std::string>> runs(1);
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = parse::NextCodePoint(text, i);
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    if (Indexable(c)) {
      runs.back().push_back(parse::EncodeCodePoint(c));
    } else if (!runs.back().empty()) {
      runs.emplace_back();
    }
  }
  return runs;
}

// A classic-script call `gongkaiSearch.<call>(arg, arg)`. JSON is valid JavaScript except
// for U+2028/U+2029 in strings, escaped here.
std::string Script(const std::string& call, const std::vector<nlohmann::json>& args) {
  std::string body;
  for (const auto& a : args) {
    if (!body.empty()) body += ",";
    body += a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body.compare(i, 3, "\xE2\x80\xA8") == 0) { out += "\\u2028"; i += 2; continue; }
    if (body.compare(i, 3, "\xE2\x80\xA9") == 0) { out += "\\u2029"; i += 2; continue; }
    out += body[i];
  }
  return "gongkaiSearch." + call + "(" + out + ");\n";
}

}  // namespace

uint32_t SearchKeyHash(const std::string& key) {
  uint32_t h = 2166136261u;
  for (unsigned char c : key) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::vector<std::string> SearchKeys(const std::string& text, bool single_characters) {
  std::set<std::string> keys;
  for (const auto& run : Runs(text)) {
    for (size_t i = 0; i < run.size(); ++i) {
      if (single_characters || run.size() == 1) keys.insert(run[i]);
      if (i + 1 < run.size()) keys.insert(run[i] + run[i + 1]);
    }
  }
  return {keys.begin(), keys.end()};
}

std::map<std::string, std::string> BuildSearchIndex(const std::vector<SearchEntry>& entries,
                                                    const SearchIndexOptions& options) {
  // Postings: key -> [entry, weight, entry, weight, ...]; weight 3 title, 2 department, 1 text.
  // First every entry's keys, to size the shards: a shard should stay near shard_bytes, so a
  // query loads little however large the corpus (about 6 bytes a posting in the files).
  std::vector<std::map<std::string, int>> entry_keys(entries.size());
  size_t postings = 0;
  for (size_t id = 0; id < entries.size(); ++id) {
    std::map<std::string, int>& weight = entry_keys[id];
    // Single characters only for titles and department names: a one-character query looks
    // for a name, and indexing every character of the body would make every shard large.
    auto add = [&](const std::string& field, int w) {
      for (const auto& k : SearchKeys(field, w >= 2)) weight[k] = std::max(weight[k], w);
    };
    add(entries[id].text, 1);
    add(entries[id].dept, 2);
    add(entries[id].title, 3);
    postings += weight.size();
  }
  int shards = options.shards;
  if (shards <= 0) {
    shards = 64;
    while (shards < 65536 && postings * 6 / static_cast<size_t>(shards) > options.shard_bytes)
      shards *= 2;
  }
  std::vector<std::map<std::string, std::vector<int>>> shard_terms(shards);
  for (size_t id = 0; id < entries.size(); ++id) {
    for (const auto& [k, w] : entry_keys[id]) {
      auto& posting = shard_terms[SearchKeyHash(k) % shards][k];
      posting.push_back(static_cast<int>(id));
      posting.push_back(w);
    }
    std::map<std::string, int>().swap(entry_keys[id]);
  }
  std::map<std::string, std::string> files;
  for (int s = 0; s < shards; ++s) {
    nlohmann::json terms = nlohmann::json::object();
    for (auto& [k, p] : shard_terms[s]) {
      if (p.size() / 2 > options.max_postings) {
        // Keep the best-weighted entries (ties: the first), in entry order, behind a -1 mark.
        std::vector<std::pair<int, int>> byweight;
        for (size_t i = 0; i < p.size(); i += 2) byweight.push_back({-p[i + 1], p[i]});
        std::stable_sort(byweight.begin(), byweight.end());
        byweight.resize(options.max_postings);
        std::sort(byweight.begin(), byweight.end(),
                  [](const auto& a, const auto& b) { return a.second < b.second; });
        std::vector<int> capped = {-1};
        for (const auto& [w, id] : byweight) {
          capped.push_back(id);
          capped.push_back(-w);
        }
        p.swap(capped);
      }
      terms[k] = p;
    }
    files["search/t" + std::to_string(s) + ".js"] = Script("terms", {nlohmann::json(s), terms});
  }
  // Entries in chunk files of a fixed number of entries (chosen so a chunk is about
  // chunk_bytes), so entry i is in chunk i / per_chunk and meta.js stays a few bytes however
  // many entries there are.
  size_t text_bytes = 0;
  for (const auto& e : entries) text_bytes += e.url.size() + e.title.size() + e.dept.size() + e.text.size() + 32;
  size_t per_chunk = entries.empty() ? 1 : std::max<size_t>(1, options.chunk_bytes * entries.size() / std::max<size_t>(1, text_bytes));
  for (size_t first = 0; first < entries.size(); first += per_chunk) {
    nlohmann::json current = nlohmann::json::array();
    for (size_t id = first; id < entries.size() && id < first + per_chunk; ++id) {
      const auto& e = entries[id];
      current.push_back({static_cast<int>(id), e.url, e.title, e.kind, e.dept, e.text});
    }
    files["search/d" + std::to_string(first / per_chunk) + ".js"] =
        Script("docs", {nlohmann::json(first / per_chunk), current});
  }
  nlohmann::json meta = {{"shards", shards}, {"entries", entries.size()}, {"per_chunk", per_chunk}};
  files["search/meta.js"] = Script("meta", {meta});
  return files;
}

}  // namespace gongkai::render
