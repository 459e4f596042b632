// A source document read into memory: its lines, with their original 1-based numbers.
#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <istream>
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

/// A word of a PDF page as poppler places it: its text and its box in points, the origin at
/// the page's top left (y grows downwards).
struct Word {
  std::string text;
  float x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  float Height() const { return y1 - y0; }
  float Center() const { return (x0 + x1) / 2; }
};

/// Where a line of a PDF stands: its page (0-based within the document), its vertical extent
/// and its words left to right.
struct LineGeometry {
  int page = 0;
  float y0 = 0, y1 = 0;
  std::vector<Word> words;
};

/// A page of a PDF disclosure: the lines [first_line, first_line + line_count) (0-based).
struct Page {
  int file = 0;    ///< index into Document::files
  int number = 0;  ///< 1-based page number within its file
  float width = 0, height = 0;
  size_t first_line = 0, line_count = 0;
};

/// One file a disclosure was read from (a disclosure published as several files is one
/// Document whose files follow each other).
struct SourceFile {
  std::string path;
  std::string sha256;
  std::string format;     ///< "text" or "pdf"
  size_t first_line = 0;  ///< 0-based index of its first line in the Document
  int pages = 0;          ///< PDF pages, 0 for text
};

/// The text of one disclosure. Line i (0-based in `lines`) is source line i + 1.
/// A PDF disclosure's lines are the rows of text of its pages, in page order, each rendered
/// with spaces that keep the columns roughly where the page has them; `geometry[i]` says
/// where line i stands. A text disclosure has no geometry and no pages.
struct Document {
  std::string path;
  std::string sha256;      ///< of the bytes as read, before any conversion
  std::string encoding;    ///< as read: "UTF-8" (with or without BOM), "GB18030", "UTF-16LE", ...
  std::vector<std::string> lines;  ///< UTF-8, without line terminators
  std::vector<LineGeometry> geometry;  ///< PDF only: one per line
  std::vector<Page> pages;             ///< PDF only
  std::vector<SourceFile> files;       ///< the files read, in order (one for a single file)
  bool IsPdf() const { return !geometry.empty(); }
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

/// Reads a document from a stream (standard input for `gongkai parse -`): at most one byte
/// past the limits, so a stream that never ends is rejected too. `path` names it in messages.
bool ReadStream(std::istream& in, const std::string& path, Document& doc,
                std::vector<model::Diagnostic>& diagnostics);

}  // namespace gongkai::ingest

namespace gongkai::ingest {

/// True for the files a content folder's disclosure can hold: .pdf, .txt, .md (any case).
bool IsDisclosureFile(const std::string& name);

/// What an entry found in a content folder (or in a disclosure's folder) is read as. The rule
/// for links and special files: a regular file or a folder is read; a symbolic link is
/// followed only when what it points to, every link resolved, is a regular file or a folder
/// inside `root`; anything else (a link out of `root`, a dangling link, a loop of links, a
/// named pipe, a socket, a device) is not read, so that nothing outside the content is
/// published and nothing blocks the build. A name the user gives on the command line is not
/// an entry found in a folder: it is read as given.
enum class EntryKind { kFile, kFolder, kSkipped };

/// Decides what `path` is by the rule above; for kSkipped, `why` says what it is, for a
/// diagnostic ("a symbolic link to /etc/passwd, outside the content folder"). For a file or a
/// folder, `st` (where given) gets the stat of what the entry is (of a link: of its target).
EntryKind ClassifyEntry(const std::string& path, const std::string& root, std::string& why,
                        struct stat* st = nullptr);

/// Reads one disclosure from `path`: a file, or a folder whose files (.pdf, .txt, .md, in
/// name order) are the parts of one disclosure published as several files (a narrative 部门
/// 预算说明 and a tables file 预算公开表). The parts' lines follow each other; `files` says
/// where each begins. A part that cannot be read, or that ClassifyEntry skips (links are
/// followed only inside `root`; the folder itself when `root` is empty), makes the whole
/// disclosure fail with its diagnostic (the path in the message is the part's).
bool ReadDisclosure(const std::string& path, Document& doc,
                    std::vector<model::Diagnostic>& diagnostics, const std::string& root = "");

}  // namespace gongkai::ingest
