// The “三公” table's own arithmetic, written once: the sums inside a block, and the change block
// against the two years. The reading check (parse/reading_check.cc), corroboration, the rules
// three-public-sum and table-change-column and the facts between years (years/facts.cc) walk
// these; each counts, marks or reports in its own way.
#pragma once

#include <vector>

#include "checks/check.h"
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

/// A part of the “三公” table's change block (增减变化情况) with the budget-year and
/// previous-year figures it is the difference of.
struct ThreePublicChange {
  const char* subject;  ///< the part's subject id (model::kThreePublicParts)
  model::Figure now, before, change;

  /// change = now − before, within the rounding policy of the three figures.
  Comparison Check() const { return {change, now.amount - before.amount, {now, before}}; }
};

/// The parts of d's “三公” table whose three figures (budget year, previous year, change) are
/// all read, in the order of model::kThreePublicParts.
std::vector<ThreePublicChange> ThreePublicChanges(const model::Disclosure& d);

}  // namespace gongkai::checks
