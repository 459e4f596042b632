// The “三公” table's own arithmetic, written once: the sums inside a block. The reading check
// (parse/reading_check.cc), corroboration and the rule three-public-sum walk them; each counts,
// marks or reports in its own way.
#pragma once

#include <vector>

#include "model/disclosure.h"

namespace gongkai::checks {

/// One sum a block of the “三公” table states: `whole` = Σ `parts` (a blank part is zero).
struct ThreePublicSum {
  model::MaybeFigure model::ThreePublic::*whole;
  std::vector<model::MaybeFigure> parts;  ///< as read, null where blank, in the table's order
  const char* says;                       ///< the identity in words (three-public-sum's message)
};

/// The two sums of block `t`, 合计 first: 合计 = 因公出国（境）费 + 公务用车购置及运行费 +
/// 公务接待费 (the vehicle subtotal taken as 购置费 + 运行费 where the block prints none), and
/// 公务用车购置及运行费 = 购置费 + 运行费.
std::vector<ThreePublicSum> ThreePublicSums(const model::ThreePublic& t);

}  // namespace gongkai::checks
