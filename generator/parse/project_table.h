// Project expenditure: the 项目支出表 rows that name a project, or, where a document has no
// such table, the projects its 项目支出绩效目标表 budgets.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/disclosure.h"
#include "parse/tokens.h"

namespace gongkai::parse {

/// What the project parser needs to tell project rows from subtotal and unit rows.
struct ProjectContext {
  std::map<std::string, std::string> functional_names;  ///< code -> name, from the tables
  std::vector<std::string> unit_names;  ///< the department's and its units' names
};

/// Reads a project expenditure table. Handles rows with a functional code and a project name
/// ("210 15 99 323008 其他医疗保障管理事务支出 两定机构评估... 10", tab rows with the project name
/// in the name cell) and tables whose rows carry a project code split over lines with the
/// name broken into pieces (Hubei: "4213032" / "2032R00" / "0000191" / "基本工" / "资" / unit
/// name / figures), grouped under category rows ("31 本级支出项目").
std::vector<model::Project> ParseProjectTable(const std::vector<TokenLine>& lines,
                                              model::Unit unit, const ProjectContext& context);

/// The project table's 合计: the row labelled 合计, or the row of figures with neither code
/// nor name that precedes the first project ("8,132.86 8,132.86 0.00 ..."). nullopt if none.
model::MaybeFigure ProjectTableTotal(const std::vector<TokenLine>& lines, model::Unit unit);

/// Reads 项目名称 / 当年预算 pairs from a project performance target table.
std::vector<model::Project> ParseProjectPerformance(const std::vector<TokenLine>& lines,
                                                    model::Unit unit);

}  // namespace gongkai::parse
