// The site stage: load -> parse -> render -> write, for every disclosure in a folder.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "model/disclosure.h"

namespace gongkai::site {

struct BuildOptions {
  std::string content_dir = "content";
  std::string out_dir = "site";
  std::string templates_dir = "templates";
  std::string assets_dir = "assets";
  std::string base_url;  ///< when set, sitemap.xml lists every page under it
  int jobs = 0;          ///< worker threads; 0 = one per core
  /// Called about five times a second while the disclosures are processed: how many are done
  /// of how many, and the seconds since the build began. Empty: not called. (The build prints
  /// nothing; the CLI shows this on a terminal.)
  std::function<void(size_t done, size_t total, double seconds)> on_progress;
  /// Called when each phase of the build ends, with its wall time in seconds (for profiling).
  std::function<void(const std::string& phase, double seconds)> on_phase;
  /// Replace an --out folder gongkai did not make (or files in it it did not make), and
  /// publish a build that yields no disclosure over a site that had some.
  bool force = false;
  /// Bytes of processed disclosures kept in memory until the relation across years, so that
  /// their pages are written without reading them again (site/years.h, Waiting).
  size_t waiting_budget = size_t{256} << 20;
  /// The most changed inputs built together as one department's years (they wait for each
  /// other in memory, outside waiting_budget). A quick guess can give many departments one
  /// name (2,000 of 10,000 generated documents named "医保中心" from their first 16 KiB): a
  /// larger group is not a department's years, and its inputs wait within waiting_budget.
  size_t max_group = 64;
  /// The process ends once the build returns (the CLI): what the build held to its end (the
  /// records, the placed files, the cache's manifest) is left to the OS, not freed piece by
  /// piece. Not for a process that builds again.
  bool leave_memory = false;
};

struct FileReport {
  std::string path;  ///< as shown (ingest::PrintableName): valid UTF-8 on one line
  std::vector<model::Diagnostic> diagnostics;
};

struct BuildReport {
  std::vector<FileReport> files;            ///< per input file (and entry skipped), its diagnostics
  std::vector<model::Diagnostic> errors;    ///< problems not tied to one input file
  bool fatal = false;  ///< the build could not run at all (missing templates, unwritable out)
  int built = 0;       ///< disclosures parsed and rendered
  int failed = 0;      ///< inputs that could not be read or parsed (still listed on the index)
  int skipped = 0;     ///< entries of the content folder not read (links out, pipes, devices)
  int pages = 0;       ///< HTML pages in the site
  int reused = 0;      ///< inputs unchanged since the last build, not parsed again
  int processed = 0;   ///< times an input was read and parsed (each changed input once)
  double seconds = 0;  ///< wall time of the build
  size_t checksummed = 0;  ///< files listed in SHA256SUMS
  size_t hashed = 0;       ///< of them, read and hashed by this build (the rest were unchanged)
  /// The search index's files this build made (the rest were kept from the last build), and
  /// whether it made the index whole rather than from the last build's (render/search_update.h).
  size_t search_made = 0;
  bool search_whole = true;
};

/// Builds the site. Every input is processed even when others fail; a failed input is
/// listed on the index with its error. The build goes into `<out>.building` and replaces
/// `<out>` only when it is complete, in one atomic exchange (site/publish.h: what the build
/// may replace, the lock, mount points); `<out>.cache/manifest` records what each input
/// was, so the next build parses and renders only what changed.
BuildReport BuildSite(const BuildOptions& options);

}  // namespace gongkai::site
