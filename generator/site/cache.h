// The build's memory of the previous build (<out>.cache/): what each input was when it was
// built — its size and time, its id, its files in the site, its diagnostics (manifest) —
// and its record for the cross pages (pages/record.h), all records in one file
// (records-<n>.pack), so an input that did not change is not read, parsed or rendered again,
// and its model is not read back.
#pragma once

#include <sys/stat.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/filesystem/path.hpp>

#include "model/disclosure.h"
#include "pages/record.h"

namespace gongkai::site {

/// When an input last changed: its size, modification time and inode (for a folder, folded
/// over its disclosure files), from one stat, the file not read. The inode tells a file put in
/// the place of another of the same size and time (`cp -p`, `mv`) from the one built.
struct FileStamp {
  int64_t size = -1;
  int64_t mtime_ns = -1;
  int64_t inode = -1;
};
FileStamp Stamp(const boost::filesystem::path& p);
/// The stamp of a file (not a folder) from its stat, taken already.
FileStamp StampOf(const struct stat& st);

/// One input as the last build left it.
struct CachedInput {
  std::string id;
  FileStamp stamp;
  bool failed = false;  ///< listed on the index with its error, no pages
  bool loaded = true;   ///< it could be read at all
  std::vector<std::string> files;  ///< its own files in the site, relative to the site
  std::vector<model::Diagnostic> diagnostics;
};

/// What made this build, as a hash: gongkai's version and the GNU build ids of the executable
/// and of every library it loaded (poppler, cmark-gfm, …), so that a rebuilt or upgraded
/// gongkai (or library) never reuses pages the last one made. An executable without a build id
/// gets an identity of its own process: nothing is then reused.
const std::string& BinaryIdentity();
/// The GNU build ids (the linker's hash of an object's contents, ELF note NT_GNU_BUILD_ID) of
/// the executable and of every library loaded with it, the executable's first, as hex, each
/// followed by ';'. Empty when none has one.
std::string LoadedBuildIds();

/// The hash of what every per-document page depends on beside its input: the binary
/// (BinaryIdentity) and the templates layout.html, department.md and source.html.
std::string PerDocumentHash(const std::map<std::string, std::string>& templates);
/// The hash of every template and the binary (BinaryIdentity): what a cross page depends on
/// beside what it is made from (pages::Page::key).
std::string TemplatesHash(const std::map<std::string, std::string>& templates);

class Cache {
 public:
  /// The manifest in `dir`, when `usable` (the previous site exists) and it was written with
  /// the same `per_document_hash`; otherwise an empty cache, and every input is built.
  static Cache Load(const boost::filesystem::path& dir, bool usable,
                    const std::string& per_document_hash);

  /// The previous site exists and was built by this gongkai (the same binary and libraries,
  /// BinaryIdentity) with the same per-document templates (layout.html among them).
  bool Usable() const { return usable_; }

  /// The last build's entry for the input named `name`, when the input can be reused: the
  /// same id and FileStamp. Null otherwise. The cache does not read an entry's files and
  /// diagnostics again: the build may move them out (~150,000 paths at N = 10,000, not copied).
  /// Entries of different names may be taken on different threads.
  CachedInput* Reusable(const std::string& name, const std::string& id, const FileStamp& stamp);

  /// The record the last build kept for the input `id`; false when there is none or it cannot
  /// be read (the input is then built again). Without `search`, its search entries are not read:
  /// left in the cache (pages::Record::search_deferred), for LoadSearch, which checks them.
  bool LoadRecord(const std::string& id, pages::Record& record, bool search = true) const;
  /// The search entries of the record of `id`; false when they cannot be read.
  bool LoadSearch(const std::string& id, std::vector<render::SearchEntry>& entries) const;
  /// The ids of the inputs the last build kept a record of.
  std::vector<std::string> RecordIds() const;
  /// Removes the manifest from the cache's folder: the next build builds every input again
  /// (this build's own reading of it is unchanged).
  void Forget() const;

  /// The key the last build gave the cross page at `path` (pages::Page::key hashed with the
  /// templates), "" for none. Load reads them and removes them from the folder: a build
  /// stopped before Save, maybe once it published its pages, leaves none to trust.
  const std::string& PageKey(const std::string& path) const;

  /// Writes the cache for the next build into the folder it was loaded from: the records of
  /// the inputs built this time (`built`), appended to the records file the others' stay in
  /// (a new file, with only the records of `inputs`, where more than half of it would be
  /// records no input has), then the manifest (a temporary file renamed over it: a build
  /// stopped meanwhile leaves the old one or the new one, and the records the old one names
  /// are still where it says). A record that could not be written is not named: its input is
  /// built again next time. Then the cross pages' keys `page_keys` (by path).
  void Save(const std::string& per_document_hash, const std::map<std::string, CachedInput>& inputs,
            const std::vector<const pages::Record*>& built,
            const std::map<std::string, std::string>& page_keys) const;

  /// Save in two steps: Prepare appends the records (a build stopped or failed after it leaves
  /// the old manifest, whose records are still where it says) and makes the manifest's and
  /// the page keys' text, Commit puts them in place. A build prepares its cache while it seals
  /// its site (mostly on one core in an edit) and commits it once the site is published.
  struct Prepared {
    std::string pack, manifest, page_keys;
  };
  Prepared Prepare(const std::string& per_document_hash,
                   const std::map<std::string, CachedInput>& inputs,
                   const std::vector<const pages::Record*>& built,
                   const std::map<std::string, std::string>& page_keys) const;
  void Commit(const Prepared& prepared) const;

 private:
  // Where a record's bytes are in the records file: its checksum and the record.
  struct Span {
    uint64_t at = 0, size = 0;
  };
  class Pack;  // the records file, open for reading
  // The records file Save wrote (its name) and where each record is in it, by id.
  struct Written {
    std::string pack;
    std::map<std::string, Span> at;
  };
  Written WriteRecords(const std::map<std::string, CachedInput>& inputs,
                       const std::vector<const pages::Record*>& built) const;

  boost::filesystem::path dir_;
  bool usable_ = false;
  std::map<std::string, CachedInput> inputs_;
  std::string pack_name_;             // the records file's name in dir_, "" for none
  std::shared_ptr<const Pack> pack_;  // open when its header is this format's
  std::unordered_map<std::string, Span> records_;  // by id
  std::unordered_map<std::string, std::string> page_keys_;  // by path
};

}  // namespace gongkai::site
