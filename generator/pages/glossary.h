// The glossary: the documents' 名词解释. glossary.md lists the terms; each term has its page
// glossary/<anchor>.md (and .html) with its definitions, a definition worded alike by several
// departments given once with every department that uses it. One page per term keeps pages
// small at a national scale (one page of every definition was 30 MB at 10,000 disclosures).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/paging.h"
#include "pages/record.h"

namespace gongkai::pages {

/// The stem of a glossary term's page: "g" and 8 hex digits of its hash.
std::string GlossaryAnchor(const std::string& term);

/// A term's page from the site's root: "glossary/<anchor>.html".
std::string GlossaryPath(const std::string& term);

/// Every term of the records' 名词解释, sorted, each with its definitions in the order first
/// seen (records in input order), each definition with the departments that word it so. A term
/// many departments explain has its page split by department (pages/paging.h): a department
/// added or removed makes again its page and the first, not one page of every department (1.7
/// MB for a common term at N = 10,000).
class GlossaryIndex {
 public:
  struct Use {
    const Record* record;
    int line;
    uint32_t department;  // the record's place in the term's `records`
    uint32_t entry;       // the definition's place in the record's glossary
  };
  struct Definition {
    std::string text;
    std::vector<Use> uses;  // in input order
  };
  struct Term {
    std::string term;
    std::vector<Definition> definitions;
    size_t departments = 0;  // records that define it
    std::vector<const Record*> records;  // those records, in input order
    /// Its pages: glossary/<stem>.md, the first GlossaryAnchor(term), a later one
    /// <anchor>-<its first department's id>.
    std::vector<ListPart> parts;
  };

  explicit GlossaryIndex(const std::vector<const Record*>& all, const Paging& paging = {});
  const std::vector<Term>& terms() const { return terms_; }

 private:
  std::vector<Term> terms_;
};

/// Context for glossary.md: the terms, each linked to its page.
kainjow::mustache::data GlossaryContext(const GlossaryIndex& index);
/// What glossary.md is made from (pages::Page::key): every value GlossaryContext reads, listed
/// by the same function; the same key, the same context.
std::string GlossaryPageKey(const GlossaryIndex& index);

/// Context for glossary-term.md: page `part` (Term::parts) of one term (index.terms()[i]): the
/// definitions of the page's departments, each with their uses of it; a paged term's first
/// page lists its pages, a later one links to its neighbours.
kainjow::mustache::data GlossaryTermContext(const GlossaryIndex& index, size_t i, size_t part = 0);
/// What that page is made from (pages::Page::key), as GlossaryPageKey.
std::string GlossaryTermPageKey(const GlossaryIndex& index, size_t i, size_t part = 0);

}  // namespace gongkai::pages
