// Who and when: the department's full name, its place and level, the budget year.
#pragma once

#include <string>
#include <vector>

#include "model/disclosure.h"
#include "parse/text.h"

namespace gongkai::parse {

/// A department name as one place in the document states it.
struct NameMention {
  std::string name;
  int line = 0;
  bool from_table_title = false;  ///< e.g. "重庆市綦江区医疗保障事务中心财政拨款收支总表"
};

/// Every place the document names its department: title lines, 单位名称：/部门名称 fields,
/// page headers ("447承德市医疗保障局 预算年度：2022"), table titles. Names are cleaned:
/// leading codes ("322-", "447") and a trailing 部门 are removed.
std::vector<NameMention> FindNameMentions(const std::vector<std::string>& lines);
/// The same with the document's clean lines already worked out.
std::vector<NameMention> FindNameMentions(const std::vector<std::string>& lines,
                                          const CleanLines& clean);

/// Chooses the full name: among the names that begin with a place (南充市, 苍溪县), the most
/// frequent; then, where a longer mention ends with it (随州市曾都区医疗保障服务中心 for
/// 曾都区医疗保障服务中心), the longer one.
model::Department ChooseDepartment(const std::vector<NameMention>& mentions);

/// Splits the place off a name: 重庆市綦江区医疗保障事务中心 -> region 重庆市綦江区, level
/// district. Returns false when the name does not begin with a place.
bool SplitPlace(const std::string& name, std::string& region, std::string& level);

/// The budget year, from "2022年部门预算", "预算年度：2022", "2022年预算数", "（2023 年度）":
/// the most frequent. Sets `line` to its first mention. 0 when none.
int FindYear(const std::vector<std::string>& lines, int& line);

/// "final_account" if the document calls itself a 决算, else "budget".
std::string FindKind(const std::vector<std::string>& lines);

/// Who and when as a text document states it, read in one place: the build reads it ahead
/// of the parse to group a department's years (site/years.h PredictSeriesKey), and the parse
/// takes it from there rather than reading every line for names, year and kind again.
struct TextIdentity {
  std::vector<NameMention> mentions;  ///< FindNameMentions
  model::Department department;       ///< ChooseDepartment(mentions)
  int year = 0;                       ///< FindYear
  int year_line = 0;                  ///< its first mention (1-based), 0 without a year
  std::string kind;                   ///< FindKind
};

/// FindNameMentions, ChooseDepartment, FindYear and FindKind of `lines` (`clean`: their
/// CleanLines).
TextIdentity FindTextIdentity(const std::vector<std::string>& lines, const CleanLines& clean);

}  // namespace gongkai::parse
