// The site's search index, built at generation time and searched in the browser.
//
// Chinese has no spaces between words, so the index keys are overlapping character pairs
// (bigrams) of each entry's text, and single characters for one-character queries. The keys
// are split into shards by a hash (FNV-1a of the key's UTF-8 bytes, mod the shard count); a
// query loads only the shards of its own keys. Entries (title, URL, text for snippets) are in
// chunk files loaded only for the best candidates. Every file is a classic script calling
// gongkaiSearch.terms(...) / .docs(...), so the search works from file:// (no fetch, no
// modules). The index is never inlined into pages.
#pragma once

#include <map>
#include <string>
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
  int shards = 0;           ///< term shards; 0 = enough for about shard_bytes each
  size_t shard_bytes = 12000;  ///< target size of a term shard when shards is 0
  size_t chunk_bytes = 4000;  ///< target size of an entry chunk file
  /// A key in more entries than this keeps only its best (title, then name, then body) and
  /// is marked capped: a query then finds its candidates through its rarer keys. Keeps the
  /// shard of a very common pair small in a corpus of thousands of disclosures.
  size_t max_postings = 1500;
};

/// Builds the index files: path (relative to the site root) -> content. `search/meta.js`
/// holds the shard count and the first entry of every chunk.
std::map<std::string, std::string> BuildSearchIndex(const std::vector<SearchEntry>& entries,
                                                    const SearchIndexOptions& options = {});

/// FNV-1a 32-bit of `key`'s bytes; search.js computes the same.
uint32_t SearchKeyHash(const std::string& key);

/// The index keys of `text`: bigrams of letters, digits and CJK characters (punctuation and
/// spaces break runs), and single characters when `single_characters` (for titles); ASCII
/// lower-cased.
std::vector<std::string> SearchKeys(const std::string& text, bool single_characters = true);

}  // namespace gongkai::render
