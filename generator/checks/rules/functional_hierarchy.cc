// functional-hierarchy: in the table by 支出功能分类, every 类 = Σ款, 款 = Σ项 and the 合计 row
// = Σ of the top rows, column by column (合计, 基本支出, 项目支出).
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {

void Run(Context& ctx) {
  const auto& rows = ctx.d().functional;
  const auto& e = ctx.d().expenditure;
  const int n = static_cast<int>(rows.size());
  std::vector<std::string> codes;
  for (const auto& r : rows) codes.push_back(r.code);
  const std::vector<int> parent = ParentRows(codes);
  struct Column {
    const char* name;
    model::MaybeFigure model::FunctionalRow::*member;
    model::MaybeFigure top;
  };
  const Column columns[] = {{"合计", &model::FunctionalRow::total, e.total},
                            {"基本支出", &model::FunctionalRow::basic, e.basic},
                            {"项目支出", &model::FunctionalRow::project, e.project}};
  for (int p = -1; p < n; ++p) {
    std::vector<int> kids;
    for (int i = 0; i < n; ++i)
      if (parent[i] == p) kids.push_back(i);
    if (kids.empty()) continue;
    for (const auto& col : columns) {
      model::MaybeFigure whole = p < 0 ? col.top : rows[p].*col.member;
      std::vector<model::Figure> parts;
      for (int k : kids)
        if (const auto& f = rows[k].*col.member) parts.push_back(*f);
      if (!whole && parts.empty()) continue;
      if (!whole) {
        // A blank parent cell over printed children: the children say it is not zero.
        if (SumOf(parts).IsZero()) continue;
        std::string who = p < 0 ? std::string("合计") : rows[p].code + " " + rows[p].name;
        ctx.Report(who + "的" + col.name + "为空，但其下各行之和为 " + Wan(SumOf(parts)),
                   LinesOf(parts));
        continue;
      }
      std::string who = p < 0 ? std::string("合计行") : rows[p].code + " " + rows[p].name;
      auto lines = LinesOf(parts);
      lines.insert(lines.begin(), whole->line);
      ctx.CheckEqual(who + "的" + col.name + "应等于其下各行之和", *whole, SumOf(parts), parts,
                     lines);
    }
  }
}
}  // namespace

Rule FunctionalHierarchyRule() {
  return {{"functional-hierarchy", Severity::kError, "功能分类类、款、项逐级相加",
           "支出功能分类科目分三级：类（如 210 卫生健康支出）、款（21011）、项（2101101）。每一类的"
           "金额应等于其下各款之和，每一款应等于其下各项之和，表的合计应等于各类之和；合计、基本支出、"
           "项目支出三列分别如此。"},
          &Run};
}

}  // namespace gongkai::checks
