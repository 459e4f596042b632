// functional-row-split: every row of the 支出总表: 基本支出 + 项目支出 = 合计.
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {
void Run(Context& ctx) {
  const auto& e = ctx.d().expenditure;
  // A table that prints 基本支出 only as its parts (杭州 表3: 人员支出 | 日常公用支出) states the
  // total's basic as those parts; its rows' parts are not read, so the rows are not checked.
  bool basic_as_parts = !e.basic && (e.personnel || e.public_);
  if (e.total && (e.basic || e.project || basic_as_parts)) {
    std::vector<model::Figure> parts;
    if (e.basic) parts.push_back(*e.basic);
    if (basic_as_parts && e.personnel) parts.push_back(*e.personnel);
    if (basic_as_parts && e.public_) parts.push_back(*e.public_);
    if (e.project) parts.push_back(*e.project);
    ctx.CheckEqual("支出合计应等于基本支出加项目支出", *e.total, SumOf(parts), parts,
                   {e.total->line});
  }
  for (const auto& r : ctx.d().functional) {
    if (basic_as_parts) break;
    if (!r.total || (!r.basic && !r.project)) continue;
    std::vector<model::Figure> parts;
    if (r.basic) parts.push_back(*r.basic);
    if (r.project) parts.push_back(*r.project);
    ctx.CheckEqual(r.code + " " + r.name + "的合计应等于基本支出加项目支出", *r.total,
                   SumOf(parts), parts, {r.line});
  }
}
}  // namespace

Rule FunctionalRowSplitRule() {
  return {{"functional-row-split", Severity::kError, "每行基本支出加项目支出等于合计",
           "支出总表的每一行，基本支出（保障机构运转的人员和公用经费）加项目支出（为完成特定任务的"
           "支出）应等于该行合计。"},
          &Run};
}

}  // namespace gongkai::checks
