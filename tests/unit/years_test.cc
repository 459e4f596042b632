// Unit tests for one department across the years (years/): the key and the alias list, series
// and places, the timeline and its changes, and the checks between years on hand-made pairs.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "model/disclosure.h"
#include "pages/timeline.h"
#include "years/cross_year.h"
#include "years/facts.h"
#include "years/identity.h"
#include "years/series.h"
#include "years/timeline.h"

#include "figures.h"

namespace model = gongkai::model;
namespace years = gongkai::years;
using model::Claim;
using model::Disclosure;
using model::Figure;
using model::Money;
using Severity = model::Diagnostic::Severity;
using gongkai::test::F;
using gongkai::test::M;

namespace {

Disclosure Doc(const std::string& id, const std::string& name, int year) {
  Disclosure d;
  d.id = id;
  d.department.name = name;
  d.year = year;
  return d;
}

// A change the narrative states: "支出总计比上年（base）增加 amount 万元", on `line`.
Claim Change(const std::string& subject, const char* amount, int direction, const char* base,
             int line) {
  Claim c;
  c.kind = Claim::Kind::kChange;
  c.subject = subject;
  c.amount = M(amount);
  c.direction = direction;
  c.line = line;
  if (base) {
    c.base = M(base);
    c.base_line = line;
  }
  return c;
}

}  // namespace

TEST_SUITE("years") {

TEST_CASE("a department's key is the hash of its normalised name, the same under an alias") {
  std::vector<model::Diagnostic> diags;
  auto aliases = years::ParseAliases("# 江苏\n江苏省法院\t江苏省高级人民法院\n\n", diags);
  CHECK(diags.empty());
  model::Department full{"江苏省高级人民法院", 3, "江苏省", "province"};
  model::Department alias{"江苏省 法院", 9, "", ""};
  // sha256("江苏省高级人民法院") = a839bd818e4f…, sha256("江苏省政协办公厅") = de0f70fd5060…
  CHECK(years::DepartmentKey(full, aliases) == "dept-a839bd818e4f");
  CHECK(years::DepartmentKey(alias, aliases) == "dept-a839bd818e4f");
  CHECK(years::DepartmentKey({"江苏省政协办公厅　", 1, "", ""}, aliases) == "dept-de0f70fd5060");
  CHECK(years::DepartmentKey({"", 0, "", ""}, aliases).empty());
}

TEST_CASE("names are compared without white space and with full-width brackets as ASCII") {
  CHECK(years::NormaliseName(" 江苏省 政协办公厅（机关）\t") == "江苏省政协办公厅(机关)");
  CHECK(years::NormaliseName("２０１９年") == "2019年");
}

TEST_CASE("bad lines of the alias list are reported with their line and left out") {
  std::vector<model::Diagnostic> diags;
  auto aliases = years::ParseAliases(
      "省法院\t江苏省高级人民法院\n"   // 1: kept
      "没有制表符\n"                   // 2: no tab
      "甲\t乙\t丙\n"                   // 3: two tabs
      "省法院\t别的法院\n"             // 4: the alias already stands for another
      "同名\t同名\n"                   // 5: its own alias
      "江苏省高级人民法院\t最高法院\n"  // 6: a full name made an alias
      "\t空\n",                        // 7: an empty name
      diags);
  REQUIRE(diags.size() == 6);
  CHECK(diags[0].line == 2);
  CHECK(diags[0].rule == "aliases");
  CHECK(diags[0].message.find("one tab") != std::string::npos);
  CHECK(diags[1].line == 3);
  CHECK(diags[2].line == 4);
  CHECK(diags[2].message == "the alias 省法院 already stands for 江苏省高级人民法院, not 别的法院");
  CHECK(diags[3].line == 5);
  CHECK(diags[4].line == 7);
  // Line 6 makes 江苏省高级人民法院 an alias, so line 1's full name leads through two steps:
  // line 1 is left out (and 6 is kept), reported without a line.
  CHECK(diags[5].line == 0);
  CHECK(aliases.full_name.count("省法院") == 0);
  CHECK(aliases.full_name.at("江苏省高级人民法院") == "最高法院");
}

TEST_CASE("a series holds one department's budgets by year; places link the nearest years") {
  Disclosure a = Doc("2019-x", "江苏省政协办公厅", 2019), b = Doc("2017-x", "江苏省政协办公厅", 2017),
             c = Doc("2018-x", "江苏省 政协办公厅", 2018), other = Doc("2019-y", "江苏省高级人民法院", 2019),
             account = Doc("2018-z", "江苏省政协办公厅", 2018), no_year = Doc("w", "江苏省政协办公厅", 0);
  account.kind = "final_account";
  auto series = years::GroupIntoSeries({&a, &b, &c, &other, &account, &no_year}, {});
  REQUIRE(series.size() == 2);
  const auto& s = series[0].key == "dept-de0f70fd5060" ? series[0] : series[1];
  REQUIRE(s.years.size() == 3);
  CHECK(s.years[0]->id == "2017-x");
  CHECK(s.years[1]->id == "2018-x");
  CHECK(s.years[2]->id == "2019-x");
  auto places = years::PlacesOf(series);
  REQUIRE(places.size() == 3);  // the court has one year: no place
  CHECK(places.at("2018-x").previous == "2017-x");
  CHECK(places.at("2018-x").next == "2019-x");
  CHECK(places.at("2018-x").count == 3);
  CHECK(places.at("2017-x").previous.empty());
  CHECK(places.at("2019-x").next.empty());
  CHECK(places.at("2019-x").previous_year == 2018);
  // Two disclosures of one year are no timeline.
  Disclosure again = Doc("2019-y2", "江苏省高级人民法院", 2019);
  auto same_year = years::GroupIntoSeries({&other, &again}, {});
  REQUIRE(same_year.size() == 1);
  CHECK(same_year[0].years.size() == 2);
  CHECK(!same_year[0].SpansYears());
  CHECK(years::PlacesOf(same_year).empty());
}

TEST_CASE("a change is exact in 万元 and in percent of the year before, to one decimal") {
  auto up = years::ChangeBetween(F("12000.00", 3), F("13377.11", 5));
  REQUIRE(up);
  CHECK(up->amount.fen() == M("1377.11").fen());
  CHECK(*up->percent_tenths == 115);  // 1377.11 / 12000 = 11.4759 %
  CHECK(years::SignedWan(up->amount) == "+1377.11");
  CHECK(years::SignedPercent(*up->percent_tenths) == "+11.5%");
  auto down = years::ChangeBetween(F("100.00", 3), F("90.00", 5));
  CHECK(years::SignedWan(down->amount) == "−10.00");
  CHECK(years::SignedPercent(*down->percent_tenths) == "−10.0%");
  CHECK(!years::ChangeBetween(F("0.00", 3), F("5.00", 5))->percent_tenths);
  CHECK(!years::ChangeBetween(std::nullopt, F("5.00", 5)));
}

TEST_CASE("the timeline has a row for each headline figure some year states") {
  Disclosure a = Doc("2018-x", "某部门", 2018), b = Doc("2019-x", "某部门", 2019);
  a.summary.expenditure_total = F("100.00", 10);
  b.summary.expenditure_total = F("120.00", 12);
  b.summary.expenditure_classes = {{"201", "一般公共服务支出", F("80.00", 14)}};
  a.expenditure.basic = F("60.00", 20);
  years::Series s{"k", "某部门", {&a, &b}};
  auto rows = years::Timeline(s);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].subject == "expenditure_total");
  CHECK(rows[0].values[1]->amount.fen() == M("120.00").fen());
  CHECK(rows[1].subject == "basic");
  CHECK(!rows[1].values[1]);
  CHECK(rows[2].subject == "class:201");
  CHECK(rows[2].label == "一般公共服务支出（201）");
  CHECK(!rows[2].values[0]);
  // The long CSV: one row per stated figure, with its file and line.
  a.source.path = "content/2018-x.txt";
  b.source.path = "content/2019-x.txt";
  CHECK(gongkai::pages::TimelineCsv({s}) ==
        "key,department,year,id,figure,label,amount,source_file,line,page\n"
        "k,某部门,2018,2018-x,expenditure_total,支出总计,100.00,2018-x.txt,10,\n"
        "k,某部门,2019,2019-x,expenditure_total,支出总计,120.00,2019-x.txt,12,\n"
        "k,某部门,2018,2018-x,basic,基本支出,60.00,2018-x.txt,20,\n"
        "k,某部门,2019,2019-x,class:201,一般公共服务支出（201）,80.00,2019-x.txt,14,\n");
}

TEST_CASE("timeline.csv takes the rows of a series none of whose years was built from the last one") {
  Disclosure a = Doc("2018-x", "某部门", 2018), b = Doc("2019-x", "某部门", 2019),
             c = Doc("2019-y", "另一部门", 2019);
  a.summary.expenditure_total = F("100.00", 10);
  b.summary.expenditure_total = F("120.00", 12);
  c.summary.expenditure_total = F("7.00", 3);
  const std::vector<years::Series> series = {{"k", "某部门", {&a, &b}}, {"m", "另一部门", {&c}}};
  const std::string previous = gongkai::pages::TimelineCsv(series);
  auto none = [](const years::Series&) { return true; };
  // Nothing built: the last file's bytes, not copied.
  bool unchanged = false;
  CHECK(gongkai::pages::TimelineCsv(series, previous, none, &unchanged).size() == 0);
  CHECK(unchanged);
  // m's year edited (built): its rows made, k's taken from the last file (here changed by hand,
  // to tell them from made ones).
  c.summary.expenditure_total = F("8.00", 3);
  std::string marked = previous;
  marked.replace(marked.find("100.00"), 6, "999.99");
  auto k_only = [](const years::Series& s) { return s.key == "k"; };
  const std::string spliced = gongkai::pages::TimelineCsv(series, marked, k_only, &unchanged).Joined();
  CHECK_FALSE(unchanged);
  CHECK(spliced.find(",999.99,") != std::string::npos);
  CHECK(spliced.find("m,另一部门,2019,2019-y,expenditure_total,支出总计,8.00,") != std::string::npos);
  CHECK(gongkai::pages::TimelineCsv(series, previous, k_only).Joined() == gongkai::pages::TimelineCsv(series));
  // Made again to the same bytes: still the last file, unchanged.
  c.summary.expenditure_total = F("7.00", 3);
  CHECK(gongkai::pages::TimelineCsv(series, previous, k_only, &unchanged).size() == 0);
  CHECK(unchanged);
  // A series gone (m removed): its rows are not carried.
  const std::vector<years::Series> fewer = {series[0]};
  CHECK(gongkai::pages::TimelineCsv(fewer, previous, none, &unchanged).Joined() ==
        gongkai::pages::TimelineCsv(fewer));
  CHECK_FALSE(unchanged);
}

// Two consecutive years of one department: 2019 states its 支出总计 and what it was in 2018.
struct Pair {
  Disclosure previous = Doc("2018-x", "某部门", 2018), current = Doc("2019-x", "某部门", 2019);
  Pair() {
    previous.summary.expenditure_total = F("1536.36", 40);
    previous.year_facts.sure = {"expenditure_total"};
    current.summary.expenditure_total = F("1927.16", 50);
    current.year_facts.sure = {"expenditure_total"};
  }
};

TEST_CASE("prior-year-figure and prior-year-change are silent where both years agree") {
  Pair p;
  p.current.year_facts.prior = {Change("expenditure_total", "390.80", 1, "1536.36", 700)};
  auto found = years::CheckAcrossYears(p.previous, p.current);
  CHECK(found.current.empty());
  CHECK(found.previous.empty());
}

TEST_CASE("prior-year-figure warns on both years when the stated 上年 figure differs") {
  Pair p;
  // 上年 1536.00 stated, 1536.36 published: 0.36 beyond the 0.01 two figures may differ by.
  // The stated change 391.16 holds within the document (1927.16 − 1536.00) but not between
  // the two: 1927.16 − 1536.36 = 390.80, a prior-year-change too.
  p.current.year_facts.prior = {Change("expenditure_total", "391.16", 1, "1536.00", 700)};
  auto found = years::CheckAcrossYears(p.previous, p.current);
  REQUIRE(found.current.size() == 2);
  REQUIRE(found.previous.size() == 2);
  CHECK(found.current[1].rule == "prior-year-change");
  CHECK(found.current[1].severity == Severity::kWarning);
  CHECK(found.current[0].rule == "prior-year-figure");
  CHECK(found.current[0].severity == Severity::kWarning);
  CHECK(found.current[0].lines == std::vector<int>{700});
  CHECK(found.previous[0].lines == std::vector<int>{40});
  CHECK(found.current[0].message ==
        "2019 年公开第 700 行所说上年支出总计为 1536.00 万元，2018 年公开（2018-x）第 40 行为 "
        "1536.36 万元（上年公开的是年初预算；预算年中可能调整，故为提示或警告）");
  CHECK(found.previous[0].message == found.current[0].message);
}

TEST_CASE("a difference within rounding is a notice") {
  Pair p;
  p.current.year_facts.prior = {Change("expenditure_total", "390.81", 1, "1536.35", 700)};
  auto found = years::CheckAcrossYears(p.previous, p.current);
  REQUIRE(found.current.size() == 2);
  CHECK(found.current[0].rule == "prior-year-figure");
  CHECK(found.current[0].severity == Severity::kNotice);  // 0.01 of a 0.01 tolerance
  CHECK(found.current[1].rule == "prior-year-change");
  CHECK(found.current[1].severity == Severity::kNotice);  // 390.81 against 390.80, tolerance 0.015
}

TEST_CASE("prior-year-change warns when the stated change is not the two documents' difference") {
  Pair p;
  p.current.year_facts.prior = {Change("expenditure_total", "400.00", 1, nullptr, 700)};
  auto found = years::CheckAcrossYears(p.previous, p.current);
  REQUIRE(found.current.size() == 1);
  CHECK(found.current[0].rule == "prior-year-change");
  CHECK(found.current[0].severity == Severity::kWarning);
  CHECK(found.current[0].lines == std::vector<int>{700, 50});
  CHECK(found.previous[0].lines == std::vector<int>{40});
  CHECK(found.current[0].message.find("说支出总计比上年增加 400.00 万元；两年公开的数字之差（1927.16 万元 − "
                                      "2018 年公开 2018-x 第 40 行的 1536.36 万元）为增加 390.80 万元") !=
        std::string::npos);
  // The right amount in the wrong direction is a finding too.
  p.current.year_facts.prior = {Change("expenditure_total", "390.80", -1, nullptr, 700)};
  found = years::CheckAcrossYears(p.previous, p.current);
  REQUIRE(found.current.size() == 1);
  CHECK(found.current[0].severity == Severity::kWarning);
}

TEST_CASE("与上年相同 is compared between years: the previous year's figure must be this year's") {
  // "支出总计 1927.16 万元，与上年预算数相同": 上年 stated as 1927.16 (the parser's base), a
  // change of 0; the 2018 document says 1536.36.
  Pair p;
  Claim same = Change("expenditure_total", "0", 0, "1927.16", 700);
  same.base_line = 50;
  p.current.year_facts.prior = {same};
  auto found = years::CheckAcrossYears(p.previous, p.current);
  REQUIRE(found.current.size() == 2);
  CHECK(found.current[0].rule == "prior-year-figure");
  CHECK(found.current[0].severity == Severity::kWarning);
  CHECK(found.current[0].lines == std::vector<int>{50});
  CHECK(found.current[0].message ==
        "2019 年公开第 50 行所说上年支出总计为 1927.16 万元，2018 年公开（2018-x）第 40 行为 "
        "1536.36 万元（上年公开的是年初预算；预算年中可能调整，故为提示或警告）");
  CHECK(found.current[1].rule == "prior-year-change");
  CHECK(found.current[1].severity == Severity::kWarning);
  CHECK(found.current[1].lines == std::vector<int>{700, 50});
  CHECK(found.current[1].message ==
        "2019 年公开第 700 行说支出总计与上年相同；两年公开的数字之差（1927.16 万元 − 2018 年公开 "
        "2018-x 第 40 行的 1536.36 万元）为增加 390.80 万元（上年公开的是年初预算；预算年中可能调整，"
        "故为提示或警告）");
  CHECK(found.previous.size() == 2);
  // Where 2018 says 1927.16 too, both agree: nothing.
  p.previous.summary.expenditure_total = F("1927.16", 40);
  CHECK(years::CheckAcrossYears(p.previous, p.current).current.empty());
}

TEST_CASE("the checks between years fail closed") {
  Pair p;
  p.current.year_facts.prior = {Change("expenditure_total", "400.00", 1, "1000.00", 700)};
  SUBCASE("a figure the previous year does not state without doubt is not compared") {
    p.previous.year_facts.sure.clear();
    CHECK(years::CheckAcrossYears(p.previous, p.current).current.empty());
  }
  SUBCASE("a change of another subject is not compared with the total") {
    p.current.year_facts.prior[0].subject = "class:201";
    CHECK(years::CheckAcrossYears(p.previous, p.current).current.empty());
  }
  SUBCASE("years that are not consecutive are not compared") {
    p.previous.year = 2017;
    CHECK(years::CheckAcrossYears(p.previous, p.current).current.empty());
  }
  SUBCASE("the current figure not stated without doubt: only the 上年 figure is compared") {
    p.current.year_facts.sure.clear();
    auto found = years::CheckAcrossYears(p.previous, p.current);
    REQUIRE(found.current.size() == 1);
    CHECK(found.current[0].rule == "prior-year-figure");
  }
}

// The “三公” table of 2026 states its 2025年预算数 block (重庆 3be48d9f27: 396.97 = 184.49 +
// 202.48 + 10.00); the 2025 disclosure published 396.97 too, and 公务接待费 12.00.
struct ThreePublicPair {
  Disclosure previous = Doc("2025-x", "某部门", 2025), current = Doc("2026-x", "某部门", 2026);
  ThreePublicPair() {
    previous.three_public.total = F("396.97", 30);
    previous.three_public.reception = F("12.00", 30);
    previous.year_facts.sure = {"three_public.total", "three_public.reception"};
    current.tables.push_back({gongkai::model::TableKind::kThreePublic,
                              "2026年财政拨款“三公”经费支出情况表", 401, "万元"});
    current.three_public.total = F("394.49", 414);
    auto& p = current.previous_year;
    p.three_public_header = "2025年预算数";
    p.three_public.total = F("396.97", 414);
    p.three_public.overseas = F("184.49", 414);
    p.three_public.vehicle_total = F("202.48", 414);
    p.three_public.reception = F("10.00", 414);
  }
};

TEST_CASE("a “三公” table's previous-year block becomes claims about the previous year") {
  ThreePublicPair p;
  years::ComputeYearFacts(p.current);
  const auto& prior = p.current.year_facts.prior;
  REQUIRE(prior.size() == 4);
  CHECK(prior[0].subject == "three_public.total");
  CHECK(prior[0].amount.fen() == M("396.97").fen());
  CHECK(prior[0].line == 414);
  CHECK(prior[0].previous_year);
  CHECK(prior[0].table == "《2026年财政拨款“三公”经费支出情况表》2025年预算数");
  CHECK(prior[3].subject == "three_public.reception");
  CHECK(p.current.year_facts.prior_index.empty());  // no narrative claim: no index in claims
}

TEST_CASE("prior-year-figure compares a table's previous-year figure, saying which table") {
  ThreePublicPair p;
  years::ComputeYearFacts(p.current);
  auto found = years::CheckAcrossYears(p.previous, p.current);
  // 合计 396.97 agrees; 公务接待费 10.00 against 12.00 does not; the parts 2025 does not state
  // without doubt are not compared.
  REQUIRE(found.current.size() == 1);
  REQUIRE(found.previous.size() == 1);
  CHECK(found.current[0].rule == "prior-year-figure");
  CHECK(found.current[0].severity == Severity::kWarning);
  CHECK(found.current[0].message ==
        "2026 年公开第 414 行（表《2026年财政拨款“三公”经费支出情况表》2025年预算数）所说上年"
        "公务接待费为 10.00 万元，2025 年公开（2025-x）第 30 行为 12.00 万元"
        "（上年公开的是年初预算；预算年中可能调整，故为提示或警告）");
  CHECK(found.previous[0].lines == std::vector<int>{30});
}

TEST_CASE("a previous-year figure its table's change block contradicts is not compared") {
  ThreePublicPair p;
  p.current.three_public.reception = F("10.00", 414);
  // 10.00 − 10.00 is no increase of 2.00: the table disagrees with itself (table-change-column).
  p.current.previous_year.three_public_change.reception = F("2.00", 414);
  years::ComputeYearFacts(p.current);
  for (const auto& c : p.current.year_facts.prior) CHECK(c.subject != "three_public.reception");
  CHECK(years::CheckAcrossYears(p.previous, p.current).current.empty());
}

TEST_CASE("a change block off by rounding only does not contradict its previous-year figure") {
  // 10.00 − 10.00 against 0.01 and 0.02: three figures in 万元 explain 0.015 (rounding.h), so
  // 0.01 is rounding (table-change-column: a notice) and 0.02 is not (an error).
  const std::pair<const char*, int> cases[] = {{"0.01", 1}, {"0.02", 0}};
  for (const auto& change_kept : cases) {
    CAPTURE(change_kept.first);
    ThreePublicPair p;
    p.current.three_public.reception = F("10.00", 414);
    p.current.previous_year.three_public_change.reception = F(change_kept.first, 414);
    years::ComputeYearFacts(p.current);
    int reception = 0;
    for (const auto& c : p.current.year_facts.prior)
      reception += c.subject == "three_public.reception";
    CHECK(reception == change_kept.second);
  }
}

TEST_CASE("a previous-year column's 类 are compared only where it is the 支出总表's") {
  // 重庆 3be48d9f27's column is in its 一般公共预算支出情况表 (201 12,679.50 of 2025): that table
  // covers fewer funds than the previous year's headline 类 (收支总表, all funds), so no claim.
  Disclosure d = Doc("2026-x", "某部门", 2026);
  d.tables.push_back({gongkai::model::TableKind::kExpenditure, "部门支出总表", 200, "万元"});
  auto& p = d.previous_year;
  p.functional_header = "2025年预算数";
  p.functional_total = F("15635.80", 224);
  gongkai::model::FunctionalRow c;
  c.code = "201";
  c.level = 1;
  c.total = F("12679.50", 226);
  gongkai::model::FunctionalRow k = c;
  k.code = "20103";
  k.level = 2;
  k.total = F("12679.50", 227);
  p.functional = {c, k};
  p.functional_table = "general_expenditure";
  years::ComputeYearFacts(d);
  CHECK(d.year_facts.prior.empty());
  p.functional_table = "expenditure";
  years::ComputeYearFacts(d);
  REQUIRE(d.year_facts.prior.size() == 1);  // the 类 only, not its 款
  CHECK(d.year_facts.prior[0].subject == "class:201");
  CHECK(d.year_facts.prior[0].amount.fen() == M("12679.50").fen());
  CHECK(d.year_facts.prior[0].line == 226);
  CHECK(d.year_facts.prior[0].table == "《部门支出总表》2025年预算数");
}

}  // TEST_SUITE
