// Unit tests for Money: exact parsing of printed figures, 元 -> 万元 conversion, formatting.
#include <doctest/doctest.h>

#include "model/money.h"

using gongkai::model::Money;
using gongkai::model::Unit;

TEST_SUITE("model") {

TEST_CASE("parses a figure with a thousands separator") {
  auto m = Money::Parse("3,688.46");
  REQUIRE(m.has_value());
  // 3,688.46 万元 = 3,688.46 * 1,000,000 fen.
  CHECK(m->fen() == 3688460000);
  CHECK(m->decimals() == 2);
}

TEST_CASE("rejects a figure beyond any budget instead of overflowing") {
  // 9,999,999,999 万元 is the largest; one more digit (found by fuzzing: 202233333333333,
  // whose fen overflow int64) is not an amount.
  auto max = Money::Parse("9999999999.99");
  REQUIRE(max.has_value());
  CHECK(max->fen() == 9999999999990000);
  CHECK_FALSE(Money::Parse("10000000000").has_value());
  CHECK_FALSE(Money::Parse("202233333333333").has_value());
  CHECK(Money::Parse("99999999999999.99", Unit::kYuan).has_value());
  CHECK_FALSE(Money::Parse("100000000000000", Unit::kYuan).has_value());
}

TEST_CASE("parses a figure printed with one decimal") {
  auto m = Money::Parse("431.1");
  REQUIRE(m.has_value());
  CHECK(m->fen() == 431100000);
  CHECK(m->decimals() == 1);
}

TEST_CASE("parses a whole number of 万元") {
  auto m = Money::Parse("96");
  REQUIRE(m.has_value());
  CHECK(m->fen() == 96000000);
  CHECK(m->decimals() == 0);
}

TEST_CASE("parses a printed zero as zero, not as nothing") {
  auto m = Money::Parse("0.00");
  REQUIRE(m.has_value());
  CHECK(m->fen() == 0);
  CHECK(m->IsZero());
  CHECK(m->decimals() == 2);
}

TEST_CASE("parses a negative figure") {
  auto m = Money::Parse("-223.4");
  REQUIRE(m.has_value());
  CHECK(m->fen() == -223400000);
  CHECK_FALSE(m->IsZero());
}

TEST_CASE("keeps six decimals of 万元 exactly") {
  auto m = Money::Parse("12.345678");
  REQUIRE(m.has_value());
  CHECK(m->fen() == 12345678);
  auto one_fen = Money::Parse("0.000001");
  REQUIRE(one_fen.has_value());
  CHECK(one_fen->fen() == 1);
}

TEST_CASE("converts a figure in 元 to fen exactly") {
  // 12,345.67 元 = 1,234,567 fen = 1.234567 万元.
  auto m = Money::Parse("12345.67", Unit::kYuan);
  REQUIRE(m.has_value());
  CHECK(m->fen() == 1234567);
  CHECK(m->WanYuan() == "1.234567");
  // Two decimals in 元 are six in 万元.
  CHECK(m->decimals() == 6);
}

TEST_CASE("a figure in 元 equals the same amount in 万元") {
  auto yuan = Money::Parse("4,607,400.00", Unit::kYuan);
  auto wan = Money::Parse("460.74");
  REQUIRE(yuan.has_value());
  REQUIRE(wan.has_value());
  CHECK(yuan->fen() == 460740000);
  CHECK(*yuan == *wan);
}

TEST_CASE("rejects text that is not a plain decimal number") {
  CHECK_FALSE(Money::Parse("1,2a").has_value());
  CHECK_FALSE(Money::Parse("").has_value());
  CHECK_FALSE(Money::Parse(".").has_value());
  CHECK_FALSE(Money::Parse("1.2.3").has_value());
  CHECK_FALSE(Money::Parse("1.").has_value());
  CHECK_FALSE(Money::Parse("-").has_value());
  CHECK_FALSE(Money::Parse(",123").has_value());
  CHECK_FALSE(Money::Parse("12 3").has_value());
  CHECK_FALSE(Money::Parse("万元").has_value());
}

TEST_CASE("rejects more decimals than fen can hold") {
  CHECK_FALSE(Money::Parse("1.1234567").has_value());           // 7 decimals of 万元
  CHECK_FALSE(Money::Parse("1.234", Unit::kYuan).has_value());  // 3 decimals of 元
  CHECK(Money::Parse("1.23", Unit::kYuan).has_value());
}

TEST_CASE("formats 万元 with at least the requested decimals and no more zeros") {
  CHECK(Money::FromFen(4312000).WanYuan() == "4.312");
  CHECK(Money::FromFen(4312000).WanYuan(4) == "4.3120");
  CHECK(Money::FromFen(431100000).WanYuan() == "431.10");
  CHECK(Money::FromFen(96000000).WanYuan(0) == "96");
  CHECK(Money::FromFen(96000000).WanYuan() == "96.00");
  CHECK(Money::FromFen(0).WanYuan() == "0.00");
  CHECK(Money::FromFen(1).WanYuan() == "0.000001");
  CHECK(Money::FromFen(123456789012).WanYuan() == "123456.789012");
}

TEST_CASE("formats negative amounts with a minus sign, also below one 万元") {
  CHECK(Money::FromFen(-223400000).WanYuan() == "-223.40");
  CHECK(Money::FromFen(-50).WanYuan() == "-0.00005");
}

TEST_CASE("adds and subtracts exactly and keeps the larger precision") {
  auto a = Money::Parse("431.1");
  auto b = Money::Parse("29.64");
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  Money sum = *a + *b;
  CHECK(sum.fen() == 460740000);
  CHECK(sum.decimals() == 2);
  CHECK(sum == *Money::Parse("460.74"));
  CHECK((sum - *b) == *a);
  CHECK((*b - *a).fen() == -401460000);

  Money total;
  CHECK(total.IsZero());
  total += *a;
  total += *b;
  CHECK(total == sum);
}

TEST_CASE("compares amounts by value, not by printed precision") {
  auto a = Money::Parse("96");
  auto b = Money::Parse("96.00");
  auto c = Money::Parse("96.01");
  REQUIRE(a.has_value());
  REQUIRE(b.has_value());
  REQUIRE(c.has_value());
  CHECK(*a == *b);
  CHECK(*a != *c);
  CHECK(*a < *c);
  CHECK_FALSE(*c < *a);
}

}  // TEST_SUITE

TEST_SUITE("money") {
TEST_CASE("a figure in 千元 is 100,000 fen a unit, with up to 5 decimals") {
  auto m = gongkai::model::Money::Parse("1,234.5", gongkai::model::Unit::kQianYuan);
  REQUIRE(m);
  CHECK(m->fen() == 123450000);
  CHECK(m->WanYuan(2) == "123.45");
  CHECK(m->decimals() == 2);  // 1 decimal in 千元 is 2 in 万元
  CHECK_FALSE(gongkai::model::Money::Parse("1.123456", gongkai::model::Unit::kQianYuan));
}
}
