// Golden tests: each disclosure in content/ against the figures transcribed by hand into
// tests/golden/<case>/expected.json (see tests/golden/SPEC.md).
#include <doctest/doctest.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include <boost/filesystem.hpp>
#include <nlohmann/json.hpp>

#include "checks/check.h"
#include "ingest/document.h"
#include "model/json.h"
#include "model/money.h"
#include "parse/parser.h"

namespace {

namespace fs = boost::filesystem;
using gongkai::model::Figure;
using gongkai::model::MaybeFigure;
using gongkai::model::Money;
using nlohmann::json;

const std::string kSourceDir = GONGKAI_SOURCE_DIR;

// "431.1" -> "431.1 @ line 488", so a mismatch reads well in the report.
std::string Show(const MaybeFigure& f) {
  if (!f) return "null";
  return f->amount.WanYuan(2) + " @ line " + std::to_string(f->line);
}
std::string Show(const json& scalar) {
  if (scalar.is_null()) return "null";
  auto m = Money::Parse(scalar.at("amount").get<std::string>());
  return (m ? m->WanYuan(2) : "BAD " + scalar.at("amount").get<std::string>()) + " @ line " +
         std::to_string(scalar.at("line").get<int>());
}
std::string ShowAmount(const json& a) {
  if (a.is_null()) return "null";
  auto m = Money::Parse(a.get<std::string>());
  return m ? m->WanYuan(2) : "BAD " + a.get<std::string>();
}
std::string ShowAmount(const MaybeFigure& f) { return f ? f->amount.WanYuan(2) : "null"; }
std::string ShowAmount(const Figure& f) { return f.amount.WanYuan(2); }

gongkai::model::Disclosure ParseCase(const std::string& name) {
  gongkai::ingest::Document doc;
  std::vector<gongkai::model::Diagnostic> diagnostics;
  std::string path = kSourceDir + "/content/" + name + ".txt";
  REQUIRE_MESSAGE(gongkai::ingest::ReadDocument(path, doc, diagnostics), path);
  return gongkai::parse::ParseDocument(doc);
}

void CheckCase(const std::string& name) {
  std::ifstream in(kSourceDir + "/tests/golden/" + name + "/expected.json");
  REQUIRE(in);
  json e = json::parse(in);
  auto d = ParseCase(name);
  INFO("case " << name);

  CHECK(d.department.name == e.at("department").get<std::string>());
  CHECK(d.year == e.at("year").get<int>());
  for (const auto& dg : d.diagnostics) {
    INFO("diagnostic at line " << dg.line << ": " << dg.message);
    CHECK(dg.severity != gongkai::model::Diagnostic::Severity::kError);
  }

  const json& s = e.at("summary");
  CHECK(d.summary.table == s.at("table").get<std::string>());
  struct { const char* key; const MaybeFigure& got; } summary_fields[] = {
      {"income_total", d.summary.income_total},
      {"expenditure_total", d.summary.expenditure_total},
      {"current_income", d.summary.current_income},
      {"current_expenditure", d.summary.current_expenditure},
      {"carryover_in", d.summary.carryover_in},
      {"carryover_out", d.summary.carryover_out}};
  for (const auto& f : summary_fields) {
    INFO("summary." << f.key);
    CHECK(Show(f.got) == Show(s.contains(f.key) ? s.at(f.key) : json()));
  }
  const json& items = s.at("income_items");
  REQUIRE(d.summary.income_items.size() == items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    INFO("income item " << i);
    CHECK(d.summary.income_items[i].name == items[i].at("name").get<std::string>());
    CHECK(ShowAmount(d.summary.income_items[i].amount) == ShowAmount(items[i].at("amount")));
    CHECK(d.summary.income_items[i].amount.line == items[i].at("line").get<int>());
  }
  const json& classes = s.at("expenditure_classes");
  REQUIRE(d.summary.expenditure_classes.size() == classes.size());
  for (size_t i = 0; i < classes.size(); ++i) {
    INFO("expenditure class " << i);
    const auto& c = d.summary.expenditure_classes[i];
    CHECK(c.code == classes[i].at("code").get<std::string>());
    CHECK(c.name == classes[i].at("name").get<std::string>());
    CHECK(ShowAmount(c.amount) == ShowAmount(classes[i].at("amount")));
    CHECK(c.amount.line == classes[i].at("line").get<int>());
  }

  const json& x = e.at("expenditure");
  struct { const char* key; const MaybeFigure& got; } exp_fields[] = {
      {"total", d.expenditure.total},         {"basic", d.expenditure.basic},
      {"project", d.expenditure.project},     {"personnel", d.expenditure.personnel},
      {"public", d.expenditure.public_}};
  for (const auto& f : exp_fields) {
    INFO("expenditure." << f.key);
    CHECK(Show(f.got) == Show(x.at(f.key)));
  }

  const json& fn = e.at("functional");
  REQUIRE(d.functional.size() == fn.size());
  for (size_t i = 0; i < fn.size(); ++i) {
    const auto& r = d.functional[i];
    INFO("functional row " << i << " " << fn[i].at("code").get<std::string>());
    CHECK(r.code == fn[i].at("code").get<std::string>());
    CHECK(r.name == fn[i].at("name").get<std::string>());
    CHECK(r.level == fn[i].at("level").get<int>());
    CHECK(ShowAmount(r.total) == ShowAmount(fn[i].at("total")));
    CHECK(ShowAmount(r.basic) == ShowAmount(fn[i].at("basic")));
    CHECK(ShowAmount(r.project) == ShowAmount(fn[i].at("project")));
    CHECK(r.line == fn[i].at("line").get<int>());
  }

  const json& ec = e.at("economic");
  REQUIRE(d.economic.size() == ec.size());
  for (size_t i = 0; i < ec.size(); ++i) {
    const auto& r = d.economic[i];
    INFO("economic row " << i << " " << ec[i].at("code").get<std::string>());
    CHECK(r.code == ec[i].at("code").get<std::string>());
    CHECK(r.name == ec[i].at("name").get<std::string>());
    CHECK(ShowAmount(r.total) == ShowAmount(ec[i].at("total")));
    CHECK(ShowAmount(r.personnel) == ShowAmount(ec[i].at("personnel")));
    CHECK(ShowAmount(r.public_) == ShowAmount(ec[i].at("public")));
    CHECK(r.line == ec[i].at("line").get<int>());
  }

  const json& pr = e.at("projects");
  REQUIRE(d.projects.size() == pr.size());
  for (size_t i = 0; i < pr.size(); ++i) {
    const auto& p = d.projects[i];
    INFO("project " << i << " " << pr[i].at("name").get<std::string>());
    CHECK(p.name == pr[i].at("name").get<std::string>());
    CHECK(ShowAmount(p.amount) == ShowAmount(pr[i].at("amount")));
    CHECK(p.line == pr[i].at("line").get<int>());
    const json& fc = pr[i].at("function_code");
    CHECK((p.function_code ? *p.function_code : std::string("null")) ==
          (fc.is_null() ? std::string("null") : fc.get<std::string>()));
    CHECK(p.category == pr[i].value("category", std::string()));
    CHECK(p.code == pr[i].value("code", std::string()));
  }

  const json& t = e.at("three_public");
  struct { const char* key; const MaybeFigure& got; } three_fields[] = {
      {"total", d.three_public.total},
      {"overseas", d.three_public.overseas},
      {"vehicle_purchase", d.three_public.vehicle_purchase},
      {"vehicle_operation", d.three_public.vehicle_operation},
      {"reception", d.three_public.reception}};
  for (const auto& f : three_fields) {
    INFO("three_public." << f.key);
    CHECK(Show(f.got) == Show(t.at(f.key)));
  }

  const json& tables = e.at("tables");
  REQUIRE(d.tables.size() == tables.size());
  for (size_t i = 0; i < tables.size(); ++i) {
    INFO("table " << i);
    CHECK(gongkai::model::TableKindId(d.tables[i].kind) == tables[i].at("kind").get<std::string>());
    CHECK(d.tables[i].line == tables[i].at("line").get<int>());
  }
}

// The findings the checks report on a disclosure, in order, against findings.json, where each
// was checked by hand against the source (the "checked_by_hand" note says how).
void CheckFindings(const std::string& name) {
  std::ifstream in(kSourceDir + "/tests/golden/" + name + "/findings.json");
  REQUIRE(in);
  json e = json::parse(in);
  auto d = ParseCase(name);
  gongkai::checks::RunChecks(d);
  INFO("case " << name);
  std::vector<std::string> got, want;
  for (const auto& f : d.findings)
    got.push_back(f.rule + " " + gongkai::model::SeverityName(f.severity) + " line " +
                  std::to_string(f.lines.front()));
  for (const auto& f : e.at("findings"))
    want.push_back(f.at("rule").get<std::string>() + " " + f.at("severity").get<std::string>() +
                   " line " + std::to_string(f.at("line").get<int>()));
  CHECK(got == want);
  for (size_t i = 0; i < got.size() || i < want.size(); ++i) {
    INFO("finding " << i);
    CHECK((i < got.size() ? got[i] : "none") == (i < want.size() ? want[i] : "none"));
  }
}

}  // namespace

TEST_SUITE("golden") {
  TEST_CASE("2022 Nanchong: the checks report the one share that rounds wrongly") {
    CheckFindings("2022-sichuan-nanchong-medical-security-center");
  }
  TEST_CASE("2023 Cangxi: only rounding differences, each a notice") {
    CheckFindings("2023-sichuan-cangxi-healthcare-security-bureau");
  }
  TEST_CASE("2022 Qijiang: wrong department in a title, 元 label over 万元 figures, and more") {
    CheckFindings("2022-chongqing-qijiang-medical-security-affairs-center");
  }
  TEST_CASE("2022 Chengde: a change that does not add up and a percentage on the wrong base") {
    CheckFindings("2022-hebei-chengde-healthcare-security-bureau");
  }
  TEST_CASE("2023 Zengdu: project budgets stated differently in text and table, and more") {
    CheckFindings("2023-hubei-suizhou-zengdu-medical-security-service-center");
  }
  TEST_CASE("no disclosure gets an error for a difference rounding explains") {
    for (const char* name : {"2022-sichuan-nanchong-medical-security-center",
                             "2023-sichuan-cangxi-healthcare-security-bureau",
                             "2022-chongqing-qijiang-medical-security-affairs-center",
                             "2022-hebei-chengde-healthcare-security-bureau",
                             "2023-hubei-suizhou-zengdu-medical-security-service-center"}) {
      auto d = ParseCase(name);
      gongkai::checks::RunChecks(d);
      for (const auto& f : d.findings) {
        INFO(name << ": " << f.message);
        bool rounding = f.message.find("在尾数误差") != std::string::npos;
        if (rounding) CHECK(f.severity == gongkai::model::Diagnostic::Severity::kNotice);
      }
    }
  }
  TEST_CASE("2022 Nanchong (space tables, split codes, column blocks) matches its golden file") {
    CheckCase("2022-sichuan-nanchong-medical-security-center");
  }
  TEST_CASE("2023 Cangxi (tab tables, thousands separators) matches its golden file") {
    CheckCase("2023-sichuan-cangxi-healthcare-security-bureau");
  }
  TEST_CASE("2022 Qijiang (Markdown tabs, <b> cells, no 部门收支总表) matches its golden file") {
    CheckCase("2022-chongqing-qijiang-medical-security-affairs-center");
  }
  TEST_CASE("2022 Chengde (row numbers, repeated page headers, wrapped names) matches its golden file") {
    CheckCase("2022-hebei-chengde-healthcare-security-bureau");
  }
  TEST_CASE("2023 Zengdu (broken and glued numbers, split project codes) matches its golden file") {
    CheckCase("2023-hubei-suizhou-zengdu-medical-security-service-center");
  }
  TEST_CASE("every disclosure in content/ has a golden file") {
    // Text disclosures have tests/golden/<case>/; PDF ones (a file or a folder of files) are
    // published documents whose figures were transcribed page by page into tests/real/golden
    // (tests/real/content.tsv says which golden covers which).
    std::ifstream map(kSourceDir + "/tests/real/content.tsv");
    std::string mapping((std::istreambuf_iterator<char>(map)), std::istreambuf_iterator<char>());
    int text = 0, pdf = 0;
    for (fs::directory_iterator it(kSourceDir + "/content"), end; it != end; ++it) {
      std::string name = it->path().filename().string();
      INFO(name);
      if (name == "aliases.tsv") continue;  // the department names across years, no disclosure
      if (it->path().extension() == ".txt") {
        CHECK(fs::exists(kSourceDir + "/tests/golden/" + it->path().stem().string() + "/expected.json"));
        ++text;
      } else {
        CHECK(mapping.find(name + "\t") != std::string::npos);
        ++pdf;
      }
    }
    CHECK(text == 5);
    CHECK(pdf == 5);
  }

  // A golden amount of tests/real/golden ("10692.90" in the golden's unit) as fen.
  std::optional<Money> RealAmount(const json& figure, const std::string& unit) {
    if (figure.is_null()) return std::nullopt;
    return Money::Parse(figure.at("amount").get<std::string>(),
                        unit == "元" ? gongkai::model::Unit::kYuan : gongkai::model::Unit::kWanYuan);
  }
  void CheckReal(const std::string& label, const json& want, const std::string& unit,
                 const MaybeFigure& got) {
    INFO(label);
    if (want.is_null()) {
      // Not printed: no figure, or a blank cell that is a zero.
      CHECK((!got || got->amount.IsZero()));
      return;
    }
    auto m = RealAmount(want, unit);
    REQUIRE(m);
    REQUIRE(got);
    CHECK(got->amount.fen() == m->fen());
  }

  TEST_CASE("the PDF disclosures in content/ match their hand-checked goldens") {
    std::ifstream map(kSourceDir + "/tests/real/content.tsv");
    std::string line;
    int checked = 0;
    while (std::getline(map, line)) {
      if (line.empty() || line[0] == '#' || line.rfind("content\t", 0) == 0) continue;
      std::string name = line.substr(0, line.find('\t'));
      std::string golden_file = line.substr(line.find('\t') + 1);
      INFO(name);
      std::ifstream g(kSourceDir + "/tests/real/golden/" + golden_file);
      REQUIRE(g);
      json golden = json::parse(g);
      gongkai::ingest::Document doc;
      std::vector<gongkai::model::Diagnostic> diagnostics;
      REQUIRE(gongkai::ingest::ReadDisclosure(kSourceDir + "/content/" + name, doc, diagnostics));
      auto d = gongkai::parse::ParseDocument(doc);
      std::string unit = golden.at("unit").get<std::string>();
      const auto& s = golden.at("summary");
      CheckReal("summary.income_total", s.at("income_total"), unit, d.summary.income_total);
      CheckReal("summary.expenditure_total", s.at("expenditure_total"), unit, d.summary.expenditure_total);
      CheckReal("summary.current_income", s.at("current_income"), unit, d.summary.current_income);
      CheckReal("summary.current_expenditure", s.at("current_expenditure"), unit,
                d.summary.current_expenditure);
      const auto& e = golden.at("expenditure");
      CheckReal("expenditure.total", e.at("total"), unit, d.expenditure.total);
      CheckReal("expenditure.basic", e.at("basic"), unit, d.expenditure.basic);
      CheckReal("expenditure.project", e.at("project"), unit, d.expenditure.project);
      CheckReal("expenditure.reserve", e.at("reserve"), unit, d.expenditure.reserve);
      const auto& t = golden.at("three_public");
      CheckReal("three_public.total", t.at("total"), unit, d.three_public.total);
      CheckReal("three_public.overseas", t.at("overseas"), unit, d.three_public.overseas);
      CheckReal("three_public.reception", t.at("reception"), unit, d.three_public.reception);
      CheckReal("three_public.vehicle_total", t.at("vehicle_total"), unit, d.three_public.vehicle_total);
      CheckReal("three_public.vehicle_purchase", t.at("vehicle_purchase"), unit,
                d.three_public.vehicle_purchase);
      CheckReal("three_public.vehicle_operation", t.at("vehicle_operation"), unit,
                d.three_public.vehicle_operation);
      for (const auto& c : golden.at("classes")) {
        std::string code = c.at("code").get<std::string>();
        MaybeFigure got;
        for (const auto& r : d.functional)
          if (r.code == code) got = r.total;
        if (!got)
          for (const auto& r : d.summary.expenditure_classes)
            if (r.code == code) got = r.amount;
        CheckReal("class " + code, c, unit, got);
      }
      ++checked;
    }
    CHECK(checked == 5);
  }
}
