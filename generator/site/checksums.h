// SHA256SUMS: the checksum of every file of the site, in the format `sha256sum -c` reads, so
// a reader can check that an archive is the one gongkai wrote.
#pragma once

#include <array>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/filesystem/path.hpp>

#include "site/files.h"
#include "site/output.h"
#include "site/publish.h"

namespace gongkai::site {

/// The files at the site's root that SHA256SUMS does not list: itself. Every other file of the
/// site is listed — the marker (publish.h) too, which is written before it — so every file
/// must be final before the site is summed.
constexpr std::array<const char*, 1> kNotChecksummed = {kChecksumsFile};

/// One line of SHA256SUMS: "<sha256>  <path>\n"; a path holding `\`, a line feed or a carriage
/// return is escaped as GNU sha256sum does (the line starts with `\`; `\\`, `\n`, `\r`).
std::string ChecksumLine(const std::string& sha256, const std::string& path);

/// The path -> sha256 of a SHA256SUMS text (escaped lines unescaped); lines that are not
/// checksum lines are skipped.
std::map<std::string, std::string> ParseChecksums(std::string_view text);

struct ChecksumCount {
  size_t files = 0;   ///< files listed
  size_t hashed = 0;  ///< of them, read and hashed by this build
};

/// Writes `site`/SHA256SUMS: every file of `files` (the site's, as the build placed them:
/// site/output.h, Output::Placed, by path in byte order) but kNotChecksummed, so the same files
/// give the same bytes; the site is not walked. A file the build wrote has the hash taken as it
/// was written; a file it linked unchanged from the previous site ("") keeps the hash that
/// `kept` gives it without being read; every other file is read and hashed, on `jobs` threads.
/// So an incremental build reads only what it wrote, and an in-place edit of the previous site
/// is not blessed with a new checksum: `sha256sum -c` keeps reporting it until a full build.
/// `kept` is the previous site's SHA256SUMS as KeepChecksums kept it in the cache once that
/// site was published; it is removed here, so a build stopped while publishing (in place, a
/// mix of two builds) leaves none and the next build hashes every file. Returns false and sets
/// `error` when a file cannot be read or SHA256SUMS cannot be written.
bool WriteChecksums(const boost::filesystem::path& site, const boost::filesystem::path& kept,
                    const std::vector<PlacedFile>& files, unsigned jobs, ChecksumCount& count,
                    std::string& error);

/// The checksums kept at `kept` (KeepChecksums), read and parsed but not yet matched to the
/// site's files: none where it cannot be read. ReadKeptChecksums may run while the build still
/// places files (at N = 10,000 it reads ~18 MB and ~160,000 lines), the file removed only by
/// WriteChecksums.
struct KeptChecksums {
  FileBytes text;
  std::deque<std::string> unescaped;  ///< the paths that were escaped in it
  /// (path, sha256) of each line, into `text` or `unescaped`, by path
  std::vector<std::pair<std::string_view, std::string_view>> lines;
};
std::unique_ptr<const KeptChecksums> ReadKeptChecksums(const boost::filesystem::path& kept);
/// Whether `files` (by path in byte order, the marker not among them) are every file the kept
/// checksums list but the marker, and no other; `marker_sha256` then the marker's.
bool SameFilesAsKept(const std::vector<PlacedFile>& files, const KeptChecksums& kept,
                     std::string_view& marker_sha256);
/// WriteChecksums with the kept checksums read already (`kept_sums`, of the file at `kept`).
bool WriteChecksums(const boost::filesystem::path& site, const boost::filesystem::path& kept,
                    const KeptChecksums& kept_sums, const std::vector<PlacedFile>& files,
                    unsigned jobs, ChecksumCount& count, std::string& error);

/// Keeps a copy of `site`/SHA256SUMS at `kept` (in the cache), for the next build: call it once
/// the site is published. False if it could not (the next build then hashes every file).
bool KeepChecksums(const boost::filesystem::path& site, const boost::filesystem::path& kept);

}  // namespace gongkai::site
