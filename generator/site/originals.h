// Copies of the files a disclosure was read from, for the site's originals/ folder.
#pragma once

#include <string>
#include <vector>

#include "ingest/document.h"
#include "render/originals.h"

namespace gongkai::site {

/// One original with its bytes, ready to be written at `file.path` in the site.
struct OriginalCopy {
  render::OriginalFile file;
  std::string bytes;
};

/// Reads again every file `doc` was read from (one for a file, each of a folder's) and returns
/// them with their site paths under originals/<id>/. The bytes must be those that were parsed
/// (same SHA-256): the archive holds exactly the document its pages show. On a file that
/// changed or vanished since, returns false and sets `error` ("附件1.pdf changed while the
/// site was built ...").
///
/// The originals are copied, never hard-linked to the content folder: a link would share the
/// inode, so an edit of the input in place (an editor saving over it, `>>`, rsync --inplace)
/// would silently change the archived original of the published site and break its
/// SHA256SUMS. A copy is made once per new or changed input; later builds link it from the
/// previous site (a file only gongkai writes and never changes in place).
bool ReadOriginals(const std::string& id, const ingest::Document& doc,
                   std::vector<OriginalCopy>& out, std::string& error);

}  // namespace gongkai::site
