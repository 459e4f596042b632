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
      if (gap < 0.5f * h || (single && last_single && gap < 3.0f * h)) {
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
  for (const char* w : {"合计", "总计", "小计", "其中", "收入", "支出", "本年", "上年",
                        "年终", "结转", "用事业基金"})
    if (StartsWith(t, w)) return true;
  return false;
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

// The header as a tree of cells. Header lines are read top down; a cell that something
// below overlaps is a parent (基本支出 over 小计 | 人员经费 | 公用经费; 总计 over three fund
// columns), and its text is centred over the run of cells it spans on the line of its children.
// Its children are that run: the contiguous cells nearer its centre than any other parent of
// its line, not yet taken by another parent, whose span is centred on it. The bottom cells
// are the columns; a column's path is the chain of its parents.
Columns ColumnsFromHeader(const ingest::Document& doc, const std::vector<size_t>& header) {
  struct HeaderCell {
    Cell cell;
    float y0, y1;
    int parent = -1;
    bool leaf = true;
    float Center() const { return (cell.x0 + cell.x1) / 2; }
  };
  std::vector<std::vector<HeaderCell>> rows;
  for (size_t line : header) {
    const auto& g = doc.geometry[line];
    std::vector<HeaderCell> row;
    for (auto& c : HeaderCells(g, line)) row.push_back({c, g.y0, g.y1});
    if (!row.empty()) rows.push_back(std::move(row));
  }
  // A cell's text wrapped over two lines ("一般公共预" / "算") is one cell: the lower piece
  // lies within the upper one, right under it, and nothing else of its line does.
  for (size_t r = 0; r + 1 < rows.size(); ++r) {
    for (auto& up : rows[r]) {
      if (up.cell.text.empty()) continue;
      auto& below = rows[r + 1];
      float h = std::max(up.y1 - up.y0, 1.0f);
      if (below.empty() || below.front().y0 - up.y1 > 0.8f * h) continue;
      int hit = -1, hits = 0;
      for (size_t k = 0; k < below.size(); ++k)
        if (Overlap(up.cell.x0, up.cell.x1, below[k].cell.x0, below[k].cell.x1) > 0) {
          hit = static_cast<int>(k);
          ++hits;
        }
      if (hits != 1) continue;
      auto& low = below[static_cast<size_t>(hit)];
      if (low.cell.x0 < up.cell.x0 - 2 || low.cell.x1 > up.cell.x1 + 2 ||
          std::fabs(low.Center() - up.Center()) > 0.25f * (up.cell.x1 - up.cell.x0) + 2)
        continue;
      low.cell.text = up.cell.text + low.cell.text;
      low.cell.x0 = up.cell.x0;
      low.cell.x1 = up.cell.x1;
      low.y0 = up.y0;
      up.cell.text.clear();  // moved down
    }
    rows[r].erase(std::remove_if(rows[r].begin(), rows[r].end(),
                                 [](const HeaderCell& c) { return c.cell.text.empty(); }),
                  rows[r].end());
  }
  rows.erase(std::remove_if(rows.begin(), rows.end(),
                            [](const std::vector<HeaderCell>& r) { return r.empty(); }),
             rows.end());
  auto overlaps = [](const HeaderCell& a, const HeaderCell& b) {
    float o = Overlap(a.cell.x0, a.cell.x1, b.cell.x0, b.cell.x1);
    return o > 0.3f * std::min(a.cell.x1 - a.cell.x0, b.cell.x1 - b.cell.x0);
  };
  // A short parent centred over the gap between its two children overlaps neither (江苏
  // 收支预算总表: `支出` over `功能分类 | 支出用途`, `功能分类` over `功能科目名称 | 金额`). The
  // first row below with cells on both sides of its centre decides: the two cells around it,
  // if their span is centred on it. Where the two are parents themselves their text is narrower
  // than the columns they head, and the centring is looser (`支出` stands 20 pt off the centre
  // of `功能分类 … 支出用途` and right over the centre of the table's 支出 half).
  // No other cell of its own line may stand over the two (深圳 三公: `因公出国(境)费` is not
  // centred over `年度 … 小计`, which span `总计` and `公务接待费` too), and no cell above them
  // may overlap either (北京 三公: `公务接待费` is not centred over `用`, the wrapped end of
  // `因公出国（境）费用`, and `小计`, which stands under `公务用车购置及运行维护费`).
  auto gap_under = [&](const HeaderCell& p, size_t own, size_t below) -> int {
    const std::vector<HeaderCell>& row = rows[below];
    for (size_t k = 0; k + 1 < row.size(); ++k) {
      const HeaderCell& a = row[k];
      const HeaderCell& b = row[k + 1];
      if (!(a.Center() < p.Center() && p.Center() < b.Center())) continue;
      if (overlaps(p, a) || overlaps(p, b)) return -1;
      for (const HeaderCell& q : rows[own])
        if (&q != &p && q.cell.x1 > a.cell.x0 && q.cell.x0 < b.cell.x1) return -1;
      for (size_t up = 0; up < below; ++up)
        for (const HeaderCell& q : rows[up])
          if (&q != &p && (overlaps(q, a) || overlaps(q, b))) return -1;
      float width = b.cell.x1 - a.cell.x0;
      float slack = a.leaf || b.leaf ? 0.08f : 0.15f;
      if (std::fabs((a.cell.x0 + b.cell.x1) / 2 - p.Center()) > slack * width + 3) return -1;
      return static_cast<int>(k);
    }
    return -1;
  };
  auto has_pair_around = [](const HeaderCell& p, const std::vector<HeaderCell>& row) {
    bool left = false, right = false;
    for (const auto& c : row) {
      left |= c.Center() < p.Center();
      right |= c.Center() > p.Center();
    }
    return left && right;
  };
  for (size_t r = rows.size(); r-- > 0;)  // bottom up: a gap's two sides are decided first
    for (auto& c : rows[r]) {
      for (size_t below = r + 1; below < rows.size() && c.leaf; ++below)
        for (const auto& b : rows[below])
          if (overlaps(c, b)) c.leaf = false;
      for (size_t below = r + 1; below < rows.size() && c.leaf; ++below)
        if (has_pair_around(c, rows[below])) {
          if (gap_under(c, r, below) >= 0) c.leaf = false;
          break;
        }
    }
  // Parents take their children, top down.
  std::vector<std::vector<bool>> taken(rows.size());
  for (size_t r = 0; r < rows.size(); ++r) taken[r].assign(rows[r].size(), false);
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t pi = 0; pi < rows[r].size(); ++pi) {
      const HeaderCell& p = rows[r][pi];
      if (p.leaf) continue;
      size_t child_row = r + 1;
      // The first row below that it overlaps, else the one whose gap it is centred over.
      while (child_row < rows.size()) {
        bool any = false;
        for (const auto& b : rows[child_row]) any |= overlaps(p, b);
        if (any) break;
        ++child_row;
      }
      int gap = -1;
      if (child_row >= rows.size())
        for (child_row = r + 1; child_row < rows.size(); ++child_row)
          if (has_pair_around(p, rows[child_row])) {
            gap = gap_under(p, r, child_row);
            break;
          }
      if (child_row >= rows.size()) continue;
      const auto& kids = rows[child_row];
      // Candidates: nearer p than any other parent of its line, and free.
      std::vector<bool> cand(kids.size(), false);
      for (size_t k = 0; k < kids.size(); ++k) {
        if (taken[child_row][k]) continue;
        float d = std::fabs(kids[k].Center() - p.Center());
        bool nearest = true;
        for (size_t qi = 0; qi < rows[r].size() && nearest; ++qi)
          if (qi != pi && !rows[r][qi].leaf &&
              std::fabs(kids[k].Center() - rows[r][qi].Center()) < d)
            nearest = false;
        cand[k] = nearest;
      }
      int seed_lo = -1, seed_hi = -1;
      for (size_t k = 0; k < kids.size(); ++k)
        if (cand[k] && overlaps(p, kids[k])) {
          if (seed_lo < 0) seed_lo = static_cast<int>(k);
          seed_hi = static_cast<int>(k);
        }
      if (seed_lo < 0 && gap >= 0 && cand[static_cast<size_t>(gap)] &&
          cand[static_cast<size_t>(gap + 1)]) {
        seed_lo = gap;
        seed_hi = gap + 1;
      }
      if (seed_lo < 0) continue;
      int lo = seed_lo, hi = seed_hi;
      while (lo > 0 && cand[static_cast<size_t>(lo - 1)]) --lo;
      while (hi + 1 < static_cast<int>(kids.size()) && cand[static_cast<size_t>(hi + 1)]) ++hi;
      // The largest run around the seeds whose span is centred on p.
      int best_lo = seed_lo, best_hi = seed_hi;
      float best_width = -1;
      for (int a = lo; a <= seed_lo; ++a)
        for (int b = seed_hi; b <= hi; ++b) {
          float x0 = kids[static_cast<size_t>(a)].cell.x0, x1 = kids[static_cast<size_t>(b)].cell.x1;
          float width = x1 - x0;
          if (std::fabs((x0 + x1) / 2 - p.Center()) <= 0.08f * width + 3 && width > best_width) {
            best_width = width;
            best_lo = a;
            best_hi = b;
          }
        }
      for (int k = best_lo; k <= best_hi; ++k) {
        taken[child_row][static_cast<size_t>(k)] = true;
        rows[child_row][static_cast<size_t>(k)].parent =
            static_cast<int>(r * 100000 + pi);  // row and index of the parent
      }
    }
  }
  Columns out;
  for (size_t r = 0; r < rows.size(); ++r)
    for (const auto& c : rows[r]) {
      if (!c.leaf) continue;
      Column col;
      col.x0 = c.cell.x0;
      col.x1 = c.cell.x1;
      std::vector<std::string> path{RemoveSpaces(c.cell.text)};
      int parent = c.parent;
      for (int guard = 0; parent >= 0 && guard < 16; ++guard) {
        const HeaderCell& p = rows[static_cast<size_t>(parent / 100000)][static_cast<size_t>(parent % 100000)];
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
  return Contains(t, "单位：") || Contains(t, "单位:") || Contains(t, "部门名称") ||
         Contains(t, "单位名称") || Contains(t, "预算单位：") || Contains(t, "部门：") ||
         Contains(t, "编制单位");
}

Grid BuildGrid(const ingest::Document& doc, size_t begin, size_t end,
               const std::vector<bool>& skip) {
  Grid grid;
  Columns cols;
  size_t i = begin;
  std::vector<std::vector<size_t>> data_by_segment;
  std::vector<Columns> cols_by_segment;
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
    if (!header.empty() && seen_data) {
      Columns c = ColumnsFromHeader(doc, header);
      if (c.columns.size() >= 2) {
        cols = std::move(c);
        for (size_t h : header) grid.header_lines.push_back(h);
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
  const Columns& first = cols_by_segment.front();
  size_t ncols = first.columns.size();
  std::vector<int> amounts(ncols, 0), texts(ncols, 0);
  for (size_t s = 0; s < cols_by_segment.size(); ++s) {
    if (cols_by_segment[s].columns.size() != ncols) continue;
    for (size_t line : data_by_segment[s])
      for (const auto& w : doc.geometry[line].words) {
        int k = ColumnOf(cols_by_segment[s], w.x0, w.x1);
        if (k < 0) continue;
        (IsAmountWord(w.text) && !IsPlainInteger(w.text) ? amounts : texts)[static_cast<size_t>(k)]++;
        if (IsAmountWord(w.text) && IsPlainInteger(w.text) && w.text.size() <= 2)
          texts[static_cast<size_t>(k)]--;  // 款 "05" or a row number: no vote
      }
  }
  // Whole numbers count as figures in a column nobody writes text in.
  for (size_t s = 0; s < cols_by_segment.size(); ++s) {
    if (cols_by_segment[s].columns.size() != ncols) continue;
    for (size_t line : data_by_segment[s])
      for (const auto& w : doc.geometry[line].words) {
        int k = ColumnOf(cols_by_segment[s], w.x0, w.x1);
        if (k >= 0 && IsPlainInteger(w.text) && w.text.size() > 2 && amounts[static_cast<size_t>(k)] > 0)
          amounts[static_cast<size_t>(k)]++;
      }
  }
  grid.columns = first.columns;
  int group = 0;
  bool seen_amount = false;
  for (size_t k = 0; k < ncols; ++k) {
    Column& c = grid.columns[k];
    c.amount = amounts[k] > 0 && amounts[k] >= texts[k];
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
  };
  std::vector<Pending> rows;
  for (size_t s = 0; s < cols_by_segment.size(); ++s) {
    const Columns& c = cols_by_segment[s];
    if (c.columns.size() != ncols) continue;
    for (size_t line : data_by_segment[s]) {
      const auto& g = doc.geometry[line];
      std::vector<Pending> per_group(static_cast<size_t>(grid.groups));
      std::vector<bool> used(static_cast<size_t>(grid.groups), false);
      for (auto& p : per_group) {
        p.row.values.assign(ncols, std::nullopt);
        p.row.line = line;
        p.y0 = g.y0;
        p.y1 = g.y1;
        p.page = g.page;
        p.has_values = false;
      }
      for (const auto& w : g.words) {
        int k = ColumnOf(c, w.x0, w.x1);
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
        }
      }
      for (size_t gi = 0; gi < per_group.size(); ++gi)
        if (used[gi]) rows.push_back(std::move(per_group[gi]));
    }
  }
  // Label pieces without figures: the wrapped part of a neighbouring row's label, unless they
  // start a row of their own (a code, an ordinal, a total).
  std::vector<bool> merged(rows.size(), false);
  for (size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].has_values || rows[r].row.label.empty()) continue;
    if (StartsWithCodeOrOrdinal(rows[r].row.label)) continue;
    float h = std::max(rows[r].y1 - rows[r].y0, 1.0f);
    int best = -1;
    float best_d = 1.6f * h;
    for (size_t k = r >= 6 ? r - 6 : 0; k < rows.size() && k <= r + 6; ++k) {
      if (k == r || !rows[k].has_values || rows[k].row.group != rows[r].row.group ||
          rows[k].page != rows[r].page)
        continue;
      float d = std::fabs((rows[k].y0 + rows[k].y1) / 2 - (rows[r].y0 + rows[r].y1) / 2);
      if (d < best_d) {
        best_d = d;
        best = static_cast<int>(k);
      }
    }
    if (best < 0) continue;
    Pending& target = rows[static_cast<size_t>(best)];
    std::string piece = RemoveSpaces(rows[r].row.label);
    if (rows[r].y0 < target.y0) {
      // Above: the label's first part. A code already in the row stays first.
      std::string& label = target.row.label;
      size_t code_end = 0;
      while (code_end < label.size() && (IsDigit(label[code_end]) || label[code_end] == ' ' ||
                                         label[code_end] == '-'))
        ++code_end;
      label.insert(code_end, piece);
      target.row.label_x0 = std::min(target.row.label_x0 == 0 ? rows[r].row.label_x0
                                                                : target.row.label_x0,
                                     rows[r].row.label_x0);
    } else {
      target.row.label += piece;
    }
    merged[r] = true;
  }
  for (size_t r = 0; r < rows.size(); ++r)
    if (!merged[r]) grid.rows.push_back(std::move(rows[r].row));
  return grid;
}

}  // namespace gongkai::layout
