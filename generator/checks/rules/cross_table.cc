// cross-table: the same figure in different tables agrees — the summary's functional classes
// with the 支出总表's 类 rows, the summary's 本年支出合计 with the 支出总表's 合计, the 财政拨款
// 收支总表's classes with the summary's where all income is 财政拨款.
#include "checks/rules/rules.h"

#include <set>

#include "model/classification.h"

namespace gongkai::checks {
namespace {

std::vector<model::Figure> ClassRowsOf(const model::Disclosure& d, const std::string& code) {
  // The 类 row, once per unit where a table lists several units one after another (深圳's
  // 支出总表: a unit row, then that unit's 205 / 20508 / 2050803, then the next unit's).
  std::vector<model::Figure> out;
  for (const auto& f : d.functional)
    if (f.code == code && f.total) out.push_back(*f.total);
  if (!out.empty()) return out;
  // No 类 row (北京's 项 rows with no subtotals): the rows of that class that have no rows
  // below them add up to it — 项 rows, and a 款 printed without 项 (21598).
  std::set<std::string> parents = model::ParentCodes(d.functional);
  for (const auto& f : d.functional)
    if (f.code.compare(0, 3, code) == 0 && f.total && !parents.count(f.code)) out.push_back(*f.total);
  return out;
}

void Run(Context& ctx) {
  const auto& d = ctx.d();
  const auto& s = d.summary;
  if (!d.functional.empty()) {
    for (const auto& c : s.expenditure_classes) {
      auto rows = ClassRowsOf(d, c.code);
      if (rows.empty()) {
        if (c.amount.amount.IsZero()) continue;
        ctx.Report(s.table == "summary" ? "部门收支总表列出" + c.name + " " + Wan(c.amount.amount) +
                                              "，但部门支出总表没有这一类"
                                        : "收支总表列出" + c.name + " " + Wan(c.amount.amount) +
                                              "，但支出表没有这一类",
                   {c.amount.line});
        continue;
      }
      auto lines = LinesOf(rows);
      lines.insert(lines.begin(), c.amount.line);
      ctx.CheckEqual("收支总表的" + c.name + "应与支出表中 " + c.code + " 类的合计一致", c.amount,
                     SumOf(rows), rows, lines);
    }
  }
  const model::MaybeFigure& spend = s.current_expenditure ? s.current_expenditure : s.expenditure_total;
  if (spend && d.expenditure.total)
    ctx.CheckEqual("收支总表的本年支出合计应与支出表的合计一致", *spend,
                   d.expenditure.total->amount, {*d.expenditure.total},
                   {spend->line, d.expenditure.total->line});
  // The 部门收入总表's 合计 is the 收入总计; the 一般公共预算支出表's 合计 is one of the
  // 财政拨款收支总表's figures (its 一般公共预算 income, or its 本年支出 where carry-over is in).
  auto table_total = [&](const std::string& kind) -> model::MaybeFigure {
    for (const auto& row : d.figure_index)
      if (row.table == kind && (row.name.rfind("合计", 0) == 0 || (row.name.empty() && row.code.empty())) &&
          !row.figures.empty())
        return row.figures.front();
    return std::nullopt;
  };
  if (auto income = table_total("income"); income && s.income_total)
    ctx.CheckEqual("部门收入总表的合计应等于收支总表的收入总计", *income, s.income_total->amount,
                   {*s.income_total}, {income->line, s.income_total->line});
  if (auto general = table_total("general_expenditure"); general) {
    std::vector<model::Figure> options;
    for (const auto* sum : {&d.fiscal_summary, &s}) {
      for (const auto& i : sum->income_items)
        if (i.name.find("一般公共预算") != std::string::npos) options.push_back(i.amount);
      for (const auto& f : {sum->current_income, sum->current_expenditure, sum->income_total})
        if (f) options.push_back(*f);
    }
    bool match = options.empty();
    for (const auto& o : options)
      match |= Compare(o.amount, general->amount, ToleranceFen({o.amount, general->amount})) !=
               Agreement::kBeyondRounding;
    if (!match)
      ctx.Report("一般公共预算支出表的合计 " + Wan(general->amount) +
                     " 与财政拨款收支总表中的一般公共预算拨款、本年支出都不一致（如第 " +
                     std::to_string(options.front().line) + " 行的 " + Wan(options.front().amount) + "）",
                 {general->line, options.front().line});
  }
  // Where every yuan of the year's income is 财政拨款 (no other income item has a figure other
  // than zero), the 财政拨款收支总表 repeats the summary's 本年收入合计; its totals too where
  // nothing is carried over (carry-over can be 单位资金, which the summary does not split out).
  if (s.table == "summary" && !d.fiscal_summary.table.empty()) {
    bool all_fiscal = true;
    for (const auto& i : s.income_items)
      if (i.name.find("拨款") == std::string::npos && !i.amount.amount.IsZero()) all_fiscal = false;
    const auto& fs = d.fiscal_summary;
    bool carried = s.carryover_in && !s.carryover_in->amount.IsZero();
    if (all_fiscal && !carried && s.income_total && fs.income_total)
      ctx.CheckEqual("收入全部为财政拨款时，财政拨款收支总表的收入总计应与部门收支总表一致",
                     *fs.income_total, s.income_total->amount, {*s.income_total},
                     {fs.income_total->line, s.income_total->line});
    else if (all_fiscal && carried && s.current_income && fs.current_income)
      ctx.CheckEqual("本年收入全部为财政拨款时，财政拨款收支总表的本年收入合计应与部门收支总表一致",
                     *fs.current_income, s.current_income->amount, {*s.current_income},
                     {fs.current_income->line, s.current_income->line});
  }
}
}  // namespace

Rule CrossTableRule() {
  return {{"cross-table", Severity::kError, "同一数字在不同表中一致",
           "同一个数字出现在几张表里时必须一致：收支总表里的各类支出应等于部门支出总表里对应类的合计，"
           "收支总表的本年支出应等于支出总表的合计；部门收入全部是财政拨款时，财政拨款收支总表与部门"
           "收支总表的总计也应相同。"},
          &Run};
}

}  // namespace gongkai::checks
