// Search index: bigram/prefix postings with integer ids sharded by hash, entries in chunk files.
#include "render/search_index.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <exception>
#include <set>
#include <stdexcept>
#include <thread>
#include <utility>

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

// Postings (id << 2 | weight, titles first: see ByWeight) as three delta-coded groups, weight
// 3, 2 then 1, separated by '.': each value is the id's distance from the previous one of its
// group, less 1.
std::string EncodePostings(const uint32_t* begin, const uint32_t* end) {
  std::string out;
  uint32_t weight = 3;
  int64_t prev = -1;
  for (const uint32_t* p = begin; p != end; ++p) {
    while ((*p & 3) < weight) {
      out += '.';
      --weight;
      prev = -1;
    }
    AppendVarint(static_cast<uint32_t>((*p >> 2) - prev - 1), out);
    prev = *p >> 2;
  }
  for (; weight > 1; --weight) out += '.';
  return out;
}

// A key's postings (in id order) with the titles first: weight 3, then 2, then 1, each group
// in id order (a stable sort by weight, in three passes).
void ByWeight(const std::vector<uint32_t>& list, std::vector<uint32_t>& out) {
  out.clear();
  out.reserve(list.size());
  for (uint32_t weight = 3; weight >= 1; --weight)
    for (uint32_t p : list)
      if ((p & 3) == weight) out.push_back(p);
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

// Calls add(key) for each index key of `text` (as SearchKeys describes them; a key may come
// more than once), as the text is read: the run of characters being read is its length, its
// last character (for the next pair) and, for an ASCII run, its first 16 characters.
template <typename Add>
void ForEachKey(std::string_view text, bool single_characters, Add add) {
  SearchKey prefix, last;  // an ASCII run's prefix; a CJK run's last character
  size_t run = 0;
  bool ascii = false;
  auto end_run = [&] {
    if (run == 1 && !single_characters) add(ascii ? prefix : last);  // a run of one character
    run = 0;
    prefix = SearchKey();
  };
  for (size_t i = 0; i < text.size();) {
    const size_t start = i;
    char32_t c = parse::NextCodePoint(text, i);
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    const bool is_ascii = IsAsciiKeyChar(c);
    if (!is_ascii && !parse::IsHan(c)) {
      end_run();
      continue;
    }
    if (run > 0 && is_ascii != ascii) end_run();  // a run changes script: 2101501行政运行
    ascii = is_ascii;
    ++run;
    if (ascii) {
      if (run > kMaxPrefix) continue;
      prefix.bytes[prefix.size++] = static_cast<char>(c);
      if (run > 1 || single_characters) add(prefix);
      continue;
    }
    SearchKey one;  // the character as it is in the text (valid UTF-8, ingest checks)
    one.size = static_cast<uint8_t>(i - start);
    std::copy(text.begin() + start, text.begin() + i, one.bytes.begin());
    if (single_characters) add(one);
    if (run > 1) {
      SearchKey pair = last;
      std::copy(one.bytes.begin(), one.bytes.begin() + one.size, pair.bytes.begin() + pair.size);
      pair.size = static_cast<uint8_t>(pair.size + one.size);
      add(pair);
    }
    last = one;
  }
  end_run();
}

// A key of a piece, with its hash and the piece's posting (id << 2 | weight).
struct PieceKey {
  SearchKey key;
  uint32_t hash;
  uint32_t posting;
};

// The end of a piece of at most `bytes` bytes of `text` from `from`, on a code point.
size_t PieceEnd(const std::string& text, size_t from, size_t bytes) {
  size_t end = std::min(text.size(), from + bytes);
  while (end > from && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}

}  // namespace

uint32_t SearchKeyHash(std::string_view key) {
  uint32_t h = 2166136261u;
  for (unsigned char c : key) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

std::vector<std::string> SearchKeys(const std::string& text, bool single_characters) {
  std::set<std::string> keys;
  ForEachKey(text, single_characters, [&](const SearchKey& k) { keys.emplace(k.view()); });
  return {keys.begin(), keys.end()};
}

size_t SearchIndexBuilder::KeyHash::operator()(const SearchKey& key) const {
  return SearchKeyHash(key.view());
}

SearchIndexBuilder::SearchIndexBuilder(SearchIndexOptions options, Write write)
    : options_(options), write_(std::move(write)), parts_(std::max(1u, options.threads)) {}

namespace {

// A group's chunks are blocks of this many chunks: a department's entries fill one block (about
// six chunks at most sizes), a long one (a code used everywhere) several blocks in a row.
constexpr uint32_t kBlockChunks = 8;
// Ids (chunk << kChunkBits | place) shifted by 2 for the weight must fit 32 bits.
constexpr uint32_t kMaxSlots = 1u << (32 - 2 - kChunkBits - 3);

uint64_t Fnv64(std::string_view key) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  return h;
}

// The bytes a piece adds to its chunk (without its id, so the chunks of a group do not depend
// on where the group is).
size_t PieceBytes(const SearchEntry& entry, std::string_view text) {
  return entry.url.size() + entry.title.size() + entry.kind.size() + entry.dept.size() + text.size();
}

}  // namespace

void ForEachSearchPiece(
    const SearchGroup& group, const SearchIndexOptions& options,
    const std::function<void(const SearchEntry&, std::string_view, bool, uint32_t, uint32_t)>& fn) {
  uint32_t chunk = 0, place = 0;
  size_t bytes = 0;
  auto piece = [&](const SearchEntry& entry, std::string_view text, bool with_title) {
    if (place == kChunkEntries || (place > 0 && bytes >= options.chunk_bytes)) {
      ++chunk;
      place = 0;
      bytes = 0;
    }
    fn(entry, text, with_title, chunk, place++);
    bytes += PieceBytes(entry, text);
  };
  // Long texts (a code page lists every department that uses the code) in overlapping pieces,
  // so a result loads a small chunk; the title is indexed with the first piece only.
  for (const SearchEntry* entry : group.entries) {
    const std::string& text = entry->text;
    size_t from = 0;
    for (;;) {
      size_t end = PieceEnd(text, from, options.piece_bytes);
      if (end == from) end = text.size();  // a piece_bytes smaller than a code point
      piece(*entry, std::string_view(text).substr(from, end - from), from == 0);
      if (end == text.size()) break;
      size_t next = end - std::min(kPieceOverlap, end - from);
      while (next > from && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) --next;
      from = next > from ? next : end;
    }
  }
}

// Each group gets blocks of kBlockChunks chunks (a slot each), as many as its pieces fill, at
// the first run of free slots from the slot its key hashes to (FNV-1a 64, modulo the slot
// count), the groups taken in key order. The slot count is the least power of 2 (16 at least)
// of at least twice the blocks, so runs are short. The places depend on the groups' keys and
// sizes only: the same for a full build and after an edit, and an edit moves no other group
// unless the slot count doubles or halves, or it takes a slot another group would have had.
std::vector<SearchPlace> PlaceSearchGroups(
    const std::vector<SearchGroup>& groups, const SearchIndexOptions& options, uint32_t& slots,
    const std::function<bool(size_t, uint32_t&)>& known) {
  std::vector<SearchPlace> places(groups.size());
  std::vector<uint32_t> blocks(groups.size());
  uint64_t all = 0;
  for (size_t g = 0; g < groups.size(); ++g) {
    if (!known || !known(g, places[g].chunks))
      ForEachSearchPiece(groups[g], options,
                         [&](const SearchEntry&, std::string_view, bool, uint32_t chunk,
                             uint32_t) { places[g].chunks = chunk + 1; });
    blocks[g] = (places[g].chunks + kBlockChunks - 1) / kBlockChunks;
    all += blocks[g];
  }
  slots = 16;
  while (slots < 2 * all) {
    if (slots >= kMaxSlots) throw std::length_error("search index: too many entries");
    slots *= 2;
  }
  std::vector<uint32_t> order(groups.size());
  for (uint32_t g = 0; g < order.size(); ++g) order[g] = g;
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return groups[a].key < groups[b].key; });
  std::vector<bool> taken(slots);
  for (uint32_t g : order) {
    const uint32_t need = blocks[g];
    if (need == 0) continue;
    uint32_t at = static_cast<uint32_t>(Fnv64(groups[g].key) % slots);
    for (uint32_t free = 0; free < need;) {
      if (at + need > slots) at = 0, free = 0;
      if (taken[at + free]) {
        at += free + 1;
        free = 0;
      } else {
        ++free;
      }
    }
    std::fill(taken.begin() + at, taken.begin() + at + need, true);
    places[g].first_chunk = at * kBlockChunks;
  }
  return places;
}

std::vector<uint32_t> GroupsInChunkOrder(const std::vector<SearchPlace>& places) {
  std::vector<uint32_t> order;
  for (uint32_t g = 0; g < places.size(); ++g)
    if (places[g].chunks > 0) order.push_back(g);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return places[a].first_chunk < places[b].first_chunk; });
  return order;
}

std::string SearchChunkPath(uint32_t chunk) { return "search/d" + std::to_string(chunk) + ".js"; }
std::string SearchShardPath(uint32_t shard) { return "search/t" + std::to_string(shard) + ".js"; }

std::string SearchChunkFile(uint32_t chunk, const std::string& pieces) {
  return Script("docs", std::to_string(chunk) + ",[" + pieces + "]");
}

std::string SearchChunkPiece(uint32_t id, const SearchEntry& entry, std::string_view text,
                             bool& faithful) {
  const nlohmann::json piece = {id, entry.url, entry.title, entry.kind, entry.dept, std::string(text)};
  try {
    return piece.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
  } catch (const nlohmann::json::type_error&) {  // not valid UTF-8
    faithful = false;
    return Json(piece);
  }
}

void ForEachSearchPieceKey(uint32_t id, const SearchEntry& entry, std::string_view text,
                           bool with_title,
                           const std::function<void(const SearchKey&, uint32_t)>& post) {
  ForEachKey(text, false, [&](const SearchKey& k) { post(k, id << 2 | 1); });
  // The department's name is not indexed on each of its entries: it is the title of its
  // department entry (weight 3, ranked first) and of its 概况 and 预算说明 pieces.
  const uint32_t weight = entry.kind == "department" ? 3 : 2;
  if (with_title) ForEachKey(entry.title, true, [&](const SearchKey& k) { post(k, id << 2 | weight); });
}

bool SearchIndexBuilder::Add(const SearchGroup& group, const SearchPlace& place) {
  bool faithful = true;
  ForEachSearchPiece(group, options_, [&](const SearchEntry& entry, std::string_view text,
                                          bool with_title, uint32_t chunk, uint32_t at) {
    if (place.first_chunk + chunk != chunk_) CloseChunk();
    chunk_ = place.first_chunk + chunk;
    const uint32_t id = chunk_ << kChunkBits | at;
    ++entries_;
    pieces_.push_back({id, &entry, std::string(text), with_title});
    pieces_bytes_ += text.size();
    if (pieces_bytes_ >= options_.batch_bytes) PostWaitingPieces();
    if (!chunk_body_.empty()) chunk_body_ += ',';
    chunk_body_ += SearchChunkPiece(id, entry, text, faithful);
  });
  CloseChunk();
  return faithful;
}

namespace {

// Calls post(key, posting) for each key of `piece`. (A template: SearchIndexBuilder::Piece is
// private.)
template <typename Piece, typename Post>
void ForEachPieceKey(const Piece& piece, Post post) {
  ForEachSearchPieceKey(piece.id, *piece.entry, piece.text, piece.with_title, post);
}

}  // namespace

// The keys of `pieces` (`bytes` of text). On one thread, posted as they are read. On several,
// read on every thread (thread t the pieces t, t + threads, ... into one list), then posted on
// every thread (one part of the keys each, by hash, going through the pieces in id order), so
// that a key's postings are in id order whatever the number of threads.
void SearchIndexBuilder::PostPieces(const std::vector<Piece>& pieces, size_t bytes) {
  const size_t threads = parts_.size();
  if (threads == 1) {
    for (const auto& piece : pieces)
      ForEachPieceKey(piece, [&](const SearchKey& k, uint32_t posting) { parts_[0].Post(k, posting); });
  } else {
    std::vector<std::vector<PieceKey>> keys(threads);
    std::vector<size_t> ends(pieces.size());  // where each piece's keys end in its thread's list
    OnThreads(threads, [&](size_t t) {
      keys[t].reserve(bytes / threads);
      for (size_t i = t; i < pieces.size(); i += threads) {
        ForEachPieceKey(pieces[i], [&](const SearchKey& k, uint32_t posting) {
          keys[t].push_back({k, SearchKeyHash(k.view()), posting});
        });
        ends[i] = keys[t].size();
      }
    });
    OnThreads(threads, [&](size_t t) {
      std::vector<size_t> from(threads, 0);
      for (size_t i = 0; i < pieces.size(); ++i) {
        const std::vector<PieceKey>& list = keys[i % threads];
        for (size_t& at = from[i % threads]; at < ends[i]; ++at)
          if (list[at].hash % threads == t) parts_[t].Post(list[at].key, list[at].posting);
      }
    });
  }
}

// The waiting pieces' keys: with more than one thread, posted on threads of their own while
// the next pieces are added (one batch at a time, so a key's postings stay in id order).
void SearchIndexBuilder::PostWaitingPieces() {
  WaitForPosting();
  if (parts_.size() == 1) {
    PostPieces(pieces_, pieces_bytes_);
  } else {
    posting_ = std::thread([this, pieces = std::move(pieces_), bytes = pieces_bytes_] {
      try {
        PostPieces(pieces, bytes);
      } catch (...) {
        posting_error_ = std::current_exception();
      }
    });
  }
  pieces_.clear();
  pieces_bytes_ = 0;
}

// Waits for the last batch's keys, and throws what posting them threw.
void SearchIndexBuilder::WaitForPosting() {
  if (posting_.joinable()) posting_.join();
  if (posting_error_) std::rethrow_exception(std::exchange(posting_error_, nullptr));
}

SearchIndexBuilder::~SearchIndexBuilder() {
  if (posting_.joinable()) posting_.join();
}

// A key of a piece: its posting, once per piece with the highest weight given.
void SearchIndexBuilder::Part::Post(const SearchKey& key, uint32_t posting) {
  const auto [at, added] = numbers.try_emplace(key, static_cast<uint32_t>(keys.size()));
  if (added) {
    keys.push_back(key);
    postings.emplace_back();
  }
  std::vector<uint32_t>& list = postings[at->second];
  if (!list.empty() && list.back() >> 2 == posting >> 2)
    list.back() = std::max(list.back(), posting);  // the same id: the higher weight
  else
    list.push_back(posting);
}

void SearchIndexBuilder::CloseChunk() {
  if (!chunk_body_.empty()) write_(SearchChunkPath(chunk_), SearchChunkFile(chunk_, chunk_body_));
  chunk_body_.clear();
}

std::string SearchStem(std::string_view key) {
  std::array<char, 17> hex{};
  snprintf(hex.data(), hex.size(), "%016llx", static_cast<unsigned long long>(Fnv64(key)));
  return "m" + std::string(hex.data());
}

// A key's entry in its shard: its count, its head (titles first), the stem of its further
// pages, which it gives to `page`. Keys are letters, digits and CJK characters only, so they
// are JSON strings as they are.
namespace {

// How many of the postings [first, end) the posting page that begins at `first` holds: up to
// the next posting whose value hashes to 0 modulo `mean` (a multiplicative hash, Knuth's), at
// most 4 × mean. Where a page ends depends on the posting there alone, so an entry added or
// removed changes the page it falls in (and the first page, whose first postings come after
// the head), not every later page, as pages of a fixed size did: at N = 10,000 an added
// department shifted the pages of every common key.
size_t PostingPageSize(const uint32_t* first, const uint32_t* end, size_t mean) {
  const size_t most = std::min<size_t>(end - first, 4 * mean);
  size_t size = 1;
  while (size < most && !SearchPageBegins(first[size], mean)) ++size;
  return size;
}

}  // namespace

bool SearchPageBegins(uint32_t posting, size_t mean) { return (posting * 2654435761u >> 7) % mean == 0; }

size_t SearchPageSize(const uint32_t* first, const uint32_t* end, size_t mean) {
  return PostingPageSize(first, end, mean);
}

std::string SearchPostingPage(const std::string& name, const uint32_t* first, const uint32_t* end) {
  return Script("more", "\"" + name + "\",\"" + EncodePostings(first, end) + "\"");
}

std::string EncodeSearchPostings(const uint32_t* first, const uint32_t* end) {
  return EncodePostings(first, end);
}

std::optional<uint32_t> FirstSearchPosting(std::string_view encoded) {
  uint32_t weight = 3, v = 0, shift = 0;
  for (char c : encoded) {
    if (c == '.') {
      if (--weight == 0) return std::nullopt;
      continue;
    }
    const char* at = std::strchr(kDigits, c);
    if (c == '\0' || !at || shift > 30) return std::nullopt;
    const auto x = static_cast<uint32_t>(at - kDigits);
    v |= (x & 31) << shift;
    if (x >= 32) {
      shift += 5;
      continue;
    }
    return v << 2 | weight;  // (the first of a run: one more than -1)
  }
  return std::nullopt;
}

std::string SearchTerm(const SearchKey& key, const std::vector<uint32_t>& postings,
                       const SearchIndexOptions& options, std::set<std::string>& stems,
                       const std::function<void(const std::string&, std::string)>& page) {
  std::vector<uint32_t> list;
  ByWeight(postings, list);
  return SearchTermByWeight(key, list, options, stems, page);
}

std::string SearchTermByWeight(const SearchKey& key, const std::vector<uint32_t>& list,
                               const SearchIndexOptions& options, std::set<std::string>& stems,
                               const std::function<void(const std::string&, std::string)>& page) {
  const size_t head = std::min(list.size(), options.head_postings);
  const std::string head_text = EncodePostings(list.data(), list.data() + head);
  if (head == list.size()) return SearchTermText(key.view(), list.size(), head_text, 0, "");
  // Pages are named by a 64-bit FNV-1a of the key, so they keep their names when other keys
  // come or go; a clash (never seen) gets a suffix.
  std::string stem = SearchStem(key.view());
  while (!stems.insert(stem).second) stem += "x";
  size_t pages = 0;
  for (size_t at = head, size; at < list.size(); at += size) {
    const uint32_t* first = list.data() + at;
    size = PostingPageSize(first, list.data() + list.size(), options.page_postings);
    ++pages;
    page(SearchPagePath(stem, pages), SearchPostingPage(stem + "-" + std::to_string(pages), first, first + size));
  }
  return SearchTermText(key.view(), list.size(), head_text, pages, stem);
}

std::string SearchTermText(std::string_view key, size_t count, std::string_view head,
                           size_t pages, std::string_view stem) {
  std::string entry = "\"";
  entry.append(key);
  entry += "\":[" + std::to_string(count) + ",\"";
  entry.append(head);
  entry += '"';
  if (pages > 0) {
    entry += "," + std::to_string(pages) + ",\"";
    entry.append(stem);
    entry += '"';
  }
  return entry + "]";
}

std::string SearchPagePath(std::string_view stem, size_t page) {
  return "search/" + std::string(stem) + "-" + std::to_string(page) + ".js";
}

std::vector<uint32_t> DecodeSearchPostings(std::string_view encoded) {
  std::vector<uint32_t> out;
  DecodeSearchPostings(encoded, out);
  return out;
}

void DecodeSearchPostings(std::string_view encoded, std::vector<uint32_t>& out) {
  // Each digit's value, by byte (0 for a byte that is no digit, as '0'): a department added or
  // removed decodes every posting of the keys it changes, ~10^7 digits at N = 10,000.
  static const std::array<uint8_t, 256> kValue = [] {
    std::array<uint8_t, 256> value{};
    for (uint8_t d = 0; d < 64; ++d) value[static_cast<unsigned char>(kDigits[d])] = d;
    return value;
  }();
  uint32_t weight = 3, v = 0, shift = 0;
  int64_t prev = -1;
  for (char c : encoded) {
    if (c == '.') {
      --weight;
      prev = -1;
      continue;
    }
    const uint32_t x = kValue[static_cast<unsigned char>(c)];
    v |= (x & 31) << shift;
    if (x >= 32) {
      shift += 5;
      continue;
    }
    prev += v + 1;
    out.push_back(static_cast<uint32_t>(prev) << 2 | weight);
    v = shift = 0;
  }
}

std::string SearchShardFile(uint32_t shard, const std::vector<std::string>& terms) {
  std::string body = std::to_string(shard) + ",{";
  for (size_t i = 0; i < terms.size(); ++i) {
    if (i > 0) body += ',';
    body += terms[i];
  }
  return Script("terms", body + "}");
}

uint32_t SearchShardCount(uint64_t bytes, const SearchIndexOptions& options) {
  uint32_t shards = 1;
  while (shards < 65536 && bytes / shards > options.shard_bytes) shards *= 2;
  return shards;
}

std::string SearchMetaFile(uint32_t shards, uint32_t entries) {
  return Script("meta", Json({{"shards", shards}, {"entries", entries}, {"chunk_bits", kChunkBits}}));
}

void SearchIndexBuilder::Finish() {
  CloseChunk();
  PostWaitingPieces();
  WaitForPosting();
  // Every key in key order (whatever part holds it, so that the files do not depend on the
  // number of threads), its entry in its shard.
  std::vector<std::pair<uint32_t, uint32_t>> all;  // part, key number
  for (uint32_t p = 0; p < parts_.size(); ++p)
    for (uint32_t k = 0; k < parts_[p].keys.size(); ++k) all.push_back({p, k});
  auto key = [&](const std::pair<uint32_t, uint32_t>& at) -> const SearchKey& {
    return parts_[at.first].keys[at.second];
  };
  std::sort(all.begin(), all.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  std::vector<std::string> terms;
  terms.reserve(all.size());
  term_bytes_ = 0;
  std::set<std::string> stems;
  for (const auto& at : all) {
    std::vector<uint32_t>& postings = parts_[at.first].postings[at.second];
    terms.push_back(SearchTerm(key(at), postings, options_, stems, write_));
    std::vector<uint32_t>().swap(postings);
    term_bytes_ += terms.back().size();
  }
  const uint32_t shards = SearchShardCount(term_bytes_, options_);
  // Each shard's keys in key order.
  std::vector<std::vector<std::string>> by_shard(shards);
  for (uint32_t i = 0; i < all.size(); ++i)
    by_shard[SearchKeyHash(key(all[i]).view()) % shards].push_back(std::move(terms[i]));
  for (uint32_t s = 0; s < shards; ++s)
    write_(SearchShardPath(s), SearchShardFile(s, by_shard[s]));
  parts_.assign(parts_.size(), Part());
  write_("search/meta.js", SearchMetaFile(shards, entries_));
}

std::map<std::string, std::string> BuildSearchIndex(const std::vector<SearchEntry>& entries,
                                                    const SearchIndexOptions& options) {
  std::vector<SearchGroup> groups;
  for (const auto& e : entries) {
    if (groups.empty() || groups.back().entries.back()->dept != e.dept)
      groups.push_back({e.dept + " " + e.url, {}});
    groups.back().entries.push_back(&e);
  }
  uint32_t slots = 0;
  const std::vector<SearchPlace> places = PlaceSearchGroups(groups, options, slots);
  std::map<std::string, std::string> files;
  SearchIndexBuilder builder(options, [&](const std::string& path, std::string body) {
    files[path] = std::move(body);
  });
  for (uint32_t g : GroupsInChunkOrder(places)) builder.Add(groups[g], places[g]);
  builder.Finish();
  return files;
}

}  // namespace gongkai::render
