// Whole files in and out, for the site stage.
#pragma once

#include <string>

namespace gongkai::site {

/// Reads the whole file at `path` into `out`; false when it cannot be opened or read.
bool ReadWholeFile(const std::string& path, std::string& out);

}  // namespace gongkai::site
