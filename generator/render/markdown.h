// Markdown -> HTML with cmark-gfm (GFM tables), and escaping document text for Markdown.
#pragma once

#include <string>
#include <string_view>

namespace gongkai::render {

/// Renders GitHub-flavoured Markdown (with tables) to HTML. Raw HTML and unsafe link schemes
/// (javascript:) in the input are not passed through (cmark's safe mode). A heading ending in
/// "{#id}" gets that id; every table gets the preceding heading as its caption.
/// The tables gongkai generates are rendered without cmark-gfm's table extension, to the same
/// bytes (markdown_tables.h); any other text is given to cmark-gfm whole.
std::string MarkdownToHtml(std::string_view markdown);

/// MarkdownToHtml with every table parsed by cmark-gfm's table extension: the reference
/// MarkdownToHtml is tested against.
std::string MarkdownToHtmlByCmark(std::string_view markdown);

/// Escapes text taken from a document so Markdown shows it literally: no emphasis, links,
/// images, HTML, or table cell breaks come from a disclosure's text. < > & become entities,
/// so the result holds no "<" at all and no Markdown renderer makes a tag of it.
std::string EscapeMarkdown(std::string_view text);

/// Escapes text for HTML element content and attribute values.
std::string EscapeHtml(std::string_view text);
/// EscapeHtml(text) appended to `out`.
void AppendEscapedHtml(std::string& out, std::string_view text);

}  // namespace gongkai::render
