// Checks between years: what a disclosure says of the previous year against the previous
// year's own disclosure (rules prior-year-figure and prior-year-change, checks/rules/).
#pragma once

#include <string>
#include <vector>

#include "model/disclosure.h"

namespace gongkai::years {

/// The rule ids of the checks between years.
inline constexpr const char* kPriorYearFigure = "prior-year-figure";
inline constexpr const char* kPriorYearChange = "prior-year-change";
bool IsCrossYearRule(const std::string& rule);

/// Findings of one pair of consecutive years, each on the disclosure it belongs to (its lines
/// are that document's lines): a finding stands on both, in `current` and in `previous`.
struct CrossYearFindings {
  std::vector<model::Finding> current, previous;
};

/// Compares `current` (year N) with `previous` (year N − 1, the same department):
/// - prior-year-figure: a 上年 figure the narrative of `current` states (the base of a stated
///   change, "比上年预算 1536.36 万元增加 …", or an amount about the previous year) against the
///   same subject's figure in `previous` (years::HeadlineFigure);
/// - prior-year-change: a change `current` states ("比上年增加 390.80 万元") against the
///   difference of the two documents' figures of its subject.
/// Fail closed: only claims whose subject is known (d.year_facts.prior), only the headline
/// figures each document states without doubt (d.year_facts.sure: in a PDF, those its own
/// arithmetic confirms), the same subject on both sides (the same 类 code, the same total).
/// The rounding policy is checks/rounding.h's: exact is silent, within rounding a notice,
/// beyond it a warning (never an error: budgets are revised during the year and the previous
/// disclosure shows the original budget).
CrossYearFindings CheckAcrossYears(const model::Disclosure& previous,
                                   const model::Disclosure& current);

/// Removes the cross-year findings from `d` (before relating it again).
void RemoveCrossYearFindings(model::Disclosure& d);

}  // namespace gongkai::years
