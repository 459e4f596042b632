// Logical table rows assembled from tokenized lines: a row's codes, its (possibly wrapped)
// name and its figures, whichever lines they stand on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "parse/tokens.h"

namespace gongkai::parse {

struct Row {
  std::vector<Token> ints;     ///< leading plain integers: codes, unit codes
  std::vector<Token> text;     ///< name pieces in order
  std::vector<Token> numbers;  ///< the figures after the name, in order
  std::vector<Token> trailing_text;  ///< text that followed the figures (wrapped name ends)
  /// Tab tables: one entry per column from the first amount column on, blank cells empty,
  /// so a figure's column is known. Empty for space-separated rows.
  std::vector<std::optional<Token>> columns;
  bool positional = false;
  int start_line = 0;

  /// The name with white space removed ("合 计" -> "合计").
  std::string Name() const;
  /// The name pieces as separated by white space in the source ("其他医疗保障管理事务支出",
  /// "两定机构评估及协议管理考核工作经费"); pieces glued across a line break are joined.
  std::vector<std::string> NameParts() const;
  /// Line of the first figure, or the start line if there is none.
  int AmountLine() const;
  bool HasAmounts() const { return !numbers.empty(); }
};

/// Assembles rows from the lines of one table region. `first_amount_column` is the tab cell
/// index of the first figure column (from the header's 合计), or -1 if unknown. Leading row
/// numbers (1, 2, 3, ... as in `9 210 卫生健康支出 ...`) are recognised by their sequence and
/// dropped; page-header lines (单位：万元, 预算年度, 栏次) are skipped.
std::vector<Row> AssembleRows(const std::vector<TokenLine>& lines, int first_amount_column);

/// Removes leading row numbers (1, 2, 3, ... in sequence) from the lines, in place.
void StripRowNumbers(std::vector<TokenLine>& lines);

/// StripRowNumbers without changing `lines`: `lines` itself where it has no row numbers (most
/// tables), else `storage`, a copy without them. `header` is PageHeaderLines(lines).
const std::vector<TokenLine>& WithoutRowNumbers(const std::vector<TokenLine>& lines,
                                                const std::vector<bool>& header,
                                                std::vector<TokenLine>& storage);

/// True for lines that repeat a table's page header rather than hold data.
bool IsPageHeaderLine(const TokenLine& line);
/// IsPageHeaderLine of each line (false for empty ones), for readers that pass over the lines
/// more than once.
std::vector<bool> PageHeaderLines(const std::vector<TokenLine>& lines);

/// Tab index of the header cell that starts the figure columns (合计 / 小计 / 金额 / 预算数),
/// or -1.
int FindFirstAmountColumn(const std::vector<TokenLine>& lines);

/// Assembles a classification code from a row's leading integers: `208 01 01` -> 2080101,
/// `301 01 30101` -> 30101. Unit codes (6 digits) and anything after them are ignored.
/// `first_digits` lists the allowed first digits ("2" functional, "35" economic). Returns ""
/// when the row has no such code.
std::string AssembleCode(const std::vector<Token>& ints, const std::string& first_digits);

}  // namespace gongkai::parse
