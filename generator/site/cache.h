// The build's memory of the previous build (<out>.cache/): what each input was when it was
// built — its size and time, its id, its files in the site, its diagnostics (manifest.json) —
// and its record for the cross pages (records/<id>.json, pages/record.h), so an input that
// did not change is not read, parsed or rendered again, and its model is not read back.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <boost/filesystem/path.hpp>

#include "model/disclosure.h"
#include "pages/record.h"

namespace gongkai::site {

/// When an input last changed: its size and modification time (for a folder, folded over its
/// disclosure files).
struct FileStamp {
  int64_t size = -1;
  int64_t mtime_ns = -1;
};
FileStamp Stamp(const boost::filesystem::path& p);

/// One input as the last build left it.
struct CachedInput {
  std::string id;
  FileStamp stamp;
  bool failed = false;  ///< listed on the index with its error, no pages
  bool loaded = true;   ///< it could be read at all
  std::vector<std::string> files;  ///< its own files in the site, relative to the site
  std::vector<model::Diagnostic> diagnostics;
};

/// The hash of what every per-document page depends on beside its input: gongkai's version
/// and the templates layout.html, department.md and source.html.
std::string PerDocumentHash(const std::map<std::string, std::string>& templates);

class Cache {
 public:
  /// The manifest in `dir`, when `usable` (the previous site exists) and it was written with
  /// the same `per_document_hash`; otherwise an empty cache, and every input is built.
  static Cache Load(const boost::filesystem::path& dir, bool usable,
                    const std::string& per_document_hash);

  /// The previous site exists and was built by this gongkai version with the same
  /// per-document templates (layout.html among them).
  bool Usable() const { return usable_; }

  /// The last build's entry for the input named `name`, when the input can be reused: the
  /// same id, size and modification time. Null otherwise.
  const CachedInput* Reusable(const std::string& name, const std::string& id,
                              const FileStamp& stamp) const;

  /// The record the last build kept for the input `id`; false when there is none or it cannot
  /// be read (the input is then built again).
  bool LoadRecord(const std::string& id, pages::Record& record) const;

  /// Writes the cache for the next build into `dir`: the records of the inputs built this
  /// time (`built`; the others' are kept, those of inputs gone are removed), then the manifest
  /// (a temporary file renamed over it: a build stopped meanwhile leaves the old one or the
  /// new one, and an input whose record was not written is not reused by the old one).
  static void Save(const boost::filesystem::path& dir, const std::string& per_document_hash,
                   const std::map<std::string, CachedInput>& inputs,
                   const std::vector<const pages::Record*>& built);

 private:
  boost::filesystem::path dir_;
  bool usable_ = false;
  std::map<std::string, CachedInput> inputs_;
};

}  // namespace gongkai::site
