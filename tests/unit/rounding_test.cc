// Unit tests for the rounding policy (checks/rounding.h): half-units, tolerances, the three
// kinds of agreement, and percentages recomputed half up.
#include <doctest/doctest.h>

#include <string>

#include "checks/rounding.h"
#include "model/money.h"

using gongkai::checks::Agreement;
using gongkai::checks::Compare;
using gongkai::checks::FormatScaled;
using gongkai::checks::HalfUnitFen;
using gongkai::checks::PercentScaled;
using gongkai::checks::ToleranceFen;
using gongkai::model::Money;
using gongkai::model::Unit;

namespace {

// A figure as a 万元 table prints it.
Money Wan(const char* text) {
  auto m = Money::Parse(text, Unit::kWanYuan);
  REQUIRE(m.has_value());
  return *m;
}

// A figure as a 元 table prints it.
Money Yuan(const char* text) {
  auto m = Money::Parse(text, Unit::kYuan);
  REQUIRE(m.has_value());
  return *m;
}

}  // namespace

TEST_SUITE("checks") {

// ---------------------------------------------------------------- half-units

TEST_CASE("a 万元 figure with two decimals may be off by half of 0.01 万元, 5000 fen") {
  CHECK(HalfUnitFen(Wan("431.10")) == 5000);
  CHECK(HalfUnitFen(Wan("0.94")) == 5000);
}

TEST_CASE("a 万元 figure printed with fewer decimals is still taken at 0.01 万元") {
  // "431.1" and "96" dropped trailing zeros; the policy takes them at two decimals.
  CHECK(HalfUnitFen(Wan("431.1")) == 5000);
  CHECK(HalfUnitFen(Wan("96")) == 5000);
}

TEST_CASE("a 万元 figure with more decimals has a smaller half-unit") {
  // Three decimals: half of 0.001 万元 = 0.0005 万元 = 500 fen.
  CHECK(HalfUnitFen(Wan("4.312")) == 500);
  // Six decimals (the most fen can hold): half of 0.000001 万元 = half a fen, taken as 1 fen.
  CHECK(HalfUnitFen(Wan("4.312001")) == 1);
}

TEST_CASE("an amount made in code counts as a two-decimal 万元 figure") {
  CHECK(HalfUnitFen(Money::FromFen(123)) == 5000);
}

TEST_CASE("a 元 figure with two decimals counts for one fen, the smallest amount there is") {
  // 0.01 元 = 1 fen; half of it is below one fen and is taken as 1 fen.
  CHECK(HalfUnitFen(Yuan("5528000.00")) == 1);
  CHECK(HalfUnitFen(Yuan("0.94")) == 1);
}

TEST_CASE("a whole 元 figure may be off by half a 元, 50 fen") {
  CHECK(HalfUnitFen(Yuan("5528000")) == 50);
}

// ---------------------------------------------------------------- tolerances

TEST_CASE("the tolerance is the sum of the half-units of every figure compared") {
  CHECK(ToleranceFen({}) == 0);
  CHECK(ToleranceFen({Wan("460.74")}) == 5000);
  // A figure restated once: 0.01 万元.
  CHECK(ToleranceFen({Wan("460.74"), Wan("460.74")}) == 10000);
  // A total and 2 parts: 0.015 万元.
  CHECK(ToleranceFen({Wan("460.74"), Wan("431.1"), Wan("29.64")}) == 15000);
  // A total and 11 parts: 12 × 0.005 = 0.06 万元.
  Money m = Wan("1.00");
  CHECK(ToleranceFen({m, m, m, m, m, m, m, m, m, m, m, m}) == 60000);
  // Mixed precisions: 5000 + 500.
  CHECK(ToleranceFen({Wan("4.31"), Wan("4.312")}) == 5500);
}

// ---------------------------------------------------------------- agreement

TEST_CASE("equal amounts agree exactly, whatever their printed precision") {
  CHECK(Compare(Wan("431.1"), Wan("431.10"), 10000) == Agreement::kExact);
  CHECK(Compare(Wan("0"), Wan("0.00"), 0) == Agreement::kExact);
}

TEST_CASE("a 0.01 万元 difference between two figures is within rounding, at the boundary") {
  int64_t tolerance = ToleranceFen({Wan("460.74"), Wan("460.75")});
  CHECK(tolerance == 10000);
  CHECK(Compare(Wan("460.74"), Wan("460.75"), tolerance) == Agreement::kWithinRounding);
  CHECK(Compare(Wan("460.75"), Wan("460.74"), tolerance) == Agreement::kWithinRounding);
}

TEST_CASE("a 0.02 万元 difference between two figures is beyond rounding") {
  int64_t tolerance = ToleranceFen({Wan("460.74"), Wan("460.76")});
  CHECK(Compare(Wan("460.74"), Wan("460.76"), tolerance) == Agreement::kBeyondRounding);
  CHECK(Compare(Wan("460.76"), Wan("460.74"), tolerance) == Agreement::kBeyondRounding);
}

TEST_CASE("a total and two parts allow 0.015 万元: 0.01 is rounding, 0.02 is not") {
  Money part1 = Wan("431.10"), part2 = Wan("29.64");
  Money sum = part1 + part2;  // 460.74
  int64_t tolerance = ToleranceFen({Wan("460.75"), part1, part2});
  CHECK(tolerance == 15000);
  CHECK(Compare(sum, Wan("460.74"), tolerance) == Agreement::kExact);
  CHECK(Compare(sum, Wan("460.75"), tolerance) == Agreement::kWithinRounding);
  CHECK(Compare(sum, Wan("460.76"), tolerance) == Agreement::kBeyondRounding);
}

TEST_CASE("one fen past the tolerance is beyond rounding") {
  CHECK(Compare(Money::FromFen(0), Money::FromFen(15000), 15000) == Agreement::kWithinRounding);
  CHECK(Compare(Money::FromFen(0), Money::FromFen(15001), 15000) == Agreement::kBeyondRounding);
}

TEST_CASE("a 0.02 元 difference between a 元 total and two parts is beyond rounding") {
  // Three 元 figures with two decimals each may be off by half of 0.01 元: together 0.015 元,
  // 1.5 fen. A 2 fen difference cannot be rounding.
  Money part1 = Yuan("4311000.00"), part2 = Yuan("296400.00");
  Money total = Yuan("4607400.02");
  CHECK(Compare(part1 + part2, total, ToleranceFen({total, part1, part2})) ==
        Agreement::kBeyondRounding);
}

TEST_CASE("a 0.01 元 difference between a 元 total and two parts is within rounding") {
  Money part1 = Yuan("4311000.00"), part2 = Yuan("296400.00");
  Money total = Yuan("4607400.01");
  CHECK(Compare(part1 + part2, total, ToleranceFen({total, part1, part2})) ==
        Agreement::kWithinRounding);
}

// ---------------------------------------------------------------- percentages

TEST_CASE("recomputes a share at two decimals: 22.47 of 431.10 is 5.21%") {
  // 22.47 / 431.10 = 0.0521225…: 5.21225 % -> 5.21.
  CHECK(PercentScaled(Wan("22.47"), Wan("431.10"), 2) == 521);
  CHECK(PercentScaled(Wan("22.47"), Wan("431.1"), 2) == 521);
}

TEST_CASE("recomputes a share at two decimals: 1007.24 of 4695.70 is 21.45%") {
  // 4695.70 × 0.2145 = 1007.23765; the rest 0.00235 is 0.00005 % more: 21.45005 % -> 21.45.
  CHECK(PercentScaled(Wan("1007.24"), Wan("4695.70"), 2) == 2145);
}

TEST_CASE("recomputes a share of the whole budget: 431.10 of 460.74 is 93.57%") {
  // 431.10 / 460.74 = 0.935668…
  CHECK(PercentScaled(Wan("431.10"), Wan("460.74"), 2) == 9357);
}

TEST_CASE("recomputes a rate of change at no decimals: 390.80 on 1536.36 is 25%") {
  // 390.80 / 1536.36 = 0.25436…
  CHECK(PercentScaled(Wan("390.80"), Wan("1536.36"), 0) == 25);
  // The same at one and two decimals: 25.4 and 25.44.
  CHECK(PercentScaled(Wan("390.80"), Wan("1536.36"), 1) == 254);
  CHECK(PercentScaled(Wan("390.80"), Wan("1536.36"), 2) == 2544);
}

TEST_CASE("rounds a percentage exactly on .5 up") {
  // 1 / 8 = 12.5 % -> 13 at no decimals; 1 / 80 = 1.25 % -> 1.3 at one decimal;
  // 1 / 800 = 0.125 % -> 0.13 at two decimals.
  CHECK(PercentScaled(Wan("1"), Wan("8"), 0) == 13);
  CHECK(PercentScaled(Wan("1"), Wan("80"), 1) == 13);
  CHECK(PercentScaled(Wan("1"), Wan("800"), 2) == 13);
  // Just under the half: 0.99 / 8 = 12.375 % -> 12.
  CHECK(PercentScaled(Wan("0.99"), Wan("8"), 0) == 12);
}

TEST_CASE("rounds a share just above .5 up and just below it down") {
  // 150.48 / 1397.86 = 10.76503 % -> 10.77; 0.03 / 0.58 = 5.1724 % -> 5.17.
  CHECK(PercentScaled(Wan("150.48"), Wan("1397.86"), 2) == 1077);
  CHECK(PercentScaled(Wan("0.03"), Wan("0.58"), 2) == 517);
}

TEST_CASE("recomputes a percentage from magnitudes when a figure is negative") {
  // A decrease printed as -1: |−1| / 8 = 12.5 % -> 13.
  CHECK(PercentScaled(Wan("-1"), Wan("8"), 0) == 13);
  CHECK(PercentScaled(Wan("1"), Wan("-8"), 0) == 13);
}

TEST_CASE("a share of more than the whole is over 100%") {
  // 5811.56 / 2321.3 = 2.5036… -> 250.36 %.
  CHECK(PercentScaled(Wan("5811.56"), Wan("2321.3"), 2) == 25036);
}

TEST_CASE("formats a scaled percentage with its decimals") {
  CHECK(FormatScaled(521, 2) == "5.21");
  CHECK(FormatScaled(9357, 2) == "93.57");
  CHECK(FormatScaled(25, 0) == "25");
  CHECK(FormatScaled(254, 1) == "25.4");
}

TEST_CASE("formats a scaled percentage below one with a leading zero") {
  CHECK(FormatScaled(5, 2) == "0.05");
  CHECK(FormatScaled(7, 1) == "0.7");
  CHECK(FormatScaled(0, 2) == "0.00");
  CHECK(FormatScaled(0, 0) == "0");
  CHECK(FormatScaled(100, 2) == "1.00");
}

TEST_CASE("formats a negative scaled percentage with a minus sign") {
  CHECK(FormatScaled(-521, 2) == "-5.21");
  CHECK(FormatScaled(-5, 2) == "-0.05");
}

}  // TEST_SUITE
