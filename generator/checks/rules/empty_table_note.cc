// empty-table-note: a table with no figures says that it is empty (空表, 无此项内容).
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {
void Run(Context& ctx) {
  const auto& d = ctx.d();
  static const char* kData[] = {"summary",      "income",         "expenditure",
                                "fiscal_summary", "fiscal_expenditure", "general_expenditure",
                                "general_basic", "general_project", "three_public",
                                "gov_fund",     "gov_fund_three_public", "state_capital",
                                "procurement"};
  for (const auto& t : d.tables) {
    bool data_table = false;
    for (const char* k : kData) data_table |= t.kind == k;
    if (t.empty || !data_table) continue;
    bool has_figures = false;
    for (const auto& row : d.figure_index) has_figures |= row.table == t.kind;
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
