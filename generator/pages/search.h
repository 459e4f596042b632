// The search: search.html (a page with no context) and the entries the search index is built
// from (render/search_index.h): departments, their narrative, projects, findings, codes and
// glossary terms.
#pragma once

#include <vector>

#include "model/disclosure.h"
#include "render/search_index.h"

namespace gongkai::pages {

/// The search entries of the whole site.
std::vector<render::SearchEntry> SearchEntries(const std::vector<const model::Disclosure*>& all);

}  // namespace gongkai::pages
