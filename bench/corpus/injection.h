// Known inconsistencies put into a few generated disclosures, so that tests and benchmarks
// know which files must fail which rule.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/disclosure.h"

namespace gongkai::corpus {

/// What to break. Which document gets which is fixed by its index (InjectionFor).
enum class Injection {
  kNone,
  kBalance,          ///< 收入总计 + 1.00 万元 -> summary-balance (fiscal-summary-balance when
                     ///< the summary is the 财政拨款收支总表, as in a document without 部门收支总表)
  kThreePublic,      ///< the “三公” 合计 + 1.00 万元 -> three-public-sum
  kNarrativeAmount,  ///< a narrative amount that agreed with its table + 1.00 万元 -> narrative-amount
};

/// The documented rule: document i is broken when i % 17 == 7 (7, 24, 41, 58, …: one in
/// seventeen), in the way (i / 17) % 3 says: 0 kBalance, 1 kThreePublic, 2 kNarrativeAmount.
/// 17 is prime to the number of sources (5 in content/), so every source layout gets every
/// kind: index 7 is source 2 with kBalance, 24 source 4 with kThreePublic, 41 source 1 with
/// kNarrativeAmount, …
Injection InjectionFor(uint64_t index);

/// Parses and checks `lines` (a whole disclosure) as `gongkai check` does; returns the number
/// of error findings per rule id.
std::map<std::string, int> ErrorsByRule(const std::vector<std::string>& lines);

/// ErrorsByRule, and the parsed and checked disclosure in `out` (when not null).
std::map<std::string, int> CheckText(const std::vector<std::string>& lines,
                                     model::Disclosure* out);

/// Breaks `lines` (a whole disclosure) as `kind` says: finds the figure through the parser
/// (its line), adds 1.00 万元 to it as printed (10000 in a table in 元), and keeps the change
/// only if, parsed and checked again, the rule reports one error more than before; otherwise
/// tries the next candidate figure. Returns the rule id that now fires, or "" when no
/// candidate made it fire (`lines` is then unchanged).
std::string Inject(std::vector<std::string>& lines, Injection kind);

}  // namespace gongkai::corpus
