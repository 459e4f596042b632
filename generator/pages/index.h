// The index page (index.md, .html): every input, built or failed, and the collection in one line.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "model/disclosure.h"

namespace gongkai::pages {

/// Context for one row of index.md.
kainjow::mustache::data IndexRow(const model::Disclosure& d, bool failed,
                                 const std::string& failure);

/// Context for index.md: the rows (IndexRow) and the collection in one line: the inputs, the
/// departments, years and regions of those built, the sum of their spending (SpendingOf, in
/// 万元 to 0.01, over those that state it), how many have an error finding, how many failed.
kainjow::mustache::data IndexContext(const std::vector<const model::Disclosure*>& built,
                                     size_t inputs, const kainjow::mustache::list& rows);

}  // namespace gongkai::pages
