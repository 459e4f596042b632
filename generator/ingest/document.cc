// Reading a document: size limits, encoding (see encoding.h), line splitting that keeps numbering.
#include "ingest/document.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include <boost/filesystem.hpp>

#include "ingest/pdf.h"
#include "ingest/sha256.h"

namespace gongkai::ingest {

namespace {

void Fail(std::vector<model::Diagnostic>& diagnostics, int line, std::string message,
          std::string rule) {
  diagnostics.push_back(
      {model::Diagnostic::Severity::kError, line, std::move(message), std::move(rule)});
}

std::string MiB(double bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MiB", bytes / (1 << 20));
  return buf;
}

std::string TooLarge(size_t bytes) {
  return "the file is " + std::to_string(bytes) + " bytes (" + MiB(static_cast<double>(bytes)) +
         "), over the limit of " + MiB(kMaxFileBytes) +
         " for one disclosure (the text of a disclosure is a few hundred KB): is it the right "
         "file?";
}

// True if the line holds only spaces: ASCII blanks, U+00A0 or the ideographic space U+3000.
bool IsBlank(std::string_view line) {
  size_t i = 0;
  while (i < line.size()) {
    char c = line[i];
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
      ++i;
    } else if (line.compare(i, 2, "\xC2\xA0") == 0) {
      i += 2;
    } else if (line.compare(i, 3, "\xE3\x80\x80") == 0) {
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

// Where the line that starts at `start` ends: at its first CR or LF, else at the end of the
// text. An LF and then a CR before it are looked for with memchr (std::find_if tests every
// byte for both; std::string::find_first_of looks each one up in the set). `next_lf` is the
// first LF at or after an earlier start (npos if none), looked for again only once passed:
// a file without LF is not searched to its end once per line.
size_t LineEnd(const std::string& text, size_t start, size_t& next_lf) {
  if (next_lf != std::string::npos && next_lf < start) next_lf = text.find('\n', start);
  const size_t lf = std::min(next_lf, text.size());
  const void* cr = std::memchr(text.data() + start, '\r', lf - start);
  return cr ? static_cast<size_t>(static_cast<const char*>(cr) - text.data()) : lf;
}

}  // namespace

bool LoadDocument(std::string_view path, std::string_view bytes, Document& doc,
                  std::vector<model::Diagnostic>& diagnostics) {
  if (LooksLikePdf(bytes)) return LoadPdf(path, bytes, doc, diagnostics);
  doc.path = std::string(path);
  doc.sha256 = Sha256Hex(bytes);
  doc.lines.clear();
  doc.geometry.clear();
  doc.pages.clear();
  doc.files.clear();
  doc.encoding.clear();
  if (bytes.size() > kMaxFileBytes) {
    Fail(diagnostics, 0, TooLarge(bytes.size()), "file-too-large");
    return false;
  }
  if (bytes.empty()) {
    Fail(diagnostics, 0, "the file is empty (0 bytes): is the download or the text extraction "
                         "complete?", "empty");
    return false;
  }
  DecodedText decoded;
  DecodeError error;
  if (!DecodeText(bytes, decoded, error)) {
    Fail(diagnostics, error.line, error.message, error.rule);
    return false;
  }
  doc.encoding = decoded.encoding;

  // Lines end at LF, CRLF or a lone CR; a last line without a line end is kept.
  const std::string& text = decoded.text;
  bool any_text = false;
  size_t start = 0, next_lf = text.find('\n');
  while (start < text.size()) {
    size_t end = LineEnd(text, start, next_lf);
    if (doc.lines.size() >= kMaxLines) {
      Fail(diagnostics, static_cast<int>(doc.lines.size()) + 1,
           "the file has more than " + std::to_string(kMaxLines) +
               " lines, the limit for one disclosure (a long one has a few thousand): is it "
               "the right file?",
           "too-many-lines");
      doc.lines.clear();
      return false;
    }
    std::string_view line(text.data() + start, end - start);
    if (line.size() > kMaxLineChars) {  // bytes >= characters: count only when it may matter
      size_t chars = 0;
      for (char c : line) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      if (chars > kMaxLineChars) {
        Fail(diagnostics, static_cast<int>(doc.lines.size()) + 1,
             "the line is " + std::to_string(chars) + " characters long, over the limit of " +
                 std::to_string(kMaxLineChars) +
                 " (a line of a disclosure holds a paragraph at most): is this a text file "
                 "whose line ends were lost, or not a disclosure at all?",
             "line-too-long");
        doc.lines.clear();
        return false;
      }
    }
    any_text = any_text || !IsBlank(line);  // one line with text is enough
    doc.lines.emplace_back(line);
    if (end < text.size() && text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n')
      ++end;
    start = end + 1;
  }
  if (!any_text) {
    Fail(diagnostics, 0,
         "the file has no text, only " + std::to_string(doc.lines.size()) +
             " blank line" + (doc.lines.size() == 1 ? "" : "s") +
             ": is the download or the text extraction complete?",
         "empty");
    doc.lines.clear();
    return false;
  }
  doc.files.push_back({doc.path, doc.sha256, "text", 0, 0});
  return true;
}

bool ReadDocument(const std::string& path, Document& doc,
                  std::vector<model::Diagnostic>& diagnostics) {
  doc.path = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    Fail(diagnostics, 0, "cannot open the file", "read");
    return false;
  }
  if (S_ISDIR(st.st_mode)) {
    Fail(diagnostics, 0, "this is a directory, not a file", "read");
    return false;
  }
  // A PDF may be larger than a text (its fonts and images); the text limit applies once the
  // first bytes say which it is.
  if (S_ISREG(st.st_mode) && static_cast<unsigned long long>(st.st_size) > kMaxPdfBytes) {
    Fail(diagnostics, 0, TooLarge(static_cast<size_t>(st.st_size)), "file-too-large");
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Fail(diagnostics, 0, "cannot open the file", "read");
    return false;
  }
  return ReadStream(in, path, doc, diagnostics);
}

bool ReadStream(std::istream& in, const std::string& path, Document& doc,
                std::vector<model::Diagnostic>& diagnostics) {
  doc.path = path;
  // Read at most one byte past the limit, so that a device or a pipe that never ends (or a
  // file that grew since stat) is rejected too.
  std::string bytes;
  char buffer[1 << 16];
  while (in && bytes.size() <= kMaxPdfBytes &&
         (bytes.size() <= kMaxFileBytes || LooksLikePdf(bytes))) {
    in.read(buffer, sizeof buffer);
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    Fail(diagnostics, 0, "cannot read the file", "read");
    return false;
  }
  if (bytes.size() > (LooksLikePdf(bytes) ? kMaxPdfBytes : kMaxFileBytes)) {
    Fail(diagnostics, 0,
         "the file is larger than the limit of " + MiB(kMaxFileBytes) +
             " for one disclosure: is it the right file?",
         "file-too-large");
    return false;
  }
  return LoadDocument(path, bytes, doc, diagnostics);
}

}  // namespace gongkai::ingest

namespace gongkai::ingest {

bool IsDisclosureFile(const std::string& name) {
  if (name.empty() || name[0] == '.') return false;
  size_t dot = name.rfind('.');
  if (dot == std::string::npos) return false;
  std::string ext = name.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return ext == "pdf" || ext == "txt" || ext == "md";
}

namespace {

std::string SpecialFileName(mode_t mode) {
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "a special file";
}

// True if `target` is strictly inside `folder` (both canonical), compared by components so
// that "content2" is not inside "content".
bool IsInside(const boost::filesystem::path& target, const boost::filesystem::path& folder) {
  auto t = target.begin();
  for (auto f = folder.begin(); f != folder.end(); ++f, ++t)
    if (t == target.end() || *t != *f) return false;
  return t != target.end();
}

}  // namespace

EntryKind ClassifyEntry(const std::string& path, const std::string& root, std::string& why,
                        struct stat* out) {
  namespace fs = boost::filesystem;
  struct stat own {};
  struct stat& st = out ? *out : own;
  if (::lstat(path.c_str(), &st) != 0) {
    why = std::string("it cannot be read (") + std::strerror(errno) + ")";
    return EntryKind::kSkipped;
  }
  if (S_ISREG(st.st_mode)) return EntryKind::kFile;
  if (S_ISDIR(st.st_mode)) return EntryKind::kFolder;
  if (!S_ISLNK(st.st_mode)) {
    why = SpecialFileName(st.st_mode) + ", not a file or a folder";
    return EntryKind::kSkipped;
  }
  boost::system::error_code ec;
  const fs::path target = fs::canonical(path, ec);
  if (ec) {
    why = "a symbolic link that leads to no file (" + ec.message() + ")";
    return EntryKind::kSkipped;
  }
  const fs::path folder = fs::canonical(root, ec);
  if (ec || !IsInside(target, folder)) {
    why = "a symbolic link to " + PrintableName(target.string()) + ", outside " +
          PrintableName(root) + " (links are followed only to files and folders inside it)";
    return EntryKind::kSkipped;
  }
  if (::stat(target.c_str(), &st) != 0) {
    why = std::string("a symbolic link that leads to no file (") + std::strerror(errno) + ")";
    return EntryKind::kSkipped;
  }
  if (S_ISREG(st.st_mode)) return EntryKind::kFile;
  if (S_ISDIR(st.st_mode)) return EntryKind::kFolder;
  why = "a symbolic link to " + SpecialFileName(st.st_mode) + " (" +
        PrintableName(target.string()) + "), not a file or a folder";
  return EntryKind::kSkipped;
}

bool ReadDisclosure(const std::string& path, Document& doc,
                    std::vector<model::Diagnostic>& diagnostics, const std::string& root) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    return ReadDocument(path, doc, diagnostics);
  std::vector<std::string> names;
  boost::system::error_code ec;
  bool skipped = false;
  for (boost::filesystem::directory_iterator it(path, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!IsDisclosureFile(name)) continue;
    std::string why;
    EntryKind kind = ClassifyEntry(it->path().string(), root.empty() ? path : root, why);
    if (kind == EntryKind::kFile) names.push_back(name);
    if (kind == EntryKind::kSkipped) {
      Fail(diagnostics, 0, "the folder's file " + PrintableName(name) + " is not read: " + why,
           "input-skipped");
      skipped = true;
    }
  }
  if (skipped) return false;
  std::sort(names.begin(), names.end());
  doc = Document();
  doc.path = path;
  if (names.empty()) {
    Fail(diagnostics, 0,
         "the folder holds no disclosure file (.pdf, .txt or .md): a folder in the content is "
         "one disclosure published as several files",
         "empty");
    return false;
  }
  std::string hashes;
  bool any_pdf = false;
  std::vector<Document> parts;
  for (const auto& name : names) {
    Document part;
    std::string part_path = path + (path.empty() || path.back() == '/' ? "" : "/") + name;
    if (!ReadDocument(part_path, part, diagnostics)) return false;
    any_pdf |= part.IsPdf();
    hashes += part.sha256;
    parts.push_back(std::move(part));
  }
  doc.sha256 = Sha256Hex(hashes);
  for (auto& part : parts) {
    size_t offset = doc.lines.size();
    int file_index = static_cast<int>(doc.files.size());
    int page_offset = static_cast<int>(doc.pages.size());
    if (doc.encoding.empty() || doc.encoding == part.encoding)
      doc.encoding = part.encoding;
    else
      doc.encoding = "mixed";
    for (auto f : part.files) {
      f.first_line += offset;
      doc.files.push_back(f);
    }
    for (auto p : part.pages) {
      p.file = file_index;
      p.first_line += offset;
      doc.pages.push_back(p);
    }
    if (any_pdf) {
      if (part.IsPdf()) {
        for (auto& g : part.geometry) {
          g.page += page_offset;
          doc.geometry.push_back(std::move(g));
        }
      } else {
        LineGeometry none;
        none.page = -1;  // a text part: no page
        doc.geometry.insert(doc.geometry.end(), part.lines.size(), none);
      }
    }
    for (auto& l : part.lines) doc.lines.push_back(std::move(l));
  }
  if (doc.lines.size() > kMaxLines) {
    Fail(diagnostics, 0,
         "the folder's files have " + std::to_string(doc.lines.size()) +
             " lines together, more than the limit of " + std::to_string(kMaxLines) +
             " for one disclosure",
         "too-many-lines");
    return false;
  }
  return true;
}

}  // namespace gongkai::ingest
