// The originals' site paths, their links (percent-encoded) and the lists templates show.
#include "render/originals.h"

#include <algorithm>

#include "ingest/encoding.h"
#include "render/markdown.h"

namespace gongkai::render {

using kainjow::mustache::data;
using kainjow::mustache::list;

namespace {

std::string LastComponent(const std::string& path) {
  return path.substr(path.find_last_of('/') + 1);
}

}  // namespace

std::string OriginalPath(const std::string& id, const std::string& input_path) {
  return "originals/" + id + "/" + ingest::PrintableName(LastComponent(input_path));
}

// Written here: none of the project's libraries percent-encodes (cmark-gfm's houdini escaper
// is internal to it and keeps characters a file name must not keep, such as `#` and `?`).
std::string UrlPath(std::string_view path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size() * 3);
  for (unsigned char c : path) {
    bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string FileSizeLabel(uint64_t bytes) {
  if (bytes < 1000) return std::to_string(bytes) + " 字节";
  static const char* const kUnits[] = {"KB", "MB", "GB", "TB"};
  uint64_t unit = 1000;
  for (size_t u = 0;; ++u, unit *= 1000) {
    uint64_t tenths = (bytes / unit) * 10 + ((bytes % unit) * 10 + unit / 2) / unit;
    if (tenths < 10000 || u + 1 == std::size(kUnits))
      return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " " + kUnits[u];
  }
}

OriginalPage OriginalPageOf(const model::Disclosure& d, int line, const std::string& root) {
  const model::SourceInfo& s = d.source;
  if (line <= 0) return {};
  // The page whose first line is the last one at or before `line` (an empty page shares its
  // first line with the next page, which then holds the line).
  auto after = std::upper_bound(s.page_starts.begin(), s.page_starts.end(), line);
  if (after == s.page_starts.begin()) return {};
  size_t page = static_cast<size_t>(after - s.page_starts.begin()) - 1;
  if (page >= s.page_files.size() || page >= s.page_numbers.size()) return {};
  size_t file = static_cast<size_t>(s.page_files[page]);
  if (file >= s.files.size() || s.files[file].format != "pdf") return {};
  // A text file after the PDF in a folder: its lines are on no page.
  if (file + 1 < s.files.size() && line >= s.files[file + 1].first_line) return {};
  int number = s.page_numbers[page];
  std::string path = OriginalPath(d.id, s.files[file].path);
  return {root + UrlPath(path) + "#page=" + std::to_string(number), number, LastComponent(path)};
}

std::string OriginalPageHtml(const OriginalPage& page) {
  if (page.href.empty()) return "";
  std::string n = std::to_string(page.page);
  return "<a class=\"pdf-page\" href=\"" + page.href + "\" title=\"原件第 " + n + " 页\">↗</a>";
}

std::string OriginalPageMarkdown(const OriginalPage& page) {
  if (page.href.empty()) return "";
  // The title is a Markdown link title in double quotes: a quote or a backslash of the name is
  // escaped with a backslash (EscapeMarkdown escapes neither quote), a line break is a space.
  std::string title;
  for (char c : page.name) {
    if (c == '"' || c == '\\') title += '\\';
    title += c == '\n' || c == '\r' ? ' ' : c;
  }
  std::string n = std::to_string(page.page);
  return " [第" + n + "页](" + page.href + " \"" + title + " 第 " + n + " 页\")";
}

list OriginalsList(const std::vector<OriginalFile>& files, const std::string& root) {
  list out;
  for (const auto& f : files) {
    std::string name = LastComponent(f.path);
    data row;
    row.set("name", name);
    row.set("name_md", EscapeMarkdown(name));
    row.set("href", root + UrlPath(f.path));
    row.set("format", f.format == "pdf" ? "PDF" : "文本");
    row.set("size", FileSizeLabel(f.size));
    row.set("sha256", f.sha256);
    out.push_back(row);
  }
  return out;
}

}  // namespace gongkai::render
