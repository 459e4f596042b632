// narrative-change-repeated: the same change stated twice in one document agrees.
#include "checks/rules/rules.h"

#include <map>

#include "checks/subjects.h"

namespace gongkai::checks {
namespace {

void Run(Context& ctx) {
  auto& d = ctx.d();
  std::map<std::string, const model::Claim*> first;
  for (const auto& c : d.claims) {
    if (c.kind != model::Claim::Kind::kChange || c.subject.empty()) continue;
    auto [it, inserted] = first.emplace(c.subject, &c);
    if (inserted) continue;
    const model::Claim& a = *it->second;
    model::Money va = model::Money::FromFen(a.direction * a.amount.fen());
    model::Money vc = model::Money::FromFen(c.direction * c.amount.fen());
    if (Compare(va, vc, ToleranceFen({a.amount, c.amount})) == Agreement::kBeyondRounding)
      ctx.Report("第 " + std::to_string(a.line) + " 行说" + SubjectName(d, c.subject) +
                     ChangeText(a) + "，第 " + std::to_string(c.line) + " 行却说" + ChangeText(c),
                 {c.line, a.line});
  }
}
}  // namespace

Rule NarrativeChangeRepeatedRule() {
  return {{"narrative-change-repeated", Severity::kWarning, "同一变动两处说法一致",
           "同一个数字的增减在说明中出现两次时（例如在“收支预算情况”和“财政拨款支出情况”中各说一"
           "次），两处应当一致；不一致时，至少有一处的比较基数或计算有误。"},
          &Run};
}

}  // namespace gongkai::checks
