// The rounding policy (尾数误差): how large a difference rounding can explain.
//
// Every figure a disclosure prints is an exact amount rounded to the last digit it shows, so
// it is off by at most half a unit of that digit. Tables in 万元 show two decimals; a figure
// printed with fewer (431.1, 96) has dropped trailing zeros and is taken at 0.01 万元 too. A
// figure in 元 with two decimals is exact to 0.01 元.
//
// When figures are compared — a total with the sum of its parts, one figure with the same
// figure elsewhere, a stated change with now − before — the difference rounding can explain is
// the sum of the half-units of every figure involved: a total and 2 parts, 3 × 0.005 = 0.015
// 万元 (so a 0.01 difference is rounding, 0.02 is not); a total and 11 parts, 0.06; a figure
// restated once, 0.01. Within that tolerance a difference is reported as a notice at most;
// beyond it, as a finding of the rule's own severity.
//
// Percentages are checked differently: a share or a rate of change stated with d decimals is
// recomputed from the figures it is made of and rounded (half up) to d decimals; if that
// rounds to another value, the stated percentage is wrong.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <vector>

#include "model/money.h"

namespace gongkai::checks {

/// A unit of the last digit a figure shows, in fen (0.01 万元 = 10,000 fen for a figure in a
/// 万元 table; 1 fen for 元 with two decimals).
int64_t UnitFen(const model::Money& m);

/// Half of UnitFen, at least 1 fen (for display; sums use ToleranceFen, which is exact).
int64_t HalfUnitFen(const model::Money& m);

/// The difference rounding can explain when all of `figures` take part in one comparison: the
/// sum of their half-units, exactly (three 元 figures: 1.5 fen, so 1 fen is within, 2 is not).
int64_t ToleranceFen(std::initializer_list<model::Money> figures);
int64_t ToleranceFen(const std::vector<model::Money>& figures);

enum class Agreement { kExact, kWithinRounding, kBeyondRounding };

/// Compares two amounts under `tolerance_fen`.
Agreement Compare(const model::Money& expected, const model::Money& actual, int64_t tolerance_fen);

/// `part / whole × 100` rounded half up to `decimals` places, scaled by 10^decimals
/// (93.57 % with decimals 2 -> 9357). Exact integer arithmetic. `whole` must not be zero.
int64_t PercentScaled(const model::Money& part, const model::Money& whole, int decimals);

/// "93.57" from 9357 and 2 decimals.
std::string FormatScaled(int64_t scaled, int decimals);

}  // namespace gongkai::checks
