// The comparison page (compare.md, .html): departments' metrics side by side.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/record.h"

namespace gongkai::pages {

kainjow::mustache::data CompareContext(const std::vector<const Record*>& all);

}  // namespace gongkai::pages
