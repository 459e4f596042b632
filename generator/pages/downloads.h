// The site's downloads and machine-readable files: data/departments.csv, data/functional.csv,
// sitemap.xml.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "pages/record.h"

namespace gongkai::pages {

/// data/departments.csv: one row per department, key figures and metrics (RFC 4180 quoting).
/// One CSV cell, RFC 4180 quoted; a text cell that a spreadsheet would take for a formula
/// (= + - @ tab CR first, and not a plain number such as -12.50) gets a leading '.
std::string Csv(const std::string& s);
/// Appends Csv(s) to `out`.
void AppendCsv(std::string& out, std::string_view s);
/// Appends one CSV row: each cell as Csv gives it, separated by commas, then `end` ("\r\n" or
/// "\n"). In place, without a string per cell: the downloads hold every row of every document.
template <typename... Cells>
void AppendCsvRow(std::string& out, std::string_view end, const Cells&... cells) {
  bool first = true;
  ((first ? void() : void(out += ','), first = false, AppendCsv(out, cells)), ...);
  out += end;
}

std::string DepartmentsCsv(const std::vector<const Record*>& all);
/// data/functional.csv: department × functional code × amounts, with the source line.
std::string FunctionalCsv(const std::vector<const Record*>& all);

/// sitemap.xml for the site's HTML pages under `base_url` (which ends with '/').
std::string Sitemap(const std::string& base_url, const std::vector<std::string>& pages);

}  // namespace gongkai::pages
