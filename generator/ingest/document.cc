// Reading a document: size limits, encoding (see encoding.h), line splitting that keeps numbering.
#include "ingest/document.h"

#include <sys/stat.h>

#include <cstdio>
#include <fstream>

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

}  // namespace

bool LoadDocument(std::string_view path, std::string_view bytes, Document& doc,
                  std::vector<model::Diagnostic>& diagnostics) {
  doc.path = std::string(path);
  doc.sha256 = Sha256Hex(bytes);
  doc.lines.clear();
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
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find_first_of("\r\n", start);
    if (end == std::string::npos) end = text.size();
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
    any_text |= !IsBlank(line);
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
  if (S_ISREG(st.st_mode) && static_cast<unsigned long long>(st.st_size) > kMaxFileBytes) {
    Fail(diagnostics, 0, TooLarge(static_cast<size_t>(st.st_size)), "file-too-large");
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Fail(diagnostics, 0, "cannot open the file", "read");
    return false;
  }
  // Read at most one byte past the limit, so that a device or a pipe that never ends (or a
  // file that grew since stat) is rejected too.
  std::string bytes;
  char buffer[1 << 16];
  while (in && bytes.size() <= kMaxFileBytes) {
    in.read(buffer, sizeof buffer);
    bytes.append(buffer, static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) {
    Fail(diagnostics, 0, "cannot read the file", "read");
    return false;
  }
  if (bytes.size() > kMaxFileBytes) {
    Fail(diagnostics, 0,
         "the file is larger than the limit of " + MiB(kMaxFileBytes) +
             " for one disclosure: is it the right file?",
         "file-too-large");
    return false;
  }
  return LoadDocument(path, bytes, doc, diagnostics);
}

}  // namespace gongkai::ingest
