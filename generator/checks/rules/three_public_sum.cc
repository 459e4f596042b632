// three-public-sum: “三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费, and
// 公务用车购置及运行费 = 购置费 + 运行费 (the sums of checks/three_public.h).
#include "checks/rules/rules.h"
#include "checks/three_public.h"

namespace gongkai::checks {
namespace {
void Run(Context& ctx) {
  const auto& t = ctx.d().three_public;
  for (const ThreePublicSum& sum : ThreePublicSums(t)) {
    const model::MaybeFigure& whole = t.*sum.whole;
    std::vector<model::Figure> parts;
    for (const auto& p : sum.parts)
      if (p) parts.push_back(*p);
    if (!whole || parts.empty()) continue;
    // The 合计's finding names the lines of its parts too; the vehicle subtotal's its own.
    std::vector<int> lines = {whole->line};
    if (sum.whole == &model::ThreePublic::total) {
      auto of_parts = LinesOf(parts);
      lines.insert(lines.end(), of_parts.begin(), of_parts.end());
    }
    ctx.CheckEqual(sum.says, *whole, SumOf(parts), parts, lines);
  }
}
}  // namespace

Rule ThreePublicSumRule() {
  return {{"three-public-sum", Severity::kError, "“三公”经费各项相加",
           "“三公”经费是因公出国（境）费、公务用车购置及运行费和公务接待费三项之和；其中公务用车"
           "购置及运行费又是购置费与运行费之和。"},
          &Run};
}

}  // namespace gongkai::checks
