// functional-row-split: every row of the 支出总表: 基本支出 + 项目支出 = 合计 (+ 单位预留机动经费
// in the 合计 row, where the document prints it as a third part: 江苏; + 上缴上级支出 + 事业单位
// 经营支出 + 对附属单位补助支出 where the split by use prints them: 西安).
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {
void Run(Context& ctx) {
  const auto& e = ctx.d().expenditure;
  // A table that prints 基本支出 only as its parts (人员 | 公用, no 小计: 杭州) states the
  // identity as 人员 + 公用 + 项目 = 合计.
  bool basic_as_parts = !e.basic && e.personnel && e.public_;
  if (e.total && (e.basic || e.project || basic_as_parts)) {
    std::vector<model::Figure> parts;
    if (e.basic) parts.push_back(*e.basic);
    if (basic_as_parts) {
      parts.push_back(*e.personnel);
      parts.push_back(*e.public_);
    }
    if (e.project) parts.push_back(*e.project);
    if (e.reserve) parts.push_back(*e.reserve);
    // 西安 prints 支出 by use with three more parts (上缴上级, 事业单位经营, 对附属单位补助).
    bool other_parts = false;
    for (const auto* p : {&e.to_superior, &e.operating, &e.to_subsidiaries})
      if (*p) {
        parts.push_back(**p);
        other_parts = true;
      }
    ctx.CheckEqual(other_parts      ? "支出合计应等于基本支出、项目支出、上缴上级支出、事业单位经营支出与对附属单位补助支出之和"
                   : e.reserve      ? "支出合计应等于基本支出、项目支出与单位预留机动经费之和"
                   : basic_as_parts ? "支出合计应等于人员经费、公用经费与项目支出之和"
                                    : "支出合计应等于基本支出加项目支出",
                   *e.total, SumOf(parts), parts, {e.total->line});
  }
  // Its rows have no 基本支出 figure: 合计 = 项目支出 is no identity there.
  for (const auto& r : ctx.d().functional) {
    if (!r.total || (!r.basic && !r.project)) continue;
    if (basic_as_parts && !r.basic) continue;
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
