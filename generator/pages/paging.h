// Lists of departments split into pages, under one rule (Paging): the index and the comparison
// (here), a code's page (pages/codes.h, its rows split where its departments' are): a
// department added or removed makes again its page and the first, not one page that lists
// every department.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

#include "pages/record.h"
#include "render/markdown.h"
#include "years/series.h"

namespace gongkai::pages {

/// How a list of many departments is split into pages, so that a department added or removed
/// makes again a bounded part of it (not a page listing every department). A page begins at a
/// department whose id hashes to 0 modulo `one_in` (render::SearchKeyHash, FNV-1a: where a
/// page begins depends on that department alone, so the pages around an added or removed one
/// keep their bounds), or after `most` departments.
struct Paging {
  size_t paged_above = 256;  ///< a list of more departments than this is paged
  uint32_t one_in = 64;      ///< a page begins at about one department in this many
  size_t most = 256;         ///< and holds this many departments at most
};

/// One page of a list of departments: the departments [begin, end) of the list, and the page's
/// stem: the list's own for the first page ("index"), `<stem>-<id of its first department>`
/// after ("index-2019-anqing-…"), so that a page keeps its name while others come and go.
struct ListPart {
  std::string stem;
  uint32_t begin = 0, end = 0;
  /// The departments of several years the page shows (SeriesOnParts), where the list has them.
  uint32_t series = 0;
};

/// The pages of `list` (in its order), under `paging`'s rule: one page holding every
/// department unless there are more than `paged_above`; else a page begins at a department
/// whose id hashes to 0 modulo `one_in` (render::SearchKeyHash), or after `most`.
std::vector<ListPart> SplitList(const std::vector<const Record*>& list, const std::string& stem,
                                const Paging& paging = {});
/// SplitList, where the departments at which a page may begin (their id hashing to 0 modulo
/// `one_in`) are `begins`, worked out once a department by a caller that splits many lists of
/// the same departments: the code pages' lists hold ~2,000,000 places of a department at
/// N = 10,000, and hashing its id at each was ~0.17 s of an edit. Every department of `list`
/// must be one `begins` was made from.
std::vector<ListPart> SplitList(const std::vector<const Record*>& list, const std::string& stem,
                                const Paging& paging,
                                const std::unordered_set<const Record*>& begins);
/// Of `all`, the departments at which a page may begin under `paging` (see SplitList).
std::unordered_set<const Record*> PageBeginnings(const std::vector<const Record*>& all,
                                                const Paging& paging);

/// For each page of `parts`, the departments of several years (years::Series::SpansYears) whose
/// latest year is on it, in the order of `series`: a page shows them beside that year's row.
std::vector<std::vector<const years::Series*>> SeriesOnParts(
    const std::vector<years::Series>& series, const std::vector<const Record*>& list,
    const std::vector<ListPart>& parts);

/// What changed since the last build (an incremental build's, with the same templates) in the
/// lists of departments a rule's page and a glossary term's page are split from: the records
/// built this time, and the rules and the terms whose list gained or lost a department (one
/// built, added or gone that has a finding of the rule, or explains the term, and had not, or
/// the other way).
struct ListChanges {
  std::unordered_set<const Record*> built;
  std::set<std::string> rules, terms;
};

/// Whether page `part` of a list (`list`, split as `parts`) may differ from the last build's
/// page of its path: the first may (it counts the departments), and every page where `changes`
/// is null or the list gained or lost a department (`listed`: its pages may begin elsewhere).
/// Else a later page shows only its own departments (VisitListPages: their rows, names and
/// years; the stems of its neighbours, which begin where they began), which change only where
/// one of them was built.
bool PartMayHaveChanged(const ListChanges* changes, bool listed,
                        const std::vector<const Record*>& list, const std::vector<ListPart>& parts,
                        size_t part);

/// The years of the departments of `part`: "2019", "2019—2021", or "—" where none states one.
std::string PartYears(const std::vector<const Record*>& list, const ListPart& part);

/// Lists on `ctx` (pages/page_key.h) how the page `part` links to the others, for its context
/// and its key: `paged` (the first of several pages: `page_count` and every page in `pages`,
/// each with its `number`, `stem`, `years` (PartYears), `first` and `last` department,
/// `departments`, and `page_series`/`page_has_series`: ListPart::series; `series_total`, their
/// sum, and `has_series_elsewhere`: some are on pages after the first), `later`
/// (a later page: itself in `pages`, without a number, which would change as pages come and
/// go; `first`, its first department's name), `previous`, `next` and `has_next`.
template <typename Sink>
void VisitListPages(const std::vector<const Record*>& list, const std::vector<ListPart>& parts,
                    size_t part, Sink& ctx) {
  auto name = [&](uint32_t i) { return render::EscapeMarkdown(list[i]->Name()); };
  const bool paged = parts.size() > 1;
  ctx.Set("paged", paged && part == 0);
  ctx.Set("later", part > 0);
  if (!paged) return;
  const ListPart& p = parts[part];
  ctx.Set("first", name(p.begin));
  ctx.Set("page_count", std::to_string(parts.size()));
  // Each department of several years is shown on one page only, beside its latest year (pages
  // are in file order, so most are on the last ones): the first page tells on which, rather
  // than listing them all, which would grow that one page with the site.
  uint32_t series = 0;
  for (const ListPart& q : parts) series += q.series;
  ctx.Set("series_total", std::to_string(series));
  ctx.Set("has_series_elsewhere", part == 0 && series > parts[0].series);
  const size_t from = part == 0 ? 0 : part, to = part == 0 ? parts.size() : part + 1;
  ctx.List("pages", to - from, [&](size_t i, auto& page) {
    const ListPart& q = parts[from + i];
    if (part == 0) page.Set("number", std::to_string(from + i + 1));
    page.Set("stem", q.stem);
    page.Set("years", PartYears(list, q));
    page.Set("first", name(q.begin));
    page.Set("last", name(q.end - 1));
    page.Set("departments", std::to_string(q.end - q.begin));
    page.Set("page_series", std::to_string(q.series));
    page.Set("page_has_series", q.series > 0);
  });
  ctx.Set("previous", part > 0 ? parts[part - 1].stem : std::string());
  ctx.Set("has_next", part + 1 < parts.size());
  ctx.Set("next", part + 1 < parts.size() ? parts[part + 1].stem : std::string());
}

}  // namespace gongkai::pages
