// Tokens of table text: numbers and text pieces with their line, cell and spacing, with
// numbers that a PDF converter glued together or broke across lines put right.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gongkai::parse {

struct Token {
  enum class Kind { kNumber, kText };
  Kind kind = Kind::kText;
  std::string text;  ///< a number as printed ("3,688.46"), or a text piece
  int line = 0;      ///< 1-based source line (of the first piece, for a merged number)
  int cell = 0;      ///< tab-separated cell index within the line; 0 where there are no tabs
  bool gap_before = true;  ///< white space or a cell boundary stands before it

  bool IsNumber() const { return kind == Kind::kNumber; }
  bool IsText() const { return kind == Kind::kText; }
  /// A number printed without decimal point or thousands separator ("208", "01", "96").
  bool IsPlainInteger() const;
  int Decimals() const;  ///< digits after the point; 0 if none
};

/// One source line, tokenized. For a tab-separated line, `cells` holds every cell (empty ones
/// too) with markup removed, so a blank cell keeps its column.
struct TokenLine {
  int line = 0;
  bool tabbed = false;
  std::vector<std::string> cells;
  std::vector<Token> tokens;
  bool row_number = false;  ///< a leading row number was removed (StripRowNumbers)
  bool Empty() const { return tokens.empty(); }
};

/// Tokenizes one line. `precision` is the number of decimals the table prints every figure
/// with (2 in most tables), or 0 when the table prints figures with varying decimals; with a
/// precision, a run like `8,132.86385.86360.62` is split into 8,132.86 | 385.86 | 360.62.
/// A number directly followed by 年, 月, 日, % or ％ is text ("2022年预算数", "25%").
TokenLine TokenizeLine(std::string_view raw, int line_number, int precision);

/// Tokenizes source lines [begin, end) (0-based indices into `lines`; line numbers are index
/// + 1) and repairs numbers broken over lines: `8132` / `.86`, `8132.` / `86`, and with
/// precision 2, `0.0` / `0`.
std::vector<TokenLine> TokenizeLines(const std::vector<std::string>& lines, size_t begin,
                                     size_t end, int precision);

/// The decimals a table prints its figures with: 2 if (nearly) every figure with a decimal
/// point among lines [begin, end) has two, else 0 (varying, as in tables that drop trailing
/// zeros: 431.1, 96).
int DetectPrecision(const std::vector<std::string>& lines, size_t begin, size_t end);

/// The lines [begin, end) of one table: TokenizeLines at the table's DetectPrecision, each
/// line tokenized once.
std::vector<TokenLine> TokenizeTable(const std::vector<std::string>& lines, size_t begin,
                                     size_t end);

}  // namespace gongkai::parse
