// The rule pages: rules/index.md (every check with how many departments it fired on) and
// rules/<id>.md (what a check means and every finding of it).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/record.h"

namespace gongkai::pages {

/// Every finding of the records by its rule, made in one pass over the records so that a
/// rule's page (and its key) reads that rule's findings only.
class FindingIndex {
 public:
  struct Hit {
    const Record* record;
    const model::Finding* finding;
  };
  explicit FindingIndex(const std::vector<const Record*>& all);
  /// The findings of rule `id`, records in input order, each record's in its order; empty
  /// if none.
  const std::vector<Hit>& Hits(const std::string& id) const;

 private:
  std::map<std::string, std::vector<Hit>> by_rule_;
};

/// Context for rule.md: the rule and, for every disclosure, its findings of that rule.
kainjow::mustache::data RuleContext(const std::string& id, const FindingIndex& index);
/// What the page of rule `id` is made from (pages::Page::key): every value RuleContext
/// reads, listed by the same function; the same key, the same context.
std::string RulePageKey(const std::string& id, const FindingIndex& index);

/// Context for rules.md: every rule with the number of departments where it fired.
kainjow::mustache::data RulesContext(const FindingIndex& index);
/// What rules.md is made from (pages::Page::key), as RulePageKey.
std::string RulesPageKey(const FindingIndex& index);

}  // namespace gongkai::pages
