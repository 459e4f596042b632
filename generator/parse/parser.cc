// Parse stage orchestration: find tables, read each, assemble the Disclosure.
#include "parse/parser.h"

#include <algorithm>
#include <map>

#include "parse/figures.h"
#include "parse/identity.h"
#include "parse/narrative.h"
#include "parse/project_table.h"
#include "parse/sections.h"
#include "parse/split_table.h"
#include "parse/summary_table.h"
#include "parse/text.h"
#include "parse/three_public_table.h"

namespace gongkai::parse {

namespace {

using model::Diagnostic;

std::vector<TokenLine> SectionLines(const std::vector<std::string>& lines, const Section& s) {
  return TokenizeLines(lines, s.begin, s.end, DetectPrecision(lines, s.begin, s.end));
}

int Level(const std::string& code) {
  return code.size() == 3 ? 1 : code.size() == 5 ? 2 : code.size() == 7 ? 3 : 0;
}

class Parser {
 public:
  explicit Parser(const ingest::Document& doc) : doc_(doc), lines_(doc.lines) {}

  model::Disclosure Run() {
    d_.source.path = doc_.path;
    d_.source.sha256 = doc_.sha256;
    d_.source.lines = static_cast<int>(lines_.size());
    d_.source.encoding = doc_.encoding;
    d_.id = MakeId(doc_.path, doc_.sha256);

    sections_ = FindSections(lines_);
    auto mentions = FindNameMentions(lines_);
    d_.department = ChooseDepartment(mentions);
    for (const auto& m : mentions) unit_names_.push_back(m.name);
    if (!d_.department.name.empty())
      unit_names_.insert(unit_names_.begin(), d_.department.name);
    d_.year = FindYear(lines_, d_.year_line);
    d_.kind = FindKind(lines_);

    ListTables();
    if (d_.tables.empty()) {
      Error(0, "no standard budget table found (部门收支总表, 部门支出总表, 一般公共预算支出表, ...); "
               "is this a department budget disclosure?",
            "not-a-disclosure");
      return d_;
    }
    if (d_.department.name.empty())
      Warn(0, "the department's name was not found (no 单位名称, 部门名称 or title line names it)",
           "department-missing");
    if (d_.year == 0) Warn(0, "the budget year was not found", "year-missing");

    ReadSummary();
    ReadFunctional();
    ReadEconomic();
    ReadProjects();
    ReadThreePublic();
    return d_;
  }

 private:
  void Error(int line, std::string msg, std::string rule) {
    d_.diagnostics.push_back({Diagnostic::Severity::kError, line, std::move(msg), std::move(rule)});
  }
  void Warn(int line, std::string msg, std::string rule) {
    d_.diagnostics.push_back(
        {Diagnostic::Severity::kWarning, line, std::move(msg), std::move(rule)});
  }

  void ListTables() {
    for (const auto& s : sections_) {
      if (s.continuation || d_.FindTable(s.kind)) continue;
      model::TableRef t;
      t.kind = s.kind;
      t.title = s.title;
      t.line = static_cast<int>(s.title_index) + 1;
      t.unit = s.unit;
      t.unit_inherited = s.unit_inherited;
      t.empty = s.empty;
      d_.tables.push_back(t);
    }
  }

  // The sections of a kind that hold data, first ones first; continuations are left out.
  std::vector<const Section*> Sections(const std::string& kind) {
    std::vector<const Section*> out;
    for (const auto& s : sections_)
      if (s.kind == kind && !s.continuation) out.push_back(&s);
    return out;
  }

  // The unit of a section's figures. A table that states none and follows none that did is
  // not assumed to be in 万元: it is reported and skipped.
  bool UnitOf(const Section& s, model::Unit& unit) {
    if (s.unit == "万元") {
      unit = model::Unit::kWanYuan;
      return true;
    }
    if (s.unit == "元") {
      unit = model::Unit::kYuan;
      return true;
    }
    Error(static_cast<int>(s.title_index) + 1,
          "the table '" + s.title + "' states no unit (单位：万元 or 单位：元); its figures are not read",
          "unit-missing");
    return false;
  }

  void ReadSummary() {
    const Section* s = nullptr;
    bool fiscal = false;
    if (auto v = Sections("summary"); !v.empty()) {
      s = v.front();
    } else if (auto f = Sections("fiscal_summary"); !f.empty()) {
      s = f.front();
      fiscal = true;
    }
    if (!s) return;
    model::Unit unit;
    if (!UnitOf(*s, unit)) return;
    ParseSummaryTable(SectionLines(lines_, *s), fiscal, unit, d_.summary);
  }

  void ReadFunctional() {
    std::vector<const Section*> candidates = Sections("expenditure");
    for (auto* s : Sections("general_expenditure")) candidates.push_back(s);
    for (const Section* s : candidates) {
      model::Unit unit;
      if (!UnitOf(*s, unit)) continue;
      SplitTable table = ReadSplitTable(SectionLines(lines_, *s), unit, "2", "基本支出", "项目支出");
      if (table.rows.empty()) continue;
      ResolveSplitColumns(table, "基本支出", "项目支出");
      if (table.total_row) {
        d_.expenditure.total = table.total_row->total;
        d_.expenditure.basic = table.total_row->a;
        d_.expenditure.project = table.total_row->b;
      }
      for (auto& r : table.rows) {
        model::FunctionalRow row;
        row.code = r.code;
        row.name = r.name;
        row.level = Level(r.code);
        row.total = r.total;
        row.basic = r.a;
        row.project = r.b;
        row.line = r.line;
        row.note = r.note;
        if (r.unplaced) {
          row.note = "the row prints " + r.unplaced->amount.WanYuan() +
                     " besides 合计 and whether it is 基本支出 or 项目支出 could not be decided";
          Warn(r.line, "functional row " + r.code + ": " + row.note, "column-ambiguous");
        }
        d_.functional.push_back(std::move(row));
      }
      break;
    }
    // Names of classification codes, for telling project rows from subtotals.
    for (const auto& f : d_.functional) functional_names_[f.code] = f.name;
    for (const Section* s : Sections("general_expenditure")) {
      for (const auto& r : ReadSplitTable(SectionLines(lines_, *s), model::Unit::kWanYuan, "2", "基本支出", "项目支出").rows)
        functional_names_.emplace(r.code, r.name);
    }
  }

  void ReadEconomic() {
    std::vector<std::pair<const Section*, model::Unit>> basics;
    for (const Section* s : Sections("general_basic")) {
      model::Unit unit;
      if (UnitOf(*s, unit)) basics.push_back({s, unit});
    }
    // Prefer the table by 部门预算支出经济分类 (301..) over the 政府经济分类 one (501..).
    for (const std::string digits : {"3", "5"}) {
      for (const auto& [s, unit] : basics) {
        SplitTable table = ReadSplitTable(SectionLines(lines_, *s), unit, digits, "人员经费", "公用经费");
        if (table.rows.empty()) continue;
        ResolveSplitColumns(table, "人员经费", "公用经费");
        if (table.total_row) {
          d_.expenditure.personnel = table.total_row->a;
          d_.expenditure.public_ = table.total_row->b;
        }
        for (auto& r : table.rows) {
          if (r.unplaced) {
            // By definition 人员经费 are 工资福利支出 (301) and 对个人和家庭的补助 (303);
            // the rest of basic expenditure is 公用经费.
            bool personnel = StartsWith(r.code, "301") || StartsWith(r.code, "303") ||
                             StartsWith(r.code, "501") || StartsWith(r.code, "509");
            if (personnel) {
              r.a = r.unplaced;
            } else {
              r.b = r.unplaced;
            }
            r.unplaced.reset();
            r.note = "the row prints one figure besides 合计; it is " +
                     std::string(personnel ? "人员经费" : "公用经费") +
                     " by the classification (301 and 303 are 人员经费)";
          }
          model::EconomicRow row;
          row.code = r.code;
          row.name = r.name;
          row.total = r.total;
          row.personnel = r.a;
          row.public_ = r.b;
          row.line = r.line;
          row.note = r.note;
          d_.economic.push_back(std::move(row));
        }
        return;
      }
    }
  }

  void ReadProjects() {
    ProjectContext ctx;
    ctx.functional_names = functional_names_;
    ctx.unit_names = unit_names_;
    bool table_found = false;
    for (const Section* s : Sections("general_project")) {
      table_found = true;
      model::Unit unit;
      if (!UnitOf(*s, unit)) continue;
      d_.projects = ParseProjectTable(SectionLines(lines_, *s), unit, ctx);
      if (!d_.projects.empty()) return;
    }
    if (table_found) return;
    for (const Section* s : Sections("project_performance")) {
      model::Unit unit;
      if (!UnitOf(*s, unit)) continue;
      for (auto& p : ParseProjectPerformance(SectionLines(lines_, *s), unit))
        d_.projects.push_back(std::move(p));
    }
  }

  void ReadThreePublic() {
    auto v = Sections("three_public");
    if (v.empty()) return;
    model::Unit unit;
    if (!UnitOf(*v.front(), unit)) return;
    JoinedText text(lines_, 0, lines_.size());
    StatedThreePublic stated = FindStatedThreePublic(text);
    ParseThreePublicTable(SectionLines(lines_, *v.front()), unit, stated, d_.three_public);
  }

  const ingest::Document& doc_;
  const std::vector<std::string>& lines_;
  model::Disclosure d_;
  std::vector<Section> sections_;
  std::vector<std::string> unit_names_;
  std::map<std::string, std::string> functional_names_;
};

}  // namespace

model::Disclosure ParseDocument(const ingest::Document& doc) { return Parser(doc).Run(); }

std::string MakeId(const std::string& path, const std::string& sha256) {
  size_t slash = path.find_last_of("/\\");
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = name.rfind('.');
  if (dot != std::string::npos && dot > 0) name = name.substr(0, dot);
  std::string id;
  for (char c : name) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    bool ok = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (ok) {
      id += l;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  if (id.size() > 80) id = id.substr(0, 80);
  if (id.empty()) id = "d-" + sha256.substr(0, 12);
  return id;
}

}  // namespace gongkai::parse
