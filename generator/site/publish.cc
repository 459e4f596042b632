// The rules for the output folder and the atomic publish (see publish.h).
#include "site/publish.h"

#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include <boost/filesystem.hpp>

#include "site/files.h"

namespace gongkai::site {

namespace fs = boost::filesystem;

namespace {

constexpr const char* kCacheMarker = ".gongkai-cache";
// Files written into the staging folder after the marker (checksums over the whole site,
// marker included): they belong to the site although the marker cannot list them.
const std::set<std::string> kWrittenAfterMarker = {kChecksumsFile};
constexpr const char* kMarkerHeader =
    "gongkai site: this folder was made by `gongkai build`, which replaces it, and only it, on "
    "the next build. Its files (bytes below 0x20 and % as %XX):\n";

model::Diagnostic Error(std::string message, std::string rule = "output") {
  return {model::Diagnostic::Severity::kError, 0, std::move(message), std::move(rule)};
}

// A path in the marker: one line, so line breaks and control bytes are percent-escaped.
std::string EscapeLine(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (c < 0x20 || c == '%' || c == 0x7f) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string UnescapeLine(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = i + 2 < s.size() ? HexDigit(s[i + 1]) : -1;
    int lo = i + 2 < s.size() ? HexDigit(s[i + 2]) : -1;
    if (s[i] == '%' && hi >= 0 && lo >= 0) {
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Every file under `root` (a symbolic link is listed, not followed), as sorted relative paths.
// fts with FTS_NOSTAT tells folders from files by the type the folder listing gives, where
// boost's directory iterator stats every entry (a published site has 144k at N = 10,000).
std::vector<std::string> FilesUnder(const fs::path& root) {
  std::vector<std::string> files;
  std::string top = root.string();
  char* roots[] = {top.data(), nullptr};
  FTS* fts = ::fts_open(roots, FTS_PHYSICAL | FTS_NOSTAT | FTS_NOCHDIR, nullptr);
  if (!fts) return files;
  const size_t prefix = top.size() + (top.back() == '/' ? 0 : 1);
  while (FTSENT* e = ::fts_read(fts)) {
    const int info = e->fts_info;
    if (info == FTS_D || info == FTS_DP || info == FTS_DC || info == FTS_DNR || info == FTS_ERR)
      continue;
    if (e->fts_pathlen > prefix) files.emplace_back(e->fts_path + prefix);
  }
  ::fts_close(fts);
  std::sort(files.begin(), files.end());
  return files;
}

// The files a site's marker lists; false when `site` has no marker.
bool ReadInventory(const fs::path& site, std::set<std::string>& files) {
  std::string text;
  if (!ReadWholeFile((site / kSiteMarker).string(), text)) return false;
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line))
    if (!line.empty()) files.insert(UnescapeLine(line));
  return true;
}

std::string Inventory(const std::vector<std::string>& files) {
  std::string out = kMarkerHeader;
  for (const auto& f : files) {
    if (f == kSiteMarker || kWrittenAfterMarker.count(f)) continue;
    out += EscapeLine(f);
    out += '\n';
  }
  return out;
}

bool IsEmptyDir(const fs::path& p) {
  boost::system::error_code ec;
  return fs::directory_iterator(p, ec) == fs::directory_iterator();
}

// --out with symbolic links resolved: a link is followed to its target (which may not exist
// yet), so the site is built and exchanged where the link points and the link stays.
fs::path ResolveOut(const std::string& out_dir) {
  boost::system::error_code ec;
  fs::path p = fs::absolute(out_dir);
  for (int hops = 0; hops < 40 && fs::is_symlink(p, ec); ++hops) {
    fs::path target = fs::read_symlink(p, ec);
    if (ec) break;
    p = target.is_absolute() ? target : p.parent_path() / target;
  }
  fs::path canonical = fs::weakly_canonical(p, ec);
  return (ec ? p : canonical).lexically_normal();
}

// "a" is "b" or contains it.
bool Contains(const fs::path& a, const fs::path& b) {
  auto ai = a.begin(), bi = b.begin();
  for (; ai != a.end(); ++ai, ++bi)
    if (bi == b.end() || *ai != *bi) return false;
  return true;
}

// A folder beside the site with one of gongkai's names (staging, cache) must carry `marker`.
bool OursOrAbsent(const fs::path& p, const char* marker, bool force,
                  std::vector<model::Diagnostic>& errors) {
  boost::system::error_code ec;
  if (!fs::exists(fs::symlink_status(p, ec))) return true;
  if (fs::is_directory(fs::symlink_status(p, ec)) && fs::exists(p / marker, ec)) return true;
  if (force) return true;
  errors.push_back(Error(p.string() + " exists and was not made by gongkai (no " +
                         std::string(marker) + "); gongkai uses that name beside the site: move "
                         "it away, or pass --force to let the build replace it"));
  return false;
}

// The output folder may be replaced: it is absent, empty, or a site gongkai made (--force: any
// folder). Only looks; the walk over the site's files is OwnFilesOnly.
bool SiteReplaceable(const fs::path& out, bool force, bool& has_site,
                     std::vector<model::Diagnostic>& errors) {
  boost::system::error_code ec;
  has_site = false;
  auto st = fs::status(out, ec);
  if (!fs::exists(st)) return true;
  if (!fs::is_directory(st)) {
    errors.push_back(Error("--out " + out.string() + " is a file, not a folder; name a folder "
                           "for the site"));
    return false;
  }
  if (IsEmptyDir(out)) return true;
  has_site = true;
  if (force || fs::exists(out / kSiteMarker, ec)) return true;
  errors.push_back(Error(out.string() + " is not empty and is not a site gongkai built (it has "
                         "no " + std::string(kSiteMarker) + "); choose a new or empty folder "
                         "for --out, or pass --force to replace it and everything in it"));
  return false;
}

bool IsTemp(const std::string& f) {
  const size_t n = std::strlen(kTempSuffix);
  return f.size() > n && f.compare(f.size() - n, std::string::npos, kTempSuffix) == 0;
}

// Every file in the site is one the last build made (--force: whatever is there). `exact`:
// the site holds nothing else, not even a temporary file of a publish in place.
bool OwnFilesOnly(const fs::path& out, bool force, bool& exact,
                  std::vector<model::Diagnostic>& errors) {
  exact = false;
  std::set<std::string> inventory;
  if (force || !ReadInventory(out, inventory)) return true;
  std::vector<std::string> unknown;
  bool temps = false;
  for (const auto& f : FilesUnder(out)) {
    if (f == kSiteMarker || kWrittenAfterMarker.count(f) || inventory.count(f)) continue;
    if (IsTemp(f)) temps = true;
    else unknown.push_back(f);
  }
  exact = !temps && unknown.empty();
  if (unknown.empty()) return true;
  std::string list;
  for (size_t i = 0; i < unknown.size() && i < 3; ++i)
    list += (i ? ", " : "") + (out / unknown[i]).string();
  if (unknown.size() > 3) list += " and " + std::to_string(unknown.size() - 3) + " more";
  const bool many = unknown.size() > 1;
  const std::string them = many ? "them" : "it";
  errors.push_back(Error(list + (many ? " were" : " was") + " not made by gongkai (the last build "
                         "did not write " + them + "); move " + them + " out of " + out.string() +
                         ", or pass --force to let the build remove " + them));
  return false;
}

// Copies `from` over `to` in place: through a temporary file beside `to` and a rename.
bool ReplaceFile(const fs::path& from, const fs::path& to) {
  boost::system::error_code size_ec, ec;
  std::string a, b;
  if (fs::file_size(from, size_ec) == fs::file_size(to, size_ec) && !size_ec &&
      ReadWholeFile(from.string(), a) && ReadWholeFile(to.string(), b) && a == b)
    return true;
  fs::create_directories(to.parent_path(), ec);
  fs::path tmp = to.parent_path() / (to.filename().string() + kTempSuffix);
  return CopyWholeFile(from.string(), tmp.string()) && ::rename(tmp.c_str(), to.c_str()) == 0;
}

// Where exchanging is impossible: replace the files of `out` one by one (see publish.h).
bool PublishInPlace(const OutputPlan& plan, std::vector<model::Diagnostic>& errors) {
  std::set<std::string> old_files, new_files;
  ReadInventory(plan.out, old_files);
  ReadInventory(plan.staging, new_files);
  // First a marker that lists both builds' files, so a build stopped midway leaves a site
  // whose every file the next build knows as its own.
  std::set<std::string> both = old_files;
  both.insert(new_files.begin(), new_files.end());
  if (!WriteFileAtomically((plan.out / kSiteMarker).string(),
                           Inventory(std::vector<std::string>(both.begin(), both.end())))) {
    errors.push_back(Error("cannot write " + (plan.out / kSiteMarker).string()));
    return false;
  }
  // Pages in folders first, then those at the root, the index last: a page is in place
  // before most pages that link to it.
  std::vector<std::string> files = FilesUnder(plan.staging);
  auto rank = [](const std::string& f) {
    if (f == kSiteMarker) return 3;
    if (f.rfind("index.", 0) == 0) return 2;
    return f.find('/') == std::string::npos ? 1 : 0;
  };
  std::stable_sort(files.begin(), files.end(),
                   [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
  for (const auto& f : files) {
    if (!ReplaceFile(plan.staging / f, plan.out / f)) {
      errors.push_back(Error("cannot write " + (plan.out / f).string() +
                             "; the site holds files of both builds until the next build"));
      return false;
    }
  }
  // Stale files last, and anything a stopped build left half-copied.
  boost::system::error_code ec;
  for (const auto& f : old_files)
    if (!new_files.count(f)) fs::remove(plan.out / f, ec);
  for (const auto& f : FilesUnder(plan.out))
    if (IsTemp(f)) fs::remove(plan.out / f, ec);
  // Folders left empty by the removals, deepest first.
  std::vector<fs::path> dirs;
  for (fs::recursive_directory_iterator it(plan.out, ec), end; !ec && it != end; it.increment(ec))
    if (fs::is_directory(it->symlink_status())) dirs.push_back(it->path());
  std::sort(dirs.rbegin(), dirs.rend());
  for (const auto& d : dirs)
    if (IsEmptyDir(d)) fs::remove(d, ec);
  fs::remove_all(plan.staging, ec);
  return true;
}

// The spare (publish.h) as the staging folder, when its mark says it is complete: the mark is
// removed before anything in it changes, so a spare whose update is stopped is not used again.
// Its files are those its marker lists, the marker and SHA256SUMS.
bool RecycleSpare(OutputPlan& plan) {
  if (::unlink((plan.staging / kSpareMarker).c_str()) != 0) return false;
  std::set<std::string> files;
  if (!ReadInventory(plan.staging, files)) return false;
  plan.staged = {files.begin(), files.end()};
  plan.staged.insert(kSiteMarker);
  for (const auto& f : kWrittenAfterMarker) plan.staged.insert(f);
  return true;
}

// After the exchange: the staging folder (the previous site) is kept as the spare when the
// build wrote at most 1 / kSpareShare of the site's bytes, else deleted.
void KeepOrDropSpare(const OutputPlan& plan, const SiteBytes& bytes) {
  if (plan.site_exact && bytes.written * kSpareShare <= bytes.total) {
    std::ofstream mark((plan.staging / kSpareMarker).string(), std::ios::binary);
    mark << "gongkai spare: the site as it was before the last build, kept so that the next "
            "build updates it in place; gongkai deletes it when it is not whole.\n";
    if (mark.flush()) return;
  }
  boost::system::error_code ec;
  fs::remove_all(plan.staging, ec);
}

}  // namespace

BuildLock::~BuildLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

bool BuildLock::Acquire(const fs::path& cache, const fs::path& site,
                        std::vector<model::Diagnostic>& errors) {
  const std::string path = (cache / "lock").string();
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) {
    errors.push_back(Error("cannot open " + path + ": " + std::strerror(errno)));
    return false;
  }
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    std::string pid;
    ReadWholeFile(path, pid);
    while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
    errors.push_back(Error("another gongkai build" + (pid.empty() ? "" : " (process " + pid + ")") +
                           " is building " + site.string() +
                           "; wait for it to finish, then build again", "output-locked"));
    ::close(fd_);
    fd_ = -1;
    return false;
  }
  std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd_, 0) != 0 || ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
    // The lock holds without the process number; only the message of a second build loses it.
  }
  return true;
}

bool PlanOutput(const OutputOptions& options, OutputPlan& plan, BuildLock& lock,
                std::vector<model::Diagnostic>& errors) {
  boost::system::error_code ec;
  plan.out = ResolveOut(options.out_dir);
  if (plan.out.filename().empty() || plan.out == plan.out.root_path()) {
    errors.push_back(Error("--out must name a folder of its own, not " + options.out_dir));
    return false;
  }
  for (const auto& input : options.inputs) {
    fs::path in = ResolveOut(input);
    const char* how = plan.out == in              ? "is"
                      : Contains(plan.out, in)    ? "contains"
                      : Contains(in, plan.out)    ? "is inside"
                                                  : nullptr;
    if (how) {
      errors.push_back(Error("--out " + plan.out.string() + " " + how + " the input folder " +
                             in.string() + ", which the build would overwrite; choose a folder of "
                             "its own for the site"));
      return false;
    }
  }
  const std::string name = plan.out.filename().string();
  plan.staging = plan.out.parent_path() / (name + ".building");
  plan.cache = plan.out.parent_path() / (name + ".cache");

  // Look before writing anything: the site, the staging folder and the cache beside it.
  if (!SiteReplaceable(plan.out, options.force, plan.has_site, errors) ||
      !OursOrAbsent(plan.staging, kSiteMarker, options.force, errors) ||
      !OursOrAbsent(plan.cache, kCacheMarker, options.force, errors))
    return false;
  // The cache holds the lock; everything after it happens under the lock.
  if (fs::exists(fs::symlink_status(plan.cache, ec)) && !fs::exists(plan.cache / kCacheMarker, ec))
    fs::remove_all(plan.cache, ec);  // forced
  ec.clear();
  fs::create_directories(plan.cache, ec);
  if (!ec && !fs::exists(plan.cache / kCacheMarker)) {
    std::ofstream marker((plan.cache / kCacheMarker).string(), std::ios::binary);
    marker << "gongkai build cache of " << plan.out.string() << "\n";
  }
  if (ec || !fs::is_directory(plan.cache)) {
    errors.push_back(Error("cannot create " + plan.cache.string() + ": " + ec.message()));
    return false;
  }
  if (!lock.Acquire(plan.cache, plan.out, errors)) return false;
  if (!OwnFilesOnly(plan.out, options.force, plan.site_exact, errors)) return false;
  if (RecycleSpare(plan)) return true;
  fs::remove_all(plan.staging, ec);  // a stopped build's, a spare not kept whole, or forced
  ec.clear();
  fs::create_directories(plan.staging, ec);
  if (!ec) {
    // Marked from the start, so the folder of a build that was stopped is known as ours.
    std::ofstream marker((plan.staging / kSiteMarker).string(), std::ios::binary);
    marker << kMarkerHeader;
    if (!marker) ec = boost::system::errc::make_error_code(boost::system::errc::io_error);
  }
  plan.staged = {kSiteMarker};
  if (ec) {
    errors.push_back(Error("cannot create " + plan.staging.string() + ": " + ec.message()));
    return false;
  }
  return true;
}

bool WriteSiteMarker(Output& output, std::vector<PlacedFile>& files,
                     std::vector<model::Diagnostic>& errors) {
  std::vector<std::string> paths;
  paths.reserve(files.size());
  for (const auto& f : files) paths.push_back(f.path);
  // The same files as the previous site: Output links its marker, like every unchanged page,
  // so an unchanged rebuild writes (and checksums) nothing.
  if (!output.Write(kSiteMarker, Inventory(paths))) {
    errors.push_back(Error("cannot write the marker " + std::string(kSiteMarker)));
    return false;
  }
  PlacedFile marker = output.Find(kSiteMarker);
  auto by_path = [](const PlacedFile& a, const PlacedFile& b) { return a.path < b.path; };
  files.insert(std::lower_bound(files.begin(), files.end(), marker, by_path), marker);
  return true;
}

bool Publish(const OutputPlan& plan, const SiteBytes& bytes,
             std::vector<model::Diagnostic>& errors) {
  boost::system::error_code ec;
  const bool exists = fs::exists(fs::symlink_status(plan.out, ec));
  int flags = exists ? RENAME_EXCHANGE : RENAME_NOREPLACE;
  if (::renameat2(AT_FDCWD, plan.staging.c_str(), AT_FDCWD, plan.out.c_str(), flags) == 0) {
    // The staging folder now holds the previous site.
    if (exists) KeepOrDropSpare(plan, bytes);
    return true;
  }
  const int err = errno;
  if (!exists && (err == EINVAL || err == ENOSYS) &&
      ::rename(plan.staging.c_str(), plan.out.c_str()) == 0)
    return true;
  // A mount point (EBUSY, or EXDEV: another file system than the staging folder), or a file
  // system without exchange: the files are replaced in place.
  if (exists && (err == EBUSY || err == EXDEV || err == EINVAL || err == ENOSYS ||
                 err == EOPNOTSUPP))
    return PublishInPlace(plan, errors);
  errors.push_back(Error("cannot move the new site " + plan.staging.string() + " into " +
                         plan.out.string() + ": " + std::strerror(err)));
  return false;
}

}  // namespace gongkai::site
