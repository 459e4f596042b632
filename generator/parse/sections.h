// Finding the standard tables of a disclosure by their titles, and where each one ends.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/disclosure.h"
#include "model/money.h"

namespace gongkai::parse {

/// A table region: its title line and the lines after it up to the next title or the start
/// of narrative text. Indices are 0-based into the document's lines.
struct Section {
  std::string kind;   ///< see ClassifyTitle
  std::string title;  ///< markup and surrounding space removed
  size_t title_index = 0;
  size_t begin = 0, end = 0;  ///< body lines [begin, end)
  std::string unit;           ///< "万元" / "元" as stated near the title; empty if none
  int unit_line = 0;
  bool unit_inherited = false;  ///< no label of its own; took the previous table's
  bool empty = false;           ///< says it has no content (空表, 无此项内容)
  bool continuation = false;    ///< repeats an earlier title: a further page or column block
};

/// The standard table kind a title names, or "" if it names none. Recognised by the words
/// of the title (收支总表, 基本支出, “三公”, ...), wherever the department name or the year
/// stands in it: "重庆市綦江区医疗保障事务中心财政拨款收支总表" is fiscal_summary.
std::string ClassifyTitle(std::string_view title);

/// Finds every table title in `lines` and the region each covers.
std::vector<Section> FindSections(const std::vector<std::string>& lines);

/// A unit label in a line: "单位：万元", "金额单位:万元", "单位：千元", "单位：元". Returns "万元",
/// "千元", "元" or "".
std::string FindUnitLabel(std::string_view line);

/// The unit a label found by FindUnitLabel names; nullopt for "" (the table states none).
std::optional<model::Unit> UnitOfLabel(std::string_view label);

/// The error for a table that states no unit and follows none that did: its figures are not
/// read (never assumed to be 万元).
model::Diagnostic UnitMissing(const Section& s);

/// True if a title ends in 表, or in 表 and a bracketed note: 表(政府经济分类科目), 表（2022年度）.
bool EndsWithTableWord(std::string_view title);

/// The human name of a table kind, e.g. "部门收支总表".
std::string TableKindName(std::string_view kind);

}  // namespace gongkai::parse
