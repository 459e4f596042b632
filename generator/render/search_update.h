// The search index from build to build: what the last build's index was made of (each group's
// place and fingerprint, a hash of each of its files, the first posting of each posting page),
// kept in the cache folder, so that after an edit only the changed groups' entry chunks, the
// term shards of the keys whose postings changed and the posting pages those postings fall in
// are made again; every other file is linked from the last site unread.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "render/search_index.h"

namespace gongkai::render {

/// What the last build's index was made of.
struct SearchState {
  /// What made it beside its groups (the binary, the options); "" never matches (the groups'
  /// keys were not unique, so nothing can be made from it).
  std::string identity;
  uint32_t slots = 0, shards = 0, entries = 0;
  uint64_t term_bytes = 0;  ///< of all terms (SearchShardCount)
  struct Group {
    uint64_t fingerprint = 0;  ///< of its entries (key, url, title, kind, dept, text)
    SearchPlace place;
    /// Per piece in id order, '1' where the piece's title is indexed (the first piece of an
    /// entry), else '0'.
    std::string titles;
    /// Its chunk files hold its texts exactly (JSON kept them: valid UTF-8), so its keys can
    /// be read again from them.
    bool faithful = true;
  };
  std::map<std::string, Group> groups;    ///< by key
  std::map<std::string, uint64_t> files;  ///< search/… -> hash of its bytes (SearchFileHash)
  /// search/<stem>-<n>.js (a posting page) -> its first posting: which pages a posting added or
  /// removed falls in, without reading them.
  std::map<std::string, uint32_t> firsts;
};

/// The state as the bytes of its file (the cache's search.state): a checksum line, then lines
/// of tab-separated fields (search_update.cc).
std::string SearchStateFile(const SearchState& state);
/// The state a file's bytes hold; false (and `state` empty) when they are damaged (the
/// checksum does not hold) or of another format: the index is then made whole.
bool ReadSearchStateFile(std::string_view bytes, SearchState& state);
/// The hash a state keeps of a file's bytes (64 bits; it tells a damaged or foreign file).
uint64_t SearchFileHash(std::string_view bytes);

/// Where the index goes, and the last site's index comes from (paths relative to the site).
struct SearchFiles {
  std::function<bool(const std::string&, std::string&)> read_previous;  ///< false: none
  std::function<void(const std::string&)> keep;  ///< links the last site's file unchanged
  std::function<void(const std::string&, std::string)> write;
};

/// Writes the index of `groups`. From the last build's (`previous`, whose files the last site
/// holds) when it was made by the same `identity` with the same slot and shard counts, and
/// every file read back holds the hash `previous` has for it: then only the entry chunks of
/// the groups that changed (or moved), and the shards and posting pages of the keys whose
/// postings changed, are made; the rest are kept. A group marked unchanged
/// (SearchGroup::unchanged) is taken to be the last build's: its text is not read again. Otherwise whole (`whole` true), with
/// SearchIndexBuilder. Either way the same files, byte for byte. Returns the state for the
/// next build. Where a group's entries were deferred (SearchGroup::deferred) and the index
/// must be made whole, or the group cannot be kept as it was, the groups come from
/// `complete()`, every entry read (the same groups in the same order); it throws
/// std::runtime_error when they cannot be read.
SearchState WriteSearchIndex(const std::vector<SearchGroup>& groups,
                             const SearchIndexOptions& options, const std::string& identity,
                             const SearchState* previous, const SearchFiles& files, bool& whole,
                             const std::function<const std::vector<SearchGroup>&()>& complete = nullptr);

}  // namespace gongkai::render
