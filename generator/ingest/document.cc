// Reading a document: validate the encoding, split lines (LF, CRLF or CR), keep numbering.
#include "ingest/document.h"

#include <fstream>
#include <sstream>

#include "ingest/sha256.h"

namespace gongkai::ingest {

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size() || (len == 2 && c < 0xC2)) {
      if (bad_offset) *bad_offset = i;
      return false;
    }
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) {
        if (bad_offset) *bad_offset = i;
        return false;
      }
    }
    i += len;
  }
  return true;
}

bool LoadDocument(std::string_view path, std::string_view bytes, Document& doc,
                  std::vector<model::Diagnostic>& diagnostics) {
  doc.path = std::string(path);
  doc.sha256 = Sha256Hex(bytes);
  doc.lines.clear();
  doc.encoding = "UTF-8";
  std::string_view text = bytes;
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  size_t bad = 0;
  if (!IsValidUtf8(text, &bad)) {
    // Count lines the way they are split below: LF, CRLF and a lone CR each end one.
    int line = 1;
    for (size_t i = 0; i < bad; ++i) {
      if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')))
        ++line;
    }
    diagnostics.push_back({model::Diagnostic::Severity::kError, line,
                           "the file is not valid UTF-8 (byte offset " + std::to_string(bad) +
                               "); convert it to UTF-8 first",
                           "encoding"});
    return false;
  }
  std::string current;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      doc.lines.push_back(current);
      current.clear();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      current += c;
    }
  }
  if (!current.empty()) doc.lines.push_back(current);
  return true;
}

bool ReadDocument(const std::string& path, Document& doc,
                  std::vector<model::Diagnostic>& diagnostics) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    diagnostics.push_back({model::Diagnostic::Severity::kError, 0,
                           "cannot open the file", "read"});
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return LoadDocument(path, buffer.str(), doc, diagnostics);
}

}  // namespace gongkai::ingest
