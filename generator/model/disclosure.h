// The parsed disclosure: plain data, every figure with the source line it came from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/money.h"

namespace gongkai::model {

/// One figure as the document states it, and the 1-based line its number stands on.
struct Figure {
  Money amount;
  int line = 0;
};
using MaybeFigure = std::optional<Figure>;

/// A problem found while reading or parsing a file (not a consistency finding).
struct Diagnostic {
  enum class Severity { kError, kWarning, kNotice };
  Severity severity = Severity::kError;
  int line = 0;  ///< 0 when the problem is not tied to one line
  std::string message;
  std::string rule;  ///< kebab-case id, e.g. "unit-missing"
};

struct SourceInfo {
  std::string path;
  std::string sha256;
  int lines = 0;
  std::string encoding = "UTF-8";
};

struct Department {
  std::string name;
  int line = 0;
  std::string region;  ///< the place part of the name, e.g. 重庆市綦江区
  std::string level;   ///< province / city / county / district, or empty
};

/// A named income item of the summary table (一般公共预算拨款收入 431.1).
struct IncomeItem {
  std::string name;
  Figure amount;
};

/// A functional class (类) on the expenditure side of the summary table.
struct ClassAmount {
  std::string code;  ///< national 类 code, e.g. "208"
  std::string name;
  Figure amount;
};

/// 部门收支总表 (or the 财政拨款收支总表 where the document has no 部门收支总表).
struct Summary {
  std::string table;  ///< "summary", "fiscal_summary", or empty when neither was found
  MaybeFigure income_total, expenditure_total, current_income, current_expenditure,
      carryover_in, carryover_out;
  std::vector<IncomeItem> income_items;
  std::vector<ClassAmount> expenditure_classes;
};

struct Expenditure {
  MaybeFigure total, basic, project, personnel, public_;
};

/// A row of a table by 支出功能分类 (类/款/项).
struct FunctionalRow {
  std::string code;
  std::string name;
  int level = 0;  ///< 1 类, 2 款, 3 项
  MaybeFigure total, basic, project;
  int line = 0;  ///< where the row's first amount stands
  std::string note;
};

/// A row of the basic-expenditure table by 部门预算支出经济分类 (301.., 302..).
struct EconomicRow {
  std::string code;
  std::string name;
  MaybeFigure total, personnel, public_;
  int line = 0;
  std::string note;
};

struct Project {
  std::string name;
  Figure amount;
  std::optional<std::string> function_code;
  std::string code;      ///< the project's own code where the table prints one
  std::string category;  ///< e.g. "31 本级支出项目" where the table groups projects
  int line = 0;
};

/// “三公”经费.
struct ThreePublic {
  MaybeFigure total, overseas, vehicle_total, vehicle_purchase, vehicle_operation, reception;
  std::string note;
};

/// A standard table found in the document.
struct TableRef {
  std::string kind;   ///< summary, income, expenditure, fiscal_summary, ...
  std::string title;  ///< as printed, markup removed
  int line = 0;       ///< where its first title stands
  std::string unit;   ///< "万元" or "元" as the table states it; empty if it states none
  bool unit_inherited = false;
  bool empty = false;  ///< the table says it has no content (空表)
};

struct Disclosure {
  std::string id;
  SourceInfo source;
  Department department;
  int year = 0;
  int year_line = 0;
  std::string kind = "budget";
  Summary summary;
  Expenditure expenditure;
  std::vector<FunctionalRow> functional;
  std::vector<EconomicRow> economic;
  std::vector<Project> projects;
  ThreePublic three_public;
  std::vector<TableRef> tables;
  std::vector<Diagnostic> diagnostics;

  const TableRef* FindTable(const std::string& kind) const {
    for (const auto& t : tables)
      if (t.kind == kind) return &t;
    return nullptr;
  }
};

}  // namespace gongkai::model
