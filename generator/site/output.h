// Where a build's pages go: the staging writer (a page equal to the previous site's is linked,
// not rewritten) and the template renderer (layout.html around every page). Both collect their
// errors instead of stopping the build, and both are thread-safe.
#pragma once

#include <map>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <boost/filesystem/path.hpp>
#include <kainjow/mustache.hpp>

#include "model/disclosure.h"
#include "render/context.h"

namespace gongkai::site {

/// An error of the build not tied to one input's line: `path: error: message [rule]`.
model::Diagnostic BuildError(std::string message, std::string rule);

/// Writes pages into the staging folder. Where the previous site has a file with exactly the
/// same content, that file is linked instead (so it is not rewritten).
class Output {
 public:
  /// `previous` empty: there is no previous site to link from.
  Output(boost::filesystem::path staging, boost::filesystem::path previous)
      : staging_(std::move(staging)), previous_(std::move(previous)) {}

  /// Writes `content` at `rel` (relative to the site); false, with an [output] error, if it cannot.
  bool Write(const std::string& rel, const std::string& content);
  /// Links the previous site's file at `rel` when it holds exactly `content`; false (nothing
  /// done) otherwise.
  bool Reuse(const std::string& rel, const std::string& content);
  /// Links a file of the previous site into the new one unchanged; false, with an [output]
  /// error, if it cannot.
  bool Keep(const std::string& rel);
  /// The previous site has a file at `rel`.
  bool HasPrevious(const std::string& rel);
  /// Every file placed so far: the SHA-256 of the bytes written, or "" for a file linked
  /// unchanged from the previous site (its checksum there still holds). SHA256SUMS takes
  /// them from here instead of reading the site back (site/checksums.h).
  std::unordered_map<std::string, std::string> Placed();
  void Fail(std::string message);
  std::vector<model::Diagnostic> errors();

 private:
  void MakeParent(const boost::filesystem::path& p);
  void Place(const std::string& rel, std::string sha256);

  boost::filesystem::path staging_, previous_;
  std::mutex mutex_;
  std::vector<model::Diagnostic> errors_;
  std::set<std::string> made_;
  std::unordered_map<std::string, std::string> placed_;
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
  std::vector<model::Diagnostic> errors();

 private:
  std::map<std::string, render::Template> templates_;
  std::mutex mutex_;
  std::vector<model::Diagnostic> errors_;
};

}  // namespace gongkai::site
