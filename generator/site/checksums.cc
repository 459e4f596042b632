// SHA256SUMS over the staged site: hashes what this build wrote, reuses the previous
// checksum of every file linked unchanged from the previous site.
#include "site/checksums.h"

#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

#include <boost/filesystem.hpp>

#include "ingest/sha256.h"
#include "site/files.h"

namespace gongkai::site {

namespace fs = boost::filesystem;

namespace {

bool SameInode(const fs::path& a, const fs::path& b) {
  struct stat sa, sb;
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

// Every regular file under `site`, relative to it ('/'-separated), but kNotChecksummed.
bool ListFiles(const fs::path& site, std::vector<std::string>& out, std::string& error) {
  const size_t prefix = site.generic_string().size() + 1;
  boost::system::error_code ec;
  for (fs::recursive_directory_iterator it(site, ec), end; !ec && it != end; it.increment(ec)) {
    if (!fs::is_regular_file(it->symlink_status())) continue;
    std::string rel = it->path().generic_string().substr(prefix);
    if (std::find_if(kNotChecksummed.begin(), kNotChecksummed.end(),
                     [&](const char* name) { return rel == name; }) == kNotChecksummed.end())
      out.push_back(std::move(rel));
  }
  if (ec) error = "cannot list " + site.string() + ": " + ec.message();
  std::sort(out.begin(), out.end());
  return !ec;
}

}  // namespace

std::string ChecksumLine(const std::string& sha256, const std::string& path) {
  std::string escaped;
  for (char c : path) {
    if (c == '\\') escaped += "\\\\";
    else if (c == '\n') escaped += "\\n";
    else if (c == '\r') escaped += "\\r";
    else escaped += c;
  }
  return (escaped.size() != path.size() ? "\\" : "") + sha256 + "  " + escaped + "\n";
}

std::map<std::string, std::string> ParseChecksums(std::string_view text) {
  std::map<std::string, std::string> out;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    bool escaped = !line.empty() && line[0] == '\\';
    if (escaped) line.remove_prefix(1);
    if (line.size() < 67 || line.substr(64, 2) != "  ") continue;
    std::string path;
    for (size_t i = 66; i < line.size(); ++i) {
      if (escaped && line[i] == '\\' && i + 1 < line.size()) {
        char next = line[++i];
        path += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
      } else {
        path += line[i];
      }
    }
    out[path] = std::string(line.substr(0, 64));
  }
  return out;
}

bool WriteChecksums(const fs::path& site, const fs::path& previous, const fs::path& kept,
                    const std::unordered_map<std::string, std::string>& placed, unsigned jobs,
                    ChecksumCount& count, std::string& error) {
  std::vector<std::string> files;
  if (!ListFiles(site, files, error)) return false;
  std::map<std::string, std::string> known;
  std::string text;
  if (!previous.empty() && ReadWholeFile(kept.string(), text)) known = ParseChecksums(text);
  // The site is about to change: until KeepChecksums records it again, no build may take the
  // kept checksums for its files (a publish stopped midway leaves files of two builds).
  boost::system::error_code ec;
  fs::remove(kept, ec);

  // Each file's hash, on every thread: reused where the file is the previous site's own.
  std::vector<std::string> hashes(files.size());
  std::atomic<size_t> next{0}, hashed{0};
  std::mutex mutex;
  auto work = [&] {
    for (size_t i; (i = next++) < files.size();) {
      auto written = placed.find(files[i]);
      if (written != placed.end() && !written->second.empty()) {  // hashed as it was written
        hashes[i] = written->second;
        ++hashed;
        continue;
      }
      // Linked from the previous site: by the build (placed, ""), or found to be its inode.
      auto old = known.find(files[i]);
      if (old != known.end() &&
          (written != placed.end() || SameInode(site / files[i], previous / files[i]))) {
        hashes[i] = old->second;
        continue;
      }
      std::string bytes;
      if (!ReadWholeFile((site / files[i]).string(), bytes)) {
        std::lock_guard<std::mutex> lock(mutex);
        error = "cannot read " + (site / files[i]).string() + " to checksum it";
        continue;
      }
      hashes[i] = ingest::Sha256Hex(bytes);
      ++hashed;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < std::max(1u, jobs); ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  if (!error.empty()) return false;

  std::ofstream out((site / kChecksumsFile).string(), std::ios::binary);
  for (size_t i = 0; i < files.size(); ++i) out << ChecksumLine(hashes[i], files[i]);
  if (!out.flush()) {
    error = "cannot write " + (site / kChecksumsFile).string();
    return false;
  }
  count.files = files.size();
  count.hashed = hashed;
  return true;
}

bool KeepChecksums(const fs::path& site, const fs::path& kept) {
  fs::path temp = kept;
  temp += ".tmp";
  // The cache may be on another file system than the site (a mount point): CopyWholeFile.
  if (!CopyWholeFile((site / kChecksumsFile).string(), temp.string())) return false;
  boost::system::error_code ec;
  fs::rename(temp, kept, ec);
  return !ec;
}

}  // namespace gongkai::site
