// Unit tests for the consistency rules (checks/rules/): each rule fires on a disclosure that
// disagrees with itself, stays quiet on one that agrees, and reports at most a notice where
// the difference is within rounding. Small disclosures are built by hand; the narrative rules
// are also run end to end on short documents.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/rounding.h"
#include "checks/three_public.h"
#include "ingest/document.h"
#include "model/disclosure.h"
#include "parse/parser.h"

#include "figures.h"

namespace checks = gongkai::checks;
namespace model = gongkai::model;
using model::Claim;
using model::Disclosure;
using model::Figure;
using model::Finding;
using model::Money;
using Severity = model::Diagnostic::Severity;
using gongkai::test::F;
using gongkai::test::M;

namespace {

// Runs the one rule `id` on `d` and returns what it found.
std::vector<Finding> Run(Disclosure& d, const std::string& id) {
  const checks::Rule* rule = checks::FindRule(id);
  REQUIRE(rule != nullptr);
  d.findings.clear();
  checks::Context ctx(d, rule->info);
  rule->run(ctx);
  return d.findings;
}

// The findings of rule `id` after all rules ran.
std::vector<Finding> Of(const Disclosure& d, const std::string& id) {
  std::vector<Finding> out;
  for (const auto& f : d.findings)
    if (f.rule == id) out.push_back(f);
  return out;
}

bool Has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

bool OnlyNotices(const std::vector<Finding>& findings) {
  for (const auto& f : findings)
    if (f.severity != Severity::kNotice) return false;
  return true;
}

const Finding* WithMessage(const std::vector<Finding>& findings, const std::string& part) {
  for (const auto& f : findings)
    if (Has(f.message, part)) return &f;
  return nullptr;
}

using Lines = std::vector<int>;

// The 部门收支总表 of Nanchong 2022 (a summary table with both sides on one line):
//   line 3  一般公共预算拨款收入 431.1       line 5  社会保障和就业支出 290.88
//   line 6  卫生健康支出 147.39              line 7  住房保障支出 22.47
//   line 8  本年收入合计 431.1 本年支出合计 460.74
//   line 10 上年结转 29.64
//   line 12 收入总计 460.74 支出总计 460.74
model::Summary NanchongSummary(const char* table = "summary") {
  model::Summary s;
  s.table = table;
  s.income_items.push_back({"一般公共预算拨款收入", F("431.1", 3)});
  s.expenditure_classes.push_back({"208", "社会保障和就业支出", F("290.88", 5)});
  s.expenditure_classes.push_back({"210", "卫生健康支出", F("147.39", 6)});
  s.expenditure_classes.push_back({"221", "住房保障支出", F("22.47", 7)});
  s.current_income = F("431.1", 8);
  s.current_expenditure = F("460.74", 8);
  s.carryover_in = F("29.64", 10);
  s.income_total = F("460.74", 12);
  s.expenditure_total = F("460.74", 12);
  return s;
}

model::FunctionalRow FRow(const char* code, const char* name, const char* total,
                          const char* basic, const char* project, int line) {
  model::FunctionalRow r;
  r.code = code;
  r.name = name;
  size_t n = std::strlen(code);
  r.level = n == 3 ? 1 : n == 5 ? 2 : 3;
  if (total) r.total = F(total, line);
  if (basic) r.basic = F(basic, line);
  if (project) r.project = F(project, line);
  r.line = line;
  return r;
}

model::EconomicRow ERow(const char* code, const char* name, const char* total,
                        const char* personnel, const char* pub, int line) {
  model::EconomicRow r;
  r.code = code;
  r.name = name;
  if (total) r.total = F(total, line);
  if (personnel) r.personnel = F(personnel, line);
  if (pub) r.public_ = F(pub, line);
  r.line = line;
  return r;
}

// The 部门支出总表 of Nanchong 2022: 合计 460.74 = 335.10 基本 + 125.64 项目 (line 10), and
//   208 290.88 (12) > 2080101 (14); 210 147.39 = 21.75 + 125.64 (16) > 2101599 (18);
//   221 22.47 (20) > 2210201 (22).
void SetNanchongExpenditure(Disclosure& d) {
  d.expenditure.total = F("460.74", 10);
  d.expenditure.basic = F("335.10", 10);
  d.expenditure.project = F("125.64", 10);
  d.functional = {
      FRow("208", "社会保障和就业支出", "290.88", "290.88", "0.00", 12),
      FRow("2080101", "行政运行", "290.88", "290.88", "0.00", 14),
      FRow("210", "卫生健康支出", "147.39", "21.75", "125.64", 16),
      FRow("2101599", "其他医疗保障管理事务支出", "147.39", "21.75", "125.64", 18),
      FRow("221", "住房保障支出", "22.47", "22.47", "0.00", 20),
      FRow("2210201", "住房公积金", "22.47", "22.47", "0.00", 22),
  };
}

Claim AmountClaim(const char* subject, const char* value, int line, int sentence = 0) {
  Claim c;
  c.kind = Claim::Kind::kAmount;
  c.subject = subject;
  c.value_text = value;
  c.amount = M(value);
  c.line = line;
  c.sentence = sentence;
  return c;
}

Claim ChangeClaim(const char* subject, const char* value, int direction, int line,
                  int sentence = 0) {
  Claim c;
  c.kind = Claim::Kind::kChange;
  c.subject = subject;
  c.value_text = value;
  c.amount = M(value);
  c.direction = direction;
  c.line = line;
  c.sentence = sentence;
  return c;
}

Claim PercentClaim(Claim::Kind kind, int64_t scaled, int decimals, const char* text, int ref,
                   int line, int sentence = 0) {
  Claim c;
  c.kind = kind;
  c.percent_scaled = scaled;
  c.percent_decimals = decimals;
  c.value_text = text;
  c.ref = ref;
  c.line = line;
  c.sentence = sentence;
  return c;
}

// Loads, parses and checks a document held in memory.
Disclosure CheckText(const std::string& text) {
  gongkai::ingest::Document doc;
  std::vector<model::Diagnostic> diags;
  REQUIRE(gongkai::ingest::LoadDocument("test.txt", text, doc, diags));
  REQUIRE(diags.empty());
  Disclosure d = gongkai::parse::ParseDocument(doc);
  checks::RunChecks(d);
  return d;
}

// A Nanchong document: the narrative on line 3, the 部门收支总表 of NanchongSummary from line 4
// (its figures: 431.1 on line 8, 290.88 on 9, 147.39 on 10, 22.47 on 11, 本年 on 12, 上年结转
// on 13, 总计 460.74 on 14).
std::string NanchongDoc(const std::string& narrative) {
  return "南充市医疗保障中心2022年部门预算\n"        // 1
         "一、收支预算情况\n" +                       // 2
         narrative + "\n" +                           // 3
         "部门收支总表\n"                             // 4
         "单位：万元\n"                               // 5
         "收    入 支    出\n"                        // 6
         "项    目 2022年预算数 项    目 2022年预算数\n"  // 7
         "一、一般公共预算拨款收入 431.1 一、一般公共服务支出\n"  // 8
         "八、社会保障和就业支出 290.88\n"            // 9
         "十、卫生健康支出 147.39\n"                  // 10
         "二十、住房保障支出 22.47\n"                 // 11
         "本年收入合计 431.1 本年支出合计 460.74\n"   // 12
         "八、上年结转 29.64\n"                       // 13
         "收入总计 460.74 支出总计 460.74\n";         // 14
}

// A Chengde document: the narrative on line 3, the 基本支出表 from line 4 with 合计 1548.34 =
// 人员经费 1475.09 + 公用经费 73.25 on line 7.
std::string ChengdeBasicDoc(const std::string& narrative) {
  return "承德市医疗保障局2022年部门预算\n"                    // 1
         "三、机关运行经费安排情况\n" +                         // 2
         narrative + "\n" +                                     // 3
         "部门预算一般公共预算财政拨款基本支出表\n"             // 4
         "单位：万元\n"                                         // 5
         "科目编码 科目名称 合计 人员经费 公用经费\n"           // 6
         "合计 1548.34 1475.09 73.25\n"                         // 7
         "301 工资福利支出 1475.09 1475.09\n"                   // 8
         "302 商品和服务支出 73.25 73.25\n";                    // 9
}

// A Chengde document: narrative on lines 3-5, a 部门收支总表 of 1927.16 and a 部门支出总表 whose
// 合计 (line 16) is 1927.16 = 基本支出 1548.34 + 项目支出 378.82.
std::string ChengdeDoc(const std::string& line3, const std::string& line4,
                       const std::string& line5) {
  return "承德市医疗保障局2022年部门预算\n"                                  // 1
         "3、比上年增减情况\n" +                                              // 2
         line3 + "\n" + line4 + "\n" + line5 + "\n" +                         // 3-5
         "部门收支总表\n"                                                     // 6
         "单位：万元\n"                                                       // 7
         "收    入 支    出\n"                                                // 8
         "项    目 2022年预算数 项    目 2022年预算数\n"                      // 9
         "一、一般公共预算拨款收入 1927.16 一、社会保障和就业支出 1927.16\n"  // 10
         "本年收入合计 1927.16 本年支出合计 1927.16\n"                        // 11
         "收入总计 1927.16 支出总计 1927.16\n"                                // 12
         "部门支出总表\n"                                                     // 13
         "单位：万元\n"                                                       // 14
         "科目编码 科目名称 合计 基本支出 项目支出\n"                         // 15
         "合计 1927.16 1548.34 378.82\n"                                      // 16
         "208 社会保障和就业支出 1927.16 1548.34 378.82\n";                   // 17
}

}  // namespace

TEST_SUITE("checks") {

// ================================================================ the catalogue

TEST_CASE("lists the 25 rules in the order they run") {
  std::vector<std::string> ids;
  for (const auto& r : checks::AllRules()) ids.push_back(r.info.id);
  CHECK(ids == std::vector<std::string>{
                   "summary-balance", "fiscal-summary-balance", "income-items-sum",
                   "classes-sum", "functional-hierarchy", "functional-row-split", "basic-split",
                   "economic-hierarchy", "three-public-sum", "projects-sum", "cross-table",
                   "functional-economic-pairs", "narrative-amount", "narrative-share",
                   "narrative-change", "narrative-change-parts", "narrative-change-repeated",
                   "department-identity", "unit-label", "tables-complete",
                   "explanations-complete", "empty-table-note", "prior-year-figure",
                   "prior-year-change", "table-change-column"});
  CHECK(checks::FindRule("no-such-rule") == nullptr);
}

// ================================================================ summary-balance

TEST_CASE("summary-balance is silent when the 部门收支总表 balances") {
  Disclosure d;
  d.summary = NanchongSummary();
  CHECK(Run(d, "summary-balance").empty());
}

TEST_CASE("summary-balance reports a 收入总计 that is not 本年收入合计 plus 上年结转") {
  Disclosure d;
  d.summary = NanchongSummary();
  d.summary.carryover_in = F("29.54", 10);  // 431.10 + 29.54 = 460.64, not 460.74
  auto f = Run(d, "summary-balance");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "summary-balance");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "部门收支总表的收入总计应等于本年收入合计加上年结转：应为 460.64 万元，实为 460.74 "
        "万元，相差 0.10 万元（超出尾数误差 0.015 万元）");
  CHECK(f[0].lines == Lines{12, 8, 10});
}

TEST_CASE("summary-balance reports a 支出总计 that differs from 收入总计") {
  Disclosure d;
  d.summary = NanchongSummary();
  d.summary.expenditure_total = F("460.84", 12);
  auto f = Run(d, "summary-balance");
  // 460.84 is neither 收入总计 460.74 nor 本年支出合计 460.74 plus nothing carried over.
  REQUIRE(f.size() == 2);
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "部门收支总表的支出总计应等于收入总计：应为 460.74 万元，实为 460.84 万元，相差 0.10 "
        "万元（超出尾数误差 0.01 万元）");
  CHECK(f[0].lines == Lines{12});
  CHECK(f[1].severity == Severity::kError);
  CHECK(Has(f[1].message, "支出总计应等于本年支出合计加结转下年：应为 460.74 万元，实为 460.84 万元"));
}

TEST_CASE("summary-balance counts 用事业基金弥补收支差额 towards 收入总计") {
  Disclosure d;
  d.summary = NanchongSummary();
  d.summary.current_income = F("425.1", 8);
  d.summary.income_items.push_back({"用事业基金弥补收支差额", F("6.00", 9)});
  // 425.10 + 29.64 + 6.00 = 460.74.
  CHECK(Run(d, "summary-balance").empty());
  d.summary.income_items.pop_back();
  auto f = Run(d, "summary-balance");
  REQUIRE(f.size() == 1);
  CHECK(Has(f[0].message, "应为 454.74 万元，实为 460.74 万元，相差 6.00 万元"));
}

TEST_CASE("summary-balance gives only notices for 0.01 differences within rounding") {
  Disclosure d;
  d.summary = NanchongSummary();
  d.summary.carryover_in = F("29.63", 10);  // 431.10 + 29.63 = 460.73: 0.01 over 3 figures
  auto f = Run(d, "summary-balance");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
  CHECK(f[0].message ==
        "部门收支总表的收入总计应等于本年收入合计加上年结转：应为 460.73 万元，实为 460.74 "
        "万元，相差 0.01 万元（在尾数误差 0.015 万元 以内）");

  // 支出总计 0.01 above both 收入总计 and 本年支出合计: 0.01 over 2 figures, the boundary.
  d.summary = NanchongSummary();
  d.summary.expenditure_total = F("460.75", 12);
  f = Run(d, "summary-balance");
  CHECK(f.size() == 2);
  CHECK(OnlyNotices(f));
}

TEST_CASE("summary-balance leaves a 财政拨款收支总表 standing in for the summary to its own rule") {
  Disclosure d;
  d.summary = NanchongSummary("fiscal_summary");
  d.summary.expenditure_total = F("460.84", 12);
  CHECK(Run(d, "summary-balance").empty());
}

// ================================================================ fiscal-summary-balance

TEST_CASE("fiscal-summary-balance is silent when the 财政拨款收支总表 balances") {
  Disclosure d;
  d.fiscal_summary = NanchongSummary("fiscal_summary");
  CHECK(Run(d, "fiscal-summary-balance").empty());
}

TEST_CASE("fiscal-summary-balance reports a 财政拨款收支总表 whose totals differ") {
  Disclosure d;
  d.fiscal_summary = NanchongSummary("fiscal_summary");
  d.fiscal_summary.expenditure_total = F("460.84", 12);
  auto f = Run(d, "fiscal-summary-balance");
  REQUIRE(f.size() == 2);
  CHECK(f[0].rule == "fiscal-summary-balance");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "财政拨款收支总表的支出总计应等于收入总计：应为 460.74 万元，实为 460.84 万元，相差 "
        "0.10 万元（超出尾数误差 0.01 万元）");
}

TEST_CASE("fiscal-summary-balance gives only a notice for 0.01 within rounding") {
  Disclosure d;
  d.fiscal_summary = NanchongSummary("fiscal_summary");
  d.fiscal_summary.carryover_in = F("29.63", 10);
  auto f = Run(d, "fiscal-summary-balance");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
  CHECK(Has(f[0].message, "应为 460.73 万元，实为 460.74 万元，相差 0.01 万元"));
}

TEST_CASE("fiscal-summary-balance is silent when the document has no 财政拨款收支总表") {
  Disclosure d;
  d.fiscal_summary = NanchongSummary("");
  d.fiscal_summary.expenditure_total = F("999.99", 12);
  CHECK(Run(d, "fiscal-summary-balance").empty());
}

// ================================================================ income-items-sum

namespace {
model::Summary TwoItemSummary(const char* second) {
  model::Summary s;
  s.table = "summary";
  s.current_income = F("431.1", 8);
  s.income_items.push_back({"一般公共预算拨款收入", F("400.00", 3)});
  s.income_items.push_back({"事业收入", F(second, 4)});
  return s;
}
}  // namespace

TEST_CASE("income-items-sum is silent when the items add up to 本年收入合计") {
  Disclosure d;
  d.summary = TwoItemSummary("31.1");  // 400.00 + 31.10 = 431.10
  CHECK(Run(d, "income-items-sum").empty());
}

TEST_CASE("income-items-sum reports items that do not add up to 本年收入合计") {
  Disclosure d;
  d.summary = TwoItemSummary("31.00");  // 400.00 + 31.00 = 431.00
  auto f = Run(d, "income-items-sum");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "income-items-sum");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "部门收支总表的各项收入之和应等于本年收入合计：应为 431.00 万元，实为 431.10 万元，"
        "相差 0.10 万元（超出尾数误差 0.015 万元）");
  CHECK(f[0].lines == Lines{8, 3, 4});
}

TEST_CASE("income-items-sum gives only a notice for 0.01 within rounding") {
  Disclosure d;
  d.summary = TwoItemSummary("31.09");  // 431.09
  auto f = Run(d, "income-items-sum");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
  CHECK(Has(f[0].message, "应为 431.09 万元，实为 431.10 万元，相差 0.01 万元（在尾数误差 0.015 万元 以内）"));
}

TEST_CASE("income-items-sum leaves 用事业基金弥补收支差额 out of 本年收入合计") {
  Disclosure d;
  d.summary = TwoItemSummary("31.1");
  d.summary.income_items.push_back({"用事业基金弥补收支差额", F("5.00", 9)});
  CHECK(Run(d, "income-items-sum").empty());
}

TEST_CASE("income-items-sum checks the 财政拨款收支总表 as well as the 部门收支总表") {
  Disclosure d;
  d.summary = TwoItemSummary("31.1");
  d.fiscal_summary = TwoItemSummary("31.00");
  d.fiscal_summary.table = "fiscal_summary";
  auto f = Run(d, "income-items-sum");
  REQUIRE(f.size() == 1);
  CHECK(Has(f[0].message, "财政拨款收支总表的各项收入之和应等于本年收入合计：应为 431.00 万元"));
}

// ================================================================ classes-sum

TEST_CASE("classes-sum is silent when the classes add up to 本年支出合计") {
  Disclosure d;
  d.summary = NanchongSummary();  // 290.88 + 147.39 + 22.47 = 460.74
  CHECK(Run(d, "classes-sum").empty());
}

TEST_CASE("classes-sum reports classes that do not add up to 本年支出合计") {
  Disclosure d;
  d.summary = NanchongSummary();
  d.summary.expenditure_classes[2].amount = F("22.57", 7);  // sum 460.84
  auto f = Run(d, "classes-sum");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "classes-sum");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "部门收支总表按功能分类的各类支出之和应等于本年支出合计：应为 460.84 万元，实为 460.74 "
        "万元，相差 0.10 万元（超出尾数误差 0.02 万元）");
  CHECK(f[0].lines == Lines{8, 5, 6, 7});
}

TEST_CASE("classes-sum takes 0.02 over a total and three classes as rounding") {
  Disclosure d;
  d.summary = NanchongSummary();
  // 4 figures: 4 × 0.005 = 0.02 万元 may be rounding.
  d.summary.expenditure_classes[2].amount = F("22.49", 7);  // sum 460.76
  auto f = Run(d, "classes-sum");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
  CHECK(Has(f[0].message, "相差 0.02 万元（在尾数误差 0.02 万元 以内）"));
  // A 0.01 difference: a notice too.
  d.summary.expenditure_classes[2].amount = F("22.48", 7);
  f = Run(d, "classes-sum");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
}

// ================================================================ functional-hierarchy

TEST_CASE("functional-hierarchy is silent when 类, 款, 项 and 合计 add up in every column") {
  Disclosure d;
  SetNanchongExpenditure(d);
  CHECK(Run(d, "functional-hierarchy").empty());
}

TEST_CASE("functional-hierarchy reports a 类 that is not the sum of its items") {
  Disclosure d;
  SetNanchongExpenditure(d);
  d.functional[3].total = F("147.29", 18);  // 2101599 under 210 (147.39)
  auto f = Run(d, "functional-hierarchy");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "functional-hierarchy");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "210 卫生健康支出的合计应等于其下各行之和：应为 147.29 万元，实为 147.39 万元，相差 0.10 "
        "万元（超出尾数误差 0.01 万元）");
  CHECK(f[0].lines == Lines{16, 18});
}

TEST_CASE("functional-hierarchy reports the 合计 row against the sum of the classes") {
  Disclosure d;
  SetNanchongExpenditure(d);
  d.expenditure.project = F("125.74", 10);  // classes: 0.00 + 125.64 + 0.00
  auto f = Run(d, "functional-hierarchy");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "合计行的项目支出应等于其下各行之和：应为 125.64 万元，实为 125.74 万元，相差 0.10 万元"
        "（超出尾数误差 0.02 万元）");
}

TEST_CASE("functional-hierarchy reports a blank class cell over printed items") {
  Disclosure d;
  SetNanchongExpenditure(d);
  d.functional[4].basic.reset();  // 221's 基本支出 blank; 2210201 prints 22.47
  auto f = Run(d, "functional-hierarchy");
  const Finding* blank = WithMessage(f, "221 住房保障支出的基本支出为空，但其下各行之和为 22.47 万元");
  REQUIRE(blank != nullptr);
  CHECK(blank->severity == Severity::kError);
  CHECK(blank->lines == Lines{22});
}

TEST_CASE("functional-hierarchy gives only a notice for 0.01 within rounding") {
  Disclosure d;
  SetNanchongExpenditure(d);
  d.functional[3].total = F("147.40", 18);
  auto f = Run(d, "functional-hierarchy");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
  CHECK(Has(f[0].message, "应为 147.40 万元，实为 147.39 万元，相差 0.01 万元"));
}

// ================================================================ functional-row-split

TEST_CASE("functional-row-split is silent when every row's 基本 plus 项目 is its 合计") {
  Disclosure d;
  SetNanchongExpenditure(d);
  CHECK(Run(d, "functional-row-split").empty());
}

TEST_CASE("functional-row-split reports a row whose 基本 plus 项目 is not its 合计") {
  Disclosure d;
  SetNanchongExpenditure(d);
  d.functional[2].basic = F("21.85", 16);  // 21.85 + 125.64 = 147.49
  auto f = Run(d, "functional-row-split");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "functional-row-split");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "210 卫生健康支出的合计应等于基本支出加项目支出：应为 147.49 万元，实为 147.39 万元，相差 "
        "0.10 万元（超出尾数误差 0.015 万元）");
  CHECK(f[0].lines == Lines{16});
}

TEST_CASE("functional-row-split reports the table's 合计 against its 基本 plus 项目") {
  Disclosure d;
  SetNanchongExpenditure(d);
  d.expenditure.project = F("125.74", 10);  // 335.10 + 125.74 = 460.84
  auto f = Run(d, "functional-row-split");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "支出合计应等于基本支出加项目支出：应为 460.84 万元，实为 460.74 万元，相差 0.10 万元"
        "（超出尾数误差 0.015 万元）");
  CHECK(f[0].lines == Lines{10});
}

TEST_CASE("functional-row-split counts 事业单位经营支出 among the parts of the split by use") {
  // 西安 2022 收支总表 (自然资源和规划局): 1、人员经费和公用经费支出 16679.74 + 2、专项业务经费
  // 支出 350520.69 + 4、事业单位经营支出 4800.76 = 本年支出合计 372001.19 (万元).
  Disclosure d;
  d.expenditure.total = F("372001.19", 31);
  d.expenditure.basic = F("16679.74", 2);
  d.expenditure.project = F("350520.69", 7);
  d.expenditure.to_superior = F("0.00", 18);
  d.expenditure.operating = F("4800.76", 19);
  d.expenditure.to_subsidiaries = F("0.00", 20);
  CHECK(Run(d, "functional-row-split").empty());
  d.expenditure.operating = F("4800.67", 19);
  auto f = Run(d, "functional-row-split");
  REQUIRE(f.size() == 1);
  CHECK(Has(f[0].message, "支出合计应等于基本支出、项目支出、上缴上级支出、事业单位经营支出与对附属单位补助支出之和"));
}

TEST_CASE("functional-row-split gives only a notice for 0.01 within rounding") {
  Disclosure d;
  SetNanchongExpenditure(d);
  d.functional[2].basic = F("21.76", 16);  // 147.40
  auto f = Run(d, "functional-row-split");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
}

// ================================================================ basic-split

namespace {
// Chengde's 基本支出表: 1548.34 = 人员经费 1475.09 + 公用经费 73.25 (line 7); 301 (line 8) all
// 人员经费, 302 (line 13) all 公用经费.
void SetChengdeBasic(Disclosure& d) {
  d.expenditure.basic = F("1548.34", 7);
  d.expenditure.personnel = F("1475.09", 7);
  d.expenditure.public_ = F("73.25", 7);
  d.economic = {ERow("301", "工资福利支出", "1475.09", "1475.09", nullptr, 8),
                ERow("302", "商品和服务支出", "73.25", nullptr, "73.25", 13)};
}
}  // namespace

TEST_CASE("basic-split is silent when 人员经费 plus 公用经费 is 基本支出") {
  Disclosure d;
  SetChengdeBasic(d);
  CHECK(Run(d, "basic-split").empty());
}

TEST_CASE("basic-split reports 人员经费 plus 公用经费 that is not 基本支出") {
  Disclosure d;
  SetChengdeBasic(d);
  d.expenditure.public_ = F("73.15", 7);  // 1475.09 + 73.15 = 1548.24
  auto f = Run(d, "basic-split");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "basic-split");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "人员经费加公用经费应等于基本支出：应为 1548.24 万元，实为 1548.34 万元，相差 0.10 万元"
        "（超出尾数误差 0.015 万元）");
  CHECK(f[0].lines == Lines{7});
}

TEST_CASE("basic-split reports an economic row whose 合计 is not its 人员 plus 公用经费") {
  Disclosure d;
  SetChengdeBasic(d);
  d.economic[0].personnel = F("1475.19", 8);
  auto f = Run(d, "basic-split");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "301 工资福利支出的合计应等于人员经费加公用经费：应为 1475.19 万元，实为 1475.09 万元，"
        "相差 0.10 万元（超出尾数误差 0.01 万元）");
  CHECK(f[0].lines == Lines{8});
}

TEST_CASE("basic-split gives only a notice for 0.01 within rounding") {
  Disclosure d;
  SetChengdeBasic(d);
  d.expenditure.public_ = F("73.24", 7);
  auto f = Run(d, "basic-split");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
}

// ================================================================ economic-hierarchy

namespace {
// 301 100.00 = 30101 60.00 + 30102 40.00; 302 20.00 = 30201 20.00; 人员经费 100.00, 公用经费 20.00.
void SetEconomic(Disclosure& d, const char* jintie) {
  d.expenditure.personnel = F("100.00", 7);
  d.expenditure.public_ = F("20.00", 7);
  d.economic = {ERow("301", "工资福利支出", "100.00", "100.00", nullptr, 8),
                ERow("30101", "基本工资", "60.00", "60.00", nullptr, 9),
                ERow("30102", "津贴补贴", jintie, jintie, nullptr, 10),
                ERow("302", "商品和服务支出", "20.00", nullptr, "20.00", 11),
                ERow("30201", "办公费", "20.00", nullptr, "20.00", 12)};
}
}  // namespace

TEST_CASE("economic-hierarchy is silent when every 类 is the sum of its 款") {
  Disclosure d;
  SetEconomic(d, "40.00");
  CHECK(Run(d, "economic-hierarchy").empty());
}

TEST_CASE("economic-hierarchy reports a 类 that is not the sum of its 款") {
  Disclosure d;
  SetEconomic(d, "40.10");  // 60.00 + 40.10 = 100.10
  auto f = Run(d, "economic-hierarchy");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "economic-hierarchy");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "301 工资福利支出应等于其下各款之和：应为 100.10 万元，实为 100.00 万元，相差 0.10 万元"
        "（超出尾数误差 0.015 万元）");
  CHECK(f[0].lines == Lines{8, 9, 10});
}

TEST_CASE("economic-hierarchy reports 人员经费 that is not the sum of the 类") {
  Disclosure d;
  SetEconomic(d, "40.00");
  d.expenditure.personnel = F("100.50", 7);
  auto f = Run(d, "economic-hierarchy");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "人员经费应等于各类经济科目的人员经费之和：应为 100.00 万元，实为 100.50 万元，相差 0.50 "
        "万元（超出尾数误差 0.01 万元）");
}

TEST_CASE("economic-hierarchy gives only a notice for 0.01 within rounding") {
  Disclosure d;
  SetEconomic(d, "40.01");
  auto f = Run(d, "economic-hierarchy");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
}

TEST_CASE("economic-hierarchy does not sum 人员经费 over a table without 类 rows") {
  Disclosure d;
  d.expenditure.personnel = F("999.00", 7);
  d.economic = {ERow("30101", "基本工资", "60.00", "60.00", nullptr, 9),
                ERow("30102", "津贴补贴", "40.00", "40.00", nullptr, 10)};
  CHECK(Run(d, "economic-hierarchy").empty());
}

// ================================================================ three-public-sum

namespace {
// “三公” 5.34 (line 5) = 出国 1.00 (6) + 公务用车 4.00 (7: 购置 1.50 (8) + 运行 2.50 (9)) + 接待 0.34 (10).
void SetThreePublic(Disclosure& d) {
  auto& t = d.three_public;
  t.total = F("5.34", 5);
  t.overseas = F("1.00", 6);
  t.vehicle_total = F("4.00", 7);
  t.vehicle_purchase = F("1.50", 8);
  t.vehicle_operation = F("2.50", 9);
  t.reception = F("0.34", 10);
}

// The line of each figure, 0 for a blank one.
Lines LinesOfMaybe(const std::vector<model::MaybeFigure>& figures) {
  Lines lines;
  for (const auto& f : figures) lines.push_back(f ? f->line : 0);
  return lines;
}
}  // namespace

TEST_CASE("the “三公” sums of a block are 合计 = 出国 + 车 + 接待 and 车 = 购置 + 运行") {
  Disclosure d;
  SetThreePublic(d);
  auto sums = checks::ThreePublicSums(d.three_public);
  REQUIRE(sums.size() == 2);
  CHECK(sums[0].whole == &model::ThreePublic::total);
  CHECK(LinesOfMaybe(sums[0].parts) == Lines{6, 7, 10});
  CHECK(sums[1].whole == &model::ThreePublic::vehicle_total);
  CHECK(LinesOfMaybe(sums[1].parts) == Lines{8, 9});
  // No vehicle subtotal printed: the 合计 takes 购置费 and 运行费 in its place.
  d.three_public.vehicle_total.reset();
  sums = checks::ThreePublicSums(d.three_public);
  CHECK(LinesOfMaybe(sums[0].parts) == Lines{6, 8, 9, 10});
}

TEST_CASE("three-public-sum is silent when the “三公” parts add up") {
  Disclosure d;
  SetThreePublic(d);
  CHECK(Run(d, "three-public-sum").empty());
}

TEST_CASE("three-public-sum reports a “三公” total that is not the sum of its three parts") {
  Disclosure d;
  SetThreePublic(d);
  d.three_public.reception = F("0.44", 10);  // 1.00 + 4.00 + 0.44 = 5.44
  auto f = Run(d, "three-public-sum");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "three-public-sum");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "“三公”经费合计应等于因公出国（境）费、公务用车购置及运行费、公务接待费之和：应为 5.44 "
        "万元，实为 5.34 万元，相差 0.10 万元（超出尾数误差 0.02 万元）");
  CHECK(f[0].lines == Lines{5, 6, 7, 10});
}

TEST_CASE("three-public-sum reports 公务用车购置及运行费 that is not 购置费 plus 运行费") {
  Disclosure d;
  SetThreePublic(d);
  d.three_public.vehicle_operation = F("2.60", 9);  // 1.50 + 2.60 = 4.10
  auto f = Run(d, "three-public-sum");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "公务用车购置及运行费应等于购置费加运行费：应为 4.10 万元，实为 4.00 万元，相差 0.10 万元"
        "（超出尾数误差 0.015 万元）");
  CHECK(f[0].lines == Lines{7});
}

TEST_CASE("three-public-sum adds 购置费 and 运行费 where the table has no vehicle subtotal") {
  Disclosure d;
  SetThreePublic(d);
  d.three_public.vehicle_total.reset();
  CHECK(Run(d, "three-public-sum").empty());  // 1.00 + 1.50 + 2.50 + 0.34 = 5.34
  d.three_public.total = F("5.44", 5);
  auto f = Run(d, "three-public-sum");
  REQUIRE(f.size() == 1);
  // Five figures: 5 × 0.005 = 0.025 万元.
  CHECK(Has(f[0].message, "应为 5.34 万元，实为 5.44 万元，相差 0.10 万元（超出尾数误差 0.025 万元）"));
}

TEST_CASE("three-public-sum gives only a notice for 0.01 within rounding") {
  Disclosure d;
  SetThreePublic(d);
  d.three_public.reception = F("0.35", 10);
  auto f = Run(d, "three-public-sum");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
}

// ================================================================ projects-sum

namespace {
void SetProjects(Disclosure& d, const char* second) {
  model::Project a;
  a.name = "医疗保障服务";
  a.amount = F("50.00", 30);
  a.line = 30;
  model::Project b;
  b.name = "信息化建设";
  b.amount = F(second, 31);
  b.line = 31;
  d.projects = {a, b};
  d.projects_total = F("125.64", 29);
}
}  // namespace

TEST_CASE("projects-sum is silent when the projects add up to the table's 合计") {
  Disclosure d;
  SetProjects(d, "75.64");
  CHECK(Run(d, "projects-sum").empty());
}

TEST_CASE("projects-sum warns when the projects do not add up to the table's 合计") {
  Disclosure d;
  SetProjects(d, "75.64");
  d.projects_total = F("125.74", 29);
  auto f = Run(d, "projects-sum");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "projects-sum");
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].message ==
        "项目支出表各项目之和应等于表的合计：应为 125.64 万元，实为 125.74 万元，相差 0.10 万元"
        "（超出尾数误差 0.015 万元）");
  CHECK(f[0].lines == Lines{29});
}

TEST_CASE("projects-sum compares with 项目支出 where the table has no 合计") {
  Disclosure d;
  SetProjects(d, "75.64");
  d.projects_total.reset();
  d.expenditure.project = F("125.84", 10);
  auto f = Run(d, "projects-sum");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "各项目金额之和应等于项目支出：应为 125.64 万元，实为 125.84 万元，相差 0.20 万元"
        "（超出尾数误差 0.015 万元）");
  CHECK(f[0].lines == Lines{10});
}

TEST_CASE("projects-sum gives only a notice for 0.01 within rounding") {
  Disclosure d;
  SetProjects(d, "75.65");
  auto f = Run(d, "projects-sum");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
}

// ================================================================ cross-table

TEST_CASE("cross-table is silent when the summary's classes and total match the 支出总表") {
  Disclosure d;
  d.summary = NanchongSummary();
  SetNanchongExpenditure(d);
  CHECK(Run(d, "cross-table").empty());
}

TEST_CASE("cross-table reports a class that differs between the summary and the 支出总表") {
  Disclosure d;
  d.summary = NanchongSummary();
  SetNanchongExpenditure(d);
  d.functional[2].total = F("147.49", 16);
  auto f = Run(d, "cross-table");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "cross-table");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "收支总表的卫生健康支出应与支出表中 210 类的合计一致：应为 147.49 万元，实为 147.39 万元，"
        "相差 0.10 万元（超出尾数误差 0.01 万元）");
  CHECK(f[0].lines == Lines{6, 16});
}

TEST_CASE("cross-table reports a class of the summary that the 支出总表 lacks") {
  Disclosure d;
  d.summary = NanchongSummary();
  SetNanchongExpenditure(d);
  d.functional.resize(4);  // drop 221 and 2210201
  auto f = Run(d, "cross-table");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message == "部门收支总表列出住房保障支出 22.47 万元，但部门支出总表没有这一类");
  CHECK(f[0].lines == Lines{7});
}

TEST_CASE("cross-table reports a 本年支出合计 that differs from the 支出总表's 合计") {
  Disclosure d;
  d.summary = NanchongSummary();
  d.expenditure.total = F("460.84", 10);
  auto f = Run(d, "cross-table");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "收支总表的本年支出合计应与支出表的合计一致：应为 460.84 万元，实为 460.74 万元，相差 "
        "0.10 万元（超出尾数误差 0.01 万元）");
  CHECK(f[0].lines == Lines{8, 10});
}

TEST_CASE("cross-table adds the 项 rows where the 支出总表 has no 类 row") {
  Disclosure d;
  d.summary.table = "summary";
  d.summary.expenditure_classes.push_back({"210", "卫生健康支出", F("147.39", 6)});
  d.functional = {FRow("2101101", "行政单位医疗", "100.00", "100.00", nullptr, 16),
                  FRow("2101102", "事业单位医疗", "47.39", "47.39", nullptr, 17)};
  CHECK(Run(d, "cross-table").empty());
  d.functional[1].total = F("47.49", 17);
  auto f = Run(d, "cross-table");
  REQUIRE(f.size() == 1);
  CHECK(Has(f[0].message, "应为 147.49 万元，实为 147.39 万元，相差 0.10 万元（超出尾数误差 0.015 万元）"));
}

TEST_CASE("cross-table adds a class printed once per unit, and a 款 printed without 项") {
  Disclosure d;
  d.summary.table = "summary";
  d.summary.expenditure_classes.push_back({"205", "教育支出", F("264.35", 6)});
  d.summary.expenditure_classes.push_back({"215", "资源勘探工业信息等支出", F("150.00", 7)});
  // 深圳: unit A's 205, then unit B's 205.
  d.functional = {FRow("205", "教育支出", "132.06", "132.06", nullptr, 20),
                  FRow("205", "教育支出", "132.29", "132.29", nullptr, 30),
                  // 北京: 项 rows only, and 21598 with no 项 under it.
                  FRow("2150501", "行政运行", "50.00", "50.00", nullptr, 40),
                  FRow("21598", "超长期特别国债安排的支出", "100.00", nullptr, "100.00", 41)};
  CHECK(Run(d, "cross-table").empty());
}

TEST_CASE("cross-table compares the two summaries where all income is 财政拨款") {
  Disclosure d;
  d.summary = NanchongSummary();
  d.fiscal_summary = NanchongSummary("fiscal_summary");
  // Nanchong carries 29.64 over: the totals may differ (carry-over of 单位资金), the year's
  // income may not.
  d.fiscal_summary.income_total = F("460.84", 40);
  CHECK(Run(d, "cross-table").empty());
  d.fiscal_summary.current_income = F("431.20", 38);
  auto f = Run(d, "cross-table");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "本年收入全部为财政拨款时，财政拨款收支总表的本年收入合计应与部门收支总表一致：应为 "
        "431.10 万元，实为 431.20 万元，相差 0.10 万元（超出尾数误差 0.01 万元）");
  CHECK(f[0].lines == Lines{38, 8});
  // Without carry-over, the totals are compared.
  d.fiscal_summary.current_income = F("431.1", 38);
  d.summary.carryover_in.reset();
  f = Run(d, "cross-table");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "收入全部为财政拨款时，财政拨款收支总表的收入总计应与部门收支总表一致：应为 460.74 万元，"
        "实为 460.84 万元，相差 0.10 万元（超出尾数误差 0.01 万元）");
  CHECK(f[0].lines == Lines{40, 12});
  // With 事业收入 besides 财政拨款 the two totals may differ.
  d.summary.income_items.push_back({"事业收入", F("10.00", 4)});
  CHECK(Run(d, "cross-table").empty());
}

TEST_CASE("cross-table gives only a notice for 0.01 within rounding") {
  Disclosure d;
  d.summary = NanchongSummary();
  SetNanchongExpenditure(d);
  d.functional[2].total = F("147.40", 16);
  auto f = Run(d, "cross-table");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
}

// ================================================================ functional-economic-pairs

TEST_CASE("functional-economic-pairs is silent when 住房公积金 agrees in both tables") {
  Disclosure d;
  d.functional = {FRow("2210201", "住房公积金", "22.47", "22.47", "0.00", 22)};
  d.economic = {ERow("30113", "住房公积金", "22.47", "22.47", nullptr, 40)};
  CHECK(Run(d, "functional-economic-pairs").empty());
}

TEST_CASE("functional-economic-pairs warns when 住房公积金 differs between the tables") {
  Disclosure d;
  d.functional = {FRow("2210201", "住房公积金", "22.47", "22.47", "0.00", 22)};
  d.economic = {ERow("30113", "住房公积金", "22.57", "22.57", nullptr, 40)};
  auto f = Run(d, "functional-economic-pairs");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "functional-economic-pairs");
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].message ==
        "住房公积金：经济分类 30113 应与功能分类 2210201 的基本支出一致：应为 22.47 万元，实为 "
        "22.57 万元，相差 0.10 万元（超出尾数误差 0.01 万元）");
  CHECK(f[0].lines == Lines{40, 22});
}

TEST_CASE("functional-economic-pairs sums 行政 and 事业单位医疗 for 职工基本医疗保险缴费") {
  Disclosure d;
  d.functional = {FRow("2101101", "行政单位医疗", "30.00", "30.00", nullptr, 16),
                  FRow("2101102", "事业单位医疗", "9.95", "9.95", nullptr, 17)};
  d.economic = {ERow("30110", "职工基本医疗保险缴费", "39.95", "39.95", nullptr, 41)};
  CHECK(Run(d, "functional-economic-pairs").empty());
  d.economic[0].total = F("40.05", 41);
  auto f = Run(d, "functional-economic-pairs");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "职工基本医疗保险缴费：经济分类 30110 应与功能分类 2101101+2101102 的基本支出一致：应为 "
        "39.95 万元，实为 40.05 万元，相差 0.10 万元（超出尾数误差 0.015 万元）");
}

TEST_CASE("functional-economic-pairs gives only a notice for 0.01 within rounding") {
  Disclosure d;
  d.functional = {FRow("2210201", "住房公积金", "22.47", "22.47", "0.00", 22)};
  d.economic = {ERow("30113", "住房公积金", "22.48", "22.48", nullptr, 40)};
  auto f = Run(d, "functional-economic-pairs");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
}

// ================================================================ narrative-amount

TEST_CASE("narrative-amount marks a stated amount that the table prints as consistent") {
  Disclosure d;
  d.summary = NanchongSummary();
  d.claims = {AmountClaim("class:210", "147.39", 3)};
  CHECK(Run(d, "narrative-amount").empty());
  CHECK(d.claims[0].status == model::ClaimStatus::kConsistent);
}

TEST_CASE("narrative-amount reports a stated amount the tables do not print") {
  Disclosure d;
  d.summary = NanchongSummary();
  d.claims = {AmountClaim("class:210", "148.39", 3)};
  auto f = Run(d, "narrative-amount");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "narrative-amount");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message == "第 3 行说明卫生健康支出（210）为 148.39 万元，但表中为 147.39 万元（第 6 行）");
  CHECK(f[0].lines == Lines{3, 6});
  CHECK(d.claims[0].status == model::ClaimStatus::kInconsistent);
}

TEST_CASE("narrative-amount gives only a notice for an amount 0.01 off") {
  Disclosure d;
  d.summary = NanchongSummary();
  d.claims = {AmountClaim("class:210", "147.40", 3)};
  auto f = Run(d, "narrative-amount");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
  CHECK(f[0].message ==
        "第 3 行说明卫生健康支出（210）为 147.40 万元，表中（第 6 行）为 147.39 万元，相差 0.01 "
        "万元，在尾数误差以内");
  CHECK(d.claims[0].status == model::ClaimStatus::kConsistent);
}

TEST_CASE("narrative-amount only warns about 机关运行经费 that differs from 公用经费") {
  Disclosure d;
  d.expenditure.public_ = F("73.25", 7);
  d.claims = {AmountClaim("running_costs", "70.25", 3)};
  auto f = Run(d, "narrative-amount");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].message == "第 3 行说明机关运行经费为 70.25 万元，但表中为 73.25 万元（第 7 行）");
}

TEST_CASE("narrative-amount does not compare a previous-year amount with this year's table") {
  Disclosure d;
  d.summary = NanchongSummary();
  Claim c = AmountClaim("income_total", "2321.3", 3);
  c.previous_year = true;
  d.claims = {c};
  CHECK(Run(d, "narrative-amount").empty());
  CHECK(d.claims[0].status == model::ClaimStatus::kUnchecked);
}

TEST_CASE("narrative-amount takes a zero “三公” item the table leaves blank as consistent") {
  Disclosure d;
  SetThreePublic(d);
  d.three_public.overseas.reset();
  d.claims = {AmountClaim("three_public.overseas", "0", 3)};
  CHECK(Run(d, "narrative-amount").empty());
  CHECK(d.claims[0].status == model::ClaimStatus::kConsistent);
}

TEST_CASE("narrative-amount end to end: an amount 0.01 off is a notice") {
  Disclosure d = CheckText(NanchongDoc("卫生健康支出 147.40 万元。"));
  auto f = Of(d, "narrative-amount");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
  CHECK(f[0].message ==
        "第 3 行说明卫生健康支出（210）为 147.40 万元，表中（第 10 行）为 147.39 万元，相差 0.01 "
        "万元，在尾数误差以内");
  CHECK(f[0].lines == Lines{3, 10});
}

TEST_CASE("narrative-amount end to end: an amount 1.00 off is an error") {
  Disclosure d = CheckText(NanchongDoc("卫生健康支出 148.39 万元。"));
  auto f = Of(d, "narrative-amount");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message == "第 3 行说明卫生健康支出（210）为 148.39 万元，但表中为 147.39 万元（第 10 行）");
}

TEST_CASE("narrative-amount end to end: an amount the table prints raises nothing") {
  Disclosure d = CheckText(NanchongDoc("卫生健康支出 147.39 万元。"));
  CHECK(Of(d, "narrative-amount").empty());
  REQUIRE(d.claims.size() == 1);
  CHECK(d.claims[0].status == model::ClaimStatus::kConsistent);
}

// ================================================================ narrative-share

TEST_CASE("narrative-share accepts a share of the document's total") {
  Disclosure d;
  d.summary = NanchongSummary();
  // "一般公共预算拨款收入 431.10 万元，占 93.57%": 431.10 / 460.74 = 93.567 %.
  d.claims = {AmountClaim("general_appropriation", "431.10", 3),
              PercentClaim(Claim::Kind::kShare, 9357, 2, "93.57", 0, 3)};
  CHECK(Run(d, "narrative-share").empty());
  CHECK(d.claims[1].status == model::ClaimStatus::kConsistent);
}

TEST_CASE("narrative-share warns about a share no whole gives") {
  Disclosure d;
  d.summary = NanchongSummary();
  d.claims = {AmountClaim("general_appropriation", "431.10", 3),
              PercentClaim(Claim::Kind::kShare, 9358, 2, "93.58", 0, 3)};
  auto f = Run(d, "narrative-share");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "narrative-share");
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].message ==
        "第 3 行说一般公共预算拨款431.10 万元，占 93.58%，但 431.10 万元 ÷ 460.74 万元（第 12 "
        "行）= 93.57%");
  CHECK(d.claims[1].status == model::ClaimStatus::kInconsistent);
}

TEST_CASE("narrative-share end to end: a share that rounds to another value is reported") {
  // 22.47 / 431.10 = 5.2122 % -> 5.21, not 5.22; 22.47 / 460.74 = 4.88 % neither.
  Disclosure d = CheckText(
      NanchongDoc("一般公共预算拨款收入 431.10 万元，其中住房保障支出 22.47 万元，占 5.22%。"));
  auto f = Of(d, "narrative-share");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].message ==
        "第 3 行说住房保障支出（221）22.47 万元，占 5.22%，但 22.47 万元 ÷ 431.10 万元（第 3 行）"
        "= 5.21%");
  CHECK(Has(f[0].message, "5.22%"));
  CHECK(Has(f[0].message, "5.21%"));
}

TEST_CASE("narrative-share end to end: the share as the figures give it raises nothing") {
  Disclosure d = CheckText(
      NanchongDoc("一般公共预算拨款收入 431.10 万元，其中住房保障支出 22.47 万元，占 5.21%。"));
  CHECK(Of(d, "narrative-share").empty());
  bool share_consistent = false;
  for (const auto& c : d.claims)
    if (c.kind == Claim::Kind::kShare) share_consistent = c.status == model::ClaimStatus::kConsistent;
  CHECK(share_consistent);
}

// ================================================================ narrative-change

TEST_CASE("narrative-change end to end: a change that is not now minus the stated base") {
  // 73.25 (the table's 公用经费) − 60.48 = 12.77, not 9.77.
  Disclosure d = CheckText(ChengdeBasicDoc(
      "比上年增减情况：机关运行经费预算比 2021年度 60.48增长 9.77万元，增加了 16%。"));
  auto f = Of(d, "narrative-change");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "第 3 行所说机关运行经费的变动额（73.25 万元 与上年 60.48 万元 之差）：应为 12.77 万元，"
        "实为 9.77 万元，相差 3.00 万元（超出尾数误差 0.015 万元）");
  CHECK(f[0].lines == Lines{3, 7});
}

TEST_CASE("narrative-change end to end: a change that is now minus the stated base") {
  // 73.25 − 63.48 = 9.77; 9.77 / 63.48 = 15.39 % -> 15.
  Disclosure d = CheckText(ChengdeBasicDoc(
      "比上年增减情况：机关运行经费预算比 2021年度 63.48增长 9.77万元，增加了 15%。"));
  CHECK(Of(d, "narrative-change").empty());
}

TEST_CASE("narrative-change end to end: a change 0.01 off the stated base is a notice") {
  // 73.25 − 63.47 = 9.78: 0.01 over three figures (change, now, base).
  Disclosure d = CheckText(ChengdeBasicDoc(
      "比上年增减情况：机关运行经费预算比 2021年度 63.47增长 9.77万元，增加了 15%。"));
  auto f = Of(d, "narrative-change");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
  CHECK(Has(f[0].message, "应为 9.78 万元，实为 9.77 万元，相差 0.01 万元（在尾数误差 0.015 万元 以内）"));
}

TEST_CASE("narrative-change end to end: a rate of change on a derived base is recomputed") {
  // No base stated: 项目支出 378.82 − 240.32 = 138.50 last year, and 240.32 / 138.50 = 173.52 %,
  // not 17.19 %. 基本支出 1548.34 − 150.48 = 1397.86, and 150.48 / 1397.86 = 10.765 % -> 10.77.
  Disclosure d = CheckText(ChengdeDoc(
      "2022年预算收支安排 1927.16万元，较 2021年预算 1536.36万元增加 390.80万元，增加 25%，其中：基本支出增加",
      "150.48万元，同比增长 10.77%，主要是增加人员经费支出 137.71万元和日常公用经费支出 12.77万元；项目支出增加",
      "240.32万元，同比增长 17.19%，主要原因为当年预算项目增加。"));
  auto f = Of(d, "narrative-change");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].message == "第 5 行说项目支出变动 17.19%，但 240.32 万元 ÷ 推算的上年 138.50 万元 = 173.52%");
  CHECK(f[0].lines == Lines{5});
}

TEST_CASE("narrative-change reports a change stated in the wrong direction") {
  Disclosure d;
  d.expenditure.public_ = F("73.25", 7);
  Claim c = ChangeClaim("running_costs", "12.77", -1, 3);
  c.base = M("60.48");
  c.base_line = 3;
  d.claims = {c};
  auto f = Run(d, "narrative-change");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "narrative-change");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message == "第 3 行说机关运行经费减少，但从 60.48 万元 到 73.25 万元 是增加");
  CHECK(d.claims[0].status == model::ClaimStatus::kInconsistent);
}

TEST_CASE("narrative-change recomputes nothing of 与上年相同: its 上年 figure is the amount") {
  // "“三公”经费支出预算 38.27 万元，与上年预算数相同" (无锡 2025): the parser takes 38.27 as both
  // years' figure; only the checks between years can compare it.
  Disclosure d;
  d.three_public.total = F("40.00", 7);
  Claim c = ChangeClaim("three_public.total", "0", 0, 3);
  c.value_text.clear();
  c.now = c.base = M("38.27");
  c.now_line = c.base_line = 3;
  d.claims = {c};
  CHECK(Run(d, "narrative-change").empty());
  CHECK(d.claims[0].status == model::ClaimStatus::kUnchecked);
  CHECK(d.claims[0].note == "说与上年相同：上年数即本年数 38.27 万元");
}

TEST_CASE("narrative-change: 增加 0.00 万元 on a stated base is recomputed like any change") {
  Disclosure d;
  d.expenditure.public_ = F("73.25", 7);
  Claim c = ChangeClaim("running_costs", "0.00", 0, 3);  // "较上年 60.48 万元增加 0.00 万元"
  c.base = M("60.48");
  c.base_line = 3;
  d.claims = {c};
  auto f = Run(d, "narrative-change");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "第 3 行所说机关运行经费的变动额（73.25 万元 与上年 60.48 万元 之差）：应为 12.77 万元，实为 "
        "0.00 万元，相差 12.77 万元（超出尾数误差 0.015 万元）");
}

TEST_CASE("narrative-change gives only a notice for a change 0.01 off") {
  Disclosure d;
  d.expenditure.public_ = F("73.25", 7);
  Claim c = ChangeClaim("running_costs", "12.78", 1, 3);
  c.base = M("60.48");
  c.base_line = 3;
  d.claims = {c};
  auto f = Run(d, "narrative-change");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
  CHECK(d.claims[0].status == model::ClaimStatus::kConsistent);
}

TEST_CASE("narrative-change notes a rate of change on a zero base") {
  Disclosure d;
  d.expenditure.basic = F("10.00", 7);
  // 基本支出 10.00, 增加 10.00: last year was 0, and "增长 100%" cannot be computed.
  d.claims = {ChangeClaim("basic", "10.00", 1, 4),
              PercentClaim(Claim::Kind::kChangePct, 100, 0, "100", 0, 4)};
  auto f = Run(d, "narrative-change");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
  CHECK(f[0].message == "第 4 行给出基本支出的变动比例 100%，但上年数为零，比例无从计算");
}

// ================================================================ narrative-change-parts

TEST_CASE("narrative-change-parts end to end: parts after 其中 that do not add up are an error") {
  // 150.48 + 230.32 = 380.80, not 390.80.
  Disclosure d = CheckText(ChengdeDoc(
      "2022年预算收支安排 1927.16万元，较 2021年预算 1536.36万元增加 390.80万元，其中：基本支出增加",
      "150.48万元，项目支出增加", "230.32万元。"));
  auto f = Of(d, "narrative-change-parts");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "第 3 行收入总计的变动应等于其组成部分（基本支出、项目支出）的变动之和：应为 380.80 万元，"
        "实为 390.80 万元，相差 10.00 万元（超出尾数误差 0.015 万元）");
  CHECK(f[0].lines == Lines{3, 4, 5});
}

TEST_CASE("narrative-change-parts: a whole unchanged is the net change of its parts") {
  // "“三公”经费 … 与上年相同。其中，因公出国（境）费 … 增加 30 万元，… 公务接待费 … 减少 31 万元"
  Disclosure d;
  Claim whole = ChangeClaim("three_public.total", "0", 0, 3, 0);
  whole.value_text.clear();
  d.claims = {whole, ChangeClaim("three_public.overseas", "30", 1, 4, 1),
              ChangeClaim("three_public.reception", "31", -1, 5, 1)};
  auto f = Run(d, "narrative-change-parts");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);  // not introduced by 其中 at the whole
  CHECK(Has(f[0].message, "应为 -1.00 万元，实为 0.00 万元"));
  CHECK(f[0].lines == Lines{3, 4, 5});
  // +30 and −30 net 0: they agree.
  d.claims[2] = ChangeClaim("three_public.reception", "30", -1, 5, 1);
  CHECK(Run(d, "narrative-change-parts").empty());
}

TEST_CASE("narrative-change-parts end to end: parts after 其中 past the rate of change are an error") {
  // Chengde's own wording: "增加 390.80万元，增加 25%，其中：基本支出增加 150.48万元 …；项目支出
  // 增加 230.32万元" (the document says 240.32): the breakdown is introduced by 其中.
  Disclosure d = CheckText(ChengdeDoc(
      "2022年预算收支安排 1927.16万元，较 2021年预算 1536.36万元增加 390.80万元，增加 25%，其中：基本支出增加",
      "150.48万元，同比增长 10.77%，主要是增加人员经费支出 137.71万元和日常公用经费支出 12.77万元；项目支出增加",
      "230.32万元，主要原因为当年预算项目增加。"));
  auto f = Of(d, "narrative-change-parts");
  REQUIRE(f.size() == 1);
  CHECK(Has(f[0].message, "应为 380.80 万元，实为 390.80 万元，相差 10.00 万元"));
  CHECK(f[0].severity == Severity::kError);
}

TEST_CASE("narrative-change-parts end to end: parts after 主要是 that do not add up are a warning") {
  Disclosure d = CheckText(ChengdeDoc(
      "2022年预算收支安排 1927.16万元，较 2021年预算 1536.36万元增加 390.80万元，主要是基本支出增加",
      "150.48万元，项目支出增加", "230.32万元。"));
  auto f = Of(d, "narrative-change-parts");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(Has(f[0].message, "应为 380.80 万元，实为 390.80 万元，相差 10.00 万元"));
}

TEST_CASE("narrative-change-parts end to end: parts that add up raise nothing") {
  Disclosure d = CheckText(ChengdeDoc(
      "2022年预算收支安排 1927.16万元，较 2021年预算 1536.36万元增加 390.80万元，其中：基本支出增加",
      "150.48万元，项目支出增加", "240.32万元。"));
  CHECK(Of(d, "narrative-change-parts").empty());
}

TEST_CASE("narrative-change-parts end to end: parts 0.01 off give only a notice") {
  // 150.48 + 240.33 = 390.81: 0.01 over three figures.
  Disclosure d = CheckText(ChengdeDoc(
      "2022年预算收支安排 1927.16万元，较 2021年预算 1536.36万元增加 390.80万元，其中：基本支出增加",
      "150.48万元，项目支出增加", "240.33万元。"));
  auto f = Of(d, "narrative-change-parts");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kNotice);
  CHECK(Has(f[0].message, "应为 390.81 万元，实为 390.80 万元，相差 0.01 万元（在尾数误差 0.015 万元 以内）"));
}

TEST_CASE("narrative-change-parts signs the parts: increases and a decrease net to the total") {
  Disclosure d;
  // Qijiang: "收入较 2021 年减少 15.97 万元，主要是社会保障和就业支出经费拨款增加 2.03 万元、卫生健康
  // 支出经费拨款增加-17.69 万元、住房保障支出经费拨款增加 0.57 万元": −2.03 + 17.69 − 0.57 = 15.09
  // of decrease, not 15.97.
  d.claims = {ChangeClaim("income_total", "15.97", -1, 43), ChangeClaim("class:208", "2.03", 1, 43),
              ChangeClaim("class:210", "17.69", -1, 43), ChangeClaim("class:221", "0.57", 1, 43)};
  auto f = Run(d, "narrative-change-parts");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "narrative-change-parts");
  CHECK(f[0].severity == Severity::kWarning);  // 主要是: not introduced by 其中
  CHECK(Has(f[0].message, "应为 15.09 万元，实为 15.97 万元，相差 0.88 万元（超出尾数误差 0.02 万元）"));
  CHECK(f[0].lines == Lines{43});
  // A total of 15.09 agrees.
  d.claims[0] = ChangeClaim("income_total", "15.09", -1, 43);
  CHECK(Run(d, "narrative-change-parts").empty());
}

// ================================================================ narrative-change-repeated

TEST_CASE("narrative-change-repeated warns about one change stated with two values") {
  Disclosure d;
  d.claims = {ChangeClaim("basic", "150.48", 1, 3, 0), ChangeClaim("basic", "150.58", 1, 9, 5)};
  auto f = Run(d, "narrative-change-repeated");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "narrative-change-repeated");
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].message == "第 3 行说基本支出增加 150.48 万元，第 9 行却说增加 150.58 万元");
  CHECK(f[0].lines == Lines{9, 3});
}

TEST_CASE("narrative-change-repeated warns about one change stated in both directions") {
  Disclosure d;
  d.claims = {ChangeClaim("three_public.reception", "0.03", 1, 3, 0),
              ChangeClaim("three_public.reception", "0.03", -1, 9, 5)};
  auto f = Run(d, "narrative-change-repeated");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "第 3 行说公务接待费增加 0.03 万元，第 9 行却说减少 0.03 万元");
}

TEST_CASE("narrative-change-repeated: 与上年相同 and 增加 of one subject disagree") {
  Disclosure d;
  Claim same = ChangeClaim("three_public.total", "0", 0, 3, 0);
  same.value_text.clear();
  d.claims = {same, ChangeClaim("three_public.total", "5.00", 1, 9, 5)};
  auto f = Run(d, "narrative-change-repeated");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "第 3 行说“三公”经费与上年相同，第 9 行却说增加 5.00 万元");
  // "减少 0 万元" and "与上年持平" say the same.
  d.claims = {same, ChangeClaim("three_public.total", "0", 0, 9, 5)};
  CHECK(Run(d, "narrative-change-repeated").empty());
}

TEST_CASE("narrative-change-repeated is silent on a repetition 0.01 off") {
  Disclosure d;
  d.claims = {ChangeClaim("basic", "150.48", 1, 3, 0), ChangeClaim("basic", "150.49", 1, 9, 5)};
  CHECK(Run(d, "narrative-change-repeated").empty());
}

TEST_CASE("narrative-change-repeated end to end: the same change stated twice differently") {
  Disclosure d = CheckText(ChengdeDoc("2022年基本支出 1548.34万元，比上年增加 150.48万元。",
                                      "基本支出较上年增加 150.58万元，主要是人员增加。",
                                      "项目支出 378.82万元。"));
  auto f = Of(d, "narrative-change-repeated");
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].message == "第 3 行说基本支出增加 150.48 万元，第 4 行却说增加 150.58 万元");
  CHECK(f[0].lines == Lines{4, 3});
}

TEST_CASE("narrative-change-repeated end to end: the same change stated twice alike") {
  Disclosure d = CheckText(ChengdeDoc("2022年基本支出 1548.34万元，比上年增加 150.48万元。",
                                      "基本支出较上年增加 150.48万元，主要是人员增加。",
                                      "项目支出 378.82万元。"));
  CHECK(Of(d, "narrative-change-repeated").empty());
}

// ================================================================ department-identity

namespace {
void SetQijiang(Disclosure& d) {
  d.department.name = "重庆市綦江区医疗保障事务中心";
  d.department.region = "重庆市綦江区";
  d.department.line = 1;
}
}  // namespace

TEST_CASE("department-identity reports a table headed with another department, once") {
  Disclosure d;
  SetQijiang(d);
  d.title_names = {{40, "天津市蓟江区医疗保障事务中心"}, {60, "天津市蓟江区医疗保障事务中心"}};
  auto f = Run(d, "department-identity");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "department-identity");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "第 40 行的标题或单位名称写的是“天津市蓟江区医疗保障事务中心”，而本文件是“重庆市綦江区"
        "医疗保障事务中心”的预算");
  CHECK(f[0].lines == Lines{40});
}

TEST_CASE("department-identity accepts the department's own name, short forms and units") {
  Disclosure d;
  SetQijiang(d);
  d.title_names = {{1, "重庆市綦江区医疗保障事务中心"},
                   {20, "綦江区医疗保障事务中心"},
                   {30, "医保中心"},
                   {40, "重庆市綦江区医疗保障事务中心本级"}};
  CHECK(Run(d, "department-identity").empty());
}

TEST_CASE("department-identity is silent when the department's place is unknown") {
  Disclosure d;
  SetQijiang(d);
  d.department.region.clear();
  d.title_names = {{40, "天津市蓟江区医疗保障事务中心"}};
  CHECK(Run(d, "department-identity").empty());
}

// ================================================================ unit-label

TEST_CASE("unit-label reports a 元 label over the document's 万元 figures") {
  Disclosure d;
  d.summary.income_total = F("552.80", 15);
  d.unit_labels.push_back({20, "元", "一般公共预算支出表", {F("552.80", 25)}});
  auto f = Run(d, "unit-label");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "unit-label");
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message ==
        "“一般公共预算支出表”标明单位为元，但其中的 552.80 正是本部门以万元计的数字（第 15 行为 "
        "552.80 万元）：单位应为万元");
  CHECK(f[0].lines == Lines{20, 25, 15});
}

TEST_CASE("unit-label reports a 万元 label over figures in 元") {
  Disclosure d;
  d.summary.income_total = F("552.80", 15);
  d.unit_labels.push_back({20, "万元", "一般公共预算支出表", {F("5528000.00", 25)}});
  auto f = Run(d, "unit-label");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message ==
        "“一般公共预算支出表”标明单位为万元，但其中的数字是以元计的（5528000.00 万元 = 第 15 "
        "行的 552.80 万元 的一万倍）");
}

TEST_CASE("unit-label is silent when the figures fit their labels") {
  Disclosure d;
  d.summary.income_total = F("552.80", 15);
  d.unit_labels.push_back({20, "元", "一般公共预算支出表", {F("5528000.00", 25)}});
  d.unit_labels.push_back({30, "万元", "部门收支总表", {F("552.80", 35)}});
  CHECK(Run(d, "unit-label").empty());
}

// ================================================================ tables-complete

namespace {
void AddTable(Disclosure& d, const char* kind, const char* title, int line) {
  model::TableRef t;
  t.kind = model::ParseTableKind(kind).value();
  t.title = title;
  t.line = line;
  t.unit = "万元";
  d.tables.push_back(t);
}
void AddStandardTables(Disclosure& d) {
  AddTable(d, "summary", "部门收支总表", 3);
  AddTable(d, "income", "部门收入总表", 20);
  AddTable(d, "expenditure", "部门支出总表", 30);
  AddTable(d, "fiscal_summary", "财政拨款收支总表", 40);
  AddTable(d, "general_expenditure", "一般公共预算支出表", 50);
  AddTable(d, "general_basic", "一般公共预算基本支出表", 60);
  AddTable(d, "three_public", "一般公共预算“三公”经费支出表", 70);
  AddTable(d, "gov_fund", "政府性基金预算支出表", 80);
  AddTable(d, "state_capital", "国有资本经营预算支出表", 90);
}
}  // namespace

TEST_CASE("tables-complete is silent when all nine standard tables are there") {
  Disclosure d;
  AddStandardTables(d);
  CHECK(Run(d, "tables-complete").empty());
}

TEST_CASE("tables-complete warns about missing standard tables at the first table") {
  Disclosure d;
  AddStandardTables(d);
  d.tables.resize(7);  // without gov_fund and state_capital
  auto f = Run(d, "tables-complete");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "tables-complete");
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].message == "缺少标准公开表：政府性基金预算支出表、国有资本经营预算支出表");
  CHECK(f[0].lines == Lines{3});
}

// ================================================================ explanations-complete

TEST_CASE("explanations-complete is silent when the narrative explains everything") {
  Disclosure d;
  d.explanations = {{"three_public", 100}, {"three_public_reasons", 100}, {"running_costs", 110},
                    {"procurement", 120},  {"assets", 130},               {"performance", 140},
                    {"glossary", 150}};
  CHECK(Run(d, "explanations-complete").empty());
}

TEST_CASE("explanations-complete notes what the narrative leaves out") {
  Disclosure d;
  d.explanations = {{"three_public", 100}, {"three_public_reasons", 100}, {"running_costs", 110},
                    {"procurement", 120},  {"performance", 140}};
  auto f = Run(d, "explanations-complete");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "explanations-complete");
  CHECK(f[0].severity == Severity::kNotice);
  CHECK(f[0].message == "说明中没有找到：国有资产占有使用情况、名词解释");
  CHECK(f[0].lines == Lines{1});
}

// ================================================================ empty-table-note

TEST_CASE("empty-table-note warns about a table with no figures and no 空表 note") {
  Disclosure d;
  AddTable(d, "gov_fund", "政府性基金预算支出表", 80);
  auto f = Run(d, "empty-table-note");
  REQUIRE(f.size() == 1);
  CHECK(f[0].rule == "empty-table-note");
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].message == "“政府性基金预算支出表”（第 80 行）没有任何数字，也没有说明为空表");
  CHECK(f[0].lines == Lines{80});
}

TEST_CASE("empty-table-note is silent on a table marked empty or holding figures") {
  Disclosure d;
  AddTable(d, "gov_fund", "政府性基金预算支出表", 80);
  d.tables.back().empty = true;
  AddTable(d, "state_capital", "国有资本经营预算支出表", 90);
  d.figure_index.push_back({"state_capital", "", "合计", {F("0.00", 93)}, {}});
  // A performance table is not a table of figures.
  AddTable(d, "overall_performance", "部门整体支出绩效目标表", 100);
  CHECK(Run(d, "empty-table-note").empty());
}

// ================================================================ all rules together

TEST_CASE("a consistent disclosure gives no error or warning from the arithmetic rules") {
  Disclosure d;
  d.summary = NanchongSummary();
  SetNanchongExpenditure(d);
  checks::RunChecks(d);
  for (const auto& f : d.findings) {
    INFO(f.rule << ": " << f.message);
    bool structural = f.rule == "tables-complete" || f.rule == "explanations-complete";
    CHECK(structural);
  }
}

TEST_CASE("0.01 differences throughout give at most notices from every arithmetic rule") {
  Disclosure d;
  d.summary = NanchongSummary();
  d.summary.carryover_in = F("29.63", 10);  // 收入总计 460.74 vs 431.10 + 29.63 = 460.73
  SetNanchongExpenditure(d);
  d.functional[3].total = F("147.40", 18);  // 2101599: 147.40 vs 210's 147.39 and 21.75 + 125.64
  d.expenditure.personnel = F("300.00", 7);
  d.expenditure.public_ = F("35.11", 7);    // 300.00 + 35.11 = 335.11 vs 基本支出 335.10
  d.economic = {ERow("301", "工资福利支出", "300.00", "300.00", nullptr, 8),
                ERow("30101", "基本工资", "200.00", "200.00", nullptr, 9),
                ERow("30102", "津贴补贴", "77.53", "77.53", nullptr, 10),
                ERow("30113", "住房公积金", "22.48", "22.48", nullptr, 11),  // 301: 300.01
                ERow("302", "商品和服务支出", "35.10", nullptr, "35.10", 12)};  // vs 35.11
  SetThreePublic(d);
  d.three_public.reception = F("0.35", 10);  // 5.35 vs 5.34
  SetProjects(d, "75.65");                   // 125.65 vs 125.64
  d.claims = {AmountClaim("class:210", "147.40", 3, 0),  // vs 147.39
              ChangeClaim("basic", "150.48", 1, 4, 1),
              ChangeClaim("basic", "150.49", 1, 9, 5)};   // the same change, 0.01 apart
  checks::RunChecks(d);
  std::vector<std::string> noticed;
  for (const auto& f : d.findings) {
    INFO(f.rule << ": " << f.message);
    if (f.rule == "tables-complete" || f.rule == "explanations-complete") continue;
    CHECK(f.severity == Severity::kNotice);
    if (std::find(noticed.begin(), noticed.end(), f.rule) == noticed.end()) noticed.push_back(f.rule);
  }
  std::sort(noticed.begin(), noticed.end());
  CHECK(noticed == std::vector<std::string>{"basic-split", "economic-hierarchy",
                                            "functional-economic-pairs", "functional-hierarchy",
                                            "functional-row-split", "narrative-amount",
                                            "projects-sum", "summary-balance", "three-public-sum"});
}

}  // TEST_SUITE

// ================================================================ table-change-column

TEST_SUITE("checks") {

// 西安 2022 住建局 (1bb348cfd1) 表13, 合计 row in 元: 2021年 | 2022年 | 增减变化情况 of the
// “三公”经费 (小计 57940.00 | 807650.00 | 749710.00; 公务接待费 57940.00 | 57650.00 | -290.00),
// with the change block's 小计 and 公务接待费 as given.
Disclosure XianChangeBlock(const char* total_change, const char* reception_change) {
  auto Y = [](const char* yuan) {
    auto m = Money::Parse(yuan, model::Unit::kYuan);
    REQUIRE(m.has_value());
    return Figure{*m, 1422};
  };
  Disclosure d;
  d.source.page_starts = {1};  // read from a PDF: errors need corroboration
  d.three_public.total = Y("807650.00");
  d.three_public.overseas = Y("0.00");
  d.three_public.reception = Y("57650.00");
  d.three_public.vehicle_total = Y("750000.00");
  model::ThreePublic& p = d.previous_year.three_public;
  p.total = Y("57940.00");
  p.overseas = Y("0.00");
  p.reception = Y("57940.00");
  p.vehicle_total = Y("0.00");
  model::ThreePublic& c = d.previous_year.three_public_change;
  c.total = Y(total_change);
  c.overseas = Y("0.00");
  c.reception = Y(reception_change);
  c.vehicle_total = Y("750000.00");
  return d;
}

std::vector<Finding> ChangeFindings(Disclosure& d) {
  checks::RunChecks(d);
  std::vector<Finding> out;
  for (const auto& f : d.findings)
    if (f.rule == "table-change-column") out.push_back(f);
  return out;
}

TEST_CASE("table-change-column is silent where 当年 − 上年 = 增减变化 for every part") {
  Disclosure d = XianChangeBlock("749710.00", "-290.00");
  CHECK(ChangeFindings(d).empty());
}

TEST_CASE("table-change-column reports, as an error, a change block whose own sums hold but not 当年 − 上年") {
  // -390 and 749610 add up inside the change block (0 − 390 + 750000), so every figure is
  // confirmed by a sum of its block, and the table disagrees with itself twice.
  Disclosure d = XianChangeBlock("749610.00", "-390.00");
  auto f = ChangeFindings(d);
  REQUIRE(f.size() == 2);
  CHECK(f[0].severity == Severity::kError);
  CHECK(f[0].message.find("增减变化栏中的“三公”经费（第 1422 行）应等于当年数 80.765 万元 减上年数 "
                          "5.794 万元") != std::string::npos);
  CHECK(f[0].message.find("应为 74.971 万元，实为 74.961 万元") != std::string::npos);
  CHECK(f[1].severity == Severity::kError);
  CHECK(f[1].message.find("公务接待费") != std::string::npos);
  CHECK(f[1].message.find("应为 -0.029 万元，实为 -0.039 万元") != std::string::npos);
  CHECK(f[1].lines.front() == 1422);
}

TEST_CASE("table-change-column's finding is a warning where the change block's own sums fail") {
  // 290.00 for -290.00: 749710 ≠ 0 + 290 + 750000, so no sum confirms the change figures.
  Disclosure d = XianChangeBlock("749710.00", "290.00");
  auto f = ChangeFindings(d);
  REQUIRE(f.size() == 1);
  CHECK(f[0].severity == Severity::kWarning);
  CHECK(f[0].message.find("公务接待费") != std::string::npos);
  CHECK(!f[0].downgraded.empty());
}

}  // TEST_SUITE
