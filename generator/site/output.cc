// The staging writer and the template renderer of a build.
#include "site/output.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <iterator>
#include <cstring>
#include <fstream>
#include <set>
#include <thread>

#include <boost/filesystem.hpp>

#include "ingest/sha256.h"
#include "render/context.h"
#include "site/files.h"

namespace gongkai::site {

namespace fs = boost::filesystem;
using kainjow::mustache::data;

model::Diagnostic BuildError(std::string message, std::string rule) {
  return {model::Diagnostic::Severity::kError, 0, std::move(message), std::move(rule)};
}

namespace {

// The size of the file at `p`, 0 where there is none.
uint64_t SizeOf(const fs::path& p) {
  struct stat st;
  return ::lstat(p.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}

// Two hashes of a path, whose sums over a set of paths tell it from another (Output::Placed):
// std::hash and that hash mixed again (MurmurHash3's 64-bit finalizer), so that two sets of
// paths of the same size with the same sum of one (mod 2^64) still differ in the other's.
std::array<uint64_t, 2> PathHashes(std::string_view path) {
  uint64_t h = std::hash<std::string_view>{}(path), m = h;
  m ^= m >> 33;
  m *= 0xff51afd7ed558ccdULL;
  m ^= m >> 33;
  m *= 0xc4ceb9fe1a85ec53ULL;
  m ^= m >> 33;
  return {h, m};
}

// Adds `path`'s PathHashes to `sums` (sign > 0) or takes them out.
void SumPath(std::array<uint64_t, 2>& sums, std::string_view path, int sign) {
  const auto h = PathHashes(path);
  for (size_t i = 0; i < sums.size(); ++i) sums[i] += sign > 0 ? h[i] : -h[i];
}

// Whether `a` and `b` are the same file (inode).
bool SameFile(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// Makes a file at `to` with `fill(path)`: straight at `to` when the path is free, else under a
// temporary name renamed over it (whatever is at `to` may be a link to the published site).
template <typename Fill>
bool MakeAt(const fs::path& to, bool taken, Fill fill) {
  if (!taken) return fill(to);
  fs::path tmp = to;
  tmp += kTempSuffix;
  return fill(tmp) && ::rename(tmp.c_str(), to.c_str()) == 0;
}

// A file of the staging folder written over in place rather than replaced, at most this large:
// see WriteOver.
constexpr uint64_t kOverwriteBytes = 64 * 1024;
// A file written over in place is never one a FileBytes maps (a recycled spare's marker, whose
// lines the Output's PathSet views): WriteOver leaves a file larger than kOverwriteBytes.
static_assert(kOverwriteBytes < FileBytes::kMapBytes);

// Writes `content` over the file at `to` in place, where that file is the staging folder's
// own: a regular file whose only link is this one (the published site has a link of its own
// to every file it shares with the spare, so that one is never written through), of at most
// kOverwriteBytes before and after. A file that holds `content` already is left as it is.
// False where it is not such a file, or a write failed: the caller then replaces it.
//
// Why: a file replaced (a temporary file renamed over it) is a file made and one freed, and on
// this machine's file system (ext4 without a journal, mounted with discard; README, Benchmark)
// each costs ~0.2-0.3 ms: most of a department removed or added at N = 10,000, whose ~2,700
// search files are in the spare from the build before (measured: ~2.2 s -> ~1.75 s each). A
// larger file is still replaced: a reader that opened it before the last publish (a download
// of data/timeline.csv) keeps its bytes, where a file of 64 KiB is read at once.
bool WriteOver(const fs::path& to, std::string_view content) {
  if (content.size() > kOverwriteBytes) return false;
  const int fd = ::open(to.c_str(), O_RDWR | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1 ||
      static_cast<uint64_t>(st.st_size) > kOverwriteBytes) {
    ::close(fd);
    return false;
  }
  bool ok = true;
  if (static_cast<uint64_t>(st.st_size) == content.size()) {  // it may hold `content` already
    std::string there;
    if (ReadFromFd(fd, content.size(), there) && there == content) return ::close(fd) == 0;
  }
  for (size_t done = 0; ok && done < content.size();) {
    const ssize_t n =
        ::pwrite(fd, content.data() + done, content.size() - done, static_cast<off_t>(done));
    if (n > 0) done += static_cast<size_t>(n);
    else ok = n < 0 && errno == EINTR;  // (interrupted by a signal: again)
  }
  if (ok && static_cast<uint64_t>(st.st_size) > content.size())
    ok = ::ftruncate(fd, static_cast<off_t>(content.size())) == 0;
  return ::close(fd) == 0 && ok;
}

bool WriteAt(const fs::path& to, bool taken, const Pieces& pieces) {
  if (!taken) return WriteWholeFile(to.string(), pieces);
  if (pieces.size() == 1 && WriteOver(to, pieces[0])) return true;
  if (pieces.size() > 1 && site::SizeOf(pieces) <= kOverwriteBytes) {
    std::string joined;
    for (std::string_view p : pieces) joined.append(p);
    if (WriteOver(to, joined)) return true;
  }
  return WriteFileAtomically(to.string(), pieces);
}

// Links `from` (whose stat is `st`) at `to`; a file at `to` that is `from` already is left.
bool LinkAt(const fs::path& from, const struct stat& st, const fs::path& to, bool taken) {
  struct stat there;
  if (taken && ::stat(to.c_str(), &there) == 0 && SameFile(st, there)) return true;
  return MakeAt(to, taken, [&](const fs::path& p) {
    boost::system::error_code ec;
    fs::create_hard_link(from, p, ec);
    return !ec;
  });
}

}  // namespace

bool Output::Reuse(const std::string& rel, const std::string& content) {
  return Reuse(rel, Pieces{content});
}

bool Output::Reuse(const std::string& rel, const Pieces& pieces) {
  if (previous_.empty()) return false;
  fs::path dest = staging_ / rel;
  MakeParent(dest);
  fs::path old = previous_ / rel;
  struct stat st;
  const uint64_t size = site::SizeOf(pieces);
  if (::stat(old.c_str(), &st) != 0 || static_cast<uint64_t>(st.st_size) != size) return false;
  FileBytes existing;  // (the marker is ~8 MB at N = 10,000)
  if (!existing.Read(old.string()) || existing.view().size() != size) return false;
  size_t at = 0;
  for (std::string_view p : pieces) {
    if (existing.view().compare(at, p.size(), p) != 0) return false;
    at += p.size();
  }
  const bool taken = Taken(rel);
  if (taken) Displace(rel);
  Touch(rel);
  if (!LinkAt(old, st, dest, taken)) return false;
  Place(rel, "", size);
  return true;
}

bool Output::Write(const std::string& rel, const std::string& content) {
  return Write(rel, content, std::string());
}

bool Output::Write(const std::string& rel, const std::string& content, const std::string& sha256) {
  return Write(rel, Pieces{content}, sha256);
}

bool Output::Write(const std::string& rel, const Pieces& pieces, const std::string& sha256) {
  if (Reuse(rel, pieces)) return true;
  fs::path dest = staging_ / rel;
  MakeParent(dest);
  const bool taken = Taken(rel);
  if (taken) Displace(rel);
  Touch(rel);
  if (!WriteAt(dest, taken, pieces)) {
    Fail("cannot write " + dest.string());
    return false;
  }
  Place(rel, sha256.empty() ? ingest::Sha256Hex(pieces) : sha256, site::SizeOf(pieces));
  return true;
}

bool Output::Keep(const std::string& rel) {
  if (spare_bytes_ && TakeFromSpare(rel)) return true;
  if (InSync(rel)) {  // the spare holds the previous site's own file there: nothing to link
    struct stat st;
    if (::lstat((staging_ / rel).c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      Place(rel, "", static_cast<uint64_t>(st.st_size));
      return true;
    }
  }
  fs::path dest = staging_ / rel, old = previous_ / rel;
  MakeParent(dest);
  const bool taken = Taken(rel);
  if (taken) Displace(rel);
  Touch(rel);
  struct stat st;
  if (::stat(old.c_str(), &st) == 0 && LinkAt(old, st, dest, taken)) {
    Place(rel, "", st.st_size);
    return true;
  }
  const int err = errno;
  // Where it cannot be linked, a copy (not the previous site's own file, so hashed).
  std::string bytes;
  if (!ReadWholeFile(old.string(), bytes) || !WriteAt(dest, taken, Pieces{bytes})) {
    Fail("cannot reuse " + old.string() + ": " + std::strerror(err));
    return false;
  }
  Place(rel, ingest::Sha256Hex(bytes), bytes.size());
  return true;
}

void Output::Remove(const std::string& rel) {
  Displace(rel);
  Touch(rel);
  boost::system::error_code ec;
  fs::remove(staging_ / rel, ec);
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = placed_.find(rel);
  if (it == placed_.end()) return;
  Count(it->second, -1);
  SumPath(path_sums_, rel, -1);
  placed_.erase(it);
  if (present_.Has(rel)) --placed_present_;
}

void Output::UseSpare(std::unordered_set<std::string> differs, std::optional<uint64_t> own_bytes) {
  spare_ = true;
  differs_ = std::move(differs);
  spare_bytes_ = own_bytes;
}

void Output::RemoveUnplaced(const std::vector<std::string>& written_after) {
  std::lock_guard<std::mutex> lock(mutex_);
  // Nothing to remove when every file present but those is placed (an edit): not looked for.
  size_t left = 0;
  for (const auto& rel : written_after) left += present_.Has(rel) && !placed_.count(rel);
  if (present_.size() - placed_present_ == left) return;
  std::set<fs::path> parents;
  for (const std::string_view held : present_) {
    const std::string rel(held);
    if (placed_.count(rel) ||
        std::find(written_after.begin(), written_after.end(), rel) != written_after.end())
      continue;
    fs::path p = staging_ / rel;
    if (spare_bytes_ && !SpareOwn(rel).empty() && displaced_.insert(rel).second)
      displaced_bytes_ += SizeOf(previous_ / rel);  // (as Displace, under the lock held here)
    ::unlink(p.c_str());
    touched_.insert(FolderOf(rel));
    parents.insert(p.parent_path());
  }
  // Folders left empty, deepest first (rmdir fails on a folder that still holds something).
  const std::string root = staging_.string();
  for (auto it = parents.rbegin(); it != parents.rend(); ++it)
    for (fs::path d = *it; d != staging_ && ::rmdir(d.c_str()) == 0;) {
      d = d.parent_path();
      touched_.insert(d == staging_ ? std::string() : d.string().substr(root.size() + 1));
    }
}

// A path the build must not write through: the staging folder held a file there when the
// build began, or the build placed one there already.
bool Output::Taken(const std::string& rel) {
  if (present_.Has(rel)) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  return placed_.count(rel) > 0;
}

// A path at which the spare held the previous site's own file when the build began: one it held
// then, not among those its mark says differ (both set before the build: no lock). The view
// present_ holds of it (a key for placed_, looked up once), empty where it is not such a path.
std::string_view Output::SpareOwn(const std::string& rel) const {
  const std::string_view held = present_.Find(rel);
  return !held.empty() && (differs_.empty() || !differs_.count(rel)) ? held : std::string_view();
}

// A path at which the spare still holds the previous site's own file: one the spare held when
// the build began, not among those it differs at, and not placed (written over) or removed since.
bool Output::InSync(const std::string& rel) {
  if (!spare_ || SpareOwn(rel).empty()) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  return !placed_.count(rel) && !displaced_.count(rel);
}

// Where a proven spare holds the previous site's own file at `rel` (InSync), places it
// unlooked (Bytes counts it in spare_bytes_), in one step under the lock; false otherwise.
bool Output::TakeFromSpare(const std::string& rel) {
  const std::string_view held = SpareOwn(rel);
  if (held.empty()) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  return TakeFromSpareLocked(held);
}

bool Output::TakeFromSpareLocked(std::string_view held) {
  if (!displaced_.empty() && displaced_.count(std::string(held))) return false;
  const auto [entry, placed] = placed_.try_emplace(held);
  entry->second.spare = placed;
  placed_present_ += placed;
  if (placed) SumPath(path_sums_, held, +1);
  return placed;
}

void Output::KeepAll(const std::vector<std::string>& rels) {
  if (!spare_bytes_) {
    for (const auto& rel : rels) Keep(rel);
    return;
  }
  // The spare's own files are taken as TakeFromSpare takes them, their entries made outside the
  // lock and moved in under it (unordered_map::merge moves the nodes): making them, a page
  // fault at times, was most of keeping ~150,000 files at N = 10,000, under the lock on both
  // threads. The others, as Keep places them, after.
  std::vector<std::string> rest;
  std::unordered_map<std::string_view, Entry> mine;
  mine.reserve(rels.size());
  std::array<uint64_t, 2> sums = {0, 0};  // of mine's paths (path_sums_)
  for (const auto& rel : rels) {
    const std::string_view held = SpareOwn(rel);
    auto [it, made] = !held.empty() ? mine.try_emplace(held) : std::make_pair(mine.end(), false);
    if (made) {
      it->second.spare = true;
      SumPath(sums, rel, +1);
    } else {
      rest.push_back(rel);
    }
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = mine.begin(); !displaced_.empty() && it != mine.end();) {
      if (displaced_.count(std::string(it->first))) {
        SumPath(sums, it->first, -1);
        rest.emplace_back(it->first);
        it = mine.erase(it);
      } else {
        ++it;
      }
    }
    const size_t before = mine.size();
    placed_.merge(mine);  // those placed already stay in `mine`
    placed_present_ += before - mine.size();
    for (const auto& [rel, entry] : mine) SumPath(sums, rel, -1);
    for (size_t i = 0; i < sums.size(); ++i) path_sums_[i] += sums[i];
  }
  for (const auto& [rel, entry] : mine) rest.emplace_back(rel);
  for (const auto& rel : rest) Keep(rel);
}

// Before the file at `rel` in the staging folder is replaced or removed: where it is a proven
// spare's own file, counted in spare_bytes_ and not placed otherwise since, its bytes are
// counted out of them. They are the previous site's file's: the spare's own bytes count the
// files it shares with that site; a file it holds that that site does not (one the last build
// removed) is not counted in them, nor out.
void Output::Displace(const std::string& rel) {
  if (!spare_bytes_ || SpareOwn(rel).empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = placed_.find(rel);
  if ((it != placed_.end() && !it->second.spare) || !displaced_.insert(rel).second) return;
  displaced_bytes_ += SizeOf(previous_ / rel);
}

std::string_view Output::KeyFor(std::string_view rel) {
  if (const std::string_view held = present_.Find(rel); !held.empty()) return held;
  own_paths_.emplace_back(rel);
  return own_paths_.back();
}

void Output::Place(const std::string& rel, std::string sha256, uint64_t size, bool spare) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = placed_.find(rel);
  const bool made = it == placed_.end();
  if (made) it = placed_.try_emplace(KeyFor(rel)).first;
  if (made && present_.Has(rel)) ++placed_present_;
  if (made) SumPath(path_sums_, rel, +1);
  Entry& entry = it->second;
  if (!made) Count(entry, -1);
  entry.written = sha256.size() == entry.sha256.size();  // "" when linked
  if (entry.written) std::copy(sha256.begin(), sha256.end(), entry.sha256.begin());
  if (entry.written && !written_unlisted_) {
    if (written_paths_.size() < kWrittenListed) {
      written_paths_.push_back(it->first);
    } else {
      written_unlisted_ = true;
      std::vector<std::string_view>().swap(written_paths_);
    }
  }
  entry.spare = spare;
  entry.size = size;
  Count(entry, +1);
}

void Output::Count(const Entry& entry, int sign) {
  if (sign > 0) {
    placed_bytes_ += entry.size;
    if (entry.written) written_bytes_ += entry.size;
  } else {
    placed_bytes_ -= entry.size;
    if (entry.written) written_bytes_ -= entry.size;
  }
}

namespace {

// A placed file with the first 16 bytes of its path as two big-endian numbers (zero-padded: a
// path holds no NUL), which order it as its path does up to them: most comparisons of a sort
// end there, without reading the path where it lies (a hash node of its own, ~160,000 of them
// at N = 10,000; the sort was ~0.1 s of an edit, mostly those reads).
struct SortKey {
  uint64_t high = 0, low = 0;
  PlacedFile file;
  explicit SortKey(const PlacedFile& f) : file(f) {
    for (size_t i = 0; i < 16; ++i) {
      const uint64_t byte = i < f.path.size() ? static_cast<unsigned char>(f.path[i]) : 0;
      (i < 8 ? high : low) |= byte << (8 * (7 - i % 8));
    }
  }
  bool operator<(const SortKey& o) const {
    if (high != o.high) return high < o.high;
    if (low != o.low) return low < o.low;
    return file.path < o.file.path;
  }
};

// `files` by path in byte order, the two halves sorted on two threads and merged.
void SortByPath(std::vector<PlacedFile>& files) {
  std::vector<SortKey> keys(files.begin(), files.end());
  const auto half = keys.begin() + static_cast<ptrdiff_t>(keys.size() / 2);
  if (keys.size() < 4096) {
    std::sort(keys.begin(), keys.end());
  } else {
    std::thread other([&] { std::sort(half, keys.end()); });
    std::sort(keys.begin(), half);
    other.join();
    std::inplace_merge(keys.begin(), half, keys.end());
  }
  for (size_t i = 0; i < keys.size(); ++i) files[i] = keys[i].file;
}

}  // namespace

bool Output::PlacedAsOrder(const std::vector<std::pair<std::string_view, std::string_view>>& order,
                           std::string_view not_placed, std::vector<PlacedFile>& files) {
  // (Fewer files placed than `order` holds but `not_placed`: some of its files are not; a
  // department removed. Not walked.)
  if (written_unlisted_ || placed_.size() + 1 < order.size()) return false;
  // The files written, by path, as they are placed now.
  std::sort(written_paths_.begin(), written_paths_.end());
  written_paths_.erase(std::unique(written_paths_.begin(), written_paths_.end()),
                       written_paths_.end());
  std::vector<PlacedFile> written;
  for (const auto& rel : written_paths_) {
    auto it = placed_.find(rel);
    if (it != placed_.end() && it->second.written)
      written.push_back({it->first, it->second.Sha256()});
  }
  // `order` with them merged in (each path once: `order` strictly in byte order), counted and
  // summed as path_sums_ sums placed_'s paths.
  std::vector<PlacedFile> out;
  out.reserve(order.size() + written.size() + 1);  // (the marker is inserted after)
  std::array<uint64_t, 2> sums = {0, 0};
  auto add = [&](const PlacedFile& f) {
    SumPath(sums, f.path, +1);
    out.push_back(f);
  };
  size_t j = 0;
  const std::string_view* last = nullptr;
  for (const auto& line : order) {
    const std::string_view path = line.first;
    if (path == not_placed) continue;
    if (last && !(*last < path)) return false;
    last = &line.first;
    for (; j < written.size() && written[j].path < path; ++j) add(written[j]);
    if (j < written.size() && written[j].path == path) add(written[j++]);
    else add({path, {}});
  }
  for (; j < written.size(); ++j) add(written[j]);
  if (out.size() != placed_.size() || sums != path_sums_) return false;
  files = std::move(out);
  return true;
}

std::vector<PlacedFile> Output::Placed(
    const std::vector<std::pair<std::string_view, std::string_view>>* order,
    std::string_view not_placed) {
  std::vector<PlacedFile> files, rest;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (order && PlacedAsOrder(*order, not_placed, files)) return files;
    files.reserve(placed_.size() + 1);  // (the marker is inserted after: WriteSiteMarker)
    if (!order) {
      for (const auto& [rel, entry] : placed_) files.push_back({rel, entry.Sha256()});
    } else {
      // The files `order` holds, in its order (each once), then the others.
      const uint32_t listing = ++listings_;
      for (const auto& [path, sha256] : *order) {
        auto it = placed_.find(path);
        if (it == placed_.end() || it->second.listed == listing) continue;
        it->second.listed = listing;
        files.push_back({it->first, it->second.Sha256()});
      }
      if (files.size() < placed_.size())
        for (const auto& [rel, entry] : placed_)
          if (entry.listed != listing) rest.push_back({rel, entry.Sha256()});
    }
  }
  auto by_path = [](const PlacedFile& a, const PlacedFile& b) { return a.path < b.path; };
  if (!order || !std::is_sorted(files.begin(), files.end(), by_path)) {  // (not in byte order)
    files.insert(files.end(), rest.begin(), rest.end());
    SortByPath(files);
    return files;
  }
  if (rest.empty()) return files;
  SortByPath(rest);
  std::vector<PlacedFile> all;
  all.reserve(files.size() + rest.size() + 1);
  std::merge(files.begin(), files.end(), rest.begin(), rest.end(), std::back_inserter(all), by_path);
  return all;
}

PlacedFile Output::Find(const std::string& rel) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = placed_.find(rel);
  return it == placed_.end() ? PlacedFile() : PlacedFile{it->first, it->second.Sha256()};
}

SiteBytes Output::Bytes() {
  std::lock_guard<std::mutex> lock(mutex_);
  SiteBytes bytes;
  bytes.total = spare_bytes_.value_or(0) - std::min(displaced_bytes_, spare_bytes_.value_or(0)) +
                placed_bytes_;
  bytes.written = written_bytes_;
  return bytes;
}

std::vector<std::string> WrittenPaths(const std::vector<PlacedFile>& files) {
  std::vector<std::string> paths;
  for (const auto& f : files)
    if (!f.sha256.empty()) paths.emplace_back(f.path);
  return paths;
}

QueuedWrites::QueuedWrites(Output& output) : output_(output), thread_([this] { Run(); }) {}

QueuedWrites::~QueuedWrites() { Finish(); }

void QueuedWrites::Write(std::string rel, std::string body) {
  Push({std::move(rel), std::move(body), false});
}

void QueuedWrites::Keep(std::string rel) { Push({std::move(rel), std::string(), true}); }

void QueuedWrites::Push(Job job) {
  std::unique_lock<std::mutex> lock(mutex_);
  // (One larger than the whole queue still goes, alone.)
  room_.wait(lock, [&] { return jobs_.empty() || queued_bytes_ + job.body.size() <= kQueuedBytes; });
  queued_bytes_ += job.body.size();
  jobs_.push_back(std::move(job));
  ready_.notify_one();
}

void QueuedWrites::Finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  ready_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void QueuedWrites::Run() {
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ready_.wait(lock, [&] { return done_ || !jobs_.empty(); });
      if (jobs_.empty()) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
      queued_bytes_ -= job.body.size();
    }
    room_.notify_one();
    try {  // an exception must not escape a thread
      if (job.keep) output_.Keep(job.rel);
      else output_.Write(job.rel, job.body);
    } catch (const std::exception& e) {
      output_.Fail("cannot place " + job.rel + ": " + e.what());
    } catch (...) {
      output_.Fail("cannot place " + job.rel + ": unknown exception");
    }
  }
}

bool Output::HasPrevious(const std::string& rel) {
  if (previous_.empty()) return false;
  // A proven spare's own file is the previous site's (UseSpare): it is there, unlooked (an
  // edit at N = 10,000 asked for ~30,000 cross pages' files, a stat each).
  if (spare_bytes_ && !SpareOwn(rel).empty()) return true;
  boost::system::error_code ec;
  return fs::is_regular_file(previous_ / rel, ec);
}

bool Output::ReadPrevious(const std::string& rel, std::string& body) {
  return !previous_.empty() && ReadWholeFile((previous_ / rel).string(), body);
}

bool Output::ReadPrevious(const std::string& rel, FileBytes& body) {
  return !previous_.empty() && body.Read((previous_ / rel).string());
}

void Output::Fail(std::string message) {
  std::lock_guard<std::mutex> lock(mutex_);
  errors_.push_back(BuildError(std::move(message), "output"));
}

std::vector<model::Diagnostic> Output::errors() {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

void Output::MakeParent(const fs::path& p) {
  // Folders are few; create them under the lock so threads do not race on them. Looked up by
  // hash (every file of the site asks, ~160,000 at N = 10,000: a walk down a tree of long
  // paths with the same beginning was 0.4 s of a full build's CPU, under the lock).
  const std::string parent = p.parent_path().string();
  std::lock_guard<std::mutex> lock(mutex_);
  if (made_.insert(parent).second) {
    boost::system::error_code ec;
    // A folder made changes the one it is in, and so on up: each counts as touched.
    if (fs::create_directories(parent, ec) && parent.size() > staging_.native().size())
      for (std::string_view rel = std::string_view(parent).substr(staging_.native().size() + 1);;) {
        touched_.emplace(rel);
        const size_t slash = rel.rfind('/');
        if (slash == std::string_view::npos) break;
        rel = rel.substr(0, slash);
      }
  }
}

void Output::Touch(std::string_view rel) {
  std::lock_guard<std::mutex> lock(mutex_);
  touched_.insert(FolderOf(rel));
}

std::unordered_set<std::string> Output::TouchedFolders() {
  std::lock_guard<std::mutex> lock(mutex_);
  return touched_;
}

Renderer::Renderer(const std::map<std::string, std::string>& templates) {
  for (const auto& [name, text] : templates) templates_.try_emplace(name, text);
}

std::string Renderer::Render(const std::string& name, const data& ctx) {
  std::string out;
  RenderInto(name, ctx, out);
  return out;
}

bool Renderer::RenderInto(const std::string& name, const data& ctx, std::string& out) {
  std::string error;
  if (templates_.at(name).Render(ctx, out, error)) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  errors_.push_back(BuildError("template " + name + ": " + error, "template"));
  return false;
}

std::string Renderer::Page(const std::string& rel, const std::string& title,
                           const std::string& body, const std::string& page) {
  int depth = static_cast<int>(std::count(rel.begin(), rel.end(), '/'));
  std::string root;
  for (int i = 0; i < depth; ++i) root += "../";
  data layout;
  layout.set("title", title);
  layout.set("root", root);
  layout.set("page", page);
  return RenderAround("layout.html", layout, "body", body);
}

std::string Renderer::RenderTaking(const std::string& name, data& ctx, const std::string& key) {
  const data* held = ctx.get(key);
  if (held == nullptr || !held->is_string()) return Render(name, ctx);
  // The string is ctx's own (see render::PutText): taken out rather than copied.
  std::string value;
  value.swap(const_cast<std::string&>(held->string_value()));
  return RenderAround(name, ctx, key, value);
}

std::string Renderer::RenderAround(const std::string& name, data& ctx, const std::string& key,
                                   const std::string& value) {
  // The value (a department or source page's body, ~100 KB) is put in afterwards, in the place
  // of a mark the template is rendered with: kainjow copies a value into its line buffer, then
  // into the page, and the context held a copy of its own. The page is the same where the
  // template shows the mark once, as gongkai's do ({{{body}}}: an escaped {{body}} would show
  // it as "&lt;..."), and the value is no blank (the one kind of value kainjow's standalone-line
  // rule tells from the mark); any other template is rendered with the value itself.
  static const std::string kMark = std::string("\0<gongkai-value/>\0", 18);
  if (value.find_first_not_of(" \t\r\n\v\f") != std::string::npos) {
    ctx.set(key, kMark);
    std::string around;
    // (A template that does not parse renders as nothing, whatever the value: reported once.)
    if (!RenderInto(name, ctx, around)) return around;
    const size_t at = around.find(kMark);
    if (at != std::string::npos && around.find(kMark, at + 1) == std::string::npos) {
      std::string out;
      out.reserve(around.size() - kMark.size() + value.size());
      out.append(around, 0, at).append(value).append(around, at + kMark.size());
      return out;
    }
  }
  render::Put(ctx, key, value);
  return Render(name, ctx);
}

std::vector<model::Diagnostic> Renderer::errors() {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

}  // namespace gongkai::site
