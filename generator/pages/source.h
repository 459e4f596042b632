// The source view (source/<id>.html): the document's lines, each with the figures read from it
// and the findings that cite it.
#pragma once

#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "ingest/document.h"
#include "model/disclosure.h"

namespace gongkai::pages {

/// Context for source.html: every line, escaped, with its number (its originals are set by the
/// caller).
kainjow::mustache::data SourceContext(const model::Disclosure& d, const ingest::Document& doc);

}  // namespace gongkai::pages
