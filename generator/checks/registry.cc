// The rule catalogue, in the order rules run and are listed.
#include "checks/rules/rules.h"

namespace gongkai::checks {

const std::vector<Rule>& AllRules() {
  static const std::vector<Rule> rules = {
      SummaryBalanceRule(),       FiscalSummaryBalanceRule(),   IncomeItemsSumRule(),
      ClassesSumRule(),           FunctionalHierarchyRule(),    FunctionalRowSplitRule(),
      BasicSplitRule(),           EconomicHierarchyRule(),      ThreePublicSumRule(),
      ProjectsSumRule(),          CrossTableRule(),             FunctionalEconomicPairsRule(),
      NarrativeAmountRule(),      NarrativeShareRule(),         NarrativeChangeRule(),
      NarrativeChangePartsRule(), NarrativeChangeRepeatedRule(), DepartmentIdentityRule(),
      UnitLabelRule(),            TablesCompleteRule(),         ExplanationsCompleteRule(),
      EmptyTableNoteRule(),
  };
  return rules;
}

const Rule* FindRule(const std::string& id) {
  for (const auto& r : AllRules())
    if (r.info.id == id) return &r;
  return nullptr;
}

model::Money SumOf(const std::vector<model::Figure>& figures) {
  model::Money sum;
  for (const auto& f : figures) sum += f.amount;
  return sum;
}

std::vector<int> LinesOf(const std::vector<model::Figure>& figures) {
  std::vector<int> lines;
  for (const auto& f : figures) lines.push_back(f.line);
  return lines;
}

}  // namespace gongkai::checks
