// economic-hierarchy: in the basic-expenditure table by 经济分类, every 类 (301) = Σ款 (30101..),
// every 款 with items (30103) = Σ its items (3010301..), and 人员经费/公用经费 = Σ of the 类.
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {

void Run(Context& ctx) {
  const auto& rows = ctx.d().economic;
  const int n = static_cast<int>(rows.size());
  std::vector<std::string> codes;
  for (const auto& r : rows) codes.push_back(r.code);
  const std::vector<int> parent = ParentRows(codes);
  for (int p = 0; p < n; ++p) {
    std::vector<model::Figure> parts;
    for (int i = 0; i < n; ++i)
      if (parent[i] == p && rows[i].total) parts.push_back(*rows[i].total);
    if (parts.empty() || !rows[p].total) continue;
    auto lines = LinesOf(parts);
    lines.insert(lines.begin(), rows[p].line);
    ctx.CheckEqual(rows[p].code + " " + rows[p].name + "应等于其下各款之和", *rows[p].total,
                   SumOf(parts), parts, lines);
  }
  // The table's 人员经费 and 公用经费 against its top rows (only where the table has 类 rows).
  const auto& e = ctx.d().expenditure;
  std::vector<model::Figure> personnel, pub;
  bool has_top = false;
  for (int i = 0; i < n; ++i) {
    if (parent[i] != -1 || rows[i].code.size() != 3) continue;
    has_top = true;
    if (rows[i].personnel) personnel.push_back(*rows[i].personnel);
    if (rows[i].public_) pub.push_back(*rows[i].public_);
  }
  if (!has_top) return;
  if (e.personnel && !personnel.empty())
    ctx.CheckEqual("人员经费应等于各类经济科目的人员经费之和", *e.personnel, SumOf(personnel),
                   personnel, {e.personnel->line});
  if (e.public_ && !pub.empty())
    ctx.CheckEqual("公用经费应等于各类经济科目的公用经费之和", *e.public_, SumOf(pub), pub,
                   {e.public_->line});
}
}  // namespace

Rule EconomicHierarchyRule() {
  return {{"economic-hierarchy", Severity::kError, "经济分类科目逐级相加",
           "基本支出按经济分类列示：类（301 工资福利支出、302 商品和服务支出、303 对个人和家庭的"
           "补助）下分款（30101 基本工资……）。每一类应等于其下各款之和，人员经费和公用经费应等于"
           "各类之和。"},
          &Run};
}

}  // namespace gongkai::checks
