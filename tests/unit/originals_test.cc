// Unit tests for the originals in the site: their paths and links (a PDF line to its page),
// and sizes as shown.
#include <doctest/doctest.h>

#include "render/originals.h"

using gongkai::model::Disclosure;
using gongkai::render::OriginalPageOf;

namespace {

// A folder disclosure: a.txt (lines 1–10), then b.pdf of two pages (lines 11–14, 15–20), then
// c.txt (lines 21–30).
Disclosure TextPdfText() {
  Disclosure d;
  d.id = "2026-x";
  d.source.lines = 30;
  d.source.files = {{"content/2026-x/a.txt", "", "text", 1, 0},
                    {"content/2026-x/b.pdf", "", "pdf", 11, 2},
                    {"content/2026-x/c.txt", "", "text", 21, 0}};
  d.source.page_starts = {11, 15};
  d.source.page_numbers = {1, 2};
  d.source.page_files = {1, 1};
  return d;
}

}  // namespace

TEST_SUITE("originals") {

TEST_CASE("an original keeps its published name under originals/<id>/") {
  CHECK(gongkai::render::OriginalPath("2026-beijing-audit-bureau",
                                      "content/2026-beijing-audit-bureau/附件1 北京市审计局.pdf") ==
        "originals/2026-beijing-audit-bureau/附件1 北京市审计局.pdf");
  CHECK(gongkai::render::OriginalPath("a", "a.txt") == "originals/a/a.txt");
}

TEST_CASE("a link percent-encodes Chinese, spaces, brackets, # and % and backslashes") {
  // 附 = E9 99 84, 件 = E4 BB B6 in UTF-8; ( ) [ ] # % \ space = 28 29 5B 5D 23 25 5C 20.
  CHECK(gongkai::render::UrlPath("originals/d/附件1 (2026)[#1] 100%\\x.pdf") ==
        "originals/d/%E9%99%84%E4%BB%B61%20%282026%29%5B%231%5D%20100%25%5Cx.pdf");
  CHECK(gongkai::render::UrlPath("a-b_c.d~e/F9") == "a-b_c.d~e/F9");
}

TEST_CASE("a file size reads in bytes, KB or MB with one decimal") {
  using gongkai::render::FileSizeLabel;
  CHECK(FileSizeLabel(999) == "999 字节");
  CHECK(FileSizeLabel(1000) == "1.0 KB");
  CHECK(FileSizeLabel(167376) == "167.4 KB");  // 附件2 of the 北京 disclosure
  CHECK(FileSizeLabel(829541) == "829.5 KB");
  CHECK(FileSizeLabel(999949) == "999.9 KB");
  CHECK(FileSizeLabel(999950) == "1.0 MB");  // not "1000.0 KB"
  CHECK(FileSizeLabel(1250000) == "1.3 MB");  // half up
}

TEST_CASE("a line of a PDF links to its page of its own file, a text line to none") {
  Disclosure d = TextPdfText();
  CHECK(OriginalPageOf(d, 5, "../").href == "");
  CHECK(OriginalPageOf(d, 11, "../").href == "../originals/2026-x/b.pdf#page=1");
  CHECK(OriginalPageOf(d, 14, "../").page == 1);
  CHECK(OriginalPageOf(d, 15, "").href == "originals/2026-x/b.pdf#page=2");
  CHECK(OriginalPageOf(d, 20, "").page == 2);
  CHECK(OriginalPageOf(d, 21, "").href == "");  // c.txt, after the PDF's last page
  CHECK(OriginalPageOf(d, 0, "").href == "");
}

TEST_CASE("an empty page gives its first line to the page after it") {
  Disclosure d = TextPdfText();
  d.source.page_starts = {11, 15, 15};
  d.source.page_numbers = {1, 2, 3};
  d.source.page_files = {1, 1, 1};
  CHECK(OriginalPageOf(d, 15, "").page == 3);
  CHECK(OriginalPageOf(d, 14, "").page == 1);
}

}  // TEST_SUITE
