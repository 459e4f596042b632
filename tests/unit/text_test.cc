// Unit tests for the UTF-8 text helpers the parsers share.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/text.h"

using gongkai::parse::AnyWord;
using gongkai::parse::CleanLines;
using gongkai::parse::Contains;
using gongkai::parse::LastCodePoint;
using gongkai::parse::RFind;
using gongkai::parse::NextCodePoint;
using gongkai::parse::StripMarkup;
using gongkai::parse::TrimView;

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

TEST_CASE("finds any of a list of words in one pass, as Contains word by word") {
  const AnyWord words{"支出", "收入", "国有资本", "单位:"};
  CHECK(words.In("部门支出总表"));
  CHECK(words.In("收入总表"));      // at the start
  CHECK(words.In("经营预算收入"));  // at the end
  CHECK(words.In("国有资本经营预算"));
  CHECK(words.In("金额单位:万元"));  // an ASCII last byte
  CHECK_FALSE(words.In("部门预算公开"));
  CHECK_FALSE(words.In("单位：万元"));  // a wide colon is another word
  CHECK_FALSE(words.In("支"));          // shorter than every word
  CHECK_FALSE(words.In(""));
  // 出 and 入 end in other bytes than 国有资本's 本 (AC), but 公 ends in AC too: the last
  // byte matches where the word does not.
  CHECK_FALSE(words.In("三公经费"));
  CHECK(words.In("三公经费国有资本"));
  for (const char* line : {"部门支出总表", "三公经费", "单位：万元", "收支", "国有资本经营预算支出表"})
    CHECK(words.In(line) == (Contains(line, "支出") || Contains(line, "收入") ||
                             Contains(line, "国有资本") || Contains(line, "单位:")));
}

TEST_CASE("finds a word's last place at or before a position, as rfind does") {
  const std::string s = "支出比上年增加，比预算减少";  // 比 at bytes 6 and 24
  CHECK(RFind(s, "比") == 24u);
  CHECK(RFind(s, "比", 23) == 6u);
  CHECK(RFind(s, "比", 24) == 24u);
  CHECK(RFind(s, "比", 5) == std::string::npos);
  CHECK(RFind(s, "支出") == 0u);
  CHECK(RFind(s, "减少") == s.size() - 6);
  CHECK(RFind(s, "增减") == std::string::npos);
  CHECK(RFind("部部", "部门") == std::string::npos);  // the last byte matches, the word not
  CHECK(RFind("ab", "abc") == std::string::npos);
  for (const char* part : {"", "比", "上年", "，比", "少", "x", "支出比上年增加，比预算减少"})
    for (size_t pos : {size_t{0}, size_t{3}, size_t{6}, size_t{23}, size_t{39}, std::string::npos})
      CHECK(RFind(s, part, pos) == std::string_view(s).rfind(part, pos));
}

TEST_CASE("reads the last code point of a text") {
  CHECK(LastCodePoint("a") == U'a');
  CHECK(LastCodePoint("本级配套（") == U'（');
  CHECK(LastCodePoint("（2023") == U'3');
  CHECK(LastCodePoint("部") == U'部');
}

TEST_CASE("strips markup without a copy where there is none") {
  std::string storage;
  const std::string plain = "收入总计\t460.74";
  std::string_view kept = StripMarkup(plain, storage);
  CHECK(kept == plain);
  CHECK(kept.data() == plain.data());  // the line itself, not a copy
  for (const char* marked : {"## 部门收支总表", "  <b>合计</b>", "a*b", " 收入", "#", ""})
    CHECK(StripMarkup(marked, storage) == StripMarkup(marked));
}

TEST_CASE("cleans lines as views: into the line where markup leaves it, else into a copy that stays put") {
  std::vector<std::string> lines = {"收入总计\t460.74\u3000", "**苍溪县医疗保障局**", "## 一、部门职责", ""};
  // Enough changed lines that a vector of copies would have moved them.
  for (int i = 0; i < 300; ++i) lines.push_back("<b>合计" + std::to_string(i) + "</b>");
  const CleanLines clean(lines);
  REQUIRE(clean.text.size() == lines.size());
  CHECK(clean.text[0] == "收入总计\t460.74");
  CHECK(clean.text[0].data() == lines[0].data());  // trimmed at its end, not copied
  CHECK(clean.text[1] == "苍溪县医疗保障局");
  CHECK(clean.text[2] == "一、部门职责");
  CHECK(clean.text[3].empty());
  CHECK(clean.text[4] == "合计0");
  CHECK(clean.text[303] == "合计299");
}

TEST_CASE("trims ASCII, ideographic and no-break spaces at both ends, and nothing else") {
  CHECK(TrimView(" \t收入\u3000总计\u00A0\u3000") == "收入\u3000总计");
  CHECK(TrimView("\u3000合计") == "合计");
  CHECK(TrimView("合计\u00A0") == "合计");
  CHECK(TrimView("一") == "一");          // ends in 0x80 as U+3000 does
  CHECK(TrimView("支出 ") == "支出");
  CHECK(TrimView("\xC2\xA0") == "");    // U+00A0 alone
  CHECK(TrimView("£") == "£");            // C2 A3: not a space
  CHECK(TrimView("") == "");
  const std::string plain = "收入总计";
  CHECK(TrimView(plain).data() == plain.data());
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
