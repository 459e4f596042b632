// Reading a PDF disclosure with poppler: its words with their positions, grouped into the
// lines of each page, so that tables can be rebuilt from where their numbers stand.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/document.h"
#include "model/disclosure.h"

namespace gongkai::ingest {

/// Limits on one PDF, far beyond any real disclosure (the largest known is 2.7 MB and 177
/// pages); past them the file is rejected before its pages are read.
constexpr size_t kMaxPdfBytes = 64u << 20;  ///< 64 MiB
constexpr int kMaxPdfPages = 3000;

/// True if the bytes start like a PDF ("%PDF-" within the first 1 KiB, as readers allow).
bool LooksLikePdf(std::string_view bytes);

/// Reads a PDF from `bytes` into `doc` (lines, geometry, pages, one SourceFile). Every page's
/// words become lines: words whose vertical extents overlap stand on one line; fragments of
/// one number that the PDF draws as separate boxes touching each other (`174,900` `.64`) are
/// joined; a word drawn twice to look bold is kept once. On failure (not a PDF, encrypted,
/// broken, no text layer: a scanned document) returns false with one error diagnostic.
bool LoadPdf(std::string_view path, std::string_view bytes, Document& doc,
             std::vector<model::Diagnostic>& diagnostics);

/// A text box as poppler gives it: a word or a piece of one, with its position.
struct TextBox {
  Word word;
  bool space_after = true;  ///< poppler saw a space after it
  bool own_word = false;    ///< a figure cut from the end of a label: never joined back to it
};

/// Groups one page's boxes into lines, as LoadPdf does: a box joins the line whose vertical
/// middle it straddles; left to right, boxes that touch are one word (the pieces of a number,
/// `174,900` `.64`; text split at a change of font), except two whole figures that touch
/// (`183,500.00` `39,175,000.00`: a second point or a comma after the decimals is no number).
std::vector<LineGeometry> PageLines(std::vector<TextBox> boxes, int page_index);

/// Renders one line's words as text, each word starting near the column its x position gives
/// at `char_width` points per column from `left` (at least one space between words).
std::string RenderLine(const std::vector<Word>& words, float left, float char_width);

}  // namespace gongkai::ingest
