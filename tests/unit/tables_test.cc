// Unit tests for the table readers: titles and sections, summary tables in three layouts,
// split tables and their column arithmetic, “三公” tables, project tables, and identity.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "parse/identity.h"
#include "parse/narrative.h"
#include "parse/project_table.h"
#include "parse/reading_check.h"
#include "parse/sections.h"
#include "parse/split_table.h"
#include "parse/summary_table.h"
#include "parse/three_public_table.h"
#include "parse/tokens.h"

using namespace gongkai::parse;
using gongkai::model::Unit;

// A figure that must be present, with its amount in 万元 (as WanYuan() prints it) and its line.
#define CHECK_FIGURE(f, wan, ln)                       \
  do {                                                 \
    REQUIRE((f).has_value());                          \
    CHECK((f)->amount.WanYuan() == std::string(wan));  \
    CHECK((f)->line == (ln));                          \
  } while (0)

namespace {

std::vector<TokenLine> Tokenize(const std::vector<std::string>& lines, int precision) {
  return TokenizeLines(lines, 0, lines.size(), precision);
}

// "label=n1,n2" for every label that has figures, in order.
std::vector<std::string> LabelsWithFigures(const std::vector<LabelledFigures>& all) {
  std::vector<std::string> out;
  for (const auto& lf : all) {
    if (lf.numbers.empty()) continue;
    std::string s = lf.label + "=";
    for (size_t i = 0; i < lf.numbers.size(); ++i) s += (i ? "," : "") + lf.numbers[i].text;
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> V(std::initializer_list<const char*> items) {
  return std::vector<std::string>(items.begin(), items.end());
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

const SplitRow* FindRow(const SplitTable& t, const std::string& code) {
  for (const auto& r : t.rows)
    if (r.code == code) return &r;
  return nullptr;
}

}  // namespace

TEST_SUITE("tables") {

// ---------------------------------------------------------------- titles and sections

TEST_CASE("classifies the table titles of Qijiang") {
  CHECK(ClassifyTitle("重庆市綦江区医疗保障事务中心财政拨款收支总表") == "fiscal_summary");
  CHECK(ClassifyTitle("重庆市綦江区医疗保障事务中心一般公共预算财政拨款支出预算表") ==
        "general_expenditure");
  CHECK(ClassifyTitle("天津市蓟江区医疗保障事务中心一般公共预算财政拨款基本支出预算") ==
        "general_basic");
  CHECK(ClassifyTitle("重庆市綦江区医疗保障事务中心一般公共预算“三公”经费支出表") ==
        "three_public");
  CHECK(ClassifyTitle("重庆市綦江区医疗保障事务中心政府性基金预算支出表") == "gov_fund");
  CHECK(ClassifyTitle("重庆市綦江区医疗保障事务中心部门收入总表") == "income");
  CHECK(ClassifyTitle("重庆市綦江区医疗保障事务中心部门支出总表") == "expenditure");
  CHECK(ClassifyTitle("部门（单位）整体支出绩效目标申报表") == "overall_performance");
  CHECK(ClassifyTitle("2022年财政资金项目支出绩效目标表") == "project_performance");
}

TEST_CASE("classifies the table titles of Chengde") {
  CHECK(ClassifyTitle(" 部门预算收支总表") == "summary");
  CHECK(ClassifyTitle(" 部门预算收入总表") == "income");
  CHECK(ClassifyTitle(" 部门预算支出总表") == "expenditure");
  CHECK(ClassifyTitle(" 部门预算财政拨款收支总表") == "fiscal_summary");
  CHECK(ClassifyTitle("部门预算一般公共预算财政拨款支出表") == "general_expenditure");
  CHECK(ClassifyTitle(" 部门预算一般公共预算财政拨款基本支出表") == "general_basic");
  CHECK(ClassifyTitle(" 部门预算政府基金预算财政拨款支出表") == "gov_fund");
  CHECK(ClassifyTitle(" 部门预算国有资本经营预算财政拨款支出表") == "state_capital");
  CHECK(ClassifyTitle(" 部门预算财政拨款“三公”经费支出表") == "three_public");
  CHECK(ClassifyTitle("部门政府采购预算") == "procurement");
}

TEST_CASE("classifies the table titles of Nanchong") {
  CHECK(ClassifyTitle("财政拨款收支预算总表") == "fiscal_summary");
  CHECK(ClassifyTitle("财政拨款支出预算表(政府经济分类科目)") == "fiscal_expenditure");
  CHECK(ClassifyTitle("一般公共预算支出预算表(部门经济分类科目)") == "general_expenditure");
  CHECK(ClassifyTitle("一般公共预算基本支出预算表(部门经济分类科目)") == "general_basic");
  CHECK(ClassifyTitle("一般公共预算项目支出预算表") == "general_project");
  CHECK(ClassifyTitle("一般公共预算“三公”经费支出预算表") == "three_public");
  CHECK(ClassifyTitle("政府性基金预算“三公”经费支出预算表") == "gov_fund_three_public");
  CHECK(ClassifyTitle("国有资本经营预算支出预算表") == "state_capital");
  CHECK(ClassifyTitle("部门整体支出绩效目标申报表（2022年度）") == "overall_performance");
  CHECK(ClassifyTitle("市级部门预算项目绩效目标申报表（2022年度）") == "project_performance");
}

TEST_CASE("classifies the short table titles of Zengdu and Cangxi") {
  CHECK(ClassifyTitle("收支总表") == "summary");
  CHECK(ClassifyTitle("收入总表") == "income");
  CHECK(ClassifyTitle("支出总表") == "expenditure");
  CHECK(ClassifyTitle("财政拨款收支总表") == "fiscal_summary");
  CHECK(ClassifyTitle("一般公共预算支出表") == "general_expenditure");
  CHECK(ClassifyTitle("一般公共预算基本支出表") == "general_basic");
  CHECK(ClassifyTitle("项目支出表") == "general_project");
  CHECK(ClassifyTitle("政府采购预算表") == "procurement");
  CHECK(ClassifyTitle("项目支出绩效目标申报表") == "project_performance");
  CHECK(ClassifyTitle("财政拨款支出预算表（部门经济分类科目）") == "fiscal_expenditure");
  CHECK(ClassifyTitle("部门预算项目支出绩效目标表") == "project_performance");
  CHECK(ClassifyTitle("部门整体支出绩效目标表") == "overall_performance");
}

TEST_CASE("names no table kind for headings that name no standard table") {
  CHECK(ClassifyTitle("部门固定资产占用情况表") == "");
  CHECK(ClassifyTitle("二、部门收支总体情况") == "");
  CHECK(ClassifyTitle("三、机关运行经费安排情况") == "");
  CHECK(ClassifyTitle("一、部门职责及机构设置情况") == "");
  CHECK(ClassifyTitle("第三部分 曾都区医疗保障服务中心 2023年部门预算表") == "");
  CHECK(ClassifyTitle("# 重庆市綦江区医疗保障事务中心 2022 年部门预算情况说明") == "");
  CHECK(ClassifyTitle("附表 4-1") == "");
  CHECK(ClassifyTitle("单位：万元") == "");
}

TEST_CASE("finds no table in narrative headings with 说明 or 情况, nor in a table of contents") {
  std::vector<std::string> lines = {
      "- 一、部门收支总表",                               // TOC (Cangxi line 15)
      "- 九、一般公共预算“三公”经费支出表",                // TOC (Cangxi line 23)
      "四、财政拨款收支预算情况说明",                      // Nanchong line 147
      "六、一般公共预算基本支出情况说明",                  // Nanchong line 235
      "#### **四、“三公”经费情况说明**",                  // Qijiang line 55
      "四、财政拨款“三公”经费预算情况及增减变化原因",      // Chengde line 761
      "单位：万元",
  };
  CHECK(FindSections(lines).empty());
}

TEST_CASE("marks a repeated title as a continuation and bounds each region") {
  std::vector<std::string> lines = {
      "- 一、部门收支总表",                 // 0: TOC entry
      "六、一般公共预算基本支出情况说明",   // 1: narrative heading
      "部门预算支出总表",                   // 2
      "单位：万元",                         // 3
      " 合计 460.74 335.1 125.64",          // 4
      "",                                   // 5
      "部门预算支出总表",                   // 6: the column block
      "单位名称：医保中心",                 // 7
      "29.64",                              // 8
      "10",                                 // 9
      "",                                   // 10
      "政府性基金预算支出预算表",           // 11
      "空表说明：无此项内容",               // 12
  };
  auto sections = FindSections(lines);
  REQUIRE(sections.size() == 3u);

  CHECK(sections[0].kind == "expenditure");
  CHECK(sections[0].title == "部门预算支出总表");
  CHECK(sections[0].title_index == 2u);
  CHECK(sections[0].begin == 3u);
  CHECK(sections[0].end == 6u);
  CHECK_FALSE(sections[0].continuation);
  CHECK(sections[0].unit == "万元");
  CHECK(sections[0].unit_line == 4);
  CHECK_FALSE(sections[0].unit_inherited);
  CHECK_FALSE(sections[0].empty);

  CHECK(sections[1].kind == "expenditure");
  CHECK(sections[1].title_index == 6u);
  CHECK(sections[1].begin == 7u);
  CHECK(sections[1].end == 11u);
  CHECK(sections[1].continuation);
  CHECK(sections[1].unit == "万元");
  CHECK(sections[1].unit_inherited);

  CHECK(sections[2].kind == "gov_fund");
  CHECK(sections[2].title_index == 11u);
  CHECK_FALSE(sections[2].continuation);
  CHECK(sections[2].empty);
}

TEST_CASE("takes a title without 表 only when a unit label follows it") {
  // Chengde lines 1204-1214 and 773-776.
  std::vector<std::string> lines = {
      " 六、政府采购预算情况",                                                   // 0
      "",                                                                       // 1
      "2022年，承德市医疗保障局安排政府采购预算 10.00万元。具体内容见下表。",   // 2
      "",                                                                       // 3
      "部门政府采购预算",                                                       // 4
      "447承德市医疗保障局 单位：万元",                                         // 5
      "",                                                                       // 6
      "第一部分部门整体绩效目标",                                               // 7
      "一、总体绩效目标",                                                       // 8
      "",                                                                       // 9
      "2022年，承德市医疗保障局深入贯彻党的十九大和十九届历次全会精神，认真学习习近平总书记重要讲话精神，全",  // 10
  };
  auto sections = FindSections(lines);
  REQUIRE(sections.size() == 1u);
  CHECK(sections[0].kind == "procurement");
  CHECK(sections[0].title_index == 4u);
  CHECK(sections[0].unit == "万元");
  CHECK(sections[0].unit_line == 6);
  CHECK(sections[0].end == 10u);  // the region stops where the prose begins
}

TEST_CASE("finds the unit label in its spellings") {
  CHECK(FindUnitLabel("单位：万元") == "万元");
  CHECK(FindUnitLabel("金额单位：万元") == "万元");
  CHECK(FindUnitLabel("单位名称：医保中心 单位:万元") == "万元");
  CHECK(FindUnitLabel("单位：万元单位名称：医保中心") == "万元");
  CHECK(FindUnitLabel("部门/单位：曾都区医疗保障服务中心 单位：万元") == "万元");
  CHECK(FindUnitLabel("单位（万元）") == "万元");
  CHECK(FindUnitLabel("单位：元") == "元");
  CHECK(FindUnitLabel("预算 13表 单位：元") == "元");
  CHECK(FindUnitLabel("单位 ： 元") == "元");
}

TEST_CASE("finds no unit label where none is stated") {
  CHECK(FindUnitLabel("单位名称：医保中心") == "");
  CHECK(FindUnitLabel("部门：322-苍溪县医疗保障局部门") == "");
  CHECK(FindUnitLabel("总体资金情况（元）") == "");
  CHECK(FindUnitLabel("合计 460.74") == "");
}

// ---------------------------------------------------------------- summary tables

TEST_CASE("reads a summary table with both sides on one line (Nanchong)") {
  std::vector<std::string> lines = {
      "收    入 支    出",                                           // 1
      "项    目 2022年预算数 项    目 2022年预算数",                   // 2
      "一、一般公共预算拨款收入 431.1 一、一般公共服务支出",         // 3
      "二、政府性基金预算拨款收入 二、外交支出",                     // 4
      "八、社会保障和就业支出 290.88",                               // 5
      "十、卫生健康支出 147.39",                                     // 6
      "二十、住房保障支出 22.47",                                    // 7
      "本年收入合计 431.1 本年支出合计 460.74",                      // 8
      "七、用事业基金弥补收入差额 三十一、事业单位结余分配",         // 9
      "八、上年结转 29.64     其中：转入事业基金",                   // 10
      "三十二、结转下年   ",                                         // 11
      "收入总计 460.74 支出总计 460.74",                             // 12
  };
  auto tl = Tokenize(lines, 0);
  CHECK(LabelsWithFigures(ReadLabelledFigures(tl)) ==
        V({"一般公共预算拨款收入=431.1", "社会保障和就业支出=290.88", "卫生健康支出=147.39",
           "住房保障支出=22.47", "本年收入合计=431.1", "本年支出合计=460.74", "上年结转=29.64",
           "收入总计=460.74", "支出总计=460.74"}));

  gongkai::model::Summary s;
  ParseSummaryTable(tl, false, Unit::kWanYuan, s);
  CHECK(s.table == "summary");
  CHECK_FIGURE(s.income_total, "460.74", 12);
  CHECK_FIGURE(s.expenditure_total, "460.74", 12);
  CHECK_FIGURE(s.current_income, "431.10", 8);
  CHECK_FIGURE(s.current_expenditure, "460.74", 8);
  CHECK_FIGURE(s.carryover_in, "29.64", 10);
  CHECK_FALSE(s.carryover_out.has_value());
  REQUIRE(s.income_items.size() == 1u);
  CHECK(s.income_items[0].name == "一般公共预算拨款收入");
  CHECK(s.income_items[0].amount.amount.WanYuan() == "431.10");
  CHECK(s.income_items[0].amount.line == 3);
  REQUIRE(s.expenditure_classes.size() == 3u);
  CHECK(s.expenditure_classes[0].code == "208");
  CHECK(s.expenditure_classes[0].name == "社会保障和就业支出");
  CHECK(s.expenditure_classes[0].amount.amount.WanYuan() == "290.88");
  CHECK(s.expenditure_classes[0].amount.line == 5);
  CHECK(s.expenditure_classes[1].code == "210");
  CHECK(s.expenditure_classes[1].amount.line == 6);
  CHECK(s.expenditure_classes[2].code == "221");
  CHECK(s.expenditure_classes[2].amount.amount.WanYuan() == "22.47");
  CHECK(s.expenditure_classes[2].amount.line == 7);
}

TEST_CASE("reads a summary table with wrapped labels and glued numbers (Zengdu)") {
  std::vector<std::string> lines = {
      "收 入 支 出",                                        // 1
      "项 目 预算数 项 目 预算数",                          // 2
      "一、一般公共预算拨",                                 // 3
      "",                                                   // 4
      "款收入",                                             // 5
      "8,132.86",                                           // 6
      "",                                                   // 7
      "一、一般公共服务支",                                 // 8
      "",                                                   // 9
      "出",                                                 // 10
      "0.00",                                               // 11
      "",                                                   // 12
      "二、政府性基金预算",                                 // 13
      "",                                                   // 14
      "拨款收入",                                           // 15
      "0.00二、公共安全支出 0.00",                          // 16
      "",                                                   // 17
      "六、社会保障和就业",                                 // 18
      "",                                                   // 19
      "支出",                                               // 20
      "55.56",                                              // 21
      "",                                                   // 22
      "七、上级补助收入 0.00七、卫生健康支出 8060.74",      // 23
      "",                                                   // 24
      "十七、住房保障支出 16.56",                           // 25
      "",                                                   // 26
      "本年收入合计 8,132.86本年支出合计 8132.86",          // 27
      "",                                                   // 28
      "上年结转结余 0.00年终结转结余 0.00",                 // 29
      "",                                                   // 30
      "收 入 总",                                           // 31
      "",                                                   // 32
      "计",                                                 // 33
      "8,132.86",                                           // 34
      "",                                                   // 35
      "支 出 总",                                           // 36
      "",                                                   // 37
      "计",                                                 // 38
      "8132.86",                                            // 39
  };
  auto tl = Tokenize(lines, 2);
  CHECK(LabelsWithFigures(ReadLabelledFigures(tl)) ==
        V({"一般公共预算拨款收入=8,132.86", "一般公共服务支出=0.00", "政府性基金预算拨款收入=0.00",
           "公共安全支出=0.00", "社会保障和就业支出=55.56", "上级补助收入=0.00",
           "卫生健康支出=8060.74", "住房保障支出=16.56", "本年收入合计=8,132.86",
           "本年支出合计=8132.86", "上年结转结余=0.00", "年终结转结余=0.00", "收入总计=8,132.86",
           "支出总计=8132.86"}));

  gongkai::model::Summary s;
  ParseSummaryTable(tl, false, Unit::kWanYuan, s);
  CHECK_FIGURE(s.income_total, "8132.86", 34);
  CHECK_FIGURE(s.expenditure_total, "8132.86", 39);
  CHECK_FIGURE(s.current_income, "8132.86", 27);
  CHECK_FIGURE(s.current_expenditure, "8132.86", 27);
  CHECK_FIGURE(s.carryover_in, "0.00", 29);
  CHECK_FIGURE(s.carryover_out, "0.00", 29);

  REQUIRE(s.income_items.size() == 3u);
  CHECK(s.income_items[0].name == "一般公共预算拨款收入");
  CHECK(s.income_items[0].amount.line == 6);
  CHECK(s.income_items[1].name == "政府性基金预算拨款收入");
  CHECK(s.income_items[1].amount.amount.IsZero());
  CHECK(s.income_items[1].amount.line == 16);
  CHECK(s.income_items[2].name == "上级补助收入");
  CHECK(s.income_items[2].amount.line == 23);

  REQUIRE(s.expenditure_classes.size() == 5u);
  std::vector<std::string> codes;
  for (const auto& c : s.expenditure_classes) codes.push_back(c.code);
  CHECK(codes == V({"201", "204", "208", "210", "221"}));
  CHECK(s.expenditure_classes[0].amount.line == 11);
  CHECK(s.expenditure_classes[1].amount.line == 16);
  CHECK(s.expenditure_classes[2].amount.amount.WanYuan() == "55.56");
  CHECK(s.expenditure_classes[2].amount.line == 21);
  CHECK(s.expenditure_classes[3].amount.amount.WanYuan() == "8060.74");
  CHECK(s.expenditure_classes[3].amount.line == 23);
  CHECK(s.expenditure_classes[4].amount.line == 25);
}

TEST_CASE("reads a tab-separated summary table (Cangxi)") {
  std::vector<std::string> lines = {
      "收 入\t\t支 出\t",                                          // 1
      "项 目\t预算数\t项 目\t预算数",                               // 2
      "一、一般公共预算拨款收入\t3,688.46\t一、一般公共服务支出\t",  // 3
      "二、政府性基金预算拨款收入\t\t二、外交支出\t",                // 4
      "\t\t八、社会保障和就业支出\t49.98",                          // 5
      "\t\t十、卫生健康支出\t4,302.44",                             // 6
      "\t\t十三、农林水支出\t303.00",                               // 7
      "\t\t二十、住房保障支出\t40.29",                              // 8
      "本年收入合计\t3,688.46\t本年支出合计\t4,695.70",              // 9
      "七、上年结转\t1,007.24\t\t",                                 // 10
      "收入总计\t4,695.70\t支出总计\t4,695.70",                     // 11
  };
  auto tl = Tokenize(lines, 2);
  gongkai::model::Summary s;
  ParseSummaryTable(tl, false, Unit::kWanYuan, s);
  CHECK(s.table == "summary");
  CHECK_FIGURE(s.current_income, "3688.46", 9);
  CHECK_FIGURE(s.current_expenditure, "4695.70", 9);
  CHECK_FIGURE(s.carryover_in, "1007.24", 10);
  CHECK_FIGURE(s.income_total, "4695.70", 11);
  CHECK_FIGURE(s.expenditure_total, "4695.70", 11);
  CHECK_FALSE(s.carryover_out.has_value());
  REQUIRE(s.income_items.size() == 1u);
  CHECK(s.income_items[0].name == "一般公共预算拨款收入");
  CHECK(s.income_items[0].amount.amount.WanYuan() == "3688.46");
  CHECK(s.income_items[0].amount.line == 3);
  REQUIRE(s.expenditure_classes.size() == 4u);
  CHECK(s.expenditure_classes[0].code == "208");
  CHECK(s.expenditure_classes[0].amount.line == 5);
  CHECK(s.expenditure_classes[1].code == "210");
  CHECK(s.expenditure_classes[1].amount.amount.WanYuan() == "4302.44");
  CHECK(s.expenditure_classes[2].code == "213");
  CHECK(s.expenditure_classes[2].name == "农林水支出");
  CHECK(s.expenditure_classes[2].amount.amount.WanYuan() == "303.00");
  CHECK(s.expenditure_classes[3].code == "221");
  CHECK(s.expenditure_classes[3].amount.line == 8);
}

TEST_CASE("reads a tab-separated 财政拨款收支总表 with blank carry-over cells (Qijiang)") {
  std::vector<std::string> lines = {
      "收入\t\t支出\t\t\t\t",                                                        // 1
      "项目\t预算数\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款",  // 2
      "一、本年收入\t552.80\t一、本年支出\t552.80\t552.80\t\t",                       // 3
      "一般公共预算拨款\t552.80\t八、 社会保障和就业支出\t49.04\t49.04\t\t",          // 4
      "政府性基金预算拨款\t\t十、 卫生健康支出\t479.24\t479.24\t\t",                  // 5
      "国有资本经营预算拨款\t\t十九、 住房保障支出\t24.52\t24.52\t\t",                // 6
      "二、上年结转\t\t\t\t\t\t",                                                     // 7
      "一般公共预算拨款\t\t\t\t\t\t",                                                 // 8
      "\t\t二、结转下年\t\t\t\t",                                                     // 9
      "收入总数\t552.80\t支出总数\t552.80\t552.80\t\t",                               // 10
  };
  gongkai::model::Summary s;
  ParseSummaryTable(Tokenize(lines, 2), true, Unit::kWanYuan, s);
  CHECK(s.table == "fiscal_summary");
  CHECK_FIGURE(s.current_income, "552.80", 3);
  CHECK_FIGURE(s.current_expenditure, "552.80", 3);
  CHECK_FIGURE(s.income_total, "552.80", 10);
  CHECK_FIGURE(s.expenditure_total, "552.80", 10);
  CHECK_FALSE(s.carryover_in.has_value());
  CHECK_FALSE(s.carryover_out.has_value());
  REQUIRE(s.income_items.size() == 1u);
  CHECK(s.income_items[0].name == "一般公共预算拨款");
  CHECK(s.income_items[0].amount.line == 4);
  REQUIRE(s.expenditure_classes.size() == 3u);
  CHECK(s.expenditure_classes[0].code == "208");
  CHECK(s.expenditure_classes[0].name == "社会保障和就业支出");
  CHECK(s.expenditure_classes[0].amount.amount.WanYuan() == "49.04");
  CHECK(s.expenditure_classes[0].amount.line == 4);
  CHECK(s.expenditure_classes[1].code == "210");
  CHECK(s.expenditure_classes[2].code == "221");
  CHECK(s.expenditure_classes[2].amount.line == 6);
}

// ---------------------------------------------------------------- split tables

TEST_CASE("decides from the arithmetic which column a lone second figure is in (Nanchong)") {
  // 部门预算支出总表, lines 609-639: rows print 2 figures under 合计/基本支出/项目支出.
  std::vector<std::string> lines = {
      " 合计 460.74 335.1 125.64",                                              // 1
      "008   社保科 460.74 335.1 125.64",                                       // 2
      "323008    医保中心 460.74 335.1 125.64",                                 // 3
      "208 323008     社会保障和就业支出 290.88 290.88",                        // 4
      "208 01 323008      人力资源和社会保障管理事务 260.92 260.92",            // 5
      "208 01 01 323008       行政运行 260.92 260.92",                          // 6
      "208 05 323008      行政事业单位养老支出 29.96 29.96",                    // 7
      "208 05 05 323008       机关事业单位基本养老保险缴费支出 29.96 29.96",    // 8
      "210 323008     卫生健康支出 147.39 21.75 125.64",                        // 9
      "210 11 323008      行政事业单位医疗 21.75 21.75",                        // 10
      "210 11 01 323008       行政单位医疗 21.75 21.75",                        // 11
      "210 15 323008      医疗保障管理事务 125.64 125.64",                      // 12
      "210 15 99 323008       其他医疗保障管理事务支出 125.64 125.64",          // 13
      "221 323008     住房保障支出 22.47 22.47",                                // 14
      "221 02 323008      住房改革支出 22.47 22.47",                            // 15
      "221 02 01 323008       住房公积金 22.47 22.47",                          // 16
  };
  SplitTable t = ReadSplitTable(Tokenize(lines, 0), Unit::kWanYuan, "2");
  REQUIRE(t.total_row.has_value());
  CHECK_FIGURE(t.total_row->total, "460.74", 1);
  CHECK_FIGURE(t.total_row->a, "335.10", 1);
  CHECK_FIGURE(t.total_row->b, "125.64", 1);

  REQUIRE(t.rows.size() == 13u);
  std::vector<std::string> codes;
  for (const auto& r : t.rows) codes.push_back(r.code);
  CHECK(codes == V({"208", "20801", "2080101", "20805", "2080505", "210", "21011", "2101101",
                    "21015", "2101599", "221", "22102", "2210201"}));
  const SplitRow* r208 = FindRow(t, "208");
  REQUIRE(r208);
  CHECK_FIGURE(r208->total, "290.88", 4);
  CHECK_FIGURE(r208->unplaced, "290.88", 4);
  CHECK_FALSE(r208->a.has_value());
  CHECK_FALSE(r208->b.has_value());

  ResolveSplitColumns(t, "基本支出", "项目支出");
  for (const auto& r : t.rows) {
    CAPTURE(r.code);
    CHECK_FALSE(r.unplaced.has_value());
  }
  // 基本 335.1 = 290.88 + 21.75 + 22.47; 项目 125.64 is class 210's only.
  for (const char* code : {"208", "20801", "2080101", "20805", "2080505", "21011", "2101101", "221",
                           "22102", "2210201"}) {
    const SplitRow* r = FindRow(t, code);
    REQUIRE(r);
    CAPTURE(code);
    REQUIRE(r->a.has_value());
    CHECK(r->a->amount == r->total->amount);
    CHECK_FALSE(r->b.has_value());
    CHECK(Contains(r->note, "基本支出"));
  }
  for (const char* code : {"21015", "2101599"}) {
    const SplitRow* r = FindRow(t, code);
    REQUIRE(r);
    CAPTURE(code);
    CHECK_FALSE(r->a.has_value());
    CHECK_FIGURE(r->b, "125.64", code == std::string("21015") ? 12 : 13);
    CHECK(Contains(r->note, "项目支出"));
  }
  const SplitRow* r210 = FindRow(t, "210");
  REQUIRE(r210);
  CHECK_FIGURE(r210->a, "21.75", 9);
  CHECK_FIGURE(r210->b, "125.64", 9);
  CHECK(r210->note.empty());  // it printed all three figures
  const SplitRow* r2210201 = FindRow(t, "2210201");
  REQUIRE(r2210201);
  CHECK_FIGURE(r2210201->a, "22.47", 16);
}

TEST_CASE("leaves a figure unplaced when both assignments add up") {
  std::vector<std::string> lines = {
      "合计 20.00 10.00 10.00",
      "208 社会保障和就业支出 10.00 10.00",
      "210 卫生健康支出 10.00 10.00",
  };
  SplitTable t = ReadSplitTable(Tokenize(lines, 2), Unit::kWanYuan, "2");
  REQUIRE(t.total_row.has_value());
  REQUIRE(t.rows.size() == 2u);
  ResolveSplitColumns(t, "基本支出", "项目支出");
  for (const auto& r : t.rows) {
    CAPTURE(r.code);
    CHECK_FIGURE(r.unplaced, "10.00", r.code == "208" ? 2 : 3);
    CHECK_FALSE(r.a.has_value());
    CHECK_FALSE(r.b.has_value());
    CHECK(r.note.empty());
  }
}

TEST_CASE("places a parent's figure on the side its rows below fill") {
  std::vector<std::string> lines = {
      "210 卫生健康支出 30.00 30.00",
      "210 11 01 行政单位医疗 20.00 20.00 0.00",
      "210 15 01 行政运行 10.00 10.00 0.00",
  };
  SplitTable t = ReadSplitTable(Tokenize(lines, 2), Unit::kWanYuan, "2");
  CHECK_FALSE(t.total_row.has_value());
  REQUIRE(t.rows.size() == 3u);
  ResolveSplitColumns(t, "基本支出", "项目支出");
  CHECK(t.rows[0].code == "210");
  CHECK_FIGURE(t.rows[0].a, "30.00", 1);
  CHECK_FALSE(t.rows[0].b.has_value());
  CHECK_FALSE(t.rows[0].unplaced.has_value());
  CHECK(Contains(t.rows[0].note, "基本支出"));
}

TEST_CASE("reads the columns of a tab-separated split table from its cells (Cangxi)") {
  std::vector<std::string> lines = {
      "科目编码\t\t\t\t单位代码\t单位名称（科目）\t合计\t基本支出\t项目支出",                   // 1
      "类\t款\t项\t\t\t\t\t\t",                                                                // 2
      "\t\t\t\t\t合 计\t4,695.70\t1,493.59\t3,202.12",                                          // 3
      "\t\t\t\t\t\t4,695.70\t1,493.59\t3,202.12",                                               // 4
      "\t\t\t\t\t苍溪县医疗保障局\t4,695.70\t1,493.59\t3,202.12",                               // 5
      "208\t05\t05\t322001\t\t机关事业单位基本养老保险缴费支出\t49.98\t49.98\t",                // 6
      "210\t12\t02\t322001\t\t财政对城乡居民基本医疗保险基金的补助\t2,831.63\t\t2,831.63",      // 7
  };
  SplitTable t = ReadSplitTable(Tokenize(lines, 2), Unit::kWanYuan, "2");
  REQUIRE(t.total_row.has_value());
  CHECK_FIGURE(t.total_row->total, "4695.70", 3);
  CHECK_FIGURE(t.total_row->a, "1493.59", 3);
  CHECK_FIGURE(t.total_row->b, "3202.12", 3);
  REQUIRE(t.rows.size() == 2u);
  CHECK(t.rows[0].code == "2080505");
  CHECK(t.rows[0].name == "机关事业单位基本养老保险缴费支出");
  CHECK_FIGURE(t.rows[0].total, "49.98", 6);
  CHECK_FIGURE(t.rows[0].a, "49.98", 6);
  CHECK_FALSE(t.rows[0].b.has_value());
  CHECK(t.rows[1].code == "2101202");
  CHECK_FIGURE(t.rows[1].total, "2831.63", 7);
  CHECK_FALSE(t.rows[1].a.has_value());
  CHECK_FIGURE(t.rows[1].b, "2831.63", 7);
  CHECK_FALSE(t.rows[1].unplaced.has_value());
}

// ---------------------------------------------------------------- “三公” tables

TEST_CASE("reads a “三公” table laid out as one row of six figures (Zengdu)") {
  std::vector<std::string> lines = {
      "“三公”",                         // 1
      "",                               // 2
      "经费合计",                       // 3
      "",                               // 4
      "因公出国（境）",                 // 5
      "",                               // 6
      "费",                             // 7
      "",                               // 8
      "公务用车购置及运行费",           // 9
      "",                               // 10
      "公务接待费",                     // 11
      "",                               // 12
      "小计",                           // 13
      "公务用车",                       // 14
      "",                               // 15
      "购置费",                         // 16
      "",                               // 17
      "公务用车运",                     // 18
      "",                               // 19
      "行费",                           // 20
      "",                               // 21
      "6.55 0.00 6.00 0.00 6.00 0.55",  // 22
  };
  gongkai::model::ThreePublic three;
  ParseThreePublicTable(Tokenize(lines, 2), Unit::kWanYuan, StatedThreePublic(), three);
  CHECK_FIGURE(three.total, "6.55", 22);
  CHECK_FIGURE(three.overseas, "0.00", 22);
  CHECK_FIGURE(three.vehicle_total, "6.00", 22);
  CHECK_FIGURE(three.vehicle_purchase, "0.00", 22);
  CHECK_FIGURE(three.vehicle_operation, "6.00", 22);
  CHECK_FIGURE(three.reception, "0.55", 22);
}

TEST_CASE("maps tab cells of a “三公” table to the parts their headers name") {
  // Qijiang lines 172-175, with every cell filled so each column shows.
  std::vector<std::string> lines = {
      "2022年预算数\t\t\t\t\t",
      "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费",
      "\t\t小计\t公务用车购置费\t公务用车运行费\t",
      "3.50\t0.50\t2.00\t0.30\t1.70\t1.00",
  };
  gongkai::model::ThreePublic three;
  ParseThreePublicTable(Tokenize(lines, 2), Unit::kWanYuan, StatedThreePublic(), three);
  CHECK_FIGURE(three.total, "3.50", 4);
  CHECK_FIGURE(three.overseas, "0.50", 4);
  CHECK_FIGURE(three.vehicle_total, "2.00", 4);
  CHECK_FIGURE(three.vehicle_purchase, "0.30", 4);
  CHECK_FIGURE(three.vehicle_operation, "1.70", 4);
  CHECK_FIGURE(three.reception, "1.00", 4);
}

TEST_CASE("leaves blank tab cells of a “三公” table null (Qijiang)") {
  std::vector<std::string> lines = {
      "2022年预算数\t\t\t\t\t",
      "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费",
      "\t\t小计\t公务用车购置费\t公务用车运行费\t",
      "1.00\t\t\t\t\t1.00",
  };
  gongkai::model::ThreePublic three;
  ParseThreePublicTable(Tokenize(lines, 2), Unit::kWanYuan, StatedThreePublic(), three);
  CHECK_FIGURE(three.total, "1.00", 4);
  CHECK_FIGURE(three.reception, "1.00", 4);
  CHECK_FALSE(three.overseas.has_value());
  CHECK_FALSE(three.vehicle_total.has_value());
  CHECK_FALSE(three.vehicle_purchase.has_value());
  CHECK_FALSE(three.vehicle_operation.has_value());
}

TEST_CASE("reads a “三公” table laid out as one row per part (Chengde)") {
  std::vector<std::string> lines = {
      "序号 项 目",                                                          // 1
      "资金性质",                                                            // 2
      "",                                                                    // 3
      "合计 一般公共预算财政拨款 政府性基金预算拨款 国有资本经营预算财政拨款",  // 4
      "",                                                                    // 5
      "栏次 1 2 3 4 5",                                                      // 6
      "",                                                                    // 7
      "1 合计 1.74 1.74",                                                    // 8
      "",                                                                    // 9
      "2 “三公”经费小计 1.74 1.74",                                          // 10
      "",                                                                    // 11
      "3 一、因公出国（境）费",                                              // 12
      "",                                                                    // 13
      "4 其中：教学科研人员因公出国（境）费",                                // 14
      "",                                                                    // 15
      "5 其他因公出国（境）费",                                              // 16
      "",                                                                    // 17
      "6 二、公务用车购置及运维费 1.40 1.40",                                // 18
      "",                                                                    // 19
      "7 其中：公务用车购置费",                                              // 20
      "",                                                                    // 21
      "8 公务用车运行维护费 1.40 1.40",                                      // 22
      "",                                                                    // 23
      "9 三、公务接待费 0.34 0.34",                                          // 24
  };
  gongkai::model::ThreePublic three;
  ParseThreePublicTable(Tokenize(lines, 2), Unit::kWanYuan, StatedThreePublic(), three);
  CHECK_FIGURE(three.total, "1.74", 8);
  CHECK_FALSE(three.overseas.has_value());
  CHECK_FIGURE(three.vehicle_total, "1.40", 18);
  CHECK_FALSE(three.vehicle_purchase.has_value());
  CHECK_FIGURE(three.vehicle_operation, "1.40", 22);
  CHECK_FIGURE(three.reception, "0.34", 24);
}

TEST_CASE("finds the narrative's statement of the “三公” parts across line breaks") {
  // Nanchong lines 257-263.
  std::vector<std::string> lines = {
      "医保中心 2022 年“三公”经费财政拨款预算数 0.94 万",          // 1
      "",                                                          // 2
      "元，其中：因公出国（境）费支出预算为 0.00 万元，公务",      // 3
      "",                                                          // 4
      "用车购置费支出预算为 0.00 万元，公务用车运行维护费支",      // 5
      "",                                                          // 6
      "出预算为 0.00 万元，公务接待费支出预算 0.94 万元。",        // 7
  };
  JoinedText text(lines, 0, lines.size());
  StatedThreePublic s = FindStatedThreePublic(text);
  REQUIRE(s.has_total);
  CHECK(s.total.digits == "0.94");
  CHECK(s.total.line == 1);
  REQUIRE(s.has_overseas);
  CHECK(s.overseas.digits == "0.00");
  CHECK(s.overseas.line == 3);
  REQUIRE(s.has_purchase);
  CHECK(s.vehicle_purchase.digits == "0.00");
  CHECK(s.vehicle_purchase.line == 5);
  REQUIRE(s.has_operation);
  CHECK(s.vehicle_operation.digits == "0.00");
  CHECK(s.vehicle_operation.line == 7);
  REQUIRE(s.has_reception);
  CHECK(s.reception.digits == "0.94");
  CHECK(s.reception.line == 7);
}

TEST_CASE("reads the “三公” statement from the first line where 三公 may begin, as from all lines") {
  const std::vector<std::string> lines = {
      "一、部门职责",                                          // 0
      "三项重点工作",                                          // 1: 三, then 项
      "**二、“三 公”经费预算 1.00 万元**",                     // 2: 三 公 with a space
      "其中：公务接待费支出预算 1.00 万元。",                  // 3
  };
  const CleanLines clean(lines);
  CHECK(FirstThreePublicLine(clean) == 2);
  const std::vector<std::string> wrapped = {"第三", "公务接待费", "“三", "公”经费"};
  CHECK(FirstThreePublicLine(CleanLines(wrapped)) == 0);  // 三 ends the line: 公 may follow
  CHECK(FirstThreePublicLine(CleanLines({"三\u3000公", "无"})) == 2);  // U+3000 stays between
  const StatedThreePublic all = FindStatedThreePublic(JoinedText(clean, 0, lines.size()));
  const StatedThreePublic from = FindStatedThreePublic(JoinedText(clean, 2, lines.size()));
  REQUIRE(all.has_total);
  REQUIRE(from.has_total);
  CHECK(from.total.digits == "1.00");
  CHECK(from.total.line == 3);
  CHECK(from.total.line == all.total.line);
  REQUIRE(from.has_reception);
  CHECK(from.reception.line == 4);
  CHECK(from.reception.line == all.reception.line);
}

TEST_CASE("places a space row's second figure where the narrative states that value (Nanchong)") {
  std::vector<std::string> narrative = {
      "医保中心 2022 年“三公”经费财政拨款预算数 0.94 万",
      "",
      "元，其中：因公出国（境）费支出预算为 0.00 万元，公务",
      "",
      "用车购置费支出预算为 0.00 万元，公务用车运行维护费支",
      "",
      "出预算为 0.00 万元，公务接待费支出预算 0.94 万元。",
  };
  StatedThreePublic stated = FindStatedThreePublic(JoinedText(narrative, 0, narrative.size()));
  std::vector<std::string> lines = {
      "单位代码 单位名称",                    // 1
      "",                                     // 2
      "当年财政拨款预算安排",                 // 3
      "",                                     // 4
      "合计 因公出国（境）费用",              // 5
      "",                                     // 6
      "公务用车购置及运行费",                 // 7
      "",                                     // 8
      "公务接待费",                           // 9
      "",                                     // 10
      "小计 公务用车购置费 公务用车运行费",   // 11
      "",                                     // 12
      " 合计 0.94 0.94",                      // 13
      "",                                     // 14
      "008     社保科 0.94 0.94",             // 15
      "",                                     // 16
      "323008       医保中心 0.94 0.94",      // 17
  };
  gongkai::model::ThreePublic three;
  ParseThreePublicTable(Tokenize(lines, 2), Unit::kWanYuan, stated, three);
  CHECK_FIGURE(three.total, "0.94", 13);
  CHECK_FIGURE(three.reception, "0.94", 13);
  // The narrative's 0.00 parts are blank cells in the table: they stay null.
  CHECK_FALSE(three.overseas.has_value());
  CHECK_FALSE(three.vehicle_total.has_value());
  CHECK_FALSE(three.vehicle_purchase.has_value());
  CHECK_FALSE(three.vehicle_operation.has_value());
  CHECK(Contains(three.note, "公务接待费"));
  CHECK(Contains(three.note, "line 7"));
}

TEST_CASE("leaves a “三公” figure unplaced when the narrative gives two parts that value") {
  StatedThreePublic stated;
  stated.has_total = true;
  stated.total.digits = "1.00";
  stated.has_overseas = true;
  stated.overseas.digits = "0.50";
  stated.has_reception = true;
  stated.reception.digits = "0.50";
  gongkai::model::ThreePublic three;
  ParseThreePublicTable(Tokenize({" 合计 1.00 0.50"}, 2), Unit::kWanYuan, stated, three);
  CHECK_FIGURE(three.total, "1.00", 1);
  CHECK_FALSE(three.overseas.has_value());
  CHECK_FALSE(three.reception.has_value());
  CHECK(Contains(three.note, "could not be determined"));
}

// ---------------------------------------------------------------- project tables

TEST_CASE("reads a project row that prints the classification name before the project (Nanchong)") {
  std::vector<std::string> lines = {
      "合计 96",                                                                                        // 1
      "008  社保科 96",                                                                                 // 2
      "323008    医保中心 96",                                                                          // 3
      "210 323008 卫生健康支出 96",                                                                     // 4
      "210 15 323008     医疗保障管理事务 96",                                                          // 5
      "210 15 99 323008         其他医疗保障管理事务支出 两定机构评估及协议管理考核工作经费 10",       // 6
      "210 15 99 323008         其他医疗保障管理事务支出 社保基金管理工作经费 45",                     // 7
  };
  ProjectContext ctx;
  ctx.functional_names = {{"210", "卫生健康支出"},
                          {"21015", "医疗保障管理事务"},
                          {"2101599", "其他医疗保障管理事务支出"}};
  ctx.unit_names = {"南充市医疗保障中心", "医保中心"};
  auto projects = ParseProjectTable(Tokenize(lines, 0), Unit::kWanYuan, ctx);
  REQUIRE(projects.size() == 2u);
  CHECK(projects[0].name == "两定机构评估及协议管理考核工作经费");
  CHECK(projects[0].amount.amount.WanYuan() == "10.00");
  CHECK(projects[0].amount.line == 6);
  CHECK(projects[0].line == 6);
  REQUIRE(projects[0].function_code.has_value());
  CHECK(*projects[0].function_code == "2101599");
  CHECK(projects[1].name == "社保基金管理工作经费");
  CHECK(projects[1].amount.amount.WanYuan() == "45.00");
  CHECK(projects[1].line == 7);
}

TEST_CASE("reads tab project rows and skips the subtotal rows between them (Cangxi)") {
  std::vector<std::string> lines = {
      "科目编码\t\t\t单位代码\t单位名称（科目）\t金额",                                        // 1
      "类\t款\t项\t\t\t",                                                                      // 2
      "\t\t\t\t合 计\t3,202.12",                                                               // 3
      "\t\t\t\t\t3,202.12",                                                                    // 4
      "\t\t\t\t苍溪县医疗保障局\t3,202.12",                                                    // 5
      "\t\t\t\t财政对城乡居民基本医疗保险基金的补助\t2,831.63",                                // 6
      "210\t12\t02\t322001\t县医保局城乡居民基本医疗保险本级配套（2023）\t2,831.63",           // 7
      "\t\t\t\t其他巩固脱贫攻坚成果衔接乡村振兴支出\t303.00",                                  // 8
      "213\t05\t99\t322001\t县医保局驻村帮扶经费\t5.00",                                       // 9
      "213\t05\t99\t322001\t县医保局城乡居民基本医疗保险本级配套（2023乡村振兴）\t298.00",     // 10
  };
  ProjectContext ctx;
  ctx.functional_names = {{"2101202", "财政对城乡居民基本医疗保险基金的补助"},
                          {"2130599", "其他巩固脱贫攻坚成果衔接乡村振兴支出"}};
  ctx.unit_names = {"苍溪县医疗保障局"};
  auto projects = ParseProjectTable(Tokenize(lines, 2), Unit::kWanYuan, ctx);
  REQUIRE(projects.size() == 3u);
  CHECK(projects[0].name == "县医保局城乡居民基本医疗保险本级配套（2023）");
  CHECK(projects[0].amount.amount.WanYuan() == "2831.63");
  CHECK(projects[0].line == 7);
  REQUIRE(projects[0].function_code.has_value());
  CHECK(*projects[0].function_code == "2101202");
  CHECK(projects[1].name == "县医保局驻村帮扶经费");
  CHECK(projects[1].amount.amount.WanYuan() == "5.00");
  CHECK(projects[1].line == 9);
  REQUIRE(projects[1].function_code.has_value());
  CHECK(*projects[1].function_code == "2130599");
  CHECK(projects[2].name == "县医保局城乡居民基本医疗保险本级配套（2023乡村振兴）");
  CHECK(projects[2].amount.amount.WanYuan() == "298.00");
  CHECK(projects[2].line == 10);
}

TEST_CASE("reads projects with split codes, broken names and the unit name in between (Zengdu)") {
  std::vector<std::string> lines = {
      "项目编",                        // 1
      "码",                            // 2
      "项目单位 合计 本年拨款",        // 3
      "1,121.85 1,121.85 0.00",        // 4: the table total
      "0.0",                           // 5
      "",                              // 6
      "0",                             // 7
      "032002",                        // 8: the unit
      "",                              // 9
      "曾都",                          // 10
      "区医疗",                        // 11
      "保障服",                        // 12
      "务中心",                        // 13
      "1,121.85 1,121.85 0.00",        // 14
      "0.0",                           // 15
      "0",                             // 16
      "1101",                          // 17: a category
      "基",                            // 18
      "本工资",                        // 19
      "78.85 78.85 0.00",              // 20
      "0.0",                           // 21
      "0",                             // 22
      "4213032",                       // 23: a project, its code in three pieces
      "2032R00",                       // 24
      "0000191",                       // 25
      "基本工",                        // 26
      "资",                            // 27
      "曾都区医",                      // 28
      "疗保障服",                      // 29
      "务中心",                        // 30
      "78.85 78.85 0.00",              // 31
      "0.0",                           // 32
      "0",                             // 33
      "31",                            // 34: a category
      "本",                            // 35
      "级支出",                        // 36
      "项目",                          // 37
      "1,043.00 1,043.00 0.00",        // 38
      "0.0",                           // 39
      "0",                             // 40
      "4213032",                       // 41
      "3032T00",                       // 42
      "0000101",                       // 43
      "企业离",                        // 44
      "休干部",                        // 45
      "医疗费",                        // 46
      "保障预",                        // 47
      "备金(老",                       // 48
      "曾都区医",                      // 49
      "疗保障服",                      // 50
      "务中心",                        // 51
      "125.00 125.00 0.00",            // 52
      "0.0",                           // 53
      "0",                             // 54
      "干局)",                         // 55: a name piece after the figures
      "4213032 农村低",                // 56
      "曾都区医",                      // 57
      "疗保障服",                      // 58
      "918.00 918.00 0.00",            // 59
      "0.0",                           // 60
      "0",                             // 61
      "3032T00",                       // 62
      "0000114",                       // 63
      "收入人",                        // 64
      "口资助",                        // 65
      "参保",                          // 66
      "务中心",                        // 67
  };
  ProjectContext ctx;
  ctx.unit_names = {"随州市曾都区医疗保障服务中心", "曾都区医疗保障服务中心"};
  auto projects = ParseProjectTable(Tokenize(lines, 2), Unit::kWanYuan, ctx);
  REQUIRE(projects.size() == 3u);

  CHECK(projects[0].name == "基本工资");
  CHECK(projects[0].code == "42130322032R000000191");
  CHECK(projects[0].category == "1101 基本工资");
  CHECK(projects[0].amount.amount.WanYuan() == "78.85");
  CHECK(projects[0].line == 31);
  CHECK_FALSE(projects[0].function_code.has_value());

  CHECK(projects[1].name == "企业离休干部医疗费保障预备金(老干局)");
  CHECK(projects[1].code == "42130323032T000000101");
  CHECK(projects[1].category == "31 本级支出项目");
  CHECK(projects[1].amount.amount.WanYuan() == "125.00");
  CHECK(projects[1].line == 52);

  CHECK(projects[2].name == "农村低收入人口资助参保");
  CHECK(projects[2].code == "42130323032T000000114");
  CHECK(projects[2].category == "31 本级支出项目");
  CHECK(projects[2].amount.amount.WanYuan() == "918.00");
  CHECK(projects[2].line == 59);
}

// ---------------------------------------------------------------- identity

TEST_CASE("splits the place off a department name") {
  std::string region, level;
  REQUIRE(SplitPlace("重庆市綦江区医疗保障事务中心", region, level));
  CHECK(region == "重庆市綦江区");
  CHECK(level == "district");

  REQUIRE(SplitPlace("南充市医疗保障中心", region, level));
  CHECK(region == "南充市");
  CHECK(level == "city");

  REQUIRE(SplitPlace("苍溪县医疗保障局", region, level));
  CHECK(region == "苍溪县");
  CHECK(level == "county");

  REQUIRE(SplitPlace("随州市曾都区医疗保障服务中心", region, level));
  CHECK(region == "随州市曾都区");
  CHECK(level == "district");

  REQUIRE(SplitPlace("承德市医疗保障局", region, level));
  CHECK(region == "承德市");
  CHECK(level == "city");
}

TEST_CASE("finds no place in a name that does not begin with one") {
  std::string region, level;
  CHECK_FALSE(SplitPlace("医保中心", region, level));
  CHECK_FALSE(SplitPlace("社保科", region, level));
}

TEST_CASE("chooses the most frequent placed name, then its longer form") {
  std::vector<NameMention> mentions = {
      {"曾都区医疗保障服务中心", 23, false},
      {"曾都区医疗保障服务中心", 207, false},
      {"曾都区医疗保障服务中心", 339, false},
      {"医保中心", 400, false},
      {"医保中心", 401, false},
      {"医保中心", 402, false},
      {"医保中心", 403, false},
      {"随州市曾都区医疗保障服务中心", 2296, false},
  };
  auto d = ChooseDepartment(mentions);
  CHECK(d.name == "随州市曾都区医疗保障服务中心");
  CHECK(d.line == 2296);
  CHECK(d.region == "随州市曾都区");
  CHECK(d.level == "district");
}

TEST_CASE("prefers a placed name over a more frequent short name") {
  std::vector<NameMention> mentions = {
      {"医保中心", 439, false},          {"医保中心", 499, false},
      {"医保中心", 595, false},          {"南充市医疗保障中心", 2674, true},
  };
  auto d = ChooseDepartment(mentions);
  CHECK(d.name == "南充市医疗保障中心");
  CHECK(d.line == 2674);
  CHECK(d.region == "南充市");
  CHECK(d.level == "city");
}

TEST_CASE("chooses by count among placed names") {
  std::vector<NameMention> mentions = {
      {"苍溪县财政局", 2, false},
      {"苍溪县医疗保障局", 3, false},
      {"苍溪县医疗保障局", 98, true},
  };
  auto d = ChooseDepartment(mentions);
  CHECK(d.name == "苍溪县医疗保障局");
  CHECK(d.line == 3);
  CHECK(d.level == "county");
}

TEST_CASE("finds the budget year most often stated and its first line") {
  std::vector<std::string> lines = {
      "比2021年预算增加 10.00 万元",                           // 1
      "承德市医疗保障局2022年部门预算信息公开情况说明",         // 2
      "447承德市医疗保障局 预算年度：2022 单位：万元",         // 3
  };
  int line = -1;
  CHECK(FindYear(lines, line) == 2022);
  CHECK(line == 2);
}

TEST_CASE("finds the year in the forms tables print it") {
  int line = -1;
  CHECK(FindYear({"部门整体支出绩效目标申报表（2023年度）"}, line) == 2023);
  CHECK(line == 1);
  CHECK(FindYear({"", "项 目 2022年预算数"}, line) == 2022);
  CHECK(line == 2);
  CHECK(FindYear({"预算年度:2021"}, line) == 2021);
}

TEST_CASE("finds the department named before the year of a title") {
  auto names = [](const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const auto& m : FindNameMentions(lines))
      out.push_back(m.name + "@" + std::to_string(m.line));
    return out;
  };
  CHECK(names({"苍溪县医疗保障局2023年部门预算"}) == std::vector<std::string>{"苍溪县医疗保障局@1"});
  CHECK(names({"", "南充市医疗保障中心 2022 年度 部门预算"}) ==
        std::vector<std::string>{"南充市医疗保障中心@2"});
  // The shortest text before a year the words follow; 20221 is no year.
  CHECK(names({"随州市曾都区医疗保障服务中心20221年 2023年决算"}).empty());
  CHECK(names({"承德市医疗保障局2022年预算说明"}) == std::vector<std::string>{"承德市医疗保障局@1"});
  CHECK(names({"2022年部门预算", "承德市医疗保障局2022年工作"}).empty());
}

TEST_CASE("finds the department named in a part heading, after its 第…部分") {
  auto names = [](const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const auto& m : FindNameMentions(lines))
      out.push_back(m.name + "@" + std::to_string(m.line));
    return out;
  };
  // 随州市曾都区 2023 (content/) l.1; the shortest name before 概况 or a year.
  CHECK(names({"第一部分 曾都区医疗保障服务中心概况"}) ==
        std::vector<std::string>{"曾都区医疗保障服务中心@1"});
  CHECK(names({"", "第十二部分  苍溪县医疗保障局 2023 年工作"}) ==
        std::vector<std::string>{"苍溪县医疗保障局@2"});
  // No numeral, no 部分, or nothing between the heading and 概况: no name.
  CHECK(names({"第部分 苍溪县医疗保障局概况"}).empty());
  CHECK(names({"第一部 苍溪县医疗保障局概况"}).empty());
  CHECK(names({"第一部分 概况"}).empty());
}

TEST_CASE("finds the department in 单位名称 and 部门 fields, each value up to white space") {
  auto names = [](const std::vector<std::string>& lines) {
    std::vector<std::string> out;
    for (const auto& m : FindNameMentions(lines))
      out.push_back(m.name + "@" + std::to_string(m.line));
    return out;
  };
  CHECK(names({"单位名称：苍溪县医疗保障局 金额单位：万元"}) ==
        std::vector<std::string>{"苍溪县医疗保障局@1"});
  CHECK(names({"部门： 承德市医疗保障局", "申报单位\t南充市医疗保障中心"}) ==
        std::vector<std::string>{"承德市医疗保障局@1", "南充市医疗保障中心@2"});
  // Two fields on a line; one with no value names nothing.
  CHECK(names({"部门名称:随州市曾都区医疗保障服务中心 部门/单位：曾都区医疗保障服务中心"}) ==
        std::vector<std::string>{"随州市曾都区医疗保障服务中心@1", "曾都区医疗保障服务中心@1"});
  CHECK(names({"单位名称：", "部门：", "部门 承德市医疗保障局"}).empty());
}

TEST_CASE("finds no year where none is stated") {
  int line = -1;
  CHECK(FindYear({"收入总计 460.74", "2022年3月1日"}, line) == 0);
  CHECK(line == 0);
}

}  // TEST_SUITE

TEST_SUITE("previous year") {

// 重庆 2026 市政府办公厅 (3be48d9f27) 表八 2026年财政拨款“三公”经费支出情况表, p.20, as a tab table:
// the 2025年预算数 block (396.97 = 184.49 + 202.48 + 10.00; 购置费 blank) beside 2026年预算数.
const std::vector<std::string> kChongqingThreePublic = {
    "2025年预算数\t\t\t\t\t\t2026年预算数\t\t\t\t\t",
    "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国（境）费\t"
    "公务用车购置及运行费\t\t\t公务接待费",
    "\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t",
    "396.97\t184.49\t202.48\t\t202.48\t10.00\t394.49\t184.49\t200.00\t\t200.00\t10.00",
};

TEST_CASE("reads the budget year's “三公” block beside the previous year's, not the first one") {
  gongkai::model::ThreePublic three;
  ParseThreePublicTable(Tokenize(kChongqingThreePublic, 2), Unit::kWanYuan, StatedThreePublic(),
                        three);
  CHECK_FIGURE(three.total, "394.49", 4);
  CHECK_FIGURE(three.overseas, "184.49", 4);
  CHECK_FIGURE(three.vehicle_total, "200.00", 4);
  CHECK(!three.vehicle_purchase.has_value());
  CHECK_FIGURE(three.vehicle_operation, "200.00", 4);
  CHECK_FIGURE(three.reception, "10.00", 4);
}

TEST_CASE("reads a “三公” table's 2025年预算数 block as the previous year's, with its header") {
  gongkai::model::PreviousYear p;
  ParsePreviousThreePublic(Tokenize(kChongqingThreePublic, 2), Unit::kWanYuan, p);
  CHECK(p.three_public_header == "2025年预算数");
  CHECK_FIGURE(p.three_public.total, "396.97", 4);
  CHECK_FIGURE(p.three_public.overseas, "184.49", 4);
  CHECK_FIGURE(p.three_public.vehicle_total, "202.48", 4);
  CHECK(!p.three_public.vehicle_purchase.has_value());
  CHECK_FIGURE(p.three_public.vehicle_operation, "202.48", 4);
  CHECK_FIGURE(p.three_public.reception, "10.00", 4);
  CHECK(p.three_public_change.Empty());
}

TEST_CASE("reads no previous year where a header names no year block") {
  // Header cells without 年 and without a year: no block, every column the budget year's.
  std::vector<std::string> lines = {
      "合计\t因公出国（境）费\t公务接待费\t本年数",
      "1.00\t0.40\t0.60\t",
  };
  gongkai::model::PreviousYear p;
  ParsePreviousThreePublic(Tokenize(lines, 2), Unit::kWanYuan, p);
  CHECK(p.three_public_header.empty());
  CHECK(p.three_public.Empty());
}

TEST_CASE("reads no previous year from a “三公” table that prints one year") {
  // 綦江 2022 (content/), lines 172-175: one block, 2022年预算数.
  std::vector<std::string> lines = {
      "2022年预算数\t\t\t\t\t",
      "合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费",
      "\t\t小计\t公务用车购置费\t公务用车运行费\t",
      "1.00\t\t\t\t\t1.00",
  };
  gongkai::model::PreviousYear p;
  ParsePreviousThreePublic(Tokenize(lines, 2), Unit::kWanYuan, p);
  CHECK(p.three_public_header.empty());
  CHECK(p.three_public.Empty());
}

// 西安 2022 住建局 (1bb348cfd1) 表13's 合计 row in 元 (its 三公 columns: 小计 | 因公出国 |
// 公务接待费 | 车 小计 | 购置 | 运行), the blocks 上年 | 当年 | 增减变化情况 as the 2025 template names them.
const std::vector<std::string> kXianThreePublic = {
    "上年\t\t\t\t\t\t当年\t\t\t\t\t\t增减变化情况\t\t\t\t\t",
    "合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行费\t\t\t"
    "合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行费\t\t\t"
    "合计\t因公出国（境）费\t公务接待费\t公务用车购置及运行费\t\t",
    "\t\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t"
    "\t\t\t小计\t公务用车购置费\t公务用车运行费",
    "57940.00\t0.00\t57940.00\t0.00\t0.00\t0.00\t807650.00\t0.00\t57650.00\t750000.00\t0.00\t"
    "750000.00\t749710.00\t0.00\t-290.00\t750000.00\t0.00\t750000.00",
};

TEST_CASE("reads the 上年, 当年 and 增减变化情况 blocks of a “三公” table each as its own") {
  gongkai::model::ThreePublic three;
  ParseThreePublicTable(Tokenize(kXianThreePublic, 2), Unit::kYuan, StatedThreePublic(), three);
  CHECK_FIGURE(three.total, "80.765", 4);
  CHECK_FIGURE(three.reception, "5.765", 4);
  CHECK_FIGURE(three.vehicle_operation, "75.00", 4);
  gongkai::model::PreviousYear p;
  ParsePreviousThreePublic(Tokenize(kXianThreePublic, 2), Unit::kYuan, p);
  CHECK(p.three_public_header == "上年");
  CHECK_FIGURE(p.three_public.total, "5.794", 4);
  CHECK_FIGURE(p.three_public.reception, "5.794", 4);
  CHECK_FIGURE(p.three_public.vehicle_total, "0.00", 4);
  CHECK_FIGURE(p.three_public_change.total, "74.971", 4);
  CHECK_FIGURE(p.three_public_change.reception, "-0.029", 4);
  CHECK_FIGURE(p.three_public_change.vehicle_operation, "75.00", 4);
}

TEST_CASE("tells a header naming the previous year's figures from money carried over from it") {
  CHECK(NamesPreviousYear("上年", 2026));                // 西安 2025 表13
  CHECK(NamesPreviousYear("上年预算数", 2026));
  CHECK(NamesPreviousYear("上年执行数", 0));             // 杭州
  CHECK(NamesPreviousYear("2025年预算数", 2026));        // 重庆 2026
  CHECK(NamesPreviousYear("2021年", 2022));              // 西安 2022 表13
  CHECK_FALSE(NamesPreviousYear("2026年预算数", 2026));
  CHECK_FALSE(NamesPreviousYear("2025年预算数", 0));     // no year to count back from
  CHECK_FALSE(NamesPreviousYear("上年结转", 2026));
  CHECK_FALSE(NamesPreviousYear("上年实户资金余额", 2021));  // 西安 2021 688bbf25c9 支出总表
  CHECK_FALSE(NamesPreviousYear("比上年增减", 2026));
}

TEST_CASE("keeps a previous-year “三公” block only where its 合计 is the sum of its parts") {
  gongkai::model::Disclosure d;
  ParsePreviousThreePublic(Tokenize(kChongqingThreePublic, 2), Unit::kWanYuan, d.previous_year);
  CheckPreviousYearReading(d);
  CHECK_FIGURE(d.previous_year.three_public.total, "396.97", 4);
  CHECK(d.diagnostics.empty());

  // 396.97 read as 369.97: 184.49 + 202.48 + 10.00 = 396.97 ≠ 369.97, so the block is dropped.
  std::vector<std::string> misread = kChongqingThreePublic;
  misread[3].replace(0, 6, "369.97");
  gongkai::model::Disclosure e;
  ParsePreviousThreePublic(Tokenize(misread, 2), Unit::kWanYuan, e.previous_year);
  CheckPreviousYearReading(e);
  CHECK(e.previous_year.three_public.Empty());
  REQUIRE(e.diagnostics.size() == 1);
  CHECK(e.diagnostics[0].rule == "previous-year-unread");
  CHECK(e.diagnostics[0].line == 4);
  CHECK(e.diagnostics[0].severity == gongkai::model::Diagnostic::Severity::kNotice);
}

TEST_CASE("keeps a previous-year column by 功能分类 only where 合计 = Σ类 and 类 = Σ款 hold") {
  // The 205 branch of 重庆 3be48d9f27's 一般公共预算支出情况表, 2025年预算数 column (p.14): 205
  // 15.16 = 20508 15.16 = 2050803 15.16; its 15.16 stands for the table's 合计 here.
  using gongkai::model::FunctionalRow;
  auto row = [](const char* code, int level, const char* wan, int line) {
    FunctionalRow r;
    r.code = code;
    r.level = level;
    r.total = gongkai::model::Figure{*gongkai::model::Money::Parse(wan), line};
    r.line = line;
    return r;
  };
  gongkai::model::Disclosure d;
  auto& p = d.previous_year;
  p.functional_table = "general_expenditure";
  p.functional_header = "2025年预算数";
  p.functional_total = gongkai::model::Figure{*gongkai::model::Money::Parse("15.16"), 10};
  p.functional = {row("205", 1, "15.16", 11), row("20508", 2, "15.16", 12),
                  row("2050803", 3, "15.16", 13)};
  CheckPreviousYearReading(d);
  CHECK(p.functional.size() == 3);
  CHECK(d.diagnostics.empty());
  p.functional[1].total->amount = *gongkai::model::Money::Parse("15.61");
  CheckPreviousYearReading(d);
  CHECK(p.functional.empty());
  CHECK(!p.functional_total.has_value());
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].message.find("2025年预算数") != std::string::npos);
}

}  // TEST_SUITE

