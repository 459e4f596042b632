// The search: search.html (a page with no context) and the entries the search index is built
// from (render/search_index.h): departments, their narrative, projects, findings, codes and
// glossary terms.
#pragma once

#include <deque>
#include <functional>
#include <vector>

#include "model/disclosure.h"
#include "render/search_index.h"

namespace gongkai::pages {

struct Record;
struct Collection;

/// The entries of one department: its page (with its classification names and narrative), its
/// narrative's sentences that state figures, its projects, its findings.
std::vector<render::SearchEntry> DepartmentSearchEntries(const model::Disclosure& d);

/// The search entries of the whole site in groups (render::SearchGroup): each built record's
/// own, keyed by its id (a department of several years once, for its page across the years:
/// pages::MergeYearsInSearch), then each code's and glossary term's, keyed by its URL. A
/// record's entries are pointed at where the record holds them; `owned` holds the others.
struct SearchGroups {
  std::deque<render::SearchEntry> owned;
  std::vector<render::SearchGroup> groups;
};
/// A record's group is marked unchanged (render::SearchGroup::unchanged) where `unchanged(r)`
/// says the record is the last build's: its entries then are too (a department's years that
/// changed are all built again, site/build.cc). A record whose entries were left in the
/// build's cache (Record::search_deferred) has its group marked deferred, unless `deferred`
/// gives its entries (read from the cache; they must live as long as the groups).
SearchGroups MakeSearchGroups(
    const Collection& c, const std::function<bool(const Record&)>& unchanged = nullptr,
    const std::function<const std::vector<render::SearchEntry>&(const Record&)>& deferred = nullptr);

}  // namespace gongkai::pages
