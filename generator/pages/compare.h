// The comparison page (compare.md, .html): departments' metrics side by side.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/page_key.h"
#include "pages/record.h"

namespace gongkai::pages {

kainjow::mustache::data CompareContext(const std::vector<const Record*>& all);
/// Writes what CompareContext shows into `key` (compare.md's pages::Page::key, with
/// AddSeriesToCompareKey), listed by the same function.
void CompareKey(const std::vector<const Record*>& all, KeyWriter& key);

}  // namespace gongkai::pages
