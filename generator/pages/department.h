// The department page (departments/<id>.md, .html): one disclosure in full, every figure linked
// to its source line.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "model/disclosure.h"

namespace gongkai::pages {

/// Context for department.md (its originals are set by the caller).
kainjow::mustache::data DepartmentContext(const model::Disclosure& d);

}  // namespace gongkai::pages
