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
#include <exception>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string_view>
#include <thread>
#include <vector>

#include <boost/filesystem.hpp>

#include "ingest/sha256.h"
#include "model/line_fields.h"
#include "site/files.h"

namespace gongkai::site {

namespace fs = boost::filesystem;

namespace {

constexpr const char* kCacheMarker = ".gongkai-cache";
// Files written into the staging folder after the marker (checksums over the whole site,
// marker included): they belong to the site although the marker cannot list them.
const std::set<std::string, std::less<>> kWrittenAfterMarker = {kChecksumsFile};
constexpr const char* kMarkerHeader =
    "gongkai site: this folder was made by `gongkai build`, which replaces it, and only it, on "
    "the next build. Its files (bytes below 0x20 and % as %XX):\n";

model::Diagnostic Error(std::string message, std::string rule = "output") {
  return {model::Diagnostic::Severity::kError, 0, std::move(message), std::move(rule)};
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

// The files a site's marker lists, into `files` (a std::set or std::unordered_set); false when
// `site` has no marker. Its lines are read in place (a marker lists ~150k files at N = 10,000).
template <typename Files>
bool ReadInventory(const fs::path& site, Files& files) {
  FileBytes text;
  if (!text.Read((site / kSiteMarker).string())) return false;
  std::string_view rest = text.view();
  const size_t header = rest.find('\n');
  rest.remove_prefix(header == std::string_view::npos ? rest.size() : header + 1);
  while (!rest.empty()) {
    const size_t end = std::min(rest.find('\n'), rest.size());
    if (end > 0) files.insert(UnescapeLine(rest.substr(0, end)));
    rest.remove_prefix(std::min(rest.size(), end + 1));
  }
  return true;
}

// The same into a PathSet: the marker's lines kept as they are read, mapped (a spare's, ~160,000
// at N = 10,000), not copied a string each.
bool ReadInventory(const fs::path& site, PathSet& files) {
  FileBytes text;
  if (!text.Read((site / kSiteMarker).string())) return false;
  const size_t header = text.view().find('\n');
  const size_t skip = header == std::string_view::npos ? text.view().size() : header + 1;
  files.ReadLines(std::move(text), skip);
  return true;
}

// The marker's text listing `files` (paths, or the files placed: their paths, not copied).
std::string_view PathOf(const std::string& f) { return f; }
std::string_view PathOf(const PlacedFile& f) { return f.path; }

template <typename Files>
std::string Inventory(const Files& files) {
  std::string out = kMarkerHeader;
  for (const auto& file : files) {
    const std::string_view f = PathOf(file);
    if (f == kSiteMarker || kWrittenAfterMarker.count(f)) continue;
    AppendEscapedLine(out, f);
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

// The site's folders as NoteSiteFolders left them, in the cache: a header, then a line for
// each folder (its inode, its change time in ns, its path in the site escaped as in the
// marker, "" for the site itself). The spare's (kSpareFolders) the same, its header followed by
// a line "bytes <n>": the bytes of its own files (SpareLeft::own_bytes).
constexpr const char* kFoldersFile = "folders";
constexpr const char* kFoldersHeader = "gongkai site folders 1\n";
constexpr const char* kSpareFolders = "spare-folders";
constexpr const char* kSpareFoldersHeader = "gongkai spare folders 1\n";

// The stamp noted for a folder the spare lacks (no folder has inode 0): the site's new folders
// (an added disclosure's) hold only files the build wrote, which the spare's mark lists. While
// there is still nothing at that path, no file has come into the spare there.
constexpr const char* kAbsentStamp = "0 0";

// A folder under `root` open as `dir` (O_PATH): its stamp, "" when it is not a folder
// (`absent`: kAbsentStamp when nothing is there). Looked up from the root's descriptor, not by
// its whole path: a site has a folder for each disclosure's originals, and its folders and the
// spare's are stamped at every build.
std::string FolderStamp(int dir, const std::string& folder, bool absent = false) {
  struct stat st;
  if (::fstatat(dir, folder.empty() ? "." : folder.c_str(), &st, 0) != 0)
    return absent && errno == ENOENT ? kAbsentStamp : "";
  if (!S_ISDIR(st.st_mode)) return "";
  return std::to_string(st.st_ino) + ' ' +
         std::to_string(static_cast<int64_t>(st.st_ctim.tv_sec) * 1000000000 + st.st_ctim.tv_nsec);
}

// `root` open for FolderStamp, closed when it goes.
class Root {
 public:
  explicit Root(const fs::path& root) : fd_(::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC)) {}
  ~Root() {
    if (fd_ >= 0) ::close(fd_);
  }
  Root(const Root&) = delete;
  Root& operator=(const Root&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// The stamps of `folders` under `root` (FolderStamp, in their order), taken on two threads
// where there are many: a site has a folder for each disclosure's originals, and a build stamps
// its folders and the spare's twice (PlanOutput, NoteSiteFolders), ~40,000 stats at N = 10,000
// on the build's one thread otherwise. "" for each where `root` cannot be opened.
std::vector<std::string> FolderStamps(const fs::path& root, const std::vector<std::string>& folders,
                                      bool absent) {
  std::vector<std::string> stamps(folders.size());
  const Root dir(root);
  if (dir.fd() < 0) return stamps;
  auto stamp = [&](size_t from, size_t to) {
    for (size_t i = from; i < to; ++i) stamps[i] = FolderStamp(dir.fd(), folders[i], absent);
  };
  const size_t half = folders.size() / 2;
  if (folders.size() < 256 || std::thread::hardware_concurrency() < 2) {
    stamp(0, folders.size());
    return stamps;
  }
  std::thread other(stamp, half, folders.size());
  stamp(0, half);
  other.join();
  return stamps;
}

// Whether every folder the note `lines` names under `root` is as noted there (a file made,
// removed or renamed in a folder changes the folder's change time, which no one can set back).
bool FoldersAsNoted(const fs::path& root, std::string_view lines, FolderStampList& proved) {
  std::vector<std::string> folders;
  std::vector<std::string_view> noted;
  while (!lines.empty()) {
    const size_t end = std::min(lines.find('\n'), lines.size());
    const std::string_view line = lines.substr(0, end);
    lines.remove_prefix(std::min(lines.size(), end + 1));
    const size_t ino = line.find(' '), path = ino == std::string_view::npos ? ino : line.find(' ', ino + 1);
    if (path == std::string_view::npos) return false;
    folders.push_back(UnescapeLine(line.substr(path + 1)));
    noted.push_back(line.substr(0, path));
  }
  if (folders.empty()) return false;
  const std::vector<std::string> stamps = FolderStamps(root, folders, true);
  for (size_t i = 0; i < folders.size(); ++i)
    if (stamps[i] != noted[i]) return false;
  proved.clear();
  proved.reserve(folders.size());
  for (size_t i = 0; i < folders.size(); ++i) proved.emplace_back(std::move(folders[i]), stamps[i]);
  return true;
}

// The note of `folders` under `root` (their stamps and paths, one a line); "" when one of them
// is not a folder there (`absent`: when one of them is something else than a folder; one that
// is not there at all is noted as kAbsentStamp). A folder with a stamp in `known` (by folder,
// in order), not in `touched` and not the root is noted with that stamp, not looked at.
std::string FoldersNote(const fs::path& root, const std::set<std::string>& folders, bool absent,
                        const FolderStampList& known = {},
                        const std::unordered_set<std::string>& touched = {}) {
  std::vector<std::string> stamps(folders.size()), look;
  std::vector<size_t> looked;  // where in `stamps` each of `look` goes
  auto k = known.begin();
  size_t i = 0;
  for (const auto& folder : folders) {
    while (k != known.end() && k->first < folder) ++k;
    if (!folder.empty() && k != known.end() && k->first == folder && !touched.count(folder)) {
      stamps[i++] = k->second;
      continue;
    }
    look.push_back(folder);
    looked.push_back(i++);
  }
  const std::vector<std::string> fresh = FolderStamps(root, look, absent);
  for (size_t j = 0; j < look.size(); ++j) stamps[looked[j]] = fresh[j];
  std::string note;
  i = 0;
  for (const auto& folder : folders) {
    if (stamps[i].empty()) return "";
    note += stamps[i++] + ' ' + EscapeLine(folder) + '\n';
  }
  return note;
}

// Whether every folder of the site is as the last build left it (NoteSiteFolders), so that
// no file has come into it or left it since. PlanOutput removes the note once it has prepared
// the staging folder: the site is about to change.
bool SiteFoldersUnchanged(OutputPlan& plan) {
  std::string text;
  return ReadWholeFile((plan.cache / kFoldersFile).string(), text) &&
         text.rfind(kFoldersHeader, 0) == 0 &&
         FoldersAsNoted(plan.out, text.substr(std::strlen(kFoldersHeader)), plan.site_folders);
}

// Whether every folder of the spare is as the last build left it once it was marked
// (NoteSiteFolders), so that every file its mark does not list is there still, the site's
// own; then `own_bytes` is what the note says of them. Call it before the mark is removed.
bool SpareFoldersUnchanged(OutputPlan& plan, uint64_t& own_bytes) {
  std::string text;
  if (!ReadWholeFile((plan.cache / kSpareFolders).string(), text) ||
      text.rfind(kSpareFoldersHeader, 0) != 0)
    return false;
  text.erase(0, std::strlen(kSpareFoldersHeader));
  const size_t end = text.find('\n');
  if (end == std::string::npos || text.compare(0, 6, "bytes ") != 0 ||
      !model::WholeNumber(std::string_view(text).substr(6, end - 6), own_bytes))
    return false;
  return FoldersAsNoted(plan.staging, text.substr(end + 1), plan.spare_folders);
}

// Every file in the site is one the last build made (--force: whatever is there). `exact`:
// the site holds nothing else, not even a temporary file of a publish in place. `unchanged`:
// the site's folders are as the last build left them (SiteFoldersUnchanged): it is not walked.
bool OwnFilesOnly(const fs::path& out, bool force, bool unchanged, bool& exact,
                  std::vector<model::Diagnostic>& errors) {
  exact = false;
  if (force) return true;
  if (unchanged && fs::exists(out / kSiteMarker)) {
    exact = true;
    return true;
  }
  std::set<std::string> inventory;
  if (!ReadInventory(out, inventory)) return true;
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
                           Inventory(both))) {
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

// The spare's mark: a header, then the paths (escaped as in the marker) at which the spare's
// file is not the published site's own. Written whole or not at all (a temporary file renamed).
constexpr const char* kSpareHeader =
    "gongkai spare: a copy of the site (mostly hard links to its files), kept so that the next "
    "build updates it in place; gongkai deletes it when it is not whole. Its files that are not "
    "the site's own:\n";

bool MarkSpare(const fs::path& staging, const std::vector<std::string>& differs) {
  std::string mark = kSpareHeader;
  for (const auto& f : differs) mark += EscapeLine(f) + '\n';
  return WriteFileAtomically((staging / kSpareMarker).string(), mark);
}

// The spare (publish.h) as the staging folder, when its mark says it is complete: the mark is
// read, then removed before anything in the spare changes, so a spare whose update is stopped
// is not used again. Its files are those its marker lists, the marker and SHA256SUMS. Where
// its folders are as the last build noted them after marking it, that is proven without a look
// at its files (plan.spare_proven).
bool RecycleSpare(OutputPlan& plan) {
  const fs::path mark = plan.staging / kSpareMarker;
  std::string text;
  if (!ReadWholeFile(mark.string(), text) || text.rfind(kSpareHeader, 0) != 0) return false;
  plan.spare_proven = SpareFoldersUnchanged(plan, plan.spare_bytes);  // (the mark still there)
  if (::unlink(mark.c_str()) != 0) return false;
  if (!ReadInventory(plan.staging, plan.staged)) return false;
  std::istringstream lines(text.substr(std::strlen(kSpareHeader)));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) plan.spare_differs.insert(UnescapeLine(line));
  plan.staged.Insert(kSiteMarker);
  for (const auto& f : kWrittenAfterMarker) plan.staged.Insert(f);
  plan.spare = true;
  return true;
}

// A spare made of hard links to every file of the new site (publish.h): the staging folder
// emptied, the marker linked first (so a folder whose linking is stopped is known as gongkai's,
// and without the mark it is thrown away), then the files the marker lists and those written
// after it, then the mark, which lists nothing. Where a file cannot be linked, no spare.
bool LinkSpare(const OutputPlan& plan) {
  boost::system::error_code ec;
  fs::remove_all(plan.staging, ec);
  std::set<std::string> files;
  if (!ReadInventory(plan.out, files)) return false;
  files.insert(kWrittenAfterMarker.begin(), kWrittenAfterMarker.end());
  fs::create_directories(plan.staging, ec);
  bool linked = !ec && ::link((plan.out / kSiteMarker).c_str(),
                              (plan.staging / kSiteMarker).c_str()) == 0;
  fs::path made = plan.staging;
  for (auto f = files.begin(); linked && f != files.end(); ++f) {
    const fs::path to = plan.staging / *f;
    if (to.parent_path() != made) {
      made = to.parent_path();
      fs::create_directories(made, ec);
    }
    linked = ::link((plan.out / *f).c_str(), to.c_str()) == 0;
  }
  if (linked && MarkSpare(plan.staging, {})) return true;
  fs::remove_all(plan.staging, ec);
  return false;
}

// The previous site in the staging folder brought near the new one: each of the files the
// build wrote (`written`) that the previous site has too is replaced by a hard link to the new
// site's (a link made under a temporary name and renamed over it), and its files the new site
// does not have are removed, so the spare keeps none of their old bytes. The marker stays the
// previous site's (it lists the files removed, whose folders the next build removes when they
// are left empty), so it, and the files written after it, still differ. `apart`: the bytes of
// the files written that the spare does not hold (new ones) and of the marker. False when a
// file cannot be linked.
bool RelinkSpare(const OutputPlan& plan, std::vector<std::string>& written, uint64_t& apart,
                 std::unordered_set<std::string>& touched) {
  std::set<std::string> before, after;
  if (!ReadInventory(plan.staging, before) || !ReadInventory(plan.out, after)) return false;
  for (const auto& f : before)
    if (!after.count(f)) {
      touched.insert(FolderOf(f));
      ::unlink((plan.staging / f).c_str());
    }
  struct stat st;
  apart = ::lstat((plan.out / kSiteMarker).c_str(), &st) == 0 ? st.st_size : 0;
  for (const auto& f : written) {
    const fs::path to = plan.staging / f, tmp = to.string() + kTempSuffix;
    if (f == kSiteMarker) continue;
    if (::lstat(to.c_str(), &st) != 0) {  // a new file: not there
      if (::lstat((plan.out / f).c_str(), &st) == 0) apart += static_cast<uint64_t>(st.st_size);
      continue;
    }
    touched.insert(FolderOf(f));
    if (::link((plan.out / f).c_str(), tmp.c_str()) != 0 || ::rename(tmp.c_str(), to.c_str()) != 0)
      return false;
  }
  written = {kSiteMarker};
  return true;
}

// After the exchange: the staging folder (the previous site) is kept as the spare, its mark
// listing the files where it is not the new site (`written`, and SHA256SUMS). Where the build
// wrote more than 1 / kSpareShare of the site's bytes, its written files are linked to the new
// site's first (RelinkSpare), so the spare does not double the disk. Where the previous site
// held files its marker does not list, a spare of links to the new site is made instead.
SpareLeft KeepOrLinkSpare(const OutputPlan& plan, const SiteBytes& bytes,
                          std::vector<std::string> written) {
  SpareLeft spare;
  if (plan.site_exact) {
    uint64_t apart = bytes.written;  // the bytes of the new site's files the spare lacks
    if (bytes.written * kSpareShare <= bytes.total ||
        RelinkSpare(plan, written, apart, spare.touched)) {
      written.insert(written.end(), kWrittenAfterMarker.begin(), kWrittenAfterMarker.end());
      if (MarkSpare(plan.staging, written)) {
        spare.kept = spare.aside = true;
        spare.own_bytes = bytes.total - std::min(apart, bytes.total);
        return spare;
      }
    }
  }
  spare = SpareLeft();
  spare.kept = LinkSpare(plan);
  spare.own_bytes = bytes.total;
  return spare;
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
  const bool unchanged = SiteFoldersUnchanged(plan);
  if (!OwnFilesOnly(plan.out, options.force, unchanged, plan.site_exact, errors)) return false;
  const bool spare = RecycleSpare(plan);
  // (After the spare's mark: see RecycleSpare.)
  for (const char* note : {kFoldersFile, kSpareFolders}) ::unlink((plan.cache / note).c_str());
  if (spare) return true;
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

namespace {

// The marker as placed, into `files` (by path).
void AddMarker(Output& output, std::vector<PlacedFile>& files) {
  PlacedFile marker = output.Find(kSiteMarker);
  auto by_path = [](const PlacedFile& a, const PlacedFile& b) { return a.path < b.path; };
  files.insert(std::lower_bound(files.begin(), files.end(), marker, by_path), marker);
}

}  // namespace

bool WriteSiteMarker(Output& output, std::vector<PlacedFile>& files,
                     std::vector<model::Diagnostic>& errors) {
  // The same files as the previous site: Output links its marker, like every unchanged page,
  // so an unchanged rebuild writes (and checksums) nothing.
  if (!output.Write(kSiteMarker, Inventory(files))) {
    errors.push_back(Error("cannot write the marker " + std::string(kSiteMarker)));
    return false;
  }
  AddMarker(output, files);
  return true;
}

bool KeepSiteMarker(Output& output, std::vector<PlacedFile>& files, std::string_view sha256) {
  FileBytes bytes;
  if (sha256.size() != 64 || !output.ReadPrevious(kSiteMarker, bytes) ||
      ingest::Sha256Hex(bytes.view()) != sha256 || !output.Keep(kSiteMarker))
    return false;
  AddMarker(output, files);
  return true;
}

namespace {

// Runs `make` (the spare) on this thread and `published` on another, both once the new site is
// in place: at N = 10,000 a full build's spare is ~160,000 hard links and its cache ~200 MB of
// records, a few seconds each, one in the kernel's file system and one mostly in ours.
SpareLeft Meanwhile(const std::function<void()>& published, const std::function<SpareLeft()>& make) {
  std::exception_ptr failed;
  std::thread other([&] {
    try {
      published();
    } catch (...) {  // an exception must not escape a thread: rethrown once joined
      failed = std::current_exception();
    }
  });
  SpareLeft spare;
  try {
    spare = make();
  } catch (...) {
    other.join();
    throw;
  }
  other.join();
  if (failed) std::rethrow_exception(failed);
  return spare;
}

}  // namespace

bool Publish(const OutputPlan& plan, const SiteBytes& bytes,
             const std::vector<std::string>& written, SpareLeft& spare,
             std::vector<model::Diagnostic>& errors, const std::function<void()>& published) {
  boost::system::error_code ec;
  spare = SpareLeft();
  const bool exists = fs::exists(fs::symlink_status(plan.out, ec));
  int flags = exists ? RENAME_EXCHANGE : RENAME_NOREPLACE;
  if (::renameat2(AT_FDCWD, plan.staging.c_str(), AT_FDCWD, plan.out.c_str(), flags) == 0) {
    // The staging folder now holds the previous site, if there was one.
    spare = Meanwhile(published, [&] {
      if (exists) return KeepOrLinkSpare(plan, bytes, written);
      SpareLeft linked;
      linked.kept = LinkSpare(plan);
      linked.own_bytes = bytes.total;
      return linked;
    });
    spare.moved = true;
    return true;
  }
  const int err = errno;
  if (!exists && (err == EINVAL || err == ENOSYS) &&
      ::rename(plan.staging.c_str(), plan.out.c_str()) == 0) {
    spare = Meanwhile(published, [&] {
      SpareLeft linked;
      linked.kept = LinkSpare(plan);
      linked.own_bytes = bytes.total;
      return linked;
    });
    spare.moved = true;
    return true;
  }
  // A mount point (EBUSY, or EXDEV: another file system than the staging folder), or a file
  // system without exchange: the files are replaced in place.
  if (exists && (err == EBUSY || err == EXDEV || err == EINVAL || err == ENOSYS ||
                 err == EOPNOTSUPP)) {
    if (!PublishInPlace(plan, errors)) return false;
    published();
    return true;
  }
  errors.push_back(Error("cannot move the new site " + plan.staging.string() + " into " +
                         plan.out.string() + ": " + std::strerror(err)));
  return false;
}

void NoteSiteFolders(const OutputPlan& plan, const std::vector<PlacedFile>& files,
                     const SpareLeft& spare, const std::unordered_set<std::string>& touched) {
  std::set<std::string> folders{""};
  std::string_view last;
  for (const auto& f : files) {
    const std::string_view path = f.path;
    const std::string_view folder = path.substr(0, std::min(path.rfind('/'), path.size()));
    if (folder.size() == path.size() || folder == last) continue;
    last = folder;
    for (size_t end = 0; end != std::string_view::npos;) {  // the folder and those above it
      end = folder.find('/', end + 1);
      folders.emplace(folder.substr(0, end));
    }
  }
  // Not as the build made it: no note, the next build walks the site.
  // The new site is the staging folder: a proven spare's folders the build did not change are
  // as PlanOutput proved them.
  static const FolderStampList kNone;
  const FolderStampList& site_known =
      spare.moved && plan.spare && plan.spare_proven ? plan.spare_folders : kNone;
  if (const std::string note = FoldersNote(plan.out, folders, false, site_known, touched);
      !note.empty())
    WriteFileAtomically((plan.cache / kFoldersFile).string(), kFoldersHeader + note);
  // The spare holds the site's files (those its mark does not list) in the same folders:
  // every folder of a file the next build may take from it (Output::Keep) is noted. A folder
  // the new site has and the spare lacks (an added disclosure's) holds only files the build
  // wrote (the mark lists them): it is noted as absent, not a reason to note nothing (then the
  // build after an added disclosure looked at each of the spare's ~150,000 files at N = 10,000).
  if (!spare.kept) return;
  // The spare is the previous site moved aside: its folders that neither the build nor the
  // spare's making changed are as PlanOutput proved them (where it did: site_folders).
  const FolderStampList& spare_known = spare.aside ? plan.site_folders : kNone;
  if (const std::string note = FoldersNote(plan.staging, folders, true, spare_known, spare.touched);
      !note.empty())
    WriteFileAtomically((plan.cache / kSpareFolders).string(),
                        kSpareFoldersHeader + ("bytes " + std::to_string(spare.own_bytes)) + '\n' +
                            note);
}

}  // namespace gongkai::site
