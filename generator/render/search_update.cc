// The search index made from the last build's after an edit, or whole (see search_update.h).
#include "render/search_update.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "ingest/sha256.h"
#include "model/line_fields.h"

namespace gongkai::render {

using nlohmann::json;

namespace {

constexpr char kFormat[] = "gongkai search state 3";

// boost::hash_combine's rule, with the 64-bit constant.
void Mix(uint64_t& h, uint64_t v) { h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2); }

uint64_t Fingerprint(const SearchGroup& group) {
  uint64_t h = SearchFileHash(group.key);
  for (const SearchEntry* e : group.entries)
    for (const std::string* field : {&e->url, &e->title, &e->kind, &e->dept, &e->text}) {
      Mix(h, field->size());
      Mix(h, SearchFileHash(*field));
    }
  return h;
}

std::string Titles(const SearchGroup& group, const SearchIndexOptions& options) {
  std::string titles;
  ForEachSearchPiece(group, options, [&](const SearchEntry&, std::string_view, bool with_title,
                                         uint32_t, uint32_t) { titles += with_title ? '1' : '0'; });
  return titles;
}

// The stem of a posting page's path (search/<stem>-<n>.js), "" for another file.
std::string PageStem(const std::string& rel) {
  const size_t dash = rel.rfind('-');
  return rel.compare(0, 8, "search/m") == 0 && dash != std::string::npos ? rel.substr(7, dash - 7) : "";
}


// The arguments of an index file's call, gongkaiSearch.<call>(<arguments>);\n (search_index.cc's
// Script), as a JSON array; an empty array when the file is not such a call.
json ScriptArguments(const std::string& body) {
  const size_t open = body.find('('), close = body.rfind(')');
  if (open == std::string::npos || close == std::string::npos || close < open) return json::array();
  json args = json::parse("[" + body.substr(open + 1, close - open - 1) + "]", nullptr, false);
  return args.is_discarded() ? json::array() : args;
}

// The encoded postings of a posting page `name` as SearchTerm writes it,
// gongkaiSearch.more("<name>","<postings>");\n (its postings are letters, digits, - _ and
// dots: nothing JSON or Script escapes); false for another file. Read in this fixed form
// rather than as JSON: a department added or removed reads every page of the keys it changes.
bool PagePostings(std::string_view body, std::string_view name, std::string_view& postings) {
  constexpr std::string_view kOpen = "gongkaiSearch.more(\"", kEnd = "\");\n";
  if (body.size() < kOpen.size() + name.size() + 3 + kEnd.size() ||
      body.substr(0, kOpen.size()) != kOpen || body.substr(kOpen.size(), name.size()) != name ||
      body.substr(kOpen.size() + name.size(), 3) != "\",\"" ||
      body.substr(body.size() - kEnd.size()) != kEnd)
    return false;
  postings = body.substr(kOpen.size() + name.size() + 3,
                         body.size() - kOpen.size() - name.size() - 3 - kEnd.size());
  return postings.find_first_of("\"\\") == std::string_view::npos;
}

// The name of a posting page's file search/<name>.js.
std::string PageName(const std::string& rel) { return rel.substr(7, rel.size() - 10); }

// Where `rel` is a posting page, its first posting into `state` (SearchState::firsts).
void NoteFirst(SearchState& state, const std::string& rel, std::string_view body) {
  if (PageStem(rel).empty()) return;
  std::string_view encoded;
  if (!PagePostings(body, PageName(rel), encoded)) return;
  if (const auto first = FirstSearchPosting(encoded)) state.firsts[rel] = *first;
}

// A posting added as SearchIndexBuilder posts it: once per id, with the highest weight.
void Post(std::vector<uint32_t>& list, uint32_t posting) {
  if (!list.empty() && list.back() >> 2 == posting >> 2)
    list.back() = std::max(list.back(), posting);
  else
    list.push_back(posting);
}

// A key's postings in the last build (`old`) and in this one (`now`), of the changed groups.
struct Delta {
  std::vector<uint32_t> old, now;
};

// A term of a shard file: its key and its text `"key":[…]`.
struct ShardTerm {
  std::string key, text;
};

// A term of the last build as SearchTermText wrote it: `"key":[count,"head"(,pages,"stem")]`.
struct TermFields {
  size_t count = 0;
  std::string head;
  bool paged = false;  // it names its pages (their number and stem)
  size_t pages = 0;
  std::string stem;
};
bool ParseTerm(const ShardTerm& term, TermFields& out) {
  const size_t at = term.text.find(":[");
  if (at == std::string::npos) return false;
  const json fields = json::parse(term.text.substr(at + 1), nullptr, false);
  if (fields.is_discarded() || (fields.size() != 2 && fields.size() != 4) ||
      !fields[0].is_number_unsigned() || !fields[1].is_string())
    return false;
  out = {fields[0].get<size_t>(), fields[1].get<std::string>(), false, 0, ""};
  if (fields.size() == 4) {
    if (!fields[2].is_number_unsigned() || !fields[3].is_string()) return false;
    out.paged = true;
    out.pages = fields[2].get<size_t>();
    out.stem = fields[3].get<std::string>();
  }
  return true;
}

// A key whose postings changed, as its shard is made again: its postings now, the stem of its
// posting pages in the last build ("" for none) and where its term was in the last shard.
// Where its term was patched (Update::Patch) rather than made whole, only its count and its
// term's text.
struct KeyMade {
  const SearchKey* key = nullptr;
  std::vector<uint32_t> postings;
  std::string old_stem;
  size_t old_at = SIZE_MAX;  // SIZE_MAX: the last shard did not have it
  size_t count = 0;          // its postings now
  bool patched = false;
  std::string term;          // patched: its term's text
};

// A shard made again, apart from the others: shards are read and made on every core, then
// taken in shard order, so the files and the state are those one thread makes.
struct ShardMade {
  std::vector<ShardTerm> old;  // the last build's terms, in key order
  std::vector<KeyMade> keys;   // in key order
  std::map<std::string, std::string> read;                  // (Update::read_)
  std::vector<std::pair<std::string, std::string>> writes;  // (Update::writes_)
  std::vector<std::string> keeps;  // posting pages of patched keys kept unread (Update::keeps_)
  int64_t bytes = 0;  // term bytes, more (or less) than the last shard's
};

// Makes the index from the last build's; false (nothing written) when it cannot.
class Update {
 public:
  Update(const std::vector<SearchGroup>& groups, const std::vector<SearchPlace>& places,
         const SearchIndexOptions& options, const SearchState& previous, const SearchFiles& files,
         SearchState& next)
      : groups_(groups), places_(places), options_(options), previous_(previous), files_(files),
        next_(next) {}

  bool Run();

 private:
  bool Read(const std::string& rel, std::string& body) const;
  bool ReadOldKeys(const SearchState::Group& old);
  void MakeGroup(const SearchGroup& group, const SearchPlace& place);
  bool AllPostings(const TermFields& term, std::vector<uint32_t>& postings, std::string& stem,
                   std::map<std::string, std::string>& read) const;
  bool PagePostingsOf(const std::string& rel, std::vector<uint32_t>& out,
                      std::map<std::string, std::string>& read) const;
  bool Patch(const TermFields& term, const std::vector<uint32_t>& gone,
             const std::vector<uint32_t>& came, KeyMade& k, ShardMade& made) const;
  bool ReadShard(uint32_t shard, const std::vector<std::pair<SearchKey, Delta*>>& keys,
                 ShardMade& made) const;
  bool TakeStems(const ShardMade& made);
  void MakeShard(uint32_t shard, ShardMade& made) const;
  bool MakeShards(const std::map<uint32_t, std::vector<std::pair<SearchKey, Delta*>>>& shards);
  void Write(const std::string& rel, std::string body);
  void Keep(const std::string& rel);

  const std::vector<SearchGroup>& groups_;
  const std::vector<SearchPlace>& places_;
  const SearchIndexOptions& options_;
  const SearchState& previous_;
  const SearchFiles& files_;
  SearchState& next_;
  std::map<SearchKey, Delta> deltas_;
  std::vector<std::pair<std::string, std::string>> writes_;  // made, written once all is known
  std::vector<std::string> keeps_;  // posting pages of patched keys, kept unread
  // The shards and posting pages made again, as the last build wrote them (read and checked):
  // one made to the same bytes is kept rather than written. A department added or removed
  // changes the postings of a key in most departments, but mostly one page of each (where
  // its posting falls, and the first after the head: search_index.cc PostingPageSize).
  std::map<std::string, std::string> read_;
  std::set<std::string> stems_;       // of every key with posting pages
  std::set<std::string> old_stems_;   // of the keys made again, in the last build
};

// A file of the last site, when it holds the bytes the last build wrote there.
bool Update::Read(const std::string& rel, std::string& body) const {
  auto it = previous_.files.find(rel);
  return it != previous_.files.end() && files_.read_previous(rel, body) &&
         SearchFileHash(body) == it->second;
}

// The keys the last build posted for a group, read again from its chunk files.
bool Update::ReadOldKeys(const SearchState::Group& old) {
  if (!old.faithful) return false;
  size_t piece = 0;
  for (uint32_t c = 0; c < old.place.chunks; ++c) {
    std::string body;
    if (!Read(SearchChunkPath(old.place.first_chunk + c), body)) return false;
    const json args = ScriptArguments(body);
    if (args.size() != 2 || !args[1].is_array()) return false;
    for (const auto& p : args[1]) {
      if (!p.is_array() || p.size() != 6 || !p[0].is_number_unsigned() || piece >= old.titles.size())
        return false;
      for (size_t f = 1; f < 6; ++f)
        if (!p[f].is_string()) return false;
      const SearchEntry e = {p[1], p[2], p[3], p[4], ""};
      const std::string text = p[5];
      ForEachSearchPieceKey(p[0].get<uint32_t>(), e, text, old.titles[piece++] == '1',
                            [&](const SearchKey& k, uint32_t posting) { Post(deltas_[k].old, posting); });
    }
  }
  return piece == old.titles.size();
}

// A changed group's chunk files and keys.
void Update::MakeGroup(const SearchGroup& group, const SearchPlace& place) {
  SearchState::Group& state = next_.groups[group.key];
  state.fingerprint = Fingerprint(group);
  state.place = place;
  std::string body;
  uint32_t chunk = 0;
  auto close = [&] {
    if (!body.empty()) writes_.emplace_back(SearchChunkPath(place.first_chunk + chunk), SearchChunkFile(place.first_chunk + chunk, body));
    body.clear();
  };
  ForEachSearchPiece(group, options_, [&](const SearchEntry& entry, std::string_view text,
                                          bool with_title, uint32_t c, uint32_t at) {
    if (c != chunk) close();
    chunk = c;
    const uint32_t id = (place.first_chunk + c) << 5 | at;
    state.titles += with_title ? '1' : '0';
    if (!body.empty()) body += ',';
    body += SearchChunkPiece(id, entry, text, state.faithful);
    ForEachSearchPieceKey(id, entry, text, with_title,
                          [&](const SearchKey& k, uint32_t posting) { Post(deltas_[k].now, posting); });
  });
  close();
}

// The order of a term's postings: titles first (weight 3, then 2, then 1), each weight in id
// order (search_index.cc ByWeight).
bool WeightLess(uint32_t a, uint32_t b) { return (a & 3) != (b & 3) ? (a & 3) > (b & 3) : a < b; }

// `list` (in id order) in a term's order (WeightLess).
std::vector<uint32_t> InWeightOrder(const std::vector<uint32_t>& list) {
  std::vector<uint32_t> out;
  out.reserve(list.size());
  for (uint32_t weight = 3; weight >= 1; --weight)
    for (uint32_t p : list)
      if ((p & 3) == weight) out.push_back(p);
  return out;
}

// Every posting of a term of the last build (its head and its pages), in the order the term
// holds them (WeightLess), and the stem of its pages ("" for none).
bool Update::AllPostings(const TermFields& fields, std::vector<uint32_t>& postings, std::string& stem,
                         std::map<std::string, std::string>& read) const {
  postings.clear();
  postings.reserve(std::min<size_t>(fields.count, size_t{1} << 24));
  DecodeSearchPostings(fields.head, postings);
  if (fields.paged) stem = fields.stem;
  for (size_t page = 1; page <= fields.pages; ++page)
    if (!PagePostingsOf(SearchPagePath(stem, page), postings, read)) return false;
  return postings.size() == fields.count;
}

// Splits a shard file into its terms, in key order.
bool ParseShard(const std::string& body, std::vector<ShardTerm>& terms) {
  size_t at = body.find('{');
  if (at == std::string::npos || ++at >= body.size()) return false;
  if (body[at] == '}') return true;
  for (;;) {
    if (body[at] != '"') return false;
    const size_t key_end = body.find('"', at + 1);
    const size_t end = key_end == std::string::npos ? key_end : body.find(']', key_end);
    if (end == std::string::npos || end + 1 >= body.size()) return false;
    terms.push_back({body.substr(at + 1, key_end - at - 1), body.substr(at, end + 1 - at)});
    at = end + 1;
    if (body[at] == '}') return true;
    if (body[at] != ',') return false;
    ++at;
  }
}

// A shard of the last build read, with the postings of `keys` (in key order) changed; false
// when it cannot be read as the last build wrote it.
bool Update::ReadShard(uint32_t shard, const std::vector<std::pair<SearchKey, Delta*>>& keys,
                       ShardMade& made) const {
  std::string body;
  if (!Read(SearchShardPath(shard), body) || !ParseShard(body, made.old)) return false;
  made.read[SearchShardPath(shard)] = std::move(body);
  size_t i = 0;
  for (const auto& [key, delta] : keys) {
    KeyMade& k = made.keys.emplace_back();
    k.key = &key;
    while (i < made.old.size() && made.old[i].key < key.view()) ++i;
    std::vector<uint32_t> postings;
    const std::vector<uint32_t> gone = InWeightOrder(delta->old), came = InWeightOrder(delta->now);
    if (i < made.old.size() && made.old[i].key == key.view()) {
      k.old_at = i++;
      TermFields term;
      if (!ParseTerm(made.old[k.old_at], term)) return false;
      if (Patch(term, gone, came, k, made)) continue;
      if (!AllPostings(term, postings, k.old_stem, made.read)) return false;
    }
    // Every posting the last build gave the changed groups is there: take them out, add the
    // new. All in the term's order (WeightLess), as the postings are read and written: a
    // common key has ~10^5 postings, sorted by id and back at every add or remove before.
    std::vector<uint32_t> rest;
    rest.reserve(postings.size());
    std::set_difference(postings.begin(), postings.end(), gone.begin(), gone.end(),
                        std::back_inserter(rest), WeightLess);
    if (rest.size() + gone.size() != postings.size()) return false;
    // One posting per id: none of the new ones' ids is there already, with any weight.
    for (uint32_t p : came)
      for (uint32_t weight = 1; weight <= 3; ++weight)
        if (std::binary_search(rest.begin(), rest.end(), (p & ~3u) | weight, WeightLess))
          return false;
    k.postings.reserve(rest.size() + came.size());
    std::merge(rest.begin(), rest.end(), came.begin(), came.end(), std::back_inserter(k.postings),
               WeightLess);
    k.count = k.postings.size();
  }
  return true;
}

// The postings of the last build's posting page `rel` (read, as it was written), appended to
// `out`; its bytes into `read`.
bool Update::PagePostingsOf(const std::string& rel, std::vector<uint32_t>& out,
                            std::map<std::string, std::string>& read) const {
  std::string body;
  std::string_view encoded;
  if (!Read(rel, body) || !PagePostings(body, PageName(rel), encoded)) return false;
  DecodeSearchPostings(encoded, out);
  read[rel] = std::move(body);
  return true;
}

// A key of the last build with posting pages, whose postings `gone` went and `came` came (in
// the term's order), patched rather than made whole: only the parts of its postings (its head,
// its pages) that a posting goes from or comes to are read, found by the first posting of each
// page, which the state keeps; from each such part the postings are cut into pages again
// (SearchPageSize), on until a page begins where a page of the last build began that nothing
// changed. The pages between are the last build's, kept unread, or renamed (read and written
// again) where the pages before them are more or fewer now. At N = 10,000 a department removed
// or added reads the pages of its common keys that it falls in, where every page of those keys
// was read and decoded before (~4,500 files, 25 MB). False (nothing taken but what was read)
// where it cannot: the key has no pages before or after, a page's first posting is not known,
// its stem is not its key's, or a page read is not as the state says; the term is then made
// whole.
bool Update::Patch(const TermFields& fields, const std::vector<uint32_t>& gone,
                   const std::vector<uint32_t>& came, KeyMade& k, ShardMade& made) const {
  if (!fields.paged) return false;
  const size_t count = fields.count, pages = fields.pages;
  const std::string &head = fields.head, &stem = fields.stem;
  const size_t head_size = options_.head_postings, mean = options_.page_postings;
  if (stem != SearchStem(k.key->view()) || pages == 0 || pages > count || count < gone.size() ||
      count - gone.size() + came.size() <= head_size)
    return false;
  auto rel = [&](size_t page) { return SearchPagePath(stem, page); };
  // The parts: 0 the head, i page i, firsts[i] its first posting. A posting falls in the last
  // page that begins at or before it, in the head where none does.
  std::vector<uint32_t> firsts(pages + 1);
  for (size_t i = 1; i <= pages; ++i) {
    auto it = previous_.firsts.find(rel(i));
    if (it == previous_.firsts.end()) return false;
    firsts[i] = it->second;
    if (i > 1 && !WeightLess(firsts[i - 1], firsts[i])) return false;
  }
  auto part = [&](uint32_t p) {
    return static_cast<size_t>(std::upper_bound(firsts.begin() + 1, firsts.end(), p, WeightLess) -
                               firsts.begin()) - 1;
  };
  // Of each part, where its postings gone and come begin in `gone` and `came` (both in the
  // term's order, as the parts are), and whether it changes: a posting goes from it or comes
  // to it, or the page after it loses its first posting (the page ended there).
  auto starts = [&](const std::vector<uint32_t>& list) {  // of each part (and the end)
    std::vector<size_t> at(pages + 2, 0);
    for (size_t j = 0, i = 0; i <= pages + 1; ++i) {
      while (j < list.size() && part(list[j]) < i) ++j;
      at[i] = j;
    }
    return at;
  };
  const std::vector<size_t> gone_at = starts(gone), came_at = starts(came);
  std::vector<char> dirty(pages + 1, 0);
  for (uint32_t p : gone) {
    const size_t i = part(p);
    dirty[i] = 1;
    if (i > 0 && firsts[i] == p) dirty[i - 1] = 1;
  }
  for (uint32_t p : came) dirty[part(p)] = 1;
  // The postings now of part i, appended to `out`: the last build's (read), those gone taken
  // out (each there), those come put in (none there already).
  std::vector<uint32_t> old, rest;
  auto part_now = [&](size_t i, std::vector<uint32_t>& out) {
    old.clear();
    if (i == 0) {
      DecodeSearchPostings(head, old);
      if (old.size() != head_size) return false;
    } else if (!PagePostingsOf(rel(i), old, made.read) || old.empty() || old[0] != firsts[i]) {
      return false;
    }
    rest.clear();
    std::set_difference(old.begin(), old.end(), gone.begin() + gone_at[i],
                        gone.begin() + gone_at[i + 1], std::back_inserter(rest), WeightLess);
    if (rest.size() + (gone_at[i + 1] - gone_at[i]) != old.size()) return false;
    for (size_t c = came_at[i]; c < came_at[i + 1]; ++c)
      for (uint32_t weight = 1; weight <= 3; ++weight)
        if (std::binary_search(rest.begin(), rest.end(), (came[c] & ~3u) | weight, WeightLess))
          return false;
    std::merge(rest.begin(), rest.end(), came.begin() + came_at[i], came.begin() + came_at[i + 1],
               std::back_inserter(out), WeightLess);
    return true;
  };
  // The pages now, in order: a page of the last build kept (its number), or made (0).
  struct PageNow {
    size_t kept = 0;  // 0: made
    std::vector<uint32_t> postings;
  };
  std::vector<PageNow> now_pages;
  std::string head_now = head;
  std::vector<uint32_t> now;  // the postings now of the parts read, from the first changed one
  for (size_t i = 0; i <= pages;) {
    if (!dirty[i]) {
      if (i > 0) now_pages.push_back({i, {}});
      ++i;
      continue;
    }
    // Cut again from part i on: a page that runs to the end of what was read ends there where
    // that is the end of the postings, or where the next part is a page unchanged that begins
    // with a posting that begins a page wherever it is (SearchPageBegins); else the next part
    // is read on (it changed, or its page began there only because the one before was full).
    now.clear();
    if (!part_now(i, now)) return false;
    size_t next = i + 1, begin = 0;
    if (i == 0) {
      while (now.size() < head_size && next <= pages)
        if (!part_now(next++, now)) return false;
      if (now.size() < head_size) return false;
      head_now = EncodeSearchPostings(now.data(), now.data() + head_size);
      begin = head_size;
    }
    for (;;) {
      if (begin == now.size()) {  // a page begins with the next part
        if (next > pages || !dirty[next]) break;
        if (!part_now(next++, now)) return false;
        continue;
      }
      const size_t size = SearchPageSize(now.data() + begin, now.data() + now.size(), mean);
      if (begin + size < now.size() || size == 4 * mean || next > pages ||
          (!dirty[next] && SearchPageBegins(firsts[next], mean))) {
        now_pages.push_back({0, std::vector<uint32_t>(now.begin() + begin, now.begin() + begin + size)});
        begin += size;
      } else if (!part_now(next++, now)) {
        return false;
      }
    }
    i = next;
  }
  // Named in order: a kept page under its own number is kept, under another read and
  // written again; a made one written (kept in the end where it comes out as it was).
  std::vector<std::string> keeps;
  std::vector<std::pair<std::string, std::string>> writes;
  for (size_t n = 1; n <= now_pages.size(); ++n) {
    PageNow& page = now_pages[n - 1];
    if (page.kept == n) {
      keeps.push_back(rel(n));
      continue;
    }
    if (page.kept != 0 && (!PagePostingsOf(rel(page.kept), page.postings, made.read) ||
                           page.postings.empty() || page.postings[0] != firsts[page.kept]))
      return false;
    const std::string name = stem + "-" + std::to_string(n);
    writes.emplace_back(rel(n),
                        SearchPostingPage(name, page.postings.data(),
                                          page.postings.data() + page.postings.size()));
  }
  for (auto& kept : keeps) made.keeps.push_back(std::move(kept));
  for (auto& w : writes) made.writes.push_back(std::move(w));
  k.old_stem = stem;
  k.count = count - gone.size() + came.size();
  k.patched = true;
  k.term = SearchTermText(k.key->view(), k.count, head_now, now_pages.size(), stem);
  return true;
}

// The stems of the posting pages of a shard's keys, taken out (the last build's) and in (this
// one's), in key order as one thread takes them; false where a stem is not its key's (a
// clash's suffix: made whole).
bool Update::TakeStems(const ShardMade& made) {
  for (const KeyMade& k : made.keys) {
    if (!k.old_stem.empty()) {
      if (k.old_stem != SearchStem(k.key->view())) return false;
      stems_.erase(k.old_stem);
      old_stems_.insert(k.old_stem);
    }
    // SearchTermByWeight gives a key posting pages past its head; its stem, where another
    // key's is the same, would have a suffix.
    if (k.count > options_.head_postings && !stems_.insert(SearchStem(k.key->view())).second)
      return false;
  }
  return true;
}

// A shard's file and its keys' posting pages, from ReadShard's postings, once TakeStems took
// its stems (each key's own: SearchTermByWeight is given none of the others').
void Update::MakeShard(uint32_t shard, ShardMade& made) const {
  std::vector<std::string> terms;
  size_t i = 0;
  for (KeyMade& k : made.keys) {
    for (; i < made.old.size() && made.old[i].key < k.key->view(); ++i)
      terms.push_back(std::move(made.old[i].text));
    if (k.old_at != SIZE_MAX) {
      made.bytes -= static_cast<int64_t>(made.old[k.old_at].text.size());
      i = k.old_at + 1;
    }
    if (k.patched) {
      terms.push_back(std::move(k.term));
      made.bytes += static_cast<int64_t>(terms.back().size());
    } else if (!k.postings.empty()) {
      std::set<std::string> stems;
      terms.push_back(SearchTermByWeight(*k.key, k.postings, options_, stems,
                                         [&](const std::string& rel, std::string page) {
                                           made.writes.emplace_back(rel, std::move(page));
                                         }));
      made.bytes += static_cast<int64_t>(terms.back().size());
    }
    std::vector<uint32_t>().swap(k.postings);
  }
  for (; i < made.old.size(); ++i) terms.push_back(std::move(made.old[i].text));
  made.writes.emplace_back(SearchShardPath(shard), SearchShardFile(shard, terms));
}

// The shards whose keys' postings changed, made again on every core (read and decoded, merged
// and encoded: most of an add or a remove at N = 10,000, ~0.5 s of CPU, on one core before);
// their stems taken in shard order between the two, their files and reads in shard order after.
bool Update::MakeShards(const std::map<uint32_t, std::vector<std::pair<SearchKey, Delta*>>>& shards) {
  std::vector<const std::pair<const uint32_t, std::vector<std::pair<SearchKey, Delta*>>>*> list;
  for (const auto& s : shards) list.push_back(&s);
  std::vector<ShardMade> made(list.size());
  auto each = [&](const auto& fn) {  // fn(i) for every shard i, on every thread
    std::atomic<size_t> next{0};
    OnThreads(std::clamp<size_t>(options_.threads, 1, std::max<size_t>(1, list.size())),
              [&](size_t) {
                for (size_t i; (i = next++) < list.size();) fn(i);
              });
  };
  std::vector<char> read(list.size(), 0);
  each([&](size_t i) { read[i] = ReadShard(list[i]->first, list[i]->second, made[i]); });
  for (size_t i = 0; i < list.size(); ++i)
    if (!read[i] || !TakeStems(made[i])) return false;
  each([&](size_t i) { MakeShard(list[i]->first, made[i]); });
  for (auto& m : made) {
    read_.merge(m.read);
    for (auto& w : m.writes) writes_.push_back(std::move(w));
    for (auto& rel : m.keeps) keeps_.push_back(std::move(rel));
    next_.term_bytes += m.bytes;
  }
  return true;
}

void Update::Write(const std::string& rel, std::string body) {
  next_.files[rel] = SearchFileHash(body);
  NoteFirst(next_, rel, body);
  files_.write(rel, std::move(body));
}

void Update::Keep(const std::string& rel) {
  next_.files[rel] = previous_.files.at(rel);
  if (auto it = previous_.firsts.find(rel); it != previous_.firsts.end()) next_.firsts[rel] = it->second;
  files_.keep(rel);
}

bool Update::Run() {
  if (previous_.identity.empty() || previous_.identity != next_.identity ||
      previous_.slots != next_.slots)
    return false;
  // The groups that changed or moved (or came), then those that went.
  std::vector<const SearchGroup*> kept;
  std::set<std::string> present;
  for (size_t g = 0; g < groups_.size(); ++g) {
    const SearchGroup& group = groups_[g];
    if (!present.insert(group.key).second) return false;  // a key twice: made whole
    auto it = previous_.groups.find(group.key);
    const bool same = it != previous_.groups.end() && it->second.place.first_chunk == places_[g].first_chunk &&
                      it->second.place.chunks == places_[g].chunks &&
                      (group.unchanged || it->second.fingerprint == Fingerprint(group));
    if (same) {
      next_.groups[group.key] = it->second;
      kept.push_back(&group);
      continue;
    }
    if (group.deferred) return false;  // its entries are needed: made whole, complete
    if (it != previous_.groups.end() && !ReadOldKeys(it->second)) return false;
    MakeGroup(group, places_[g]);
  }
  for (const auto& [key, old] : previous_.groups)
    if (!present.count(key) && !ReadOldKeys(old)) return false;
  // The keys whose postings changed, by shard.
  next_.shards = previous_.shards;
  next_.term_bytes = previous_.term_bytes;
  std::map<uint32_t, std::vector<std::pair<SearchKey, Delta*>>> shards;
  for (auto& [key, delta] : deltas_) {
    std::sort(delta.old.begin(), delta.old.end());
    std::sort(delta.now.begin(), delta.now.end());
    if (delta.old != delta.now) shards[SearchKeyHash(key.view()) % next_.shards].push_back({key, &delta});
  }
  for (const auto& [rel, hash] : previous_.files)
    if (!PageStem(rel).empty()) stems_.insert(PageStem(rel));
  for (const auto& stem : stems_)
    if (stem.size() != 17) return false;  // a clash's suffix: made whole
  if (!MakeShards(shards)) return false;
  if (SearchShardCount(next_.term_bytes, options_) != next_.shards) return false;

  // Everything is known: write what was made, keep the rest.
  next_.entries = 0;
  for (const auto& [key, group] : next_.groups) next_.entries += static_cast<uint32_t>(group.titles.size());
  Write("search/meta.js", SearchMetaFile(next_.shards, next_.entries));
  for (const SearchGroup* group : kept) {
    const SearchPlace& place = next_.groups[group->key].place;
    for (uint32_t c = 0; c < place.chunks; ++c) Keep(SearchChunkPath(place.first_chunk + c));
  }
  for (uint32_t s = 0; s < next_.shards; ++s)
    if (!shards.count(s)) Keep(SearchShardPath(s));
  for (const auto& [rel, hash] : previous_.files)
    if (!PageStem(rel).empty() && !old_stems_.count(PageStem(rel))) Keep(rel);
  for (const auto& rel : keeps_) Keep(rel);
  for (auto& [rel, body] : writes_) {
    auto last = read_.find(rel);
    if (last != read_.end() && last->second == body) Keep(rel);
    else Write(rel, std::move(body));
  }
  return true;
}

}  // namespace

uint64_t SearchFileHash(std::string_view bytes) {
  // std::hash of a string_view is libstdc++'s 64-bit murmur hash: fast, and the same for the
  // same library (the cache's identity holds libstdc++'s build id). Not a cryptographic hash:
  // it tells a damaged file, which is all a state asks of it.
  return std::hash<std::string_view>{}(bytes);
}

SearchState WriteSearchIndex(const std::vector<SearchGroup>& groups,
                             const SearchIndexOptions& options, const std::string& identity,
                             const SearchState* previous, const SearchFiles& files, bool& whole,
                             const std::function<const std::vector<SearchGroup>&()>& complete) {
  SearchState next;
  next.identity = identity;
  // An unchanged group's chunk count is the last build's, where the same binary and options
  // made it (its pieces are not walked again).
  bool known_used = false;
  auto known = [&](size_t g, uint32_t& chunks) {
    if (!previous || !groups[g].unchanged || previous->identity != identity) return false;
    auto it = previous->groups.find(groups[g].key);
    if (it == previous->groups.end()) return false;
    chunks = it->second.place.chunks;
    return known_used = true;
  };
  // A deferred group's chunk count must be the last build's (it has no text to count).
  bool deferred = false, deferred_known = true;
  auto known_or_deferred = [&](size_t g, uint32_t& chunks) {
    if (known(g, chunks)) return true;
    if (groups[g].deferred) deferred_known = false;
    return false;
  };
  for (const auto& g : groups) deferred = deferred || g.deferred;
  std::vector<SearchPlace> places = PlaceSearchGroups(groups, options, next.slots, known_or_deferred);
  if (previous && deferred_known && Update(groups, places, options, *previous, files, next).Run()) {
    whole = false;
    return next;
  }
  whole = true;
  uint32_t slots = next.slots;
  if (deferred) {  // every entry, then (the same groups)
    if (!complete) throw std::logic_error("search index: deferred groups and none complete");
    const std::vector<SearchGroup>& all = complete();
    if (all.size() != groups.size()) throw std::logic_error("search index: complete groups differ");
    return WriteSearchIndex(all, options, identity, previous, files, whole);
  }
  if (known_used) places = PlaceSearchGroups(groups, options, slots);  // from the texts
  next = SearchState();
  next.identity = identity;
  next.slots = slots;
  SearchIndexBuilder builder(options, [&](const std::string& rel, std::string body) {
    next.files[rel] = SearchFileHash(body);
    NoteFirst(next, rel, body);
    files.write(rel, std::move(body));
  });
  for (uint32_t g : GroupsInChunkOrder(places)) {
    SearchState::Group state{Fingerprint(groups[g]), places[g], Titles(groups[g], options), true};
    state.faithful = builder.Add(groups[g], places[g]);
    if (!next.groups.emplace(groups[g].key, std::move(state)).second) next.identity.clear();
  }
  for (uint32_t g = 0; g < groups.size(); ++g)  // a group without entries is in the state too
    if (places[g].chunks == 0 && !next.groups.emplace(groups[g].key, SearchState::Group{Fingerprint(groups[g]), places[g], "", true}).second)
      next.identity.clear();
  builder.Finish();
  next.shards = SearchShardCount(builder.term_bytes(), options);
  next.term_bytes = builder.term_bytes();
  next.entries = builder.entries();
  return next;
}

// The state is lines of tab-separated fields, written and read here rather than as JSON: at
// N = 300 nlohmann::json took 24 M instructions to read a state of 130 KB and 20 M to write it
// (a key and a hash for each of the index's files), which at N = 10,000 would be about a third
// of a second of an edit's build. A key or path holding a tab or a line break is not kept (the
// state is then of no use: its identity is empty).
//   <format>\n<identity>\n<slots>\t<shards>\t<entries>\t<term_bytes>\n
//   g\t<key>\t<fingerprint>\t<first chunk>\t<chunks>\t<titles>\t<faithful: 0 or 1>\n …
//   f\t<path>\t<hash>\n …
//   p\t<path of a posting page>\t<its first posting>\n …
// after a line with the SHA-256 of the rest.
namespace {

bool Plain(const std::string& s) { return s.find_first_of("\t\n") == std::string::npos; }

void Field(std::string& out, uint64_t v) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, v).ptr);
}

}  // namespace

std::string SearchStateFile(const SearchState& state) {
  bool plain = Plain(state.identity);
  std::string body = std::string(kFormat) + "\n";
  body += (plain ? state.identity : "") + "\n";
  for (uint64_t v : {uint64_t{state.slots}, uint64_t{state.shards}, uint64_t{state.entries}, state.term_bytes}) {
    Field(body, v);
    body += '\t';
  }
  body.back() = '\n';
  for (const auto& [key, g] : state.groups) {
    plain = plain && Plain(key) && Plain(g.titles);
    body += "g\t" + key + '\t';
    for (uint64_t v : {g.fingerprint, uint64_t{g.place.first_chunk}, uint64_t{g.place.chunks}}) {
      Field(body, v);
      body += '\t';
    }
    body += g.titles + (g.faithful ? "\t1\n" : "\t0\n");
  }
  for (const auto& [rel, hash] : state.files) {
    plain = plain && Plain(rel);
    body += "f\t" + rel + '\t';
    Field(body, hash);
    body += '\n';
  }
  for (const auto& [rel, first] : state.firsts) {
    plain = plain && Plain(rel);
    body += "p\t" + rel + '\t';
    Field(body, first);
    body += '\n';
  }
  if (!plain) body = std::string(kFormat) + "\n\n0\t0\t0\t0\n";  // of no use, but readable
  return ingest::Sha256Hex(body) + "\n" + body;
}

bool ReadSearchStateFile(std::string_view bytes, SearchState& state) {
  state = SearchState();
  const size_t line = bytes.find('\n');
  if (line == std::string_view::npos) return false;
  const std::string_view body = bytes.substr(line + 1);
  if (bytes.compare(0, line, ingest::Sha256Hex(body)) != 0) return false;
  size_t n = 0;
  bool ok = true;
  for (size_t from = 0; ok && from < body.size(); ++n) {
    const size_t end = body.find('\n', from);
    if (end == std::string_view::npos) return false;  // every line ends with a line break
    const std::string_view text = body.substr(from, end - from);
    from = end + 1;
    if (n == 0) {
      ok = text == kFormat;
    } else if (n == 1) {
      state.identity = std::string(text);
    } else if (n == 2) {
      const auto f = model::TabFields(text);
      ok = f.size() == 4 && model::WholeNumber(f[0], state.slots) && model::WholeNumber(f[1], state.shards) &&
           model::WholeNumber(f[2], state.entries) && model::WholeNumber(f[3], state.term_bytes);
    } else {
      const auto f = model::TabFields(text);
      if (f.size() == 7 && f[0] == "g") {
        SearchState::Group g;
        ok = model::WholeNumber(f[2], g.fingerprint) && model::WholeNumber(f[3], g.place.first_chunk) &&
             model::WholeNumber(f[4], g.place.chunks) && (f[6] == "0" || f[6] == "1");
        g.titles = std::string(f[5]);
        g.faithful = f[6] == "1";
        ok = ok && state.groups.emplace(std::string(f[1]), std::move(g)).second;
      } else if (f.size() == 3 && f[0] == "f") {
        uint64_t hash = 0;
        ok = model::WholeNumber(f[2], hash) && state.files.emplace(std::string(f[1]), hash).second;
      } else if (f.size() == 3 && f[0] == "p") {
        uint64_t first = 0;
        ok = model::WholeNumber(f[2], first) && first <= UINT32_MAX &&
             state.firsts.emplace(std::string(f[1]), static_cast<uint32_t>(first)).second;
      } else {
        ok = false;
      }
    }
  }
  if (!ok || n < 3) state = SearchState();
  return ok && n >= 3;
}

}  // namespace gongkai::render
