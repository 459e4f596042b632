// The index page (index.md, .html): every input, built or failed, and the collection in one line;
// split into pages (pages/paging.h) when it lists many: index.md the first, with the collection's
// line and every page, index-<id>.md the others.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/page_key.h"
#include "pages/paging.h"
#include "pages/record.h"

namespace gongkai::pages {

/// Context for the page `part` of index.md (`parts`: SplitList of `records`): its inputs'
/// rows (a department built, or an input that failed), how it links to the other pages
/// (VisitListPages) and, on the first page, the collection in one line: the inputs, the
/// departments, years and regions of those built, the sum of their spending
/// (render::SpendingOf, in 万元 to 0.01, over those that state it), how many have an error
/// finding, how many failed.
kainjow::mustache::data IndexContext(const std::vector<const Record*>& records,
                                     const std::vector<ListPart>& parts, size_t part);
/// Writes what IndexContext shows into `key` (the page's pages::Page::key, with
/// AddSeriesToIndexKey): every field it sets, listed by the same function.
void IndexKey(const std::vector<const Record*>& records, const std::vector<ListPart>& parts,
              size_t part, KeyWriter& key);

}  // namespace gongkai::pages
