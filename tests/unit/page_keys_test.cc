// Unit tests for the keys of the rule, glossary, index, compare and timeline pages
// (pages/rules.h, pages/glossary.h, pages/index.h, pages/compare.h, pages/timeline.h): a page's
// key changes with what the page shows and only with it.
#include <doctest/doctest.h>

#include "pages.h"
#include "pages/compare.h"
#include "pages/glossary.h"
#include "pages/index.h"
#include "pages/rules.h"
#include "pages/timeline.h"
#include "years/cross_year.h"
#include "years/timeline.h"

namespace model = gongkai::model;
using gongkai::pages::FindingIndex;
using gongkai::pages::GlossaryIndex;
using gongkai::pages::Record;
using gongkai::test::All;
using Severity = model::Diagnostic::Severity;

namespace {

// 承德 with a narrative-change error and a narrative-share warning, 曾都 with a narrative-change
// warning; both define 基本支出, 承德 also 项目支出.
std::vector<Record> Records() {
  std::vector<Record> r(2);
  r[0].id = "chengde";
  r[0].department.name = "承德市医疗保障局";
  r[0].year = 2022;
  r[0].findings.push_back({"narrative-change", Severity::kError,
                           "机关运行经费的变动额：应为 12.77 万元，实为 9.77 万元", {757}, {}, ""});
  r[0].findings.push_back({"narrative-share", Severity::kWarning, "比例应为 5.21%", {181}, {}, ""});
  r[0].glossary.push_back({"基本支出", "指为保障机构正常运转的支出。", 900});
  r[0].glossary.push_back({"项目支出", "指为完成特定任务的支出。", 901});
  r[1].id = "zengdu";
  r[1].department.name = "曾都区医疗保障局";
  r[1].year = 2023;
  r[1].findings.push_back({"narrative-change", Severity::kWarning,
                           "支出的变动额：应为 5811.56 万元，实为 6034.96 万元", {49, 115}, {}, ""});
  r[1].glossary.push_back({"基本支出", "指为保障机构正常运转的支出。", 2600});
  return r;
}

std::string RuleKey(const std::vector<Record>& records, const std::string& id) {
  return gongkai::pages::RulePageKey(id, FindingIndex(All(records)));
}
std::string RulesKey(const std::vector<Record>& records) {
  return gongkai::pages::RulesPageKey(FindingIndex(All(records)));
}
// The key of the page of `term` (which must be defined).
std::string TermKey(const std::vector<Record>& records, const std::string& term) {
  const GlossaryIndex index(All(records));
  for (size_t i = 0; i < index.terms().size(); ++i)
    if (index.terms()[i].term == term) return gongkai::pages::GlossaryTermPageKey(index, i);
  FAIL("no term " << term);
  return "";
}
std::string GlossaryKey(const std::vector<Record>& records) {
  return gongkai::pages::GlossaryPageKey(GlossaryIndex(All(records)));
}

// The key of the index's only page (two records are not paged).
std::string IndexKey(const std::vector<Record>& records) {
  gongkai::pages::KeyWriter key;
  const auto all = All(records);
  gongkai::pages::IndexKey(all, gongkai::pages::SplitList(all, "index"), 0, key);
  return key.Take();
}

std::string CompareKey(const std::vector<Record>& records,
                       const std::vector<gongkai::years::Series>& series = {}) {
  gongkai::pages::KeyWriter key;
  const auto all = All(records);
  gongkai::pages::CompareKey(all, gongkai::pages::SplitList(all, "compare"), 0, key);
  std::vector<const gongkai::years::Series*> shown;
  for (const auto& s : series) shown.push_back(&s);
  gongkai::pages::AddSeriesToCompareKey(shown, key);
  return key.Take();
}

// Two years of one department: 支出总计 100.00 (line 10) and 120.00 (line 12) 万元, 2019's
// 基本支出占比 80.34 %.
struct TwoYears {
  model::Disclosure a, b;
  TwoYears() {
    for (auto* d : {&a, &b}) d->department.name = "某部门";
    a.id = "2018-x";
    a.year = 2018;
    b.id = "2019-x";
    b.year = 2019;
    a.summary.expenditure_total = model::Figure{model::Money::FromFen(1000000), 10};
    b.summary.expenditure_total = model::Figure{model::Money::FromFen(1200000), 12};
    b.metrics.push_back({"basic_share", "基本支出占支出合计", 80.34, "%", {20}});
  }
  gongkai::years::Series Series() const { return {"k", "某部门", {&a, &b}}; }
  std::string TimelineKey() const {
    gongkai::pages::KeyWriter key;
    const auto s = Series();
    gongkai::pages::TimelineKey(s, gongkai::years::Timeline(s), key);
    return key.Take();
  }
};

}  // namespace

TEST_SUITE("pages") {

TEST_CASE("a rule page's key changes with what the page shows, and only with it") {
  const std::vector<Record> base = Records();
  std::vector<Record> r = Records();
  CHECK(RuleKey(r, "narrative-change") == RuleKey(base, "narrative-change"));
  CHECK(RuleKey(r, "narrative-change") != RuleKey(base, "narrative-share"));
  r[0].findings[0].message = "机关运行经费的变动额：应为 12.77 万元，实为 9.78 万元";
  CHECK(RuleKey(r, "narrative-change") != RuleKey(base, "narrative-change"));
  CHECK(RuleKey(r, "narrative-share") == RuleKey(base, "narrative-share"));
  CHECK(RulesKey(r) == RulesKey(base));  // the rules' list shows counts only
  r = Records();
  r[1].findings[0].lines = {49};  // a link of the finding
  CHECK(RuleKey(r, "narrative-change") != RuleKey(base, "narrative-change"));
  r = Records();
  r[1].findings[0].severity = Severity::kNotice;
  CHECK(RuleKey(r, "narrative-change") != RuleKey(base, "narrative-change"));
  r = Records();
  r[1].department.name = "曾都区医疗保障事务中心";  // 曾都 has no narrative-share finding
  CHECK(RuleKey(r, "narrative-change") != RuleKey(base, "narrative-change"));
  CHECK(RuleKey(r, "narrative-share") == RuleKey(base, "narrative-share"));
  r = Records();
  r[0].year = 2021;
  CHECK(RuleKey(r, "narrative-share") != RuleKey(base, "narrative-share"));
  r = Records();
  r[1].findings[0].downgraded = "figures not corroborated";  // not shown
  r[1].findings[0].figures.push_back({model::Money::FromFen(100), 49});
  CHECK(RuleKey(r, "narrative-change") == RuleKey(base, "narrative-change"));
  r = Records();
  r[1].findings.push_back({"narrative-share", Severity::kWarning, "比例应为 3.10%", {60}, {}, ""});
  CHECK(RuleKey(r, "narrative-share") != RuleKey(base, "narrative-share"));
  CHECK(RuleKey(r, "narrative-change") == RuleKey(base, "narrative-change"));
  CHECK(RulesKey(r) != RulesKey(base));  // narrative-share: 1 department -> 2
  r = Records();
  r[0].findings.push_back(r[0].findings[1]);  // a second finding, the same department
  CHECK(RuleKey(r, "narrative-share") != RuleKey(base, "narrative-share"));
  CHECK(RulesKey(r) == RulesKey(base));
}

TEST_CASE("a glossary page's key changes with what the page shows, and only with it") {
  const std::vector<Record> base = Records();
  std::vector<Record> r = Records();
  CHECK(TermKey(r, "基本支出") == TermKey(base, "基本支出"));
  CHECK(TermKey(r, "基本支出") != TermKey(base, "项目支出"));
  r[1].glossary[0].definition = "指为保障机构正常运转、完成日常工作任务的支出。";
  CHECK(TermKey(r, "基本支出") != TermKey(base, "基本支出"));
  CHECK(TermKey(r, "项目支出") == TermKey(base, "项目支出"));
  CHECK(GlossaryKey(r) != GlossaryKey(base));  // 基本支出: 1 definition -> 2
  r = Records();
  r[0].glossary[1].definition = "指为完成特定行政任务的支出。";  // still one definition
  CHECK(TermKey(r, "项目支出") != TermKey(base, "项目支出"));
  CHECK(TermKey(r, "基本支出") == TermKey(base, "基本支出"));
  CHECK(GlossaryKey(r) == GlossaryKey(base));
  r = Records();
  r[1].glossary[0].line = 2601;  // the link to its source line
  CHECK(TermKey(r, "基本支出") != TermKey(base, "基本支出"));
  r = Records();
  r[0].department.name = "承德市医疗保障事务中心";
  CHECK(TermKey(r, "基本支出") != TermKey(base, "基本支出"));
  CHECK(GlossaryKey(r) == GlossaryKey(base));
  r = Records();
  r[1].glossary.push_back({"政府采购", "指使用财政性资金采购的行为。", 2700});
  CHECK(GlossaryKey(r) != GlossaryKey(base));
  CHECK(TermKey(r, "基本支出") == TermKey(base, "基本支出"));
}

// The key of a page that shows 承德's 支出总计, counts findings and shows no glossary: the same
// for the same records, and for another finding's message or no glossary; another with
// another 支出总计.
template <typename Key>
void CheckCountsFindingsAndShowsTotal(Key key) {
  const std::vector<Record> base = Records();
  std::vector<Record> r = Records();
  CHECK(key(r) == key(base));
  r[0].findings[0].message = "另一条信息";
  r[1].glossary.clear();
  CHECK(key(r) == key(base));
  r = Records();
  r[0].expenditure_total = model::Figure{model::Money::FromFen(192717), 85};
  CHECK(key(r) != key(base));
}

TEST_CASE("the index's key changes with what the index shows, and only with it") {
  CheckCountsFindingsAndShowsTotal([](const std::vector<Record>& r) { return IndexKey(r); });
  const std::vector<Record> base = Records();
  std::vector<Record> r = Records();
  r[1].department.name = "曾都区医疗保障事务中心";
  CHECK(IndexKey(r) != IndexKey(base));
  r = Records();
  r[1].findings[0].severity = Severity::kError;  // 0 / 1 -> 1 / 0, and a department with errors
  CHECK(IndexKey(r) != IndexKey(base));
  r = Records();
  r[0].spending = model::Figure{model::Money::FromFen(192717), 85};  // only in the sum
  CHECK(IndexKey(r) != IndexKey(base));
  r = Records();
  r[1].failed = true;
  r[1].failure = "cannot be read";
  CHECK(IndexKey(r) != IndexKey(base));
}

TEST_CASE("the compare page's key changes with what the page shows, and only with it") {
  CheckCountsFindingsAndShowsTotal([](const std::vector<Record>& r) { return CompareKey(r); });
  const std::vector<Record> base = Records();
  std::vector<Record> r;
  std::vector<Record> with_total = Records();  // the 部门支出总表's total is shown first
  with_total[0].total = model::Figure{model::Money::FromFen(192716), 90};
  CHECK(CompareKey(with_total) != CompareKey(base));
  r = with_total;
  r[0].expenditure_total = model::Figure{model::Money::FromFen(192717), 85};
  CHECK(CompareKey(r) == CompareKey(with_total));
  r = Records();
  r[1].metrics.push_back({"basic_share", "80.34"});
  CHECK(CompareKey(r) != CompareKey(base));
  r = Records();
  r[1].findings[0].severity = Severity::kError;  // 0 / 1 -> 1 / 0
  CHECK(CompareKey(r) != CompareKey(base));
  r = Records();
  r[1].department.region = "随州市";
  CHECK(CompareKey(r) != CompareKey(base));
  // The years side by side: a metric of one year, and the 支出总计's line it links to.
  TwoYears years, other;
  CHECK(CompareKey(base, {years.Series()}) == CompareKey(base, {other.Series()}));
  CHECK(CompareKey(base, {years.Series()}) != CompareKey(base));
  other.b.metrics[0].value = 80.35;
  CHECK(CompareKey(base, {years.Series()}) != CompareKey(base, {other.Series()}));
  other = TwoYears();
  other.b.summary.expenditure_total->line = 13;
  CHECK(CompareKey(base, {years.Series()}) != CompareKey(base, {other.Series()}));
}

TEST_CASE("a department's timeline key changes with what its page shows, and only with it") {
  const TwoYears base;
  TwoYears t;
  CHECK(t.TimelineKey() == base.TimelineKey());
  t.b.metrics.clear();  // not on the timeline
  t.a.findings.push_back({"summary-balance", Severity::kError, "收支不平衡", {85}, {}, ""});
  CHECK(t.TimelineKey() == base.TimelineKey());
  t = TwoYears();
  t.b.summary.expenditure_total = model::Figure{model::Money::FromFen(1200001), 12};
  CHECK(t.TimelineKey() != base.TimelineKey());
  t = TwoYears();
  t.b.summary.expenditure_total->line = 13;  // the link to its source line
  CHECK(t.TimelineKey() != base.TimelineKey());
  t = TwoYears();
  t.a.expenditure.basic = model::Figure{model::Money::FromFen(600000), 20};  // a row more
  CHECK(t.TimelineKey() != base.TimelineKey());
  t = TwoYears();
  t.b.findings.push_back({gongkai::years::kPriorYearFigure, Severity::kWarning,
                          "上年支出总计与上年公开不符", {30}, {}, ""});
  CHECK(t.TimelineKey() != base.TimelineKey());
  t = TwoYears();
  t.a.department.name = "某部门（旧称）";  // its years' names are listed
  CHECK(t.TimelineKey() != base.TimelineKey());
}

}  // TEST_SUITE
