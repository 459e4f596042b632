// “三公”经费 tables.
//   合计 因公出国（境）费 公务用车购置及运行费(小计 购置费 运行费) 公务接待费
//   6.55 0.00 6.00 0.00 6.00 0.55                  (one row of columns)
//   6 二、公务用车购置及运维费 1.40 1.40            (one row per part)
#include "parse/three_public_table.h"

#include <algorithm>
#include <map>

#include "parse/figures.h"
#include "parse/rows.h"
#include "parse/text.h"

namespace gongkai::parse {

namespace {

enum class Part { kNone, kTotal, kOverseas, kVehicleTotal, kPurchase, kOperation, kReception };

// Which part a label names. Sub-rows ("其中：教学科研人员因公出国（境）费") are kNone.
Part LabelPart(const std::string& raw) {
  std::string l = StripOrdinal(RemoveSpaces(raw));
  if (StartsWith(l, "其中：") && !Contains(l, "公务用车购置费")) return Part::kNone;
  if (StartsWith(l, "其中：")) l = l.substr(std::string("其中：").size());
  if (StartsWith(l, "合计") || StartsWith(l, "总计")) return Part::kTotal;
  if (Contains(l, "小计") && !Contains(l, "三公")) return Part::kVehicleTotal;
  if (Contains(l, "因公出国")) return Part::kOverseas;
  if (Contains(l, "公务用车购置费")) return Part::kPurchase;
  if (Contains(l, "公务用车运行")) return Part::kOperation;
  if (Contains(l, "公务用车购置及运")) return Part::kVehicleTotal;
  if (Contains(l, "公务接待")) return Part::kReception;
  return Part::kNone;
}

model::MaybeFigure& Slot(model::ThreePublic& t, Part p) {
  static model::MaybeFigure sink;
  switch (p) {
    case Part::kTotal: return t.total;
    case Part::kOverseas: return t.overseas;
    case Part::kVehicleTotal: return t.vehicle_total;
    case Part::kPurchase: return t.vehicle_purchase;
    case Part::kOperation: return t.vehicle_operation;
    case Part::kReception: return t.reception;
    default: sink.reset(); return sink;
  }
}

// The year a block's header names ("2021年预算数" -> 2021), or 0.
int NamedYear(const std::string& cell) {
  size_t p = cell.find("年");
  if (p == std::string::npos || p < 4) return 0;
  int year = 0;
  for (size_t k = p - 4; k < p; ++k) {
    if (cell[k] < '0' || cell[k] > '9') return 0;
    year = year * 10 + (cell[k] - '0');
  }
  return year >= 1990 && year < 2100 ? year : 0;
}

// Where each block of a tab table that prints years side by side starts (重庆 `2021年预算数 |
// 2022年预算数`, 西安 `上年 | 当年 | 增减变化情况`): a header line with two such cells or more, each
// over the first column of its block, as (first column, block, header text). The latest year
// named is the budget year's, the one before it the previous year's; any other year is no
// block read. Empty where no header line names two blocks.
struct BlockStart {
  int column;
  YearBlock block;
  std::string header;
};
std::vector<BlockStart> ColumnBlocks(const std::vector<TokenLine>& lines, int before_line) {
  for (const auto& l : lines) {
    if (!l.tabbed || l.line >= before_line) continue;
    std::vector<std::pair<int, std::string>> named;
    int latest = 0;
    for (size_t c = 0; c < l.cells.size(); ++c) {
      std::string t = RemoveSpaces(l.cells[c]);
      if (t.empty()) continue;
      if (NamedYear(t) || NamesPreviousYear(t, 0) || Contains(t, "当年") || Contains(t, "本年") ||
          Contains(t, "增减") || Contains(t, "变化"))
        named.emplace_back(static_cast<int>(c), t);
      latest = std::max(latest, NamedYear(t));
    }
    if (named.size() < 2) continue;
    std::vector<BlockStart> out;
    for (const auto& [column, t] : named) {
      int year = NamedYear(t);
      YearBlock b = Contains(t, "增减") || Contains(t, "变化") ? YearBlock::kChange
                    : NamesPreviousYear(t, 0) || (year && year + 1 == latest) ? YearBlock::kPrevious
                    : Contains(t, "当年") || Contains(t, "本年") || year == latest
                        ? YearBlock::kBudget
                        : YearBlock::kOther;
      out.push_back({column, b, t});
    }
    return out;
  }
  return {};
}

// The block of column `c`: that of the nearest start at or before it (the budget year's where
// the table names no blocks).
YearBlock BlockOf(const std::vector<BlockStart>& starts, int c) {
  YearBlock b = YearBlock::kBudget;
  for (const auto& s : starts)
    if (s.column <= c) b = s.block;
  return b;
}

// The figures of one block of a tab table's data row, each in the column its header names
// (later header lines refine earlier ones: 公务用车购置及运行费 above 小计 / 购置费 / 运行费).
// Columns of other blocks are left out; where the table names no blocks, every column is the
// budget year's.
void ReadBlock(const std::vector<TokenLine>& lines, const Row& data, model::Unit unit,
               YearBlock block, model::ThreePublic& three) {
  std::vector<BlockStart> starts = ColumnBlocks(lines, data.start_line);
  std::map<int, Part> header;
  for (const auto& l : lines) {
    if (!l.tabbed || l.line >= data.start_line) continue;
    for (size_t c = 0; c < l.cells.size(); ++c) {
      Part p = LabelPart(l.cells[c]);
      int column = static_cast<int>(c);
      if (p != Part::kNone && BlockOf(starts, column) == block) header[column] = p;
    }
  }
  for (const auto& t : data.numbers) {
    auto it = header.find(t.cell);
    if (it == header.end()) continue;
    auto& slot = Slot(three, it->second);
    if (!slot) slot = ToFigure(t, unit);
  }
}

// The first row with figures.
const Row* DataRow(const std::vector<Row>& rows) {
  for (const auto& r : rows)
    if (r.HasAmounts()) return &r;
  return nullptr;
}

const char* PartName(Part p) {
  switch (p) {
    case Part::kOverseas: return "因公出国（境）费";
    case Part::kVehicleTotal: return "公务用车购置及运行费";
    case Part::kPurchase: return "公务用车购置费";
    case Part::kOperation: return "公务用车运行维护费";
    case Part::kReception: return "公务接待费";
    default: return "合计";
  }
}

}  // namespace

bool NamesPreviousYear(const std::string& cell, int year) {
  for (const char* carried : {"结转", "结余", "余额", "实户"})
    if (Contains(cell, carried)) return false;
  if (year && Contains(cell, std::to_string(year - 1) + "年")) return true;
  size_t p = cell.find("上年");
  if (p == std::string::npos) return false;
  std::string rest = cell.substr(p + std::string("上年").size());
  return rest.empty() || StartsWith(rest, "预算") || StartsWith(rest, "执行") ||
         StartsWith(rest, "数") || StartsWith(rest, "决算");
}

StatedThreePublic FindStatedThreePublic(const JoinedText& text) {
  StatedThreePublic s;
  const std::string& t = text.text();
  // The statement starts where “三公” is followed by a figure in 万元.
  size_t pos = 0;
  while ((pos = t.find("三公", pos)) != std::string::npos) {
    StatedAmount total;
    if (FindStatedAmount(text, "三公", pos, pos + 1, 40, total)) {
      s.total = total;
      s.has_total = true;
      break;
    }
    pos += 1;
  }
  if (!s.has_total) return s;
  size_t from = s.total.offset, until = from + 1500;
  s.has_overseas = FindStatedAmount(text, "因公出国（境）费", from, until, 16, s.overseas) ||
                   FindStatedAmount(text, "因公出国(境)费", from, until, 16, s.overseas);
  s.has_purchase = FindStatedAmount(text, "公务用车购置费", from, until, 16, s.vehicle_purchase);
  s.has_operation = FindStatedAmount(text, "公务用车运行维护费", from, until, 16,
                                     s.vehicle_operation) ||
                    FindStatedAmount(text, "公务用车运行费", from, until, 16, s.vehicle_operation);
  s.has_reception = FindStatedAmount(text, "公务接待费", from, until, 16, s.reception);
  return s;
}

size_t FirstThreePublicLine(const CleanLines& clean) {
  const std::string_view kThree = "三", kPublic = "公";
  for (size_t i = 0; i < clean.text.size(); ++i) {
    const std::string_view t = clean.text[i];
    for (size_t p = t.find(kThree); p != std::string_view::npos; p = t.find(kThree, p + 1)) {
      size_t k = p + kThree.size();
      while (k < t.size() && (t[k] == ' ' || t[k] == '\t')) ++k;
      if (k == t.size() || StartsWith(t.substr(k), kPublic)) return i;
    }
  }
  return clean.text.size();
}

void ParseThreePublicTable(const std::vector<TokenLine>& lines, model::Unit unit,
                           const StatedThreePublic& stated, model::ThreePublic& three) {
  std::vector<Row> rows = AssembleRows(lines, FindFirstAmountColumn(lines));
  // One row per part: some part label carries figures of its own.
  // (Two such rows at least: a wrapped header joined to the one data row is not.)
  int part_rows = 0;
  for (const auto& r : rows) {
    Part p = LabelPart(r.Name());
    if (r.HasAmounts() && p != Part::kNone && p != Part::kTotal) ++part_rows;
  }
  bool vertical = part_rows >= 2;
  if (vertical) {
    for (const auto& r : rows) {
      Part p = LabelPart(r.Name());
      if (p == Part::kNone || !r.HasAmounts()) continue;
      auto& slot = Slot(three, p);
      if (!slot) slot = ToFigure(r.numbers.front(), unit);
    }
    return;
  }
  // One row of columns: the first row with figures.
  const Row* data = DataRow(rows);
  if (!data) return;
  if (data->positional) {
    ReadBlock(lines, *data, unit, YearBlock::kBudget, three);
    return;
  }
  const auto& n = data->numbers;
  if (n.size() >= 6) {
    Part order[] = {Part::kTotal, Part::kOverseas, Part::kVehicleTotal,
                    Part::kPurchase, Part::kOperation, Part::kReception};
    for (int i = 0; i < 6; ++i) Slot(three, order[i]) = ToFigure(n[i], unit);
    return;
  }
  if (n.empty()) return;
  three.total = ToFigure(n[0], unit);
  // Fewer figures than columns: place each remaining figure where the narrative states that
  // value, if exactly one part does.
  struct Candidate { Part part; const StatedAmount* stated; bool has; };
  Candidate parts[] = {{Part::kOverseas, &stated.overseas, stated.has_overseas},
                       {Part::kPurchase, &stated.vehicle_purchase, stated.has_purchase},
                       {Part::kOperation, &stated.vehicle_operation, stated.has_operation},
                       {Part::kReception, &stated.reception, stated.has_reception}};
  for (size_t i = 1; i < n.size(); ++i) {
    auto fig = ToFigure(n[i], unit);
    if (!fig) continue;
    std::vector<const Candidate*> match;
    for (const auto& c : parts) {
      if (!c.has) continue;
      auto m = model::Money::Parse(c.stated->digits);
      if (m && *m == fig->amount && !Slot(three, c.part)) match.push_back(&c);
    }
    if (match.size() == 1) {
      Slot(three, match[0]->part) = fig;
      if (!three.note.empty()) three.note += "; ";
      three.note += "the row prints " + std::to_string(n.size()) +
                    " figures under 6 columns; " + n[i].text + " is " + PartName(match[0]->part) +
                    " as the narrative states it at line " + std::to_string(match[0]->stated->line);
    } else {
      if (!three.note.empty()) three.note += "; ";
      three.note += "the column of " + n[i].text + " could not be determined";
    }
  }
}

void ParsePreviousThreePublic(const std::vector<TokenLine>& lines, model::Unit unit,
                              model::PreviousYear& out) {
  std::vector<Row> rows = AssembleRows(lines, FindFirstAmountColumn(lines));
  const Row* data = DataRow(rows);
  if (!data || !data->positional) return;
  for (const auto& s : ColumnBlocks(lines, data->start_line))
    if (s.block == YearBlock::kPrevious && out.three_public_header.empty())
      out.three_public_header = s.header;
  if (out.three_public_header.empty()) return;
  ReadBlock(lines, *data, unit, YearBlock::kPrevious, out.three_public);
  ReadBlock(lines, *data, unit, YearBlock::kChange, out.three_public_change);
}

}  // namespace gongkai::parse
