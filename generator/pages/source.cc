// Disclosure and its lines -> source.html context.
#include "pages/source.h"

#include "render/context.h"
#include "render/markdown.h"
#include "render/originals.h"
#include "render/source_notes.h"

namespace gongkai::pages {

using kainjow::mustache::data;
using kainjow::mustache::list;
using render::EscapeHtml;
using render::Put;
using render::OriginalPageHtml;
using render::OriginalPageOf;
using render::SourceNotes;

data SourceContext(const model::Disclosure& d, const ingest::Document& doc) {
  data ctx;
  // source.html inserts these with {{ }}: Mustache escapes them for HTML.
  ctx.set("name", d.department.name.empty() ? d.id : d.department.name);
  ctx.set("path", d.source.path);
  ctx.set("sha256", d.source.sha256);
  ctx.set("department_href", "../departments/" + d.id + ".html");
  // The lines, one <li id="L<n>"> each (numbered by CSS), rendered here rather than through
  // a Mustache list: a document has thousands of lines. The text is HTML-escaped
  // (source_notes.h).
  // A PDF's lines are its pages' rows of text: a page mark (an unnumbered item with the anchor
  // #P<n>, n counting the disclosure's pages) stands before the first line of each page and,
  // where the disclosure is several files, a file mark before the first line of each file.
  std::vector<std::string> marks(doc.lines.size());
  for (size_t k = 0; k < doc.files.size() && doc.files.size() > 1; ++k)
    if (doc.files[k].first_line < marks.size()) {
      std::string name = ingest::PrintableName(doc.files[k].path);
      size_t slash = name.find_last_of('/');
      if (slash != std::string::npos) name = name.substr(slash + 1);
      marks[doc.files[k].first_line] += "<li class=\"file-mark\">文件 " + EscapeHtml(name) + "</li>\n";
    }
  for (size_t k = 0; k < doc.pages.size(); ++k) {
    const auto& p = doc.pages[k];
    if (p.first_line >= marks.size() || p.line_count == 0) continue;
    marks[p.first_line] += "<li class=\"page-mark\" id=\"P" + std::to_string(k + 1) +
                           "\">第 " + std::to_string(p.number) + " 页</li>\n";
  }
  std::string lines;
  size_t bytes = 0;
  for (const auto& l : doc.lines) bytes += l.size() + 24;
  lines.reserve(bytes);
  // Each line with the figures read from it marked and the findings that cite it.
  const SourceNotes notes(d);
  // A line on no page of a PDF (all of a text's) has no link to the original's page.
  const bool paged = !d.source.page_starts.empty();
  const std::string root = "../";
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    lines += marks[i];
    const int n = static_cast<int>(i) + 1;
    notes.AppendItem(lines, n, doc.lines[i],
                     paged ? OriginalPageHtml(OriginalPageOf(d, n, root)) : std::string());
  }
  render::PutText(ctx, "lines_html", std::move(lines));
  ctx.set("line_count", std::to_string(doc.lines.size()));
  ctx.set("pdf", doc.IsPdf());
  ctx.set("page_count", std::to_string(doc.pages.size()));
  return ctx;
}

}  // namespace gongkai::pages
