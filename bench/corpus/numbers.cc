// Finds the amounts and years of a disclosure's text and rewrites them exactly.
#include "corpus/numbers.h"

#include <algorithm>

#include "parse/text.h"

namespace gongkai::corpus {
namespace {

using parse::IsSpace;
using parse::NextCodePoint;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsFigureChar(char c) { return IsDigit(c) || c == '.' || c == ','; }

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// The line with markup a converter leaves (<b>, </b>, **, Markdown | and leading #) turned into
// spaces of the same length, so byte offsets stay those of the original line.
std::string Mask(std::string_view line) {
  std::string m(line);
  size_t i = 0;
  while (i < m.size() && (m[i] == '#' || m[i] == ' ')) m[i++] = ' ';
  for (i = 0; i < m.size(); ++i) {
    if (m[i] == '<') {
      size_t k = i + 1;
      if (k < m.size() && m[k] == '/') ++k;
      size_t letters = k;
      while (k < m.size() && (IsAsciiLetter(m[k]) || m[k] == '/')) ++k;
      if (k > letters && k < m.size() && m[k] == '>') {
        std::fill(m.begin() + i, m.begin() + k + 1, ' ');
        i = k;
      }
    } else if (m[i] == '*' && i + 1 < m.size() && m[i + 1] == '*') {
      m[i] = m[i + 1] = ' ';
      ++i;
    } else if (m[i] == '|') {
      m[i] = ' ';
    }
  }
  return m;
}

bool IsBlank(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (!IsSpace(NextCodePoint(s, i))) return false;
  }
  return true;
}

// A run of digits, points and commas as it stands in a masked line.
struct Run {
  size_t begin = 0, end = 0;  // without trailing commas and points
  size_t raw_end = 0;         // with a trailing point ("8132.")
  std::string text;
  bool trailing_point = false;
};

std::vector<Run> FindRuns(const std::string& m) {
  std::vector<Run> runs;
  size_t i = 0;
  // A line that starts with ".86" holds the second half of a broken number.
  size_t first = 0;
  while (first < m.size() && (m[first] == ' ' || m[first] == '\t')) ++first;
  while (i < m.size()) {
    bool start = IsDigit(m[i]) ||
                 (i == first && m[i] == '.' && i + 1 < m.size() && IsDigit(m[i + 1]));
    if (!start) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < m.size() && IsFigureChar(m[j])) ++j;
    size_t e = j;
    while (e > i + 1 && (m[e - 1] == ',' || m[e - 1] == '.')) --e;
    Run r;
    r.begin = i;
    r.end = e;
    r.trailing_point = j == e + 1 && m[e] == '.';
    r.raw_end = r.trailing_point ? j : e;
    r.text = m.substr(i, e - i);
    runs.push_back(r);
    i = j;
  }
  return runs;
}

struct LineInfo {
  std::string masked;
  bool blank = true;
  bool tabbed = false;
  bool numbers_only = false;  // figures, spaces and dashes only, at least one digit
  bool has_decimal = false;   // ... and one of them has a point or thousands separator
  size_t trail_begin = std::string::npos;  // where the figures after the last word begin
  bool trail_eligible = false;  // that word is Chinese (or a bracket) and not a unit/label
  std::vector<Run> runs;
};

// Words after which the numbers ending a line are not amounts: column numbers (栏次 1 2 3),
// counts with their unit (台 1, 人次 4), weights after a unit column (万元 5), telephones.
const char* const kStopWords[] = {"栏次", "序号", "编号", "代码", "电话", "手机", "传真", "邮编",
                                  "页",   "第",   "元",   "人次", "人",   "个",   "台",   "辆",
                                  "家",   "项",   "次",   "名",   "户",   "套",   "件",   "张",
                                  "天",   "年",   "月",   "日",   "号",   "级",   "人数", "权重",
                                  "分值", "期",   "批",   "岁",   "倍"};

LineInfo Analyse(std::string_view line) {
  LineInfo info;
  info.masked = Mask(line);
  const std::string& m = info.masked;
  info.tabbed = line.find('\t') != std::string_view::npos;
  info.blank = IsBlank(m);
  info.runs = FindRuns(m);
  // The last character that is not a figure, a space or a dash.
  size_t i = 0, last_other = std::string::npos, after_last_other = 0;
  char32_t last_cp = 0;
  while (i < m.size()) {
    size_t at = i;
    char32_t c = NextCodePoint(m, i);
    bool figure = c < 0x80 && (IsFigureChar(static_cast<char>(c)) || c == '-');
    if (!figure && !IsSpace(c)) {
      last_other = at;
      after_last_other = i;
      last_cp = c;
    }
  }
  if (last_other == std::string::npos) {
    info.numbers_only = !info.runs.empty();
    for (const Run& r : info.runs)
      if (r.text.find_first_of(".,") != std::string::npos) info.has_decimal = true;
    return info;
  }
  info.trail_begin = after_last_other;
  bool word = last_cp >= 0x80 || last_cp == ')';
  if (word) {
    std::string_view before(m.data(), after_last_other);
    for (const char* stop : kStopWords)
      if (EndsWith(before, stop)) word = false;
  }
  info.trail_eligible = word;
  return info;
}

// What follows a number: up to `n` code points after byte `pos` of line `li`, white space
// skipped. When the line ends there, the start of the next non-empty line, with `crossed` set
// (a PDF converter breaks "比 2021" / "年减少" and "0.94 万" / "元").
struct Follower {
  std::string text;
  bool crossed = false;
};

Follower Following(const std::vector<LineInfo>& infos, size_t li, size_t pos, size_t n) {
  Follower f;
  size_t count = 0;
  for (size_t l = li; l < infos.size() && count < n; ++l) {
    if (l != li && infos[l].blank) continue;
    if (l != li) f.crossed = true;
    const std::string& m = infos[l].masked;
    size_t i = l == li ? pos : 0;
    while (i < m.size() && count < n) {
      size_t at = i;
      char32_t c = NextCodePoint(m, i);
      if (IsSpace(c)) continue;
      f.text.append(m, at, i - at);
      ++count;
    }
    if (count > 0) break;
  }
  return f;
}

// The code points before byte `pos` of a masked line, white space removed, at most `n`.
std::string Preceding(const std::string& m, size_t pos, size_t n) {
  std::vector<std::string> cps;
  size_t i = 0;
  while (i < pos) {
    size_t at = i;
    char32_t c = NextCodePoint(m, i);
    if (IsSpace(c)) continue;
    cps.emplace_back(m, at, i - at);
  }
  std::string out;
  for (size_t k = cps.size() > n ? cps.size() - n : 0; k < cps.size(); ++k) out += cps[k];
  return out;
}

bool HanAt(std::string_view s, size_t at) {
  if (at >= s.size()) return false;
  return parse::IsHan(NextCodePoint(s, at));
}

// 万元, 元, 亿元, or 万 not followed by a word (0.2 万、 is money; 53 万多, 4.5 万左右,
// 14 万特殊群体 count people).
bool MoneyFollows(const std::string& f) {
  if (StartsWith(f, "元") || StartsWith(f, "亿")) return true;
  if (!StartsWith(f, "万")) return false;
  size_t rest = std::string("万").size();
  return f.compare(rest, std::string("元").size(), "元") == 0 || !HanAt(f, rest);
}

// 万 followed by a word: a count of people or things, not money.
bool TenThousandsOfSomething(const std::string& f) {
  return StartsWith(f, "万") && !MoneyFollows(f);
}

// A count or date part after the number (3 人, 0 辆, 9 月). The unit must be a whole word:
// "3 人。" is a count, "431.1 人员经费" a figure followed by the next column's label. 年/月/日
// only after a plain integer: in tables "0.00年终结转" is a figure followed by a label.
bool CountFollows(const Follower& f, bool plain) {
  static const char* const kWords[] = {"人次", "万人", "万户", "万亩", "辆", "倍"};
  static const char* const kUnits[] = {"人", "名", "个", "次", "家", "项", "台", "套", "件",
                                       "户", "张", "座", "间", "份", "册", "吨", "亩", "岁"};
  for (const char* w : kWords)
    if (StartsWith(f.text, w)) return true;
  for (const char* unit : kUnits)
    if (StartsWith(f.text, unit) && !HanAt(f.text, std::string(unit).size())) return true;
  if (plain)
    for (const char* unit : {"年", "月", "日", "天", "季"})
      if (StartsWith(f.text, unit) && !HanAt(f.text, std::string(unit).size())) return true;
  return false;
}

// 1,234,567.89: commas every three digits of the integer part.
bool ValidGrouping(const std::string& t) {
  size_t point = t.find('.');
  std::string whole = t.substr(0, point);
  if (whole.find(',') == std::string::npos) return t.find(',') == std::string::npos;
  size_t group = 0;
  for (size_t k = whole.size(); k-- > 0;) {
    if (whole[k] == ',') {
      if (group != 3) return false;
      group = 0;
    } else {
      ++group;
    }
  }
  return group >= 1 && group <= 3;
}

// A classification code standing alone: 201-234 (functional), 301-399 (economic), 501-599
// (government economic), 3, 5 or 7 digits.
bool CodeShaped(const std::string& t) {
  if (t.size() != 3 && t.size() != 5 && t.size() != 7) return false;
  int head = std::stoi(t.substr(0, 3));
  return (head >= 201 && head <= 234) || (head >= 301 && head <= 399) ||
         (head >= 501 && head <= 599);
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  return true;
}

// Part of an ASCII word or code (A020, 2032R00, 50011022T000000087978)?
bool InAsciiWord(const std::string& m, const Run& r) {
  size_t b = r.begin, e = r.raw_end;
  while (b > 0 && (IsAsciiLetter(m[b - 1]) || IsDigit(m[b - 1]) || m[b - 1] == '_')) --b;
  while (e < m.size() && (IsAsciiLetter(m[e]) || IsDigit(m[e]) || m[e] == '_')) ++e;
  for (size_t k = b; k < e; ++k)
    if (IsAsciiLetter(m[k])) return true;
  return false;
}

// 023-81710331, 3-11: digits joined by a hyphen to other digits.
bool Hyphenated(const std::string& m, const Run& r) {
  if (r.begin >= 2 && m[r.begin - 1] == '-' && IsDigit(m[r.begin - 2])) return true;
  if (r.raw_end + 1 < m.size() && m[r.raw_end] == '-' && IsDigit(m[r.raw_end + 1])) return true;
  return false;
}

size_t NextNonBlank(const std::vector<LineInfo>& infos, size_t li) {
  for (size_t l = li + 1; l < infos.size(); ++l)
    if (!infos[l].blank) return l;
  return infos.size();
}

bool NeighbourHasFigures(const std::vector<LineInfo>& infos, size_t li) {
  size_t next = NextNonBlank(infos, li);
  if (next < infos.size() && infos[next].numbers_only && infos[next].has_decimal) return true;
  for (size_t l = li; l-- > 0;) {
    if (infos[l].blank) continue;
    return infos[l].numbers_only && infos[l].has_decimal;
  }
  return false;
}

bool NothingAfter(const std::string& m, size_t pos) { return IsBlank(std::string_view(m).substr(pos)); }

NumberSpan Span(NumberSpan::Kind kind, size_t line, size_t begin, size_t end, std::string text) {
  NumberSpan s;
  s.kind = kind;
  s.line = line;
  s.begin = begin;
  s.end = end;
  s.text = std::move(text);
  return s;
}

// "8132" / ".86", "8132." / "86", "0.0" / "0": a figure the PDF broke at a line end; joined as
// the parser's tokenizer joins them. Returns true and fills `span` when run `r` of line `li`
// is the first half of one.
bool BrokenFigure(const std::vector<LineInfo>& infos, size_t li, const Run& r, NumberSpan& span) {
  const LineInfo& a = infos[li];
  if (a.tabbed || !NothingAfter(a.masked, r.raw_end)) return false;
  size_t nj = NextNonBlank(infos, li);
  if (nj >= infos.size() || infos[nj].tabbed || infos[nj].runs.empty()) return false;
  const LineInfo& b = infos[nj];
  const Run& r2 = b.runs.front();
  if (!IsBlank(std::string_view(b.masked).substr(0, r2.begin))) return false;
  std::string first = a.masked.substr(r.begin, r.raw_end - r.begin);
  std::string second = b.masked.substr(r2.begin, r2.raw_end - r2.begin);
  bool plain_first = AllDigits(r.text) && !r.trailing_point;
  bool join = false;
  if (plain_first && second.size() >= 2 && second[0] == '.' && AllDigits(second.substr(1)))
    join = true;  // 8132 / .86
  if (r.trailing_point && AllDigits(r.text) && AllDigits(second)) join = true;  // 8132. / 86
  size_t point = r.text.find('.');
  if (point != std::string::npos && point + 2 == r.text.size() && AllDigits(r.text.substr(0, point)) &&
      second.size() == 1 && b.runs.size() == 1 && NothingAfter(b.masked, r2.raw_end))
    join = true;  // 0.0 / 0
  if (!join) return false;
  span = Span(NumberSpan::Kind::kAmount, li, r.begin, r.raw_end, first + second);
  span.broken = true;
  span.line2 = nj;
  span.begin2 = r2.begin;
  span.end2 = r2.raw_end;
  return true;
}

// Splits a glued run "8,132.86385.86360.62" into 2-decimal figures; false if it does not divide.
bool SplitGlued(const std::string& run, std::vector<std::pair<size_t, size_t>>& pieces) {
  size_t i = 0;
  while (i < run.size()) {
    size_t point = run.find('.', i);
    if (point == std::string::npos || point == i || point + 3 > run.size()) return false;
    if (!IsDigit(run[point + 1]) || !IsDigit(run[point + 2])) return false;
    pieces.emplace_back(i, point + 3);
    i = point + 3;
  }
  return !pieces.empty();
}

}  // namespace

std::vector<NumberSpan> FindNumbers(const std::vector<std::string>& lines) {
  std::vector<LineInfo> infos;
  infos.reserve(lines.size());
  for (const auto& l : lines) infos.push_back(Analyse(l));
  std::vector<bool> first_consumed(lines.size(), false);
  std::vector<NumberSpan> out;
  using Kind = NumberSpan::Kind;
  for (size_t li = 0; li < lines.size(); ++li) {
    const LineInfo& info = infos[li];
    const std::string& m = info.masked;
    for (size_t ri = 0; ri < info.runs.size(); ++ri) {
      if (ri == 0 && first_consumed[li]) continue;
      const Run& r = info.runs[ri];
      NumberSpan broken;
      if (ri + 1 == info.runs.size() && BrokenFigure(infos, li, r, broken)) {
        first_consumed[broken.line2] = true;
        out.push_back(broken);
        continue;
      }
      const std::string& t = r.text;
      if (t.empty() || t[0] == '.' || InAsciiWord(m, r)) continue;
      Follower follow = Following(infos, li, r.raw_end, 4);
      if (StartsWith(follow.text, "%") || StartsWith(follow.text, "％") ||
          StartsWith(follow.text, "‰"))
        continue;
      if (std::count(t.begin(), t.end(), '.') >= 2) {
        std::vector<std::pair<size_t, size_t>> pieces;
        if (!SplitGlued(t, pieces)) continue;
        bool valid = true;
        for (auto [b, e] : pieces) valid &= ValidGrouping(t.substr(b, e - b));
        if (!valid) continue;
        for (auto [b, e] : pieces)
          out.push_back(Span(Kind::kAmount, li, r.begin + b, r.begin + e, t.substr(b, e - b)));
        continue;
      }
      bool plain = AllDigits(t);
      if (!plain && !ValidGrouping(t)) continue;
      bool in_trail = info.trail_eligible && r.begin >= info.trail_begin;
      size_t trail_runs = 0;
      if (in_trail)
        for (const Run& o : info.runs) trail_runs += o.begin >= info.trail_begin;
      bool money = MoneyFollows(follow.text);
      if (plain && t.size() == 4 && t >= "2000" && t <= "2039") {
        bool amount = !StartsWith(follow.text, "年") &&
                      (money || (in_trail && trail_runs >= 2) ||
                       (info.numbers_only && info.has_decimal && info.runs.size() >= 2));
        out.push_back(Span(amount ? Kind::kAmount : Kind::kYear, li, r.begin, r.end, t));
        continue;
      }
      if (plain && Hyphenated(m, r)) continue;
      if (plain && t.size() > 1 && t[0] == '0') continue;
      std::string before = Preceding(m, r.begin, 6);
      if (EndsWith(before, "第")) continue;
      if (CountFollows(follow, plain) || TenThousandsOfSomething(follow.text)) continue;
      if (plain && t.size() > 9) continue;
      bool amount = false;
      if (money || !plain) {
        amount = true;
      } else if (!(before.find("电话") != std::string::npos ||
                   before.find("手机") != std::string::npos ||
                   before.find("联系方式") != std::string::npos)) {
        if (in_trail) {
          amount = true;
        } else if (info.numbers_only) {
          if (info.has_decimal) {
            amount = true;
          } else if (info.runs.size() >= 2) {
            amount = true;
            for (const Run& o : info.runs)
              if ((o.text.size() == 5 || o.text.size() == 7) && CodeShaped(o.text)) amount = false;
          } else {
            amount = !CodeShaped(t) && NeighbourHasFigures(infos, li);
          }
        }
      }
      if (amount) out.push_back(Span(Kind::kAmount, li, r.begin, r.end, t));
    }
  }
  return out;
}

std::string ScaleFigure(std::string_view printed, int64_t factor, int64_t add) {
  std::string digits;
  int decimals = 0;
  bool point = false, commas = false;
  for (char c : printed) {
    if (IsDigit(c)) {
      digits += c;
      if (point) ++decimals;
    } else if (c == '.' && !point) {
      point = true;
    } else if (c == ',' && !point) {
      commas = true;
    } else {
      return "";
    }
  }
  if (digits.empty() || digits.size() > 15) return "";
  int64_t units = std::stoll(digits);
  int64_t one = 1;
  for (int k = 0; k < decimals; ++k) one *= 10;
  units = units * factor + add * one;
  bool negative = units < 0;
  if (negative) units = -units;
  std::string s = std::to_string(units);
  if (static_cast<int>(s.size()) <= decimals) s.insert(0, decimals - s.size() + 1, '0');
  std::string whole = s.substr(0, s.size() - decimals);
  std::string frac = s.substr(s.size() - decimals);
  if (commas)
    for (size_t k = whole.size(); k > 3; k -= 3) whole.insert(k - 3, ",");
  std::string out = (negative ? "-" : "") + whole;
  if (point) out += "." + frac;
  return out;
}

void ReplaceSpan(std::vector<std::string>& lines, const NumberSpan& span,
                 const std::string& replacement) {
  if (!span.broken) {
    lines[span.line].replace(span.begin, span.end - span.begin, replacement);
    return;
  }
  // The second piece keeps its length: it holds the last digits ("86", ".86", "0").
  size_t second = span.end2 - span.begin2;
  if (second >= replacement.size()) second = replacement.size() - 1;
  lines[span.line2].replace(span.begin2, span.end2 - span.begin2,
                            replacement.substr(replacement.size() - second));
  lines[span.line].replace(span.begin, span.end - span.begin,
                           replacement.substr(0, replacement.size() - second));
}

void RewriteNumbers(std::vector<std::string>& lines, const std::vector<NumberSpan>& spans,
                    int64_t factor, int year_delta,
                    const std::map<size_t, std::string>& overrides) {
  // From the last to the first, so earlier offsets stay valid.
  for (size_t k = spans.size(); k-- > 0;) {
    const NumberSpan& s = spans[k];
    std::string replacement;
    if (auto o = overrides.find(k); o != overrides.end()) {
      replacement = o->second;
    } else if (s.kind == NumberSpan::Kind::kText) {
      continue;
    } else if (s.kind == NumberSpan::Kind::kYear) {
      replacement = std::to_string(std::stoi(s.text) + year_delta);
    } else {
      replacement = ScaleFigure(s.text, factor);
      if (replacement.empty()) continue;
    }
    ReplaceSpan(lines, s, replacement);
  }
}

}  // namespace gongkai::corpus
