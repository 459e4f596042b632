// PDF -> words with positions (poppler-cpp) -> the lines of each page.
//   poppler gives text boxes:  174,900 [x 512.1–541.3]  .64 [x 540.8–551.0]  (one number)
//   we give lines of words:    "合计    174,900.64    56,633.49   118,267.14"
#include "ingest/pdf.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "ingest/sha256.h"
#include "parse/text.h"

namespace gongkai::ingest {

namespace {

void Fail(std::vector<model::Diagnostic>& diagnostics, std::string message, std::string rule) {
  diagnostics.push_back(
      {model::Diagnostic::Severity::kError, 0, std::move(message), std::move(rule)});
}

// poppler reports damage it repairs on stderr; the file's problems reach the user as
// diagnostics instead, and only when they stop the reading.
void IgnorePopplerMessage(const std::string&, void*) {}

bool IsBlankText(std::string_view s) { return parse::RemoveSpaces(s).empty(); }

// Display columns of a text: CJK and full-width characters take two.
size_t DisplayWidth(std::string_view s) {
  size_t width = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t c = parse::NextCodePoint(s, i);
    width += (c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) ||
                              (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                              (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                              (c >= 0xFFE0 && c <= 0xFFE6)))
                 ? 2
                 : 1;
  }
  return width;
}

float Median(std::vector<float> v) {
  if (v.empty()) return 0;
  std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
  return v[v.size() / 2];
}

// Where a box is a label with a figure glued to its end (`19、自然资源海洋气象等支出18803323.32`:
// a label that fills its cell, drawn in one run with the figure of the next cell), the number of
// code points before the figure; 0 if the box is not of that form. The figure has a decimal
// point (`表1`, `2026年` and `第3页` are no figures) and follows a Han character or a full-width
// bracket, so a code (`（2050303）`) or an ordinal stays in the label.
size_t GluedFigureStart(std::string_view text) {
  size_t end = text.size(), i = end;
  bool point = false, digit = false;
  while (i > 0) {
    char c = text[i - 1];
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == '.' && digit && !point) {
      point = true;
    } else if (c == ',' && point) {
    } else {
      break;
    }
    --i;
  }
  if (!point || i == end || !(text[i] >= '0' && text[i] <= '9')) return 0;
  if (text[end - 1] == '.') return 0;
  if (i > 0 && text[i - 1] == '-') --i;
  std::string_view prefix = text.substr(0, i);
  size_t count = 0;
  char32_t last = 0;
  for (size_t k = 0; k < prefix.size();) {
    last = parse::NextCodePoint(prefix, k);
    ++count;
  }
  bool han = (last >= 0x4E00 && last <= 0x9FFF) || last == 0xFF09 /* ） */ || last == U')';
  return count >= 2 && han ? count : 0;
}

// The boxes of one page, cleaned: blanks dropped, boxes drawn twice (a poor man's bold: the
// same text offset by a fraction of a point) kept once.
std::vector<TextBox> PageBoxes(const poppler::page& page) {
  std::vector<TextBox> boxes;
  for (const auto& tb : page.text_list()) {
    poppler::byte_array utf8 = tb.text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    if (IsBlankText(text)) continue;
    poppler::rectf r = tb.bbox();
    TextBox b;
    b.word.text = parse::Trim(text);
    b.word.x0 = static_cast<float>(r.x());
    b.word.x1 = static_cast<float>(r.x() + r.width());
    b.word.y0 = static_cast<float>(r.y());
    b.word.y1 = static_cast<float>(r.y() + r.height());
    if (b.word.y1 <= b.word.y0) b.word.y1 = b.word.y0 + 1;
    b.space_after = tb.has_space_after();
    if (size_t n = GluedFigureStart(b.word.text); n > 0) {
      // The figure stands where its first glyph does.
      float split = static_cast<float>(tb.char_bbox(n).x());
      size_t bytes = 0;
      for (size_t k = 0; k < n; ++k) parse::NextCodePoint(b.word.text, bytes);
      if (split > b.word.x0 && split < b.word.x1 && bytes < b.word.text.size()) {
        TextBox figure = b;
        figure.word.text = b.word.text.substr(bytes);
        figure.word.x0 = split;
        figure.own_word = true;
        b.word.text = parse::Trim(b.word.text.substr(0, bytes));
        b.word.x1 = split;
        b.space_after = true;
        boxes.push_back(std::move(b));
        boxes.push_back(std::move(figure));
        continue;
      }
    }
    boxes.push_back(std::move(b));
  }
  std::sort(boxes.begin(), boxes.end(), [](const TextBox& a, const TextBox& b) {
    if (a.word.y0 != b.word.y0) return a.word.y0 < b.word.y0;
    return a.word.x0 < b.word.x0;
  });
  std::vector<TextBox> unique;
  for (auto& b : boxes) {
    bool twice = false;
    for (size_t k = unique.size(); k-- > 0;) {
      const Word& u = unique[k].word;
      if (b.word.y0 - u.y0 > 2) break;
      if (u.text == b.word.text && std::fabs(u.x0 - b.word.x0) < 2 &&
          std::fabs(u.y0 - b.word.y0) < 2) {
        twice = true;
        break;
      }
    }
    if (!twice) unique.push_back(std::move(b));
  }
  return unique;
}

bool IsNumberPiece(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || c == ',' || c == '.' || c == '-')) return false;
  return true;
}

// Two number pieces that cannot be one number: the left one has its decimal point, and the
// right one brings a second point or a thousands comma, which never follow the decimals
// (西安 表13 at 4 pt: `183,500.00` `39,175,000.00` half a point apart, two cells).
bool TwoFigures(std::string_view left, std::string_view right) {
  return left.find('.') != std::string_view::npos &&
         right.find_first_of(".,") != std::string_view::npos;
}

}  // namespace

std::vector<LineGeometry> PageLines(std::vector<TextBox> boxes, int page_index) {
  struct Building {
    float y0, y1;
    std::vector<TextBox> boxes;
  };
  std::vector<Building> lines;
  std::sort(boxes.begin(), boxes.end(), [](const TextBox& a, const TextBox& b) {
    float ca = (a.word.y0 + a.word.y1) / 2, cb = (b.word.y0 + b.word.y1) / 2;
    if (ca != cb) return ca < cb;
    return a.word.x0 < b.word.x0;
  });
  for (auto& b : boxes) {
    float c = (b.word.y0 + b.word.y1) / 2;
    Building* home = nullptr;
    // Only the last few lines can hold it: boxes come by their middles, top to bottom.
    for (size_t k = lines.size(); k-- > 0 && lines.size() - k <= 4;) {
      Building& l = lines[k];
      float lc = (l.y0 + l.y1) / 2;
      if (c >= l.y0 && c <= l.y1 && lc >= b.word.y0 && lc <= b.word.y1) {
        home = &l;
        break;
      }
    }
    if (!home) {
      lines.push_back({b.word.y0, b.word.y1, {}});
      home = &lines.back();
    }
    home->y0 = std::min(home->y0, b.word.y0);
    home->y1 = std::max(home->y1, b.word.y1);
    home->boxes.push_back(std::move(b));
  }
  std::sort(lines.begin(), lines.end(),
            [](const Building& a, const Building& b) { return a.y0 + a.y1 < b.y0 + b.y1; });
  std::vector<LineGeometry> out;
  for (auto& l : lines) {
    std::sort(l.boxes.begin(), l.boxes.end(),
              [](const TextBox& a, const TextBox& b) { return a.word.x0 < b.word.x0; });
    LineGeometry g;
    g.page = page_index;
    g.y0 = l.y0;
    g.y1 = l.y1;
    bool last_space_after = true;
    for (auto& b : l.boxes) {
      if (!g.words.empty()) {
        Word& prev = g.words.back();
        float gap = b.word.x0 - prev.x1;
        float h = std::min(prev.Height(), b.word.Height());
        bool numbers = IsNumberPiece(prev.text) && IsNumberPiece(b.word.text);
        // Pieces of one number overlap or touch (glyph boxes wider than their advance); two
        // numbers in neighbouring columns stand at least a few points apart.
        bool touch = numbers ? gap < 0.15f * h : gap < 0.1f * h;
        // A figure touching the end of a label is the next cell's, as when glued in one box.
        bool figure_after_label = IsNumberPiece(b.word.text) &&
                                  b.word.text.find_first_of(".,") != std::string::npos &&
                                  GluedFigureStart(prev.text + b.word.text) > 0;
        // Two boxes one over the other, sharing a line only because they overlap in height,
        // are the lines of two cells, not one word (北京 03表: a label's last line `支出` 4 pt
        // above the next row's `2101199-其他行政事业单位医疗`, both at the cell's left edge).
        // Single characters stacked in a narrow cell are vertical text, read by the grid.
        bool stacked = gap < -0.5f * h && std::fabs(b.word.y0 - prev.y0) > 0.3f * h &&
                       parse::CodePointCount(prev.text) > 1 && parse::CodePointCount(b.word.text) > 1;
        bool same_word = !b.own_word && !figure_after_label && !stacked &&
                         !(numbers && TwoFigures(prev.text, b.word.text)) &&
                         (touch || (!last_space_after && gap < 0.25f * h && !numbers));
        if (same_word) {
          prev.text += b.word.text;
          prev.x1 = std::max(prev.x1, b.word.x1);
          prev.y0 = std::min(prev.y0, b.word.y0);
          prev.y1 = std::max(prev.y1, b.word.y1);
          last_space_after = b.space_after;
          continue;
        }
      }
      last_space_after = b.space_after;
      g.words.push_back(std::move(b.word));
    }
    out.push_back(std::move(g));
  }
  return out;
}

bool LooksLikePdf(std::string_view bytes) {
  return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

std::string RenderLine(const std::vector<Word>& words, float left, float char_width) {
  std::string out;
  size_t column = 0;
  for (const auto& w : words) {
    size_t want = char_width > 0 && w.x0 > left
                      ? static_cast<size_t>(std::lround((w.x0 - left) / char_width))
                      : 0;
    want = std::min<size_t>(want, column + 60);  // a wide gap is a gap, not a page of blanks
    size_t spaces = out.empty() ? want : std::max<size_t>(want > column ? want - column : 0, 1);
    out.append(spaces, ' ');
    out += w.text;
    column += spaces + DisplayWidth(w.text);
  }
  return out;
}

bool LoadPdf(std::string_view path, std::string_view bytes, Document& doc,
             std::vector<model::Diagnostic>& diagnostics) {
  doc.path = std::string(path);
  doc.sha256 = Sha256Hex(bytes);
  doc.encoding = "PDF";
  doc.lines.clear();
  doc.geometry.clear();
  doc.pages.clear();
  doc.files.clear();
  if (bytes.size() > kMaxPdfBytes) {
    Fail(diagnostics,
         "the PDF is " + std::to_string(bytes.size()) + " bytes, over the limit of " +
             std::to_string(kMaxPdfBytes >> 20) + " MiB for one disclosure: is it the right file?",
         "file-too-large");
    return false;
  }
  poppler::set_debug_error_function(IgnorePopplerMessage, nullptr);
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdf) {
    Fail(diagnostics,
         "the PDF cannot be read (damaged or cut off); download it again or open and re-save it",
         "pdf-unreadable");
    return false;
  }
  if (pdf->is_locked()) {
    Fail(diagnostics,
         "the PDF is encrypted with a password; gongkai reads only PDFs that open without one",
         "pdf-encrypted");
    return false;
  }
  int pages = pdf->pages();
  if (pages > kMaxPdfPages) {
    Fail(diagnostics,
         "the PDF has " + std::to_string(pages) + " pages, over the limit of " +
             std::to_string(kMaxPdfPages) + " for one disclosure",
         "pdf-too-many-pages");
    return false;
  }
  SourceFile file;
  file.path = doc.path;
  file.sha256 = doc.sha256;
  file.format = "pdf";
  file.pages = pages;
  size_t words = 0;
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    Page p;
    p.file = 0;
    p.number = i + 1;
    p.first_line = doc.lines.size();
    if (!page) {
      doc.pages.push_back(p);
      continue;
    }
    poppler::rectf rect = page->page_rect();
    p.width = static_cast<float>(rect.width());
    p.height = static_cast<float>(rect.height());
    std::vector<LineGeometry> lines = PageLines(PageBoxes(*page), static_cast<int>(doc.pages.size()));
    std::vector<float> heights;
    float left = p.width;
    for (const auto& l : lines)
      for (const auto& w : l.words) {
        heights.push_back(w.Height());
        left = std::min(left, w.x0);
        ++words;
      }
    // A digit is about half as wide as the text is high; one column per digit keeps the
    // columns of a table roughly in place.
    float char_width = std::max(Median(heights) * 0.5f, 1.0f);
    for (auto& l : lines) {
      doc.lines.push_back(RenderLine(l.words, left, char_width));
      doc.geometry.push_back(std::move(l));
    }
    p.line_count = doc.lines.size() - p.first_line;
    doc.pages.push_back(p);
  }
  if (words == 0) {
    Fail(diagnostics,
         "the PDF has no text layer (" + std::to_string(pages) +
             " page" + (pages == 1 ? "" : "s") +
             " of images: a scanned document?); gongkai reads the text of a PDF, so run it "
             "through OCR first or use the department's text PDF",
         "pdf-no-text");
    return false;
  }
  doc.files.push_back(file);
  return true;
}

}  // namespace gongkai::ingest
