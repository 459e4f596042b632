// explanations-complete: the narrative explains what it must: “三公” with the reasons for its
// change, 机关运行经费, 政府采购, 国有资产占有, 绩效目标, 名词解释.
#include "checks/rules/rules.h"

#include <utility>

namespace gongkai::checks {
namespace {
void Run(Context& ctx) {
  const auto& d = ctx.d();
  static const std::pair<const char*, const char*> kWanted[] = {
      {"three_public", "“三公”经费"},
      {"three_public_reasons", "“三公”经费增减变化的原因"},
      {"running_costs", "机关运行经费"},
      {"procurement", "政府采购"},
      {"assets", "国有资产占有使用情况"},
      {"performance", "预算绩效目标"},
      {"glossary", "名词解释"}};
  std::string missing;
  for (const auto& [key, name] : kWanted) {
    bool found = false;
    for (const auto& e : d.explanations) found |= e.first == key;
    if (!found) missing += (missing.empty() ? "" : "、") + std::string(name);
  }
  if (missing.empty()) return;
  ctx.Report("说明中没有找到：" + missing, {1});
}
}  // namespace

Rule ExplanationsCompleteRule() {
  return {{"explanations-complete", Severity::kNotice, "情况说明齐全",
           "预算公开的文字说明应解释“三公”经费及其增减原因、机关运行经费、政府采购、国有资产占有"
           "使用情况、预算绩效目标，并附名词解释。"},
          &Run};
}

}  // namespace gongkai::checks
