// The glossary page (glossary.md, .html): the documents' 名词解释, each term with every
// department's definition.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "pages/record.h"

namespace gongkai::pages {

/// The anchor of a glossary term on glossary.html: "g" and 8 hex digits of its hash.
std::string GlossaryAnchor(const std::string& term);

kainjow::mustache::data GlossaryContext(const std::vector<const Record*>& all);

}  // namespace gongkai::pages
