// Unit tests for the corpus generator (bench/corpus/): determinism, exact scaling of
// amounts (and nothing else), the new identity, and injected inconsistencies that the real
// parser and checks catch.
#include <doctest/doctest.h>

#include <boost/filesystem.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/subjects.h"
#include "corpus/corpus.h"
#include "corpus/injection.h"
#include "corpus/numbers.h"
#include "ingest/document.h"
#include "parse/parser.h"
#include "pipeline/process.h"
#include "years/cross_year.h"

namespace corpus = gongkai::corpus;
namespace model = gongkai::model;

namespace {

const std::string kContent = std::string(GONGKAI_SOURCE_DIR) + "/content/";
const char* const kNanchong = "2022-sichuan-nanchong-medical-security-center.txt";
const char* const kQijiang = "2022-chongqing-qijiang-medical-security-affairs-center.txt";
const char* const kSuizhou = "2023-hubei-suizhou-zengdu-medical-security-service-center.txt";
const char* const kChengde = "2022-hebei-chengde-healthcare-security-bureau.txt";
// How many of their figures about the previous year a series compares (subject with a table
// figure in both years). 随州: 上年收入总计 and its 财政拨款收入 (l. 35), 上年支出总计 (l. 47), and
// 14 changes (l. 39–195; not l. 167's 政府采购 nor l. 177's 资产总额, which no table states);
// 承德: the changes of l. 745–767 (收支, 基本, 人员, 公用, 项目, 机关运行经费, 公务接待费).
constexpr int kSuizhouStatements = 17;
constexpr int kChengdeStatements = 7;

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

// The generated text through the real pipeline (read -> parse -> check), as `gongkai build`.
model::Disclosure Pipeline(const corpus::GeneratedDocument& g) {
  gongkai::ingest::Document doc;
  std::vector<model::Diagnostic> diagnostics;
  REQUIRE(gongkai::ingest::LoadDocument(g.file_name, g.text, doc, diagnostics));
  gongkai::pipeline::Processed p = gongkai::pipeline::Process(std::move(doc));
  REQUIRE_FALSE(p.Failed());
  return std::move(p.disclosure);
}

// A figure `current` states about the previous year that `previous`'s own figures contradict.
struct Disagreement {
  std::string rule;  // prior-year-figure / prior-year-change
  std::string subject;
  int line = 0;
  int64_t stated = 0, expected = 0;  // fen; a change unsigned
};

// Compares every previous-year amount, stated base and change of `current` (a subject with a
// figure in both documents) with `previous`'s own figures; `compared` counts the figures.
std::vector<Disagreement> CrossYear(const model::Disclosure& previous,
                                    const model::Disclosure& current, int& compared) {
  std::vector<Disagreement> out;
  compared = 0;
  // The narrative's claims, and the figures a table states for the previous year (the “三公”
  // table's previous-year block: year_facts.prior with Claim::table set).
  std::vector<model::Claim> claims = current.claims;
  for (const auto& c : current.year_facts.prior)
    if (!c.table.empty()) claims.push_back(c);
  for (const auto& c : claims) {
    if (c.subject.empty()) continue;
    model::MaybeFigure before = gongkai::checks::PrimaryFigure(previous, c.subject);
    if (!before) continue;
    int64_t p = before->amount.fen();
    if (c.kind == model::Claim::Kind::kAmount && c.previous_year) {
      ++compared;
      if (c.amount.fen() != p) out.push_back({"prior-year-figure", c.subject, c.line, c.amount.fen(), p});
      continue;
    }
    if (c.kind != model::Claim::Kind::kChange) continue;
    model::MaybeFigure table = gongkai::checks::PrimaryFigure(current, c.subject);
    std::optional<model::Money> now = c.now ? c.now : table ? std::optional(table->amount) : std::nullopt;
    if (!now) continue;
    ++compared;
    if (c.base && c.base->fen() != p)
      out.push_back({"prior-year-figure", c.subject, c.base_line, c.base->fen(), p});
    int64_t diff = now->fen() - p;
    bool direction = diff == 0 || (diff > 0) == (c.direction > 0);
    if (c.amount.fen() != std::llabs(diff) || !direction)
      out.push_back({"prior-year-change", c.subject, c.line, c.amount.fen(), std::llabs(diff)});
  }
  return out;
}

std::set<std::string> ErrorRules(const model::Disclosure& d) {
  std::set<std::string> rules;
  for (const auto& f : d.findings)
    if (f.severity == model::Diagnostic::Severity::kError) rules.insert(f.rule);
  return rules;
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
  for (const auto& c_ : cases) {
    const uint64_t index = c_.first;
    const std::string& rule = c_.second;  // a reference, not a binding: clang's CAPTURE takes it
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

TEST_CASE("a series of three years states each year the previous document's own figures") {
  for (const char* name : {kSuizhou, kChengde}) {
    CAPTURE(name);
    corpus::Source s = LoadContent(name);
    REQUIRE(s.series.unusable == 0);
    std::set<std::string> departments;
    std::vector<corpus::GeneratedDocument> docs = corpus::GenerateSeries(s, 0, 0, 3, 42, departments);
    REQUIRE(docs.size() == 3);
    std::vector<model::Disclosure> parsed;
    for (const auto& g : docs) parsed.push_back(Pipeline(g));
    std::set<std::string> own = ErrorRules(Pipeline(corpus::GenerateDocument(s, 3, 42)));
    for (size_t t = 0; t < docs.size(); ++t) {
      CAPTURE(t);
      CHECK(docs[t].series == "series-00000");
      CHECK(docs[t].plant.rule.empty());
      CHECK(docs[t].department == docs[0].department);
      CHECK(parsed[t].department.name == docs[0].department);
      CHECK(parsed[t].year == docs[0].year + static_cast<int>(t));
      // Each document still agrees with itself: no error the source does not make. (From the
      // second year on, 承德's own narrative-change errors, l. 749's 17.19% and l. 757's 9.77
      // against 73.25 − 60.48, are gone: the restated changes are right.)
      for (const auto& rule : ErrorRules(parsed[t])) CHECK_MESSAGE(own.count(rule), rule);
      if (t == 0) continue;
      CHECK(docs[t].factor != docs[t - 1].factor);
      int compared = 0;
      std::vector<Disagreement> wrong = CrossYear(parsed[t - 1], parsed[t], compared);
      for (const auto& w : wrong) MESSAGE(w.rule << " " << w.subject << " at line " << w.line);
      CHECK(wrong.empty());
      CHECK(compared == (name == std::string(kSuizhou) ? kSuizhouStatements : kChengdeStatements));
    }
  }
}

TEST_CASE("a series document's previous-year figures, checked by hand") {
  corpus::Source s = LoadContent(kChengde);
  std::set<std::string> departments;
  std::vector<corpus::GeneratedDocument> docs = corpus::GenerateSeries(s, 0, 0, 2, 42, departments);
  model::Disclosure d = Pipeline(docs[1]);
  // Line 745 of the source: "2022年预算收支安排 1927.16万元，较 2021年预算 1536.36万元增加
  // 390.80万元，增加 25%": now 1927.16 × k1, base 1927.16 × k0, change 1927.16 × (k1 − k0).
  int64_t total = 192716 * 10000;
  int64_t k0 = docs[0].factor, k1 = docs[1].factor;
  bool found = false;
  for (const auto& c : d.claims) {
    if (c.line != 745 || c.subject != "income_total") continue;
    if (c.kind == model::Claim::Kind::kChange) {
      found = true;
      REQUIRE(c.base.has_value());
      CHECK(c.base->fen() == total * k0);
      CHECK(c.amount.fen() == total * std::llabs(k1 - k0));
      CHECK(c.direction == (k1 > k0 ? 1 : -1));
    } else if (c.kind == model::Claim::Kind::kChangePct) {
      // (k1 − k0) / k0 in whole percent, rounded half up, as the source printed 25.
      int64_t pct = (std::llabs(k1 - k0) * 200 + k0) / (2 * k0);
      CHECK(c.percent_scaled == pct);
    }
  }
  CHECK(found);
}

TEST_CASE("each planted cross-year inconsistency is where the manifest says, and only there") {
  // Series 1 plants prior-year-figure (else prior-year-change), series 5 prior-year-change.
  for (uint64_t series : {uint64_t{1}, uint64_t{5}}) {
    CAPTURE(series);
    corpus::Source s = LoadContent(kSuizhou);
    std::set<std::string> departments;
    std::vector<corpus::GeneratedDocument> docs =
        corpus::GenerateSeries(s, series, series * 3, 3, 42, departments);
    CHECK(docs[0].plant.rule.empty());
    CHECK(docs[1].plant.rule.empty());
    const corpus::Plant& plant = docs[2].plant;
    CHECK(plant.rule == (series == 1 ? "prior-year-figure" : "prior-year-change"));
    model::Disclosure before = Pipeline(docs[1]), planted = Pipeline(docs[2]);
    int compared = 0;
    std::vector<Disagreement> wrong = CrossYear(before, planted, compared);
    REQUIRE(wrong.size() == 1);
    CHECK(wrong[0].rule == plant.rule);
    CHECK(wrong[0].subject == plant.subject);
    CHECK(wrong[0].line == plant.line);
    CHECK(wrong[0].stated == plant.stated.fen());
    CHECK(wrong[0].expected == plant.expected.fen());
    int64_t difference = std::llabs(plant.stated.fen() - plant.expected.fen());
    CHECK(difference >= 1000000);  // ≥ 1 万元
    CHECK(difference * 100 >= plant.expected.fen());  // ≥ 1%
    // The planted document still agrees with itself.
    CHECK(ErrorRules(planted) == ErrorRules(Pipeline(corpus::GenerateDocument(s, 3, 42))));
    CHECK(CrossYear(Pipeline(docs[0]), before, compared).empty());
  }
}

TEST_CASE("a series from 綦江 prints the previous document's “三公” block and plants in it") {
  // 綦江 l. 172-175: `2022年预算数` over 合计 | 因公出国（境）费 | 公务用车购置及运行费 (小计 | 购置费
  // | 运行费) | 公务接待费, figures 1.00 | | | | | 1.00: each year prints k_(t-1) × that block first.
  corpus::Source s = LoadContent(kQijiang);
  std::set<std::string> departments;
  std::vector<corpus::GeneratedDocument> docs = corpus::GenerateSeries(s, 0, 0, 3, 42, departments);
  REQUIRE(docs.size() == 3);
  const int64_t wan = 1000000;  // fen
  model::Disclosure first = Pipeline(docs[0]), second = Pipeline(docs[1]), third = Pipeline(docs[2]);
  CHECK(first.previous_year.three_public.Empty());
  const model::PreviousYear& p = second.previous_year;
  CHECK(p.three_public_header == std::to_string(docs[0].year) + "年预算数");
  REQUIRE(p.three_public.total.has_value());
  CHECK(p.three_public.total->amount.fen() == docs[0].factor * wan);
  CHECK(p.three_public.total->line == 175);
  REQUIRE(p.three_public.reception.has_value());
  CHECK(p.three_public.reception->amount.fen() == docs[0].factor * wan);
  CHECK(!p.three_public.overseas.has_value());
  REQUIRE(second.three_public.total.has_value());
  CHECK(second.three_public.total->amount.fen() == docs[1].factor * wan);
  CHECK(docs[1].plant.rule.empty());
  CHECK(gongkai::years::CheckAcrossYears(first, second).current.empty());
  // Series 0 plants in its last year: the blank 因公出国（境）费 gets 1 万元 (5% of k × 1 万元 is
  // less) and 合计 grows by as much, so the block adds up but its 合计 is not the year before's.
  const corpus::Plant& plant = docs[2].plant;
  CHECK(plant.rule == "prior-year-figure");
  CHECK(plant.subject == "three_public.total");
  CHECK(plant.line == 175);
  CHECK(plant.expected.fen() == docs[1].factor * wan);
  CHECK(plant.stated.fen() == (docs[1].factor + 1) * wan);
  REQUIRE(third.previous_year.three_public.overseas.has_value());
  CHECK(third.previous_year.three_public.overseas->amount.fen() == wan);
  gongkai::years::CrossYearFindings found = gongkai::years::CheckAcrossYears(second, third);
  REQUIRE(found.current.size() == 1);
  CHECK(found.current[0].rule == "prior-year-figure");
  CHECK(found.current[0].lines == std::vector<int>{175});
  CHECK(found.current[0].message.find("《") != std::string::npos);  // names the table
  CHECK(ErrorRules(third) == ErrorRules(Pipeline(corpus::GenerateDocument(s, 3, 42))));
}

namespace {

// A corpus of `n` files in series of 3 years from content/, in a new temporary folder `out`.
corpus::CorpusReport SeriesCorpus(uint64_t n, uint64_t seed, std::string& out) {
  out = (boost::filesystem::temp_directory_path() /
         boost::filesystem::unique_path("corpus-series-%%%%%%%%")).string();
  corpus::CorpusOptions options;
  options.n = n;
  options.seed = seed;
  options.years = 3;
  options.out_dir = out;
  options.from_dir = kContent;
  return corpus::GenerateCorpus(options);
}

}  // namespace

TEST_CASE("a corpus of series: every seed's years agree but where the manifest plants") {
  // 10 series of 3 years, two from each seed of content/; series 1, 5 and 9 carry a plant in
  // the narrative, series 0 (綦江) one in its “三公” table's previous-year block.
  std::string out;
  corpus::CorpusReport report = SeriesCorpus(30, 7, out);
  REQUIRE_FALSE(report.fatal);
  CHECK(report.series == 10);
  std::ifstream in(out + "/MANIFEST.tsv");
  std::string line;
  std::getline(in, line);
  model::Disclosure previous;
  std::string previous_series;
  int plants = 0, compared_all = 0;
  while (std::getline(in, line)) {
    std::vector<std::string> r;
    std::istringstream cs(line);
    for (std::string cell; std::getline(cs, cell, '\t');) r.push_back(cell);
    REQUIRE(r.size() == 13);
    CAPTURE(r[0]);
    corpus::GeneratedDocument g;
    g.file_name = r[0];
    std::ifstream file(out + "/" + r[0], std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    g.text = text.str();
    model::Disclosure d = Pipeline(g);
    if (r[7] == previous_series) {
      int compared = 0;
      std::vector<Disagreement> wrong = CrossYear(previous, d, compared);
      compared_all += compared;
      // gongkai's own checks between years (years/cross_year.h) find each plant, on the line
      // the manifest names, as a warning on both years, and nothing in any other pair.
      gongkai::years::CrossYearFindings found = gongkai::years::CheckAcrossYears(previous, d);
      if (r[8] == "-") {
        CHECK(wrong.empty());
        CHECK(found.current.empty());
        CHECK(found.previous.empty());
      } else {
        REQUIRE(found.current.size() == 1);
        CHECK(found.current[0].rule == r[8]);
        CHECK(found.current[0].severity == model::Diagnostic::Severity::kWarning);
        REQUIRE_FALSE(found.current[0].lines.empty());
        CHECK(std::to_string(found.current[0].lines[0]) == r[10]);
        REQUIRE(found.previous.size() == 1);
        CHECK(found.previous[0].rule == r[8]);
        ++plants;
        REQUIRE(wrong.size() == 1);
        CHECK(wrong[0].rule == r[8]);
        CHECK(wrong[0].subject == r[9]);
        CHECK(std::to_string(wrong[0].line) == r[10]);
        CHECK(model::Money::FromFen(wrong[0].stated).WanYuan() == r[11]);
        CHECK(model::Money::FromFen(wrong[0].expected).WanYuan() == r[12]);
      }
    }
    previous = std::move(d);
    previous_series = r[7];
  }
  CHECK(plants == 4);
  // Each seed: 2 series × 2 years compared, of figures per document: 綦江 12 (of its 16
  // changes; the other 4 are about figures no table states) and 2 of its “三公” table's
  // previous-year block (合计, 公务接待费: the other parts are blank), 承德 7, 南充 5, 随州 17 (as
  // in the test above), 苍溪 3 (of 4).
  CHECK(compared_all == 4 * (12 + 2 + 7 + 5 + 17 + 3));
  boost::filesystem::remove_all(out);
}

TEST_CASE("a corpus of series lists every document's series and plant in its manifest") {
  std::string out;
  corpus::CorpusReport report = SeriesCorpus(8, 42, out);
  REQUIRE_FALSE(report.fatal);
  CHECK(report.written == 8);
  CHECK(report.series == 3);  // 3 + 3 + 2 documents
  std::ifstream in(out + "/MANIFEST.tsv");
  std::string header;
  std::getline(in, header);
  CHECK(header == "file\tsource\tseed\tfactor\tinjected\tyear\tdepartment\tseries\tplanted\t"
                  "figure\tline\tstated\texpected");
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::istringstream cs(line);
    for (std::string cell; std::getline(cs, cell, '\t');) cells.push_back(cell);
    REQUIRE(cells.size() == 13);
    rows.push_back(cells);
  }
  REQUIRE(rows.size() == 8);
  CHECK(rows[0][7] == "series-00000");
  CHECK(rows[2][7] == "series-00000");
  CHECK(rows[3][7] == "series-00001");
  CHECK(rows[7][7] == "series-00002");
  CHECK(std::stoi(rows[1][5]) == std::stoi(rows[0][5]) + 1);
  CHECK(rows[1][6] == rows[0][6]);
  CHECK(rows[3][6] != rows[0][6]);
  for (const auto& r : rows) CHECK(r[4] == "-");  // series carry no single-document injection
  CHECK(rows[5][8] != "-");                       // series 1's last year
  // Series 0 (綦江) plants in its “三公” table's previous-year block: 合计 on line 175.
  CHECK(rows[2][8] == "prior-year-figure");
  CHECK(rows[2][9] == "three_public.total");
  CHECK(rows[2][10] == "175");
  for (size_t i = 0; i < rows.size(); ++i)
    if (i != 5 && i != 2) CHECK(rows[i][8] == "-");
  boost::filesystem::remove_all(out);
}

}  // TEST_SUITE
