// Unit tests for the UTF-8 text helpers the parsers share.
#include <doctest/doctest.h>

#include <string>

#include "parse/text.h"

using gongkai::parse::Contains;
using gongkai::parse::NextCodePoint;
using gongkai::parse::StripMarkup;

TEST_SUITE("text") {

TEST_CASE("finds a Chinese word wherever it stands, and only whole") {
  CHECK(Contains("部门预算", "部门"));
  CHECK(Contains("部门预算", "预算"));
  CHECK(Contains("2022年部门预算公开", "预算"));
  CHECK(Contains("单位：万元", "单位："));
  CHECK_FALSE(Contains("部门", "部门预算"));
  CHECK_FALSE(Contains("部预门算", "部门"));
  // 部 and 门 both end in the byte A8: a place where the last byte matches but the rest not.
  CHECK_FALSE(Contains("部部", "部门"));
  CHECK(Contains("部部门", "部门"));
  CHECK(Contains("abc", ""));
  CHECK(Contains("a", "a"));
  CHECK_FALSE(Contains("", "a"));
  CHECK(Contains("aab", "ab"));
}

TEST_CASE("removes markup but keeps a lone star or bracket") {
  CHECK(StripMarkup("## 部门收支总表") == " 部门收支总表");  // callers trim
  CHECK(StripMarkup("  <b>合计</b>\t**460.74**") == "合计\t460.74");
  CHECK(StripMarkup("a*b<c>d<br/>e") == "a*b<c>de");
  CHECK(StripMarkup("收入总计") == "收入总计");
  CHECK(StripMarkup("") == "");
}

TEST_CASE("decodes ASCII and Chinese code points") {
  std::string s = "a部";
  size_t i = 0;
  CHECK(NextCodePoint(s, i) == U'a');
  CHECK(i == 1u);
  CHECK(NextCodePoint(s, i) == U'部');
  CHECK(i == 4u);
}

}  // TEST_SUITE
