// Unit tests for narrative claim extraction (parse/claims.h): one phrase form at a time.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "model/disclosure.h"
#include "parse/claims.h"
#include "parse/narrative.h"

using gongkai::model::Claim;
using gongkai::model::Disclosure;
using gongkai::model::Money;
using gongkai::parse::ExtractClaims;
using gongkai::parse::JoinedText;

namespace {

std::vector<Claim> Extract(const std::vector<std::string>& lines, const Disclosure& d) {
  JoinedText text(lines, 0, lines.size());
  return ExtractClaims(text, d);
}

int64_t Fen(const char* wan) {
  auto m = Money::Parse(wan);
  REQUIRE(m.has_value());
  return m->fen();
}

// A 2022 disclosure whose summary lists Nanchong's three classes.
Disclosure Nanchong() {
  Disclosure d;
  d.year = 2022;
  d.summary.table = "summary";
  d.summary.expenditure_classes.push_back({"208", "社会保障和就业支出", {}});
  d.summary.expenditure_classes.push_back({"210", "卫生健康支出", {}});
  d.summary.expenditure_classes.push_back({"221", "住房保障支出", {}});
  return d;
}

}  // namespace

TEST_SUITE("claims") {

// ---------------------------------------------------------------- amounts

TEST_CASE("reads an amount and names it by a class the document lists") {
  auto c = Extract({"卫生健康支出 147.39 万元。"}, Nanchong());
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == Claim::Kind::kAmount);
  CHECK(c[0].subject == "class:210");
  CHECK(c[0].subject_text == "卫生健康支出");
  CHECK(c[0].value_text == "147.39");
  CHECK(c[0].amount.fen() == Fen("147.39"));
  CHECK(c[0].line == 1);
  CHECK_FALSE(c[0].previous_year);
}

TEST_CASE("reads an amount but names no subject for a class the document does not list") {
  Disclosure d;
  d.year = 2022;
  auto c = Extract({"卫生健康支出 147.39 万元。"}, d);
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == Claim::Kind::kAmount);
  CHECK(c[0].subject.empty());
}

TEST_CASE("names each amount of a list by the subject just before it") {
  auto c = Extract({"其中：社会保障和就业支出 290.88 万元，卫生健康支出 147.39 万元，住房保障支出 22.47 万元。"},
                   Nanchong());
  REQUIRE(c.size() == 3);
  CHECK(c[0].subject == "class:208");
  CHECK(c[0].amount.fen() == Fen("290.88"));
  CHECK(c[1].subject == "class:210");
  CHECK(c[1].amount.fen() == Fen("147.39"));
  CHECK(c[2].subject == "class:221");
  CHECK(c[2].amount.fen() == Fen("22.47"));
}

TEST_CASE("marks an amount followed by 其中 as introducing its parts") {
  auto c = Extract({"基本支出 335.10 万元，其中：人员经费 300.00 万元。"}, Nanchong());
  REQUIRE(c.size() == 2);
  CHECK(c[0].subject == "basic");
  CHECK(c[0].introduces_parts);
  CHECK(c[1].subject == "personnel");
  CHECK_FALSE(c[1].introduces_parts);
}

TEST_CASE("reads 万 before a comma or a 、 as 万元") {
  // "办公费 78.85 万、差旅费 3 万，" (two amounts in 万).
  auto c = Extract({"公用经费 78.85 万、差旅费 3 万，合计 81.85 万元。"}, Nanchong());
  REQUIRE(c.size() == 3);
  CHECK(c[0].amount.fen() == Fen("78.85"));
  CHECK(c[0].subject == "public");
  CHECK(c[1].amount.fen() == Fen("3"));
  CHECK(c[2].amount.fen() == Fen("81.85"));
}

TEST_CASE("does not read 53 万多城乡居民 or 4.5 万左右 as money") {
  auto c = Extract({"组织动员 53 万多城乡居民、4.5 万左右城镇职工全员参保。"}, Nanchong());
  CHECK(c.empty());
}

TEST_CASE("does not read years, dates or codes as money") {
  auto c = Extract({"2022年3月1日起，2080505 项下机关事业单位养老支出 12.5 万元。"}, Nanchong());
  REQUIRE(c.size() == 1);
  CHECK(c[0].amount.fen() == Fen("12.5"));
}

TEST_CASE("ignores an amount or a rate stated as a bound: ≥95%, ≥55000万元") {
  Disclosure d = Nanchong();
  CHECK(Extract({"城乡居民医疗保险基金收入≥55000万元、参保率同比增长≥5%、满意度≥95%。"}, d).empty());
  // Without the bound the same words state an amount and a rate of change.
  auto c = Extract({"城乡居民医疗保险基金收入 55000万元、参保率同比增长 5%。"}, d);
  REQUIRE(c.size() == 2);
  CHECK(c[0].kind == Claim::Kind::kAmount);
  CHECK(c[0].amount.fen() == Fen("55000"));
  CHECK(c[1].kind == Claim::Kind::kChangePct);
  CHECK(c[1].percent_scaled == 5);
}

TEST_CASE("a number wrapped across lines keeps the line of its first digit") {
  // PDF text wraps "147.39" after "14"; the claim stands on the line where the number starts.
  auto c = Extract({"一、收支预算情况", "卫生健康支出 14", "7.39 万元。"}, Nanchong());
  REQUIRE(c.size() == 1);
  CHECK(c[0].amount.fen() == Fen("147.39"));
  CHECK(c[0].subject == "class:210");
  CHECK(c[0].line == 2);
}

TEST_CASE("an amount whose 万元 wraps to the next line stays on the line of its digits") {
  // Zengdu: "其中财政拨款收入 8132.86 万" / "元（上年…".
  auto c = Extract({"收入总计 8132.86 万元,其中财政拨款收入 8132.86 万", "元。"}, Nanchong());
  REQUIRE(c.size() == 2);
  CHECK(c[1].amount.fen() == Fen("8132.86"));
  CHECK(c[1].line == 1);
}

// ---------------------------------------------------------------- previous year

TEST_CASE("takes every amount in a bracket opened by 上年 as the previous year's") {
  Disclosure d = Nanchong();
  d.year = 2023;
  auto c = Extract({"收入总计 8132.86 万元,其中财政拨款收入 8132.86 万",
                    "元（上年收入总计 2321.3 万元，其中财政拨款收入 2097.9",
                    "万元，其他收入 223.4 万元）。"},
                   d);
  REQUIRE(c.size() == 5);
  CHECK(c[0].subject == "income_total");
  CHECK_FALSE(c[0].previous_year);
  CHECK(c[0].introduces_parts);
  CHECK(c[1].subject == "fiscal_total");
  CHECK_FALSE(c[1].previous_year);
  CHECK(c[2].subject == "income_total");
  CHECK(c[2].amount.fen() == Fen("2321.3"));
  CHECK(c[2].previous_year);
  CHECK(c[2].line == 2);
  CHECK(c[3].subject == "fiscal_total");
  CHECK(c[3].amount.fen() == Fen("2097.9"));
  CHECK(c[3].previous_year);
  CHECK(c[3].line == 2);
  CHECK(c[4].amount.fen() == Fen("223.4"));
  CHECK(c[4].previous_year);
  CHECK(c[4].line == 3);
}

TEST_CASE("takes an amount after an earlier year as the previous year's") {
  auto c = Extract({"2021年基本支出 1397.86 万元。2022年基本支出 1548.34 万元。"}, Nanchong());
  REQUIRE(c.size() == 2);
  CHECK(c[0].previous_year);
  CHECK_FALSE(c[1].previous_year);
}

TEST_CASE("does not take 上年结转 for a previous-year marker") {
  auto c = Extract({"上年结转资金安排基本支出 29.64 万元。"}, Nanchong());
  REQUIRE(c.size() == 1);
  CHECK(c[0].subject == "basic");
  CHECK_FALSE(c[0].previous_year);
  // 上年 alone marks the previous year.
  c = Extract({"上年安排基本支出 29.64 万元。"}, Nanchong());
  REQUIRE(c.size() == 1);
  CHECK(c[0].previous_year);
  // 上年结转 as the subject is this year's carry-over.
  c = Extract({"上年结转 29.64 万元。"}, Nanchong());
  REQUIRE(c.size() == 1);
  CHECK(c[0].subject == "carryover_in");
  CHECK_FALSE(c[0].previous_year);
}

// ---------------------------------------------------------------- shares

TEST_CASE("attaches a share after a bracket to the amount before the bracket") {
  auto c = Extract({"基本支出 335.10 万元（社会保障和就业支出 290.88 万元、卫生健康支出 21.75 万元、"
                    "住房保障支出 22.47 万元），占 72.73%。"},
                   Nanchong());
  REQUIRE(c.size() == 5);
  CHECK(c[0].subject == "basic");
  CHECK(c[0].amount.fen() == Fen("335.10"));
  CHECK(c[1].subject == "class:208");
  CHECK(c[2].subject == "class:210");
  CHECK(c[3].subject == "class:221");
  CHECK(c[4].kind == Claim::Kind::kShare);
  CHECK(c[4].ref == 0);
  CHECK(c[4].subject == "basic");
  CHECK(c[4].percent_scaled == 7273);
  CHECK(c[4].percent_decimals == 2);
  CHECK(c[4].value_text == "72.73");
}

TEST_CASE("attaches a share to the amount right before it outside brackets") {
  auto c = Extract({"一般公共预算拨款收入 431.10 万元，占 93.57%；上年结转 29.64 万元，占 6.43%。"},
                   Nanchong());
  REQUIRE(c.size() == 4);
  CHECK(c[0].subject == "general_appropriation");
  CHECK(c[1].kind == Claim::Kind::kShare);
  CHECK(c[1].ref == 0);
  CHECK(c[1].percent_scaled == 9357);
  CHECK(c[2].subject == "carryover_in");
  CHECK(c[3].kind == Claim::Kind::kShare);
  CHECK(c[3].ref == 2);
  CHECK(c[3].percent_scaled == 643);
}

TEST_CASE("reads a share with no decimals") {
  auto c = Extract({"项目支出 125.64 万元，占 27%。"}, Nanchong());
  REQUIRE(c.size() == 2);
  CHECK(c[1].kind == Claim::Kind::kShare);
  CHECK(c[1].percent_scaled == 27);
  CHECK(c[1].percent_decimals == 0);
}

// ---------------------------------------------------------------- changes

TEST_CASE("reads a change with its base: 较 2021年预算 1536.36万元增加 390.80万元，增加 25%") {
  auto c = Extract({"2022年预算收支安排 1927.16万元，较 2021年预算 1536.36万元增加 390.80万元，增加 25%。"},
                   Nanchong());
  // 1536.36 is the base of the change, not a claim of its own.
  REQUIRE(c.size() == 3);
  CHECK(c[0].kind == Claim::Kind::kAmount);
  CHECK(c[0].subject == "income_total");
  CHECK(c[0].amount.fen() == Fen("1927.16"));
  CHECK_FALSE(c[0].previous_year);

  CHECK(c[1].kind == Claim::Kind::kChange);
  CHECK(c[1].subject == "income_total");
  CHECK(c[1].amount.fen() == Fen("390.80"));
  CHECK(c[1].direction == 1);
  REQUIRE(c[1].base.has_value());
  CHECK(c[1].base->fen() == Fen("1536.36"));
  CHECK(c[1].base_line == 1);
  REQUIRE(c[1].now.has_value());
  CHECK(c[1].now->fen() == Fen("1927.16"));

  CHECK(c[2].kind == Claim::Kind::kChangePct);
  CHECK(c[2].ref == 1);
  CHECK(c[2].percent_scaled == 25);
  CHECK(c[2].percent_decimals == 0);
  CHECK(c[2].direction == 1);
}

TEST_CASE("reads a change with a base printed without 万元: 比 2021年度 60.48增长 9.77万元") {
  auto c = Extract({"比上年增减情况：机关运行经费预算比 2021年度 60.48增长 9.77万元，增加了 16%。"},
                   Nanchong());
  REQUIRE(c.size() == 2);
  CHECK(c[0].kind == Claim::Kind::kChange);
  CHECK(c[0].subject == "running_costs");
  CHECK(c[0].amount.fen() == Fen("9.77"));
  CHECK(c[0].direction == 1);
  REQUIRE(c[0].base.has_value());
  CHECK(c[0].base->fen() == Fen("60.48"));
  CHECK_FALSE(c[0].now.has_value());
  CHECK(c[1].kind == Claim::Kind::kChangePct);
  CHECK(c[1].ref == 0);
  CHECK(c[1].percent_scaled == 16);
}

TEST_CASE("reads a decrease and its rate") {
  auto c = Extract({"“三公”经费 5.34 万元，比上年减少 0.16 万元，下降 2.91%。"}, Nanchong());
  REQUIRE(c.size() == 3);
  CHECK(c[0].subject == "three_public.total");
  CHECK(c[1].kind == Claim::Kind::kChange);
  CHECK(c[1].subject == "three_public.total");
  CHECK(c[1].direction == -1);
  CHECK(c[1].amount.fen() == Fen("0.16"));
  CHECK_FALSE(c[1].base.has_value());
  REQUIRE(c[1].now.has_value());
  CHECK(c[1].now->fen() == Fen("5.34"));
  CHECK(c[2].kind == Claim::Kind::kChangePct);
  CHECK(c[2].direction == -1);
  CHECK(c[2].percent_scaled == 291);
}

TEST_CASE("takes the direction of 增（减） from the rate that follows: an increase") {
  // Zengdu: "公务接待费 0.55万元，比上年增（减）0.03万元，同比增加 5.77%".
  auto c = Extract({"公务接待费 0.55万元，比上年增（减）0.03万元，同比增加 5.77%。"}, Nanchong());
  REQUIRE(c.size() == 3);
  CHECK(c[1].kind == Claim::Kind::kChange);
  CHECK(c[1].subject == "three_public.reception");
  CHECK(c[1].amount.fen() == Fen("0.03"));
  CHECK(c[1].direction == 1);
  CHECK(c[2].kind == Claim::Kind::kChangePct);
  CHECK(c[2].direction == 1);
  CHECK(c[2].percent_scaled == 577);
}

TEST_CASE("takes the direction of 增（减） from the rate that follows: a decrease") {
  auto c = Extract({"公务接待费 0.55万元，比上年增（减）0.03万元，同比下降 5.17%。"}, Nanchong());
  REQUIRE(c.size() == 3);
  CHECK(c[1].kind == Claim::Kind::kChange);
  CHECK(c[1].direction == -1);
  CHECK(c[2].kind == Claim::Kind::kChangePct);
  CHECK(c[2].direction == -1);
}

TEST_CASE("reads 增加-17.69 万元 as a decrease of 17.69") {
  auto c = Extract({"卫生健康支出经费拨款增加-17.69 万元。"}, Nanchong());
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == Claim::Kind::kChange);
  CHECK(c[0].subject == "class:210");
  CHECK(c[0].direction == -1);
  CHECK(c[0].amount.fen() == Fen("17.69"));
}

TEST_CASE("reads the signed parts of a change: 减少 15.97 万元，主要是…增加 2.03…增加-17.69…") {
  // Qijiang 2022, line 43.
  auto c = Extract({"收入较 2021 年减少 15.97 万元，主要是社会保障和就业支出经费拨款增加 2.03 万元、"
                    "卫生健康支出经费拨款增加-17.69 万元、住房保障支出经费拨款增加 0.57 万元。"},
                   Nanchong());
  REQUIRE(c.size() == 4);
  CHECK(c[0].kind == Claim::Kind::kChange);
  CHECK(c[0].subject == "income_total");
  CHECK(c[0].direction == -1);
  CHECK(c[0].amount.fen() == Fen("15.97"));
  CHECK_FALSE(c[0].introduces_parts);
  CHECK(c[1].subject == "class:208");
  CHECK(c[1].direction == 1);
  CHECK(c[2].subject == "class:210");
  CHECK(c[2].direction == -1);
  CHECK(c[3].subject == "class:221");
  CHECK(c[3].direction == 1);
  CHECK(c[3].amount.fen() == Fen("0.57"));
}

TEST_CASE("a change that names no subject refers to the amount of the sentence before") {
  auto c = Extract({"公务接待费 0.94 万元。较 2021 年减少 0.03 万元。"}, Nanchong());
  REQUIRE(c.size() == 2);
  CHECK(c[1].kind == Claim::Kind::kChange);
  CHECK(c[1].subject == "three_public.reception");
  CHECK(c[1].direction == -1);
  REQUIRE(c[1].now.has_value());
  CHECK(c[1].now->fen() == Fen("0.94"));
  CHECK(c[1].sentence == c[0].sentence + 1);
}

TEST_CASE("continues a list of changes after 和") {
  // Chengde: "主要是增加人员经费支出 137.71万元和日常公用经费支出 12.77万元".
  auto c = Extract({"基本支出增加 150.48万元，主要是增加人员经费支出 137.71万元和日常公用经费支出 12.77万元。"},
                   Nanchong());
  REQUIRE(c.size() == 3);
  CHECK(c[0].kind == Claim::Kind::kChange);
  CHECK(c[0].subject == "basic");
  CHECK(c[1].kind == Claim::Kind::kChange);
  CHECK(c[1].subject == "personnel");
  CHECK(c[1].direction == 1);
  CHECK(c[2].kind == Claim::Kind::kChange);
  CHECK(c[2].subject == "public");
  CHECK(c[2].direction == 1);
  CHECK(c[2].amount.fen() == Fen("12.77"));
}

TEST_CASE("does not take 比上年增减情况 for a direction") {
  auto c = Extract({"比上年增减情况：2022年预算收支安排 1927.16万元。"}, Nanchong());
  REQUIRE(c.size() == 1);
  CHECK(c[0].kind == Claim::Kind::kAmount);
  CHECK(c[0].subject == "income_total");
  CHECK_FALSE(c[0].previous_year);
}

}  // TEST_SUITE

TEST_SUITE("claims") {
TEST_CASE("a generic subject after the name of something narrower is no subject") {
  // 西安: 会议费 is no keyword; "预算支出" here is not the department's 支出总计.
  auto c = Extract({"本部门当年一般公共预算会议费预算支出1.96万元，较上年减少0.04万元。"}, Nanchong());
  for (const auto& claim : c) CHECK(claim.subject != "expenditure_total");
  // The department's own 预算支出 still is.
  c = Extract({"2022年部门预算支出 460.74 万元。"}, Nanchong());
  REQUIRE(c.size() == 1);
  CHECK(c[0].subject == "expenditure_total");
}

// ---------------------------------------------------------------- changes of 0

namespace {

// The change claims of `c`.
std::vector<Claim> Changes(const std::vector<Claim>& c) {
  std::vector<Claim> out;
  for (const auto& x : c)
    if (x.kind == Claim::Kind::kChange) out.push_back(x);
  return out;
}

// A change of 0 stated in words of `subject`, on `line`, about the amount `wan` on `amount_line`.
void CheckSameAsLastYear(const Claim& c, const char* subject, int line, const char* wan,
                         int amount_line) {
  CHECK(c.kind == Claim::Kind::kChange);
  CHECK(c.subject == subject);
  CHECK(c.direction == 0);
  CHECK(c.amount.IsZero());
  CHECK(c.value_text.empty());  // the text prints no figure of its own
  CHECK(c.line == line);
  REQUIRE(c.now.has_value());
  CHECK(c.now->fen() == Fen(wan));
  CHECK(c.now_line == amount_line);
  REQUIRE(c.base.has_value());  // the previous year's figure is this year's
  CHECK(c.base->fen() == Fen(wan));
  CHECK(c.base_line == amount_line);
}

}  // namespace

TEST_CASE("与上年预算数相同 after an amount is a change of 0 of its subject (无锡 2025)") {
  auto c = Extract({"（2）政府性基金预算拨款收入 0 万元，与上年预算数相同。"}, Nanchong());
  REQUIRE(c.size() == 2);
  CHECK(c[0].kind == Claim::Kind::kAmount);
  CHECK(c[0].subject == "income:政府性基金");
  CheckSameAsLastYear(c[1], "income:政府性基金", 1, "0", 1);
  CHECK(c[1].subject_text == "政府性基金预算拨款收入");

  c = Extract({"无锡市发展和改革委员会 2025 年度一般公共预算拨款安排的",
               "“三公”经费支出预算 38.27 万元，与上年预算数相同。其中，因"},
              Nanchong());
  REQUIRE(Changes(c).size() == 1);
  CheckSameAsLastYear(Changes(c)[0], "three_public.total", 2, "38.27", 2);
}

TEST_CASE("a phrase of no change split over lines is read, on the line it starts") {
  // 无锡 2025 p.35: "…预算支出 23.27 万元，与上年预算数相" / "同。"
  auto c = Extract({"1．因公出国（境）费预算支出 23.27 万元，与上年预算数相", "同。"}, Nanchong());
  REQUIRE(Changes(c).size() == 1);
  CheckSameAsLastYear(Changes(c)[0], "three_public.overseas", 1, "23.27", 1);
  c = Extract({"（2）公务用车运行维护费预算支出 2.8 万元，", "与上年预算数相同。"}, Nanchong());
  REQUIRE(Changes(c).size() == 1);
  CheckSameAsLastYear(Changes(c)[0], "three_public.vehicle_operation", 2, "2.8", 1);
}

TEST_CASE("a sentence that is only 与上年预算数相同 speaks of the amount ending the one before") {
  auto c = Extract({"2．上年结转结余为 0 万元。与上年预算数相同。"}, Nanchong());
  REQUIRE(Changes(c).size() == 1);
  CheckSameAsLastYear(Changes(c)[0], "carryover_in", 1, "0", 1);
  CHECK(Changes(c)[0].sentence == 1);
}

TEST_CASE("与上年持平, 与上年预算数持平 (杭州), 与上年数一致 (江苏省政协), 与上年一致 (省法院)") {
  auto c = Extract({"2.公务接待费：2026年安排公务接待费预算6.02万元，与上年预算数持平，主要用于接待。"},
                   Nanchong());
  REQUIRE(Changes(c).size() == 1);
  CheckSameAsLastYear(Changes(c)[0], "three_public.reception", 1, "6.02", 1);
  c = Extract({"（二）公务接待费2026年预算安排4.12万元，与上年持平。"}, Nanchong());
  REQUIRE(Changes(c).size() == 1);
  CheckSameAsLastYear(Changes(c)[0], "three_public.reception", 1, "4.12", 1);
  c = Extract({"（1）公务用车购置费 0 万元，与上年数一致。"}, Nanchong());
  REQUIRE(Changes(c).size() == 1);
  CheckSameAsLastYear(Changes(c)[0], "three_public.vehicle_purchase", 1, "0", 1);
  c = Extract({"（2）公务用车运行维护费预算支出266.8万元，与上年一致。"}, Nanchong());
  REQUIRE(Changes(c).size() == 1);
  CheckSameAsLastYear(Changes(c)[0], "three_public.vehicle_operation", 1, "266.8", 1);
  // 省法院 2017: "本年数与上年数持平，零增长".
  c = Extract({"1．因公出国（境）费预算支出180万元，本年数与上年数持平，零增长。"}, Nanchong());
  REQUIRE(Changes(c).size() == 1);
  CheckSameAsLastYear(Changes(c)[0], "three_public.overseas", 1, "180", 1);
}

TEST_CASE("a functional item's amount with 与上年数一致 is a change of 0 of that item") {
  // 江苏省政协办公厅 2018 p.10, with its 类 named as the 2017 document names it.
  Disclosure d = Nanchong();
  d.functional.push_back({"2010205", "委员视察", 3, {}, {}, {}, 0, ""});
  auto c = Extract({"一般公共服务支出（类）政协事务（款）委员视察（项）429.30 万元，与上年数", "一致。"}, d);
  REQUIRE(Changes(c).size() == 1);
  CheckSameAsLastYear(Changes(c)[0], "functional:2010205", 1, "429.30", 1);
  // Without its 类 (as 2018 prints it) and without the row in the tables, the item is not
  // known: no subject, no claim.
  c = Extract({"4.政协事务（款）委员视察（项）429.30 万元，与上年数一致。"}, Nanchong());
  REQUIRE(c.size() == 1);
  CHECK(c[0].subject.empty());
}

TEST_CASE("one statement of no change is one claim (西安 2022)") {
  Disclosure d = Nanchong();
  d.functional.push_back({"2101301", "城乡医疗救助", 3, {}, {}, {}, 0, ""});
  auto c = Extract({"（9）城乡医疗救助 4000 万元，与上年持平，原因是与上年预算保持一致；"}, d);
  REQUIRE(Changes(c).size() == 1);
  CheckSameAsLastYear(Changes(c)[0], "functional:2101301", 1, "4000", 1);
  // As 西安 prints it, with the code between the name and the amount, the amount has no
  // subject (the code ends the words that name it): no claim.
  c = Extract({"（9）城乡医疗救助（2101301）4000 万元，与上年持平，原因是与上年预算保持一致；"}, d);
  CHECK(Changes(c).empty());
}

TEST_CASE("no amount right before the phrase, or none at all: no change is read") {
  // 杭州 2026: the phrase speaks of no amount.
  auto c = Extract({"公务接待费预算 6.02 万元。",
                    "本部门2026年没有使用政府性基金预算拨款安排的支出，与上年持平。"},
                   Nanchong());
  CHECK(Changes(c).empty());
  // 杭州 2026: words stand between the amount and the phrase; they may name another figure.
  c = Extract({"公务用车运行维护费支出 18.00 万元，主要用于公务用车燃料费、维修费等支出，与上年预算数持平。"},
              Nanchong());
  CHECK(Changes(c).empty());
  // An amount without a subject.
  c = Extract({"3.其他资金收入预算总计 80 万元，与上年数一致。"}, Nanchong());
  REQUIRE(c.size() == 1);
  CHECK(c[0].subject.empty());
  // About the same, or the same as the previous year's outturn: not a change of 0.
  c = Extract({"公务接待费 48.92 万元，与上年基本持平。", "公务接待费 48.92 万元，与上年执行数持平。"},
              Nanchong());
  CHECK(Changes(c).empty());
  // A figure about the previous year is no current amount.
  c = Extract({"上年“三公”经费 5 万元，与上年持平。"}, Nanchong());
  CHECK(Changes(c).empty());
}

TEST_CASE("减少 0 万元 is a change of 0 (綦江 2022)") {
  auto c = Extract({"公务接待费 1 万元，比 2021 年减少 0 万元，主要原因是严格控制公务接待；"}, Nanchong());
  const std::vector<Claim> changes = Changes(c);
  REQUIRE(changes.size() == 1);
  const Claim& z = changes[0];
  CHECK(z.subject == "three_public.reception");
  CHECK(z.direction == 0);
  CHECK(z.amount.IsZero());
  CHECK(z.value_text == "0");
  REQUIRE(z.now.has_value());
  CHECK(z.now->fen() == Fen("1"));
  CHECK_FALSE(z.base.has_value());  // the text gives no 上年 figure
}

TEST_CASE("spaces of justified PDF text between Chinese characters are no word breaks") {
  gongkai::parse::JoinedText text({"社会保障和就业支出（类）行政事业单位养老支 出 （款 ） 机 关 事 业"}, 0, 1);
  CHECK(text.text() == "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业");
  gongkai::parse::JoinedText numbers({"2026 年 收入 460.74 万元"}, 0, 1);
  CHECK(numbers.text() == "2026 年收入 460.74 万元");
}
}
