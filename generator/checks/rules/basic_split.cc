// basic-split: 人员经费 + 公用经费 = 基本支出, for the whole and for every economic row.
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {
void Run(Context& ctx) {
  const auto& e = ctx.d().expenditure;
  if (e.basic && (e.personnel || e.public_)) {
    std::vector<model::Figure> parts;
    if (e.personnel) parts.push_back(*e.personnel);
    if (e.public_) parts.push_back(*e.public_);
    auto lines = LinesOf(parts);
    lines.insert(lines.begin(), e.basic->line);
    ctx.CheckEqual("人员经费加公用经费应等于基本支出", *e.basic, SumOf(parts), parts, lines);
  }
  for (const auto& r : ctx.d().economic) {
    if (!r.total || (!r.personnel && !r.public_)) continue;
    std::vector<model::Figure> parts;
    if (r.personnel) parts.push_back(*r.personnel);
    if (r.public_) parts.push_back(*r.public_);
    ctx.CheckEqual(r.code + " " + r.name + "的合计应等于人员经费加公用经费", *r.total,
                   SumOf(parts), parts, {r.line});
  }
}
}  // namespace

Rule BasicSplitRule() {
  return {{"basic-split", Severity::kError, "人员经费加公用经费等于基本支出",
           "基本支出由人员经费（工资福利、对个人和家庭的补助）和公用经费（办公、水电、差旅等"
           "商品和服务支出）组成，两者之和应等于基本支出；基本支出表每一行也是如此。"},
          &Run};
}

}  // namespace gongkai::checks
