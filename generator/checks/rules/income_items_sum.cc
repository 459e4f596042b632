// income-items-sum: the income items add up to 本年收入合计.
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {
void Check(Context& ctx, const model::Summary& s, const std::string& table) {
  if (!s.current_income) return;
  std::vector<model::Figure> parts;
  for (const auto& i : s.income_items)
    if (i.name.find("弥补") == std::string::npos) parts.push_back(i.amount);
  if (parts.empty()) return;
  auto lines = LinesOf(parts);
  lines.insert(lines.begin(), s.current_income->line);
  ctx.CheckEqual(table + "的各项收入之和应等于本年收入合计", *s.current_income, SumOf(parts), parts,
                 lines);
}
void Run(Context& ctx) {
  Check(ctx, ctx.d().summary, ctx.d().summary.table == "fiscal_summary" ? "财政拨款收支总表" : "部门收支总表");
  if (ctx.d().summary.table == "summary" && !ctx.d().fiscal_summary.table.empty())
    Check(ctx, ctx.d().fiscal_summary, "财政拨款收支总表");
}
}  // namespace

Rule IncomeItemsSumRule() {
  return {{"income-items-sum", Severity::kError, "收入项目合计",
           "收支总表中列出的各项收入（一般公共预算拨款收入、政府性基金预算拨款收入、事业收入等）"
           "加起来应等于本年收入合计。"},
          &Run};
}

}  // namespace gongkai::checks
