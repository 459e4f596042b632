// three-public-sum: “三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费, and
// 公务用车购置及运行费 = 购置费 + 运行费.
#include "checks/rules/rules.h"

namespace gongkai::checks {
namespace {
void Run(Context& ctx) {
  const auto& t = ctx.d().three_public;
  if (t.total) {
    std::vector<model::Figure> parts;
    if (t.overseas) parts.push_back(*t.overseas);
    if (t.vehicle_total) {
      parts.push_back(*t.vehicle_total);
    } else {
      if (t.vehicle_purchase) parts.push_back(*t.vehicle_purchase);
      if (t.vehicle_operation) parts.push_back(*t.vehicle_operation);
    }
    if (t.reception) parts.push_back(*t.reception);
    if (!parts.empty()) {
      auto lines = LinesOf(parts);
      lines.insert(lines.begin(), t.total->line);
      ctx.CheckEqual("“三公”经费合计应等于因公出国（境）费、公务用车购置及运行费、公务接待费之和",
                     *t.total, SumOf(parts), parts, lines);
    }
  }
  if (t.vehicle_total && (t.vehicle_purchase || t.vehicle_operation)) {
    std::vector<model::Figure> parts;
    if (t.vehicle_purchase) parts.push_back(*t.vehicle_purchase);
    if (t.vehicle_operation) parts.push_back(*t.vehicle_operation);
    ctx.CheckEqual("公务用车购置及运行费应等于购置费加运行费", *t.vehicle_total, SumOf(parts),
                   parts, {t.vehicle_total->line});
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
