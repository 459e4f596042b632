// Unit tests for row assembly: split codes, wrapped names, row numbers, page headers, tab columns.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/rows.h"
#include "parse/tokens.h"

using gongkai::parse::AssembleCode;
using gongkai::parse::AssembleRows;
using gongkai::parse::FindFirstAmountColumn;
using gongkai::parse::IsPageHeaderLine;
using gongkai::parse::Row;
using gongkai::parse::StripRowNumbers;
using gongkai::parse::TokenizeLine;
using gongkai::parse::TokenizeLines;
using gongkai::parse::TokenLine;

namespace {

std::vector<TokenLine> Tokenize(const std::vector<std::string>& lines, int precision = 2) {
  return TokenizeLines(lines, 0, lines.size(), precision);
}

std::vector<std::string> Texts(const std::vector<gongkai::parse::Token>& tokens) {
  std::vector<std::string> out;
  for (const auto& t : tokens) out.push_back(t.text);
  return out;
}

std::vector<std::string> V(std::initializer_list<const char*> items) {
  return std::vector<std::string>(items.begin(), items.end());
}

}  // namespace

TEST_SUITE("rows") {

TEST_CASE("assembles a code split over three numbers and ignores the unit code") {
  auto rows = AssembleRows(Tokenize({"208 01 01 323008       行政运行 260.92 260.92"}), -1);
  REQUIRE(rows.size() == 1u);
  CHECK(Texts(rows[0].ints) == V({"208", "01", "01", "323008"}));
  CHECK(AssembleCode(rows[0].ints, "2") == "2080101");
  CHECK(rows[0].Name() == "行政运行");
  CHECK(Texts(rows[0].numbers) == V({"260.92", "260.92"}));
  CHECK(rows[0].AmountLine() == 1);
}

TEST_CASE("takes the economic code from a class, a 款 and the full code") {
  auto line = TokenizeLine("301\t01\t30101\t基本工资\t143.40\t143.40\t", 297, 2);
  std::vector<gongkai::parse::Token> ints(line.tokens.begin(), line.tokens.begin() + 3);
  CHECK(AssembleCode(ints, "35") == "30101");
}

TEST_CASE("extends a 款 code by a seven-digit item code") {
  auto line = TokenizeLine("301 03 3010301", 300, 2);
  CHECK(AssembleCode(line.tokens, "35") == "3010301");
}

TEST_CASE("finds no functional code in a unit row") {
  CHECK(AssembleCode(TokenizeLine("008", 1, 2).tokens, "2") == "");
  CHECK(AssembleCode(TokenizeLine("323008", 1, 2).tokens, "2") == "");
  // An economic code is not a functional one.
  CHECK(AssembleCode(TokenizeLine("301 01", 1, 2).tokens, "2") == "");
  CHECK(AssembleCode(TokenizeLine("210 15 99 323008", 1, 2).tokens, "2") == "2101599");
}

TEST_CASE("a unit code before the classification code is skipped") {
  CHECK(AssembleCode(TokenizeLine("323008 210 11", 1, 2).tokens, "2") == "21011");
}

TEST_CASE("joins a wrapped name between row numbers into one row") {
  // Chengde 部门预算收入总表, lines 127-137.
  std::vector<std::string> lines = {
      "1 合计 1927.16 1716.84 1716.84 210.32",            // 1
      "",                                                 // 2
      "2 208 社会保障和就业支出 1087.53 1087.53 1087.53",  // 3
      "",                                                 // 4
      "3 20801",                                          // 5
      "人力资源和社会保障管",                              // 6
      "理事务",                                            // 7
      "",                                                 // 8
      "977.05 977.05 977.05",                             // 9
      "",                                                 // 10
      "4 2080109 社会保险经办机构 977.05 977.05 977.05",   // 11
  };
  auto rows = AssembleRows(Tokenize(lines), -1);
  REQUIRE(rows.size() == 4u);
  CHECK(rows[0].Name() == "合计");
  CHECK(rows[0].ints.empty());

  CHECK(AssembleCode(rows[1].ints, "2") == "208");

  const Row& wrapped = rows[2];
  CHECK(Texts(wrapped.ints) == V({"20801"}));
  CHECK(AssembleCode(wrapped.ints, "2") == "20801");
  CHECK(wrapped.Name() == "人力资源和社会保障管理事务");
  CHECK(wrapped.NameParts() == V({"人力资源和社会保障管理事务"}));
  CHECK(Texts(wrapped.numbers) == V({"977.05", "977.05", "977.05"}));
  CHECK(wrapped.start_line == 5);
  CHECK(wrapped.AmountLine() == 9);

  CHECK(AssembleCode(rows[3].ints, "2") == "2080109");
  CHECK(rows[3].Name() == "社会保险经办机构");
  CHECK(rows[3].AmountLine() == 11);
}

TEST_CASE("does not take classification codes for row numbers") {
  std::vector<std::string> lines = {"208 社会保障和就业支出 290.88", "210 卫生健康支出 147.39",
                                    "221 住房保障支出 22.47"};
  auto tl = Tokenize(lines, 0);
  StripRowNumbers(tl);
  for (const auto& l : tl) CHECK_FALSE(l.row_number);
  CHECK(tl[0].tokens[0].text == "208");
  auto rows = AssembleRows(Tokenize(lines, 0), -1);
  REQUIRE(rows.size() == 3u);
  CHECK(AssembleCode(rows[0].ints, "2") == "208");
  CHECK(AssembleCode(rows[1].ints, "2") == "210");
  CHECK(AssembleCode(rows[2].ints, "2") == "221");
}

TEST_CASE("strips row numbers only where they continue the sequence") {
  std::vector<std::string> lines = {
      "1 合计 100.00",                        // 1
      "2 208 社会保障和就业支出 60.00",        // 2
      "3 20805 行政事业单位养老支出 60.00",    // 3
      "210 卫生健康支出 40.00",                // 4: printed without its row number
      "4 21015 医疗保障管理事务 30.00",        // 5
      "5 2101501 行政运行 30.00",              // 6
      "6 21011 行政事业单位医疗 10.00",        // 7
      "7 2101101 行政单位医疗 10.00",          // 8
  };
  auto tl = Tokenize(lines);
  StripRowNumbers(tl);
  CHECK(tl[0].row_number);
  CHECK(tl[0].tokens[0].text == "合计");
  CHECK(tl[1].tokens[0].text == "208");
  CHECK_FALSE(tl[3].row_number);
  CHECK(tl[3].tokens[0].text == "210");
  CHECK(tl[4].row_number);
  CHECK(tl[4].tokens[0].text == "21015");
  CHECK(tl[7].tokens[0].text == "2101101");

  auto rows = AssembleRows(Tokenize(lines), -1);
  REQUIRE(rows.size() == 8u);
  std::vector<std::string> codes;
  for (const auto& r : rows) codes.push_back(AssembleCode(r.ints, "2"));
  CHECK(codes == V({"", "208", "20805", "210", "21015", "2101501", "21011", "2101101"}));
}

TEST_CASE("recognises repeated page-header lines") {
  CHECK(IsPageHeaderLine(TokenizeLine(" 447承德市医疗保障局 预算年度：2022 单位：万元", 46, 2)));
  CHECK(IsPageHeaderLine(TokenizeLine("栏次 1 2 3 4", 53, 2)));
  CHECK(IsPageHeaderLine(TokenizeLine("单位名称：医保中心 单位:万元", 439, 2)));
  CHECK(IsPageHeaderLine(TokenizeLine("金额单位：万元", 100, 2)));
  CHECK(IsPageHeaderLine(TokenizeLine("部门：322-苍溪县医疗保障局部门", 98, 2)));
  CHECK(IsPageHeaderLine(TokenizeLine("部门/单位：曾都区医疗保障服务中心 单位：万元", 207, 2)));
  CHECK_FALSE(IsPageHeaderLine(TokenizeLine("210 卫生健康支出 147.39", 1, 2)));
  CHECK_FALSE(IsPageHeaderLine(TokenizeLine("合计 460.74", 1, 2)));
  CHECK(IsPageHeaderLine(TokenizeLine("单 位 ： 万元", 1, 2)));  // a mark across tokens
  CHECK_FALSE(IsPageHeaderLine(TokenizeLine("单位 万元", 1, 2)));   // 位 without a mark
}

TEST_CASE("skips a page header repeated inside a table") {
  std::vector<std::string> lines = {
      "1 208 社会保障和就业支出 1087.53 1047.53 40.00",          // 1
      "",                                                        // 2
      "2 20801 人力资源和社会保障管理事务 977.05 937.05 40.00",  // 3
      " 447承德市医疗保障局 预算年度：2022 单位：万元",          // 4
      "",                                                        // 5
      "栏次 1 2 3 4 5 6",                                        // 6
      "",                                                        // 7
      "3 2080109 社会保险经办机构 977.05 937.05 40.00",          // 8
  };
  auto rows = AssembleRows(Tokenize(lines), -1);
  REQUIRE(rows.size() == 3u);
  CHECK(AssembleCode(rows[0].ints, "2") == "208");
  CHECK(AssembleCode(rows[1].ints, "2") == "20801");
  CHECK(rows[1].Name() == "人力资源和社会保障管理事务");
  CHECK(rows[1].trailing_text.empty());
  CHECK(AssembleCode(rows[2].ints, "2") == "2080109");
  CHECK(rows[2].Name() == "社会保险经办机构");
  CHECK(Texts(rows[2].numbers) == V({"977.05", "937.05", "40.00"}));
  CHECK(rows[2].AmountLine() == 8);
}

TEST_CASE("finds the first amount column from the header's 合计") {
  // Qijiang 一般公共预算财政拨款基本支出预算, lines 136-138.
  std::vector<std::string> lines = {"经济分类科目\t\t2022年基本支出\t\t",
                                    "科目编码\t科目名称\t合计\t人员经费\t公用经费",
                                    "\t合计\t537.20\t475.39\t61.81"};
  CHECK(FindFirstAmountColumn(Tokenize(lines)) == 2);
}

TEST_CASE("finds no amount column past the header") {
  // The 合计 that labels a row of figures is not a header cell.
  std::vector<std::string> lines = {"经济分类科目\t\t2022年基本支出\t\t",
                                    "\t合计\t537.20\t475.39\t61.81"};
  CHECK(FindFirstAmountColumn(Tokenize(lines)) == -1);
  CHECK(FindFirstAmountColumn(Tokenize({"合计 460.74 335.1 125.64"}, 0)) == -1);
}

TEST_CASE("keeps blank cells of tab rows in their columns") {
  // Cangxi 一般公共预算基本支出预算表, lines 291-311.
  std::vector<std::string> lines = {
      "科目编码\t\t项 目\t\t基本支出\t\t",                         // 1
      "类\t款\t单位代码\t单位名称（科目）\t合计\t人员经费\t公用经费",  // 2
      "301\t01\t30101\t基本工资\t143.40\t143.40\t",                 // 3
      "302\t01\t30201\t办公费\t8.64\t\t8.64",                       // 4
  };
  auto tl = Tokenize(lines);
  int first = FindFirstAmountColumn(tl);
  CHECK(first == 4);
  auto rows = AssembleRows(tl, first);
  REQUIRE(rows.size() == 4u);
  CHECK_FALSE(rows[0].HasAmounts());
  CHECK_FALSE(rows[1].HasAmounts());

  const Row& wages = rows[2];
  CHECK(wages.positional);
  CHECK(AssembleCode(wages.ints, "35") == "30101");
  CHECK(wages.Name() == "基本工资");
  REQUIRE(wages.columns.size() == 3u);
  REQUIRE(wages.columns[0].has_value());
  CHECK(wages.columns[0]->text == "143.40");
  REQUIRE(wages.columns[1].has_value());
  CHECK(wages.columns[1]->text == "143.40");
  CHECK_FALSE(wages.columns[2].has_value());
  CHECK(wages.AmountLine() == 3);

  const Row& office = rows[3];
  CHECK(AssembleCode(office.ints, "35") == "30201");
  REQUIRE(office.columns.size() == 3u);
  REQUIRE(office.columns[0].has_value());
  CHECK(office.columns[0]->text == "8.64");
  CHECK_FALSE(office.columns[1].has_value());
  REQUIRE(office.columns[2].has_value());
  CHECK(office.columns[2]->text == "8.64");
}

TEST_CASE("takes a whole name cell as printed, digits included") {
  std::vector<std::string> lines = {
      "科目编码\t\t\t单位代码\t单位名称（科目）\t金额",
      "210\t12\t02\t322001\t县医保局城乡居民基本医疗保险本级配套（2023）\t2,831.63",
  };
  auto tl = Tokenize(lines);
  int first = FindFirstAmountColumn(tl);
  CHECK(first == 5);
  auto rows = AssembleRows(tl, first);
  REQUIRE(rows.size() == 2u);
  CHECK(rows[1].Name() == "县医保局城乡居民基本医疗保险本级配套（2023）");
  CHECK(AssembleCode(rows[1].ints, "2") == "2101202");
  REQUIRE(rows[1].columns.size() == 1u);
  REQUIRE(rows[1].columns[0].has_value());
  CHECK(rows[1].columns[0]->text == "2,831.63");
}

TEST_CASE("splits a name into the pieces printed apart on one line") {
  auto rows = AssembleRows(
      Tokenize({"210 15 99 323008         其他医疗保障管理事务支出 两定机构评估及协议管理考核工作经费 10"},
               0),
      -1);
  REQUIRE(rows.size() == 1u);
  CHECK(rows[0].NameParts() == V({"其他医疗保障管理事务支出", "两定机构评估及协议管理考核工作经费"}));
  CHECK(rows[0].Name() == "其他医疗保障管理事务支出两定机构评估及协议管理考核工作经费");
}

}  // TEST_SUITE
