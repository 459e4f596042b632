// Search index: bigram/prefix postings with integer ids sharded by hash, entries in chunk files.
#include "render/search_index.h"

#include <algorithm>
#include <array>
#include <set>

#include <nlohmann/json.hpp>

#include "parse/text.h"

namespace gongkai::render {

namespace {

// Entry ids are chunk << kChunkBits | place in the chunk, so search.js finds an entry's chunk
// without a table of chunk starts.
constexpr uint32_t kChunkBits = 5;
constexpr uint32_t kChunkEntries = 1u << kChunkBits;
// ASCII runs are keyed by prefixes up to this length (a longer query matches on its start).
constexpr size_t kMaxPrefix = 16;
// Pieces of a long text overlap by this many bytes, so a query of up to 16 CJK characters
// that a cut would split is still whole in one piece.
constexpr size_t kPieceOverlap = 48;

bool IsAsciiKeyChar(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'); }

// A varint alphabet that needs no escaping in a JSON string: 32 final digits, then 32
// continued ones (5 bits each, low bits first). Written here because no library in use
// encodes integers compactly as JavaScript string data; search.js decodes it.
constexpr char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

void AppendVarint(uint32_t v, std::string& out) {
  while (v >= 32) {
    out += kDigits[32 + (v & 31)];
    v >>= 5;
  }
  out += kDigits[v];
}

// Postings (id << 2 | weight, in id order) as three delta-coded groups, weight 3, 2 then 1,
// separated by '.': each value is the id's distance from the previous one of its group, less 1.
std::string EncodePostings(const std::vector<uint32_t>& sorted_by_weight) {
  std::string out;
  uint32_t weight = 3;
  int64_t prev = -1;
  for (uint32_t p : sorted_by_weight) {
    while ((p & 3) < weight) {
      out += '.';
      --weight;
      prev = -1;
    }
    AppendVarint(static_cast<uint32_t>((p >> 2) - prev - 1), out);
    prev = p >> 2;
  }
  for (; weight > 1; --weight) out += '.';
  return out;
}

// A classic-script call `gongkaiSearch.<call>(arg, arg)`. JSON is valid JavaScript except
// for U+2028/U+2029 in strings, escaped here.
std::string Script(const std::string& call, const std::string& args) {
  std::string out = "gongkaiSearch." + call + "(";
  size_t from = 0;
  const char kLead[] = "\xE2\x80";  // the first two bytes of U+2028 and U+2029
  for (size_t at = args.find(kLead); at != std::string::npos; at = args.find(kLead, at + 1)) {
    if (at + 2 >= args.size() || (args[at + 2] != '\xA8' && args[at + 2] != '\xA9')) continue;
    out.append(args, from, at - from);
    out += args[at + 2] == '\xA8' ? "\\u2028" : "\\u2029";
    from = at + 3;
  }
  out.append(args, from, std::string::npos);
  return out + ");\n";
}

std::string Json(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The index keys of one run of ASCII or CJK characters.
void AddRunKeys(const std::vector<std::string>& run, bool ascii, bool single_characters,
                uint32_t weight, std::unordered_map<std::string, uint32_t>& keys) {
  auto add = [&](std::string key) {
    uint32_t& w = keys[std::move(key)];
    w = std::max(w, weight);
  };
  if (run.empty()) return;
  bool singles = single_characters || run.size() == 1;
  if (ascii) {
    if (singles) add(run[0]);
    std::string prefix = run[0];
    for (size_t i = 1; i < run.size() && i < kMaxPrefix; ++i) add(prefix += run[i]);
    return;
  }
  for (size_t i = 0; i < run.size(); ++i) {
    if (singles) add(run[i]);
    if (i + 1 < run.size()) add(run[i] + run[i + 1]);
  }
}

// The end of a piece of at most `bytes` bytes of `text` from `from`, on a code point.
size_t PieceEnd(const std::string& text, size_t from, size_t bytes) {
  size_t end = std::min(text.size(), from + bytes);
  while (end > from && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
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

void AddSearchKeys(const std::string& text, bool single_characters, uint32_t weight,
                   std::unordered_map<std::string, uint32_t>& keys) {
  std::vector<std::string> run;
  bool ascii = false;
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = parse::NextCodePoint(text, i);
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    bool is_ascii = IsAsciiKeyChar(c);
    if (!is_ascii && !parse::IsHan(c)) {
      AddRunKeys(run, ascii, single_characters, weight, keys);
      run.clear();
      continue;
    }
    if (!run.empty() && is_ascii != ascii) {  // a run changes script: 2101501行政运行
      AddRunKeys(run, ascii, single_characters, weight, keys);
      run.clear();
    }
    ascii = is_ascii;
    run.push_back(parse::EncodeCodePoint(c));
  }
  AddRunKeys(run, ascii, single_characters, weight, keys);
}

std::vector<std::string> SearchKeys(const std::string& text, bool single_characters) {
  std::unordered_map<std::string, uint32_t> keys;
  AddSearchKeys(text, single_characters, 1, keys);
  std::vector<std::string> out;
  for (const auto& [k, w] : keys) out.push_back(k);
  std::sort(out.begin(), out.end());
  return out;
}

SearchIndexBuilder::SearchIndexBuilder(SearchIndexOptions options, Write write)
    : options_(options), write_(std::move(write)) {}

void SearchIndexBuilder::Add(const SearchEntry& entry) {
  // Long texts (a code page lists every department that uses the code) in overlapping pieces,
  // so a result loads a small chunk; the title is indexed with the first piece only.
  const std::string& text = entry.text;
  size_t from = 0;
  for (;;) {
    size_t end = PieceEnd(text, from, options_.piece_bytes);
    if (end == from) end = text.size();  // a piece_bytes smaller than a code point
    AddPiece(entry, text.substr(from, end - from), from == 0);
    if (end == text.size()) break;
    size_t next = end - std::min(kPieceOverlap, end - from);
    while (next > from && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) --next;
    from = next > from ? next : end;
  }
}

void SearchIndexBuilder::AddPiece(const SearchEntry& entry, const std::string& text,
                                  bool with_title) {
  if (chunk_entries_ == kChunkEntries || chunk_body_.size() >= options_.chunk_bytes ||
      (chunk_entries_ > 0 && entry.dept != chunk_dept_))
    CloseChunk();
  uint32_t id = chunk_ << kChunkBits | chunk_entries_++;
  chunk_dept_ = entry.dept;
  ++entries_;
  // The department's name is not indexed on each of its entries: it is the title of its
  // department entry (weight 3, ranked first) and of its 概况 and 预算说明 pieces.
  std::unordered_map<std::string, uint32_t> keys;
  AddSearchKeys(text, false, 1, keys);
  if (with_title) AddSearchKeys(entry.title, true, entry.kind == "department" ? 3 : 2, keys);
  for (const auto& [k, w] : keys) postings_[k].push_back(id << 2 | w);
  if (!chunk_body_.empty()) chunk_body_ += ',';
  chunk_body_ += Json({id, entry.url, entry.title, entry.kind, entry.dept, text});
}

void SearchIndexBuilder::CloseChunk() {
  if (chunk_entries_ > 0) {
    write_("search/d" + std::to_string(chunk_) + ".js",
           Script("docs", std::to_string(chunk_) + ",[" + chunk_body_ + "]"));
    ++chunk_;
  }
  chunk_body_.clear();
  chunk_entries_ = 0;
}

void SearchIndexBuilder::Finish() {
  CloseChunk();
  // Each key: its count, its head (titles first), the stem of its further pages. Keys are
  // letters, digits and CJK characters only, so they are JSON strings as they are.
  std::vector<std::pair<std::string, std::string>> terms;  // key -> its shard entry
  size_t total = 0;
  std::set<std::string> stems;
  for (auto& [key, list] : postings_) {
    std::stable_sort(list.begin(), list.end(),
                     [](uint32_t a, uint32_t b) { return (a & 3) > (b & 3); });
    size_t head = std::min(list.size(), options_.head_postings);
    std::string entry = "\"" + key + "\":[" + std::to_string(list.size()) + ",\"" +
                        EncodePostings({list.begin(), list.begin() + head}) + "\"";
    if (head < list.size()) {
      // Pages are named by a 64-bit FNV-1a of the key, so they keep their names when other
      // keys come or go; a clash (never seen) gets a suffix.
      uint64_t h = 14695981039346656037ull;
      for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
      std::array<char, 17> hex{};
      snprintf(hex.data(), hex.size(), "%016llx", static_cast<unsigned long long>(h));
      std::string stem = "m" + std::string(hex.data());
      while (!stems.insert(stem).second) stem += "x";
      size_t pages = 0;
      for (size_t at = head; at < list.size(); at += options_.page_postings) {
        std::vector<uint32_t> page(list.begin() + at,
                                   list.begin() + std::min(list.size(), at + options_.page_postings));
        ++pages;
        std::string name = stem + "-" + std::to_string(pages);
        write_("search/" + name + ".js",
               Script("more", "\"" + name + "\",\"" + EncodePostings(page) + "\""));
      }
      entry += "," + std::to_string(pages) + ",\"" + stem + "\"";
    }
    entry += "]";
    total += entry.size();
    terms.emplace_back(key, std::move(entry));
    std::vector<uint32_t>().swap(list);
  }
  postings_.clear();
  uint32_t shards = 1;
  while (shards < 65536 && total / shards > options_.shard_bytes) shards *= 2;
  // Sorted by shard, then key: each shard's keys in one order, whatever the hash map's.
  std::vector<std::pair<uint32_t, size_t>> order;
  for (size_t i = 0; i < terms.size(); ++i) order.push_back({SearchKeyHash(terms[i].first) % shards, i});
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : terms[a.second].first < terms[b.second].first;
  });
  for (size_t i = 0, s = 0; s < shards; ++s) {
    std::string body = std::to_string(s) + ",{";
    for (size_t first = i; i < order.size() && order[i].first == s; ++i)
      body += (i > first ? "," : "") + terms[order[i].second].second;
    write_("search/t" + std::to_string(s) + ".js", Script("terms", body + "}"));
  }
  write_("search/meta.js",
         Script("meta", Json({{"shards", shards}, {"entries", entries_}, {"chunk_bits", kChunkBits}})));
}

std::map<std::string, std::string> BuildSearchIndex(const std::vector<SearchEntry>& entries,
                                                    const SearchIndexOptions& options) {
  std::map<std::string, std::string> files;
  SearchIndexBuilder builder(options, [&](const std::string& path, std::string body) {
    files[path] = std::move(body);
  });
  for (const auto& e : entries) builder.Add(e);
  builder.Finish();
  return files;
}

}  // namespace gongkai::render
