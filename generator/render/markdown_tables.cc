// cmark-gfm's table HTML without its table extension (see markdown_tables.h). Written here, not
// taken from cmark-gfm: its API renders a table only from nodes its extension made while
// parsing. The rows are split as extensions/table.c splits them (row_from_string,
// unescape_pipes, cmark_strbuf_trim) and the few inline forms a generated cell holds are
// written as html.c writes them; anything else is left to cmark-gfm whole (fail closed).
#include "render/markdown_tables.h"

#include <deque>
#include <utility>

#include "ingest/encoding.h"

namespace gongkai::render {

namespace {

// cmark_isspace: what trimming a cell removes.
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// ext_scanners.re's spacechar: what may follow a pipe.
bool IsSpaceChar(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

// What a backslash escapes (cmark_ispunct).
bool IsAsciiPunct(char c) {
  return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
         (c >= '{' && c <= '~');
}

// A link destination's characters written as they are: houdini_escape_href keeps them and
// scan_dangerous_url finds no scheme (no ':').
bool IsPlainUrlChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '/' || c == '%' || c == '#' || c == '=';
}

// A character that starts an inline of cmark's, is escaped in HTML or is not looked at here.
bool IsSpecial(char c) {
  switch (c) {
    case '\\': case '&': case '[': case ']': case '!': case '*': case '_': case '`': case '<':
    case '>': case '"': case '\t': case '\n': case '\r': case '\0':
      return true;
    default:
      return false;
  }
}

// A character of text as html.c's escape_html writes it (' and / stay).
void AppendHtmlChar(char c, std::string& out) {
  switch (c) {
    case '"': out += "&quot;"; break;
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    default: out += c;
  }
}

// The entity at s[i] that EscapeMarkdown writes, decoded (i moved past it); 0 for another.
char Entity(std::string_view s, size_t& i) {
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}};
  for (const auto& [name, c] : kEntities)
    if (s.compare(i, name.size(), name) == 0) {
      i += name.size();
      return c;
    }
  return 0;
}

bool AppendInlines(std::string_view s, std::string& out);

// The link title in double quotes at s[j] (j moved past it), its backslash escapes undone.
bool ReadTitle(std::string_view s, size_t& j, std::string& title) {
  if (j >= s.size() || s[j] != '"') return false;
  for (++j; j < s.size() && s[j] != '"'; ++j) {
    char c = s[j];
    if (c == '&' || c == '`') return false;  // cmark decodes every entity of a title
    if (c == '\\' && j + 1 < s.size() && IsAsciiPunct(s[j + 1])) c = s[++j];
    title += c;
  }
  if (j == s.size()) return false;
  ++j;
  return true;
}

// The code span of single backticks at s[i] (i moved past it): its text as it is, escaped for
// HTML. Longer backtick runs and text that starts or ends with a space (which cmark strips)
// are left to cmark.
bool AppendCode(std::string_view s, size_t& i, std::string& out) {
  const size_t close = s.find('`', i + 1);
  if (close == std::string_view::npos || close == i + 1 || s[close - 1] == ' ' ||
      s[i + 1] == ' ' || (close + 1 < s.size() && s[close + 1] == '`'))
    return false;
  out += "<code>";
  for (size_t k = i + 1; k < close; ++k) AppendHtmlChar(s[k], out);
  out += "</code>";
  i = close + 1;
  return true;
}

// The inline link [text](url "title") at s[i] (i moved past it), as html.c writes it.
bool AppendLink(std::string_view s, size_t& i, std::string& out) {
  size_t close = i + 1;
  for (; close < s.size() && s[close] != ']'; ++close) {
    if (s[close] == '[' || s[close] == '`') return false;  // (a code span binds first)
    if (s[close] == '\\') ++close;
  }
  if (close + 1 >= s.size() || s[close + 1] != '(') return false;
  size_t j = close + 2;
  const size_t url = j;
  while (j < s.size() && IsPlainUrlChar(s[j])) ++j;
  const std::string_view href = s.substr(url, j - url);
  std::string title;
  if (j < s.size() && s[j] == ' ') {
    while (j < s.size() && s[j] == ' ') ++j;
    if (!ReadTitle(s, j, title)) return false;
    while (j < s.size() && s[j] == ' ') ++j;
  }
  if (href.empty() || j == s.size() || s[j] != ')') return false;
  out += "<a href=\"";
  out += href;
  if (!title.empty()) {
    out += "\" title=\"";
    for (char c : title) AppendHtmlChar(c, out);
  }
  out += "\">";
  if (!AppendInlines(s.substr(i + 1, close - i - 1), out)) return false;
  out += "</a>";
  i = j + 1;
  return true;
}

// Inline content as cmark renders it, for the forms listed in markdown_tables.h.
bool AppendInlines(std::string_view s, std::string& out) {
  size_t i = 0;
  while (i < s.size()) {
    // A run of characters cmark takes as text and writes as they are.
    size_t plain = i;
    while (plain < s.size() && !IsSpecial(s[plain])) ++plain;
    out.append(s, i, plain - i);
    if ((i = plain) == s.size()) break;
    const char c = s[i];
    switch (c) {
      case '\\':
        if (i + 1 < s.size() && IsAsciiPunct(s[i + 1])) {
          AppendHtmlChar(s[i + 1], out);
          i += 2;
        } else {
          out += '\\';
          ++i;
        }
        continue;
      case '&':
        if (char decoded = Entity(s, i)) {
          AppendHtmlChar(decoded, out);
          continue;
        }
        return false;
      case '[':
        if (!AppendLink(s, i, out)) return false;
        continue;
      case '!':
        if (i + 1 < s.size() && s[i + 1] == '[') return false;  // an image
        break;
      case '`':
        if (!AppendCode(s, i, out)) return false;
        continue;
      case ']': case '*': case '_': case '<': case '\t': case '\n': case '\r':
      case '\0':
        return false;
      default:
        break;
    }
    AppendHtmlChar(c, out);
    ++i;
  }
  return true;
}

// The cells of one table line (without its line end) as row_from_string splits them: pipes
// escaped with a backslash belong to the cell; each cell trimmed and unescaped (in this order,
// which gives what the other order gives: only a backslash before a pipe goes). A cell is a
// view of `line`, or of `unescaped` where a pipe was escaped.
std::vector<std::string_view> SplitRow(std::string_view line, std::deque<std::string>& unescaped) {
  std::vector<std::string_view> cells;
  auto pipe_end = [&](size_t at) {  // scan_table_cell_end: [|] spacechar*
    if (at >= line.size() || line[at] != '|') return at;
    for (++at; at < line.size() && IsSpaceChar(line[at]);) ++at;
    return at;
  };
  for (size_t pos = pipe_end(0); pos < line.size();) {
    size_t end = pos;
    bool escaped = false;
    for (; end < line.size() && line[end] != '|'; ++end)
      if (line[end] == '\\' && end + 1 < line.size() && line[end + 1] == '|') {
        escaped = true;
        ++end;
      }
    const size_t next = pipe_end(end);
    if (end > pos || next > end) {
      size_t first = pos, last = end;
      while (first < last && IsSpace(line[first])) ++first;
      while (last > first && IsSpace(line[last - 1])) --last;
      std::string_view cell = line.substr(first, last - first);
      if (escaped) {  // unescape_pipes
        std::string& out = unescaped.emplace_back();
        for (size_t r = 0; r < cell.size(); ++r) {
          if (cell[r] == '\\' && r + 1 < cell.size() && cell[r + 1] == '|') ++r;
          out += cell[r];
        }
        cell = out;
      }
      cells.push_back(cell);
    }
    if (next == end) break;
    pos = next;
  }
  return cells;
}

// The alignment of each column from the delimiter row ("|---|:--|--:|"), as scan_table_start
// reads it: 'l', 'r', 'c' or 0; empty when the line is not a delimiter row.
std::string Alignments(std::string_view line) {
  std::string align;
  std::deque<std::string> unescaped;
  for (std::string_view cell : SplitRow(line, unescaped)) {
    size_t dashes = 0;
    for (char c : cell) dashes += c == '-';
    const bool left = !cell.empty() && cell.front() == ':', right = cell.size() > 1 && cell.back() == ':';
    if (dashes == 0 || dashes + left + right != cell.size()) return "";
    align += left && right ? 'c' : left ? 'l' : right ? 'r' : '\0';
  }
  return align;
}

void AppendCellTag(const char* tag, char align, std::string& out) {
  out += "\n<";
  out += tag;
  if (align == 'l') out += " align=\"left\"";
  if (align == 'c') out += " align=\"center\"";
  if (align == 'r') out += " align=\"right\"";
  out += '>';
}

// One row: as many cells as the header has, the missing ones empty, the extra ones dropped.
bool AppendRow(const std::vector<std::string_view>& cells, const std::string& align, const char* tag,
               std::string& out) {
  out += "\n<tr>";
  for (size_t k = 0; k < align.size(); ++k) {
    AppendCellTag(tag, align[k], out);
    if (k < cells.size() && !AppendCellHtml(cells[k], out)) return false;
    out += "</";
    out += tag;
    out += '>';
  }
  out += "\n</tr>";
  return true;
}

// The lines of one table (header, delimiter row, body rows) as html.c and the table extension
// write it.
bool RenderTable(const std::vector<std::string_view>& lines, std::string& html) {
  const std::string align = Alignments(lines[1]);
  std::deque<std::string> unescaped;
  const std::vector<std::string_view> header = SplitRow(lines[0], unescaped);
  if (align.empty() || header.size() != align.size()) return false;
  html = "<table>\n<thead>";
  if (!AppendRow(header, align, "th", html)) return false;
  html += "\n</thead>";
  if (lines.size() > 2) html += "\n<tbody>";
  for (size_t k = 2; k < lines.size(); ++k) {
    const std::vector<std::string_view> cells = SplitRow(lines[k], unescaped);
    if (cells.empty() || !AppendRow(cells, align, "td", html)) return false;
  }
  if (lines.size() > 2) html += "\n</tbody>";
  html += "\n</table>\n";
  return true;
}

bool IsBlank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t') return false;
  return true;
}

// A line that may open a block a table's lines would belong to (an HTML block); code fences
// are looked for in the whole text.
bool OpensHtmlBlock(std::string_view line) {
  size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  return i < line.size() && line[i] == '<';
}

}  // namespace

bool AppendCellHtml(std::string_view cell, std::string& out) { return AppendInlines(cell, out); }

bool TakeOutTables(std::string_view markdown, TablesTakenOut& out) {
  out.rest.clear();
  out.tables.clear();
  if (markdown.find(kTablePlaceholder) != std::string_view::npos ||
      markdown.find("```") != std::string_view::npos ||
      markdown.find("~~~") != std::string_view::npos)
    return false;
  std::vector<std::string_view> lines;
  for (size_t pos = 0; pos < markdown.size();) {
    size_t end = markdown.find('\n', pos);
    if (end == std::string_view::npos) end = markdown.size();
    lines.push_back(markdown.substr(pos, end - pos));
    pos = end + 1;
  }
  out.rest.reserve(markdown.size() / 2);
  bool after_blank = true;
  for (size_t k = 0; k < lines.size(); ++k) {
    if (OpensHtmlBlock(lines[k])) return false;
    if (after_blank && k + 1 < lines.size() && !lines[k].empty() && lines[k][0] == '|' &&
        !lines[k + 1].empty() && lines[k + 1][0] == '|' && !Alignments(lines[k + 1]).empty()) {
      size_t end = k + 2;
      while (end < lines.size() && !lines[end].empty() && lines[end][0] == '|') ++end;
      if (end < lines.size() && !IsBlank(lines[end])) return false;
      const std::vector<std::string_view> table(lines.begin() + k, lines.begin() + end);
      for (auto line : table)
        if (!ingest::IsValidUtf8(line)) return false;  // cmark would replace the bad bytes
      out.tables.emplace_back();
      if (!RenderTable(table, out.tables.back())) return false;
      out.rest += kTablePlaceholder;
      out.rest += '\n';
      k = end - 1;
      after_blank = false;
      continue;
    }
    out.rest += lines[k];
    if (k + 1 < lines.size() || markdown.back() == '\n') out.rest += '\n';
    after_blank = IsBlank(lines[k]);
  }
  return true;
}

}  // namespace gongkai::render
