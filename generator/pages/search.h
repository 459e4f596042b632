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

/// The entries of one department: its page (with its classification names and narrative), its
/// narrative's sentences that state figures, its projects, its findings.
std::vector<render::SearchEntry> DepartmentSearchEntries(const model::Disclosure& d);

/// The search entries of the whole site, one at a time to `add` (so they are never all in
/// memory at once): each record's own, then the codes and glossary terms.
void AddSearchEntries(const std::vector<const Record*>& all,
                      const std::function<void(const render::SearchEntry&)>& add);

}  // namespace gongkai::pages
