// The golden timeline: 江苏省政协办公厅 2017-2019 read from the PDFs in content/ and compared,
// figure by figure (amount, page of the original, change), with tests/years/ — transcribed and
// computed by hand.
#include <doctest/doctest.h>

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

}  // TEST_SUITE
