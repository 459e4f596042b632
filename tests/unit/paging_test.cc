// Unit tests for lists of departments split into pages (pages/paging.h): the index and the
// comparison (pages/index.h, pages/compare.h), a rule's page (pages/rules.h) and a glossary term's
// (pages/glossary.h): where pages begin, which pages an edit or a removal makes again, how a page
// links to the others, and where a department of several years is shown.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "pages.h"
#include "pages/compare.h"
#include "pages/glossary.h"
#include "pages/index.h"
#include "pages/paging.h"
#include "pages/plan.h"
#include "pages/rules.h"

namespace model = gongkai::model;
using gongkai::pages::KeyWriter;
using gongkai::pages::ListPart;
using gongkai::pages::Record;
using gongkai::pages::SplitList;
using gongkai::test::All;
using gongkai::test::Changed;
using gongkai::test::Departments;
using gongkai::test::kSmall;

namespace {

// Departments d00 ... d23, each with a 支出总计 of 100 万元 × its number; pages (kSmall) begin at
// d01, d09, d16, d23 or after 5 departments.
std::vector<Record> Many() {
  std::vector<Record> r = Departments();
  for (int i = 0; i < 24; ++i)
    r[i].expenditure_total = model::Figure{model::Money::FromFen(1000000 * i), 10};
  return r;
}

// Each page of the index (or, with `compare`, the comparison): its stem, then its key.
std::map<std::string, std::string> PageKeys(const std::vector<Record>& records, bool compare = false) {
  const auto all = All(records);
  const auto parts = SplitList(all, compare ? "compare" : "index", kSmall);
  std::map<std::string, std::string> out;
  for (size_t i = 0; i < parts.size(); ++i) {
    KeyWriter key;
    if (compare) gongkai::pages::CompareKey(all, parts, i, key);
    else gongkai::pages::IndexKey(all, parts, i, key);
    out[parts[i].stem] = key.Take();
  }
  return out;
}

}  // namespace

TEST_SUITE("pages") {

TEST_CASE("the index of many departments is split into pages that begin where an id says") {
  const std::vector<Record> records = Many();
  auto all = All(records);
  std::vector<std::string> stems;
  std::vector<uint32_t> begins;
  for (const auto& p : SplitList(all, "index", kSmall)) {
    stems.push_back(p.stem);
    begins.push_back(p.begin);
  }
  // d01 begins a page by its hash; d06 after 5 departments (d01 ... d05); d09 by its hash;
  // d14 after 5; d16 by its hash; d21 after 5; d23 by its hash.
  CHECK(stems == std::vector<std::string>{"index", "index-d01", "index-d06", "index-d09",
                                          "index-d14", "index-d16", "index-d21", "index-d23"});
  CHECK(begins == std::vector<uint32_t>{0, 1, 6, 9, 14, 16, 21, 23});
  CHECK(SplitList(all, "index", kSmall).back().end == 24);
  // Four departments or fewer: one page holding them all, named as before.
  all.resize(4);
  const auto one = SplitList(all, "index", kSmall);
  REQUIRE(one.size() == 1);
  CHECK(one[0].stem == "index");
  CHECK(one[0].end == 4);
}

TEST_CASE("a list split with its departments' page beginnings worked out once splits the same") {
  const std::vector<Record> records = Many();
  const auto all = All(records);
  const auto begins = gongkai::pages::PageBeginnings(all, kSmall);
  // d01, d09, d16 and d23 hash to 0 modulo one_in (the test above).
  CHECK(begins == std::unordered_set<const Record*>{all[1], all[9], all[16], all[23]});
  // A list of some of them (every other one, as a code's departments are), in their order.
  std::vector<const Record*> some;
  for (size_t i = 1; i < all.size(); i += 2) some.push_back(all[i]);
  std::vector<std::string> stems;
  for (const auto& p : SplitList(some, "c", kSmall, begins)) stems.push_back(p.stem);
  // d01 first; d09 by its hash (after d03 d05 d07); d19 after 5 (d09 ... d17); d23 by its hash.
  CHECK(stems == std::vector<std::string>{"c", "c-d09", "c-d19", "c-d23"});
  for (const auto* list : std::vector<const std::vector<const Record*>*>{&all, &some}) {
    const auto hashed = SplitList(*list, "c", kSmall), looked_up = SplitList(*list, "c", kSmall, begins);
    REQUIRE(hashed.size() == looked_up.size());
    for (size_t i = 0; i < hashed.size(); ++i) {
      CHECK(hashed[i].stem == looked_up[i].stem);
      CHECK(hashed[i].begin == looked_up[i].begin);
      CHECK(hashed[i].end == looked_up[i].end);
    }
  }
}

TEST_CASE("an edit makes again the page of its department, a removal that page and the first") {
  const std::vector<Record> base = Many();
  for (const bool compare : {false, true}) {
    CAPTURE(compare);
    const std::string stem = compare ? "compare" : "index";
    std::vector<Record> r = Many();
    r[20].expenditure_total->line = 11;  // on the page from d16; not in the index's line
    CHECK(Changed(PageKeys(r, compare), PageKeys(base, compare)) ==
          std::set<std::string>{stem + "-d16"});
    r = Many();
    r.erase(r.begin() + 7);  // d06, d07, d08 -> d06, d08: the first page counts its pages' rows
    CHECK(Changed(PageKeys(r, compare), PageKeys(base, compare)) ==
          std::set<std::string>{stem, stem + "-d06"});
  }
  // The index's line about the whole collection is on its first page only.
  std::vector<Record> r = Many();
  r[20].spending = model::Figure{model::Money::FromFen(1000000), 12};
  CHECK(Changed(PageKeys(r), PageKeys(base)) == std::set<std::string>{"index"});
}

TEST_CASE("the first page lists every page, a later page its neighbours") {
  const std::vector<Record> records = Many();
  const auto all = All(records);
  const auto parts = SplitList(all, "index", kSmall);
  auto first = gongkai::pages::IndexContext(all, parts, 0);
  CHECK(first.get("paged")->is_true());
  CHECK(first.get("later")->is_false());
  CHECK(first.get("page_count")->string_value() == "8");
  CHECK(first.get("count")->string_value() == "24");
  CHECK(first.get("departments")->list_value().size() == 1);
  const auto& pages = first.get("pages")->list_value();
  REQUIRE(pages.size() == 8);
  CHECK(pages[2].get("number")->string_value() == "3");
  CHECK(pages[2].get("stem")->string_value() == "index-d06");
  CHECK(pages[2].get("first")->string_value() == "部门06");
  CHECK(pages[2].get("last")->string_value() == "部门08");
  CHECK(pages[2].get("departments")->string_value() == "3");
  CHECK(pages[2].get("years")->string_value() == "2024");
  auto later = gongkai::pages::IndexContext(all, parts, 2);
  CHECK(later.get("paged")->is_false());
  CHECK(later.get("later")->is_true());
  CHECK(later.get("first")->string_value() == "部门06");
  CHECK(later.get("previous")->string_value() == "index-d01");
  CHECK(later.get("next")->string_value() == "index-d09");
  CHECK(later.get("count") == nullptr);  // the collection's line: on the first page only
  REQUIRE(later.get("pages")->list_value().size() == 1);
  CHECK(later.get("pages")->list_value()[0].get("number") == nullptr);
  CHECK(later.get("departments")->list_value().size() == 3);
  CHECK(gongkai::pages::IndexContext(all, parts, 7).get("has_next")->is_false());
  auto compare = gongkai::pages::CompareContext(all, SplitList(all, "compare", kSmall), 3);
  CHECK(compare.get("rows")->list_value().size() == 5);
  CHECK(compare.get("previous")->string_value() == "compare-d06");
}

TEST_CASE("a page of the index names the years of its departments") {
  std::vector<Record> records = Many();
  records[7].year = 2019;
  records[8].year = 0;  // states none
  const auto all = All(records);
  const auto parts = SplitList(all, "index", kSmall);
  CHECK(gongkai::pages::PartYears(all, parts[2]) == "2019—2024");  // d06, d07, d08
  records[6].year = 0;
  records[7].year = 0;
  CHECK(gongkai::pages::PartYears(all, parts[2]) == "—");
  records[6].year = 2021;
  CHECK(gongkai::pages::PartYears(all, parts[2]) == "2021");
}

TEST_CASE("a department of several years is on the page of its latest year") {
  const std::vector<Record> records = Many();
  const auto all = All(records);
  const auto parts = SplitList(all, "index", kSmall);
  model::Disclosure a, b, c;
  a.id = "d02";
  a.year = 2023;
  b.id = "d10";
  b.year = 2024;
  c.id = "d03";
  c.year = 2024;
  const std::vector<gongkai::years::Series> series = {
      {"k1", "部门", {&a, &b}},  // latest d10: on the page from d09
      {"k2", "部门", {&c}},      // one year: on no page
  };
  const auto on = gongkai::pages::SeriesOnParts(series, all, parts);
  REQUIRE(on.size() == 8);
  for (size_t p = 0; p < on.size(); ++p) CHECK(on[p].size() == (p == 3 ? 1u : 0u));
  CHECK(on[3][0]->key == "k1");
  // Not paged: every such department on the one page.
  const auto whole = SplitList(all, "index");
  CHECK(gongkai::pages::SeriesOnParts(series, all, whole) ==
        std::vector<std::vector<const gongkai::years::Series*>>{{&series[0]}});
}

TEST_CASE("the first page of a paged index counts the departments of several years per page") {
  // 300 inputs (paged above 256: the plan's rule), p000 ... p299; three departments of two
  // years each, their first years on the first page, their latest past it (a page holds 256 at
  // most), as in a corpus whose file names begin with the year.
  std::vector<Record> records(300);
  for (int i = 0; i < 300; ++i) {
    char id[8];
    snprintf(id, sizeof id, "p%03d", i);
    records[i].id = id;
    records[i].department.name = id;
    records[i].year = i < 150 ? 2023 : 2024;
  }
  model::Disclosure years[6];
  const char* ids[6] = {"p000", "p270", "p010", "p280", "p020", "p299"};
  for (int i = 0; i < 6; ++i) {
    years[i].id = ids[i];
    years[i].year = i % 2 ? 2024 : 2023;
  }
  const std::vector<gongkai::years::Series> series = {
      {"k1", "甲", {&years[0], &years[1]}},
      {"k2", "乙", {&years[2], &years[3]}},
      {"k3", "丙", {&years[4], &years[5]}}};
  const auto all = All(records);
  const gongkai::pages::Collection c{
      all, all, &series, std::make_shared<gongkai::pages::CodeIndex>(all), nullptr, nullptr,
      nullptr, nullptr};
  const auto plan = gongkai::pages::CrossPages(c);
  const auto first = std::find_if(plan.begin(), plan.end(),
                                   [](const auto& page) { return page.path == "index.md"; });
  REQUIRE(first != plan.end());
  const auto ctx = first->context();
  // None grouped on the first page (bounded whatever the site's size); it says how many there
  // are and, per page, how many that page groups.
  CHECK(ctx.get("series")->list_value().empty());
  CHECK(ctx.get("series_total")->string_value() == "3");
  CHECK(ctx.get("has_series_elsewhere")->is_true());
  std::map<std::string, std::string> counted;  // a page's stem -> how many it groups
  for (const auto& row : ctx.get("pages")->list_value())
    counted[row.get("stem")->string_value()] = row.get("page_series")->string_value();
  CHECK(counted.at("index") == "0");
  // The pages that group them: each department on the page of its latest year.
  std::map<std::string, std::string> grouped;
  for (const auto& page : plan) {
    if (page.path.rfind("index-", 0) != 0) continue;
    const auto later = page.context();
    const std::string stem = page.path.substr(0, page.path.size() - 3);
    grouped[stem] = std::to_string(later.get("series")->list_value().size());
    CHECK(counted.at(stem) == grouped[stem]);
  }
  size_t total = 0;
  for (const auto& [stem, n] : grouped) total += std::stoul(n);
  CHECK(total == 3);
}


namespace {

// Departments d00 ... d23, each with one finding of narrative-change (its message names it,
// on its line 100 + its number) and a definition of 基本支出 (甲 for the even ones, 乙 for the
// odd, on line 200 + its number).
std::vector<Record> Explained() {
  std::vector<Record> r = Departments();
  for (int i = 0; i < 24; ++i) {
    r[i].findings.push_back({"narrative-change", model::Diagnostic::Severity::kWarning,
                             "第 " + std::to_string(i) + " 处", {100 + i}, {}, ""});
    r[i].glossary.push_back({"基本支出", i % 2 ? "乙" : "甲", 200 + i});
  }
  return r;
}

// Each page of the rule narrative-change (or, with `glossary`, of the term 基本支出): its stem,
// then its key.
std::map<std::string, std::string> ExplainedKeys(const std::vector<Record>& records, bool glossary) {
  const auto all = All(records);
  std::map<std::string, std::string> out;
  if (glossary) {
    const gongkai::pages::GlossaryIndex index(all, kSmall);
    const auto& parts = index.terms().at(0).parts;
    for (size_t i = 0; i < parts.size(); ++i)
      out[parts[i].stem] = gongkai::pages::GlossaryTermPageKey(index, 0, i);
  } else {
    const gongkai::pages::FindingIndex index(all, kSmall);
    const auto& parts = index.Parts("narrative-change");
    for (size_t i = 0; i < parts.size(); ++i)
      out[parts[i].stem] = gongkai::pages::RulePageKey("narrative-change", index, i);
  }
  return out;
}

}  // namespace

TEST_CASE("a rule's page and a glossary term's are split by department as the index is") {
  const std::vector<Record> records = Explained();
  const auto all = All(records);
  const gongkai::pages::FindingIndex findings(all, kSmall);
  std::vector<std::string> stems;
  for (const auto& p : findings.Parts("narrative-change")) stems.push_back(p.stem);
  // (A later page of a rule is <id>--<department>: no other rule's page, whatever the input's
  // name, as <id>-<department> would be narrative-change-parts for an input named parts.)
  CHECK(stems == std::vector<std::string>{"narrative-change", "narrative-change--d01",
                                          "narrative-change--d06", "narrative-change--d09",
                                          "narrative-change--d14", "narrative-change--d16",
                                          "narrative-change--d21", "narrative-change--d23"});
  // A rule that fired nowhere: one page, named by its id, that says so.
  REQUIRE(findings.Parts("summary-balance").size() == 1);
  CHECK(findings.Parts("summary-balance")[0].stem == "summary-balance");
  CHECK(gongkai::pages::RuleContext("summary-balance", findings, 0).get("has_hits")->is_false());
  const gongkai::pages::GlossaryIndex glossary(all, kSmall);
  REQUIRE(glossary.terms().size() == 1);
  const std::string anchor = gongkai::pages::GlossaryAnchor("基本支出");
  stems.clear();
  for (const auto& p : glossary.terms()[0].parts) stems.push_back(p.stem);
  CHECK(stems == std::vector<std::string>{anchor, anchor + "-d01", anchor + "-d06",
                                          anchor + "-d09", anchor + "-d14", anchor + "-d16",
                                          anchor + "-d21", anchor + "-d23"});
  // Four departments or fewer: one page, as before.
  std::vector<Record> few = Explained();
  few.resize(4);
  CHECK(gongkai::pages::FindingIndex(All(few), kSmall).Parts("narrative-change").size() == 1);
  CHECK(gongkai::pages::GlossaryIndex(All(few), kSmall).terms()[0].parts.size() == 1);
}

TEST_CASE("a rule's or a term's page shows its own departments, the first also every page") {
  const std::vector<Record> records = Explained();
  const auto all = All(records);
  const gongkai::pages::FindingIndex findings(all, kSmall);
  auto first = gongkai::pages::RuleContext("narrative-change", findings, 0);
  CHECK(first.get("paged")->is_true());
  CHECK(first.get("departments")->string_value() == "24");
  CHECK(first.get("page_count")->string_value() == "8");
  REQUIRE(first.get("hits")->list_value().size() == 1);  // d00's
  CHECK(first.get("hits")->list_value()[0].get("message")->string_value() == "第 0 处");
  CHECK(first.get("pages")->list_value().size() == 8);
  auto later = gongkai::pages::RuleContext("narrative-change", findings, 2);  // d06, d07, d08
  CHECK(later.get("later")->is_true());
  CHECK(later.get("first")->string_value() == "部门06");
  CHECK(later.get("previous")->string_value() == "narrative-change--d01");
  CHECK(later.get("next")->string_value() == "narrative-change--d09");
  CHECK(later.get("departments") == nullptr);  // the count: on the first page only
  const auto& hits = later.get("hits")->list_value();
  REQUIRE(hits.size() == 3);
  CHECK(hits[1].get("name")->string_value() == "部门07");
  CHECK(hits[1].get("lines")->string_value() == "[107](../source/d07.html#L107)");

  const gongkai::pages::GlossaryIndex glossary(all, kSmall);
  auto term = gongkai::pages::GlossaryTermContext(glossary, 0, 0);
  CHECK(term.get("departments")->string_value() == "24");
  CHECK(term.get("paged")->is_true());
  REQUIRE(term.get("definitions")->list_value().size() == 1);  // d00's 甲 only
  CHECK(term.get("definitions")->list_value()[0].get("count")->string_value() == "1");
  auto page = gongkai::pages::GlossaryTermContext(glossary, 0, 2);  // d06 甲, d07 乙, d08 甲
  CHECK(page.get("later")->is_true());
  CHECK(page.get("anchor")->string_value() == gongkai::pages::GlossaryAnchor("基本支出"));
  const auto& definitions = page.get("definitions")->list_value();
  REQUIRE(definitions.size() == 2);
  CHECK(definitions[0].get("definition")->string_value() == "甲");
  CHECK(definitions[0].get("count")->string_value() == "2");
  const auto& uses = definitions[0].get("uses")->list_value();
  REQUIRE(uses.size() == 2);
  CHECK(uses[0].get("id")->string_value() == "d06");
  CHECK(uses[0].get("sep")->string_value() == "");
  CHECK(uses[1].get("id")->string_value() == "d08");
  CHECK(uses[1].get("sep")->string_value() == "；");
  CHECK(uses[1].get("line")->string_value() == "208");
  CHECK(definitions[1].get("definition")->string_value() == "乙");
  CHECK(definitions[1].get("count")->string_value() == "1");
  // In the order of their first use on the page, whatever the order on other pages: d06 乙,
  // d07 and d08 甲 (the term's first use of 甲 is d00's, on the first page).
  std::vector<Record> swapped = Explained();
  swapped[6].glossary[0].definition = "乙";
  swapped[7].glossary[0].definition = "甲";
  const gongkai::pages::GlossaryIndex other(All(swapped), kSmall);
  const auto page_2 = gongkai::pages::GlossaryTermContext(other, 0, 2);
  const auto& listed = page_2.get("definitions")->list_value();
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].get("definition")->string_value() == "乙");
  CHECK(listed[0].get("count")->string_value() == "1");
  CHECK(listed[1].get("definition")->string_value() == "甲");
  CHECK(listed[1].get("count")->string_value() == "2");
}

TEST_CASE("an edit makes again the rule's or the term's page of its department, a removal also the first") {
  const std::vector<Record> base = Explained();
  for (const bool glossary : {false, true}) {
    CAPTURE(glossary);
    const std::string stem =
        glossary ? gongkai::pages::GlossaryAnchor("基本支出") : std::string("narrative-change");
    const std::string later = glossary ? stem + "-" : stem + "--";
    std::vector<Record> r = Explained();
    if (glossary) r[20].glossary[0].line = 999;  // on the page from d16
    else r[20].findings[0].message = "另一处";
    CHECK(Changed(ExplainedKeys(r, glossary), ExplainedKeys(base, glossary)) ==
          std::set<std::string>{later + "d16"});
    r = Explained();
    r.erase(r.begin() + 7);  // d06, d07, d08 -> d06, d08: the first page counts departments
    CHECK(Changed(ExplainedKeys(r, glossary), ExplainedKeys(base, glossary)) ==
          std::set<std::string>{stem, later + "d06"});
  }
}

TEST_CASE("a later page of a rule or a term none of whose departments was built is unchanged") {
  // Paged as kSmall at 24 departments; CrossPages pages at more than 256, so 300 here: the
  // rule's and the term's pages begin where the index's would (SplitList), the first three
  // pages [0, 1), [1, 6), [6, 9) as in Departments() (d01, d06 by hash and by size).
  std::vector<Record> records = Explained();
  const auto all = All(records);
  const gongkai::pages::FindingIndex findings(all, kSmall);
  const auto& parts = findings.Parts("narrative-change");
  const auto& list = findings.Of("narrative-change").records;
  gongkai::pages::ListChanges changes;
  changes.built.insert(&records[7]);  // on the page from d06
  using gongkai::pages::PartMayHaveChanged;
  std::vector<bool> may;
  for (size_t i = 0; i < parts.size(); ++i)
    may.push_back(PartMayHaveChanged(&changes, false, list, parts, i));
  // The first page always (it counts the departments); the page of d07; no other.
  CHECK(may == std::vector<bool>{true, false, true, false, false, false, false, false});
  // The list gained or lost a department: every page may begin elsewhere.
  for (size_t i = 0; i < parts.size(); ++i)
    CHECK(PartMayHaveChanged(&changes, true, list, parts, i));
  // Not an incremental build (or other templates): every page.
  for (size_t i = 0; i < parts.size(); ++i)
    CHECK(PartMayHaveChanged(nullptr, false, list, parts, i));

  // In the plan: 300 departments each with a finding of narrative-change and a definition of
  // 基本支出, department p150 built again.
  std::vector<Record> many(300);
  for (int i = 0; i < 300; ++i) {
    char id[8];
    snprintf(id, sizeof id, "p%03d", i);
    many[i].id = id;
    many[i].department.name = id;
    many[i].year = 2024;
    many[i].findings.push_back({"narrative-change", model::Diagnostic::Severity::kWarning, id, {1}, {}, ""});
    many[i].glossary.push_back({"基本支出", "甲", 2});
  }
  const auto every = All(many);
  auto lists = std::make_shared<gongkai::pages::ListChanges>();
  lists->built.insert(&many[150]);
  gongkai::pages::Collection c{every, every, nullptr,
                               std::make_shared<gongkai::pages::CodeIndex>(every), nullptr, lists,
                               nullptr, nullptr};
  // The pages of `stem` (its later pages `stem`<sep><department>) not unchanged.
  auto unchanged = [&](const std::string& stem, const std::string& sep) {
    std::vector<std::string> out;
    size_t pages = 0;
    for (const auto& page : gongkai::pages::CrossPages(c))
      if (page.path == stem + ".md" || page.path.rfind(stem + sep, 0) == 0) {
        ++pages;
        if (!page.unchanged) out.push_back(page.path);
      }
    CHECK(pages > 2);
    return out;
  };
  const gongkai::pages::FindingIndex whole(every);
  std::string of_150;  // the stem of the page that holds p150
  for (const auto& p : whole.Parts("narrative-change"))
    if (p.begin <= 150 && 150 < p.end) of_150 = p.stem;
  REQUIRE(!of_150.empty());
  CHECK(unchanged("rules/narrative-change", "--") ==
        std::vector<std::string>{"rules/narrative-change.md", "rules/" + of_150 + ".md"});
  const std::string anchor = gongkai::pages::GlossaryAnchor("基本支出");
  const auto term = unchanged("glossary/" + anchor, "-");
  REQUIRE(term.size() == 2);
  CHECK(term[0] == "glossary/" + anchor + ".md");
  CHECK(term[1] == "glossary/" + anchor + "-" + of_150.substr(std::string("narrative-change--").size()) + ".md");
  // p150 stopped firing narrative-change: the rule's list lost it, every page may change.
  lists->rules.insert("narrative-change");
  CHECK(unchanged("rules/narrative-change", "--").size() ==
        whole.Parts("narrative-change").size());
  CHECK(unchanged("glossary/" + anchor, "-").size() == 2);
}

}  // TEST_SUITE
