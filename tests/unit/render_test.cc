// Unit tests for the source view's notes (render/source_notes.h), on small disclosures built
// by hand.
#include <doctest/doctest.h>

#include <string>

#include "model/disclosure.h"
#include "render/source_notes.h"

namespace model = gongkai::model;
namespace render = gongkai::render;
using model::Disclosure;
using model::Figure;
using model::Money;

namespace {

Figure F(const char* wan, int line) {
  auto m = Money::Parse(wan);
  REQUIRE(m.has_value());
  return {*m, line};
}

Disclosure Department() {
  Disclosure d;
  d.id = "t";
  d.year = 2024;
  d.department.name = "测试局";
  return d;
}

}  // namespace

TEST_SUITE("render") {

TEST_CASE("the source view marks a figure however its table prints it, and nothing else") {
  // 1927.16 万元 printed in a 元 table; 2022 and 7 are no figures read from the line.
  std::vector<render::ReadFigure> read = {{"", "收入总计", F("1927.16", 1).amount}};
  CHECK(render::MarkFigures("2022 收入总计 19,271,600.00 <b>7</b>", read) ==
        "2022 收入总计 <mark>19,271,600.00</mark> &lt;b&gt;7&lt;/b&gt;");
  CHECK(render::MarkFigures("合计 1927.16。", read) == "合计 <mark>1927.16</mark>。");
  CHECK(render::MarkFigures("合计 1927.17", read) == "合计 1927.17");
}

TEST_CASE("a finding stands on the line it cites; its other lines link to it") {
  Disclosure d = Department();
  d.expenditure.total = F("300", 12);
  d.findings.push_back({"classes-sum", model::Diagnostic::Severity::kError, "类 <合计>", {12, 30}, {}, ""});
  render::SourceNotes notes(d);
  CHECK(notes.Item(12, "合计 300.00") ==
        "<li id=\"L12\" class=\"read cited\">合计 <mark>300.00</mark>"
        "<div class=\"read-list\">读出（万元）：支出合计 <b>300.00</b></div>"
        "<div class=\"finding error\"><b>错误</b> 类 &lt;合计&gt;（规则 "
        "<a href=\"../rules/classes-sum.html\">classes-sum</a>）</div></li>\n");
  CHECK(notes.Item(30, "201 90") ==
        "<li id=\"L30\" class=\"cited\">201 90<div class=\"finding-ref error\">错误：见"
        "<a href=\"#L12\">第 12 行</a>的核对结果（规则 "
        "<a href=\"../rules/classes-sum.html\">classes-sum</a>）</div></li>\n");
  CHECK(notes.Item(31, "x") == "<li id=\"L31\">x</li>\n");
}

}  // TEST_SUITE
