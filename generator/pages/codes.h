// The classification code pages: codes/index.md (every code used) and codes/<code>.md (each
// department's amounts under one code, its parent and children).
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/record.h"

namespace gongkai::pages {

/// Every classification code used by any disclosure (functional 类/款/项 and economic), sorted.
std::vector<std::string> AllCodes(const std::vector<const Record*>& all);

/// The name of a code as the documents give it (the first seen), or the national class name.
std::string CodeName(const std::string& code, const std::vector<const Record*>& all);

kainjow::mustache::data CodesContext(const std::vector<const Record*>& all);
/// One code: its name, parent and children (as links), and each department's amounts.
kainjow::mustache::data CodeContext(const std::string& code,
                                    const std::vector<const Record*>& all);

}  // namespace gongkai::pages
