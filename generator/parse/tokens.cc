// Tokenizer for table text extracted from PDFs and Markdown.
#include "parse/tokens.h"

#include "parse/text.h"

namespace gongkai::parse {

bool Token::IsPlainInteger() const {
  if (kind != Kind::kNumber || text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

int Token::Decimals() const {
  size_t p = text.find('.');
  if (p == std::string::npos) return 0;
  return static_cast<int>(text.size() - p - 1);
}

namespace {

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool AllDigits(const std::string& s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// A number that is part of the text: a year ("2022年"), a date ("9 月"), a share ("25%").
// "0.00年终结转结余" is a figure followed by a label, not a year.
bool MakesNumberText(const std::string& number, char32_t next) {
  if (next == '%' || next == U'％') return true;
  if (next == U'年') return AllDigits(number) && number.size() == 4;
  if (next == U'月' || next == U'日') return AllDigits(number) && number.size() <= 2;
  return false;
}

bool IsOpeningBracket(char32_t c) { return c == U'（' || c == '(' || c == U'【' || c == U'〔'; }

struct Piece {
  bool number;
  std::string text;
};

// Splits a run of digits, commas and points that holds several decimal points into numbers
// of `precision` decimals each. Returns false if the run does not divide that way.
bool SplitGlued(const std::string& run, int precision, std::vector<std::string>& out) {
  size_t i = 0;
  while (i < run.size()) {
    size_t point = run.find('.', i);
    if (point == std::string::npos || point == i) return false;
    size_t end = point + 1 + precision;
    if (end > run.size()) return false;
    for (size_t k = point + 1; k < end; ++k)
      if (run[k] < '0' || run[k] > '9') return false;
    out.push_back(run.substr(i, end - i));
    i = end;
  }
  return !out.empty();
}

// A word with ASCII letters is a code or a name ("A020", "2032R00", "DIP"), and one without
// digits holds no number: all text. (Byte by byte: ASCII letters and digits are single bytes,
// and no byte of a longer UTF-8 sequence is ASCII.)
bool AllText(std::string_view word) {
  bool letter = false, digit = false;
  for (char ch : word) {
    letter |= IsAsciiLetter(static_cast<unsigned char>(ch));
    digit |= IsDigit(static_cast<unsigned char>(ch));
  }
  return letter || !digit;
}

// A word SplitWord reads as one number piece, the word itself: a figure as most table cells
// print it ("6867.36", "1,234"), a digit first, one decimal point at most, no comma last.
bool OneNumber(std::string_view word) {
  if (word.empty() || !IsDigit(static_cast<unsigned char>(word.front())) || word.back() == ',')
    return false;
  size_t points = 0;
  for (char ch : word) {
    if (ch == '.') {
      ++points;
    } else if (ch != ',' && !IsDigit(static_cast<unsigned char>(ch))) {
      return false;
    }
  }
  return points <= 1;
}

// Splits one white-space-free word that is not AllText into number and text pieces. Sets
// `glued` when the word holds a run of several decimal points: the only piece `precision`
// decides.
std::vector<Piece> SplitWord(std::string_view word, bool line_start, int precision, bool& glued) {
  std::vector<Piece> pieces;
  size_t i = 0;
  std::string text;
  auto flush_text = [&] {
    if (!text.empty()) pieces.push_back({false, std::move(text)});
    text.clear();
  };
  while (i < word.size()) {
    size_t start = i;
    char32_t c = NextCodePoint(word, i);
    bool starts_number = IsDigit(c) ||
                         (c == '.' && line_start && start == 0 && i < word.size() &&
                          IsDigit(static_cast<unsigned char>(word[i]))) ||
                         (c == '-' && start == 0 && i < word.size() &&
                          IsDigit(static_cast<unsigned char>(word[i])));
    if (!starts_number) {
      text.append(word.substr(start, i - start));
      continue;
    }
    size_t j = i;
    while (j < word.size()) {
      char ch = word[j];
      if ((ch >= '0' && ch <= '9') || ch == '.' || ch == ',') {
        ++j;
      } else {
        break;
      }
    }
    std::string run(word.substr(start, j - start));
    // Trailing commas belong to the sentence, not the number.
    std::string trailing;
    while (run.size() > 1 && run.back() == ',') {
      run.pop_back();
      trailing += ',';
    }
    size_t after = j;
    bool is_text = false;
    if (after < word.size()) {
      size_t probe = after;
      if (MakesNumberText(run, NextCodePoint(word, probe))) is_text = true;
    }
    // "（2023）", "(2023乡村振兴)": a number inside brackets in a name is text.
    if (!text.empty() && IsOpeningBracket(LastCodePoint(text))) is_text = true;
    if (is_text) {
      text += run + trailing;
      i = j;
      continue;
    }
    flush_text();
    size_t points = 0;
    for (char ch : run) points += ch == '.';
    std::vector<std::string> parts;
    glued |= points > 1;
    if (points > 1 && precision > 0 && SplitGlued(run, precision, parts)) {
      for (auto& p : parts) pieces.push_back({true, p});
    } else if (points > 1) {
      pieces.push_back({false, run});
    } else {
      pieces.push_back({true, run});
    }
    if (!trailing.empty()) text += trailing;
    i = j;
  }
  flush_text();
  // Merge neighbouring text pieces (a number turned text joins its neighbours).
  std::vector<Piece> merged;
  for (auto& p : pieces) {
    if (!p.number && !merged.empty() && !merged.back().number) {
      merged.back().text += p.text;
    } else {
      merged.push_back(std::move(p));
    }
  }
  return merged;
}

void TokenizeCell(std::string_view cell, int line_number, int cell_index, bool line_start,
                  int precision, std::vector<Token>& out, bool& glued) {
  size_t i = 0;
  bool first_word = true;
  while (i < cell.size()) {
    // Skip white space.
    if (size_t space = SpaceLength(cell, i)) {
      i += space;
      continue;
    }
    size_t start = i;
    while (i < cell.size() && SpaceLength(cell, i) == 0) ++i;
    std::string_view word = cell.substr(start, i - start);
    bool gap = true;
    auto add = [&](bool number, std::string text) {
      Token& t = out.emplace_back();
      t.kind = number ? Token::Kind::kNumber : Token::Kind::kText;
      t.text = std::move(text);
      t.line = line_number;
      t.cell = cell_index;
      t.gap_before = gap;
      gap = false;
    };
    if (AllText(word)) {
      add(false, std::string(word));
    } else if (OneNumber(word)) {  // SplitWord's answer without its piece lists
      add(true, std::string(word));
    } else {
      for (auto& piece : SplitWord(word, line_start && first_word && out.empty(), precision, glued))
        add(piece.number, std::move(piece.text));
    }
    first_word = false;
  }
}

// TokenizeLine; `glued` tells whether the line holds a glued run, so whether it would read
// differently at another precision.
TokenLine Tokenize(std::string_view raw, int line_number, int precision, bool& glued) {
  TokenLine tl;
  tl.line = line_number;
  std::string storage;
  const std::string_view clean = StripMarkup(raw, storage);
  tl.tabbed = clean.find('\t') != std::string_view::npos;
  if (!clean.empty()) tl.tokens.reserve(8);  // a row's name and figures: fewer reallocations
  if (tl.tabbed) {
    size_t start = 0;
    int index = 0;
    while (true) {
      size_t tab = clean.find('\t', start);
      size_t length = tab == std::string::npos ? std::string::npos : tab - start;
      std::string_view cell = std::string_view(clean).substr(start, length);
      tl.cells.push_back(Trim(cell));
      TokenizeCell(cell, line_number, index, index == 0, precision, tl.tokens, glued);
      if (tab == std::string::npos) break;
      start = tab + 1;
      ++index;
    }
  } else {
    TokenizeCell(clean, line_number, 0, true, precision, tl.tokens, glued);
  }
  return tl;
}

// Repairs numbers broken over line breaks (see TokenizeLines), in place.
void JoinBrokenNumbers(std::vector<TokenLine>& lines, int precision) {
  TokenLine* prev = nullptr;  // the last non-empty line before the current one
  for (TokenLine& tl : lines) {
    if (tl.Empty()) continue;
    if (prev && !prev->tabbed && !tl.tabbed) {
      Token& last = prev->tokens.back();
      Token& first = tl.tokens.front();
      bool merge = false;
      if (last.IsNumber() && first.IsNumber()) {
        bool last_ends_point = !last.text.empty() && last.text.back() == '.';
        bool first_starts_point = !first.text.empty() && first.text.front() == '.';
        if (last_ends_point && first.IsPlainInteger()) merge = true;           // 8132. / 86
        if (first_starts_point && last.IsPlainInteger()) merge = true;         // 8132 / .86
        if (precision == 2 && last.Decimals() == 1 && first.IsPlainInteger() &&  // 0.0 / 0
            first.text.size() == 1 && tl.tokens.size() == 1)
          merge = true;
      }
      if (merge) {
        last.text += first.text;
        tl.tokens.erase(tl.tokens.begin());
      }
    }
    // A lone "." or a number that still ends with a point is not a figure.
    for (auto& t : tl.tokens)
      if (t.IsNumber() && (t.text == "." || t.text == "-")) t.kind = Token::Kind::kText;
    if (!tl.Empty()) prev = &tl;
  }
}

// DetectPrecision of lines tokenized at precision 0.
int PrecisionOf(const std::vector<TokenLine>& lines) {
  int with_point = 0, two = 0;
  std::vector<const TokenLine*> tls;
  for (const TokenLine& tl : lines)
    if (!tl.Empty()) tls.push_back(&tl);
  for (size_t li = 0; li < tls.size(); ++li) {
    const auto& tokens = tls[li]->tokens;
    for (size_t k = 0; k < tokens.size(); ++k) {
      const Token& t = tokens[k];
      if (!t.IsNumber()) continue;
      size_t p = t.text.find('.');
      if (p == std::string::npos || p == t.text.size() - 1 || p == 0) continue;
      ++with_point;
      int decimals = t.Decimals();
      // "0.0" at a line end with a lone digit on the next line is one broken "0.00".
      if (decimals == 1 && k + 1 == tokens.size() && li + 1 < tls.size() &&
          tls[li + 1]->tokens.size() == 1 && tls[li + 1]->tokens[0].IsPlainInteger() &&
          tls[li + 1]->tokens[0].text.size() == 1)
        decimals = 2;
      if (decimals == 2) ++two;
    }
  }
  if (with_point >= 3 && two * 10 >= with_point * 9) return 2;
  return 0;
}

}  // namespace

TokenLine TokenizeLine(std::string_view raw, int line_number, int precision) {
  bool glued = false;
  return Tokenize(raw, line_number, precision, glued);
}

std::vector<TokenLine> TokenizeLines(const std::vector<std::string>& lines, size_t begin,
                                     size_t end, int precision) {
  std::vector<TokenLine> out;
  for (size_t i = begin; i < end && i < lines.size(); ++i)
    out.push_back(TokenizeLine(lines[i], static_cast<int>(i) + 1, precision));
  JoinBrokenNumbers(out, precision);
  return out;
}

int DetectPrecision(const std::vector<std::string>& lines, size_t begin, size_t end) {
  std::vector<TokenLine> tls;
  for (size_t i = begin; i < end && i < lines.size(); ++i)
    tls.push_back(TokenizeLine(lines[i], static_cast<int>(i) + 1, 0));
  return PrecisionOf(tls);
}

std::vector<TokenLine> TokenizeTable(const std::vector<std::string>& lines, size_t begin,
                                     size_t end) {
  // Each line is tokenized once, at precision 0; the precision is read from those tokens, and
  // only the lines it would read differently (glued runs) are tokenized again.
  std::vector<TokenLine> out;
  std::vector<size_t> glued_lines;
  for (size_t i = begin; i < end && i < lines.size(); ++i) {
    bool glued = false;
    out.push_back(Tokenize(lines[i], static_cast<int>(i) + 1, 0, glued));
    if (glued) glued_lines.push_back(out.size() - 1);
  }
  int precision = PrecisionOf(out);
  if (precision != 0)
    for (size_t k : glued_lines)
      out[k] = TokenizeLine(lines[begin + k], static_cast<int>(begin + k) + 1, precision);
  JoinBrokenNumbers(out, precision);
  return out;
}

}  // namespace gongkai::parse
