// cmark-gfm wrapper: Markdown to HTML, its tables apart (markdown_tables.h).
#include "render/markdown.h"

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "render/markdown_tables.h"

namespace gongkai::render {

std::string AddHeadingIdsAndCaptions(const std::string& html);

namespace {

// cmark-gfm's HTML of `markdown`, GFM tables included.
std::string CmarkHtml(std::string_view markdown) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_SOURCEPOS;
  cmark_parser* parser = cmark_parser_new(options);
  if (cmark_syntax_extension* table = cmark_find_syntax_extension("table"))
    cmark_parser_attach_syntax_extension(parser, table);
  cmark_parser_feed(parser, markdown.data(), markdown.size());
  cmark_node* document = cmark_parser_finish(parser);
  char* html = cmark_render_html(document, CMARK_OPT_DEFAULT,
                                 cmark_parser_get_syntax_extensions(parser));
  std::string out = html ? html : "";
  std::free(html);
  cmark_node_free(document);
  cmark_parser_free(parser);
  return out;
}

// The same HTML, the tables rendered by markdown_tables.h and the rest by cmark-gfm, each table
// put where its placeholder paragraph is; false when the tables cannot be taken out or a
// placeholder is not found as a paragraph of its own.
bool HtmlWithTablesApart(std::string_view markdown, std::string& html) {
  TablesTakenOut parts;
  if (!TakeOutTables(markdown, parts)) return false;
  const std::string rest = CmarkHtml(parts.rest);
  const std::string placeholder = "<p>" + std::string(kTablePlaceholder) + "</p>\n";
  html.clear();
  size_t bytes = rest.size();
  for (const auto& t : parts.tables) bytes += t.size();
  html.reserve(bytes);
  size_t from = 0;
  for (const auto& table : parts.tables) {
    const size_t at = rest.find(placeholder, from);
    if (at == std::string::npos) return false;
    html.append(rest, from, at - from);
    html += table;
    from = at + placeholder.size();
  }
  html.append(rest, from, std::string::npos);
  return true;
}

}  // namespace

std::string MarkdownToHtml(std::string_view markdown) {
  std::string html;
  if (!HtmlWithTablesApart(markdown, html)) html = CmarkHtml(markdown);
  return AddHeadingIdsAndCaptions(html);
}

std::string MarkdownToHtmlByCmark(std::string_view markdown) {
  return AddHeadingIdsAndCaptions(CmarkHtml(markdown));
}

namespace {

// Whether the tag at html[at] ('<') is an opening heading tag or "<table>".
bool IsHeadingOrTable(const std::string& html, size_t at) {
  const char tag = at + 1 < html.size() ? html[at + 1] : '\0';
  if (tag == 'h')
    return at + 3 < html.size() && html[at + 2] >= '1' && html[at + 2] <= '6' && html[at + 3] == '>';
  return tag == 't' && html.compare(at, 7, "<table>") == 0;
}

}  // namespace

// cmark-gfm has no syntax for heading ids or table captions. Templates end a heading with
// "{#id}" (id: [a-z0-9-]); that becomes the heading's id. Each table gets the text of the
// heading before it as its <caption>, for screen readers.
std::string AddHeadingIdsAndCaptions(const std::string& html) {
  static const std::string kAlign = " align=\"";
  std::string out;
  out.reserve(html.size() + 256);
  std::string last_heading;
  size_t i = 0;
  size_t align = html.find(kAlign);
  while (i < html.size()) {
    // Copy up to the next heading, table or alignment attribute, the tags between in one piece.
    if (align < i) align = html.find(kAlign, i);
    size_t next = html.find('<', i);
    while (next < align && !IsHeadingOrTable(html, next)) next = html.find('<', next + 1);
    next = std::min(next, align);
    if (next == std::string::npos) next = html.size();
    out.append(html, i, next - i);
    i = next;
    if (i == html.size()) break;
    // html[i] is '<' or the alignment's space: the letter after it tells the tags apart.
    const char tag = i + 1 < html.size() ? html[i + 1] : '\0';
    if (tag == 'h' && i + 3 < html.size() && html[i + 2] >= '1' &&
        html[i + 2] <= '6' && html[i + 3] == '>') {
      char level = html[i + 2];
      std::string close = std::string("</h") + level + ">";
      size_t end = html.find(close, i);
      if (end != std::string::npos) {
        std::string inner = html.substr(i + 4, end - i - 4);
        std::string id;
        size_t brace = inner.rfind(" {#");
        if (brace != std::string::npos && inner.size() >= 2 && inner.back() == '}') {
          std::string candidate = inner.substr(brace + 3, inner.size() - brace - 4);
          bool ok = !candidate.empty() && candidate.size() <= 40;
          for (char c : candidate)
            ok &= (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
          if (ok) {
            id = candidate;
            inner = inner.substr(0, brace);
          }
        }
        out += std::string("<h") + level + (id.empty() ? "" : " id=\"" + id + "\"") + ">" + inner + close;
        // The caption: the heading's text without tags.
        last_heading.clear();
        bool tag = false;
        for (char c : inner) {
          if (c == '<') tag = true;
          if (!tag) last_heading += c;
          if (c == '>') tag = false;
        }
        i = end + close.size();
        continue;
      }
    }
    // cmark-gfm marks column alignment with align="", obsolete in HTML5: use classes.
    if (i == align) {
      size_t close = html.find('"', i + kAlign.size());
      if (close != std::string::npos) {
        out += " class=\"align-";
        out.append(html, i + kAlign.size(), close - i - kAlign.size());
        out += '"';
        i = close + 1;
        continue;
      }
    }
    if (tag == 't' && html.compare(i, 7, "<table>") == 0) {
      out += "<table>";
      if (!last_heading.empty()) out += "\n<caption>" + last_heading + "</caption>";
      i += 7;
      continue;
    }
    out += html[i++];
  }
  return out;
}

std::string EscapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      // HTML-significant characters as entities, not backslash escapes: every Markdown
      // renderer decodes an entity to the character as text, but not all honour "\<"
      // (Markdown.pl passes "\<img ...>" on as a live tag).
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']':
      case '#': case '!': case '|': case '~': case '$':
        out += '\\';
        out += c;
        break;
      case '\n': case '\r': case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  AppendEscapedHtml(out, text);
  return out;
}

void AppendEscapedHtml(std::string& out, std::string_view text) {
  // The runs without a character to escape are appended whole.
  size_t plain = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&#39;"; break;
      default: continue;
    }
    out.append(text, plain, i - plain);
    out += entity;
    plain = i + 1;
  }
  out.append(text, plain, text.size() - plain);
}

}  // namespace gongkai::render
