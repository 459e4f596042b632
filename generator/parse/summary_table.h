// 部门收支总表 and 财政拨款收支总表: a two-sided table of income and expenditure items.
#pragma once

#include <string>
#include <vector>

#include "model/disclosure.h"
#include "parse/tokens.h"

namespace gongkai::parse {

/// A label and the figures that follow it, as read from a two-sided table.
struct LabelledFigures {
  std::string label;  ///< white space and ordinal removed: "一般公共预算拨款收入"
  std::vector<Token> numbers;
};

/// Splits the table's text into labels and their figures. Both sides of the table stand on
/// one line in the source ("一、一般公共预算拨款收入 431.1 一、一般公共服务支出"), labels wrap
/// ("一、一般公共预算拨" / "款收入" / "8,132.86"), figures glue to the next label
/// ("0.00二、公共安全支出 0.00"). A label ends at a figure, a tab, an ordinal (二、), or a
/// line end or space after a complete item word (…收入, …支出, …合计).
std::vector<LabelledFigures> ReadLabelledFigures(const std::vector<TokenLine>& lines);

/// Fills `summary` from the labels and figures of a 部门收支总表 (`fiscal` false) or a
/// 财政拨款收支总表 (`fiscal` true): totals, 上年结转, income items, functional classes.
void ParseSummaryTable(const std::vector<TokenLine>& lines, bool fiscal, model::Unit unit,
                       model::Summary& summary);

}  // namespace gongkai::parse
