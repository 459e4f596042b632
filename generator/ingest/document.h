// A source document read into memory: its lines, with their original 1-based numbers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/encoding.h"
#include "model/disclosure.h"

namespace gongkai::ingest {

/// Limits on one input, far beyond any real disclosure (the largest known is 77 KB, 4,500
/// lines, its longest line 1,234 characters); past them a file is rejected with an error
/// before it is parsed, so no input costs time or memory out of proportion.
constexpr size_t kMaxFileBytes = 16u << 20;   ///< 16 MiB
constexpr size_t kMaxLines = 200000;          ///< lines in a file
constexpr size_t kMaxLineChars = 10000;       ///< characters (code points) in one line

/// The text of one disclosure. Line i (0-based in `lines`) is source line i + 1.
struct Document {
  std::string path;
  std::string sha256;      ///< of the bytes as read, before any conversion
  std::string encoding;    ///< as read: "UTF-8" (with or without BOM), "GB18030", "UTF-16LE", ...
  std::vector<std::string> lines;  ///< UTF-8, without line terminators
};

/// Reads a document from `bytes` (already in memory): decides the encoding (see DecodeText),
/// converts to UTF-8 and splits lines at LF, CRLF or CR, keeping the file's line numbers.
/// `path` is used in messages only. On failure (empty, binary, undecidable encoding, cut
/// off, over a limit) returns false and appends one error diagnostic; the document is then
/// unusable, but `doc.sha256` is set.
bool LoadDocument(std::string_view path, std::string_view bytes, Document& doc,
                  std::vector<model::Diagnostic>& diagnostics);

/// Reads a document from a file; a file over kMaxFileBytes is rejected without being read.
bool ReadDocument(const std::string& path, Document& doc,
                  std::vector<model::Diagnostic>& diagnostics);

}  // namespace gongkai::ingest
