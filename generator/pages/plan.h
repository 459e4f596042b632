// The cross pages of a site as one table: each page's path, template, context, title and
// page kind. The build walks it (site/build.cc); adding a page family is a module of pages/
// and its entries here.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/codes.h"
#include "pages/glossary.h"
#include "pages/paging.h"
#include "pages/record.h"
#include "pages/rules.h"
#include "years/series.h"

namespace gongkai::pages {

/// One page to render.
struct Page {
  /// Relative to the site. "codes/201.md": a Markdown page, written beside its HTML twin
  /// "codes/201.html"; "search.html": an HTML page, the template's output its body.
  std::string path;
  std::string tmpl;  ///< the template (a file name of templates/)
  /// The template's context, made when the page is rendered (so a plan of thousands of pages
  /// holds no context).
  std::function<kainjow::mustache::data()> context;
  std::string title;  ///< the HTML page's <title>
  std::string kind;   ///< layout.html's page kind
  /// What the page is made from, where that is cheaper to know than the page itself: a page
  /// whose key (with the templates) is the one the last build gave it is that build's page,
  /// linked from the last site without making its context. Null: made every build.
  std::function<std::string()> key = nullptr;
  /// Made from nothing that changed since the last build (Collection::code_changes,
  /// Collection::list_changes): its key
  /// is the one the last build gave the page of its path, not worked out again.
  bool unchanged = false;
};

/// What the cross pages are made from: the records of every input, in input order. Must
/// outlive the plan made from it.
struct Collection {
  std::vector<const Record*> records;  ///< every input's, failed ones included
  std::vector<const Record*> built;    ///< of them, the disclosures built
  /// The departments across years (site/years.h): timelines, the index's 按部门：历年, the
  /// compare page's years, one search entry for a department of several years.
  const std::vector<years::Series>* series = nullptr;
  /// The codes' rows of `built` (pages/codes.h), made once for the code pages and the search
  /// index's code entries.
  std::shared_ptr<const CodeIndex> codes;
  /// What changed among the codes since the last build (pages/codes.h), where the last
  /// build's pages can be told apart (an incremental build, the same templates): a code page
  /// that CodeMayHaveChanged says is not is Page::unchanged. Null: any page may have changed.
  std::shared_ptr<const CodeChanges> code_changes;
  /// What changed in the lists a rule's and a glossary term's pages are split from
  /// (pages/paging.h), likewise: a later page that PartMayHaveChanged says is not is
  /// Page::unchanged. Null: any page may have changed.
  std::shared_ptr<const ListChanges> list_changes;
  /// The findings of `built` by rule and its glossary's terms, where the caller made them
  /// already (on another thread, while it made `codes`); null: CrossPages makes them.
  std::shared_ptr<const FindingIndex> findings;
  std::shared_ptr<const GlossaryIndex> glossary;
};

/// Every cross page, in the order they are written: index, rules, codes, glossary, compare,
/// the departments across years, search, 404.
std::vector<Page> CrossPages(const Collection& c);

/// The HTML page of `page`: its path with .md replaced by .html.
std::string HtmlPath(const Page& page);

}  // namespace gongkai::pages
