// fiscal-summary-balance: the 财政拨款收支总表 balances like the 部门收支总表.
#include "checks/rules/balance.h"
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {
void Run(Context& ctx) {
  const auto& fs = ctx.d().fiscal_summary;
  if (fs.table.empty()) return;
  CheckBalance(ctx, fs, "财政拨款收支总表");
}
}  // namespace

Rule FiscalSummaryBalanceRule() {
  return {{"fiscal-summary-balance", Severity::kError, "财政拨款收支总表收支平衡",
           "财政拨款收支总表同样必须平衡：收入总计等于支出总计，收入总计等于本年收入加上年结转，"
           "支出总计等于本年支出加结转下年。"},
          &Run};
}

}  // namespace gongkai::checks
