// The site's search index, built at generation time and searched in the browser.
//
// Chinese has no spaces between words, so the index keys of Chinese text are overlapping
// character pairs (bigrams), and single characters of titles for one-character queries; a
// run of ASCII letters and digits is keyed by its prefixes (`2101501` by 21, 210, … 2101501),
// so a code or a number is found from its start. Each key's postings (integer entry ids,
// titles first) are in a term shard chosen by a hash (FNV-1a of the key's UTF-8 bytes, mod the
// shard count): a query loads the shards of its own keys, where each key holds its count and
// its first postings; a key in very many entries keeps the rest in pages loaded only when the
// reader asks for more results. Entries (title, URL, text for snippets; long texts in pieces)
// are in small chunk files loaded only for the results shown. Every file is a classic script
// calling gongkaiSearch.meta/terms/more/docs(...), so the search works from file:// (no fetch,
// no modules). The index is never inlined into pages.
#pragma once

#include <array>
#include <cstdint>
#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

namespace gongkai::render {

struct SearchEntry {
  std::string url;    ///< relative to the site root
  std::string title;  ///< department name, code and name, project name, term, rule title
  std::string kind;   ///< department / code / project / finding / glossary / narrative
  std::string dept;   ///< the department it belongs to ("" for code and glossary pages)
  std::string text;   ///< body text: matched and shown as a snippet
};

struct SearchIndexOptions {
  size_t shard_bytes = 6000;  ///< target size of a term shard (the shard count is a power of 2)
  size_t chunk_bytes = 2500;  ///< an entry chunk file is closed once it holds this much text
  size_t piece_bytes = 1500;  ///< a longer text is indexed and stored in pieces of this size
  /// A key keeps this many postings in its shard (titles first); the rest are in pages of
  /// page_postings each on average (a page ends at a posting that hashes to it, at most 4
  /// times as many: search_index.cc PostingPageSize), loaded only for more results.
  size_t head_postings = 600;
  size_t page_postings = 4000;
  /// Threads that read the entries' keys and post them; the files are the same for any number.
  unsigned threads = 1;
  /// Pieces wait for their keys until they hold this much text; then (with more than one
  /// thread) their keys are posted while the next pieces are added.
  size_t batch_bytes = 1 << 20;
};

/// An index key as its UTF-8 bytes, zero-padded: an ASCII prefix takes at most 16 bytes, one
/// or two CJK characters at most 8. Held in place rather than as a std::string (one string
/// per character pair was most of the index's time). A key holds no NUL, so the padding
/// tells its size.
struct SearchKey {
  std::array<char, 16> bytes{};
  uint8_t size = 0;
  std::string_view view() const { return {bytes.data(), size}; }
  bool operator==(const SearchKey& other) const { return bytes == other.bytes; }
  bool operator<(const SearchKey& other) const { return view() < other.view(); }
};

/// A part of the index that changes together: a department's entries (one record's), or one
/// code's or glossary term's. Its key names it from build to build (a record's id, a page's
/// URL); the entries are not owned.
struct SearchGroup {
  std::string key;
  std::vector<const SearchEntry*> entries;
  /// Its entries are those the last build gave the group of this key (a record not built
  /// again): made from the last build's index (render/search_update.h), its fingerprint and its
  /// chunk count are taken from the last build's state rather than from its text again.
  bool unchanged = false;
  /// Its entries were not read (a record's left in the build's cache); it is unchanged. The
  /// index can then be made only from the last build's, keeping the group where it was; made
  /// whole, the groups come complete from WriteSearchIndex's `complete`.
  bool deferred = false;
};

/// Where a group's entries are: its chunks are first_chunk, first_chunk + 1, …, and its entry
/// ids chunk << 5 | place in the chunk.
struct SearchPlace {
  uint32_t first_chunk = 0;
  uint32_t chunks = 0;
};

/// The groups' places, `slots` the size of the numbering (see search_index.cc: a group's
/// chunks depend on its key, its size and the groups near it, not on the groups before it in
/// the input, so an edit renumbers nothing else). Throws std::length_error past 2^22 slots.
/// `known(g, chunks)`, where given and true, tells the chunk count of group g, whose pieces are
/// then not walked.
std::vector<SearchPlace> PlaceSearchGroups(
    const std::vector<SearchGroup>& groups, const SearchIndexOptions& options, uint32_t& slots,
    const std::function<bool(size_t, uint32_t&)>& known = nullptr);

/// Calls fn(entry, text, with_title, chunk, place) for each piece of the group's entries, in
/// id order: `chunk` counts from the group's first, `place` within the chunk. A long text is
/// cut into overlapping pieces, its title indexed with the first only; a chunk is closed at 32
/// pieces or once its pieces hold options.chunk_bytes bytes.
void ForEachSearchPiece(
    const SearchGroup& group, const SearchIndexOptions& options,
    const std::function<void(const SearchEntry&, std::string_view, bool, uint32_t, uint32_t)>& fn);

/// The groups that have entries, by their first chunk: the order SearchIndexBuilder::Add takes
/// them in.
std::vector<uint32_t> GroupsInChunkOrder(const std::vector<SearchPlace>& places);

/// The paths (relative to the site) of an entry chunk and of a term shard.
std::string SearchChunkPath(uint32_t chunk);
std::string SearchShardPath(uint32_t shard);
/// An entry chunk file's text: `pieces` as JSON array elements (SearchChunkPiece).
std::string SearchChunkFile(uint32_t chunk, const std::string& pieces);
/// One piece in a chunk file: [id, url, title, kind, dept, text]. A text that is not valid
/// UTF-8 is kept with U+FFFD in place of the bad bytes, and `faithful` set false.
std::string SearchChunkPiece(uint32_t id, const SearchEntry& entry, std::string_view text,
                             bool& faithful);

/// Calls post(key, posting) for each key of a piece: its text's (weight 1), and its title's
/// when `with_title` (weight 3 for a department's own entry, else 2); a key may come more than
/// once.
void ForEachSearchPieceKey(uint32_t id, const SearchEntry& entry, std::string_view text,
                           bool with_title,
                           const std::function<void(const SearchKey&, uint32_t)>& post);

/// A key's entry in its term shard, `"key":[count,"head"(,pages,"stem")]`, for its postings
/// (id << 2 | weight, in id order, one per id); the posting pages it names are given to
/// `page(name, body)`. `stems` holds the stems taken so far: a clash (never seen) gets a
/// suffix.
std::string SearchTerm(const SearchKey& key, const std::vector<uint32_t>& postings,
                       const SearchIndexOptions& options, std::set<std::string>& stems,
                       const std::function<void(const std::string&, std::string)>& page);
/// SearchTerm for postings already in the order a term holds them: titles first (weight 3,
/// then 2, then 1), each weight in id order.
std::string SearchTermByWeight(const SearchKey& key, const std::vector<uint32_t>& list,
                               const SearchIndexOptions& options, std::set<std::string>& stems,
                               const std::function<void(const std::string&, std::string)>& page);
/// The stem of a key's posting pages before any clash: m and its 64-bit FNV-1a in hex.
std::string SearchStem(std::string_view key);
/// A key's entry in its term shard, `"key":[count,"head"(,pages,"stem")]` (SearchTerm), from
/// its count, its encoded head and, where `pages` > 0, the number and stem of its pages.
std::string SearchTermText(std::string_view key, size_t count, std::string_view head,
                           size_t pages, std::string_view stem);
/// The path of posting page `page` (from 1) of the pages of `stem`: search/<stem>-<page>.js.
std::string SearchPagePath(std::string_view stem, size_t page);
/// Whether a posting begins a posting page wherever it is (its hash is 0 modulo `mean`): a
/// page ends before the next such posting, or after 4 × mean postings (SearchPageSize).
bool SearchPageBegins(uint32_t posting, size_t mean);
/// How many of the postings [first, end) the posting page that begins at `first` holds.
size_t SearchPageSize(const uint32_t* first, const uint32_t* end, size_t mean);
/// The file of the posting page `name` (<stem>-<n>) holding the postings [first, end).
std::string SearchPostingPage(const std::string& name, const uint32_t* first, const uint32_t* end);
/// Postings (in a term's order) as a head or a page encodes them.
std::string EncodeSearchPostings(const uint32_t* first, const uint32_t* end);
/// The first posting an encoded head or page holds; none where it holds none or is not one.
std::optional<uint32_t> FirstSearchPosting(std::string_view encoded);
/// The postings (id << 2 | weight) an encoded head or page holds, in the order written.
std::vector<uint32_t> DecodeSearchPostings(std::string_view encoded);
/// The same, appended to `out`.
void DecodeSearchPostings(std::string_view encoded, std::vector<uint32_t>& out);
/// A term shard's file for its terms (SearchTerm), in key order.
std::string SearchShardFile(uint32_t shard, const std::vector<std::string>& terms);
/// The shard count for terms of `bytes` bytes in all.
uint32_t SearchShardCount(uint64_t bytes, const SearchIndexOptions& options);
/// search/meta.js.
std::string SearchMetaFile(uint32_t shards, uint32_t entries);

/// Builds the index one group at a time, holding only the postings (integer ids) and the
/// current entry chunk: each chunk file goes to `write` as soon as it is full, the term
/// shards and posting pages at Finish(). An entry chunk never holds two groups' entries, so a
/// changed document rewrites its own chunks and the shards of the keys whose postings
/// changed, not the others (render/search_update.h makes that use of it). `write` gets paths
/// relative to the site root (search/...).
class SearchIndexBuilder {
 public:
  using Write = std::function<void(const std::string& path, std::string body)>;
  SearchIndexBuilder(SearchIndexOptions options, Write write);
  /// Waits for the keys still being posted.
  ~SearchIndexBuilder();
  /// Adds a group at its place; groups come in the order of their places. False when a text
  /// of the group was not kept as it is (SearchChunkPiece).
  bool Add(const SearchGroup& group, const SearchPlace& place);
  /// Writes the last chunk, the shards, the posting pages and `search/meta.js`.
  void Finish();
  /// After Finish: the bytes of all terms (what the shard count is chosen by).
  uint64_t term_bytes() const { return term_bytes_; }
  uint32_t entries() const { return entries_; }

 private:
  struct KeyHash {
    size_t operator()(const SearchKey& key) const;
  };
  /// The keys whose hash is one part of the hash's range (its value modulo the number of
  /// parts), each numbered in the order first seen, with its postings by that number: each
  /// id << 2 | weight (3 department title, 2 title, 1 text), in id order.
  struct Part {
    std::unordered_map<SearchKey, uint32_t, KeyHash> numbers;
    std::vector<SearchKey> keys;
    std::vector<std::vector<uint32_t>> postings;
    void Post(const SearchKey& key, uint32_t posting);
  };
  /// A piece of an entry waiting for its keys.
  struct Piece {
    uint32_t id;
    const SearchEntry* entry;
    std::string text;
    bool with_title;
  };
  void PostPieces(const std::vector<Piece>& pieces, size_t bytes);
  void PostWaitingPieces();
  void WaitForPosting();
  void CloseChunk();

  SearchIndexOptions options_;
  Write write_;
  std::vector<Part> parts_;     ///< options_.threads of them
  std::vector<Piece> pieces_;   ///< waiting for their keys
  size_t pieces_bytes_ = 0;     ///< their text
  /// Posts the keys of the last batch of pieces while the next is added (with more than one
  /// thread), and what it threw.
  std::thread posting_;
  std::exception_ptr posting_error_;
  uint32_t chunk_ = 0;         ///< the chunk being filled
  std::string chunk_body_;     ///< its entries, as JSON array elements
  uint32_t entries_ = 0;
  uint64_t term_bytes_ = 0;
};

/// Builds the index files in memory: path (relative to the site root) -> content. Same files
/// as SearchIndexBuilder; each run of entries of one `dept` is a group (keyed by its dept and
/// its first entry's URL).
std::map<std::string, std::string> BuildSearchIndex(const std::vector<SearchEntry>& entries,
                                                    const SearchIndexOptions& options = {});

/// FNV-1a 32-bit of `key`'s bytes; search.js computes the same.
uint32_t SearchKeyHash(std::string_view key);

/// The index keys of `text`, sorted: bigrams of CJK characters (single characters too when
/// `single_characters`, or where a run is one character), prefixes of 2 to 16 characters of
/// ASCII letter and digit runs (the first character too when `single_characters` or the run
/// is one character); ASCII lower-cased; punctuation and spaces break runs.
std::vector<std::string> SearchKeys(const std::string& text, bool single_characters = true);

/// Calls fn(t) for every t < threads, each on a thread of its own (t = 0 on this one); an
/// exception (std::bad_alloc) is thrown again here, once every thread has ended.
template <typename Fn>
void OnThreads(size_t threads, Fn fn) {
  std::vector<std::exception_ptr> errors(threads);
  auto run = [&](size_t t) {
    try {
      fn(t);
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(run, t);
  run(0);
  for (auto& t : pool) t.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
}

}  // namespace gongkai::render
