// Rebuilding a table from word positions.
//   header    项目        合计     基本支出              项目支出
//                                  人员经费  公用经费
//   data      201 一般公共服务支出  3,478.72  2,357.92  420.00    700.80
// The bottom-most header cells are the columns; the cells above a column name its parents
// (基本支出/人员经费). A figure belongs to the column whose header it stands under; blank cells
// are simply absent, which is why a text rendering (where only the order of figures is left)
// cannot place them and positions can.
#include "layout/grid.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "parse/text.h"

namespace gongkai::layout {

namespace {

using parse::Contains;
using parse::RemoveSpaces;
using parse::StartsWith;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsPlainInteger(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  return true;
}

float Overlap(float a0, float a1, float b0, float b1) {
  return std::max(0.0f, std::min(a1, b1) - std::max(a0, b0));
}

bool IsSingleHan(const std::string& s) {
  size_t i = 0;
  if (s.empty()) return false;
  char32_t c = parse::NextCodePoint(s, i);
  return i == s.size() && parse::IsHan(c);
}

// One character of vertical text: a Han character or a full-width bracket or mark
// (`（` `）` `“`), never a digit or a letter.
bool IsStackableChar(const std::string& s) {
  size_t i = 0;
  if (s.empty()) return false;
  char32_t c = parse::NextCodePoint(s, i);
  return i == s.size() && (parse::IsHan(c) || (c >= 0xFF08 && c <= 0xFF09) ||
                           (c >= 0x3000 && c <= 0x303F) || (c >= 0x2018 && c <= 0x201D));
}

// A header line's words as cells: letters spaced out to fill a cell (`项   目`, `合   计`,
// `预 算 数`) are one cell; so are words that nearly touch.
std::vector<Cell> HeaderCells(const ingest::LineGeometry& g, size_t line) {
  std::vector<Cell> cells;
  bool last_single = false;
  for (const auto& w : g.words) {
    bool single = IsSingleHan(w.text);
    if (!cells.empty()) {
      Cell& prev = cells.back();
      float gap = w.x0 - prev.x1;
      float h = std::max(w.Height(), 1.0f);
      // Nearly touching: within half a height. Two long names are two cells of a tight table
      // unless they touch (西安 表13 at 4 pt: `公务用车购置` and `公务用车运行` 0.8 pt apart),
      // where a piece that opens with a bracket continues its word (`因公出国` `(境)费`).
      bool two_names = parse::CodePointCount(prev.text) >= 4 &&
                       parse::CodePointCount(w.text) >= 4 && !StartsWith(w.text, "(") &&
                       !StartsWith(w.text, "（");
      if (gap < (two_names ? 0.15f : 0.5f) * h || (single && last_single && gap < 3.0f * h)) {
        prev.text += w.text;
        prev.x1 = std::max(prev.x1, w.x1);
        last_single = single;
        continue;
      }
    }
    cells.push_back({w.text, w.x0, w.x1, line});
    last_single = single;
  }
  return cells;
}

// A year in a header: "2026" before "年预算数".
bool IsYearWord(const std::vector<ingest::Word>& words, size_t i) {
  const std::string& t = words[i].text;
  if (t.size() < 4 || !IsPlainInteger(t.substr(0, 4))) return false;
  if (t.size() == 4) return i + 1 < words.size() && StartsWith(words[i + 1].text, "年");
  return t.compare(4, std::string::npos, "年") == 0 || StartsWith(t.substr(4), "年");
}

// An index row under the header: "栏次 1 2 3", "** ** 1 2 3", "1 2 3 4".
bool IsIndexRow(const ingest::LineGeometry& g) {
  int small = 0, other = 0;
  for (const auto& w : g.words) {
    std::string t = RemoveSpaces(w.text);
    if (t == "栏次" || t == "**" || t == "*" || t == "行次" || t == "甲" || t == "乙" ||
        t == "丙")
      continue;
    if (IsPlainInteger(t) && t.size() <= 2)
      ++small;
    else
      ++other;
  }
  return small >= 2 && other == 0;
}

// A line that holds figures (not a header): a number with a point or a thousands comma, or
// a whole number to the right of some text (福州/西安 print whole 元 without decimals).
bool IsDataLine(const ingest::LineGeometry& g) {
  if (IsIndexRow(g)) return false;
  bool text_before = false;
  for (size_t i = 0; i < g.words.size(); ++i) {
    const std::string& t = g.words[i].text;
    if (IsAmountWord(t)) {
      if (IsYearWord(g.words, i)) continue;
      if (t.find('.') != std::string::npos || t.find(',') != std::string::npos) return true;
      if (text_before) return true;
    } else {
      text_before = true;
    }
  }
  return false;
}

// The words at the start of a label that are a row's code: 2014001, 201 40 04, 30101.
bool StartsWithCodeOrOrdinal(const std::string& label) {
  std::string t = RemoveSpaces(label);
  if (t.empty()) return false;
  if (IsDigit(t[0])) return true;
  if (parse::StartsWithOrdinal(t)) return true;
  for (const char* w : {"合计", "总计", "小计", "其中", "收入合计", "支出合计", "收入总计",
                        "支出总计", "本年", "上年", "年终", "结转", "用事业基金"})
    if (StartsWith(t, w)) return true;
  return false;
}

// A line that opens with a classification code (`2130311-水资源节约管理与`, `30101 基本工资`):
// a row's label, wrapped above its figures at the top of a continuation page, never a header
// (a header's years read `2026年预算数`).
bool StartsWithRowCode(const ingest::LineGeometry& g) {
  if (g.words.empty()) return false;
  const std::string& t = g.words.front().text;
  size_t digits = 0;
  while (digits < t.size() && IsDigit(t[digits])) ++digits;
  if (digits < 3) return false;
  std::string rest = t.substr(digits);
  if (rest.empty() && g.words.size() > 1) rest = g.words[1].text;  // "2026" "年预算数"
  return !StartsWith(rest, "年");
}

// Where the code that opens a label ends (`2014001-`, `201 40 04 `): a wrapped piece from
// above goes after it.
size_t CodeEnd(const std::string& label) {
  size_t end = 0;
  while (end < label.size() && (IsDigit(label[end]) || label[end] == ' ' || label[end] == '-'))
    ++end;
  return end;
}

struct Columns {
  std::vector<Column> columns;
  std::vector<float> bounds;  // bounds[k]: left edge of column k's territory
};

void ComputeBounds(Columns& c) {
  c.bounds.clear();
  for (size_t k = 0; k < c.columns.size(); ++k)
    c.bounds.push_back(k == 0 ? -1e9f : (c.columns[k - 1].x1 + c.columns[k].x0) / 2);
}

int ColumnOf(const Columns& c, float x0, float x1) {
  if (c.columns.empty()) return -1;
  int best = -1;
  float best_overlap = 0;
  for (size_t k = 0; k < c.columns.size(); ++k) {
    float o = Overlap(x0, x1, c.columns[k].x0, c.columns[k].x1);
    if (o > best_overlap) {
      best_overlap = o;
      best = static_cast<int>(k);
    }
  }
  if (best >= 0) return best;
  float center = (x0 + x1) / 2;
  int k = static_cast<int>(c.columns.size()) - 1;
  while (k > 0 && center < c.bounds[static_cast<size_t>(k)]) --k;
  return k;
}

// The columns of a line's words. A word goes to the column whose header it stands under, else
// to the nearer side of the gap it stands in. Two separate figures never share a cell; where
// two land in one column and only one of them can have strayed, it belongs to the neighbour on
// its side (figures keep the order of their columns), if nothing of the line stands there:
//   - one stands under the header, the other beside it (无锡 09表: `36.58` right-aligned under
//     the narrow `小计`, past its text and nearer `公务用车购置费`, whose `17.98` is under it);
//   - neither stands under it, and the neighbour of only one of them is free (西安 2022 表8:
//     `1884  1884  0` right-aligned past the headers `合计 | 人员经费支出 | 公用经费支出`).
// The strayed figure must stand wholly on its side of the header. Otherwise the cell stays
// doubtful (emptied when the row is built). Pieces of one broken number (touching within half
// a height) and row numbers (`1`, `05`) never move.
std::vector<int> PlaceLine(const Columns& c, const ingest::LineGeometry& g) {
  size_t n = g.words.size();
  int ncols = static_cast<int>(c.columns.size());
  std::vector<int> at(n, -1);
  std::vector<bool> under(n, false);
  for (size_t i = 0; i < n; ++i) {
    const auto& w = g.words[i];
    at[i] = ColumnOf(c, w.x0, w.x1);
    if (at[i] >= 0) {
      const Column& col = c.columns[static_cast<size_t>(at[i])];
      under[i] = Overlap(w.x0, w.x1, col.x0, col.x1) > 0;
    }
  }
  auto free = [&](int k) {
    if (k < 0 || k >= ncols) return false;
    for (size_t j = 0; j < n; ++j)
      if (at[j] == k) return false;
    return true;
  };
  auto movable = [&](size_t i) {
    const std::string& t = g.words[i].text;
    return IsAmountWord(t) && !under[i] && !(IsPlainInteger(t) && t.size() <= 2);
  };
  for (int k = 0; k < ncols; ++k) {
    std::vector<size_t> here;
    for (size_t i = 0; i < n; ++i)
      if (at[i] == k && IsAmountWord(g.words[i].text)) here.push_back(i);
    if (here.size() != 2) continue;
    const auto& l = g.words[here[0]];
    const auto& r = g.words[here[1]];
    if (r.x0 - l.x1 < 0.5f * std::max(l.Height(), 1.0f)) continue;  // one broken number
    const Column& col = c.columns[static_cast<size_t>(k)];
    bool left_can = movable(here[0]) && l.x1 <= col.x0 && free(k - 1);
    bool right_can = movable(here[1]) && r.x0 >= col.x1 && free(k + 1);
    if (under[here[0]] || under[here[1]]) {
      if (left_can && under[here[1]]) at[here[0]] = k - 1;
      if (right_can && under[here[0]]) at[here[1]] = k + 1;
    } else if (left_can != right_can) {
      if (left_can) at[here[0]] = k - 1;
      else at[here[1]] = k + 1;
    }
  }
  return at;
}

// The header as a tree of cells. A cell's text can wrap over lines, and a cell that spans
// several header levels prints its text in its vertical middle, between the lines of the
// levels it spans (无锡 09表: `“三公”经费合计` stands between `公务用车购置及运行维护费` and
// its children `小计 | 公务用车购置费`; `公务用车运行维` / `护费` two lines apart), so the tree
// is built from cells, not from lines:
//   1. pieces of one wrapped cell are joined: a piece right under another, within its width
//      and centred on it, with nothing else under it;
//   2. a cell that something below overlaps is a parent (基本支出 over 小计 | 人员经费 | 公用经费;
//      总计 over three fund columns). Its children are the contiguous run of cells below it,
//      nearer its centre than any other parent of its level, not yet taken, whose span is
//      centred on it. A leaf's text is centred in a cell that reaches the bottom of the header,
//      so a leaf whose cell would start above the parent's middle stands beside the parent,
//      not under it (西安 表13: `合计 | 一般公共预算拨款安排的“三公”经费预算 (小计 | …) | 会议费`).
//      Lower parents take their children first.
// The leaves are the columns; a column's path is the chain of its parents.
Columns ColumnsFromHeader(const ingest::Document& doc, const std::vector<size_t>& header) {
  struct HeaderCell {
    Cell cell;
    float y0, y1;
    float last_y0 = 0;  ///< where the last of its printed lines starts
    int parent = -1;
    bool leaf = true;
    bool vertical = false;  ///< a stack of characters: a whole cell, no piece of another
    float Center() const { return (cell.x0 + cell.x1) / 2; }
    float Middle() const { return (y0 + y1) / 2; }
    float Height() const { return std::max(y1 - y0, 1.0f); }
  };
  std::vector<HeaderCell> cells;
  float line_height = 0;
  // 0. Vertical text: a narrow cell prints its label one character a line, the characters
  // stacked at one x (西安 表13: 因/公/出/国/（/境/）/费/用 beside 公/务/接/待/费). Each stack is
  // one cell, taken out of its lines before they are read left to right, where the characters
  // of neighbouring stacks would run together (`因公出公国务接境待）费用`).
  std::vector<std::vector<bool>> stacked(header.size());
  std::vector<float> stack_pitches;  // of stacks of three or more
  for (size_t h = 0; h < header.size(); ++h)
    stacked[h].assign(doc.geometry[header[h]].words.size(), false);
  {
    struct Char {
      size_t h, i;
      const ingest::Word* w;
    };
    std::vector<Char> chars;
    for (size_t h = 0; h < header.size(); ++h) {
      const auto& words = doc.geometry[header[h]].words;
      for (size_t i = 0; i < words.size(); ++i)
        if (IsStackableChar(words[i].text)) chars.push_back({h, i, &words[i]});
    }
    std::sort(chars.begin(), chars.end(),
              [](const Char& a, const Char& b) { return a.w->y0 < b.w->y0; });
    std::vector<bool> used(chars.size(), false);
    for (size_t a = 0; a < chars.size(); ++a) {
      if (used[a]) continue;
      std::vector<size_t> stack{a};
      for (;;) {
        // The next character down at the same place: same left and right edges.
        const ingest::Word& last = *chars[stack.back()].w;
        size_t b = chars.size();
        for (size_t k = stack.back() + 1; k < chars.size() && b == chars.size(); ++k) {
          const ingest::Word& w = *chars[k].w;
          if (!used[k] && std::fabs(w.x0 - last.x0) <= 0.6f && std::fabs(w.x1 - last.x1) <= 0.6f &&
              w.y0 >= last.y1 - 0.1f * last.Height())
            b = k;
        }
        if (b == chars.size()) break;
        const ingest::Word& next = *chars[b].w;
        float pitch = next.y0 - last.y0;
        if (next.y0 - last.y1 > 2.2f * last.Height()) break;
        // One stack keeps one line pitch.
        if (stack.size() >= 2) {
          float first = chars[stack[1]].w->y0 - chars[stack[0]].w->y0;
          if (std::fabs(pitch - first) > 0.15f * first) break;
        }
        // Nothing else of the header stands between the two.
        bool between = false;
        for (size_t h = 0; h < header.size() && !between; ++h)
          for (const auto& w : doc.geometry[header[h]].words)
            if (&w != &last && &w != &next && w.y0 >= last.y1 - 0.1f && w.y1 <= next.y0 + 0.1f &&
                Overlap(w.x0, w.x1, last.x0, last.x1) > 0)
              between = true;
        if (between) break;
        stack.push_back(b);
      }
      // A first character further from the second than the rest are from each other is the
      // last line of the cell above, centred over the stack (`公务用车购置及运行维护` / `费`
      // 16.1 pt over 公/务/用/车/购/置/费 at 15.6).
      auto step = [&](size_t k) { return chars[stack[k + 1]].w->y0 - chars[stack[k]].w->y0; };
      if (stack.size() >= 3 && std::fabs(step(0) - step(1)) > 0.3f) stack.erase(stack.begin());
      if (stack.size() < 2) continue;
      if (stack.size() >= 3) stack_pitches.push_back(chars[stack[1]].w->y0 - chars[stack[0]].w->y0);
      HeaderCell c;
      c.vertical = true;
      c.cell.line = header[chars[stack.front()].h];
      c.cell.x0 = chars[stack.front()].w->x0;
      c.cell.x1 = chars[stack.front()].w->x1;
      c.y0 = chars[stack.front()].w->y0;
      c.y1 = chars[stack.back()].w->y1;
      for (size_t k : stack) {
        used[k] = true;
        stacked[chars[k].h][chars[k].i] = true;
        c.cell.text += chars[k].w->text;
        c.cell.x0 = std::min(c.cell.x0, chars[k].w->x0);
        c.cell.x1 = std::max(c.cell.x1, chars[k].w->x1);
      }
      c.last_y0 = chars[stack.back()].w->y0;
      line_height = std::max(line_height, chars[stack.front()].w->Height());
      cells.push_back(c);
    }
  }
  for (size_t h = 0; h < header.size(); ++h) {
    size_t line = header[h];
    ingest::LineGeometry g = doc.geometry[line];
    g.words.clear();
    for (size_t i = 0; i < doc.geometry[line].words.size(); ++i)
      if (!stacked[h][i]) g.words.push_back(doc.geometry[line].words[i]);
    for (auto& c : HeaderCells(g, line)) {
      // The cell's own height: the words it is made of, not the whole line.
      float y0 = g.y1, y1 = g.y0;
      for (const auto& w : g.words)
        if (w.x0 >= c.x0 - 0.01f && w.x1 <= c.x1 + 0.01f) {
          y0 = std::min(y0, w.y0);
          y1 = std::max(y1, w.y1);
        }
      if (y1 <= y0) y0 = g.y0, y1 = g.y1;
      line_height = std::max(line_height, y1 - y0);
      cells.push_back({c, y0, y1, y0});
    }
  }
  auto overlaps = [](const HeaderCell& a, const HeaderCell& b) {
    float o = Overlap(a.cell.x0, a.cell.x1, b.cell.x0, b.cell.x1);
    return o > 0.3f * std::min(a.cell.x1 - a.cell.x0, b.cell.x1 - b.cell.x0);
  };
  // The line pitch of the header's vertical text, where its stacks agree on one: the other
  // narrow cells of such a header wrap their text at that pitch, wider than the gap between
  // levels elsewhere (西安 表13: `公务接` / `待费`, `公务用` / `车运行` / `费` 15.6 pt apart at
  // 5.5 pt, as 因/公/出/国).
  float pitch = 0;
  if (!stack_pitches.empty()) {
    auto [lo, hi] = std::minmax_element(stack_pitches.begin(), stack_pitches.end());
    if (*hi - *lo <= 0.3f) pitch = *lo;
  }
  // 1. Wrapped pieces ("一般公共预" / "算", "公务用车" / "运行维护" / "费").
  for (bool joined = true; joined;) {
    joined = false;
    for (size_t u = 0; u < cells.size() && !joined; ++u) {
      const HeaderCell& up = cells[u];
      if (up.vertical) continue;
      float h = up.Height();
      int hit = -1, hits = 0;
      for (size_t k = 0; k < cells.size(); ++k) {
        const HeaderCell& c = cells[k];
        bool next_line = c.y0 - up.y1 <= 0.8f * h ||
                         (pitch > 0 && std::fabs(c.y0 - up.last_y0 - pitch) <= 0.3f);
        if (k == u || c.y0 < up.y0 + 0.5f * h || !next_line) continue;
        if (Overlap(up.cell.x0, up.cell.x1, c.cell.x0, c.cell.x1) > 0) {
          hit = static_cast<int>(k);
          ++hits;
        }
      }
      if (hits != 1) continue;
      HeaderCell& low = cells[static_cast<size_t>(hit)];
      if (low.vertical) continue;
      bool within = (low.cell.x0 >= up.cell.x0 - 2 && low.cell.x1 <= up.cell.x1 + 2) ||
                    (up.cell.x0 >= low.cell.x0 - 2 && up.cell.x1 <= low.cell.x1 + 2);
      float width = std::max(up.cell.x1 - up.cell.x0, low.cell.x1 - low.cell.x0);
      if (!within || std::fabs(low.Center() - up.Center()) > 0.25f * width + 2) continue;
      // A wrapped line is no much wider than the line it continues; a narrow cell over one
      // wide one is a parent (西安 表13: `上年` over `一般公共预算拨款安排的“三公”经费预算`).
      if (low.cell.x1 - low.cell.x0 > 1.5f * (up.cell.x1 - up.cell.x0) + 2) continue;
      HeaderCell& top = cells[u];
      top.cell.text += low.cell.text;
      top.cell.x0 = std::min(top.cell.x0, low.cell.x0);
      top.cell.x1 = std::max(top.cell.x1, low.cell.x1);
      top.y1 = std::max(top.y1, low.y1);
      top.last_y0 = std::max(top.last_y0, low.last_y0);
      cells.erase(cells.begin() + hit);
      joined = true;
    }
  }
  // 2. Parents and leaves.
  auto below = [&](const HeaderCell& c, const HeaderCell& p) {
    return c.y0 >= p.y1 - 0.3f * std::min(c.Height(), p.Height());
  };
  float bottom = 0;
  for (const auto& c : cells) bottom = std::max(bottom, c.y1);
  for (size_t i = 0; i < cells.size(); ++i)
    for (size_t k = 0; k < cells.size() && cells[i].leaf; ++k)
      if (k != i && below(cells[k], cells[i]) && overlaps(cells[i], cells[k])) cells[i].leaf = false;
  std::vector<size_t> parents;
  for (size_t i = 0; i < cells.size(); ++i)
    if (!cells[i].leaf) parents.push_back(i);
  std::sort(parents.begin(), parents.end(),
            [&](size_t a, size_t b) { return cells[a].y0 > cells[b].y0; });
  std::vector<bool> taken(cells.size(), false);
  for (size_t pi : parents) {
    const HeaderCell& p = cells[pi];
    // The cells of the level below p, left to right.
    std::vector<size_t> level;
    for (size_t k = 0; k < cells.size(); ++k) {
      const HeaderCell& c = cells[k];
      if (k == pi || taken[k] || !below(c, p)) continue;
      if (c.leaf && 2 * c.Middle() - bottom < p.Middle() - 0.1f * line_height) continue;
      level.push_back(k);
    }
    std::sort(level.begin(), level.end(),
              [&](size_t a, size_t b) { return cells[a].cell.x0 < cells[b].cell.x0; });
    std::vector<bool> cand(level.size(), false);
    for (size_t k = 0; k < level.size(); ++k) {
      float d = std::fabs(cells[level[k]].Center() - p.Center());
      bool nearest = true;
      for (size_t qi : parents)
        if (qi != pi && std::fabs(cells[qi].y0 - p.y0) < 0.5f * p.Height() &&
            std::fabs(cells[level[k]].Center() - cells[qi].Center()) < d)
          nearest = false;
      cand[k] = nearest;
    }
    int seed_lo = -1, seed_hi = -1;
    for (size_t k = 0; k < level.size(); ++k)
      if (cand[k] && overlaps(p, cells[level[k]])) {
        if (seed_lo < 0) seed_lo = static_cast<int>(k);
        seed_hi = static_cast<int>(k);
      }
    if (seed_lo < 0) continue;
    int lo = seed_lo, hi = seed_hi;
    while (lo > 0 && cand[static_cast<size_t>(lo - 1)]) --lo;
    while (hi + 1 < static_cast<int>(level.size()) && cand[static_cast<size_t>(hi + 1)]) ++hi;
    // The largest run around the seeds whose span is centred on p.
    int best_lo = seed_lo, best_hi = seed_hi;
    float best_width = -1;
    for (int a = lo; a <= seed_lo; ++a)
      for (int b = seed_hi; b <= hi; ++b) {
        float x0 = cells[level[static_cast<size_t>(a)]].cell.x0;
        float x1 = cells[level[static_cast<size_t>(b)]].cell.x1;
        float width = x1 - x0;
        if (std::fabs((x0 + x1) / 2 - p.Center()) <= 0.08f * width + 3 && width > best_width) {
          best_width = width;
          best_lo = a;
          best_hi = b;
        }
      }
    for (int k = best_lo; k <= best_hi; ++k) {
      size_t child = level[static_cast<size_t>(k)];
      taken[child] = true;
      cells[child].parent = static_cast<int>(pi);
    }
  }
  // A leaf that stands above both its neighbours and straddles them is their common parent,
  // where it overlaps each too little for the rule above (杭州 表3: 基本支出 centred over
  // 人员支出 | 日常公用支/出, a quarter of each): no column of its own fits between them.
  // A neighbour is the top of its stack of single children (日常公用支 over its wrapped 出).
  {
    std::map<int, int> children;
    for (const auto& c : cells)
      if (c.parent >= 0) children[c.parent]++;
    std::vector<int> tops;  // per leaf, the top of its stack of single children
    for (size_t i = 0; i < cells.size(); ++i) {
      if (!cells[i].leaf) continue;
      int k = static_cast<int>(i);
      while (cells[static_cast<size_t>(k)].parent >= 0 &&
             children[cells[static_cast<size_t>(k)].parent] == 1)
        k = cells[static_cast<size_t>(k)].parent;
      tops.push_back(k);
    }
    auto at = [&](int k) -> HeaderCell& { return cells[static_cast<size_t>(k)]; };
    std::sort(tops.begin(), tops.end(), [&](int a, int b) { return at(a).cell.x0 < at(b).cell.x0; });
    for (size_t j = 1; j + 1 < tops.size(); ++j) {
      HeaderCell& c = at(tops[j]);
      HeaderCell& a = at(tops[j - 1]);
      HeaderCell& b = at(tops[j + 1]);
      if (!c.leaf || a.parent != b.parent || c.parent != a.parent) continue;
      bool above = c.y1 <= std::min(a.y0, b.y0) + 0.5f;
      bool straddles = Overlap(c.cell.x0, c.cell.x1, a.cell.x0, a.cell.x1) > 0 &&
                       Overlap(c.cell.x0, c.cell.x1, b.cell.x0, b.cell.x1) > 0 &&
                       a.Center() < c.Center() && c.Center() < b.Center();
      // Centred on the two, as the parents above are on their children.
      float span = b.cell.x1 - a.cell.x0;
      bool centred = std::fabs((a.cell.x0 + b.cell.x1) / 2 - c.Center()) <= 0.08f * span + 3;
      if (!above || !straddles || !centred) continue;
      c.leaf = false;
      a.parent = b.parent = tops[j];
    }
  }
  // A short parent centred over the gap between its two children overlaps neither (江苏
  // 收支预算总表: `支出` over `功能分类 | 支出用途`, `功能分类` over `功能科目名称 | 金额`). The
  // first level below with cells on both sides of its centre decides: the two cells around it,
  // if their span is centred on it. Where the two are parents themselves their text is narrower
  // than the columns they head, and the centring is looser. No other cell of its own level may
  // stand over the two, and no cell above them may overlap either. Bottom up, so that a gap's
  // two sides are decided first.
  {
    // The levels of the header: cells whose middles lie within half a height of each other.
    std::vector<std::vector<size_t>> levels;
    std::vector<size_t> order(cells.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return cells[a].Middle() < cells[b].Middle(); });
    for (size_t i : order) {
      if (levels.empty() || cells[i].Middle() - cells[levels.back().front()].Middle() >
                                0.5f * cells[i].Height())
        levels.push_back({});
      levels.back().push_back(i);
    }
    for (auto& level : levels)
      std::sort(level.begin(), level.end(),
                [&](size_t a, size_t b) { return cells[a].cell.x0 < cells[b].cell.x0; });
    for (size_t l = levels.size(); l-- > 0;) {
      for (size_t pi : levels[l]) {
        HeaderCell& p = cells[pi];
        if (!p.leaf) continue;
        for (size_t below = l + 1; below < levels.size(); ++below) {
          const auto& row = levels[below];
          bool left = false, right = false;
          for (size_t k : row) {
            left |= cells[k].Center() < p.Center();
            right |= cells[k].Center() > p.Center();
          }
          if (!(left && right)) continue;
          for (size_t k = 0; k + 1 < row.size(); ++k) {
            HeaderCell& a = cells[row[k]];
            HeaderCell& b = cells[row[k + 1]];
            if (!(a.Center() < p.Center() && p.Center() < b.Center())) continue;
            // Above them, not beside them on one printed line (无锡: 合计 人员经费 公用经费
            // on one line, 人员经费 centred between the two, is no parent).
            bool ok = !overlaps(p, a) && !overlaps(p, b) && a.parent < 0 && b.parent < 0 &&
                      a.y0 >= p.y1 - 0.3f * std::min(a.Height(), p.Height()) &&
                      b.y0 >= p.y1 - 0.3f * std::min(b.Height(), p.Height());
            for (size_t q : levels[l])
              if (q != pi && cells[q].cell.x1 > a.cell.x0 && cells[q].cell.x0 < b.cell.x1) ok = false;
            for (size_t up = 0; up < below && ok; ++up)
              for (size_t q : levels[up])
                if (q != pi && (overlaps(cells[q], a) || overlaps(cells[q], b))) ok = false;
            float width = b.cell.x1 - a.cell.x0;
            float slack = a.leaf || b.leaf ? 0.08f : 0.15f;
            if (std::fabs((a.cell.x0 + b.cell.x1) / 2 - p.Center()) > slack * width + 3) ok = false;
            if (ok) {
              p.leaf = false;
              a.parent = b.parent = static_cast<int>(pi);
            }
            break;
          }
          break;
        }
      }
    }
  }
  Columns out;
  for (const auto& c : cells) {
    if (!c.leaf) continue;
    Column col;
    col.x0 = c.cell.x0;
    col.x1 = c.cell.x1;
    std::vector<std::string> path{RemoveSpaces(c.cell.text)};
    int parent = c.parent;
    for (int guard = 0; parent >= 0 && guard < 16; ++guard) {
      const HeaderCell& p = cells[static_cast<size_t>(parent)];
      path.insert(path.begin(), RemoveSpaces(p.cell.text));
      parent = p.parent;
    }
    col.path = std::move(path);
    out.columns.push_back(std::move(col));
  }
  std::sort(out.columns.begin(), out.columns.end(),
            [](const Column& a, const Column& b) { return a.x0 < b.x0; });
  ComputeBounds(out);
  return out;
}

}  // namespace

std::string Column::Label() const {
  std::string s;
  for (const auto& p : path) s += p;
  return s;
}

bool GridRow::HasValues() const {
  for (const auto& v : values)
    if (v) return true;
  return false;
}

bool IsAmountWord(const std::string& raw) {
  std::string t = raw;
  if (t.empty()) return false;
  size_t i = 0;
  if (t[0] == '-') {
    if (t.size() == 1) return false;
    i = 1;
  }
  bool digit = false, point = false;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (IsDigit(c)) {
      digit = true;
    } else if (c == ',') {
      if (point || !digit) return false;
    } else if (c == '.') {
      if (point || !digit) return false;
      point = true;
    } else {
      return false;
    }
  }
  return digit && t.back() != ',' && t.back() != '.';
}

bool IsTableCaptionLine(const std::string& text) {
  std::string t = RemoveSpaces(text);
  // "部门名称：深圳市信访局" is a caption; a bare "单位名称" is a header cell (西安 支出总表
  // "单位编码 单位名称 其中：专项资金 …", 福州 收入预算总表 "单位名称 合计 …").
  return Contains(t, "单位：") || Contains(t, "单位:") || Contains(t, "部门名称：") ||
         Contains(t, "部门名称:") || Contains(t, "单位名称：") || Contains(t, "单位名称:") ||
         Contains(t, "预算单位：") || Contains(t, "部门：") || Contains(t, "编制单位");
}

// On a page that continues a table, the lines above its first figures are a repeated header
// only if some header cell stands over a column that held figures on the page before (合计,
// 预算数, 基本支出). Lines that stand only over label columns are the wrapped end of a row
// label (西安 收支总表 continued: `(基本建设)` … `出` at the top of the page, the rest of
// `(5)资本性支出(基本建设)` and `11、债务利息及费用支出`): read as header, they would make a
// table of two text columns, and as the majority of pages they would outvote the real header.
bool NamesFigureColumn(const ingest::Document& doc, const Columns& candidate,
                       const Columns& before, const std::vector<size_t>& data_before) {
  if (data_before.empty()) return true;
  std::vector<bool> figures(before.columns.size(), false);
  for (size_t line : data_before)
    for (const auto& w : doc.geometry[line].words) {
      if (!IsAmountWord(w.text) || IsPlainInteger(w.text)) continue;
      int k = ColumnOf(before, w.x0, w.x1);
      if (k >= 0) figures[static_cast<size_t>(k)] = true;
    }
  bool any = false;
  for (size_t k = 0; k < figures.size(); ++k) any = any || figures[k];
  if (!any) return true;  // nothing to judge by
  for (const auto& c : candidate.columns)
    for (size_t k = 0; k < before.columns.size(); ++k) {
      if (!figures[k]) continue;
      if (Overlap(c.x0, c.x1, before.columns[k].x0, before.columns[k].x1) > 0) return true;
    }
  return false;
}

Grid BuildGrid(const ingest::Document& doc, size_t begin, size_t end,
               const std::vector<bool>& skip) {
  Grid grid;
  Columns cols;
  size_t i = begin;
  std::vector<std::vector<size_t>> data_by_segment;
  std::vector<Columns> cols_by_segment;
  std::vector<std::string> last_header;  // the texts of the last header read, spaces removed
  while (i < end) {
    int page = doc.geometry[i].page;
    size_t seg_end = i;
    while (seg_end < end && doc.geometry[seg_end].page == page) ++seg_end;
    std::vector<size_t> header, data;
    bool seen_data = false;
    for (size_t k = i; k < seg_end; ++k) {
      if (skip[k] || doc.geometry[k].words.empty()) continue;
      if (IsIndexRow(doc.geometry[k])) continue;
      if (!seen_data && IsDataLine(doc.geometry[k])) seen_data = true;
      (seen_data ? data : header).push_back(k);
    }
    // A continuation page that repeats the header of the page before, line for line: the
    // header ends there, even where the rows after it hold no figure (zeros printed blank, or
    // labels wrapped above their figures: 西安 收支总表 `15、资源勘探工业信息等支` / `16` / `出`).
    if (!last_header.empty() && header.size() > last_header.size() &&
        std::equal(last_header.begin(), last_header.end(), header.begin(),
                   [&](const std::string& t, size_t line) {
                     return t == RemoveSpaces(doc.lines[line]);
                   })) {
      data.insert(data.begin(), header.begin() + static_cast<long>(last_header.size()),
                  header.end());
      header.resize(last_header.size());
      seen_data = true;
    }
    if (!header.empty() && seen_data) {
      Columns c = ColumnsFromHeader(doc, header);
      if (c.columns.size() >= 2 && !StartsWithRowCode(doc.geometry[header.front()]) &&
          (cols.columns.empty() || NamesFigureColumn(doc, c, cols, data_by_segment.empty()
                                                                      ? std::vector<size_t>{}
                                                                      : data_by_segment.back()))) {
        cols = std::move(c);
        for (size_t h : header) grid.header_lines.push_back(h);
        last_header.clear();
        for (size_t h : header) last_header.push_back(RemoveSpaces(doc.lines[h]));
      } else {
        // Not a header after all: a row standing alone at the top of a continuation page.
        data.insert(data.begin(), header.begin(), header.end());
      }
    } else if (!header.empty()) {
      data.insert(data.begin(), header.begin(), header.end());
    }
    if (!cols.columns.empty() && !data.empty()) {
      data_by_segment.push_back(data);
      cols_by_segment.push_back(cols);
    }
    i = seg_end;
  }
  if (cols_by_segment.empty()) return grid;

  // Which columns hold figures: decided by what stands under them in every segment.
  // The table's columns are those of the header most pages print (a page whose header
  // took in a row label, or lost a cell, is the odd one out). Every page's columns are mapped
  // to them: by the same header words, else by standing in the same place; a column that maps
  // to none leaves its words unread rather than placed in a neighbour.
  size_t canon = 0;
  {
    std::map<size_t, int> counts;
    for (const auto& c : cols_by_segment) counts[c.columns.size()]++;
    int best = -1;
    for (size_t s = 0; s < cols_by_segment.size(); ++s)
      if (counts[cols_by_segment[s].columns.size()] > best) {
        best = counts[cols_by_segment[s].columns.size()];
        canon = s;
      }
  }
  const Columns& first = cols_by_segment[canon];
  size_t ncols = first.columns.size();
  std::vector<std::vector<int>> maps(cols_by_segment.size());
  for (size_t s = 0; s < cols_by_segment.size(); ++s) {
    const auto& cs = cols_by_segment[s].columns;
    maps[s].assign(cs.size(), -1);
    std::vector<bool> used(ncols, false);
    for (size_t k = 0; k < cs.size(); ++k)
      for (size_t j = 0; j < ncols; ++j)
        if (!used[j] && cs[k].Label() == first.columns[j].Label()) {
          maps[s][k] = static_cast<int>(j);
          used[j] = true;
          break;
        }
    for (size_t k = 0; k < cs.size(); ++k) {
      if (maps[s][k] >= 0) continue;
      for (size_t j = 0; j < ncols; ++j) {
        const Column& f = first.columns[j];
        float o = Overlap(cs[k].x0, cs[k].x1, f.x0, f.x1);
        if (!used[j] && o > 0.5f * std::min(cs[k].x1 - cs[k].x0, f.x1 - f.x0)) {
          maps[s][k] = static_cast<int>(j);
          used[j] = true;
          break;
        }
      }
    }
  }
  // Figures are right-aligned in their cells: the figures of one column share a right edge,
  // whatever their widths. A figure too narrow to reach under its column's header (无锡 05表:
  // `37.97` ends at 361.3 like `12,603.56` under `合计` at 302–324, and touches nothing but
  // the wide cell beside) takes the column of the figures whose right edge it shares, where
  // those stand clearly under one header.
  std::vector<std::map<int, int>> edge_column(cols_by_segment.size());  // rounded x1 -> column
  for (size_t s = 0; s < cols_by_segment.size(); ++s) {
    const Columns& c = cols_by_segment[s];
    std::vector<std::pair<float, int>> edges;  // (x1, confident column or -1)
    for (size_t line : data_by_segment[s])
      for (const auto& w : doc.geometry[line].words) {
        if (!IsAmountWord(w.text) || (IsPlainInteger(w.text) && w.text.size() <= 2)) continue;
        int k = ColumnOf(c, w.x0, w.x1);
        int confident = -1;
        if (k >= 0) {
          const Column& col = c.columns[static_cast<size_t>(k)];
          float o = Overlap(w.x0, w.x1, col.x0, col.x1), other = 0;
          for (size_t j = 0; j < c.columns.size(); ++j)
            if (static_cast<int>(j) != k)
              other = std::max(other, Overlap(w.x0, w.x1, c.columns[j].x0, c.columns[j].x1));
          if (o >= std::min(6.0f, 0.25f * (w.x1 - w.x0)) && o >= 2 * other) confident = k;
        }
        edges.push_back({w.x1, confident});
      }
    std::sort(edges.begin(), edges.end());
    for (size_t a = 0; a < edges.size();) {
      size_t b = a + 1;
      while (b < edges.size() && edges[b].first - edges[b - 1].first <= 1.5f) ++b;
      std::map<int, int> votes;
      int voters = 0;
      for (size_t i = a; i < b; ++i)
        if (edges[i].second >= 0) {
          ++votes[edges[i].second];
          ++voters;
        }
      for (const auto& [k, n] : votes)
        if (n >= 2 && n * 10 >= voters * 9)
          for (size_t i = a; i < b; ++i)
            edge_column[s][static_cast<int>(std::lround(edges[i].first * 10))] = k;
      a = b;
    }
  }
  // The canonical columns of the words of a line of segment s (-1: none).
  auto columns_of = [&](size_t s, size_t line) {
    const auto& g = doc.geometry[line];
    std::vector<int> at = PlaceLine(cols_by_segment[s], g);
    for (size_t i = 0; i < at.size(); ++i) {
      const auto& w = g.words[i];
      if (!IsAmountWord(w.text)) continue;
      auto it = edge_column[s].find(static_cast<int>(std::lround(w.x1 * 10)));
      if (it != edge_column[s].end()) at[i] = it->second;
    }
    for (int& k : at) k = k < 0 ? -1 : maps[s][static_cast<size_t>(k)];
    return at;
  };
  std::vector<int> amounts(ncols, 0), texts(ncols, 0);
  // Of the whole numbers: those that stand after a word of text in their line (a figure after
  // its row's label, `合计 551800`), and all other words that are not figures (text, codes that
  // open a line: `245001 西安市医疗保障局`).
  std::vector<int> late_whole(ncols, 0), not_figure(ncols, 0);
  for (size_t s = 0; s < cols_by_segment.size(); ++s) {
    for (size_t line : data_by_segment[s]) {
      std::vector<int> at = columns_of(s, line);
      bool text_before = false;
      for (size_t wi = 0; wi < at.size(); ++wi) {
        const ingest::Word& w = doc.geometry[line].words[wi];
        int k = at[wi];
        bool amount_word = IsAmountWord(w.text);
        bool whole = amount_word && IsPlainInteger(w.text);
        if (k >= 0) {
          size_t uk = static_cast<size_t>(k);
          (amount_word && !whole ? amounts : texts)[uk]++;
          if (whole && w.text.size() <= 2)
            texts[uk]--;  // 款 "05" or a row number: no vote
          else if (whole && text_before)
            late_whole[uk]++;
          else if (!amount_word || whole)
            not_figure[uk]++;
        }
        if (!amount_word) text_before = true;
      }
    }
  }
  // A column of whole numbers only, each after its row's label, under a header that names no
  // code or number (编码, 序号, 科目, 类 | 款 | 项): figures in whole 元 (西安 2022 表13, whose
  // figures carry neither a point nor a comma), not codes.
  auto code_header = [](const Column& c) {
    std::string l = c.Label();
    std::string leaf = c.path.empty() ? l : RemoveSpaces(c.path.back());
    for (const char* w : {"编码", "代码", "编号", "序号", "科目", "分类", "行次", "栏次", "年度",
                          "年份", "名称", "项目", "数量", "人数", "个数", "次数", "天数"})
      if (Contains(l, w)) return true;
    return leaf == "类" || leaf == "款" || leaf == "项";
  };
  for (size_t k = 0; k < ncols; ++k)
    if (amounts[k] == 0 && late_whole[k] > 0 && not_figure[k] == 0 &&
        !code_header(first.columns[k]))
      amounts[k] = late_whole[k];
  // Whole numbers count as figures in a column nobody writes text in.
  for (size_t s = 0; s < cols_by_segment.size(); ++s) {
    for (size_t line : data_by_segment[s]) {
      std::vector<int> at = columns_of(s, line);
      for (size_t wi = 0; wi < at.size(); ++wi) {
        const ingest::Word& w = doc.geometry[line].words[wi];
        int k = at[wi];
        if (k >= 0 && IsPlainInteger(w.text) && w.text.size() > 2 && amounts[static_cast<size_t>(k)] > 0)
          amounts[static_cast<size_t>(k)]++;
      }
    }
  }
  grid.columns = first.columns;
  // A column with nothing under it is a figure column all of whose figures are blank zeros
  // (北京 09表 `公务用车购置及运行维护费 小计` printed empty) when it stands among figure
  // columns: it takes the kind of its nearest column with words, left first, so that it does
  // not split one table into two side-by-side groups.
  auto empty = [&](size_t k) { return amounts[k] <= 0 && texts[k] <= 0; };
  std::vector<bool> amount(ncols, false);
  for (size_t k = 0; k < ncols; ++k) amount[k] = amounts[k] > 0 && amounts[k] >= texts[k];
  for (size_t k = 0; k < ncols; ++k) {
    if (!empty(k)) continue;
    std::optional<size_t> near;
    for (size_t j = k; j-- > 0 && !near;)
      if (!empty(j)) near = j;
    for (size_t j = k + 1; j < ncols && !near; ++j)
      if (!empty(j)) near = j;
    if (near) amount[k] = amount[*near];
  }
  int group = 0;
  bool seen_amount = false;
  for (size_t k = 0; k < ncols; ++k) {
    Column& c = grid.columns[k];
    c.amount = amount[k];
    if (!c.amount && seen_amount) {
      ++group;
      seen_amount = false;
    }
    if (c.amount) seen_amount = true;
    c.group = group;
  }
  grid.groups = group + 1;

  // Rows: each line's words per group; then label-only lines joined to the row they wrap.
  struct Pending {
    GridRow row;
    float y0, y1;
    int page;
    bool has_values;
    int first_text = -1, last_text = -1;  // the text columns its label stands in
    size_t segment = 0;
  };
  std::vector<Pending> rows;
  for (size_t s = 0; s < cols_by_segment.size(); ++s) {
    for (size_t line : data_by_segment[s]) {
      const auto& g = doc.geometry[line];
      std::vector<Pending> per_group(static_cast<size_t>(grid.groups));
      std::vector<bool> used(static_cast<size_t>(grid.groups), false);
      for (auto& p : per_group) {
        p.row.values.assign(ncols, std::nullopt);
        p.row.texts.assign(ncols, std::string());
        p.row.line = line;
        p.segment = s;
        p.y0 = g.y0;
        p.y1 = g.y1;
        p.page = g.page;
        p.has_values = false;
      }
      std::vector<int> at = columns_of(s, line);
      for (size_t wi = 0; wi < at.size(); ++wi) {
        const ingest::Word& w = g.words[wi];
        int k = at[wi];
        if (k < 0) continue;
        const Column& col = grid.columns[static_cast<size_t>(k)];
        Pending& p = per_group[static_cast<size_t>(col.group)];
        used[static_cast<size_t>(col.group)] = true;
        p.row.group = col.group;
        if (col.amount && IsAmountWord(w.text)) {
          auto& slot = p.row.values[static_cast<size_t>(k)];
          if (slot && !slot->text.empty() && w.x0 - slot->x1 < 0.5f * std::max(w.Height(), 1.0f)) {
            slot->text += w.text;  // two touching pieces in one cell: one number broken by the PDF
            slot->x1 = w.x1;
          } else if (slot) {
            // Two separate numbers under one column (a 序号 `1` beside `25180591.33` where the
            // columns were misread): no figure is better than a glued one.
            slot->text.clear();
          } else {
            slot = Cell{w.text, w.x0, w.x1, line};
          }
          p.has_values = true;
        } else if (!col.amount) {
          if (p.row.label.empty()) p.row.label_x0 = w.x0;
          if (!p.row.label.empty()) p.row.label += ' ';
          p.row.label += w.text;
          std::string& text = p.row.texts[static_cast<size_t>(k)];
          if (!text.empty()) text += ' ';
          text += w.text;
          if (p.first_text < 0) p.first_text = k;
          p.last_text = std::max(p.last_text, k);
        }
      }
      for (size_t gi = 0; gi < per_group.size(); ++gi)
        if (used[gi]) rows.push_back(std::move(per_group[gi]));
    }
  }
  // Rows whose cells open with a code (北京 03表, 功能 × 经济): a row is the band from its code
  // line down to the next code line, and every word in the band is the row's, whatever line
  // the PDF put it on. The cells are top-aligned and wrap downwards; the figures stand in the
  // middle or on the line below, and a cell's last line can print lower than the next row's
  // first (`2101199-其他行政事业单位医疗` / `支出` 4 pt above `2110101-行政运行`), so that
  // neither the nearest row nor the PDF's lines tell whose it is:
  //   2080505-机关事业单位基本                    30108-机关事业单位基本养老
  //                     50102-社会保障缴费                          734.155356   734.155356
  //   养老保险缴费支出                            保险缴费
  // Read so only where it fits every row of a page's column group: its first text column
  // wraps somewhere (a line in it that opens no row: the cells are read top down), each band
  // holds exactly one line of figures, and within a band each column's lines follow one
  // another from the code line down, a line apart at most, each starting where the first
  // does. Otherwise the lines are read one by one, as below.
  {
    std::vector<Pending> banded;
    std::vector<bool> replaced(rows.size(), false);
    std::map<size_t, std::vector<Pending>> band_at;  // index in rows -> the rows replacing it
    for (size_t s = 0; s < cols_by_segment.size(); ++s)
      for (int gi = 0; gi < grid.groups; ++gi) {
        struct Placed {
          const ingest::Word* w;
          int col;
          size_t line;
        };
        std::vector<int> text_cols;
        for (size_t k = 0; k < ncols; ++k)
          if (!grid.columns[k].amount && grid.columns[k].group == gi)
            text_cols.push_back(static_cast<int>(k));
        if (text_cols.empty()) continue;
        int first_col = text_cols.front();
        std::vector<Placed> texts, figures;
        for (size_t line : data_by_segment[s]) {
          std::vector<int> at = columns_of(s, line);
          for (size_t wi = 0; wi < at.size(); ++wi) {
            if (at[wi] < 0) continue;
            const Column& col = grid.columns[static_cast<size_t>(at[wi])];
            if (col.group != gi) continue;
            const ingest::Word& w = doc.geometry[line].words[wi];
            if (col.amount && IsAmountWord(w.text)) figures.push_back({&w, at[wi], line});
            else if (!col.amount) texts.push_back({&w, at[wi], line});
          }
        }
        // A column's words as printed lines, top down, each left to right.
        auto printed_lines = [](std::vector<Placed> ws) {
          std::sort(ws.begin(), ws.end(), [](const Placed& a, const Placed& b) {
            return a.w->y0 < b.w->y0;
          });
          // One printed line: tops within a third of a height, and no word over another.
          std::vector<std::vector<Placed>> out;
          for (const auto& p : ws) {
            bool same = !out.empty() && p.w->y0 - out.back().front().w->y0 <
                                            0.3f * std::max(p.w->Height(), 1.0f);
            for (size_t i = 0; same && i < out.back().size(); ++i)
              if (Overlap(p.w->x0, p.w->x1, out.back()[i].w->x0, out.back()[i].w->x1) > 0)
                same = false;
            if (!same) out.push_back({});
            out.back().push_back(p);
          }
          for (auto& l : out)
            std::sort(l.begin(), l.end(),
                      [](const Placed& a, const Placed& b) { return a.w->x0 < b.w->x0; });
          return out;
        };
        auto joined = [](const std::vector<Placed>& l) {
          std::string t;
          for (const auto& p : l) t += (t.empty() ? "" : " ") + p.w->text;
          return t;
        };
        // A column's cell text becomes part of the row's label, columns left to right.
        auto add_cell = [](Pending& row, int k, const std::string& text) {
          if (text.empty()) return;
          if (!row.row.label.empty()) row.row.label += ' ';
          row.row.label += text;
          if (row.first_text < 0) row.first_text = k;
          row.last_text = k;
        };
        std::vector<Placed> first_words;
        for (const auto& p : texts)
          if (p.col == first_col) first_words.push_back(p);
        struct Anchor {
          float y, h;
        };
        std::vector<Anchor> anchors;
        bool wraps = false;
        for (const auto& l : printed_lines(first_words)) {
          float y = l.front().w->y0, h = 0;
          for (const auto& p : l) h = std::max(h, p.w->Height());
          if (StartsWithCodeOrOrdinal(joined(l))) anchors.push_back({y, std::max(h, 1.0f)});
          else if (!anchors.empty()) wraps = true;
        }
        if (anchors.size() < 2 || !wraps) continue;
        auto band_of = [&](float y0) {
          int b = -1;
          for (size_t a = 0; a < anchors.size(); ++a)
            if (y0 >= anchors[a].y - 0.3f * anchors[a].h) b = static_cast<int>(a);
          return b;
        };
        // Each band: exactly one line of figures.
        std::vector<int> figure_line(anchors.size(), -1);
        bool fits = true;
        std::map<size_t, int> band_of_line;
        for (const auto& p : figures) {
          int b = band_of(p.w->y0);
          auto [it, fresh] = band_of_line.emplace(p.line, b);
          if (b < 0 || it->second != b) fits = false;
          if (!fresh) continue;
          if (b >= 0 && figure_line[static_cast<size_t>(b)] >= 0) fits = false;
          if (b >= 0) figure_line[static_cast<size_t>(b)] = static_cast<int>(p.line);
        }
        for (int f : figure_line)
          if (f < 0) fits = false;
        if (!fits) continue;
        std::vector<std::vector<Placed>> in_band(anchors.size());
        std::vector<Placed> before;  // above the first code: the end of a row on the page before
        for (const auto& p : texts) {
          int b = band_of(p.w->y0);
          (b < 0 ? before : in_band[static_cast<size_t>(b)]).push_back(p);
        }
        std::vector<Pending> built;
        for (size_t b = 0; b < anchors.size() && fits; ++b) {
          Pending row;
          row.row.group = gi;
          row.row.values.assign(ncols, std::nullopt);
          row.row.texts.assign(ncols, std::string());
          row.row.line = static_cast<size_t>(figure_line[b]);
          row.page = doc.geometry[row.row.line].page;
          row.segment = s;
          row.has_values = true;
          row.y0 = anchors[b].y;
          row.y1 = anchors[b].y;
          for (int k : text_cols) {
            std::vector<Placed> here;
            for (const auto& p : in_band[b])
              if (p.col == k) here.push_back(p);
            float last = anchors[b].y;
            std::optional<float> left;
            std::string& text = row.row.texts[static_cast<size_t>(k)];
            for (const auto& l : printed_lines(here)) {
              float y = l.front().w->y0, x = l.front().w->x0;
              // A gap, or a line that does not start where the cell's first line starts: not
              // the lines of one left-aligned cell.
              if (y - last > 1.6f * anchors[b].h) fits = false;
              if (left && std::fabs(x - *left) > 0.5f * anchors[b].h) fits = false;
              if (!left) left = x;
              last = y;
              text += text.empty() ? joined(l) : RemoveSpaces(joined(l));
              for (const auto& p : l) row.y1 = std::max(row.y1, p.w->y1);
              if (row.row.label.empty()) row.row.label_x0 = l.front().w->x0;
            }
            add_cell(row, k, text);
          }
          built.push_back(std::move(row));
        }
        if (!fits) continue;
        // The figures: those of the band's line, read as before.
        for (size_t r = 0; r < rows.size(); ++r) {
          if (rows[r].segment != s || rows[r].row.group != gi) continue;
          replaced[r] = true;
          for (size_t b = 0; b < built.size(); ++b)
            if (rows[r].row.line == built[b].row.line && rows[r].has_values) {
              built[b].row.values = rows[r].row.values;
              built[b].y1 = std::max(built[b].y1, rows[r].y1);
              band_at[r].push_back(std::move(built[b]));
            }
        }
        if (!before.empty()) {
          // Left as a piece of label without figures, placed where its first line is.
          Pending piece;
          piece.row.group = gi;
          piece.row.values.assign(ncols, std::nullopt);
          piece.row.texts.assign(ncols, std::string());
          piece.segment = s;
          piece.has_values = false;
          piece.row.line = before.front().line;
          piece.page = doc.geometry[piece.row.line].page;
          piece.y0 = before.front().w->y0;
          piece.y1 = before.front().w->y1;
          for (int k : text_cols) {
            std::vector<Placed> here;
            for (const auto& p : before)
              if (p.col == k) here.push_back(p);
            std::string& text = piece.row.texts[static_cast<size_t>(k)];
            for (const auto& l : printed_lines(here)) {
              text += text.empty() ? joined(l) : RemoveSpaces(joined(l));
              for (const auto& p : l) {
                piece.y0 = std::min(piece.y0, p.w->y0);
                piece.y1 = std::max(piece.y1, p.w->y1);
              }
              if (piece.row.label.empty()) piece.row.label_x0 = l.front().w->x0;
            }
            add_cell(piece, k, text);
          }
          for (size_t r = 0; r < rows.size(); ++r)
            if (rows[r].segment == s && rows[r].row.group == gi) {
              auto& here = band_at[r];
              here.insert(here.begin(), std::move(piece));
              break;
            }
        }
      }
    // In the order of the lines: a band row where its figures stand, a leading piece where the
    // group's first line stands (before the band row that may share it).
    for (size_t r = 0; r < rows.size(); ++r) {
      if (!replaced[r]) {
        banded.push_back(std::move(rows[r]));
        continue;
      }
      auto it = band_at.find(r);
      if (it != band_at.end())
        for (auto& p : it->second) banded.push_back(std::move(p));
    }
    rows = std::move(banded);
  }
  // Label pieces without figures: the wrapped part of a neighbouring row's label, unless they
  // start a row of their own (a code, an ordinal, a total). A piece that starts a row is still
  // the label of a neighbouring row of figures that has no label at all: a label wrapped over
  // three lines with the figures on the middle one (西安 收支总表 `15、资源勘探工业信息` /
  // `1021805239.60` / `等支出`).
  std::vector<bool> merged(rows.size(), false);
  for (size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].has_values || rows[r].row.label.empty()) continue;
    bool starts_row = StartsWithCodeOrOrdinal(rows[r].row.label);
    float h = std::max(rows[r].y1 - rows[r].y0, 1.0f);
    int best = -1;
    float best_d = 1.6f * h;
    for (size_t k = r >= 6 ? r - 6 : 0; k < rows.size() && k <= r + 6; ++k) {
      if (k == r || !rows[k].has_values || rows[k].row.group != rows[r].row.group ||
          rows[k].page != rows[r].page)
        continue;
      // A coded label alone in the first text column joins a row of figures whose own label
      // stands only in the columns after it: the row's cell wrapped above its figures (北京
      // 03表: `2080505-机关事业单位基本养老保险缴费` above `50102-社会保障缴费
      // 30108-机关事业单位基本养老保险缴费  120.888788  120.888788`).
      bool beside = rows[r].first_text >= 0 && rows[r].first_text == rows[r].last_text &&
                    rows[k].first_text > rows[r].last_text;
      if (starts_row && !rows[k].row.label.empty() && !beside) continue;
      float d = std::fabs((rows[k].y0 + rows[k].y1) / 2 - (rows[r].y0 + rows[r].y1) / 2);
      if (d < best_d) {
        best_d = d;
        best = static_cast<int>(k);
      }
    }
    if (best < 0) continue;
    Pending& target = rows[static_cast<size_t>(best)];
    std::string piece = RemoveSpaces(rows[r].row.label);
    bool piece_first = rows[r].first_text >= 0 && rows[r].first_text < target.first_text;
    bool piece_above = piece_first || rows[r].y0 < target.y0;
    for (size_t c = 0; c < ncols; ++c) {
      std::string part = RemoveSpaces(rows[r].row.texts[c]);
      std::string& text = target.row.texts[c];
      if (part.empty()) continue;
      if (text.empty()) text = part;
      else if (piece_above) text.insert(CodeEnd(text), part);
      else text += part;
    }
    if (piece_first) {
      // The piece stands in a column before the row's own label: it comes first.
      target.row.label = piece + " " + target.row.label;
      target.row.label_x0 = rows[r].row.label_x0;
      target.first_text = rows[r].first_text;
    } else if (rows[r].y0 < target.y0) {
      // Above: the label's first part. A code already in the row stays first.
      std::string& label = target.row.label;
      label.insert(CodeEnd(label), piece);
      target.row.label_x0 = std::min(target.row.label_x0 == 0 ? rows[r].row.label_x0
                                                                : target.row.label_x0,
                                     rows[r].row.label_x0);
    } else {
      target.row.label += piece;
    }
    merged[r] = true;
  }
  // Figures without a label: the part of a row's figures that wrapped in its cell and stands
  // a line above or below the rest (杭州 表3: `576,171.11` above `合计 665,964.37 73,924.43
  // 15868.83`). They join the one labelled row near them that has none of their columns
  // filled; with no such row, or two, they stay a row of their own.
  for (size_t r = 0; r < rows.size(); ++r) {
    if (merged[r] || !rows[r].has_values || !rows[r].row.label.empty()) continue;
    float h = std::max(rows[r].y1 - rows[r].y0, 1.0f);
    std::vector<size_t> fits;
    for (size_t k = r >= 6 ? r - 6 : 0; k < rows.size() && k <= r + 6; ++k) {
      if (k == r || merged[k] || rows[k].row.label.empty() ||
          rows[k].row.group != rows[r].row.group || rows[k].page != rows[r].page)
        continue;
      float d = std::fabs((rows[k].y0 + rows[k].y1) / 2 - (rows[r].y0 + rows[r].y1) / 2);
      if (d >= 1.6f * h) continue;
      bool free = true;
      for (size_t c = 0; c < ncols; ++c)
        if (rows[r].row.values[c] && rows[k].row.values[c]) free = false;
      if (free) fits.push_back(k);
    }
    if (fits.size() != 1) continue;
    Pending& target = rows[fits.front()];
    for (size_t c = 0; c < ncols; ++c)
      if (rows[r].row.values[c]) target.row.values[c] = rows[r].row.values[c];
    target.has_values = true;
    merged[r] = true;
  }
  for (size_t r = 0; r < rows.size(); ++r)
    if (!merged[r]) grid.rows.push_back(std::move(rows[r].row));
  return grid;
}

}  // namespace gongkai::layout
