// summary-balance: 部门收支总表 — 收入总计 = 支出总计, 本年收入合计 + 上年结转 = 收入总计,
// 本年支出合计 + 结转下年 = 支出总计. Also used for the 财政拨款收支总表 (fiscal_summary_balance.cc).
#include "checks/rules/balance.h"
#include "checks/rules/rules.h"

namespace gongkai::checks {

void CheckBalance(Context& ctx, const model::Summary& s, const std::string& table) {
  if (s.income_total && s.expenditure_total)
    ctx.CheckEqual(table + "的支出总计应等于收入总计", *s.expenditure_total,
                   s.income_total->amount, {*s.income_total},
                   {s.expenditure_total->line, s.income_total->line});
  if (s.income_total && s.current_income) {
    std::vector<model::Figure> parts = {*s.current_income};
    if (s.carryover_in) parts.push_back(*s.carryover_in);
    for (const auto& i : s.income_items)
      if (i.name.find("弥补") != std::string::npos || i.name.find("实户资金余额") != std::string::npos)
        parts.push_back(i.amount);  // 用事业基金弥补收支差额, 上年实户资金余额 (西安)
    auto lines = LinesOf(parts);
    lines.insert(lines.begin(), s.income_total->line);
    ctx.CheckEqual(table + "的收入总计应等于本年收入合计加上年结转", *s.income_total, SumOf(parts),
                   parts, lines);
  }
  if (s.expenditure_total && s.current_expenditure) {
    std::vector<model::Figure> parts = {*s.current_expenditure};
    if (s.carryover_out) parts.push_back(*s.carryover_out);
    auto lines = LinesOf(parts);
    lines.insert(lines.begin(), s.expenditure_total->line);
    ctx.CheckEqual(table + "的支出总计应等于本年支出合计加结转下年", *s.expenditure_total,
                   SumOf(parts), parts, lines);
  }
}

namespace {
void Run(Context& ctx) {
  if (ctx.d().summary.table == "summary") CheckBalance(ctx, ctx.d().summary, "部门收支总表");
}
}  // namespace

Rule SummaryBalanceRule() {
  return {{"summary-balance", Severity::kError, "部门收支总表收支平衡",
           "部门收支总表的两边必须相等：收入总计等于支出总计；收入总计等于本年收入合计加上年结转"
           "（以及用事业基金弥补收支差额、上年实户资金余额）；支出总计等于本年支出合计加结转下年。不相等说明表中至少有"
           "一个数字写错了。"},
          &Run};
}

}  // namespace gongkai::checks
