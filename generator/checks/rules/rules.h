// One function per rule, each defined in its own file in this folder.
#pragma once

#include "checks/check.h"

namespace gongkai::checks {

Rule SummaryBalanceRule();
Rule FiscalSummaryBalanceRule();
Rule IncomeItemsSumRule();
Rule ClassesSumRule();
Rule FunctionalHierarchyRule();
Rule FunctionalRowSplitRule();
Rule BasicSplitRule();
Rule EconomicHierarchyRule();
Rule ThreePublicSumRule();
Rule TableChangeColumnRule();
Rule ProjectsSumRule();
Rule CrossTableRule();
Rule FunctionalEconomicPairsRule();
Rule NarrativeAmountRule();
Rule NarrativeShareRule();
Rule NarrativeChangeRule();
Rule NarrativeChangePartsRule();
Rule NarrativeChangeRepeatedRule();
Rule DepartmentIdentityRule();
Rule UnitLabelRule();
Rule TablesCompleteRule();
Rule ExplanationsCompleteRule();
Rule EmptyTableNoteRule();
Rule PriorYearFigureRule();
Rule PriorYearChangeRule();

/// Helpers the sum rules share.
model::Money SumOf(const std::vector<model::Figure>& figures);
std::vector<int> LinesOf(const std::vector<model::Figure>& figures);

/// For rows in document order with classification codes, the index of each row's parent: the
/// nearest row before it whose code is a shorter prefix of its own; -1 for a top row.
std::vector<int> ParentRows(const std::vector<std::string>& codes);

}  // namespace gongkai::checks
