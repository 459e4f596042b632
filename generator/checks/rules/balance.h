// Shared by summary-balance and fiscal-summary-balance.
#pragma once

#include <string>

#include "checks/check.h"

namespace gongkai::checks {

/// The three balance identities of a two-sided summary table named `table`.
void CheckBalance(Context& ctx, const model::Summary& s, const std::string& table);

}  // namespace gongkai::checks
