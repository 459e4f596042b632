// Where a build's pages go: the staging writer (a page equal to the previous site's is linked,
// not rewritten) and the template renderer (layout.html around every page). Both collect their
// errors instead of stopping the build, and both are thread-safe.
#pragma once

#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include <boost/filesystem/path.hpp>
#include <kainjow/mustache.hpp>

#include "model/disclosure.h"
#include "render/context.h"
#include "site/files.h"

namespace gongkai::site {

/// An error of the build not tied to one input's line: `path: error: message [rule]`.
model::Diagnostic BuildError(std::string message, std::string rule);

/// A file of the new site as the build placed it. Output::Placed and Output::Find give views of
/// the Output's own entries (valid while it lives; a site has ~160,000 files at N = 10,000,
/// and copies of their paths were most of listing them).
struct PlacedFile {
  std::string_view path;    ///< relative to the site, '/'-separated
  std::string_view sha256;  ///< of the bytes written; "" when linked unchanged from the previous site
};

/// The bytes of the new site, and of them those the build wrote rather than linked from the
/// previous site: what keeping the previous site as a spare costs (site/publish.h).
struct SiteBytes {
  uint64_t total = 0;
  uint64_t written = 0;
};

/// Writes pages into the staging folder. Where the previous site has a file with exactly the
/// same content, that file is linked instead (so it is not rewritten). Every file of the site
/// goes through it, so it knows the site's files without walking the folder (Placed).
///
/// The staging folder may already hold files (`present`: a recycled spare, site/publish.h, or
/// the staging marker). One that is already the previous site's file (the same inode) is left
/// where it is when the build links it; a small file that is the staging folder's own (its
/// only link; output.cc WriteOver) is written over in place, or left where it holds the bytes
/// already; every other file at a path that may be taken is written or linked under a
/// temporary name and renamed over it, never written through: it may be a hard link to the
/// published site's file. RemoveUnplaced takes out the rest.
class Output {
 public:
  /// `previous` empty: there is no previous site to link from.
  Output(boost::filesystem::path staging, boost::filesystem::path previous,
         PathSet present = {})
      : staging_(std::move(staging)), previous_(std::move(previous)), present_(std::move(present)) {
    placed_.reserve(present_.size());
  }

  /// Writes `content` at `rel` (relative to the site); false, with an [output] error, if it cannot.
  bool Write(const std::string& rel, const std::string& content);
  /// Write, where the caller knows the SHA-256 (hex) of `content` already (an original,
  /// hashed when it was read): it is not hashed again.
  bool Write(const std::string& rel, const std::string& content, const std::string& sha256);
  /// Write of bytes given as pieces (a spliced CSV, pages::Spliced), their SHA-256 known.
  bool Write(const std::string& rel, const Pieces& pieces, const std::string& sha256);
  /// Links the previous site's file at `rel` when it holds exactly `content`; false (nothing
  /// done) otherwise.
  bool Reuse(const std::string& rel, const std::string& content);
  bool Reuse(const std::string& rel, const Pieces& pieces);
  /// Links a file of the previous site into the new one unchanged; false, with an [output]
  /// error, if it cannot.
  bool Keep(const std::string& rel);
  /// Keep for each of `rels` (an input's files): those a proven spare holds are taken under
  /// one lock (an edit at N = 10,000 keeps ~150,000 files, on every core).
  void KeepAll(const std::vector<std::string>& rels);
  /// The previous site has a file at `rel` (where a proven spare holds it as the previous
  /// site's own file, not looked at).
  bool HasPrevious(const std::string& rel);
  /// The previous site's file at `rel`; false when there is none or it cannot be read.
  bool ReadPrevious(const std::string& rel, std::string& body);
  /// The same, a large file mapped rather than copied (FileBytes).
  bool ReadPrevious(const std::string& rel, FileBytes& body);
  /// Takes the file placed at `rel` out of the new site again.
  void Remove(const std::string& rel);
  /// The staging folder is a recycled spare (site/publish.h) whose every file of `present` but
  /// those at `differs` is the previous site's own file (a hard link to it): Keep then only
  /// looks that it is there, rather than comparing it with the previous site's and linking it.
  /// With `own_bytes` (the spare's folders proven as the last build left them, so every such
  /// file is there: OutputPlan::spare_proven), Keep does not look, and Bytes counts the files
  /// so kept as `own_bytes`, the bytes of all of them. Call it before anything is placed.
  void UseSpare(std::unordered_set<std::string> differs,
                std::optional<uint64_t> own_bytes = std::nullopt);
  /// Removes the files `present` held that the build did not place, and the folders they
  /// leave empty, but those at `written_after` (files the caller writes itself, after this:
  /// SHA256SUMS). Call it once every file is placed.
  void RemoveUnplaced(const std::vector<std::string>& written_after = {});
  /// Every file placed so far, by path in byte order. SHA256SUMS and the marker take them from
  /// here instead of reading the site back (site/checksums.h, site/publish.h). `order`, where
  /// given, is the paths of the last site in byte order (its kept checksums' lines: path,
  /// sha256), and `not_placed` one of them that is not placed yet (the site's marker, written
  /// once the files are listed). Where the files placed are exactly `order`'s (but
  /// `not_placed`) and those written that it does not hold, the list is `order` with those
  /// merged in, and a file of `order` has its path from there (keep `order` as long as the
  /// list): told from the count and two sums of hashes of the paths placed, kept as files are
  /// placed, against `order`'s, not by looking each path up (~160,000 at N = 10,000, ~0.1 s of
  /// an edit's sealing). Otherwise the files `order` holds are listed in its order, each found
  /// by path, and only the others are sorted.
  std::vector<PlacedFile> Placed(
      const std::vector<std::pair<std::string_view, std::string_view>>* order = nullptr,
      std::string_view not_placed = {});
  /// The file placed at `rel` (its path empty when there is none).
  PlacedFile Find(const std::string& rel);
  /// The bytes placed. With a proven spare (UseSpare), the files taken from it unlooked count as
  /// its own bytes less those of its own files that the build replaced or removed (each looked
  /// at once, before it is replaced).
  SiteBytes Bytes();
  /// The folders of the staging folder ("" its root, else relative to it) in which the build
  /// made, replaced or removed a file or a folder: the others are as they were when it began
  /// (NoteSiteFolders takes their stamps as PlanOutput proved them).
  std::unordered_set<std::string> TouchedFolders();
  void Fail(std::string message);
  std::vector<model::Diagnostic> errors();

 private:
  // A placed file's hash held in place, not as a string of its own: a site has ~14 files per
  // disclosure, and the strings' allocations were 80 bytes a file more.
  struct Entry {
    std::array<char, 64> sha256;  // hex; unset where not written
    bool written = false;
    bool spare = false;  // a proven spare's own file, not looked at: its size is in spare_bytes_
    uint32_t listed = 0;  // the last Placed(order) that listed it (listings_)
    uint64_t size = 0;
    std::string_view Sha256() const {
      return written ? std::string_view(sha256.data(), 64) : std::string_view();
    }
  };
  void MakeParent(const boost::filesystem::path& p);
  bool Taken(const std::string& rel);
  std::string_view SpareOwn(const std::string& rel) const;  // present_'s view of it, or empty
  bool InSync(const std::string& rel);
  void Place(const std::string& rel, std::string sha256, uint64_t size, bool spare = false);
  bool TakeFromSpare(const std::string& rel);
  bool TakeFromSpareLocked(std::string_view held);  // (SpareOwn's view; mutex_ held)
  void Displace(const std::string& rel);
  void Touch(std::string_view rel);  // its folder: a file is made, replaced or removed there

  boost::filesystem::path staging_, previous_;
  const PathSet present_;
  bool spare_ = false;
  std::unordered_set<std::string> differs_;  // of a spare: its files not the previous site's
  std::optional<uint64_t> spare_bytes_;      // of a proven spare: its own files' bytes
  std::unordered_set<std::string> displaced_;  // its own files replaced or removed since
  uint64_t displaced_bytes_ = 0;               // and their bytes
  std::mutex mutex_;
  std::vector<model::Diagnostic> errors_;
  std::unordered_set<std::string> made_;  // the folders made
  std::unordered_set<std::string> touched_;  // TouchedFolders
  // Keyed by views: of present_'s paths where it holds the path (most of an edit's files: no
  // string of their own), else of own_paths_ (KeyFor).
  std::unordered_map<std::string_view, Entry> placed_;
  std::deque<std::string> own_paths_;  // (never shrinks: a removed entry's view stays valid)
  std::string_view KeyFor(std::string_view rel);  // (mutex_ held)
  uint32_t listings_ = 0;  // Placed(order) calls
  size_t placed_present_ = 0;  // of placed_, the paths present_ holds (RemoveUnplaced)
  // Of placed_, the sizes and those of the files written, kept as entries change: counting
  // ~160,000 entries where they lie took 0.02 s of an edit at N = 10,000, serial at its end.
  uint64_t placed_bytes_ = 0, written_bytes_ = 0;
  void Count(const Entry& entry, int sign);  // into placed_bytes_ and written_bytes_
  // Of placed_'s paths, two sums of hashes (output.cc SumPath), kept as paths come and go,
  // and the paths written (maybe placed again since, or removed; none kept past
  // kWrittenListed: the build writes most of the site, and Placed then looks every path up).
  static constexpr size_t kWrittenListed = 65536;
  std::array<uint64_t, 2> path_sums_ = {0, 0};
  std::vector<std::string_view> written_paths_;  // (placed_'s keys)
  bool written_unlisted_ = false;
  // Placed(order, not_placed) without looking paths up, where placed_ is `order` (but
  // `not_placed`) and the files written it does not hold; false, `files` untouched, otherwise.
  bool PlacedAsOrder(const std::vector<std::pair<std::string_view, std::string_view>>& order,
                     std::string_view not_placed, std::vector<PlacedFile>& files);
};

/// Of `files` (Output::Placed), the paths of those placed by writing them (not linked from the
/// previous site), in their order.
std::vector<std::string> WrittenPaths(const std::vector<PlacedFile>& files);

/// Writes and keeps files of an Output on a thread of its own, in the order they were asked
/// for, while the caller goes on making the next ones: the search index makes ~63,000 files at
/// N = 10,000, and their SHA-256 and writing took 2.7 s of a full build on the thread that made
/// them (an edit keeps as many, ~0.1 s). At most kQueuedBytes wait at a time. A file that
/// cannot be written is an [output] error of the Output, as with Output::Write.
class QueuedWrites {
 public:
  explicit QueuedWrites(Output& output);
  ~QueuedWrites();  ///< Finish
  QueuedWrites(const QueuedWrites&) = delete;
  QueuedWrites& operator=(const QueuedWrites&) = delete;

  void Write(std::string rel, std::string body);
  void Keep(std::string rel);
  /// Waits until every file asked for is written or kept.
  void Finish();

 private:
  static constexpr size_t kQueuedBytes = size_t{16} << 20;
  struct Job {
    std::string rel, body;
    bool keep = false;
  };
  void Push(Job job);
  void Run();

  Output& output_;
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<Job> jobs_;
  size_t queued_bytes_ = 0;
  bool done_ = false;
  std::thread thread_;  // last: started once the rest is made
};

/// Renders the Mustache templates (read-only once loaded); a template error becomes a
/// [template] error and an empty or partial page.
class Renderer {
 public:
  /// Parses each template once (the file name of templates/ -> its text).
  explicit Renderer(const std::map<std::string, std::string>& templates);

  /// The template `name` (a file name of templates/) with `ctx`.
  std::string Render(const std::string& name, const kainjow::mustache::data& ctx);
  /// A whole HTML page at `rel`: layout.html around `body`, with `title`, the page kind
  /// `page` and the way back to the site's root.
  std::string Page(const std::string& rel, const std::string& title, const std::string& body,
                   const std::string& page);
  /// Render(name, ctx), where ctx's string `key` (a large piece of HTML the template shows
  /// unescaped) is taken out of ctx, not copied: ctx no longer holds it.
  std::string RenderTaking(const std::string& name, kainjow::mustache::data& ctx,
                           const std::string& key);
  std::vector<model::Diagnostic> errors();

 private:
  // Render(name, ctx) with `key` set to `value`, without copying `value` into ctx.
  std::string RenderAround(const std::string& name, kainjow::mustache::data& ctx,
                           const std::string& key, const std::string& value);
  // Render into `out`; false (and a [template] error) where the template has an error.
  bool RenderInto(const std::string& name, const kainjow::mustache::data& ctx, std::string& out);

  std::map<std::string, render::Template> templates_;
  std::mutex mutex_;
  std::vector<model::Diagnostic> errors_;
};

}  // namespace gongkai::site
