// tables-complete: the standard tables of a department budget disclosure are all there.
#include "checks/rules/rules.h"

#include "parse/sections.h"

namespace gongkai::checks {
namespace {
void Run(Context& ctx) {
  const auto& d = ctx.d();
  using K = model::TableKind;
  static const K kStandard[] = {K::kSummary,       K::kIncome,     K::kExpenditure,
                                K::kFiscalSummary, K::kGeneralExpenditure, K::kGeneralBasic,
                                K::kThreePublic,   K::kGovFund,    K::kStateCapital};
  std::string missing;
  for (K kind : kStandard)
    if (!d.FindTable(kind))
      missing += (missing.empty() ? "" : "、") + parse::TableKindName(model::TableKindId(kind));
  if (missing.empty()) return;
  int line = d.tables.empty() ? 1 : d.tables.front().line;
  ctx.Report("缺少标准公开表：" + missing, {line});
}
}  // namespace

Rule TablesCompleteRule() {
  return {{"tables-complete", Severity::kWarning, "标准公开表齐全",
           "部门预算公开应包括九张标准表：部门收支总表、部门收入总表、部门支出总表、财政拨款收支总表、"
           "一般公共预算支出表、一般公共预算基本支出表、一般公共预算“三公”经费支出表、政府性基金预算"
           "支出表、国有资本经营预算支出表。没有内容的表也应公开并注明“空表”。"},
          &Run};
}

}  // namespace gongkai::checks
