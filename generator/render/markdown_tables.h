// The tables of the Markdown gongkai generates, rendered to the very HTML cmark-gfm's table
// extension gives them, without that extension's cost (it parses every row twice, a cell at a
// time, before the cells' inlines are parsed: two thirds of a department page's conversion).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gongkai::render {

/// A Markdown text with its tables taken out: in `rest` a paragraph holding only
/// kTablePlaceholder stands where each table stood; `tables` holds each table's HTML, in order.
struct TablesTakenOut {
  std::string rest;
  std::vector<std::string> tables;
};

/// The text of the paragraph that stands for a table in TablesTakenOut::rest.
inline constexpr std::string_view kTablePlaceholder = "GONGKAI-TABLE-PLACEHOLDER";

/// Takes out each table that is a block of its own (a blank line or the start before it, a
/// blank line or the end after it, every line starting with "|") and renders it as cmark-gfm
/// does, alignment as align="…" (the HTML before AddHeadingIdsAndCaptions). False when the text
/// holds something this cannot render exactly as cmark-gfm would (a cell with emphasis, code,
/// an image, raw HTML, an entity other than &amp; &lt; &gt; &quot;, a link to a URL with a
/// scheme…; a code fence or an HTML block, in which a table would not be one; the placeholder
/// itself): the caller then gives the whole text to cmark-gfm.
bool TakeOutTables(std::string_view markdown, TablesTakenOut& out);

/// Appends the HTML cmark-gfm gives the inlines of one table cell (trimmed, its "\|" unescaped
/// as the table extension does), for what gongkai's templates put in a cell: text, backslash
/// escapes, the entities &amp; &lt; &gt; &quot; and inline links [text](url "title") to a URL
/// without a scheme. False (with `out` partly appended) for anything else.
bool AppendCellHtml(std::string_view cell, std::string& out);

}  // namespace gongkai::render
