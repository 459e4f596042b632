// SHA256SUMS over the staged site: hashes what this build wrote, reuses the previous
// checksum of every file linked unchanged from the previous site.
#include "site/checksums.h"

#include <algorithm>
#include <atomic>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <boost/filesystem.hpp>

#include "ingest/sha256.h"
#include "pages/downloads.h"
#include "site/files.h"

namespace gongkai::site {

namespace fs = boost::filesystem;

namespace {

bool Checksummed(std::string_view path) {
  return std::find_if(kNotChecksummed.begin(), kNotChecksummed.end(),
                      [&](const char* name) { return path == name; }) == kNotChecksummed.end();
}

// Calls fn(path, sha256, escaped) for each checksum line of a SHA256SUMS text, in its order
// (an escaped path unescaped into a buffer that the next line reuses); lines that are not
// checksum lines are skipped.
template <typename Fn>
void ForEachChecksum(std::string_view text, Fn fn) {
  std::string unescaped;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    bool escaped = !line.empty() && line[0] == '\\';
    if (escaped) line.remove_prefix(1);
    if (line.size() < 67 || line.substr(64, 2) != "  ") continue;
    if (!escaped) {
      fn(line.substr(66), line.substr(0, 64), false);
      continue;
    }
    unescaped.clear();
    for (size_t i = 66; i < line.size(); ++i) {
      if (line[i] == '\\' && i + 1 < line.size()) {
        char next = line[++i];
        unescaped += next == 'n' ? '\n' : next == 'r' ? '\r' : next;
      } else {
        unescaped += line[i];
      }
    }
    fn(std::string_view(unescaped), line.substr(0, 64), true);
  }
}

// The previous site's checksum of one file, and its whole line in the kept text where it is
// there as this build writes it (not escaped, ending in a line feed), else empty.
struct KnownSum {
  std::string_view sha256, line;
};

// The previous site's checksum of each of `files` (sorted by path), "" for none, from its
// SHA256SUMS lines (KeptChecksums::lines, in path order: SHA256SUMS is written so), found in
// one walk beside the files rather than in a map of every path, which cost as much as the rest
// of an edit's checksums.
std::vector<KnownSum> Known(const KeptChecksums& kept,
                            const std::vector<const PlacedFile*>& files) {
  const auto& lines = kept.lines;
  const std::string_view text = kept.text.view();
  std::vector<KnownSum> out(files.size());
  for (size_t i = 0, j = 0; i < files.size(); ++i) {
    const std::string_view path = files[i]->path;
    while (j < lines.size() && lines[j].first < path) ++j;
    if (j == lines.size() || lines[j].first != path) continue;
    const auto [p, sha256] = lines[j];
    out[i].sha256 = sha256;
    // "<sha256>  <path>\n" in the text as it is: the path right after the hash (an escaped
    // line's is unescaped elsewhere), and one this build would not escape (AppendChecksumLine).
    // (std::less: pointers into other storage, lines made by a caller, compare too.)
    const std::less<const char*> before;
    if (before(sha256.data(), text.data()) || !before(sha256.data(), text.data() + text.size()))
      continue;
    const size_t at = static_cast<size_t>(sha256.data() - text.data());
    const size_t size = sha256.size() + 2 + p.size() + 1;
    if (p.data() == sha256.data() + sha256.size() + 2 && at + size <= text.size() &&
        text[at + size - 1] == '\n' && p.find_first_of("\\\r") == std::string_view::npos)
      out[i].line = text.substr(at, size);
  }
  return out;
}

// Appends the checksum line of `path` to `out` in place (a site has ~150k at N = 10,000).
void AppendChecksumLine(std::string& out, std::string_view sha256, std::string_view path) {
  if (path.find_first_of("\\\n\r") == std::string_view::npos) {
    out.append(sha256).append("  ").append(path) += '\n';
    return;
  }
  out.append("\\").append(sha256).append("  ");
  for (char c : path) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  out += '\n';
}

}  // namespace

std::string ChecksumLine(const std::string& sha256, const std::string& path) {
  std::string line;
  AppendChecksumLine(line, sha256, path);
  return line;
}

std::map<std::string, std::string> ParseChecksums(std::string_view text) {
  std::map<std::string, std::string> out;
  ForEachChecksum(text, [&](std::string_view path, std::string_view sha256, bool) {
    out[std::string(path)] = std::string(sha256);
  });
  return out;
}

std::unique_ptr<const KeptChecksums> ReadKeptChecksums(const fs::path& kept) {
  auto sums = std::make_unique<KeptChecksums>();
  sums->text.Read(kept.string());  // (empty where it cannot be read)
  ForEachChecksum(sums->text.view(), [&](std::string_view path, std::string_view sha256, bool escaped) {
    if (escaped) path = sums->unescaped.emplace_back(path);
    sums->lines.emplace_back(path, sha256);
  });
  auto by_path = [](const auto& a, const auto& b) { return a.first < b.first; };
  if (!std::is_sorted(sums->lines.begin(), sums->lines.end(), by_path))  // not as gongkai wrote it
    std::stable_sort(sums->lines.begin(), sums->lines.end(), by_path);
  return sums;
}

bool SameFilesAsKept(const std::vector<PlacedFile>& files, const KeptChecksums& kept,
                     std::string_view& marker_sha256) {
  marker_sha256 = {};
  size_t i = 0;
  for (const auto& [path, sha256] : kept.lines) {
    if (path == kSiteMarker) {
      marker_sha256 = sha256;
      continue;
    }
    if (i == files.size() || files[i].path != path) return false;
    ++i;
  }
  return i == files.size() && !marker_sha256.empty();
}

bool WriteChecksums(const fs::path& site, const fs::path& kept,
                    const std::vector<PlacedFile>& placed, unsigned jobs, ChecksumCount& count,
                    std::string& error) {
  return WriteChecksums(site, kept, *ReadKeptChecksums(kept), placed, jobs, count, error);
}

bool WriteChecksums(const fs::path& site, const fs::path& kept, const KeptChecksums& kept_sums,
                    const std::vector<PlacedFile>& placed, unsigned jobs, ChecksumCount& count,
                    std::string& error) {
  std::vector<const PlacedFile*> files;
  for (const auto& f : placed)
    if (Checksummed(f.path)) files.push_back(&f);
  const std::vector<KnownSum> known = Known(kept_sums, files);
  // The site is about to change: until KeepChecksums records it again, no build may take the
  // kept checksums for its files (a publish stopped midway leaves files of two builds).
  boost::system::error_code ec;
  fs::remove(kept, ec);

  // Each file's hash, on every thread: as written, else the previous site's, else read (only
  // those are kept here).
  std::vector<std::string> hashes(files.size());
  std::atomic<size_t> next{0}, hashed{0};
  std::mutex mutex;
  auto work = [&] {
    for (size_t i; (i = next++) < files.size();) {
      const PlacedFile& f = *files[i];
      if (!f.sha256.empty()) {  // hashed as it was written
        ++hashed;
        continue;
      }
      if (!known[i].sha256.empty()) continue;  // linked from the previous site
      std::string bytes;
      const std::string path = (site / std::string(f.path)).string();
      if (!ReadWholeFile(path, bytes)) {
        std::lock_guard<std::mutex> lock(mutex);
        error = "cannot read " + path + " to checksum it";
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

  // The lines: those of files linked from the previous site as the kept text holds them (runs
  // of it, not copied: ~18 MB at N = 10,000), the others made; written as pieces.
  pages::Spliced sums(kept_sums.text.view());
  std::string line;
  for (size_t i = 0; i < files.size(); ++i) {
    if (files[i]->sha256.empty() && !known[i].line.empty()) {
      sums.AddPrevious(known[i].line);
      continue;
    }
    const std::string_view sha256 = !files[i]->sha256.empty() ? std::string_view(files[i]->sha256)
                                    : !known[i].sha256.empty() ? known[i].sha256
                                                               : std::string_view(hashes[i]);
    line.clear();
    AppendChecksumLine(line, sha256, files[i]->path);
    sums.AddMade(line);
  }
  if (!WriteFileAtomically((site / kChecksumsFile).string(), sums.Pieces())) {
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
