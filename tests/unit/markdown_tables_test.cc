// Unit tests for the tables rendered apart from cmark-gfm (render/markdown_tables.h): values
// worked out by hand, what is left to cmark-gfm, and every golden page against cmark-gfm's own
// table extension.
#include <doctest/doctest.h>

#include <boost/filesystem.hpp>
#include <fstream>
#include <sstream>
#include <string>

#include "render/markdown.h"
#include "render/markdown_tables.h"

namespace render = gongkai::render;

namespace {

// Renders one cell's inlines; "<false>" when left to cmark-gfm.
std::string Cell(const std::string& cell) {
  std::string out;
  return render::AppendCellHtml(cell, out) ? out : "<false>";
}

// The number of tables TakeOutTables renders of `md`; -1 when it leaves `md` to cmark-gfm.
int TablesTakenOut(const std::string& md) {
  render::TablesTakenOut parts;
  return render::TakeOutTables(md, parts) ? static_cast<int>(parts.tables.size()) : -1;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_SUITE("render") {

TEST_CASE("a cell's text, escapes and entities are written as cmark-gfm writes them") {
  CHECK(Cell("收入总计") == "收入总计");
  CHECK(Cell("&lt;i&gt; &amp; &quot;q&quot; \"r\"") == "&lt;i&gt; &amp; &quot;q&quot; &quot;r&quot;");
  CHECK(Cell("\\* \\_ \\[1\\] \\\\ \\# \\| \\中") == "* _ [1] \\ # | \\中");
  CHECK(Cell("a'b/c ~d~ $5 {x} 100%") == "a'b/c ~d~ $5 {x} 100%");
  CHECK(Cell("a > b! trailing \\") == "a &gt; b! trailing \\");
  CHECK(Cell("") == "");
}

TEST_CASE("a cell's code span keeps its text as it is, escaped for HTML") {
  CHECK(Cell("`summary-balance`") == "<code>summary-balance</code>");
  CHECK(Cell("规则 `a & <b> \\*` 等") == "规则 <code>a &amp; &lt;b&gt; \\*</code> 等");
}

TEST_CASE("a cell's link keeps its site path and title, the title's quotes escaped") {
  CHECK(Cell("[460.74](../source/id.html#L495 \"第 495 行\")") ==
        "<a href=\"../source/id.html#L495\" title=\"第 495 行\">460.74</a>");
  CHECK(Cell("[10.00](../s.html#L3 \"第 3 行\") [第19页](../originals/id/a%20b.pdf#page=19 "
             "\"a \\\"b\\\" \\\\ 第 19 页\")") ==
        "<a href=\"../s.html#L3\" title=\"第 3 行\">10.00</a> "
        "<a href=\"../originals/id/a%20b.pdf#page=19\" title=\"a &quot;b&quot; \\ 第 19 页\">"
        "第19页</a>");
  CHECK(Cell("[201](../codes/201.html)") == "<a href=\"../codes/201.html\">201</a>");
  CHECK(Cell("[a\\_b &amp; c](../g/x.html)") == "<a href=\"../g/x.html\">a_b &amp; c</a>");
}

TEST_CASE("a cell with any other inline is left to cmark-gfm") {
  CHECK(Cell("*em*") == "<false>");
  CHECK(Cell("__strong__") == "<false>");
  CHECK(Cell("``code``") == "<false>");
  CHECK(Cell("` code `") == "<false>");
  CHECK(Cell("`open") == "<false>");
  CHECK(Cell("[a `b](../c.html)`") == "<false>");
  CHECK(Cell("![chart](../c.svg)") == "<false>");
  CHECK(Cell("<b>raw</b>") == "<false>");
  CHECK(Cell("&#39;") == "<false>");
  CHECK(Cell("a & b") == "<false>");
  CHECK(Cell("[x](javascript:alert)") == "<false>");
  CHECK(Cell("[x](<../a b.html>)") == "<false>");
  CHECK(Cell("[x]") == "<false>");
  CHECK(Cell("[[x](../a.html)](../b.html)") == "<false>");
  CHECK(Cell("[x](../a.html 'single')") == "<false>");
  CHECK(Cell("[x](../a.html \"t &amp; u\")") == "<false>");
  CHECK(Cell("a ] b") == "<false>");
}

TEST_CASE("a table is split into cells as GFM does: escaped pipes, an empty cell, short and long rows") {
  const std::string md =
      "# 表\n\n"
      "| 名称 | 金额 | 说明 |\n"
      "|:--|--:|:-:|\n"
      "| a \\| b | [1.00](../s.html#L3 \"第 3 行\") |  |\n"
      "|c\\\\\\|d|2|x|y|\n"
      "| only |\n"
      "\n后文\n";
  render::TablesTakenOut parts;
  REQUIRE(render::TakeOutTables(md, parts));
  CHECK(parts.rest == "# 表\n\n" + std::string(render::kTablePlaceholder) + "\n\n后文\n");
  REQUIRE(parts.tables.size() == 1);
  CHECK(parts.tables[0] ==
        "<table>\n<thead>\n<tr>\n"
        "<th align=\"left\">名称</th>\n<th align=\"right\">金额</th>\n"
        "<th align=\"center\">说明</th>\n</tr>\n</thead>\n<tbody>\n"
        "<tr>\n<td align=\"left\">a | b</td>\n"
        "<td align=\"right\"><a href=\"../s.html#L3\" title=\"第 3 行\">1.00</a></td>\n"
        "<td align=\"center\"></td>\n</tr>\n"
        "<tr>\n<td align=\"left\">c\\|d</td>\n<td align=\"right\">2</td>\n"
        "<td align=\"center\">x</td>\n</tr>\n"
        "<tr>\n<td align=\"left\">only</td>\n<td align=\"right\"></td>\n"
        "<td align=\"center\"></td>\n</tr>\n"
        "</tbody>\n</table>\n");
  CHECK(render::MarkdownToHtml(md) == render::MarkdownToHtmlByCmark(md));
  CHECK(render::MarkdownToHtml(md).find("<td class=\"align-left\">a | b</td>") != std::string::npos);
}

TEST_CASE("a table with no rows has no body") {
  render::TablesTakenOut parts;
  REQUIRE(render::TakeOutTables("| a | b |\n|---|---|\n", parts));
  REQUIRE(parts.tables.size() == 1);
  CHECK(parts.tables[0] ==
        "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n</table>\n");
}

TEST_CASE("a text whose tables cannot be told apart for sure is given to cmark-gfm whole") {
  const std::string table = "| a | b |\n|---|---|\n| 1 | 2 |\n";
  const std::string cases[] = {
      table + "下一行紧接表格\n",                       // a line that would be a row
      "| a | b |\n|---|\n| 1 | 2 |\n",                  // header and delimiter differ
      "```\n" + table + "```\n",                        // in a code fence
      "<div>\n\n" + table + "\n</div>\n",               // in an HTML block
      "| *a* | b |\n|---|---|\n",                       // emphasis in a cell
      std::string(render::kTablePlaceholder) + "\n\n" + table,  // the placeholder itself
      "| a | \xff |\n|---|---|\n",                      // not UTF-8: cmark replaces it
  };
  for (const auto& md : cases) {
    CAPTURE(md);
    CHECK(TablesTakenOut(md) == -1);
    CHECK(render::MarkdownToHtml(md) == render::MarkdownToHtmlByCmark(md));
  }
  // Not tables of their own: after a paragraph line, without a leading pipe. cmark-gfm renders
  // them, and the same HTML comes out.
  for (const std::string& md : {"段落\n" + table, std::string("a | b\n--|--\n1 | 2\n")}) {
    CAPTURE(md);
    CHECK(TablesTakenOut(md) == 0);
    CHECK(render::MarkdownToHtml(md) == render::MarkdownToHtmlByCmark(md));
    CHECK(Count(render::MarkdownToHtml(md), "<table>") == 1);
  }
}

TEST_CASE("every golden page gives cmark-gfm's HTML, its tables all rendered apart") {
  namespace fs = boost::filesystem;
  size_t pages = 0, tables = 0;
  for (fs::recursive_directory_iterator it(std::string(GONGKAI_SOURCE_DIR) + "/tests/pages"), end;
       it != end; ++it) {
    if (it->path().extension() != ".md") continue;
    std::ifstream in(it->path().string());
    std::stringstream md;
    md << in.rdbuf();
    CAPTURE(it->path().string());
    const std::string expected = render::MarkdownToHtmlByCmark(md.str());
    CHECK(render::MarkdownToHtml(md.str()) == expected);
    CHECK(TablesTakenOut(md.str()) == static_cast<int>(Count(expected, "<table>")));
    ++pages;
    tables += Count(expected, "<table>");
  }
  CHECK(pages >= 10);
  CHECK(tables >= 20);
}

}  // TEST_SUITE
