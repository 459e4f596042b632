// Two-part classified tables and the arithmetic that places figures in their columns.
//   208 323008     社会保障和就业支出 290.88 290.88        (000: which column is 290.88?)
//   210	12	02	322001		财政对城乡居民...	2,831.63		2,831.63   (001: tabs say it)
#include "parse/split_table.h"

#include <algorithm>
#include <functional>
#include <map>

#include "parse/figures.h"
#include "parse/rows.h"
#include "parse/text.h"

namespace gongkai::parse {

namespace {

// Offsets of the part columns from the first figure column (合计), from a tab header.
struct ColumnMap {
  size_t a = 1, b = 2;
};

ColumnMap FindPartColumns(const std::vector<TokenLine>& lines, int first_col,
                          const std::string& a_label, const std::string& b_label) {
  ColumnMap map;
  if (first_col < 0 || a_label.empty() || b_label.empty()) return map;
  int a = -1, b = -1;
  for (const auto& l : lines) {
    if (!l.tabbed) continue;
    bool figures = false;
    for (const auto& t : l.tokens) figures |= t.IsNumber() && !t.IsPlainInteger();
    if (figures) break;
    for (size_t c = 0; c < l.cells.size(); ++c) {
      std::string cell = RemoveSpaces(l.cells[c]);
      if (a < 0 && cell == a_label) a = static_cast<int>(c);
      if (b < 0 && cell == b_label) b = static_cast<int>(c);
    }
  }
  if (a > first_col && b > first_col && a != b) {
    map.a = static_cast<size_t>(a - first_col);
    map.b = static_cast<size_t>(b - first_col);
  }
  return map;
}

void FillFromRow(const Row& row, model::Unit unit, const ColumnMap& map, SplitRow& out) {
  out.line = row.AmountLine();
  auto fig = [&](const Token& t) { return ToFigure(t, unit); };
  if (row.positional) {
    if (row.columns.size() > 0 && row.columns[0]) out.total = fig(*row.columns[0]);
    if (row.columns.size() > map.a && row.columns[map.a]) out.a = fig(*row.columns[map.a]);
    if (row.columns.size() > map.b && row.columns[map.b]) out.b = fig(*row.columns[map.b]);
    if (out.total) out.line = out.total->line;
    return;
  }
  const auto& n = row.numbers;
  if (n.size() >= 3) {
    out.total = fig(n[0]);
    out.a = fig(n[1]);
    out.b = fig(n[2]);
  } else if (n.size() == 2) {
    out.total = fig(n[0]);
    out.unplaced = fig(n[1]);
  } else if (n.size() == 1) {
    out.total = fig(n[0]);
  }
}

int64_t FenOr0(const model::MaybeFigure& f) { return f ? f->amount.fen() : 0; }

bool Known(const SplitRow& r) { return !r.unplaced.has_value(); }

std::string Describe(const SplitRow& parent) {
  return parent.code.empty() ? std::string("合计") : parent.code;
}

}  // namespace

SplitTable ReadSplitTable(const std::vector<TokenLine>& lines, model::Unit unit,
                          const std::string& first_digits, const std::string& a_label,
                          const std::string& b_label) {
  SplitTable table;
  int first_col = FindFirstAmountColumn(lines);
  ColumnMap map = FindPartColumns(lines, first_col, a_label, b_label);
  bool coded_seen = false;
  for (const Row& row : AssembleRows(lines, first_col)) {
    if (!row.HasAmounts()) continue;
    std::string code = AssembleCode(row.ints, first_digits);
    std::string name = row.Name();
    if (!code.empty()) {
      SplitRow r;
      r.code = code;
      r.name = name;
      FillFromRow(row, unit, map, r);
      table.rows.push_back(std::move(r));
      coded_seen = true;
      continue;
    }
    bool total_label = StartsWith(name, "合计") || StartsWith(name, "总计");
    bool unlabelled = name.empty() && row.ints.empty();
    if (!table.total_row && (total_label || (unlabelled && !coded_seen))) {
      SplitRow r;
      r.name = "合计";
      FillFromRow(row, unit, map, r);
      table.total_row = std::move(r);
    }
  }
  return table;
}

void ResolveSplitColumns(SplitTable& table, const std::string& a_name,
                         const std::string& b_name) {
  // Tree by code prefix; the 合计 row is the root (index -1).
  // A row's parent is the nearest row above whose code is a proper prefix of its own: the
  // latest row seen with each of its prefixes (a map, so that 10^5 rows cost no 10^10 steps).
  const int n = static_cast<int>(table.rows.size());
  std::vector<int> parent(n, -1);
  std::map<std::string, int> latest;
  for (int i = 0; i < n; ++i) {
    const std::string& cc = table.rows[i].code;
    for (size_t len = 0; len < cc.size(); ++len) {
      auto it = latest.find(cc.substr(0, len));
      if (it != latest.end()) parent[i] = std::max(parent[i], it->second);
    }
    latest[cc] = i;
  }
  std::vector<std::vector<int>> children(n + 1);  // children[p + 1]: the rows under p
  for (int i = 0; i < n; ++i) children[parent[i] + 1].push_back(i);
  auto row_at = [&](int i) -> SplitRow* {
    if (i < 0) return table.total_row ? &*table.total_row : nullptr;
    return &table.rows[i];
  };
  auto children_of = [&](int p) -> const std::vector<int>& { return children[p + 1]; };
  // Trying every assignment costs 2^k for k open rows: a table gets 2^20 tries in all, far more
  // than any real one needs (a few rows open under a parent), so that a hostile one cannot
  // take seconds, let alone hours.
  int64_t tries_left = int64_t{1} << 20;
  auto place = [&](SplitRow& r, bool in_a, const std::string& why) {
    if (in_a) {
      r.a = r.unplaced;
    } else {
      r.b = r.unplaced;
    }
    r.unplaced.reset();
    r.note = "the row prints one figure besides 合计; it is " + (in_a ? a_name : b_name) + ", " + why;
  };

  // Bottom-up: an unplaced parent whose children are all known takes the side they fill.
  auto bottom_up = [&] {
    for (int i = n - 1; i >= -1; --i) {
      SplitRow* r = row_at(i);
      if (!r || Known(*r)) continue;
      auto kids = children_of(i);
      if (kids.empty()) continue;
      int64_t sa = 0, sb = 0;
      bool all_known = true;
      for (int k : kids) {
        all_known &= Known(table.rows[k]);
        sa += FenOr0(table.rows[k].a);
        sb += FenOr0(table.rows[k].b);
      }
      if (!all_known) continue;
      int64_t v = r->unplaced->amount.fen();
      if (sa == v && sb == 0)
        place(*r, true, "as its rows below add up to it");
      else if (sb == v && sa == 0)
        place(*r, false, "as its rows below add up to it");
    }
  };
  // Top-down: the unplaced children of a known parent take the one assignment that adds up.
  auto top_down = [&] {
    for (int p = -1; p < n; ++p) {
      SplitRow* pr = row_at(p);
      if (!pr || !Known(*pr)) continue;
      auto kids = children_of(p);
      std::vector<int> open;
      int64_t need_a = FenOr0(pr->a), need_b = FenOr0(pr->b);
      for (int k : kids) {
        if (Known(table.rows[k])) {
          need_a -= FenOr0(table.rows[k].a);
          need_b -= FenOr0(table.rows[k].b);
        } else {
          open.push_back(k);
        }
      }
      if (open.empty() || open.size() > 20) continue;
      if ((int64_t{1} << open.size()) > tries_left) continue;
      tries_left -= int64_t{1} << open.size();
      int solutions = 0;
      uint32_t solution = 0;
      for (uint32_t mask = 0; mask < (1u << open.size()); ++mask) {
        int64_t sa = 0, sb = 0;
        for (size_t b = 0; b < open.size(); ++b) {
          int64_t v = table.rows[open[b]].unplaced->amount.fen();
          if (mask & (1u << b)) sa += v; else sb += v;
        }
        if (sa == need_a && sb == need_b) {
          ++solutions;
          solution = mask;
        }
      }
      if (solutions != 1) continue;
      for (size_t b = 0; b < open.size(); ++b)
        place(table.rows[open[b]], (solution & (1u << b)) != 0,
              "the only way the rows under " + Describe(*pr) + " add up to its " + a_name + " " +
                  (pr->a ? pr->a->amount.WanYuan() : "0") + " and " + b_name + " " +
                  (pr->b ? pr->b->amount.WanYuan() : "0"));
    }
  };
  for (int pass = 0; pass < 3; ++pass) {
    bottom_up();
    top_down();
  }
}

}  // namespace gongkai::parse
