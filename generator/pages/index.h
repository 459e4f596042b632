// The index page (index.md, .html): every input, built or failed, and the collection in one line.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/page_key.h"
#include "pages/record.h"

namespace gongkai::pages {

/// Context for one row of index.md: a department built, or an input that failed.
kainjow::mustache::data IndexRow(const Record& r);

/// Context for index.md: every input's row (IndexRow) and the collection in one line: the
/// inputs, the departments, years and regions of those built, the sum of their spending
/// (render::SpendingOf, in 万元 to 0.01, over those that state it), how many have an error
/// finding, how many failed.
kainjow::mustache::data IndexContext(const std::vector<const Record*>& records);
/// Writes what IndexContext shows into `key` (index.md's pages::Page::key, with
/// AddSeriesToIndexKey): every field it sets, listed by the same functions.
void IndexKey(const std::vector<const Record*>& records, KeyWriter& key);

}  // namespace gongkai::pages
