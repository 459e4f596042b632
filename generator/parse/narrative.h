// The document's running text joined across line breaks, with a map back to source lines.
#pragma once

#include <string>
#include <vector>

#include "parse/text.h"

namespace gongkai::parse {

/// PDF text wraps sentences at arbitrary points ("卫生健康支出 147.39 万" / "元"), so phrases
/// are matched in the lines joined together. Offsets map back to the 1-based source line.
class JoinedText {
 public:
  /// Joins lines [begin, end) (0-based), each trimmed, without separators.
  JoinedText(const std::vector<std::string>& lines, size_t begin, size_t end);
  /// Joins the lines whose `include` flag is set.
  JoinedText(const std::vector<std::string>& lines, const std::vector<bool>& include);
  /// The same from the document's clean lines (for a document read by several readers).
  JoinedText(const CleanLines& lines, size_t begin, size_t end);
  JoinedText(const CleanLines& lines, const std::vector<bool>& include);
  const std::string& text() const { return text_; }
  /// The source line of byte offset `offset` in text().
  int LineAt(size_t offset) const;

 private:
  void Append(const std::string& raw, int line) { AppendClean(TrimView(StripMarkup(raw)), line); }
  void AppendClean(std::string_view clean, int line);
  std::string text_;
  std::vector<std::pair<size_t, int>> starts_;  // (offset, line) where each line's text begins
};

/// A figure stated in the narrative right after a phrase: "公务接待费支出预算 0.94 万元".
struct StatedAmount {
  std::string digits;  ///< as printed, e.g. "0.94"
  int line = 0;
  size_t offset = 0;
};

/// Finds `phrase` at or after `from` and the first "<number> 万元" that follows it within
/// `max_gap` code points with no other number or sentence end in between.
bool FindStatedAmount(const JoinedText& text, const std::string& phrase, size_t from,
                      size_t until, size_t max_gap, StatedAmount& out);

}  // namespace gongkai::parse
