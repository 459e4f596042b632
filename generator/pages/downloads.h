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

/// Bytes that are runs of a file the last build wrote and of bytes made anew, in order: a
/// spliced CSV (or SHA256SUMS, from the kept one: site/checksums.h), written as its pieces
/// (site::Output::Write, site::WriteFileAtomically) rather than copied into one string first. At N = 10,000 timeline.csv is 35 MB and functional.csv 23 MB, and a department
/// removed or added makes both again: copied, they were ~0.4 s of one core (memory touched for
/// the first time, README, Benchmark). Its pieces point into the file it was spliced from,
/// which must outlive them.
class Spliced {
 public:
  /// Empty; runs taken (AddPrevious) are of `previous`.
  explicit Spliced(std::string_view previous = {}) : previous_(previous) {}
  /// Bytes of its own.
  explicit Spliced(std::string made) { AddMade(made); }
  /// Appends `run`, which lies within `previous`: pointed to, not copied.
  void AddPrevious(std::string_view run);
  /// Appends a copy of `bytes`.
  void AddMade(std::string_view bytes);
  /// Its bytes, piece by piece (each run of the last file as long as it goes on there).
  std::vector<std::string_view> Pieces() const;
  /// Its bytes as one string.
  std::string Joined() const;
  size_t size() const { return size_; }

 private:
  struct Piece {
    bool made;  // a part of made_, else of previous_
    size_t from, size;
  };
  void Add(bool made, size_t from, size_t size);
  std::string_view previous_;
  std::string made_;
  std::vector<Piece> pieces_;
  size_t size_ = 0;
};

/// The download of `all`'s rows, in their order.
std::string MakeCsv(const CsvDownload& csv, const std::vector<const Record*>& all);
/// The same bytes, taking the rows of a department that `same(d)` says is the one the last
/// build wrote from `previous` (the last build's file) rather than making them: an edit makes
/// the rows of the departments built again, not of every department (SpliceCsv). With
/// `unchanged`, set true (and nothing returned) when the file is `previous` byte for byte.
Spliced MakeCsv(const CsvDownload& csv, const std::vector<const Record*>& all,
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
/// The result points into `previous` (Spliced).
Spliced SpliceCsv(std::string_view header, const CsvItems& items, std::string_view previous,
                  bool* unchanged = nullptr);

/// sitemap.xml for the site's HTML pages under `base_url` (which ends with '/').
std::string Sitemap(const std::string& base_url, const std::vector<std::string>& pages);

}  // namespace gongkai::pages
