// Where a build may write, and how a finished build replaces the previous site.
//
// gongkai deletes or replaces only what it made. Every site it builds carries a marker file,
// `.gongkai-site`, which lists the site's files; its cache (`<out>.cache/`, marker
// `.gongkai-cache`) and its staging folder (`<out>.building/`, which becomes the site) are
// marked too. Before anything is written, the output is checked (PlanOutput): a non-empty
// `--out` without the marker, a file at `--out`, files in the site that the last build did not
// make, a folder beside it with gongkai's name but not its marker, and an `--out` equal to,
// inside or containing an input folder are refused (the first three can be overridden with
// --force). One build at a time per site: the cache holds a lock naming the build's process.
//
// Publishing (Publish) exchanges the complete staging folder with the site in one atomic
// rename (renameat2 RENAME_EXCHANGE): a reader sees the whole old site or the whole new one,
// never a mix and never nothing, even when the build is killed at any moment. Where the site
// cannot be exchanged (it is a mount point, or the file system has no exchange), the new
// files are copied into it one by one, each replaced atomically, pages before the pages that
// link to them and stale files removed last: every link keeps working while it runs, and a
// build stopped midway leaves a mix of both builds that the next build completes.
//
// The spare. After the exchange the staging folder holds the previous site. Where the build
// wrote (rather than linked from the previous site) at most a tenth of the new site's bytes
// (kSpareShare), that folder is kept as the next build's staging folder, marked complete by
// `.gongkai-spare`: its unchanged files are hard links to the site's, so it costs the disk only
// the bytes of the files that changed, and the next build brings it up to date in place
// (site/output.h: a file that is already the site's is left as it is, a small one that is the
// spare's own (one link) is written over in place, every other file is written or linked
// under a temporary name and renamed over it, never written through; the
// files the build does not make are removed) instead of linking every file of the site into
// an empty folder and deleting the old site file by file. The mark lists the files the build
// wrote: at every other path the spare's file is the site's own (a hard link to it), so the
// next build takes those as they are without comparing or linking them one by one (and, while
// the spare's folders are as the build noted them once it was marked, without looking that each
// is there: NoteSiteFolders). After a
// build that rewrote more (a full build, a template change) the files it wrote are linked
// over the previous site's in the folder and the files the new site lacks are removed
// (RelinkSpare), so the spare costs directory entries rather than the files' bytes, and the
// first build after a full build starts from a spare as well. After the first build into an
// empty --out, or where the previous site held files its marker does not list, the spare is
// made of hard links to every file of the new site (LinkSpare; its mark lists nothing). The
// staging folder of a build that failed is deleted. The site itself only ever changes by the
// exchange. The mark is removed before the spare is changed at all, so a spare whose update
// (or linking) was stopped is recognised and thrown away, and that build starts from an empty
// staging folder. A spare is kept only when the previous site held nothing but the files its
// marker lists (not after --force let unknown files stay), so the marker of the spare lists
// all it holds. Publishing in place (a mount point) keeps no spare.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <boost/filesystem/path.hpp>

#include "model/disclosure.h"
#include "site/output.h"

namespace gongkai::site {

/// The name of the marker file at the root of every site gongkai builds.
inline constexpr const char* kSiteMarker = ".gongkai-site";
/// The checksums file at the site's root (site/checksums.h), written after the marker.
inline constexpr const char* kChecksumsFile = "SHA256SUMS";
/// The mark of a complete spare (see the file comment), in the staging folder; never published.
inline constexpr const char* kSpareMarker = ".gongkai-spare";
/// The spare is kept when the build wrote at most 1 / kSpareShare of the new site's bytes.
inline constexpr uint64_t kSpareShare = 10;

struct OutputOptions {
  std::string out_dir;
  /// Folders the build reads: the site may be none of them, nor inside or around them.
  std::vector<std::string> inputs;
  bool force = false;  ///< replace a folder gongkai did not make, or publish an empty build
};

/// Folders and their stamps (inode and change time) as a folder note lists them, by folder.
using FolderStampList = std::vector<std::pair<std::string, std::string>>;

/// Where a build writes, resolved from --out.
struct OutputPlan {
  boost::filesystem::path out;      ///< the site (the target when --out is a symbolic link)
  boost::filesystem::path staging;  ///< <out>.building: the new site, built beside the old one
  boost::filesystem::path cache;    ///< <out>.cache: what the last build was (manifest, lock)
  bool has_site = false;            ///< out exists and is not empty
  /// The site holds only the files its marker lists (the condition to keep it as a spare).
  bool site_exact = false;
  /// The files the staging folder holds when the build begins: its marker, or every file of a
  /// recycled spare (Output replaces them, never writes through them).
  PathSet staged;
  /// The staging folder is a recycled spare; of its files, those at `spare_differs` (listed in
  /// its mark: the files the last build wrote) are not the published site's own, every other is
  /// (Output::UseSpare).
  bool spare = false;
  std::unordered_set<std::string> spare_differs;
  /// The spare's folders are as the last build noted them once it was marked (NoteSiteFolders):
  /// no file has come or gone, so each of its files not at `spare_differs` is there, the
  /// published site's own, without a look at it; `spare_bytes` are their bytes as noted.
  bool spare_proven = false;
  uint64_t spare_bytes = 0;
  /// The folders' stamps the notes held where they proved the site's folders (`site_folders`)
  /// or the spare's (`spare_folders`) as the last build left them, by folder ("" the root):
  /// NoteSiteFolders takes them again for the folders no one changed since, not a stat each.
  FolderStampList site_folders, spare_folders;
};

/// What Publish left beside the site as the spare: whether it kept one, and the bytes of its
/// files that are the new site's own (those its mark does not list), for the next build
/// (OutputPlan::spare_bytes). And what became of the folders, for NoteSiteFolders: `moved`,
/// the new site is the staging folder moved into place whole (its folders as the build left
/// them); `aside`, the spare is the previous site moved aside, whose folders changed since the
/// build began only at `touched` (and its root).
struct SpareLeft {
  bool kept = false;
  uint64_t own_bytes = 0;
  bool moved = false;
  bool aside = false;
  std::unordered_set<std::string> touched;
};

/// Holds the site's build lock (flock on <cache>/lock) for as long as it lives.
class BuildLock {
 public:
  BuildLock() = default;
  BuildLock(const BuildLock&) = delete;
  BuildLock& operator=(const BuildLock&) = delete;
  ~BuildLock();
  /// False, with an error naming the other build's process, when another build holds it.
  bool Acquire(const boost::filesystem::path& cache, const boost::filesystem::path& site,
               std::vector<model::Diagnostic>& errors);

 private:
  int fd_ = -1;
};

/// Resolves --out, checks it against the rules above, takes the lock and prepares the staging
/// folder: the spare, when there is a complete one (its mark removed first), else an empty
/// folder. False (with errors naming the folder and what to do) when the build must not
/// write there; nothing has been changed then.
bool PlanOutput(const OutputOptions& options, OutputPlan& plan, BuildLock& lock,
                std::vector<model::Diagnostic>& errors);

/// Writes the marker, listing `files` (every file of the new site: Output::Placed, by path),
/// through `output`, and adds it to `files`. Call it when every file is placed; a file written
/// after it is unknown to the next build.
bool WriteSiteMarker(Output& output, std::vector<PlacedFile>& files,
                     std::vector<model::Diagnostic>& errors);
/// Where `files` are the previous site's files (its marker lists them: site/checksums.h
/// SameFilesAsKept), keeps its marker rather than making it again from every path and
/// comparing it, once its bytes have `sha256` (as the previous build wrote them), and adds it
/// to `files`. False, and nothing done, where they do not.
bool KeepSiteMarker(Output& output, std::vector<PlacedFile>& files, std::string_view sha256);

/// Notes in the cache the inode and change time of every folder of the site just published,
/// whose files are `files` (Output::Placed, the marker's and SHA256SUMS among them): while
/// they stay the same, no file has come into the site or left it, and the next build takes
/// the site as holding exactly its marker's files without walking it (PlanOutput). The same
/// folders of the `spare` Publish kept, with its own bytes: while they stay the same, the next
/// build takes the spare's files as the site's without a look at each (OutputPlan::spare_proven).
/// Call it once the site is published; PlanOutput removes the notes before the site or the
/// spare changes again.
/// `touched`: the staging folder's folders the build changed (Output::TouchedFolders); the
/// others of a proven spare moved into place whole, and of a previous site moved aside but at
/// SpareLeft::touched, keep the stamps PlanOutput proved (OutputPlan::spare_folders,
/// site_folders) and are not looked at again (~22,000 stats at N = 10,000). A stamp kept where
/// the folder did change only fails the next build's proof: it then looks.
void NoteSiteFolders(const OutputPlan& plan, const std::vector<PlacedFile>& files,
                     const SpareLeft& spare, const std::unordered_set<std::string>& touched);

/// Replaces the site with the staging folder (see the file comment); keeps the previous site
/// as the spare when `bytes` shows the build wrote little of it (its mark lists `written`, the
/// paths of the files the build wrote: there the spare is not the site), else makes a spare of
/// links to the new site; `spare` says which it left. False with errors when it could not; the
/// previous site is then whole. `published` runs once the new site is in place, on a thread of
/// its own while the spare is made (neither reads what the other writes), and has returned when
/// Publish does; it does not run when Publish fails.
bool Publish(const OutputPlan& plan, const SiteBytes& bytes,
             const std::vector<std::string>& written, SpareLeft& spare,
             std::vector<model::Diagnostic>& errors, const std::function<void()>& published);

}  // namespace gongkai::site
