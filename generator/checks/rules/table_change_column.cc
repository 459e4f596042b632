// table-change-column: a table's change block (增减变化情况) = its budget-year figure − its
// previous-year figure, part by part (西安 表13: 上年 | 当年 | 增减变化情况 of the “三公”经费).
#include "checks/rules/rules.h"
#include "checks/subjects.h"
#include "checks/three_public.h"

namespace gongkai::checks {
namespace {

void Run(Context& ctx) {
  const model::Disclosure& d = ctx.d();
  for (const ThreePublicChange& c : ThreePublicChanges(d))
    ctx.CheckEqual("“三公”经费表增减变化栏中的" + SubjectName(d, c.subject) + "（第 " +
                       std::to_string(c.change.line) + " 行）应等于当年数 " + Wan(c.now.amount) +
                       " 减上年数 " + Wan(c.before.amount),
                   c.Check(), {c.change.line, c.now.line});
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
