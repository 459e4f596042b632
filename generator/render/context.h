// What every page's template context is made of: Mustache rendering, booleans, severity
// labels, and the links from a figure or a line to the source view.
#pragma once

#include <atomic>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "model/disclosure.h"

namespace gongkai::render {

/// A Mustache boolean (for {{#flag}} sections).
kainjow::mustache::data Bool(bool b);

/// Sets `key` of the object `ctx` (not a list or string) to `value`, moved in: kainjow's set()
/// copies it once more, which costs for a list of rows or a long text.
void Put(kainjow::mustache::data& ctx, const std::string& key, kainjow::mustache::data value);
/// Put of a string, moved in (kainjow's data copies the string it is made from).
void PutText(kainjow::mustache::data& ctx, const std::string& key, std::string text);
/// Put of a list, moved in (kainjow's data copies every row of the list it is made from).
void PutList(kainjow::mustache::data& ctx, const std::string& key, kainjow::mustache::list rows);

/// "错误" / "警告" / "提示".
std::string SeverityLabel(model::Diagnostic::Severity s);

/// A Mustache template parsed once and rendered any number of times, from several threads at
/// once (kainjow's renderer only reads the parsed template, as long as the context holds no
/// lambdas or partials; gongkai's contexts hold strings, lists, objects and booleans only).
class Template {
 public:
  explicit Template(const std::string& text) : compiled_(text) {}
  /// Renders `context` into `out`; on a template error returns false and sets `error`.
  bool Render(const kainjow::mustache::data& context, std::string& out, std::string& error) const;

 private:
  // kainjow's render() is not const, though it changes nothing of the template it renders
  // (its error message is set only by lambdas and partials).
  mutable kainjow::mustache::mustache compiled_;
  // The size of the last page rendered, reserved before the next: a page of one template is
  // about as long as the last (a department page ~100 KB), and growing it from empty copied
  // it about twice over.
  mutable std::atomic<size_t> last_size_{0};
};

/// Renders a Mustache template; on a template error returns false and sets `error`.
bool RenderTemplate(const std::string& tmpl, const kainjow::mustache::data& context,
                    std::string& out, std::string& error);

/// The department's name as pages show it: its name, else its id.
std::string DepartmentName(const model::Disclosure& d);

/// A figure as a Markdown link to the source line it came from, e.g.
/// "[460.74](../source/id.html#L495 "第 495 行")"; "—" when the document states none.
std::string FigureLink(const model::MaybeFigure& f, const std::string& source_href);

/// FigureLink from a page one folder below the site's root, followed for a PDF disclosure by
/// the link to the figure's page of the original (OriginalPageMarkdown):
/// "[10692.90](../source/id.html#L372 "第 372 行") [第19页](../originals/id/id.pdf#page=19 …)".
std::string FigureLink(const model::MaybeFigure& f, const model::Disclosure& d);

/// A line number as a Markdown link to it in the source view: "[12](../source/id.html#L12)";
/// "—" for no line (0).
std::string LineLink(int line, const std::string& source_href);
/// LineLink of each line, separated by spaces.
std::string LineLinks(const std::vector<int>& lines, const std::string& source_href);

}  // namespace gongkai::render
