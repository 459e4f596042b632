// The disclosures of a content folder: which of its entries are read, by the rule for links
// and special files (ingest::ClassifyEntry).
#pragma once

#include <string>
#include <vector>

#include <boost/filesystem/path.hpp>

#include "site/build.h"
#include "site/cache.h"

namespace gongkai::site {

/// One disclosure of the content folder: a file, or a folder of files.
struct Input {
  boost::filesystem::path path;  ///< as found: the bytes of its name, to open it
  std::string name;              ///< its file name as shown (ingest::PrintableName)
  /// Of a file, its stamp as it was listed (Stamp: from the stat that listed it, not a second
  /// one, ~10,000 at N = 10,000); of a folder, none (size -1): its files' are folded in later.
  FileStamp stamp;
};

/// The disclosures of `content`, in path order: every entry but hidden ones (a leading dot)
/// and the README and MANIFEST files that describe a content folder. An entry that is not
/// read (a link out of the folder, a dangling link, a pipe, a device) is not listed; it gets
/// a FileReport in `skipped` with one error [input-skipped] that names it and says what it is.
std::vector<Input> ListInputs(const std::string& content, std::vector<FileReport>& skipped);

}  // namespace gongkai::site
