// A source document read into memory: its lines, with their original 1-based numbers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/disclosure.h"

namespace gongkai::ingest {

/// The text of one disclosure. Line i (0-based in `lines`) is source line i + 1.
struct Document {
  std::string path;
  std::string sha256;      ///< of the bytes as read, before any conversion
  std::string encoding;    ///< "UTF-8" (with or without BOM)
  std::vector<std::string> lines;  ///< UTF-8, without line terminators
};

/// Reads a document from `bytes` (already in memory). `path` is used in messages only.
/// On failure returns false and appends an error diagnostic; the document is then unusable.
bool LoadDocument(std::string_view path, std::string_view bytes, Document& doc,
                  std::vector<model::Diagnostic>& diagnostics);

/// Reads a document from a file.
bool ReadDocument(const std::string& path, Document& doc,
                  std::vector<model::Diagnostic>& diagnostics);

/// True if `s` is well-formed UTF-8; sets `bad_offset` to the first bad byte otherwise.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

}  // namespace gongkai::ingest
