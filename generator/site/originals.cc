// Reads a disclosure's files again for the site's originals/ folder, checking they are the
// bytes that were parsed.
#include "site/originals.h"

#include "ingest/encoding.h"
#include "ingest/sha256.h"
#include "site/files.h"

namespace gongkai::site {

bool ReadOriginals(const std::string& id, const ingest::Document& doc,
                   std::vector<OriginalCopy>& out, std::string& error) {
  out.clear();
  for (const auto& f : doc.files) {
    OriginalCopy copy;
    bool read = ReadWholeFile(f.path, copy.bytes);
    copy.file.sha256 = ingest::Sha256Hex(copy.bytes);
    if (!read || copy.file.sha256 != f.sha256) {
      error = ingest::PrintableName(f.path.substr(f.path.find_last_of('/') + 1)) +
              " changed while the site was built (SHA-256 " + f.sha256 + " when parsed, " +
              (read ? copy.file.sha256 : std::string("unreadable")) +
              " when copied into the site); build again";
      return false;
    }
    copy.file.path = render::OriginalPath(id, f.path);
    copy.file.format = f.format;
    copy.file.size = copy.bytes.size();
    out.push_back(std::move(copy));
  }
  return true;
}

}  // namespace gongkai::site
