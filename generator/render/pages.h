// Template contexts for the site's pages and their rendering through Mustache templates.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "ingest/document.h"
#include "model/disclosure.h"

namespace gongkai::render {

/// The Mustache templates a site is rendered from (loaded from templates/).
struct Templates {
  std::string layout;      ///< layout.html: wraps every HTML page ({{{body}}})
  std::string index;       ///< index.md: the list of departments (Markdown)
  std::string department;  ///< department.md: one department (Markdown)
  std::string source;      ///< source.html: the original text with a target on every line
  std::string rule;        ///< rule.md: one consistency rule and where it fired (Markdown)
  std::string rules;       ///< rules.md: the catalogue of rules (Markdown)
};

/// A Mustache boolean (for {{#flag}} sections).
kainjow::mustache::data Bool(bool b);

/// "错误" / "警告" / "提示".
std::string SeverityLabel(model::Diagnostic::Severity s);

/// Renders a Mustache template; on a template error returns false and sets `error`.
bool RenderTemplate(const std::string& tmpl, const kainjow::mustache::data& context,
                    std::string& out, std::string& error);

/// A figure as a Markdown link to the source line it came from, e.g.
/// "[460.74](../source/id.html#L495 "第 495 行")"; "—" when the document states none.
std::string FigureLink(const model::MaybeFigure& f, const std::string& source_href);

/// FigureLink from a page one folder below the site's root, followed for a PDF disclosure by
/// the link to the figure's page of the original (OriginalPageMarkdown):
/// "[10692.90](../source/id.html#L372 "第 372 行") [第19页](../originals/id/id.pdf#page=19 …)".
std::string FigureLink(const model::MaybeFigure& f, const model::Disclosure& d);

/// Context for department.md.
kainjow::mustache::data DepartmentContext(const model::Disclosure& d);

/// Context for one row of index.md.
kainjow::mustache::data IndexRow(const model::Disclosure& d, bool failed,
                                 const std::string& failure);

/// Context for index.md: the rows (IndexRow) and the collection in one line: the inputs, the
/// departments, years and regions of those built, the sum of their spending (SpendingOf, in
/// 万元 to 0.01, over those that state it), how many have an error finding, how many failed.
kainjow::mustache::data IndexContext(const std::vector<const model::Disclosure*>& built,
                                     size_t inputs, const kainjow::mustache::list& rows);

/// One department's disclosure as the rule pages need it.
struct RuleHitSource {
  const model::Disclosure* d = nullptr;
};

/// Context for rule.md: the rule and, for every disclosure in `all`, its findings of that rule.
kainjow::mustache::data RuleContext(const std::string& id, const std::vector<const model::Disclosure*>& all);

/// Context for rules.md: every rule with the number of departments where it fired.
kainjow::mustache::data RulesContext(const std::vector<const model::Disclosure*>& all);

/// Context for source.html: every line, escaped, with its number.
kainjow::mustache::data SourceContext(const model::Disclosure& d,
                                      const ingest::Document& doc);

}  // namespace gongkai::render
