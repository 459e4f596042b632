// Whole files in and out, for the site stage.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace gongkai::site {

/// The suffix of a file being written beside its place, to be renamed over it: never part of a
/// finished site.
inline constexpr const char* kTempSuffix = ".gongkai-tmp";

/// Reads the whole file at `path` into `out`; false when it cannot be opened or read.
bool ReadWholeFile(const std::string& path, std::string& out);
/// Reads up to `size` bytes from the open file `fd`, at its offset, into `out` (fewer where it
/// ends first: `out` holds those read); false when a read fails.
bool ReadFromFd(int fd, size_t size, std::string& out);

/// A whole file's bytes, read-only, for the large files a build reads whole and only looks at
/// (the last site's CSVs, its marker, the kept checksums, the cache's manifest): a file of at
/// least kMapBytes is mapped (mmap), a smaller one read into a string. A mapped file already in
/// the page cache is not copied into memory the process touches for the first time, which is
/// dear on this machine (a VM whose freed memory goes back to its host): a test program read
/// a 35 MB CSV into fresh memory in 0.17-0.20 s, and mapped it in 2 ms. An edit at N = 10,000
/// reads ~70 MB so; its "csv, search index" took 0.14-0.15 s against 0.18 s read (0.24 against
/// 0.33 s of CPU).
/// The file must not shrink while it is mapped (a read past its end would be a SIGBUS): these
/// are files of the cache, which the build's lock guards, and of the last site, which only a
/// build writes.
class FileBytes {
 public:
  static constexpr size_t kMapBytes = size_t{1} << 20;
  FileBytes() = default;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;
  FileBytes(FileBytes&& other) noexcept { *this = std::move(other); }
  FileBytes& operator=(FileBytes&& other) noexcept;
  ~FileBytes() { Clear(); }
  /// The file at `path` (whatever was held before let go); false, and empty, when it cannot be
  /// opened or read.
  bool Read(const std::string& path);
  void Clear();
  std::string_view view() const { return map_ ? std::string_view(map_, size_) : read_; }
  bool mapped() const { return map_ != nullptr; }

 private:
  const char* map_ = nullptr;
  size_t size_ = 0;
  std::string read_;
};

/// A file's bytes given as pieces, one after the other: a CSV spliced from the last site's
/// (pages::Spliced) is written from the mapped file it was spliced from, not copied first.
using Pieces = std::vector<std::string_view>;
/// The bytes of `pieces`.
uint64_t SizeOf(const Pieces& pieces);

/// Writes `content` into the file at `path` (made, or truncated: a hard link is written
/// through); false when it cannot be written and closed.
bool WriteWholeFile(const std::string& path, const std::string& content);
bool WriteWholeFile(const std::string& path, const Pieces& pieces);

/// Writes `content` at `path` through a temporary file beside it (kTempSuffix) and a rename,
/// so `path` is whole or absent, and a file that was there (perhaps a hard link to another
/// name) is replaced, not written through. False when it cannot.
bool WriteFileAtomically(const std::string& path, const std::string& content);
bool WriteFileAtomically(const std::string& path, const Pieces& pieces);

/// A path or a field in one of gongkai's line files (the site's marker, the spare's mark, the
/// cache's manifest and folder note): bytes below 0x20, 0x7f and % as %XX, so it holds no line
/// break or tab.
std::string EscapeLine(std::string_view s);
/// Appends EscapeLine(s) to `out` (a manifest or marker of ~150,000 lines: no string of its own
/// per field).
void AppendEscapedLine(std::string& out, std::string_view s);
/// EscapeLine undone (a % not followed by two upper-case hex digits is kept as it is).
std::string UnescapeLine(std::string_view s);

/// A set of a site's paths held as views, not as strings of their own: into a line file it
/// keeps (a marker, read by ReadLines: mapped, ~160,000 lines at N = 10,000, where a string
/// for each was ~25 MB of memory the process touched afresh and ~0.05 s of an edit), or, for a
/// path not in that file as it is (an escaped line, one inserted), into a copy it keeps. A view
/// it gives (Find, its elements) stays valid while it lives, moved or not.
class PathSet {
 public:
  PathSet() = default;
  PathSet(std::initializer_list<std::string_view> paths);
  PathSet(const std::unordered_set<std::string>& paths);  // NOLINT: a set given as it is
  /// Every non-empty line of `text` after its first `skip` bytes, each unescaped
  /// (UnescapeLine); `text` is kept.
  void ReadLines(FileBytes text, size_t skip);
  void Insert(std::string_view path);
  bool Has(std::string_view path) const { return set_.count(path) > 0; }
  /// The view it holds of `path`, or an empty view where it holds none.
  std::string_view Find(std::string_view path) const;
  size_t size() const { return set_.size(); }
  bool empty() const { return set_.empty(); }
  auto begin() const { return set_.begin(); }
  auto end() const { return set_.end(); }

 private:
  std::unique_ptr<FileBytes> text_;  // (held by pointer: a view into a small file's string
                                     // would not survive moving it)
  std::deque<std::string> own_;      // (a deque does not move its elements as it grows)
  std::unordered_set<std::string_view> set_;
};

/// The folder of a path relative to the site, '/'-separated ("" for one at its root): as the
/// folder notes name it (site/publish.h).
std::string FolderOf(std::string_view path);

/// Copies a file's bytes over `to`. Boost 1.74's copy_file fails between two file systems (its
/// copy_file_range gets EXDEV and it does not fall back), which is the case of a mount point.
bool CopyWholeFile(const std::string& from, const std::string& to);

}  // namespace gongkai::site
