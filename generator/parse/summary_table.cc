// Two-sided summary tables (部门收支总表 / 财政拨款收支总表).
//   一、一般公共预算拨款收入 431.1 一、一般公共服务支出
//   本年收入合计 431.1 本年支出合计 460.74
//   收入总计 460.74 支出总计 460.74
#include "parse/summary_table.h"

#include "model/classification.h"
#include "parse/figures.h"
#include "parse/rows.h"
#include "parse/text.h"

namespace gongkai::parse {

namespace {

// Words an item label ends with; after one, a line break or a space ends the label.
bool LabelComplete(const std::string& label) {
  static const char* kEnds[] = {"收入", "支出", "合计", "总计", "总数", "结转", "结余", "拨款",
                                "费", "差额", "分配", "基金", "预算数", "金额", "项目"};
  for (const char* e : kEnds)
    if (EndsWith(label, e)) return true;
  return false;
}

bool StartsKeyword(const std::string& piece) {
  static const char* kStarts[] = {"本年收入", "本年支出", "收入总计", "支出总计", "收入总数",
                                  "支出总数", "上年结转", "结转下年", "年终结转", "年末结转",
                                  "其中："};
  for (const char* k : kStarts)
    if (StartsWith(piece, k)) return true;
  return false;
}

std::string Normalize(const std::string& label) {
  std::string s = StripOrdinal(RemoveSpaces(label));
  if (StartsWith(s, "其中：")) s = s.substr(std::string("其中：").size());
  if (StartsWith(s, "其中:")) s = s.substr(std::string("其中:").size());
  return StripOrdinal(s);
}

}  // namespace

std::vector<LabelledFigures> ReadLabelledFigures(const std::vector<TokenLine>& input) {
  const std::vector<bool> header = PageHeaderLines(input);
  std::vector<TokenLine> storage;
  const std::vector<TokenLine>& lines = WithoutRowNumbers(input, header, storage);
  std::vector<LabelledFigures> out;
  LabelledFigures cur;
  bool open = false;
  auto flush = [&] {
    if (open && !cur.label.empty()) {
      cur.label = Normalize(cur.label);
      out.push_back(cur);
    }
    cur = LabelledFigures();
    open = false;
  };
  for (size_t li = 0; li < lines.size(); ++li) {
    const TokenLine& line = lines[li];
    if (line.Empty() || header[li]) continue;
    for (size_t k = 0; k < line.tokens.size(); ++k) {
      const Token& t = line.tokens[k];
      bool line_start = k == 0;
      bool cell_change = line.tabbed && k > 0 && t.cell != line.tokens[k - 1].cell;
      if (t.IsText()) {
        std::string piece = RemoveSpaces(t.text);
        if (piece.empty()) continue;
        bool boundary = false;
        if (!open) {
          boundary = true;
        } else if (!cur.numbers.empty()) {
          boundary = true;
        } else if (line.tabbed && (line_start || cell_change)) {
          boundary = true;
        } else if (StartsWithOrdinal(piece) || StartsKeyword(piece)) {
          boundary = true;
        } else if (line_start && LabelComplete(RemoveSpaces(cur.label))) {
          boundary = true;
        } else if (t.gap_before && LabelComplete(RemoveSpaces(cur.label)) &&
                   CodePointCount(piece) >= 2) {
          boundary = true;
        }
        if (boundary) {
          flush();
          open = true;
        }
        cur.label += piece;
      } else if (open) {
        cur.numbers.push_back(t);
      }
    }
  }
  flush();
  return out;
}

void ParseSummaryTable(const std::vector<TokenLine>& lines, bool fiscal, model::Unit unit,
                       model::Summary& summary) {
  summary.table = fiscal ? "fiscal_summary" : "summary";
  bool carryover_seen = false;
  auto first = [&](const LabelledFigures& lf) -> model::MaybeFigure {
    for (const auto& n : lf.numbers)
      if (auto f = ToFigure(n, unit)) return f;
    return std::nullopt;
  };
  auto set_once = [](model::MaybeFigure& slot, const model::MaybeFigure& value) {
    if (!slot && value) slot = value;
  };
  for (const auto& lf : ReadLabelledFigures(lines)) {
    const std::string& l = lf.label;
    model::MaybeFigure value = first(lf);
    if (l == "收入总计" || l == "收入总数") {
      set_once(summary.income_total, value);
    } else if (l == "支出总计" || l == "支出总数") {
      set_once(summary.expenditure_total, value);
    } else if (l == "本年收入合计" || l == "本年收入") {
      set_once(summary.current_income, value);
    } else if (l == "本年支出合计" || l == "本年支出") {
      set_once(summary.current_expenditure, value);
    } else if (StartsWith(l, "上年结转") || StartsWith(l, "年初结转") || StartsWith(l, "上年结余") ||
               StartsWith(l, "年初财政拨款结转")) {
      if (!carryover_seen) summary.carryover_in = value;
      carryover_seen = true;
    } else if (StartsWith(l, "结转下年") || StartsWith(l, "年终结转") || StartsWith(l, "年末结转") ||
               StartsWith(l, "年末财政拨款结转")) {
      set_once(summary.carryover_out, value);
    } else if (std::string code = model::FunctionalClassCode(l); !code.empty()) {
      if (value) summary.expenditure_classes.push_back({code, l, *value});
    } else if (!carryover_seen && value &&
               (EndsWith(l, "收入") || EndsWith(l, "拨款") || Contains(l, "弥补收支差额") ||
                Contains(l, "弥补收入差额"))) {
      summary.income_items.push_back({l, *value});
    }
  }
}

}  // namespace gongkai::parse
