// Cross-document pages: classification codes, glossary, comparison, downloads, search entries.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "model/disclosure.h"
#include "render/search_index.h"

namespace gongkai::render {

/// The anchor of a glossary term on glossary.html: "g" and 8 hex digits of its hash.
std::string GlossaryAnchor(const std::string& term);

/// Every classification code used by any disclosure (functional 类/款/项 and economic), sorted.
std::vector<std::string> AllCodes(const std::vector<const model::Disclosure*>& all);

kainjow::mustache::data CodesContext(const std::vector<const model::Disclosure*>& all);
/// One code: its name, parent and children (as links), and each department's amounts.
kainjow::mustache::data CodeContext(const std::string& code,
                                    const std::vector<const model::Disclosure*>& all);
kainjow::mustache::data GlossaryContext(const std::vector<const model::Disclosure*>& all);
kainjow::mustache::data CompareContext(const std::vector<const model::Disclosure*>& all);

/// One CSV cell, RFC 4180 quoted; a text cell that a spreadsheet would take for a formula
/// (= + - @ tab CR first, and not a plain number such as -12.50) gets a leading '.
std::string Csv(const std::string& s);

/// A derived metric of `d` as the CSV files and the compare page print it, "%.2f" ("80.34");
/// "" when it was not computed.
std::string CsvMetric(const model::Disclosure& d, const std::string& key);

/// data/departments.csv: one row per department, key figures and metrics (RFC 4180 quoting).
std::string DepartmentsCsv(const std::vector<const model::Disclosure*>& all);
/// data/functional.csv: department × functional code × amounts, with the source line.
std::string FunctionalCsv(const std::vector<const model::Disclosure*>& all);

/// The search entries of the whole site.
std::vector<SearchEntry> SearchEntries(const std::vector<const model::Disclosure*>& all);

/// sitemap.xml for the site's HTML pages under `base_url` (which ends with '/').
std::string Sitemap(const std::string& base_url, const std::vector<std::string>& pages);

}  // namespace gongkai::render
