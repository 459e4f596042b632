// The comparison page (compare.md, .html): departments' metrics side by side; split into pages
// (pages/paging.h) when it compares many: compare.md the first, compare-<id>.md the others.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/page_key.h"
#include "pages/paging.h"
#include "pages/record.h"

namespace gongkai::pages {

/// Context for the page `part` of compare.md (`parts`: SplitList of `all`, the disclosures
/// built): its departments' rows and how it links to the other pages (VisitListPages).
kainjow::mustache::data CompareContext(const std::vector<const Record*>& all,
                                       const std::vector<ListPart>& parts, size_t part);
/// Writes what CompareContext shows into `key` (the page's pages::Page::key, with
/// AddSeriesToCompareKey), listed by the same function.
void CompareKey(const std::vector<const Record*>& all, const std::vector<ListPart>& parts,
                size_t part, KeyWriter& key);

}  // namespace gongkai::pages
