// classes-sum: the functional classes of the summary table add up to 本年支出合计.
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {
void Check(Context& ctx, const model::Summary& s, const std::string& table) {
  if (!s.current_expenditure || s.expenditure_classes.empty()) return;
  std::vector<model::Figure> parts;
  for (const auto& c : s.expenditure_classes) parts.push_back(c.amount);
  auto lines = LinesOf(parts);
  lines.insert(lines.begin(), s.current_expenditure->line);
  ctx.CheckEqual(table + "按功能分类的各类支出之和应等于本年支出合计", *s.current_expenditure,
                 SumOf(parts), parts, lines);
}
void Run(Context& ctx) {
  Check(ctx, ctx.d().summary, ctx.d().summary.table == "fiscal_summary" ? "财政拨款收支总表" : "部门收支总表");
  if (ctx.d().summary.table == "summary" && !ctx.d().fiscal_summary.table.empty())
    Check(ctx, ctx.d().fiscal_summary, "财政拨款收支总表");
}
}  // namespace

Rule ClassesSumRule() {
  return {{"classes-sum", Severity::kError, "功能分类各类支出合计",
           "收支总表右边按支出功能分类列出的各类支出（社会保障和就业支出、卫生健康支出……）"
           "加起来应等于本年支出合计。"},
          &Run};
}

}  // namespace gongkai::checks
