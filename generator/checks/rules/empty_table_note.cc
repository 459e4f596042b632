// empty-table-note: a table with no figures says that it is empty (空表, 无此项内容).
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {
void Run(Context& ctx) {
  const auto& d = ctx.d();
  using K = model::TableKind;
  static const K kData[] = {K::kSummary,         K::kIncome,           K::kExpenditure,
                            K::kFiscalSummary,   K::kFiscalExpenditure, K::kGeneralExpenditure,
                            K::kGeneralBasic,    K::kGeneralProject,   K::kThreePublic,
                            K::kGovFund,         K::kGovFundThreePublic, K::kStateCapital,
                            K::kProcurement};
  for (const auto& t : d.tables) {
    bool data_table = false;
    for (K k : kData) data_table |= t.kind == k;
    if (t.empty || !data_table) continue;
    bool has_figures = false;
    for (const auto& row : d.figure_index) has_figures |= row.table == model::TableKindId(t.kind);
    if (has_figures) continue;
    ctx.Report("“" + t.title + "”（第 " + std::to_string(t.line) +
                   " 行）没有任何数字，也没有说明为空表",
               {t.line});
  }
}
}  // namespace

Rule EmptyTableNoteRule() {
  return {{"empty-table-note", Severity::kWarning, "空表有说明",
           "部门没有某类收支时，对应的表仍应公开，并注明“本表无数据”或“空表”；只有表头、没有说明"
           "的表让读者无法判断是没有数据，还是数据漏掉了。"},
          &Run};
}

}  // namespace gongkai::checks
