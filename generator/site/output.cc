// The staging writer and the template renderer of a build.
#include "site/output.h"

#include <algorithm>
#include <fstream>

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

bool Output::Reuse(const std::string& rel, const std::string& content) {
  if (previous_.empty()) return false;
  fs::path dest = staging_ / rel;
  MakeParent(dest);
  fs::path old = previous_ / rel;
  boost::system::error_code ec;
  if (fs::file_size(old, ec) != content.size() || ec) return false;
  std::string existing;
  if (!ReadWholeFile(old.string(), existing) || existing != content) return false;
  fs::create_hard_link(old, dest, ec);
  if (ec) return false;
  Place(rel, "");
  return true;
}

bool Output::Write(const std::string& rel, const std::string& content) {
  if (Reuse(rel, content)) return true;
  fs::path dest = staging_ / rel;
  MakeParent(dest);
  std::ofstream out(dest.string(), std::ios::binary);
  if (out) out << content;
  if (!out) {
    Fail("cannot write " + dest.string());
    return false;
  }
  Place(rel, ingest::Sha256Hex(content));
  return true;
}

bool Output::Keep(const std::string& rel) {
  fs::path dest = staging_ / rel;
  MakeParent(dest);
  boost::system::error_code ec;
  fs::create_hard_link(previous_ / rel, dest, ec);
  if (!ec) {
    Place(rel, "");
    return true;
  }
  // A copy is read back and hashed by SHA256SUMS (it is not the previous site's own file).
  if (!CopyWholeFile((previous_ / rel).string(), dest.string())) {
    Fail("cannot reuse " + (previous_ / rel).string() + ": " + ec.message());
    return false;
  }
  return true;
}

void Output::Place(const std::string& rel, std::string sha256) {
  std::lock_guard<std::mutex> lock(mutex_);
  placed_[rel] = std::move(sha256);
}

std::unordered_map<std::string, std::string> Output::Placed() {
  std::lock_guard<std::mutex> lock(mutex_);
  return placed_;
}

bool Output::HasPrevious(const std::string& rel) {
  boost::system::error_code ec;
  return !previous_.empty() && fs::is_regular_file(previous_ / rel, ec);
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
  // Folders are few; create them under the lock so threads do not race on them.
  std::lock_guard<std::mutex> lock(mutex_);
  fs::path parent = p.parent_path();
  if (made_.insert(parent.string()).second) {
    boost::system::error_code ec;
    fs::create_directories(parent, ec);
  }
}

Renderer::Renderer(const std::map<std::string, std::string>& templates) {
  for (const auto& [name, text] : templates) templates_.try_emplace(name, text);
}

std::string Renderer::Render(const std::string& name, const data& ctx) {
  std::string out, error;
  if (!templates_.at(name).Render(ctx, out, error)) {
    std::lock_guard<std::mutex> lock(mutex_);
    errors_.push_back(BuildError("template " + name + ": " + error, "template"));
  }
  return out;
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
  render::Put(layout, "body", body);
  return Render("layout.html", layout);
}

std::vector<model::Diagnostic> Renderer::errors() {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

}  // namespace gongkai::site
