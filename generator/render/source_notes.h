// What the source view shows on a line beside its text: the figures gongkai read from it
// (marked in the text and listed) and the findings that cite it (severity, message, rule).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "model/disclosure.h"

namespace gongkai::render {

/// A figure the department page is built from, named as the page names it.
struct ReadFigure {
  std::string row;     ///< the table row or subject: "2101101 行政运行", "" for a total
  std::string column;  ///< 合计, 基本支出, 收入总计, … (row and column are document text)
  model::Money amount;
};

/// Every figure of the model (summary, 支出总表, 经济分类, projects, “三公”, the narrative's
/// amounts), by the 1-based line it stands on, in the model's order; each once per line.
std::map<int, std::vector<ReadFigure>> FiguresByLine(const model::Disclosure& d);

/// `text` HTML-escaped, with every number that, as printed in 万元, 元 or 千元, is the amount
/// of one of `figures` wrapped in <mark>. Numbers gongkai did not read stay plain.
std::string MarkFigures(std::string_view text, const std::vector<ReadFigure>& figures);

/// The source view's lines with what gongkai read and found on them.
class SourceNotes {
 public:
  explicit SourceNotes(const model::Disclosure& d);

  /// The list item of line `n` (1-based): its text (figures marked) and, below it, the list of
  /// the figures read from it and each finding that cites it (the full note on the finding's
  /// main line, a link to it on the others). `<li id="L<n>">`, HTML-escaped, ends in a newline.
  /// `lead` is HTML put before the text (the link to the line's page of the original PDF).
  std::string Item(int n, std::string_view text, std::string_view lead = {}) const;
  /// Item appended to `out` (a document has thousands of lines: no string per line).
  void AppendItem(std::string& out, int n, std::string_view text, std::string_view lead = {}) const;

 private:
  struct Note {
    const model::Finding* finding;
    int main_line;
  };
  std::map<int, std::vector<ReadFigure>> figures_;
  std::map<int, std::vector<Note>> notes_;
};

}  // namespace gongkai::render
