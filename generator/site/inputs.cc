// Listing a content folder's disclosures.
#include "site/inputs.h"

#include <algorithm>

#include <boost/filesystem.hpp>

#include "ingest/document.h"
#include "years/identity.h"

namespace gongkai::site {

namespace fs = boost::filesystem;

std::vector<Input> ListInputs(const std::string& content, std::vector<FileReport>& skipped) {
  std::vector<Input> inputs;
  boost::system::error_code ec;
  for (fs::directory_iterator it(content, ec), end; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    // README and MANIFEST files describe a content folder, aliases.tsv names departments
    // across years (site/years.h); they are not disclosures.
    if (name.empty() || name[0] == '.' || name.rfind("README", 0) == 0 ||
        name.rfind("MANIFEST", 0) == 0 || name == years::kAliasesFile)
      continue;
    std::string why;
    struct stat st;
    const ingest::EntryKind kind = ingest::ClassifyEntry(p.string(), content, why, &st);
    if (kind == ingest::EntryKind::kSkipped) {
      skipped.push_back({ingest::PrintableName(p.string()),
                         {{model::Diagnostic::Severity::kError, 0, "not read: " + why,
                           "input-skipped"}}});
      continue;
    }
    inputs.push_back({p, ingest::PrintableName(name),
                      kind == ingest::EntryKind::kFile ? StampOf(st) : FileStamp()});
  }
  // By name: the entries of one folder, so their paths' strings order them as the paths do
  // (boost's path comparison takes each path apart, element by element).
  std::sort(inputs.begin(), inputs.end(),
            [](const Input& a, const Input& b) { return a.path.native() < b.path.native(); });
  std::sort(skipped.begin(), skipped.end(),
            [](const FileReport& a, const FileReport& b) { return a.path < b.path; });
  return inputs;
}

}  // namespace gongkai::site
