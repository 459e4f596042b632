// projects-sum: the projects of the project table add up to its 合计, or to 项目支出.
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {
void Run(Context& ctx) {
  const auto& d = ctx.d();
  if (d.projects.empty()) return;
  std::vector<model::Figure> parts;
  for (const auto& p : d.projects) parts.push_back(p.amount);
  if (d.projects_total) {
    ctx.CheckEqual("项目支出表各项目之和应等于表的合计", *d.projects_total, SumOf(parts), parts,
                   {d.projects_total->line});
  } else if (d.expenditure.project) {
    ctx.CheckEqual("各项目金额之和应等于项目支出", *d.expenditure.project, SumOf(parts), parts,
                   {d.expenditure.project->line});
  }
}
}  // namespace

Rule ProjectsSumRule() {
  return {{"projects-sum", Severity::kWarning, "项目金额相加",
           "项目支出表列出的各个项目的金额加起来，应等于表的合计（没有合计行时，等于部门的项目"
           "支出）。"},
          &Run};
}

}  // namespace gongkai::checks
