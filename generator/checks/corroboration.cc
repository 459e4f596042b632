// The identities that corroborate figures, and the gate on error findings.
#include "checks/corroboration.h"

#include <map>
#include <vector>

#include "checks/rounding.h"
#include "checks/three_public.h"

namespace gongkai::checks {

namespace {

using model::Figure;
using model::MaybeFigure;

class Corroborator {
 public:
  explicit Corroborator(const model::Disclosure& d) : d_(d) {}

  std::set<std::pair<int, int64_t>> Run() {
    const model::Summary& s = d_.summary;
    for (const model::Summary* sum : {&d_.summary, &d_.fiscal_summary}) {
      Equal(sum->income_total, sum->expenditure_total);
      Sum(sum->income_total, {sum->current_income, sum->carryover_in});
      Sum(sum->expenditure_total, {sum->current_expenditure, sum->carryover_out});
      std::vector<MaybeFigure> items;
      for (const auto& i : sum->income_items) items.push_back(i.amount);
      Sum(sum->current_income, items);
      Sum(sum->income_total, items);
      std::vector<MaybeFigure> classes;
      for (const auto& c : sum->expenditure_classes) classes.push_back(c.amount);
      Sum(sum->current_expenditure, classes);
      Sum(sum->expenditure_total, classes);
    }
    const model::Expenditure& e = d_.expenditure;
    Sum(e.total, {e.basic, e.project, e.reserve, e.to_superior, e.operating, e.to_subsidiaries});
    Sum(e.basic, {e.personnel, e.public_});
    Equal(e.total, s.current_expenditure);
    Equal(e.total, s.expenditure_total);
    // The functional rows, column by column: 合计 = Σ类, 类 = Σ款, 款 = Σ项. A row's own
    // 合计 = 基本 + 项目 proves nothing about which rows the reading took into the table, so
    // it corroborates nothing.
    using Col = MaybeFigure model::FunctionalRow::*;
    for (Col col : {&model::FunctionalRow::total, &model::FunctionalRow::basic,
                    &model::FunctionalRow::project}) {
      std::vector<MaybeFigure> level1;
      std::map<std::string, std::vector<MaybeFigure>> children;
      std::map<std::string, MaybeFigure> by_code;
      for (const auto& r : d_.functional) {
        by_code[r.code] = r.*col;
        if (r.level == 1) level1.push_back(r.*col);
        if (r.code.size() == 5) children[r.code.substr(0, 3)].push_back(r.*col);
        if (r.code.size() == 7) children[r.code.substr(0, 5)].push_back(r.*col);
      }
      const MaybeFigure& whole = col == &model::FunctionalRow::total   ? e.total
                                 : col == &model::FunctionalRow::basic ? e.basic
                                                                       : e.project;
      Sum(whole, level1);
      for (const auto& [code, kids] : children)
        if (auto it = by_code.find(code); it != by_code.end()) Sum(it->second, kids);
      if (col == &model::FunctionalRow::total)
        for (const auto& c : s.expenditure_classes)
          if (auto it = by_code.find(c.code); it != by_code.end()) Equal(c.amount, it->second);
    }
    // Economic rows, column by column: 类 (301) = Σ款 (30101 …); Σ类 = 基本支出.
    using ECol = MaybeFigure model::EconomicRow::*;
    for (ECol col : {&model::EconomicRow::total, &model::EconomicRow::personnel,
                     &model::EconomicRow::public_}) {
      std::map<std::string, std::vector<MaybeFigure>> children;
      std::map<std::string, MaybeFigure> by_code;
      std::vector<MaybeFigure> classes;
      for (const auto& r : d_.economic) {
        by_code[r.code] = r.*col;
        if (r.code.size() == 3) classes.push_back(r.*col);
        if (r.code.size() == 5) children[r.code.substr(0, 3)].push_back(r.*col);
      }
      for (const auto& [code, kids] : children)
        if (auto it = by_code.find(code); it != by_code.end()) Sum(it->second, kids);
      const MaybeFigure& whole = col == &model::EconomicRow::total       ? e.basic
                                 : col == &model::EconomicRow::personnel ? e.personnel
                                                                         : e.public_;
      Sum(whole, classes);
    }
    // The “三公” table's blocks, each on its own: the budget year's, the previous year's, the
    // change between them.
    for (const model::ThreePublic* t : {&d_.three_public, &d_.previous_year.three_public,
                                        &d_.previous_year.three_public_change})
      for (const ThreePublicSum& sum : ThreePublicSums(*t)) Sum(t->*sum.whole, sum.parts);
    // The same figure in two tables: a row of one table stated again in another.
    std::map<std::pair<std::string, int64_t>, std::vector<std::pair<std::string, Figure>>> seen;
    for (const auto& row : d_.figure_index) {
      if (row.code.empty()) continue;
      for (const auto& f : row.figures)
        if (f.amount.fen() != 0) seen[{row.code, f.amount.fen()}].push_back({row.table, f});
    }
    for (const auto& [key, uses] : seen)
      for (size_t i = 0; i < uses.size(); ++i)
        for (size_t k = i + 1; k < uses.size(); ++k)
          if (uses[i].first != uses[k].first) {
            Mark(uses[i].second);
            Mark(uses[k].second);
          }
    return std::move(ok_);
  }

 private:
  void Mark(const Figure& f) { ok_.insert({f.line, f.amount.fen()}); }

  // total = Σ parts (absent parts are zero: a blank cell); needs the total and one part.
  void Sum(const MaybeFigure& total, const std::vector<MaybeFigure>& parts) {
    if (!total) return;
    std::vector<model::Money> all = {total->amount};
    int64_t sum = 0;
    int present = 0;
    for (const auto& p : parts)
      if (p) {
        sum += p->amount.fen();
        all.push_back(p->amount);
        ++present;
      }
    if (present == 0) return;
    // A total of zero with zero parts confirms nothing about a reading.
    if (total->amount.fen() == 0 && sum == 0) return;
    if (Compare(total->amount, model::Money::FromFen(sum), ToleranceFen(all)) ==
        Agreement::kBeyondRounding)
      return;
    Mark(*total);
    for (const auto& p : parts)
      if (p) Mark(*p);
  }
  void Equal(const MaybeFigure& a, const MaybeFigure& b) { Sum(a, {b}); }

  const model::Disclosure& d_;
  std::set<std::pair<int, int64_t>> ok_;
};

}  // namespace

std::set<std::pair<int, int64_t>> CorroboratedFigures(const model::Disclosure& d) {
  return Corroborator(d).Run();
}

void ApplyCorroboration(model::Disclosure& d) {
  bool any_error = false;
  for (const auto& f : d.findings) any_error |= f.severity == model::Diagnostic::Severity::kError;
  if (!any_error) return;
  auto ok = CorroboratedFigures(d);
  // Every amount the tables state: a difference equal to one of them is what a row taken in or
  // left out by the reading produces.
  std::set<int64_t> stated;
  for (const auto& row : d.figure_index)
    for (const auto& fig : row.figures)
      if (fig.amount.fen() != 0) stated.insert(fig.amount.fen() < 0 ? -fig.amount.fen() : fig.amount.fen());
  for (auto& f : d.findings) {
    if (f.severity != model::Diagnostic::Severity::kError) continue;
    if (f.figures.empty()) {
      f.severity = model::Diagnostic::Severity::kWarning;
      f.downgraded =
          "仅为警告：它依据的是对 PDF 正文某句所指对象的判断，没有表格可以印证";
      continue;
    }
    if (f.figures.size() < 2) {
      f.severity = model::Diagnostic::Severity::kWarning;
      f.downgraded = "仅为警告：比较的一方没有读到任何数字，不能排除读取有误";
      continue;
    }
    std::vector<int> doubtful;
    for (const auto& fig : f.figures)
      if (!ok.count({fig.line, fig.amount.fen()})) doubtful.push_back(fig.line);
    if (doubtful.empty()) {
      // The figures hold elsewhere, but which rows this identity adds up is the reading's own
      // decision: a difference that is itself a row of the tables says it may be wrong.
      int64_t diff = 0;
      for (size_t i = 1; i < f.figures.size(); ++i) diff += f.figures[i].amount.fen();
      diff -= f.figures[0].amount.fen();
      if (diff < 0) diff = -diff;
      if (diff != 0 && stated.count(diff)) {
        f.severity = model::Diagnostic::Severity::kWarning;
        f.downgraded = "仅为警告：差额 " + model::Money::FromFen(diff).WanYuan(2) +
                       " 万元恰好等于表中某一行的数字，不能排除读取时多算或漏算了一行";
      }
      continue;
    }
    f.severity = model::Diagnostic::Severity::kWarning;
    std::string lines;
    for (int l : doubtful) lines += (lines.empty() ? "" : ", ") + std::to_string(l);
    f.downgraded = "仅为警告：第 " + lines +
                   " 行的数字未被本文件的其他合计或表格印证，不能排除读取有误";
  }
}

}  // namespace gongkai::checks
