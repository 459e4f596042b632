// The rule pages: rules/index.md (every check with how many departments it fired on) and
// rules/<id>.md (what a check means and every finding of it).
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/record.h"

namespace gongkai::pages {

/// Context for rule.md: the rule and, for every disclosure in `all`, its findings of that rule.
kainjow::mustache::data RuleContext(const std::string& id,
                                    const std::vector<const Record*>& all);

/// Context for rules.md: every rule with the number of departments where it fired.
kainjow::mustache::data RulesContext(const std::vector<const Record*>& all);

}  // namespace gongkai::pages
