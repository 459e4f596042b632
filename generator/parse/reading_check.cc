// Misread tables: counted from their own sums.
#include "parse/reading_check.h"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "checks/rounding.h"
#include "checks/three_public.h"
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

// The “三公” sums of one block of the table (checks/three_public.h).
Tally ThreePublicSums(const model::ThreePublic& t) {
  Tally tally;
  for (const checks::ThreePublicSum& sum : checks::ThreePublicSums(t))
    tally.Sum(t.*sum.whole, sum.parts);
  return tally;
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

void CheckPreviousYearReading(model::Disclosure& d) {
  model::PreviousYear& p = d.previous_year;
  auto drop = [&](int line, const std::string& what) {
    d.diagnostics.push_back({model::Diagnostic::Severity::kNotice, line,
                             "the " + what + " is not read: its own sums do not hold (or could "
                             "not be checked), so its figures are left out",
                             "previous-year-unread"});
  };
  auto line_of = [](const model::ThreePublic& t) {
    for (const auto* f : {&t.total, &t.overseas, &t.reception, &t.vehicle_total})
      if (*f) return (*f)->line;
    return 0;
  };
  if (!p.three_public.Empty()) {
    Tally t = ThreePublicSums(p.three_public);
    if (t.checked == 0 || t.failed) {
      drop(line_of(p.three_public),
           "“三公” table's previous-year block (" + p.three_public_header + ")");
      p.three_public = {};
      p.three_public_change = {};
    }
  }
  if (!p.three_public_change.Empty()) {
    Tally t = ThreePublicSums(p.three_public_change);
    if (t.checked == 0 || t.failed) {
      drop(line_of(p.three_public_change), "“三公” table's change block (增减变化)");
      p.three_public_change = {};
    }
  }
  if (!p.functional_table.empty()) {
    Tally t;
    Hierarchy(p.functional, &model::FunctionalRow::total, p.functional_total, 3, t);
    bool classes = false;
    for (const auto& r : p.functional) classes |= r.level == 1;
    if (!p.functional_total || !classes || t.failed) {
      int line = p.functional_total ? p.functional_total->line
                 : p.functional.empty() ? 0 : p.functional.front().line;
      drop(line, "previous-year column (" + p.functional_header + ") of the " +
                     p.functional_table + " table");
      p.functional.clear();
      p.functional_total.reset();
    }
  }
}

}  // namespace gongkai::parse
