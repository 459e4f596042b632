// Unit tests for the parse stage as a whole: column blocks, documents that are not
// disclosures, tables without a unit, and tables in 元.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "ingest/document.h"
#include "parse/parser.h"

using gongkai::model::Diagnostic;
using gongkai::model::Disclosure;

#define CHECK_FIGURE(f, wan, ln)                       \
  do {                                                 \
    REQUIRE((f).has_value());                          \
    CHECK((f)->amount.WanYuan() == std::string(wan));  \
    CHECK((f)->line == (ln));                          \
  } while (0)

namespace {

Disclosure ParseText(const std::string& text) {
  gongkai::ingest::Document doc;
  std::vector<Diagnostic> load_diags;
  bool ok = gongkai::ingest::LoadDocument("test.txt", text, doc, load_diags);
  REQUIRE(ok);
  REQUIRE(load_diags.empty());
  return gongkai::parse::ParseDocument(doc);
}

const Diagnostic* FindDiagnostic(const Disclosure& d, const std::string& rule) {
  for (const auto& diag : d.diagnostics)
    if (diag.rule == rule) return &diag;
  return nullptr;
}

bool HasError(const Disclosure& d) {
  for (const auto& diag : d.diagnostics)
    if (diag.severity == Diagnostic::Severity::kError) return true;
  return false;
}

}  // namespace

TEST_SUITE("parser") {

// A 部门预算支出总表 cut into two column blocks, as Nanchong prints its wide tables: the second
// block repeats the title and the row labels, then prints its columns as figure-only lines.
const char* const kColumnBlocks = R"(南充市医疗保障中心2022年部门预算

部门预算支出总表

单位名称：医保中心
单位：万元

科目编码 单位名称（科目） 合计 基本支出 项目支出

 合计 460.74 335.10 125.64

208 323008     社会保障和就业支出 290.88 290.88 0.00

208 01 01 323008       行政运行 290.88 290.88 0.00

210 323008     卫生健康支出 147.39 21.75 125.64

210 15 99 323008       其他医疗保障管理事务支出 147.39 21.75 125.64

221 323008     住房保障支出 22.47 22.47 0.00

221 02 01 323008       住房公积金 22.47 22.47 0.00

部门预算支出总表

单位名称：医保中心
单位：万元

科目编码 单位名称（科目）

 合计

208 323008     社会保障和就业支出

208 01 01 323008       行政运行

210 323008     卫生健康支出

210 15 99 323008       其他医疗保障管理事务支出

221 323008     住房保障支出

221 02 01 323008       住房公积金

上缴上级支出 对附属单位补助支出

29.64

29.64

10

5

14.64
)";

TEST_CASE("reads the rows of the first column block and none of the figure-only lines") {
  Disclosure d = ParseText(kColumnBlocks);
  CHECK_FALSE(HasError(d));
  CHECK(FindDiagnostic(d, "column-ambiguous") == nullptr);

  // The repeated title is a continuation: the table is listed once, at its first title.
  REQUIRE(d.tables.size() == 1u);
  CHECK(d.tables[0].kind == gongkai::model::TableKind::kExpenditure);
  CHECK(d.tables[0].line == 3);
  CHECK(d.tables[0].unit == "万元");

  CHECK_FIGURE(d.expenditure.total, "460.74", 10);
  CHECK_FIGURE(d.expenditure.basic, "335.10", 10);
  CHECK_FIGURE(d.expenditure.project, "125.64", 10);

  REQUIRE(d.functional.size() == 6u);
  CHECK(d.functional[0].code == "208");
  CHECK(d.functional[0].name == "社会保障和就业支出");
  CHECK(d.functional[0].level == 1);
  CHECK_FIGURE(d.functional[0].total, "290.88", 12);
  CHECK_FIGURE(d.functional[0].basic, "290.88", 12);
  CHECK_FIGURE(d.functional[0].project, "0.00", 12);
  CHECK(d.functional[0].line == 12);

  CHECK(d.functional[1].code == "2080101");
  CHECK(d.functional[1].name == "行政运行");
  CHECK(d.functional[1].level == 3);
  CHECK(d.functional[1].line == 14);

  CHECK(d.functional[2].code == "210");
  CHECK_FIGURE(d.functional[2].total, "147.39", 16);
  CHECK_FIGURE(d.functional[2].basic, "21.75", 16);
  CHECK_FIGURE(d.functional[2].project, "125.64", 16);

  CHECK(d.functional[3].code == "2101599");
  CHECK(d.functional[3].line == 18);

  CHECK(d.functional[4].code == "221");
  CHECK(d.functional[4].line == 20);

  // The last row of the first block keeps its own figures; the block's 29.64 / 10 / 5 / 14.64
  // (lines 47-55) are not appended to it and do not form rows.
  CHECK(d.functional[5].code == "2210201");
  CHECK(d.functional[5].name == "住房公积金");
  CHECK_FIGURE(d.functional[5].total, "22.47", 22);
  CHECK_FIGURE(d.functional[5].basic, "22.47", 22);
  CHECK_FIGURE(d.functional[5].project, "0.00", 22);
  CHECK(d.functional[5].note.empty());
  for (const auto& row : d.functional) {
    CAPTURE(row.code);
    CHECK(row.line < 24);
  }

  CHECK(d.department.name == "南充市医疗保障中心");
  CHECK(d.year == 2022);
}

TEST_CASE("reports a document with no standard table as not a disclosure") {
  Disclosure d = ParseText(
      "关于报送材料的通知\n"
      "\n"
      "- 一、部门收支总表\n"
      "一、部门收支总体情况\n"
      "二、“三公”经费情况说明\n"
      "请各单位于2022年3月1日前报送材料，逾期不予受理。\n");
  const Diagnostic* diag = FindDiagnostic(d, "not-a-disclosure");
  REQUIRE(diag != nullptr);
  CHECK(diag->severity == Diagnostic::Severity::kError);
  CHECK(d.tables.empty());
  CHECK(d.functional.empty());
  CHECK(d.summary.table.empty());
}

TEST_CASE("does not read a table that states no unit anywhere") {
  Disclosure d = ParseText(
      "苍溪县医疗保障局2023年部门预算\n"                    // 1
      "部门支出总表\n"                                      // 2
      "科目编码 科目名称 合计 基本支出 项目支出\n"          // 3
      "合计 100.00 60.00 40.00\n"                           // 4
      "210 卫生健康支出 100.00 60.00 40.00\n"               // 5
      "210 15 01 行政运行 60.00 60.00 0.00\n"               // 6
      "210 15 02 一般行政管理事务 40.00 0.00 40.00\n");     // 7
  const Diagnostic* diag = FindDiagnostic(d, "unit-missing");
  REQUIRE(diag != nullptr);
  CHECK(diag->severity == Diagnostic::Severity::kError);
  CHECK(diag->line == 2);
  REQUIRE(d.tables.size() == 1u);
  CHECK(d.tables[0].kind == gongkai::model::TableKind::kExpenditure);
  CHECK(d.tables[0].unit == "");
  CHECK(d.functional.empty());
  CHECK_FALSE(d.expenditure.total.has_value());
  CHECK_FALSE(d.expenditure.basic.has_value());
  CHECK_FALSE(d.expenditure.project.has_value());
}

TEST_CASE("converts a table stated in 元 to 万元") {
  Disclosure d = ParseText(
      "苍溪县医疗保障局2023年部门预算\n"                                        // 1
      "部门支出总表\n"                                                          // 2
      "单位：元\n"                                                              // 3
      "科目编码 科目名称 合计 基本支出 项目支出\n"                              // 4
      "合计 4,607,400.00 4,307,400.00 300,000.00\n"                             // 5
      "210 卫生健康支出 4,607,400.00 4,307,400.00 300,000.00\n"                 // 6
      "210 15 01 行政运行 4,307,400.00 4,307,400.00 0.00\n"                     // 7
      "210 15 02 一般行政管理事务 300,000.00 0.00 300,000.00\n");               // 8
  CHECK_FALSE(HasError(d));
  REQUIRE(d.tables.size() == 1u);
  CHECK(d.tables[0].unit == "元");
  // 4,607,400.00 元 = 460.74 万元 = 460,740,000 fen.
  CHECK_FIGURE(d.expenditure.total, "460.74", 5);
  CHECK(d.expenditure.total->amount.fen() == 460740000);
  CHECK_FIGURE(d.expenditure.basic, "430.74", 5);
  CHECK_FIGURE(d.expenditure.project, "30.00", 5);
  REQUIRE(d.functional.size() == 3u);
  CHECK(d.functional[0].code == "210");
  CHECK_FIGURE(d.functional[0].total, "460.74", 6);
  CHECK(d.functional[1].code == "2101501");
  CHECK_FIGURE(d.functional[1].total, "430.74", 7);
  CHECK_FIGURE(d.functional[1].project, "0.00", 7);
  CHECK(d.functional[2].code == "2101502");
  CHECK_FIGURE(d.functional[2].project, "30.00", 8);
  CHECK(d.year == 2023);
}

}  // TEST_SUITE
