// Tables whose rows are classification codes and whose figures split a total into two parts:
// 部门支出总表 (合计 = 基本支出 + 项目支出) and 一般公共预算基本支出表 (合计 = 人员经费 + 公用经费).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/disclosure.h"
#include "parse/tokens.h"

namespace gongkai::parse {

struct SplitRow {
  std::string code;  ///< "" for the 合计 row
  std::string name;
  int line = 0;
  model::MaybeFigure total, a, b;
  /// A figure whose column (a or b) the row does not show: a space-separated row that prints
  /// 2 figures under 3+ columns ("208 323008 社会保障和就业支出 290.88 290.88").
  model::MaybeFigure unplaced;
  std::string note;
};

struct SplitTable {
  std::optional<SplitRow> total_row;  ///< the 合计 row (labelled, or the first row of figures)
  std::vector<SplitRow> rows;         ///< coded rows, in document order
};

/// Reads the rows of such a table. `first_digits` are the allowed first digits of a code
/// ("2" for 支出功能分类, "35" for 经济分类). `a_label` / `b_label` are the part columns'
/// header words (基本支出 / 项目支出); in a tab table their header cells place the figures,
/// otherwise the figures after 合计 are taken in that order.
SplitTable ReadSplitTable(const std::vector<TokenLine>& lines, model::Unit unit,
                          const std::string& first_digits, const std::string& a_label = "",
                          const std::string& b_label = "");

/// Decides the column of every unplaced figure from the table's own arithmetic: a parent's
/// parts equal the sums of its children's parts (类 = Σ款, 款 = Σ项, 合计 = Σ类). Where exactly
/// one assignment adds up, it is taken and the row gets a note saying so. `a_name`/`b_name`
/// name the columns in notes (基本支出 / 项目支出).
void ResolveSplitColumns(SplitTable& table, const std::string& a_name,
                         const std::string& b_name);

}  // namespace gongkai::parse
