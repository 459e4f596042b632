// What the checks between years need of one disclosure, worked out while its full reading is
// at hand (the build trims the claims and the row index before it relates the years).
#pragma once

#include "model/disclosure.h"

namespace gongkai::years {

/// Fills d.year_facts: the headline subjects whose figure d states without doubt (a text's
/// stated figures; a PDF's figures its own arithmetic confirms, checks/corroboration.h) and the
/// claims about the previous year (model::IsPriorYearClaim) but those the document itself
/// casts doubt on (found inconsistent, a rate stated with it that does not agree, another
/// change of the same subject that says otherwise); then, as claims of their own (Claim::table
/// set), the figures the tables state for the previous year (d.previous_year): the “三公” block's
/// total and parts but those its change block contradicts, and the 类 of a previous-year column
/// of the 支出总表. Run after the checks.
void ComputeYearFacts(model::Disclosure& d);

}  // namespace gongkai::years
