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
};

/// Renders a Mustache template; on a template error returns false and sets `error`.
bool RenderTemplate(const std::string& tmpl, const kainjow::mustache::data& context,
                    std::string& out, std::string& error);

/// A figure as a Markdown link to the source line it came from, e.g.
/// "[460.74](../source/id.html#L495 "第 495 行")"; "—" when the document states none.
std::string FigureLink(const model::MaybeFigure& f, const std::string& source_href);

/// Context for department.md.
kainjow::mustache::data DepartmentContext(const model::Disclosure& d);

/// Context for one row of index.md.
kainjow::mustache::data IndexRow(const model::Disclosure& d, bool failed,
                                 const std::string& failure);

/// Context for source.html: every line, escaped, with its number.
kainjow::mustache::data SourceContext(const model::Disclosure& d,
                                      const ingest::Document& doc);

}  // namespace gongkai::render
