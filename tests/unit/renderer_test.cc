// Unit tests for the site's renderer (site/output.h Renderer): a page's body and the source
// view's lines are put into the template after it is rendered, and the page must be what
// rendering the template with them gives, whatever the layout a publisher writes.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "render/context.h"
#include "site/output.h"

namespace {

using kainjow::mustache::data;

// The page Renderer::Page makes with `layout` as layout.html.
std::string PageWith(const std::string& layout, const std::string& body) {
  gongkai::site::Renderer renderer(std::map<std::string, std::string>{{"layout.html", layout}});
  return renderer.Page("departments/a.html", "甲", body, "department");
}

// What kainjow makes of `layout` with the same values, the body among them.
std::string Rendered(const std::string& layout, const std::string& body) {
  data ctx;
  ctx.set("title", "甲");
  ctx.set("root", "../");
  ctx.set("page", "department");
  ctx.set("body", body);
  std::string out, error;
  REQUIRE(gongkai::render::RenderTemplate(layout, ctx, out, error));
  return out;
}

}  // namespace

TEST_SUITE("site") {

TEST_CASE("a page's body is put in the layout as kainjow would put it") {
  const std::string body = "<h1>甲</h1>\n<p>a &amp; b {{title}}</p>\n";
  const std::string layout = "<title>{{title}}</title>\n<main>\n{{{body}}}\n</main>{{root}}\n";
  CHECK(PageWith(layout, body) ==
        "<title>甲</title>\n<main>\n<h1>甲</h1>\n<p>a &amp; b {{title}}</p>\n\n</main>../\n");
  CHECK(PageWith(layout, body) == Rendered(layout, body));
}

TEST_CASE("a layout that escapes the body, shows it twice or in a section gets what kainjow gives") {
  const std::string body = "<p>乙</p>";
  for (const std::string layout :
       {"<main>{{body}}</main>", "{{{body}}}|{{{body}}}", "{{#page}}\n{{{body}}}\n{{/page}}\n",
        "{{^body}}none{{/body}}", "no body here"}) {
    CAPTURE(layout);
    CHECK(PageWith(layout, body) == Rendered(layout, body));
  }
  CHECK(PageWith("<main>{{body}}</main>", body) == "<main>&lt;p&gt;乙&lt;/p&gt;</main>");
}

TEST_CASE("a blank body on a line with a section tag is left out as kainjow leaves it out") {
  const std::string layout = "a\n{{#page}}{{{body}}}{{/page}}\nb\n";
  for (const std::string body : {"", "  ", "\n"}) {
    CAPTURE(body);
    CHECK(PageWith(layout, body) == Rendered(layout, body));
  }
  CHECK(PageWith(layout, "  ") == "a\nb\n");
}

TEST_CASE("the source view's lines are taken out of the context into the page") {
  gongkai::site::Renderer renderer(
      std::map<std::string, std::string>{{"source.html", "<ol>\n{{{lines_html}}}\n</ol>{{n}}\n"}});
  data ctx;
  gongkai::render::PutText(ctx, "lines_html", "<li id=\"L1\">一</li>");
  ctx.set("n", "1");
  CHECK(renderer.RenderTaking("source.html", ctx, "lines_html") ==
        "<ol>\n<li id=\"L1\">一</li>\n</ol>1\n");
  CHECK(renderer.errors().empty());
}

}  // TEST_SUITE
