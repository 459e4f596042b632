// Unit tests for the reader's first screen and the source view's notes (render/overview.h,
// render/source_notes.h): department.md is rendered from small disclosures built by hand, so
// a sentence whose figures are missing is seen to be left out.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "model/disclosure.h"
#include "pages/department.h"
#include "pages/glossary.h"
#include "render/charts.h"
#include "render/context.h"
#include "render/markdown.h"
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

// templates/department.md rendered for `d`, down to its table of contents (the first screen).
std::string FirstScreen(const Disclosure& d) {
  std::ifstream in(std::string(GONGKAI_SOURCE_DIR) + "/templates/department.md");
  std::stringstream tmpl;
  tmpl << in.rdbuf();
  std::string out, error;
  REQUIRE(render::RenderTemplate(tmpl.str(), gongkai::pages::DepartmentContext(d), out, error));
  return out.substr(0, out.find("目录："));
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

TEST_CASE("the first screen states the spending, its split with exact shares, and the largest class") {
  Disclosure d = Department();
  d.expenditure.total = F("300", 12);
  d.expenditure.basic = F("200", 12);
  d.expenditure.project = F("100", 12);
  d.summary.expenditure_classes = {{"201", "一般公共服务支出", F("90", 30)},
                                   {"208", "社会保障和就业支出", F("210", 31)}};
  std::string md = FirstScreen(d);
  // 200 / 300 = 66.67 % -> 66.7; 100 / 300 = 33.33 % -> 33.3; 210 / 300 = 70 %.
  CHECK(md.find("本部门 2024 年预算支出合计 **[300.00](../source/t.html#L12 \"第 12 行\") 万元**，"
                "其中基本支出 [200.00](../source/t.html#L12 \"第 12 行\") 万元（66.7%）、"
                "项目支出 [100.00](../source/t.html#L12 \"第 12 行\") 万元（33.3%）；"
                "最大的一类是社会保障和就业支出（[208](../codes/208.html)），"
                "[210.00](../source/t.html#L31 \"第 31 行\") 万元（70.0%）。") != std::string::npos);
  CHECK(md.find("**核对未发现错误或警告**：按[全部核对规则](../rules/index.html)核对，"
                "这份文件的数字相互一致。") != std::string::npos);
}

TEST_CASE("a chart is said to be there exactly where it is drawn") {
  Disclosure d = Department();
  CHECK_FALSE(render::HasClassesChart(d));
  CHECK_FALSE(render::HasSplitChart(d));
  CHECK(render::ClassesChartSvg(d).empty());
  CHECK(render::SplitChartSvg(d).empty());
  d.summary.expenditure_classes = {{"201", "一般公共服务支出", F("0", 30)}};  // none above 0
  CHECK_FALSE(render::HasClassesChart(d));
  CHECK(render::ClassesChartSvg(d).empty());
  d.summary.expenditure_classes.push_back({"208", "社会保障和就业支出", F("210", 31)});
  CHECK(render::HasClassesChart(d));
  CHECK(render::ClassesChartSvg(d).find("社会保障和就业支出") != std::string::npos);
  d.expenditure.basic = F("200", 12);  // no 项目支出
  CHECK_FALSE(render::HasSplitChart(d));
  d.expenditure.project = F("0", 12);
  CHECK(render::HasSplitChart(d));  // 200 and 0: one bar
  CHECK(render::SplitChartSvg(d).find("基本支出 200.00（100.0%）") != std::string::npos);
  d.expenditure.basic = F("0", 12);  // 0 and 0: nothing to draw
  CHECK_FALSE(render::HasSplitChart(d));
  CHECK(render::SplitChartSvg(d).empty());
}

TEST_CASE("a sentence whose figures the document does not state is left out, not estimated") {
  Disclosure d = Department();
  d.summary.expenditure_total = F("1927.16", 85);  // no 支出总表, no 基本/项目, no classes
  std::string md = FirstScreen(d);
  CHECK(md.find("本部门 2024 年预算支出总计 **[1927.16](../source/t.html#L85 \"第 85 行\") 万元**。") !=
        std::string::npos);
  CHECK(md.find("其中") == std::string::npos);
  CHECK(md.find("最大的一类") == std::string::npos);
  CHECK(md.find("比上年") == std::string::npos);
  CHECK(md.find("“三公”经费") == std::string::npos);

  Disclosure none = Department();  // no spending at all: no sentence about it
  CHECK(FirstScreen(none).find("本部门") == std::string::npos);
}

TEST_CASE("the checks' result counts each severity and lists errors before warnings") {
  Disclosure d = Department();
  using Severity = model::Diagnostic::Severity;
  d.findings.push_back({"functional-economic-pairs", Severity::kWarning, "甲", {519}, {}, ""});
  d.findings.push_back({"narrative-change", Severity::kError, "乙", {757}, {}, ""});
  d.findings.push_back({"narrative-share", Severity::kNotice, "丙", {9}, {}, ""});
  std::string md = FirstScreen(d);
  CHECK(md.find("**核对发现 1 处错误、1 处警告、1 处提示**") != std::string::npos);
  size_t error = md.find("- 错误：乙（第 [757](../source/t.html#L757) 行，规则 "
                         "[narrative-change](../rules/narrative-change.html)）");
  size_t warning = md.find("- 警告：甲（第 [519](../source/t.html#L519) 行");
  CHECK(error != std::string::npos);
  CHECK(warning != std::string::npos);
  CHECK(error < warning);
  CHECK(md.find("丙") == std::string::npos);  // notices are counted, not listed

  d.findings.erase(d.findings.begin(), d.findings.begin() + 2);  // a notice only
  md = FirstScreen(d);
  CHECK(md.find("**核对未发现错误或警告**：按[全部核对规则](../rules/index.html)核对，"
                "只有 1 处提示（见[核对结果](#findings)）。") != std::string::npos);
}

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

TEST_CASE("the narrative links the first use of each glossary term of two characters or more, longest first") {
  Disclosure d = Department();
  // 基本支出 twice in the glossary (two definitions); 项 is one character.
  d.glossary = {{"支出", "", 50}, {"基本支出", "", 51}, {"项", "", 52}, {"基本支出", "", 53}};
  d.sections = {{"functions", "一、主要职能", 10,
                 {{11, "基本支出和项目支出；基本支出"}, {12, "支出和项目"}}}};
  const auto ctx = gongkai::pages::DepartmentContext(d);
  const auto& paras = ctx.get("sections")->list_value().at(0).get("paragraphs")->list_value();
  REQUIRE(paras.size() == 2);
  const std::string basic = "[基本支出](../glossary/" + gongkai::pages::GlossaryAnchor("基本支出") + ".html)";
  const std::string spending = "[支出](../glossary/" + gongkai::pages::GlossaryAnchor("支出") + ".html)";
  CHECK(paras[0].get("text")->string_value() == basic + "和项目" + spending + "；基本支出");
  CHECK(paras[1].get("text")->string_value() == "支出和项目");
}

TEST_CASE("a heading's {#id} becomes its id, a table its caption, a column's alignment a class") {
  const std::string md = "## 收入 **合计** {#income}\n\n"
                         "| 名称 | 金额 |\n|:--|--:|\n| a b | 1 |\n\n"
                         "### Bad {#Bad}\n\n"
                         "引号 \" align=\"x\" 照录\n";
  CHECK(render::MarkdownToHtml(md) ==
        "<h2 id=\"income\">收入 <strong>合计</strong></h2>\n"
        "<table>\n<caption>收入 合计</caption>\n<thead>\n<tr>\n"
        "<th class=\"align-left\">名称</th>\n<th class=\"align-right\">金额</th>\n"
        "</tr>\n</thead>\n<tbody>\n<tr>\n"
        "<td class=\"align-left\">a b</td>\n<td class=\"align-right\">1</td>\n"
        "</tr>\n</tbody>\n</table>\n"
        "<h3>Bad {#Bad}</h3>\n"
        "<p>引号 &quot; align=&quot;x&quot; 照录</p>\n");
}

TEST_CASE("HTML escaping replaces the five significant characters and keeps the rest, UTF-8 included") {
  CHECK(render::EscapeHtml("收入<b>&\"'") == "收入&lt;b&gt;&amp;&quot;&#39;");
  CHECK(render::EscapeHtml("") == "");
  std::string out = "<li>";
  render::AppendEscapedHtml(out, "a > b，合计");
  CHECK(out == "<li>a &gt; b，合计");
}

TEST_CASE("a template parsed once renders each context on its own, from several threads at once") {
  const render::Template tmpl("{{#rows}}- {{name}}{{^last}},{{/last}}\n{{/rows}}{{title}}");
  auto context = [](const std::string& title, int rows) {
    kainjow::mustache::data ctx;
    kainjow::mustache::list list;
    for (int i = 0; i < rows; ++i) {
      kainjow::mustache::data row;
      row.set("name", "<" + std::to_string(i) + ">");
      row.set("last", render::Bool(i + 1 == rows));
      list.push_back(row);
    }
    ctx.set("rows", list);
    ctx.set("title", title);
    return ctx;
  };
  const auto a = context("甲", 2), b = context("乙", 0);
  const std::string want_a = "- &lt;0&gt;,\n- &lt;1&gt;\n甲", want_b = "乙";
  std::vector<int> good(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 200; ++k) {
        std::string out, error;
        const bool first = (t + k) % 2 == 0;
        if (tmpl.Render(first ? a : b, out, error) && out == (first ? want_a : want_b)) ++good[t];
      }
    });
  for (auto& th : threads) th.join();
  CHECK(good == std::vector<int>(4, 200));
  std::string out, error;
  CHECK_FALSE(render::Template("{{#open}}").Render(a, out, error));
  CHECK(error == "Unclosed section \"open\" at 0");
}

TEST_CASE("the glossary gives a definition worded alike by several departments once, with each") {
  // 承德 l.1462 and 南充 l.357 word 一般公共预算拨款收入 alike; 苍溪 l.638 says 县级 (content/).
  gongkai::pages::Record chengde, nanchong, cangxi;
  chengde.id = "chengde";
  chengde.glossary = {{"一般公共预算拨款收入", "指市级财政当年拨付的资金。", 1462}};
  nanchong.id = "nanchong";
  nanchong.glossary = {{"一般公共预算拨款收入", "指市级财政当年拨付的资金。", 357},
                       {"基本支出", "保障机构正常运转的支出", 401}};
  cangxi.id = "cangxi";
  cangxi.glossary = {{"一般公共预算拨款收入", "指县级财政当年拨付的资金。", 638}};
  const gongkai::pages::GlossaryIndex index({&chengde, &nanchong, &cangxi});
  REQUIRE(index.terms().size() == 2u);
  const auto& t = index.terms()[0];  // sorted by bytes: 一 (e4 b8 80) before 基 (e5 9f ba)
  CHECK(t.term == "一般公共预算拨款收入");
  CHECK(t.departments == 3u);
  REQUIRE(t.definitions.size() == 2u);
  CHECK(t.definitions[0].text == "指市级财政当年拨付的资金。");
  REQUIRE(t.definitions[0].uses.size() == 2u);
  CHECK(t.definitions[0].uses[0].record == &chengde);
  CHECK(t.definitions[0].uses[1].line == 357);
  CHECK(t.definitions[1].uses.at(0).record == &cangxi);
  CHECK(index.terms()[1].departments == 1u);
  CHECK(gongkai::pages::GlossaryPath("基本支出") ==
        "glossary/" + gongkai::pages::GlossaryAnchor("基本支出") + ".html");
}

}  // TEST_SUITE
