// cmark-gfm wrapper.
#include "render/markdown.h"

#include <cstdlib>
#include <mutex>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

namespace gongkai::render {

std::string AddHeadingIdsAndCaptions(const std::string& html);

std::string MarkdownToHtml(std::string_view markdown) {
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
  return AddHeadingIdsAndCaptions(out);
}

// cmark-gfm has no syntax for heading ids or table captions. Templates end a heading with
// "{#id}" (id: [a-z0-9-]); that becomes the heading's id. Each table gets the text of the
// heading before it as its <caption>, for screen readers.
std::string AddHeadingIdsAndCaptions(const std::string& html) {
  std::string out;
  out.reserve(html.size() + 256);
  std::string last_heading;
  size_t i = 0;
  while (i < html.size()) {
    if (html.compare(i, 2, "<h") == 0 && i + 3 < html.size() && html[i + 2] >= '1' &&
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
    if (html.compare(i, 8, " align=\"") == 0) {
      size_t close = html.find('"', i + 8);
      if (close != std::string::npos) {
        out += " class=\"align-" + html.substr(i + 8, close - i - 8) + "\"";
        i = close + 1;
        continue;
      }
    }
    if (html.compare(i, 7, "<table>") == 0) {
      out += "<table>";
      if (!last_heading.empty()) out += "\n<caption>" + last_heading + "</caption>";
      i += 7;
      continue;
    }
    // Copy up to the next tag or attribute that may need work.
    size_t next = html.find_first_of("< ", i + 1);
    if (next == std::string::npos) next = html.size();
    out.append(html, i, next - i);
    i = next;
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
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace gongkai::render
