// The search: search.html (a page with no context) and the entries the search index is built
// from (render/search_index.h): departments, their narrative, projects, findings, codes and
// glossary terms.
#pragma once

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

/// The search entries of the whole site, one at a time to `add` (so they are never all in
/// memory at once): each built record's own (a department of several years once, for its page
/// across the years: pages::MergeYearsInSearch), then the codes and glossary terms.
void AddSearchEntries(const Collection& c,
                      const std::function<void(const render::SearchEntry&)>& add);

}  // namespace gongkai::pages
