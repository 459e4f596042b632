// Row assembly for tables in tab-separated and PDF-space layouts.
#include "parse/rows.h"

#include <algorithm>

#include "parse/text.h"

namespace gongkai::parse {

std::string Row::Name() const {
  std::string out;
  for (const auto& t : text) AppendWithoutSpaces(out, t.text);
  return out;
}

std::vector<std::string> Row::NameParts() const {
  std::vector<std::string> parts;
  int last_line = 0;
  for (const auto& t : text) {
    bool new_part = parts.empty() || (t.gap_before && t.line == last_line);
    if (new_part) {
      parts.push_back(t.text);
    } else {
      parts.back() += t.text;
    }
    last_line = t.line;
  }
  return parts;
}

int Row::AmountLine() const { return numbers.empty() ? start_line : numbers.front().line; }

namespace {

// IsPageHeaderLine, the line's tokens joined in `joined` (a buffer kept from line to line).
bool IsPageHeaderLine(const TokenLine& line, std::string& joined) {
  // Every mark holds 位, 度, 栏 or 部, and a character stands in one token: a line with none
  // of them (most rows) holds no mark, and is not joined to be looked at again.
  static const AnyWord kMarkCharacters{"位", "度", "栏", "部"};
  if (std::none_of(line.tokens.begin(), line.tokens.end(),
                   [](const Token& t) { return kMarkCharacters.In(t.text); }))
    return false;
  joined.clear();
  for (const auto& t : line.tokens) joined += t.text;
  static const AnyWord kMarks{"单位：", "单位:", "预算年度", "栏次", "单位名称：", "单位名称:",
                              "部门：", "部门:", "部门/单位", "金额单位"};
  return kMarks.In(joined);
}

}  // namespace

bool IsPageHeaderLine(const TokenLine& line) {
  std::string joined;
  return IsPageHeaderLine(line, joined);
}

int FindFirstAmountColumn(const std::vector<TokenLine>& lines) {
  for (const auto& l : lines) {
    if (!l.tabbed) continue;
    bool has_number = false;
    for (const auto& t : l.tokens) has_number |= t.IsNumber() && !t.IsPlainInteger();
    if (has_number) break;  // past the header
    for (size_t c = 0; c < l.cells.size(); ++c) {
      std::string cell = RemoveSpaces(l.cells[c]);
      if (cell == "合计" || cell == "小计" || cell == "金额" || cell == "预算数" || cell == "总计")
        return static_cast<int>(c);
    }
  }
  return -1;
}

std::string AssembleCode(const std::vector<Token>& ints, const std::string& first_digits) {
  std::string code;
  for (const auto& t : ints) {
    const std::string& d = t.text;
    if (code.empty()) {
      if ((d.size() == 3 || d.size() == 5 || d.size() == 7) &&
          first_digits.find(d[0]) != std::string::npos) {
        code = d;
        continue;
      }
      if (d.size() == 6) continue;  // a unit code before the classification code
      return "";
    }
    if (d.size() == 2 && (code.size() == 3 || code.size() == 5)) {
      code += d;
    } else if ((d.size() == 5 || d.size() == 7) && d.size() > code.size() &&
               StartsWith(d, code)) {
      code = d;
    } else {
      break;
    }
  }
  return code;
}

// Removing a row number does not change whether a line is a page header: the marks hold no
// digits.
std::vector<bool> PageHeaderLines(const std::vector<TokenLine>& lines) {
  std::vector<bool> header(lines.size());
  std::string joined;
  for (size_t i = 0; i < lines.size(); ++i)
    header[i] = !lines[i].Empty() && IsPageHeaderLine(lines[i], joined);
  return header;
}

namespace {

bool IsTotalLabel(const std::string& name) {
  return StartsWith(name, "合计") || StartsWith(name, "总计") || name == "小计";
}

// Row numbers: the first plain integers of lines, 1, 2, 3, ... in order.
bool DetectRowNumbers(const std::vector<TokenLine>& lines, const std::vector<bool>& header) {
  std::vector<long> firsts;
  for (size_t i = 0; i < lines.size(); ++i) {
    const TokenLine& l = lines[i];
    if (l.Empty() || l.tabbed || header[i]) continue;
    const Token& t = l.tokens.front();
    if (t.IsPlainInteger() && t.text.size() <= 3 && l.tokens.size() >= 2)
      firsts.push_back(std::stol(t.text));
  }
  if (firsts.size() < 3) return false;
  size_t steps = 0;
  for (size_t i = 1; i < firsts.size(); ++i) steps += firsts[i] == firsts[i - 1] + 1;
  return steps * 10 >= (firsts.size() - 1) * 7;
}

// StripRowNumbers, once they are detected.
void RemoveRowNumbers(std::vector<TokenLine>& lines, const std::vector<bool>& header) {
  long last = 0;
  for (size_t li = 0; li < lines.size(); ++li) {
    auto& line = lines[li];
    if (line.Empty() || line.tabbed || header[li]) continue;
    auto& toks = line.tokens;
    // "23" alone, its label on the next line ("二十三、灾害防治及应急管理支" / "出").
    bool lone = false;
    if (toks.size() == 1 && toks.front().IsPlainInteger() && toks.front().text.size() <= 3) {
      for (size_t k = li + 1; k < lines.size(); ++k) {
        if (lines[k].Empty()) continue;
        lone = lines[k].tokens.front().IsText();
        break;
      }
    }
    if ((toks.size() >= 2 || lone) && toks.front().IsPlainInteger() && toks.front().text.size() <= 3) {
      long n = std::stol(toks.front().text);
      if (n == last + 1 || n == 1) {
        last = n;
        line.row_number = true;
        toks.erase(toks.begin());
        if (!toks.empty()) toks.front().gap_before = true;
      }
    }
  }
}

}  // namespace

void StripRowNumbers(std::vector<TokenLine>& lines) {
  std::vector<bool> header = PageHeaderLines(lines);
  if (DetectRowNumbers(lines, header)) RemoveRowNumbers(lines, header);
}

const std::vector<TokenLine>& WithoutRowNumbers(const std::vector<TokenLine>& lines,
                                                const std::vector<bool>& header,
                                                std::vector<TokenLine>& storage) {
  if (!DetectRowNumbers(lines, header)) return lines;
  storage = lines;
  RemoveRowNumbers(storage, header);
  return storage;
}

std::vector<Row> AssembleRows(const std::vector<TokenLine>& input, int first_amount_column) {
  std::vector<Row> rows;
  std::vector<bool> header = PageHeaderLines(input);
  std::vector<TokenLine> storage;
  const std::vector<TokenLine>& lines = WithoutRowNumbers(input, header, storage);
  Row* cur = nullptr;

  auto next_nonempty_starts_text = [&](size_t i) {
    for (size_t k = i + 1; k < lines.size(); ++k) {
      if (lines[k].Empty()) continue;
      return lines[k].tokens.front().IsText();
    }
    return false;
  };

  for (size_t li = 0; li < lines.size(); ++li) {
    const TokenLine& line = lines[li];
    if (line.Empty() || header[li]) continue;
    const std::vector<Token>& toks = line.tokens;

    if (line.tabbed) {
      Row row;
      row.start_line = line.line;
      // Cells before the figure columns that hold any text are name cells, taken whole as
      // printed, digits included ("本级配套（2023）").
      std::vector<bool> text_cell(line.cells.size(), false);
      for (const auto& t : toks) {
        bool amount_col = first_amount_column >= 0 && t.cell >= first_amount_column;
        if (t.IsText() && !amount_col) text_cell[t.cell] = true;
      }
      int name_cell = -1;
      for (const auto& t : toks) {
        if (text_cell[t.cell]) {
          if (!row.text.empty() && row.text.back().cell == t.cell) continue;
          if (name_cell < 0) name_cell = t.cell;
          Token whole = t;
          whole.kind = Token::Kind::kText;
          whole.text = line.cells[t.cell];
          row.text.push_back(whole);
          continue;
        }
        bool amount_col = first_amount_column >= 0 && t.cell >= first_amount_column;
        if (t.IsPlainInteger() && !amount_col && name_cell < 0 && row.numbers.empty()) {
          row.ints.push_back(t);
        } else if (t.IsNumber()) {
          row.numbers.push_back(t);
        } else {
          row.trailing_text.push_back(t);
        }
      }
      // A row of plain integers only (no name) holds figures, not codes.
      if (row.text.empty() && first_amount_column < 0 && !row.ints.empty()) {
        row.numbers.insert(row.numbers.begin(), row.ints.begin(), row.ints.end());
        row.ints.clear();
      }
      int start = first_amount_column >= 0 ? first_amount_column
                  : name_cell >= 0         ? name_cell + 1
                  : row.numbers.empty()    ? 0
                                           : row.numbers.front().cell;
      row.positional = true;
      for (int c = start; c < static_cast<int>(line.cells.size()); ++c) {
        std::optional<Token> cell;
        for (const auto& t : row.numbers)
          if (t.cell == c) {
            cell = t;
            break;
          }
        row.columns.push_back(cell);
      }
      rows.push_back(std::move(row));
      cur = &rows.back();
      continue;
    }

    const Token& first = toks.front();
    bool all_numbers = true;
    bool has_text = false;
    for (const auto& t : toks) {
      all_numbers &= t.IsNumber();
      has_text |= t.IsText();
    }
    bool code_start = first.IsPlainInteger() && (has_text || next_nonempty_starts_text(li));
    bool label_start = first.IsText() && IsTotalLabel(first.text);  // a token holds no white space
    bool new_text_row = first.IsText() && cur && cur->HasAmounts();
    // A numbered line or an item with an ordinal ("二、公务用车购置及运维费") starts a row.
    bool numbered = line.row_number || (first.IsText() && StartsWithOrdinal(first.text));
    if (code_start || label_start || new_text_row || numbered || !cur) {
      rows.emplace_back();
      cur = &rows.back();
      cur->start_line = line.line;
    }
    bool in_ints = code_start;
    for (const auto& t : toks) {
      if (in_ints && t.IsPlainInteger() && cur->text.empty()) {
        cur->ints.push_back(t);
        continue;
      }
      in_ints = false;
      if (t.IsNumber()) {
        cur->numbers.push_back(t);
      } else if (cur->numbers.empty()) {
        cur->text.push_back(t);
      } else {
        cur->trailing_text.push_back(t);
      }
    }
    (void)all_numbers;
  }
  return rows;
}

}  // namespace gongkai::parse
