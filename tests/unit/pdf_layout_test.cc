// Unit tests for reading PDF tables from positions: the header tree, figures under their
// columns with blank cells, wrapped labels, side-by-side column groups, and the readers that
// turn them into the model. Pages are built in memory, word by word, as poppler places them.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "checks/check.h"
#include "ingest/document.h"
#include "ingest/pdf.h"
#include "layout/grid.h"
#include "parse/parser.h"
#include "parse/reading_check.h"

using gongkai::ingest::Document;
using gongkai::ingest::LineGeometry;
using gongkai::ingest::Word;

namespace {

struct W {
  const char* text;
  float x0, x1;
};

// Adds a line of words on `page` at height y (10 pt high), rendering its text as ingest does.
void Line(Document& doc, int page, float y, std::vector<W> words) {
  LineGeometry g;
  g.page = page;
  g.y0 = y;
  g.y1 = y + 10;
  for (const auto& w : words) g.words.push_back(Word{w.text, w.x0, w.x1, y, y + 10});
  doc.lines.push_back(gongkai::ingest::RenderLine(g.words, 0, 5));
  doc.geometry.push_back(g);
}

void Page(Document& doc, int number) {
  gongkai::ingest::Page p;
  p.number = number;
  p.width = 842;
  p.height = 595;
  p.first_line = doc.lines.size();
  doc.pages.push_back(p);
}

void EndPage(Document& doc) { doc.pages.back().line_count = doc.lines.size() - doc.pages.back().first_line; }

std::string RemoveSpacesForTest(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

// The table of a page built in memory, its first `captions` lines (title, unit line) skipped.
gongkai::layout::Grid GridOf(const Document& doc, size_t captions = 0) {
  std::vector<bool> skip(doc.lines.size(), false);
  for (size_t i = 0; i < captions && i < skip.size(); ++i) skip[i] = true;
  return gongkai::layout::BuildGrid(doc, 0, doc.lines.size(), skip);
}

std::string Amount(const gongkai::model::MaybeFigure& f) {
  return f ? f->amount.WanYuan(2) : std::string("null");
}

// A 部门支出总表 as 无锡 prints it: 基本支出 over three columns, blanks for zero.
Document ExpenditureTable() {
  Document doc;
  doc.path = "t.pdf";
  doc.sha256 = std::string(64, '0');
  doc.files.push_back({"t.pdf", doc.sha256, "pdf", 0, 1});
  Page(doc, 1);
  Line(doc, 0, 40, {{"2026年部门支出总表", 300, 500}});
  Line(doc, 0, 60, {{"部门：某市统计局", 40, 160}, {"单位：万元", 700, 760}});
  Line(doc, 0, 80, {{"科目编码", 40, 80}, {"科目名称", 120, 160}, {"合计", 300, 320},
                    {"基本支出", 420, 460}, {"项目支出", 600, 640}});
  // A cell border between the levels: 基本支出 stands a line height above 人员经费, as in
  // 无锡's 05表 (y 120–131 over y 141.4).
  Line(doc, 0, 100, {{"小计", 360, 380}, {"人员经费", 420, 460}, {"公用经费", 500, 540}});
  Line(doc, 0, 120, {{"合计", 120, 140}, {"1,350.00", 280, 322}, {"1,000.00", 340, 382},
                     {"800.00", 430, 462}, {"200.00", 510, 542}, {"350.00", 610, 642}});
  Line(doc, 0, 140, {{"201", 40, 55}, {"一般公共服务支出", 120, 200}, {"1,200.00", 280, 322},
                     {"1,000.00", 340, 382}, {"800.00", 430, 462}, {"200.00", 510, 542},
                     {"200.00", 610, 642}});
  // A wrapped name: the second part stands on the line below the figures.
  Line(doc, 0, 160, {{"20105", 40, 65}, {"统计信息事务专项", 120, 200}, {"1,200.00", 280, 322},
                     {"1,000.00", 340, 382}, {"800.00", 430, 462}, {"200.00", 510, 542},
                     {"200.00", 610, 642}});
  Line(doc, 0, 171, {{"支出", 120, 140}});
  // Only 项目支出 printed: the blank 基本支出 cells stay empty, the figure is no 小计.
  Line(doc, 0, 190, {{"208", 40, 55}, {"社会保障和就业支出", 120, 210}, {"150.00", 290, 322},
                     {"150.00", 610, 642}});
  EndPage(doc);
  return doc;
}

}  // namespace

TEST_SUITE("pdf layout") {

TEST_CASE("renders a line with its words near their columns") {
  std::vector<Word> words = {{"合计", 0, 20, 0, 10}, {"12.50", 100, 125, 0, 10}};
  CHECK(gongkai::ingest::RenderLine(words, 0, 5) == "合计                12.50");
}

TEST_CASE("a parent header cell names the columns under it") {
  Document doc = ExpenditureTable();
  auto grid = GridOf(doc, 2);
  REQUIRE(grid.columns.size() == 7);
  CHECK(grid.columns[2].Label() == "合计");
  CHECK(grid.columns[3].Label() == "基本支出小计");
  CHECK(grid.columns[4].Label() == "基本支出人员经费");
  CHECK(grid.columns[5].Label() == "基本支出公用经费");
  CHECK(grid.columns[6].Label() == "项目支出");
  CHECK_FALSE(grid.columns[1].amount);
  CHECK(grid.columns[2].amount);
}

TEST_CASE("figures stand in the column they are under, blank cells stay empty") {
  Document doc = ExpenditureTable();
  auto grid = GridOf(doc, 2);
  const auto& last = grid.rows.back();
  CHECK(last.label == "208 社会保障和就业支出");
  REQUIRE(last.values[2]);
  CHECK(last.values[2]->text == "150.00");
  CHECK_FALSE(last.values[3]);
  CHECK_FALSE(last.values[4]);
  REQUIRE(last.values[6]);
  CHECK(last.values[6]->text == "150.00");
}

TEST_CASE("a figure beside a narrow header goes to it when its neighbour's figure is under its own") {
  // 无锡 09表: `36.58` right-aligned past the narrow `小计`, nearer `公务用车购置费`, whose own
  // `17.98` stands under it.
  Document doc;
  Page(doc, 1);
  Line(doc, 0, 80, {{"合计", 40, 128}, {"小计", 302, 324}, {"公务用车购置费", 368, 445},
                    {"公务用车运行维护费", 452, 529}});
  Line(doc, 0, 100, {{"61.40", 115, 143}, {"36.58", 334, 361}, {"17.98", 419, 446},
                     {"18.60", 503, 530}});
  EndPage(doc);
  auto grid = GridOf(doc);
  REQUIRE(grid.columns.size() == 4);
  REQUIRE(grid.rows.size() == 1);
  const auto& v = grid.rows[0].values;
  REQUIRE(v[1]);
  CHECK(v[1]->text == "36.58");
  REQUIRE(v[2]);
  CHECK(v[2]->text == "17.98");
}

TEST_CASE("two figures beside one header go apart only where one of them has a free neighbour") {
  // 西安 2022 表8: figures right-aligned past `合计 | 人员经费支出 | 公用经费支出`.
  Document doc;
  Page(doc, 1);
  Line(doc, 0, 80, {{"部门经济科目名称", 202, 260}, {"合计", 480, 495}, {"人员经费支出", 560, 603},
                    {"公用经费支出", 644, 687}});
  Line(doc, 0, 100, {{"30302", 118, 136}, {"退休费", 167, 189}, {"1884.00", 518, 539},
                     {"1884.00", 606, 627}, {"0.00", 694, 708}});
  // Nothing in either neighbour: which one strayed is unknown, the cell stays doubtful.
  Line(doc, 0, 120, {{"30399", 118, 136}, {"其他补助", 167, 200}, {"1884.00", 518, 539},
                     {"1884.00", 606, 627}});
  EndPage(doc);
  auto grid = GridOf(doc);
  REQUIRE(grid.rows.size() == 2);
  const auto& v = grid.rows[0].values;
  REQUIRE(v[1]);
  CHECK(v[1]->text == "1884.00");
  REQUIRE(v[2]);
  CHECK(v[2]->text == "1884.00");
  const auto& w = grid.rows[1].values;
  CHECK_FALSE(w[1]);
  CHECK((!w[2] || w[2]->text.empty()));
}

TEST_CASE("a label wrapped below its figures is joined to its row") {
  Document doc = ExpenditureTable();
  auto grid = GridOf(doc, 2);
  bool found = false;
  for (const auto& r : grid.rows) found |= r.label == "20105 统计信息事务专项支出";
  CHECK(found);
}

TEST_CASE("a header wrapped inside its cell is one column, not a parent") {
  Document doc;
  Page(doc, 1);
  Line(doc, 0, 80, {{"项目", 40, 60}, {"总计", 200, 220}});
  Line(doc, 0, 100, {{"一般公共预", 150, 200}, {"政府性基金", 210, 260}});
  Line(doc, 0, 111, {{"算", 170, 180}, {"预算", 225, 245}});
  Line(doc, 0, 130, {{"2026 年", 40, 70}, {"148.80", 170, 200}, {"0.00", 230, 250}});
  EndPage(doc);
  auto grid = GridOf(doc);
  REQUIRE(grid.columns.size() == 3);
  CHECK(grid.columns[1].Label() == "总计一般公共预算");
  CHECK(grid.columns[2].Label() == "总计政府性基金预算");
  REQUIRE(grid.rows.size() == 1);
  CHECK(grid.rows[0].values[1]->text == "148.80");
}

TEST_CASE("two column groups side by side are read as two rows of one line") {
  Document doc;
  Page(doc, 1);
  Line(doc, 0, 80, {{"项目", 60, 80}, {"预算数", 250, 280}, {"项目", 400, 420}, {"预算数", 600, 630}});
  Line(doc, 0, 100, {{"一、一般公共预算拨款收入", 40, 160}, {"431.10", 250, 282},
                     {"一、社会保障和就业支出", 380, 490}, {"431.10", 600, 632}});
  EndPage(doc);
  auto grid = GridOf(doc);
  CHECK(grid.groups == 2);
  REQUIRE(grid.rows.size() == 2);
  CHECK(grid.rows[0].group == 0);
  CHECK(grid.rows[1].group == 1);
  CHECK(grid.rows[1].label == "一、社会保障和就业支出");
}

TEST_CASE("the expenditure table's columns are found by their header words") {
  Document doc = ExpenditureTable();
  auto d = gongkai::parse::ParseDocument(doc);
  CHECK(Amount(d.expenditure.total) == "1350.00");
  CHECK(Amount(d.expenditure.basic) == "1000.00");
  CHECK(Amount(d.expenditure.project) == "350.00");
  CHECK(d.expenditure.total->line == 5);
  REQUIRE(d.functional.size() == 3);
  CHECK(d.functional[0].code == "201");
  CHECK(d.functional[1].code == "20105");
  CHECK(d.functional[1].name == "统计信息事务专项支出");
  CHECK(d.functional[2].code == "208");
  CHECK(Amount(d.functional[2].basic) == "null");
  CHECK(Amount(d.functional[2].project) == "150.00");
}

TEST_CASE("an error on figures no other sum confirms is published as a warning") {
  Document doc = ExpenditureTable();
  auto d = gongkai::parse::ParseDocument(doc);
  // The table adds up: 201 + 208 = 1,350 = 合计, 201 = 20105. Break one figure the way a
  // misreading would, then check: no error may name the department.
  d.functional[2].total->amount = gongkai::model::Money::FromFen(1);
  d.source.page_starts = {1};
  gongkai::checks::RunChecks(d);
  int errors = 0, downgraded = 0;
  for (const auto& f : d.findings) {
    errors += f.severity == gongkai::model::Diagnostic::Severity::kError;
    downgraded += !f.downgraded.empty();
  }
  CHECK(errors == 0);
  CHECK(downgraded > 0);
}

TEST_CASE("a narrow figure takes the column of the figures sharing its right edge") {
  // 无锡 05表: 合计 is narrow (302–324); its figures are right-aligned at 361.3, so a short one
  // (37.97 at 333.8–361.3) touches only the wide header cell beside it.
  Document doc;
  Page(doc, 1);
  Line(doc, 0, 80, {{"科目名称", 80, 120}, {"合计", 302, 324}, {"本年财政拨款人员经费", 360, 470},
                    {"公用经费", 496, 540}});
  Line(doc, 0, 100, {{"办公费", 80, 110}, {"12,603.56", 311.8f, 361.3f}, {"12,603.56", 516.7f, 566.2f}});
  Line(doc, 0, 115, {{"工会经费", 80, 120}, {"3,336.23", 316.0f, 361.3f}, {"3,336.23", 520.9f, 566.2f}});
  Line(doc, 0, 130, {{"会议费", 80, 110}, {"37.97", 333.8f, 361.3f}, {"37.97", 538.7f, 566.2f}});
  EndPage(doc);
  auto grid = GridOf(doc);
  REQUIRE(grid.rows.size() == 3);
  const auto& r = grid.rows[2];
  REQUIRE(r.values[1]);
  CHECK(r.values[1]->text == "37.97");
  CHECK_FALSE(r.values[2]);
}

TEST_CASE("rows whose cells open with a code take every word down to the next code") {
  // 北京 03表 (2026-北京-95417c5026 p.5): cells are top-aligned and wrap downwards, the figures
  // stand 2 pt below the code, and a cell's last line (`支出`) prints lower than the top of the
  // next row's code, so that the PDF puts the two on one line.
  Document doc;
  Page(doc, 1);
  Line(doc, 0, 80, {{"支出功能分类科目", 53, 134}, {"政府支出经济分类科目", 189, 290},
                    {"部门支出经济分类科目", 352, 453}, {"合计", 516, 536}, {"基本支出", 581, 621}});
  auto line = [&](std::vector<Word> words) {
    LineGeometry g;
    g.page = 0;
    g.y0 = 1e9f;
    g.y1 = 0;
    for (const auto& w : words) {
      g.y0 = std::min(g.y0, w.y0);
      g.y1 = std::max(g.y1, w.y1);
    }
    g.words = std::move(words);
    doc.lines.push_back(gongkai::ingest::RenderLine(g.words, 0, 5));
    doc.geometry.push_back(g);
  };
  auto figures = [](float y, const char* a, const char* b, const char* c, const char* d) {
    return std::vector<Word>{{a, 163, 244, y, y + 10},
                             {b, 318, 427, y, y + 10},
                             {c, 510, 562, y, y + 10},
                             {d, 582, 634, y, y + 10}};
  };
  std::vector<Word> first{{"2101199-其他行政事业单位医疗", 26, 152, 100, 110}};
  for (auto& w : figures(102, "50501-工资福利支出", "30111-公务员医疗补助缴费", "38.545200",
                         "38.545200"))
    first.push_back(w);
  line(first);
  std::vector<Word> second{{"支出", 26, 44, 111.3f, 121.3f},
                           {"2101199-其他行政事业单位医疗", 26, 152, 115.5f, 125.5f}};
  for (auto& w : figures(117.5f, "50501-工资福利支出", "30112-其他社会保障缴费", "12.846000",
                         "12.846000"))
    second.push_back(w);
  line(second);
  line({{"支出", 26, 44, 126.7f, 136.7f}});
  std::vector<Word> third{{"2110101-行政运行", 26, 98, 133, 143}};
  for (auto& w : figures(133, "50101-工资奖金津补贴", "30101-基本工资", "1,916.254800",
                         "1,916.254800"))
    third.push_back(w);
  line(third);
  line({{"合", 75, 85, 150, 160}, {"计", 100, 110, 150, 160}, {"1,967.646000", 510, 562, 150, 160},
        {"1,967.646000", 582, 634, 150, 160}});
  EndPage(doc);
  auto grid = GridOf(doc);
  REQUIRE(grid.rows.size() == 4);
  CHECK(grid.rows[0].label == "2101199-其他行政事业单位医疗支出 50501-工资福利支出 30111-公务员医疗补助缴费");
  CHECK(grid.rows[1].label == "2101199-其他行政事业单位医疗支出 50501-工资福利支出 30112-其他社会保障缴费");
  CHECK(grid.rows[2].label == "2110101-行政运行 50101-工资奖金津补贴 30101-基本工资");
  CHECK(grid.rows[1].texts[0] == "2101199-其他行政事业单位医疗支出");
  CHECK(grid.rows[1].texts[1] == "50501-工资福利支出");
  REQUIRE(grid.rows[1].values[3]);
  CHECK(grid.rows[1].values[3]->text == "12.846000");
  CHECK(RemoveSpacesForTest(grid.rows[3].label) == "合计");
}

TEST_CASE("a table of 项 rows that does not add up to its 合计 is left out as misread") {
  gongkai::model::Disclosure d;
  auto fig = [](const char* s, int line) {
    return gongkai::model::Figure{*gongkai::model::Money::Parse(s), line};
  };
  auto two_rows = [&] {
    for (const char* code : {"2010101", "2050803"}) {
      gongkai::model::FunctionalRow row;
      row.code = code;
      row.level = 3;
      row.total = fig("100.00", 11);
      d.functional.push_back(row);
    }
  };
  d.expenditure.total = fig("9151.31", 10);
  two_rows();
  gongkai::parse::CheckReading(d);
  CHECK(d.functional.empty());
  REQUIRE(d.diagnostics.size() == 1);
  CHECK(d.diagnostics[0].rule == "table-misread");
  // Rows that add up stay.
  d.diagnostics.clear();
  d.expenditure.total = fig("200.00", 10);
  two_rows();
  gongkai::parse::CheckReading(d);
  CHECK(d.functional.size() == 2);
  CHECK(d.diagnostics.empty());
}

TEST_CASE("two whole figures drawn touching stay two words, the pieces of one are joined") {
  // 西安 表13 at 4 pt: `183,500.00` ends at 217.04, `39,175,000.00` starts at 217.54.
  auto box = [](const char* text, float x0, float x1, bool space_after) {
    gongkai::ingest::TextBox b;
    b.word = Word{text, x0, x1, 150.05f, 154.05f};
    b.space_after = space_after;
    return b;
  };
  auto lines = gongkai::ingest::PageLines(
      {box("183,500.00", 196.99f, 217.04f, true), box("39,175,000.00", 217.54f, 243.60f, false),
       box("174,900", 300.0f, 320.0f, false), box(".64", 319.9f, 327.0f, true),
       box("1", 400.0f, 402.0f, false), box("01,", 402.0f, 408.0f, false),
       box("833", 408.0f, 416.0f, false), box(".84", 416.0f, 422.0f, true)},
      0);
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0].words.size() == 4);
  CHECK(lines[0].words[0].text == "183,500.00");
  CHECK(lines[0].words[1].text == "39,175,000.00");
  CHECK(lines[0].words[1].x0 == doctest::Approx(217.54f));
  CHECK(lines[0].words[2].text == "174,900.64");
  CHECK(lines[0].words[3].text == "101,833.84");
}

TEST_CASE("a header printed as vertical text reads as its column labels") {
  // 西安 2022 表13: narrow cells print their labels one character a line (因/公/出/国 beside
  // 公/务/接/待/费, whose characters share lines), or wrap a few characters a line at the same
  // wide pitch (`公务用` / `车运行` / `费`), further apart than the levels of other headers.
  // Each label stands in the vertical middle of its cell.
  Document doc;
  Page(doc, 1);
  Line(doc, 0, 15, {{"三公经费", 100, 180}});
  Line(doc, 0, 40, {{"项目", 10, 30}, {"因", 100, 110}});
  Line(doc, 0, 65, {{"公", 100, 110}, {"公", 125, 135}});
  Line(doc, 0, 90, {{"出", 100, 110}, {"务", 125, 135}, {"公务用", 150, 180}});
  Line(doc, 0, 115, {{"国", 100, 110}, {"接", 125, 135}, {"车运行", 150, 180}});
  Line(doc, 0, 140, {{"（", 100, 110}, {"待", 125, 135}, {"费", 160, 170}});
  Line(doc, 0, 165, {{"境", 100, 110}, {"费", 125, 135}});
  Line(doc, 0, 190, {{"）", 100, 110}});
  Line(doc, 0, 230, {{"合计", 10, 30}, {"1.00", 100, 110}, {"2.00", 125, 135}, {"3.00", 160, 180}});
  EndPage(doc);
  auto grid = GridOf(doc);
  REQUIRE(grid.columns.size() == 4);
  CHECK(grid.columns[1].Label() == "三公经费因公出国（境）");
  CHECK(grid.columns[2].Label() == "三公经费公务接待费");
  CHECK(grid.columns[3].Label() == "三公经费公务用车运行费");
  REQUIRE(grid.rows.size() == 1);
  REQUIRE(grid.rows[0].values[2]);
  CHECK(grid.rows[0].values[2]->text == "2.00");
}

}  // TEST_SUITE
