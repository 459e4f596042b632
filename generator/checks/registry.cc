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
      EmptyTableNoteRule(),        PriorYearFigureRule(),        PriorYearChangeRule(),
      TableChangeColumnRule(),
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

std::vector<int> ParentRows(const std::vector<std::string>& codes) {
  const int n = static_cast<int>(codes.size());
  std::vector<int> parent(n, -1);
  for (int i = 0; i < n; ++i)
    for (int j = i - 1; j >= 0; --j)
      if (codes[j].size() < codes[i].size() && codes[i].compare(0, codes[j].size(), codes[j]) == 0) {
        parent[i] = j;
        break;
      }
  return parent;
}

}  // namespace gongkai::checks
