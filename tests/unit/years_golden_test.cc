// The golden timeline: 江苏省政协办公厅 2017-2019 read from the PDFs in content/ and compared,
// figure by figure (amount, page of the original, change), with tests/years/ — transcribed and
// computed by hand.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/money.h"
#include "pipeline/process.h"
#include "render/originals.h"
#include "pages/timeline.h"
#include "years/cross_year.h"
#include "years/series.h"
#include "years/timeline.h"

namespace years = gongkai::years;
using nlohmann::json;

namespace {

const std::string kSourceDir = GONGKAI_SOURCE_DIR;

std::string ChangeText(const gongkai::model::MaybeFigure& a, const gongkai::model::MaybeFigure& b) {
  auto c = years::ChangeBetween(a, b);
  if (!c) return "—";
  return years::SignedWan(c->amount) + "（" + years::SignedPercent(*c->percent_tenths) + "）";
}

}  // namespace

TEST_SUITE("years") {

TEST_CASE("the 江苏省政协办公厅 timeline matches its hand-checked golden") {
  std::ifstream in(kSourceDir + "/tests/years/jiangsu-cppcc-general-office.json");
  REQUIRE(in);
  const json golden = json::parse(in);
  std::vector<gongkai::model::Disclosure> docs;
  for (const auto& id : golden.at("ids")) {
    auto p = gongkai::pipeline::Process(kSourceDir + "/content/" + id.get<std::string>());
    REQUIRE(!p.Failed());
    p.disclosure.id = id.get<std::string>();
    docs.push_back(std::move(p.disclosure));
  }
  std::vector<const gongkai::model::Disclosure*> all;
  for (const auto& d : docs) all.push_back(&d);
  auto series = years::GroupIntoSeries(all, {});
  REQUIRE(series.size() == 1);  // the three years are one department
  const auto& s = series[0];
  CHECK(s.key == golden.at("key").get<std::string>());
  CHECK(s.name == golden.at("name").get<std::string>());
  REQUIRE(s.years.size() == 3);
  for (size_t i = 0; i < 3; ++i) CHECK(s.years[i]->year == golden.at("years")[i].get<int>());

  const auto timeline = years::Timeline(s);
  std::vector<std::string> subjects, expected;
  for (const auto& f : timeline) subjects.push_back(f.subject);
  for (const auto& g : golden.at("figures")) expected.push_back(g.at("subject").get<std::string>());
  CHECK(subjects == expected);
  for (const auto& g : golden.at("figures")) {
    const std::string subject = g.at("subject").get<std::string>();
    INFO(subject);
    const years::TimelineFigure* row = nullptr;
    for (const auto& f : timeline)
      if (f.subject == subject) row = &f;
    REQUIRE(row != nullptr);
    for (size_t i = 0; i < 3; ++i) {
      INFO(s.years[i]->year);
      REQUIRE(row->values[i].has_value());
      auto want = gongkai::model::Money::Parse(g.at("values")[i].get<std::string>());
      CHECK(row->values[i]->amount.fen() == want->fen());
      CHECK(gongkai::render::OriginalPageOf(*s.years[i], row->values[i]->line, "").page ==
            g.at("pages")[i].get<int>());
      if (i > 0)
        CHECK(ChangeText(row->values[i - 1], row->values[i]) == g.at("changes")[i - 1].get<std::string>());
    }
  }

  // The JSON timeline: 支出总计 of 2018 on line 393 (the 收支预算总表's 合计 row, page 1 of the
  // tables file), and its change from 2017.
  const json j = gongkai::pages::TimelineJson(s, timeline);
  CHECK(j.at("key") == "dept-de0f70fd5060");
  const json& total = j.at("figures").at(1);
  CHECK(total.at("subject") == "expenditure_total");
  CHECK(total.at("values").at(1).dump() ==
        R"({"amount":10150.48,"file":"江苏省政协办公厅2018度部门预算公开表.pdf","line":393,"page":1,)"
        R"("source":"source/2018-jiangsu-cppcc-general-office.html#L393","year":2018})");
  CHECK(total.at("changes").at(0).dump() == R"({"amount":1003.69,"from":2017,"percent":11.0,"to":2018})");
}

TEST_CASE("江苏省政协办公厅 2018's 与上年数一致 are changes of 0; the one 2017 states without doubt agrees") {
  // 2018's narrative (pdftotext of 江苏省政协办公厅2018年度部门预算.pdf, pp.7-15), by hand:
  //   "（2）政府性基金收入预算 0 万元，与上年数一致"       no subject (政府性基金收入预算: no keyword)
  //   "2.财政专户管理资金收入预算总计 0 万元，与上年数一致" income:财政专户
  //   "3.其他资金收入预算总计 80 万元，与上年数一致"       no subject
  //   "4.上年结转资金预算数为 0 万元，与上年数一致"         carryover_in
  //   "4.政协事务（款）委员视察（项）429.30 万元，与上年数一致" no subject (no 类, not in the tables)
  //   "（1）公务用车购置费 0 万元，与上年数一致"            three_public.vehicle_purchase
  //   "（2）公务用车运行维护费 156.60 万元，与上年数一致"    three_public.vehicle_operation
  //   "…2018 年政府性基金支出预算支出 0 万元，与上年数一致" gov_fund
  //   "…国有资本经营预算收入为 0 万元，与上年数一致"        income:国有资本经营
  // Of these only 公务用车运行维护费 is a figure both years state without doubt (2017's 表 p.11:
  // 156.60; 公务用车购置费 is a blank cell in both), and 156.60 = 156.60: no finding.
  std::vector<gongkai::model::Disclosure> docs;
  for (const char* id : {"2017-jiangsu-cppcc-general-office", "2018-jiangsu-cppcc-general-office"}) {
    auto p = gongkai::pipeline::Process(kSourceDir + "/content/" + id);
    REQUIRE(!p.Failed());
    p.disclosure.id = id;
    docs.push_back(std::move(p.disclosure));
  }
  gongkai::model::Disclosure& before = docs[0];
  const gongkai::model::Disclosure& after = docs[1];
  std::vector<std::pair<std::string, int>> same;
  for (const auto& c : after.year_facts.prior)
    if (c.kind == gongkai::model::Claim::Kind::kChange && c.direction == 0) same.emplace_back(c.subject, c.line);
  CHECK(same == std::vector<std::pair<std::string, int>>{{"income:财政专户", 149},
                                                         {"carryover_in", 152},
                                                         {"three_public.vehicle_purchase", 296},
                                                         {"three_public.vehicle_operation", 297},
                                                         {"gov_fund", 311},
                                                         {"income:国有资本经营", 331}});
  std::vector<std::string> compared;
  for (const auto& entry : same) {
    const std::string& subject = entry.first;  // not a binding: clang 14 cannot capture one
    auto sure = [&](const gongkai::model::Disclosure& d) {
      return std::find(d.year_facts.sure.begin(), d.year_facts.sure.end(), subject) != d.year_facts.sure.end();
    };
    if (sure(before) && sure(after)) compared.push_back(subject);
  }
  CHECK(compared == std::vector<std::string>{"three_public.vehicle_operation"});
  CHECK(years::CheckAcrossYears(before, after).current.empty());

  // Had 2017 said 150.00, both rules would find it, on 2018's line 297.
  for (auto& [subject, figure] : before.year_facts.headline)
    if (subject == "three_public.vehicle_operation") {
      CHECK(figure.amount.fen() == gongkai::model::Money::Parse("156.60")->fen());
      figure.amount = *gongkai::model::Money::Parse("150.00");
    }
  auto found = years::CheckAcrossYears(before, after);
  REQUIRE(found.current.size() == 2);
  CHECK(found.current[0].rule == "prior-year-figure");
  CHECK(found.current[0].lines.at(0) == 297);
  CHECK(found.current[1].rule == "prior-year-change");
  CHECK(found.current[1].message.rfind("2018 年公开第 297 行说公务用车运行维护费与上年相同；两年公开的数字之差（156.60 万元 − ", 0) == 0);
  CHECK(found.current[1].message.find("的 150.00 万元）为增加 6.60 万元") != std::string::npos);
}

}  // TEST_SUITE
