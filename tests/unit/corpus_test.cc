// Unit tests for the corpus generator (bench/corpus/): determinism, exact scaling of
// amounts (and nothing else), the new identity, and injected inconsistencies that the real
// parser and checks catch.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "checks/check.h"
#include "corpus/corpus.h"
#include "corpus/injection.h"
#include "corpus/numbers.h"
#include "ingest/document.h"
#include "parse/parser.h"

namespace corpus = gongkai::corpus;
namespace model = gongkai::model;

namespace {

const std::string kContent = std::string(GONGKAI_SOURCE_DIR) + "/content/";
const char* const kNanchong = "2022-sichuan-nanchong-medical-security-center.txt";
const char* const kQijiang = "2022-chongqing-qijiang-medical-security-affairs-center.txt";

corpus::Source LoadContent(const std::string& name) {
  std::ifstream in(kContent + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  corpus::Source s;
  std::string error;
  bool loaded = corpus::LoadSource(name, bytes.str(), s, error);
  INFO(error);
  REQUIRE(loaded);
  return s;
}

// Rewrites `lines` as a generated document would: amounts × factor, years + delta.
std::vector<std::string> Rewrite(std::vector<std::string> lines, int factor, int delta) {
  corpus::RewriteNumbers(lines, corpus::FindNumbers(lines), factor, delta);
  return lines;
}

// The generated text through ingest, parse and checks, as `gongkai check` runs them.
model::Disclosure Check(const std::string& text) {
  gongkai::ingest::Document doc;
  std::vector<model::Diagnostic> diagnostics;
  REQUIRE(gongkai::ingest::LoadDocument("generated.txt", text, doc, diagnostics));
  model::Disclosure d = gongkai::parse::ParseDocument(doc);
  gongkai::checks::RunChecks(d);
  return d;
}

int Errors(const model::Disclosure& d, const std::string& rule) {
  int n = 0;
  for (const auto& f : d.findings)
    n += f.rule == rule && f.severity == model::Diagnostic::Severity::kError;
  return n;
}

}  // namespace

TEST_SUITE("corpus") {

TEST_CASE("the same seed writes the same bytes") {
  corpus::Source s = LoadContent(kNanchong);
  corpus::GeneratedDocument a = corpus::GenerateDocument(s, 12, 42);
  corpus::GeneratedDocument b = corpus::GenerateDocument(s, 12, 42);
  CHECK(a.text == b.text);
  CHECK(a.file_name == b.file_name);
  CHECK(a.text.size() > 70000);
}

TEST_CASE("a different seed or index writes different bytes") {
  corpus::Source s = LoadContent(kNanchong);
  corpus::GeneratedDocument a = corpus::GenerateDocument(s, 12, 42);
  CHECK(a.text != corpus::GenerateDocument(s, 12, 43).text);
  CHECK(a.text != corpus::GenerateDocument(s, 13, 42).text);
  CHECK(a.file_name != corpus::GenerateDocument(s, 13, 42).file_name);
}

TEST_CASE("the document seed depends on the corpus seed and the index only") {
  CHECK(corpus::DocumentSeed(1, 5) == corpus::DocumentSeed(1, 5));
  CHECK(corpus::DocumentSeed(1, 5) != corpus::DocumentSeed(2, 5));
  CHECK(corpus::DocumentSeed(1, 5) != corpus::DocumentSeed(1, 6));
  // SplitMix64's published first output for state 0 (Vigna's reference implementation).
  corpus::Random r(0);
  CHECK(r.Next() == 0xE220A8397B1DCDAFull);
}

TEST_CASE("a figure is scaled exactly and printed as it was") {
  CHECK(corpus::ScaleFigure("3,688.46", 3) == "11,065.38");
  CHECK(corpus::ScaleFigure("552.8", 4) == "2211.2");
  CHECK(corpus::ScaleFigure("96", 2) == "192");
  CHECK(corpus::ScaleFigure("0.00", 9) == "0.00");
  CHECK(corpus::ScaleFigure("999.99", 9) == "8999.91");
  CHECK(corpus::ScaleFigure("0.94", 1, 1) == "1.94");
  CHECK(corpus::ScaleFigure("7,747.00", 2) == "15,494.00");
  CHECK(corpus::ScaleFigure("A020", 2).empty());
}

TEST_CASE("scaling keeps a table row adding up") {
  // 合计 = 基本支出 + 项目支出: 479.24 = 463.64 + 15.60; × 3: 1437.72 = 1390.92 + 46.80.
  // The integers after the name: 125.64 = 29.64 + 96; × 4: 502.56 = 118.56 + 384.
  // A glued run 8,132.86 | 385.86 | 7,747.00 (385.86 + 7,747.00 = 8,132.86); × 2:
  // 16,265.72 | 771.72 | 15,494.00 (771.72 + 15,494.00 = 16,265.72).
  // A number the PDF broke: 8132 / .86 × 3 = 24398.58, printed 24398 / .58.
  std::vector<std::string> lines = {
      "210\t卫生健康支出\t479.24\t463.64\t15.60",
      "210 15 99 323008     其他医疗保障管理事务支出 125.64 29.64 96 96",
      "合计 8,132.86385.867,747.00",
      "资金",
      " 8132",
      "",
      ".86",
  };
  std::vector<std::string> x3 = Rewrite(lines, 3, 0);
  CHECK(x3[0] == "210\t卫生健康支出\t1437.72\t1390.92\t46.80");
  CHECK(x3[4] == " 24398");
  CHECK(x3[5] == "");
  CHECK(x3[6] == ".58");
  std::vector<std::string> x4 = Rewrite(lines, 4, 0);
  CHECK(x4[1] == "210 15 99 323008     其他医疗保障管理事务支出 502.56 118.56 384 384");
  std::vector<std::string> x2 = Rewrite(lines, 2, 0);
  CHECK(x2[2] == "合计 16,265.72771.7215,494.00");
}

TEST_CASE("percentages, years, counts, codes and telephone numbers are not scaled") {
  std::vector<std::string> lines = {
      "2022 年卫生健康支出 147.39 万元，占 34.19%，共有工作人员 3 人，比 2021",
      "",
      "年增加 5 万元，增长 3.5%。",
      "2080505\t机关事业单位基本养老保险缴费支出\t32.69",
      "9 210 卫生健康支出 769.10",
      "联系电话：023-81710331",
      "A020 1010 台 1 0.40",
      "栏次 1 2 3 4",
      "预算年度：2022 单位：万元",
  };
  std::vector<std::string> out = Rewrite(lines, 2, 2);
  CHECK(out[0] == "2024 年卫生健康支出 294.78 万元，占 34.19%，共有工作人员 3 人，比 2023");
  CHECK(out[2] == "年增加 10 万元，增长 3.5%。");
  CHECK(out[3] == "2080505\t机关事业单位基本养老保险缴费支出\t65.38");
  CHECK(out[4] == "9 210 卫生健康支出 1538.20");
  CHECK(out[5] == "联系电话：023-81710331");
  CHECK(out[6] == "A020 1010 台 1 0.80");
  CHECK(out[7] == "栏次 1 2 3 4");
  CHECK(out[8] == "预算年度：2024 单位：万元");
}

TEST_CASE("a generated document names another department, place and year throughout") {
  corpus::Source s = LoadContent(kQijiang);
  CHECK(s.identity.name == "重庆市綦江区医疗保障事务中心");
  REQUIRE(s.identity.places.size() == 2);
  CHECK(s.identity.places[1] == "綦江区");
  corpus::GeneratedDocument g = corpus::GenerateDocument(s, 0, 7);
  CHECK(g.text.find("綦江") == std::string::npos);
  CHECK(g.text.find("重庆市") == std::string::npos);
  model::Disclosure d = Check(g.text);
  CHECK(d.department.name == g.department);
  CHECK(d.department.level == "district");
  CHECK(d.year == g.year);
  CHECK(g.year != 2022);
  CHECK(g.file_name.rfind(std::to_string(g.year) + "-", 0) == 0);
  CHECK(g.file_name.find("-00000.txt") != std::string::npos);
  // The source's own mistake (a table headed 天津市蓟江区…) is another place and stays.
  CHECK(Errors(d, "department-identity") == 1);
}

TEST_CASE("every amount of a real disclosure is scaled and the checks find nothing new") {
  corpus::Source s = LoadContent(kNanchong);
  corpus::GeneratedDocument g = corpus::GenerateDocument(s, 3, 42);
  REQUIRE(corpus::InjectionFor(3) == corpus::Injection::kNone);
  model::Disclosure d = Check(g.text);
  // 收入总计 460.74 万元 in the source (line 497).
  REQUIRE(d.summary.income_total.has_value());
  CHECK(d.summary.income_total->amount.fen() == int64_t{46074} * 10000 * g.factor);
  int errors = 0;
  for (const auto& f : d.findings) errors += f.severity == model::Diagnostic::Severity::kError;
  CHECK(errors == 0);
}

TEST_CASE("documents whose index says so carry an inconsistency that its rule reports") {
  CHECK(corpus::InjectionFor(7) == corpus::Injection::kBalance);
  CHECK(corpus::InjectionFor(24) == corpus::Injection::kThreePublic);
  CHECK(corpus::InjectionFor(41) == corpus::Injection::kNarrativeAmount);
  CHECK(corpus::InjectionFor(58) == corpus::Injection::kBalance);
  CHECK(corpus::InjectionFor(8) == corpus::Injection::kNone);
  CHECK(corpus::InjectionFor(50) == corpus::Injection::kNone);

  corpus::Source s = LoadContent(kNanchong);
  corpus::GeneratedDocument clean = corpus::GenerateDocument(s, 8, 42);
  CHECK(clean.injected.empty());
  model::Disclosure c = Check(clean.text);
  const std::map<uint64_t, std::string> cases = {
      {7, "summary-balance"}, {24, "three-public-sum"}, {41, "narrative-amount"}};
  for (const auto& [index, rule] : cases) {
    CAPTURE(rule);
    CHECK(Errors(c, rule) == 0);
    corpus::GeneratedDocument g = corpus::GenerateDocument(s, index, 42);
    CHECK(g.injected == rule);
    CHECK(Errors(Check(g.text), rule) >= 1);
  }
}

TEST_CASE("a source without 部门收支总表 has its 财政拨款收支总表 broken instead") {
  corpus::Source s = LoadContent(kQijiang);
  corpus::GeneratedDocument g = corpus::GenerateDocument(s, 7, 42);
  CHECK(g.injected == "fiscal-summary-balance");
  model::Disclosure d = Check(g.text);
  CHECK(Errors(d, "fiscal-summary-balance") >= 1);
  // 收入总数 552.80 × factor + 1.00 against 支出总数 552.80 × factor.
  REQUIRE(d.summary.income_total.has_value());
  REQUIRE(d.summary.expenditure_total.has_value());
  CHECK(d.summary.income_total->amount.fen() - d.summary.expenditure_total->amount.fen() ==
        1000000);
}

}  // TEST_SUITE
