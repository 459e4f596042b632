// The parsed disclosure: plain data, every figure with the source line it came from.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/kinds.h"
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
  /// The files the disclosure was read from, where it is more than one or a PDF.
  struct File {
    std::string path, sha256, format;  ///< format: "pdf" or "text"
    int first_line = 0;                ///< 1-based line where the file's text begins
    int pages = 0;
  };
  std::vector<File> files;
  /// PDF: the 1-based first line of each page, in order (page i + 1 starts at page_starts[i]).
  std::vector<int> page_starts;
  std::vector<int> page_numbers;  ///< PDF: each page's number within its own file
  std::vector<int> page_files;    ///< PDF: each page's file (index into files)
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
  /// Rows beside 本年 and 结转 that are parts of the totals in some templates (西安: 上年实户
  /// 资金余额, 使用非财政拨款结余 on the income side; 未安排支出的实户资金 on the other).
  std::vector<IncomeItem> other_in, other_out;
};

struct Expenditure {
  MaybeFigure total, basic, project, personnel, public_;
  MaybeFigure reserve;  ///< 单位预留机动经费, a third part beside 基本 and 项目 (江苏)
  /// The other parts of 支出 by use, beside 基本 and 项目, where the document prints them
  /// (西安 收支总表: 3、上缴上级支出 / 4、事业单位经营支出 / 5、对附属单位补助支出).
  MaybeFigure to_superior, operating, to_subsidiaries;
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
  bool Empty() const {
    return !total && !overseas && !vehicle_total && !vehicle_purchase && !vehicle_operation &&
           !reception;
  }
};

/// Each figure of a ThreePublic with the subject id the checks give it (checks/subjects.h), in
/// the order the pages list them: 合计, 因公出国（境）费, 公务用车购置及运行费, 购置费, 运行费, 公务接待费.
struct ThreePublicPart {
  const char* subject;
  MaybeFigure ThreePublic::*figure;
};
inline constexpr ThreePublicPart kThreePublicParts[] = {
    {"three_public.total", &ThreePublic::total},
    {"three_public.overseas", &ThreePublic::overseas},
    {"three_public.vehicle_total", &ThreePublic::vehicle_total},
    {"three_public.vehicle_purchase", &ThreePublic::vehicle_purchase},
    {"three_public.vehicle_operation", &ThreePublic::vehicle_operation},
    {"three_public.reception", &ThreePublic::reception}};

/// What the tables state for the year before the budget year (parse::CheckPreviousYearReading): the
/// “三公” table's previous-year block (重庆 `2025年预算数`, 西安 表13 `上年` / `2021年`) and a
/// previous-year column by 功能分类 (重庆 一般公共预算支出情况表 `2025年预算数`). Each part is
/// read only where its own arithmetic holds (合计 = its parts; 合计 = Σ类, 类 = Σ款, 款 = Σ项);
/// otherwise it stays empty and a diagnostic says why.
struct PreviousYear {
  ThreePublic three_public;  ///< the previous year's block; all null when not read
  std::string three_public_header;  ///< its header as printed: "2025年预算数", "上年"
  /// The same table's change block (增减变化情况 = budget year − previous year), signed; all
  /// null where the table prints none or its own sums fail.
  ThreePublic three_public_change;
  std::string functional_table;   ///< the kind id of the table the column is in, or empty
  std::string functional_header;  ///< the column's header as printed
  MaybeFigure functional_total;   ///< its 合计 row
  std::vector<FunctionalRow> functional;  ///< code, name, level, total (basic/project null)
};

/// A standard table found in the document.
struct TableRef {
  TableKind kind = TableKind::kSummary;
  std::string title;  ///< as printed, markup removed
  int line = 0;       ///< where its first title stands
  std::string unit;   ///< "万元" or "元" as the table states it; empty if it states none
  bool unit_inherited = false;
  bool empty = false;  ///< the table says it has no content (空表)
};

/// A figure the narrative states, and what checking it found.
struct Claim {
  enum class Kind { kAmount, kShare, kChange, kChangePct };
  Kind kind = Kind::kAmount;
  int line = 0;          ///< where the number stands
  std::string text;      ///< the sentence (or clause) it stands in
  std::string subject;   ///< what it is about: "income_total", "class:210", "basic", ...
  std::string subject_text;  ///< the words naming it, as printed
  std::string value_text;    ///< the number as printed: "460.74", "93.57"
  Money amount;              ///< amount / change: the value (a change is unsigned)
  int64_t percent_scaled = 0;  ///< share / change_pct: value × 10^percent_decimals
  int percent_decimals = 0;
  /// change: +1 增加/增长, -1 减少/下降, 0 a change of 0 ("与上年预算数相同", "减少 0 万元")
  int direction = 0;
  /// change: the previous-year figure, where the text gives it; for "X 万元，与上年相同" it is X
  std::optional<Money> base;
  int base_line = 0;
  std::optional<Money> now;    ///< change: the current figure it is a change of, if stated
  int now_line = 0;
  int ref = -1;  ///< share: the amount claim it is a share of; change_pct: its change claim
  bool introduces_parts = false;  ///< amount/change followed by 其中: the parts come next
  int sentence = 0;               ///< index of the sentence it stands in
  bool previous_year = false;  ///< an amount that describes the previous year
  /// An amount about the previous year that a table states, not the narrative: the table's
  /// title and the block's header (“2026年财政拨款“三公”经费支出情况表” 2025年预算数); empty
  /// for the narrative's claims. Such claims stand only in year_facts.prior, never in `claims`.
  std::string table;
  size_t offset = 0;           ///< position in the joined narrative (for ordering)
  ClaimStatus status = ClaimStatus::kUnchecked;
  std::string note;                  ///< what it was checked against
};

/// The word for a change claim's direction: "增加", "减少", or "持平" (a change of 0).
inline const char* ChangeWord(const Claim& c) {
  return c.direction > 0 ? "增加" : c.direction < 0 ? "减少" : "持平";
}

/// A consistency finding: where the document disagrees with itself.
struct Finding {
  std::string rule;  ///< kebab-case id (see checks/)
  Diagnostic::Severity severity = Diagnostic::Severity::kWarning;
  std::string message;     ///< with the expected and the actual value
  std::vector<int> lines;  ///< the lines to look at, first the main one
  /// The figures compared, where the finding compares figures (a total and its parts).
  std::vector<Figure> figures;
  /// Why the finding is not an error though its rule's severity is: the figures it compares
  /// were not all corroborated (see checks/corroboration.h). Empty otherwise.
  std::string downgraded;
};

/// A derived figure: a ratio in percent or an amount, computed from stated figures.
struct Metric {
  std::string key;    ///< stable id, e.g. "basic_share", "class_share_210"
  std::string label;  ///< 基本支出占支出合计
  std::optional<double> value;  ///< percent for "%", 万元 for amounts (ratios may be double)
  std::string unit;             ///< "%" or "万元" or "万元/人"
  std::vector<int> lines;       ///< the lines of the figures it is computed from
};

/// A part of the narrative shown on the department page: 主要职能, 机构设置.
struct NarrativeSection {
  std::string key;    ///< "functions" / "organisation"
  std::string title;  ///< the heading as printed
  int line = 0;
  std::vector<std::pair<int, std::string>> paragraphs;  ///< (first line, text)
};

/// A term the document's 名词解释 defines.
struct GlossaryEntry {
  std::string term;
  std::string definition;
  int line = 0;
};

/// What the pages and checks across years need of a disclosure beyond its tables; kept when
/// the build trims the claims (years/facts.h fills it in the per-document pipeline).
struct YearFacts {
  /// The headline subjects (years/timeline.h) whose figure the document states without doubt:
  /// in a text every stated one; in a PDF one its own arithmetic confirms (checks/corroboration.h).
  std::vector<std::string> sure;
  /// The claims about the previous year (IsPriorYearClaim) that the document itself casts no
  /// doubt on, and their indexes in `claims` (which the build trims; prior stays); after them
  /// the figures its tables state for the previous year (Claim::table set, no index).
  std::vector<Claim> prior;
  std::vector<int> prior_index;
  /// Every headline subject's figure the document states (years::HeadlineFigure reads them
  /// here once they are kept, so a document known only by its record relates like one read).
  std::vector<std::pair<std::string, Figure>> headline;
};

/// A claim the checks between years compare: a stated change, or an amount about the previous
/// year, whose subject is known.
inline bool IsPriorYearClaim(const Claim& c) {
  return !c.subject.empty() &&
         (c.kind == Claim::Kind::kChange || (c.kind == Claim::Kind::kAmount && c.previous_year));
}

/// A disclosure among the other years of its department, where the site has others (set by
/// the build when it relates the years: site/years.h).
struct YearPlace {
  std::string key;                ///< years::DepartmentKey; empty when alone
  std::string previous, next;     ///< the nearest other years' ids, "" for none
  int previous_year = 0, next_year = 0;
  int count = 0;                  ///< how many years the site has of the department
  bool operator==(const YearPlace& o) const {
    return key == o.key && previous == o.previous && next == o.next &&
           previous_year == o.previous_year && next_year == o.next_year && count == o.count;
  }
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
  PreviousYear previous_year;
  std::vector<TableRef> tables;
  std::vector<Claim> claims;
  std::vector<Finding> findings;
  std::vector<Metric> metrics;
  std::vector<NarrativeSection> sections;
  std::vector<GlossaryEntry> glossary;
  std::optional<int> staff;  ///< people the document says work there (实有人员), if it says
  int staff_line = 0;
  std::vector<Diagnostic> diagnostics;
  /// The 财政拨款收支总表 where the document has one (the summary may be it, where the
  /// document has no 部门收支总表).
  Summary fiscal_summary;
  /// The 合计 row of the project table, where it has one.
  MaybeFigure projects_total;
  /// Every table row that names a classification code or an item, with all its figures, so a
  /// figure stated elsewhere can be looked up: table kind, code ("" if none), name, figures.
  struct IndexedRow {
    std::string table;
    std::string code;
    std::string name;
    std::vector<Figure> figures;
    /// Tab tables: the figure of each column (blank cells empty), so columns can be summed.
    std::vector<std::optional<Figure>> columns;
  };
  std::vector<IndexedRow> figure_index;
  /// Table titles that name a department, for the identity check: (line, name).
  std::vector<std::pair<int, std::string>> title_names;
  /// Unit labels that may contradict their figures: (line, label, first figure under it).
  struct UnitLabel {
    int line = 0;
    std::string unit;
    std::string context;  ///< the table or note the label belongs to
    std::vector<Figure> figures;
  };
  std::vector<UnitLabel> unit_labels;
  /// Narrative sections found (机关运行经费, 政府采购, 国有资产, 绩效目标, 名词解释, ...): key -> line.
  std::vector<std::pair<std::string, int>> explanations;
  YearFacts year_facts;
  YearPlace years;

  const TableRef* FindTable(TableKind kind) const {
    for (const auto& t : tables)
      if (t.kind == kind) return &t;
    return nullptr;
  }
};

}  // namespace gongkai::model
