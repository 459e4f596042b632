// The site's downloads and machine-readable files: data/departments.csv, data/functional.csv,
// sitemap.xml.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pages/record.h"

namespace gongkai::pages {

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

/// A CSV download made of each department's rows: its path in the site, its header line, and
/// the rows of one department (each beginning with its id, all of them one after the other).
struct CsvDownload {
  const char* path;
  const char* header;
  void (*rows)(const Record& d, std::string& out);
};
/// data/departments.csv: one row per department, key figures and metrics (RFC 4180 quoting).
extern const CsvDownload kDepartmentsCsv;
/// data/functional.csv: department × functional code × amounts, with the source line.
extern const CsvDownload kFunctionalCsv;

/// The download of `all`'s rows, in their order.
std::string MakeCsv(const CsvDownload& csv, const std::vector<const Record*>& all);
/// The same bytes, taking the rows of a department that `same(d)` says is the one the last
/// build wrote from `previous` (the last build's file) rather than making them: an edit makes
/// the rows of the departments built again, not of every department (SpliceCsv). With
/// `unchanged`, set true (and nothing returned) when the file is `previous` byte for byte.
std::string MakeCsv(const CsvDownload& csv, const std::vector<const Record*>& all,
                    std::string_view previous, const std::function<bool(const Record&)>& same,
                    bool* unchanged = nullptr);

/// The items of a CSV download whose rows are grouped by their first cell (a department's id,
/// a series' key), one group per item, in item order.
struct CsvItems {
  size_t count = 0;
  std::function<void(size_t, std::string&)> id;    ///< appends item i's first cell, as written
  std::function<bool(size_t)> same;                ///< item i's rows are the last build's
  std::function<void(size_t, std::string&)> rows;  ///< appends item i's rows
};
/// `header` and the items' rows, those of an item `same` holds for taken from `previous` (the
/// last build's file; its bytes, never checked against the item) rather than made. An item
/// `previous` holds no rows of is made; so is every item when `previous` does not begin with
/// `header` or holds an item's rows in two places. With `unchanged`, set true (and nothing
/// returned, nothing copied) when the file is `previous` byte for byte: the caller keeps that.
std::string SpliceCsv(std::string_view header, const CsvItems& items, std::string_view previous,
                      bool* unchanged = nullptr);

/// sitemap.xml for the site's HTML pages under `base_url` (which ends with '/').
std::string Sitemap(const std::string& base_url, const std::vector<std::string>& pages);

}  // namespace gongkai::pages
