// Money and figures from 万元 as printed, for the unit tests (rules, years).
#pragma once

#include <doctest/doctest.h>

#include "model/disclosure.h"
#include "model/money.h"

namespace gongkai::test {

/// "460.74" -> Money; fails the test if the text is not an amount.
inline model::Money M(const char* wan) {
  auto m = model::Money::Parse(wan);
  REQUIRE(m.has_value());
  return *m;
}

/// The amount `wan` read from `line`.
inline model::Figure F(const char* wan, int line) { return {M(wan), line}; }

}  // namespace gongkai::test
