// Misread tables: counted from their own sums.
#include "parse/reading_check.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "checks/rounding.h"
#include "model/classification.h"

namespace gongkai::parse {

namespace {

using model::MaybeFigure;

struct Tally {
  int checked = 0, failed = 0;

  // total = Σ parts (blank parts are zero); counted only where the total and a part are read.
  void Sum(const MaybeFigure& total, const std::vector<MaybeFigure>& parts) {
    if (!total) return;
    std::vector<model::Money> all = {total->amount};
    int64_t sum = 0;
    bool any = false;
    for (const auto& p : parts)
      if (p) {
        sum += p->amount.fen();
        all.push_back(p->amount);
        any = true;
      }
    if (!any) return;
    ++checked;
    if (checks::Compare(total->amount, model::Money::FromFen(sum), checks::ToleranceFen(all)) ==
        checks::Agreement::kBeyondRounding)
      ++failed;
  }
  bool Misread() const { return checked >= 4 && failed * 2 > checked; }
};

template <typename Row>
void Hierarchy(const std::vector<Row>& rows, MaybeFigure Row::*col, const MaybeFigure& whole,
               size_t top_len, Tally& t) {
  std::map<std::string, std::vector<MaybeFigure>> children;
  std::map<std::string, MaybeFigure> by_code;
  std::vector<MaybeFigure> top;
  for (const auto& r : rows) {
    by_code[r.code] = r.*col;
    if (r.code.size() == top_len) top.push_back(r.*col);
    if (r.code.size() > top_len) children[r.code.substr(0, r.code.size() - 2)].push_back(r.*col);
  }
  t.Sum(whole, top);
  for (const auto& [code, kids] : children)
    if (auto it = by_code.find(code); it != by_code.end()) t.Sum(it->second, kids);
}

std::string Counts(const Tally& t) {
  return std::to_string(t.failed) + " of the " + std::to_string(t.checked) +
         " sums inside it fail";
}

}  // namespace

void CheckReading(model::Disclosure& d) {
  const model::Expenditure& e = d.expenditure;
  Tally functional;
  Hierarchy(d.functional, &model::FunctionalRow::total, e.total, 3, functional);
  Hierarchy(d.functional, &model::FunctionalRow::basic, e.basic, 3, functional);
  Hierarchy(d.functional, &model::FunctionalRow::project, e.project, 3, functional);
  for (const auto& r : d.functional)
    if (r.basic || r.project) functional.Sum(r.total, {r.basic, r.project});
  // A table of 项 rows only (no 类 or 款 subtotals, 北京 03表) has one sum to check: its rows
  // add up to its 合计. Where they fall short or run over, rows were lost or taken twice.
  bool leaves_only = !d.functional.empty() && e.total;
  for (const auto& r : d.functional) leaves_only &= r.level != 1;
  if (leaves_only) {
    Tally leaves;
    std::vector<MaybeFigure> parts;
    std::set<std::string> parents = model::ParentCodes(d.functional);
    for (const auto& r : d.functional)
      if (!parents.count(r.code)) parts.push_back(r.total);
    leaves.Sum(e.total, parts);
    if (leaves.failed) {
      int64_t sum = 0;
      for (const auto& p : parts)
        if (p) sum += p->amount.fen();
      d.diagnostics.push_back(
          {model::Diagnostic::Severity::kWarning, d.functional.front().line,
           "the table of expenditure by 功能分类 was not read reliably: its " +
               std::to_string(parts.size()) + " rows add up to " +
               model::Money::FromFen(sum).WanYuan(2) + " 万元, not to its 合计 " +
               e.total->amount.WanYuan(2) + " 万元 (line " + std::to_string(e.total->line) +
               "), so rows were lost or taken twice; they are left out rather than published as "
               "the department's figures",
           "table-misread"});
      d.functional.clear();
    }
  }
  if (!d.functional.empty() && functional.Misread()) {
    int line = d.functional.front().line;
    d.diagnostics.push_back(
        {model::Diagnostic::Severity::kWarning, line,
         "the table of expenditure by 功能分类 was not read reliably: " + Counts(functional) +
             ", which a published table does not do; its " + std::to_string(d.functional.size()) +
             " rows are left out rather than published as the department's figures",
         "table-misread"});
    d.functional.clear();
  }
  Tally economic;
  Hierarchy(d.economic, &model::EconomicRow::total, e.basic, 3, economic);
  for (const auto& r : d.economic)
    if (r.personnel || r.public_) economic.Sum(r.total, {r.personnel, r.public_});
  if (economic.Misread()) {
    int line = d.economic.front().line;
    d.diagnostics.push_back(
        {model::Diagnostic::Severity::kWarning, line,
         "the table of basic expenditure by 经济分类 was not read reliably: " + Counts(economic) +
             "; its " + std::to_string(d.economic.size()) + " rows are left out",
         "table-misread"});
    d.economic.clear();
  }
}

}  // namespace gongkai::parse
