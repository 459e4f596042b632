// table-change-column: a table's change block (增减变化情况) = its budget-year figure − its
// previous-year figure, part by part (西安 表13: 上年 | 当年 | 增减变化情况 of the “三公”经费).
#include "checks/rules/rules.h"
#include "checks/subjects.h"

namespace gongkai::checks {
namespace {

void Run(Context& ctx) {
  const model::Disclosure& d = ctx.d();
  const model::ThreePublic& before = d.previous_year.three_public;
  const model::ThreePublic& change = d.previous_year.three_public_change;
  for (const auto& [subject, member] : model::kThreePublicParts) {
    const model::MaybeFigure& now = d.three_public.*member;
    const model::MaybeFigure& prev = before.*member;
    const model::MaybeFigure& diff = change.*member;
    if (!now || !prev || !diff) continue;
    ctx.CheckEqual("“三公”经费表增减变化栏中的" + SubjectName(d, subject) + "（第 " +
                       std::to_string(diff->line) + " 行）应等于当年数 " + Wan(now->amount) +
                       " 减上年数 " + Wan(prev->amount),
                   *diff, now->amount - prev->amount, {*now, *prev}, {diff->line, now->line});
  }
}

}  // namespace

Rule TableChangeColumnRule() {
  return {{"table-change-column", Severity::kError, "表中增减数等于两年之差",
           "有的表在本年预算数旁边同时列出上年数和增减变化（如西安“三公”经费表的“上年、当年、"
           "增减变化情况”三栏）。增减变化应等于当年数减上年数，逐项相符。只有三个数都经本表的合计"
           "关系印证时，不符才是错误，否则是警告。"},
          &Run};
}

}  // namespace gongkai::checks
