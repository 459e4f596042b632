// Whole files in and out, for the site stage.
#pragma once

#include <string>

namespace gongkai::site {

/// Reads the whole file at `path` into `out`; false when it cannot be opened or read.
bool ReadWholeFile(const std::string& path, std::string& out);

/// Copies a file's bytes over `to`. Boost 1.74's copy_file fails between two file systems (its
/// copy_file_range gets EXDEV and it does not fall back), which is the case of a mount point.
bool CopyWholeFile(const std::string& from, const std::string& to);

}  // namespace gongkai::site
