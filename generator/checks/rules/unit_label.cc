// unit-label: a unit label that contradicts its figures — figures under a 元 label that are
// the document's 万元 totals (552.80 元 for a budget of 552.80 万元), or 万元 figures that are
// 10,000 times the totals.
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {
void Run(Context& ctx) {
  const auto& d = ctx.d();
  std::vector<model::Figure> keys;
  for (const auto& f : {d.summary.income_total, d.summary.expenditure_total, d.expenditure.total,
                        d.expenditure.basic, d.expenditure.project})
    if (f && !f->amount.IsZero()) keys.push_back(*f);
  if (keys.empty()) return;
  for (const auto& label : d.unit_labels) {
    const bool yuan = label.unit == "元", wan = label.unit == "万元";
    for (const auto& f : label.figures) {
      const model::Figure* match = nullptr;
      bool yuan_over_wan = false;
      for (const auto& k : keys) {
        // label.figures hold the printed numbers read as 万元.
        if (yuan && f.amount == k.amount) {
          match = &k;
          yuan_over_wan = true;
        }
        // f = k × 10000, without the multiplication that could overflow.
        if (wan && f.amount.fen() % 10000 == 0 &&
            f.amount.fen() / 10000 == k.amount.fen())
          match = &k;
      }
      if (!match) continue;
      std::string printed = f.amount.WanYuan(2);
      ctx.Report(yuan_over_wan
                     ? "“" + label.context + "”标明单位为元，但其中的 " + printed +
                           " 正是本部门以万元计的数字（第 " + std::to_string(match->line) +
                           " 行为 " + Wan(match->amount) + "）：单位应为万元"
                     : "“" + label.context + "”标明单位为万元，但其中的数字是以元计的（" +
                           printed + " 万元 = 第 " + std::to_string(match->line) + " 行的 " +
                           Wan(match->amount) + " 的一万倍）",
                 {label.line, f.line, match->line});
      break;
    }
  }
}
}  // namespace

Rule UnitLabelRule() {
  return {{"unit-label", Severity::kError, "单位标注与数字相符",
           "每张表都写明金额单位（元或万元）。单位写错会让数字相差一万倍：例如标着“元”的表里写着"
           "552.80，而它其实是 552.80 万元。"},
          &Run};
}

}  // namespace gongkai::checks
