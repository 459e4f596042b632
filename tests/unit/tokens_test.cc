// Unit tests for the tokenizer: numbers broken over lines, glued together or glued to labels.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/tokens.h"

using gongkai::parse::DetectPrecision;
using gongkai::parse::Token;
using gongkai::parse::TokenizeLine;
using gongkai::parse::TokenizeLines;
using gongkai::parse::TokenizeTable;
using gongkai::parse::TokenLine;

namespace {

// "N:text" for a number token, "T:text" for a text token.
std::vector<std::string> Describe(const TokenLine& line) {
  std::vector<std::string> out;
  for (const auto& t : line.tokens) out.push_back((t.IsNumber() ? "N:" : "T:") + t.text);
  return out;
}

std::vector<std::string> V(std::initializer_list<const char*> items) {
  return std::vector<std::string>(items.begin(), items.end());
}

}  // namespace

TEST_SUITE("tokens") {

TEST_CASE("joins a number broken before its decimal point") {
  // Hubei 收支总表: "8132" on one line, ".86" on the next.
  std::vector<std::string> lines = {"收入总计 8132", ".86"};
  auto out = TokenizeLines(lines, 0, lines.size(), 2);
  REQUIRE(out.size() == 2u);
  CHECK(Describe(out[0]) == V({"T:收入总计", "N:8132.86"}));
  CHECK(out[0].tokens[1].line == 1);
  CHECK(out[1].Empty());
}

TEST_CASE("joins a number broken after its decimal point") {
  std::vector<std::string> lines = {"8132.", "86"};
  auto out = TokenizeLines(lines, 0, lines.size(), 0);
  REQUIRE(out.size() == 2u);
  CHECK(Describe(out[0]) == V({"N:8132.86"}));
  CHECK(out[1].Empty());
}

TEST_CASE("joins 0.0 and a lone 0 into 0.00 when the table prints two decimals") {
  // Hubei 项目支出表: "... 0.00 0.00" / "0.0" / "" / "0".
  std::vector<std::string> lines = {"78.85 78.85 0.00", "0.0", "", "0"};
  auto out = TokenizeLines(lines, 0, lines.size(), 2);
  REQUIRE(out.size() == 4u);
  CHECK(Describe(out[0]) == V({"N:78.85", "N:78.85", "N:0.00"}));
  CHECK(Describe(out[1]) == V({"N:0.00"}));
  CHECK(out[1].tokens[0].line == 2);
  CHECK(out[2].Empty());
  CHECK(out[3].Empty());
}

TEST_CASE("leaves 0.0 and 0 apart when the table's precision varies") {
  std::vector<std::string> lines = {"0.0", "0"};
  auto out = TokenizeLines(lines, 0, lines.size(), 0);
  REQUIRE(out.size() == 2u);
  CHECK(Describe(out[0]) == V({"N:0.0"}));
  CHECK(Describe(out[1]) == V({"N:0"}));
}

TEST_CASE("numbers lines from the start of the range") {
  std::vector<std::string> lines = {"标题", "单位：万元", "合计 1.00", "0.50"};
  auto out = TokenizeLines(lines, 2, 4, 2);
  REQUIRE(out.size() == 2u);
  CHECK(out[0].line == 3);
  CHECK(out[0].tokens[1].line == 3);
  CHECK(out[1].line == 4);
}

TEST_CASE("splits three amounts glued together") {
  auto line = TokenizeLine("8,132.86385.86360.62", 7, 2);
  CHECK(Describe(line) == V({"N:8,132.86", "N:385.86", "N:360.62"}));
  for (const auto& t : line.tokens) CHECK(t.line == 7);
  CHECK(line.tokens[0].gap_before);
  CHECK_FALSE(line.tokens[1].gap_before);
  CHECK_FALSE(line.tokens[2].gap_before);
}

TEST_CASE("does not guess a split of glued amounts without a precision") {
  auto line = TokenizeLine("8,132.86385.86360.62", 1, 0);
  REQUIRE(line.tokens.size() == 1u);
  CHECK(line.tokens[0].IsText());
}

TEST_CASE("separates a number glued to the next label") {
  auto line = TokenizeLine("0.00二、公共安全支出 0.00", 228, 2);
  CHECK(Describe(line) == V({"N:0.00", "T:二、公共安全支出", "N:0.00"}));
  CHECK(line.tokens[0].gap_before);
  CHECK_FALSE(line.tokens[1].gap_before);
  CHECK(line.tokens[2].gap_before);
}

TEST_CASE("reads thousands separators as part of the number") {
  auto line = TokenizeLine("本年收入合计 3,688.46 本年支出合计 4,695.70", 1, 2);
  CHECK(Describe(line) == V({"T:本年收入合计", "N:3,688.46", "T:本年支出合计", "N:4,695.70"}));
  CHECK(line.tokens[1].Decimals() == 2);
  CHECK_FALSE(line.tokens[1].IsPlainInteger());
}

TEST_CASE("keeps a year before 年 as text") {
  auto line = TokenizeLine("项    目 2022年预算数 项    目 2022年预算数", 8, 0);
  CHECK(Describe(line) == V({"T:项", "T:目", "T:2022年预算数", "T:项", "T:目", "T:2022年预算数"}));
}

TEST_CASE("keeps a share with a percent sign as text") {
  CHECK(Describe(TokenizeLine("25%", 1, 0)) == V({"T:25%"}));
  CHECK(Describe(TokenizeLine("增长25％", 1, 0)) == V({"T:增长25％"}));
}

TEST_CASE("keeps a year in brackets inside a name as text") {
  auto line = TokenizeLine("县医保局城乡居民基本医疗保险本级配套（2023） 2,831.63", 342, 2);
  CHECK(Describe(line) == V({"T:县医保局城乡居民基本医疗保险本级配套（2023）", "N:2,831.63"}));
  auto other = TokenizeLine("本级配套（2023乡村振兴） 298.00", 358, 2);
  CHECK(Describe(other) == V({"T:本级配套（2023乡村振兴）", "N:298.00"}));
}

TEST_CASE("reads a figure before 年终结转结余 as a figure, not a year") {
  auto line = TokenizeLine("上年结转结余 0.00年终结转结余 0.00", 323, 2);
  CHECK(Describe(line) == V({"T:上年结转结余", "N:0.00", "T:年终结转结余", "N:0.00"}));
}

TEST_CASE("reads a negative figure") {
  auto line = TokenizeLine("增减 -223.4", 1, 0);
  CHECK(Describe(line) == V({"T:增减", "N:-223.4"}));
}

TEST_CASE("keeps codes with letters as text") {
  auto line = TokenizeLine("4213032 2032R00", 1, 2);
  CHECK(Describe(line) == V({"N:4213032", "T:2032R00"}));
  CHECK(line.tokens[0].IsPlainInteger());
}

TEST_CASE("keeps blank tab cells so columns stay in place") {
  auto line = TokenizeLine(
      "210\t12\t02\t322001\t\t财政对城乡居民基本医疗保险基金的补助\t2,831.63\t\t2,831.63", 163, 2);
  CHECK(line.tabbed);
  REQUIRE(line.cells.size() == 9u);
  CHECK(line.cells[4] == "");
  CHECK(line.cells[5] == "财政对城乡居民基本医疗保险基金的补助");
  CHECK(line.cells[7] == "");
  CHECK(Describe(line) == V({"N:210", "N:12", "N:02", "N:322001",
                             "T:财政对城乡居民基本医疗保险基金的补助", "N:2,831.63", "N:2,831.63"}));
  CHECK(line.tokens[0].cell == 0);
  CHECK(line.tokens[3].cell == 3);
  CHECK(line.tokens[4].cell == 5);
  CHECK(line.tokens[5].cell == 6);
  CHECK(line.tokens[6].cell == 8);
}

TEST_CASE("keeps leading and trailing blank tab cells") {
  auto line = TokenizeLine("\t\t十、卫生健康支出\t4,302.44\t", 113, 2);
  REQUIRE(line.cells.size() == 5u);
  CHECK(line.cells[0] == "");
  CHECK(line.cells[1] == "");
  CHECK(line.cells[4] == "");
  CHECK(Describe(line) == V({"T:十、卫生健康支出", "N:4,302.44"}));
  CHECK(line.tokens[0].cell == 2);
  CHECK(line.tokens[1].cell == 3);
}

TEST_CASE("removes bold markup from cells") {
  auto line = TokenizeLine(
      "<b>210</b>\t<b>卫生健康支出</b>\t<b>479.24</b>\t<b>463.64</b>\t<b>15.60</b>", 119, 2);
  REQUIRE(line.cells.size() == 5u);
  CHECK(line.cells[0] == "210");
  CHECK(line.cells[1] == "卫生健康支出");
  CHECK(line.cells[4] == "15.60");
  CHECK(Describe(line) == V({"N:210", "T:卫生健康支出", "N:479.24", "N:463.64", "N:15.60"}));
  CHECK(Describe(TokenizeLine("**苍溪县医疗保障局**", 3, 0)) == V({"T:苍溪县医疗保障局"}));
}

TEST_CASE("detects two-decimal tables") {
  std::vector<std::string> lines = {"本年收入合计 8,132.86本年支出合计 8132.86",
                                    "上年结转结余 0.00年终结转结余 0.00"};
  CHECK(DetectPrecision(lines, 0, lines.size()) == 2);
}

TEST_CASE("detects tables that drop trailing zeros") {
  // Nanchong 部门收支总表: 431.1 and 96 beside 290.88.
  std::vector<std::string> lines = {"一、一般公共预算拨款收入 431.1 一、一般公共服务支出",
                                    "八、社会保障和就业支出 290.88", "十、卫生健康支出 147.39",
                                    "二十、住房保障支出 22.47", "项目支出 96"};
  CHECK(DetectPrecision(lines, 0, lines.size()) == 0);
}

TEST_CASE("counts a 0.0 broken from its last 0 as two decimals") {
  std::vector<std::string> lines = {"8,132.86 8,132.86 0.00", "0.0", "0"};
  CHECK(DetectPrecision(lines, 0, lines.size()) == 2);
}

TEST_CASE("reads a table at its own precision: glued runs split where it prints two decimals") {
  std::vector<std::string> lines = {"标题", "本年收入合计 8,132.86 本年支出合计 8,132.86",
                                    "8,132.86385.86360.62", "合计 1.25", "0.0", "0"};
  auto out = TokenizeTable(lines, 1, lines.size());
  REQUIRE(out.size() == 5u);
  CHECK(Describe(out[0]) == V({"T:本年收入合计", "N:8,132.86", "T:本年支出合计", "N:8,132.86"}));
  CHECK(Describe(out[1]) == V({"N:8,132.86", "N:385.86", "N:360.62"}));
  CHECK(out[1].line == 3);
  CHECK(Describe(out[2]) == V({"T:合计", "N:1.25"}));
  CHECK(Describe(out[3]) == V({"N:0.00"}));
  CHECK(out[4].Empty());
}

TEST_CASE("reads a table at its own precision: glued runs stay text where decimals vary") {
  std::vector<std::string> lines = {"合计 431.1 96", "8,132.86385.86360.62", "0.0", "0"};
  auto out = TokenizeTable(lines, 0, lines.size());
  REQUIRE(out.size() == 4u);
  CHECK(Describe(out[1]) == V({"T:8,132.86385.86360.62"}));
  CHECK(Describe(out[2]) == V({"N:0.0"}));
  CHECK(Describe(out[3]) == V({"N:0"}));
}

TEST_CASE("needs a few figures before it calls a table two-decimal") {
  std::vector<std::string> lines = {"合计 1.00", "0.50"};
  CHECK(DetectPrecision(lines, 0, lines.size()) == 0);
}

}  // TEST_SUITE
