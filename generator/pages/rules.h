// The rule pages: rules/index.md (every check with how many departments it fired on) and
// rules/<id>.md (what a check means and every finding of it).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/paging.h"
#include "pages/record.h"

namespace gongkai::pages {

/// Every finding of the records by its rule, made in one pass over the records so that a
/// rule's page (and its key) reads that rule's findings only. A rule that fired on many
/// departments has its findings split into pages by department (pages/paging.h): the page
/// of one department's findings and the first are made again when they change, not one page
/// of every finding (3.6 MB at N = 10,000).
class FindingIndex {
 public:
  struct Hit {
    const Record* record;
    const model::Finding* finding;
  };
  /// One rule's findings: `hits` (records in input order, each record's in its order), the
  /// departments they are of (`records`, in that order), where each department's begin in
  /// `hits` (`first_hit`, with hits.size() at the end) and the pages (rules/<stem>.md: the
  /// rule's id, then <id>--<department> for a later page).
  struct Fired {
    std::vector<Hit> hits;
    std::vector<const Record*> records;
    std::vector<uint32_t> first_hit;
    std::vector<ListPart> parts;
  };
  explicit FindingIndex(const std::vector<const Record*>& all, const Paging& paging = {});
  /// The findings of rule `id`; none (one page, empty) if it never fired.
  const Fired& Of(const std::string& id) const;
  /// The findings of rule `id`, records in input order, each record's in its order; empty
  /// if none.
  const std::vector<Hit>& Hits(const std::string& id) const { return Of(id).hits; }
  /// The pages of rule `id`'s page: one unless it fired on many departments.
  const std::vector<ListPart>& Parts(const std::string& id) const { return Of(id).parts; }

 private:
  std::map<std::string, Fired> by_rule_;
};

/// Context for rule.md, page `part` of rule `id` (FindingIndex::Parts): the rule and, for every
/// disclosure of the page, its findings of that rule; a paged rule's first page lists its
/// pages, a later one links to its neighbours.
kainjow::mustache::data RuleContext(const std::string& id, const FindingIndex& index,
                                    size_t part = 0);
/// What page `part` of rule `id` is made from (pages::Page::key): every value RuleContext
/// reads, listed by the same function; the same key, the same context.
std::string RulePageKey(const std::string& id, const FindingIndex& index, size_t part = 0);

/// Context for rules.md: every rule with the number of departments where it fired.
kainjow::mustache::data RulesContext(const FindingIndex& index);
/// What rules.md is made from (pages::Page::key), as RulePageKey.
std::string RulesPageKey(const FindingIndex& index);

}  // namespace gongkai::pages
