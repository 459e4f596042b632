// Records -> CSV downloads; HTML pages -> sitemap.xml.
#include "pages/downloads.h"

#include <cstdio>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "render/context.h"
#include "render/markdown.h"

namespace gongkai::pages {

using render::EscapeHtml;

namespace {

// True for a cell gongkai writes as a number: an optional minus, digits, an optional
// decimal part ("-12.50", "2023"). A spreadsheet reads it as that number, never a formula.
bool IsPlainNumber(std::string_view s) {
  size_t i = s.size() > 1 && s[0] == '-' ? 1 : 0, digits = 0, dots = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '.' && digits > 0 && dots == 0) {
      ++dots;
    } else if (s[i] >= '0' && s[i] <= '9') {
      ++digits;
    } else {
      return false;
    }
  }
  return digits > 0 && s.back() != '.';
}

}  // namespace

// One CSV cell (RFC 4180 quoting). A text cell that begins with = + - @, a tab or a CR would
// be a formula to a spreadsheet (=HYPERLINK(...) from a department's name): it gets a leading
// ' (the OWASP rule for CSV injection), which spreadsheets read as "text" and do not show.
// Numbers are left as they are, negative ones included.
void AppendCsv(std::string& out, std::string_view s) {
  const bool formula = !s.empty() &&
                       std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos &&
                       !IsPlainNumber(s);
  const bool quote = s.find_first_of(",\"\n\r") != std::string_view::npos;
  if (quote) out += '"';
  if (formula) out += '\'';
  if (!quote) {
    out.append(s);
    return;
  }
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string Csv(const std::string& s) {
  std::string out;
  AppendCsv(out, s);
  return out;
}

namespace {

std::string CsvAmount(const model::MaybeFigure& f) { return f ? f->amount.WanYuan(2) : ""; }

// d's row of departments.csv: its key figures, metrics and how many findings of each severity.
void DepartmentRow(const Record& d, std::string& out) {
  int e = 0, w = 0, n = 0;
  for (const auto& f : d.findings) {
    e += f.severity == model::Diagnostic::Severity::kError;
    w += f.severity == model::Diagnostic::Severity::kWarning;
    n += f.severity == model::Diagnostic::Severity::kNotice;
  }
  AppendCsvRow(out, "\r\n", d.id, d.Name(), d.department.region, d.department.level,
               d.year ? std::to_string(d.year) : "", CsvAmount(d.income_total),
               CsvAmount(d.expenditure_total), CsvAmount(d.current_income),
               CsvAmount(d.carryover_in), CsvAmount(d.basic), CsvAmount(d.project),
               CsvAmount(d.personnel), CsvAmount(d.public_), CsvAmount(d.three_public),
               d.Metric("basic_share"), d.Metric("project_share"), d.Metric("personnel_share"),
               d.Metric("public_share"), d.Metric("carryover_share"),
               d.Metric("three_public_share"), d.staff ? std::to_string(*d.staff) : "",
               d.Metric("total_per_staff"), std::to_string(e), std::to_string(w),
               std::to_string(n));
}

// d's rows of functional.csv: one per row of its table by 功能分类, with the row's line.
void FunctionalRows(const Record& d, std::string& out) {
  for (const auto& f : d.functional)
    AppendCsvRow(out, "\r\n", d.id, d.Name(), d.year ? std::to_string(d.year) : "", f.code.str(),
                 f.name.str(), std::to_string(f.level), CsvAmount(f.total), CsvAmount(f.basic),
                 CsvAmount(f.project), std::to_string(f.line));
}

// The end of the CSV row that begins at `from` in `csv` (after its line feed): the first line
// feed outside quotes (a quoted cell may hold line breaks; a "" inside one counts twice).
size_t RowEnd(std::string_view csv, size_t from) {
  bool quoted = false;
  for (size_t i = from; i < csv.size(); ++i) {
    if (csv[i] == '"') quoted = !quoted;
    else if (csv[i] == '\n' && !quoted) return i + 1;
  }
  return csv.size();
}

// A row's first cell as written (quotes included): up to its first comma outside quotes.
std::string_view FirstCell(std::string_view row) {
  bool quoted = false;
  for (size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '"') quoted = !quoted;
    else if (row[i] == ',' && !quoted) return row.substr(0, i);
  }
  return row;
}

// The rows of `csv` after its header, by their first cell (a department's id as written): each
// department's rows, which are together; false when a department's rows are in two places.
bool RowsById(std::string_view csv, size_t header,
              std::unordered_map<std::string_view, std::string_view>& rows) {
  for (size_t from = header; from < csv.size();) {
    const size_t end = RowEnd(csv, from);
    const std::string_view id = FirstCell(csv.substr(from, end - from));
    size_t next = end;
    while (next < csv.size()) {  // the same department's next rows
      const size_t after = RowEnd(csv, next);
      if (FirstCell(csv.substr(next, after - next)) != id) break;
      next = after;
    }
    if (!rows.emplace(id, csv.substr(from, next - from)).second) return false;
    from = next;
  }
  return true;
}

}  // namespace

const CsvDownload kDepartmentsCsv = {
    "data/departments.csv",
    "id,department,region,level,year,income_total,expenditure_total,current_income,"
    "carryover_in,basic,project,personnel,public,three_public,basic_share,project_share,"
    "personnel_share,public_share,carryover_share,three_public_share,staff,total_per_staff,"
    "errors,warnings,notices\r\n",
    DepartmentRow};

const CsvDownload kFunctionalCsv = {
    "data/functional.csv", "id,department,year,code,name,level,total,basic,project,line\r\n",
    FunctionalRows};

std::string MakeCsv(const CsvDownload& csv, const std::vector<const Record*>& all) {
  std::string out = csv.header;
  for (const auto* d : all) csv.rows(*d, out);
  return out;
}

Spliced MakeCsv(const CsvDownload& csv, const std::vector<const Record*>& all,
                std::string_view previous, const std::function<bool(const Record&)>& same,
                bool* unchanged) {
  CsvItems items;
  items.count = all.size();
  items.id = [&](size_t i, std::string& out) { AppendCsv(out, all[i]->id); };
  items.same = [&](size_t i) { return same(*all[i]); };
  items.rows = [&](size_t i, std::string& out) { csv.rows(*all[i], out); };
  return SpliceCsv(csv.header, items, previous, unchanged);
}

void Spliced::AddPrevious(std::string_view run) {
  Add(false, static_cast<size_t>(run.data() - previous_.data()), run.size());
}

void Spliced::AddMade(std::string_view bytes) {
  Add(true, made_.size(), bytes.size());
  made_.append(bytes);
}

void Spliced::Add(bool made, size_t from, size_t size) {
  if (size == 0) return;
  size_ += size;
  if (!pieces_.empty()) {  // one run where it goes on where the last one ended
    Piece& last = pieces_.back();
    if (last.made == made && last.from + last.size == from) {
      last.size += size;
      return;
    }
  }
  pieces_.push_back({made, from, size});
}

std::vector<std::string_view> Spliced::Pieces() const {
  std::vector<std::string_view> out;
  out.reserve(pieces_.size());
  for (const Piece& p : pieces_)
    out.push_back((p.made ? std::string_view(made_) : previous_).substr(p.from, p.size));
  return out;
}

std::string Spliced::Joined() const {
  std::string out;
  out.reserve(size_);
  for (std::string_view p : Pieces()) out.append(p);
  return out;
}

// Reading the rows back costs a pass over the file (~25 MB for functional.csv at N = 10,000),
// where making them costs a number formatted and quoted per cell. Nothing of the last file is
// copied (Spliced): after most edits the file is the last one (then the caller links the last
// file rather than hashing and writing the same bytes again).
Spliced SpliceCsv(std::string_view header, const CsvItems& items, std::string_view previous,
                  bool* unchanged) {
  if (unchanged) *unchanged = false;
  std::unordered_map<std::string_view, std::string_view> rows;
  if (previous.substr(0, header.size()) != header || !RowsById(previous, header.size(), rows)) {
    std::string out(header);
    for (size_t i = 0; i < items.count; ++i) items.rows(i, out);
    return Spliced(std::move(out));
  }
  // Each item's rows: a part of `previous`, or made.
  Spliced out(previous);
  out.AddMade(header);
  std::string id, made;
  for (size_t i = 0; i < items.count; ++i) {
    id.clear();
    items.id(i, id);
    auto it = items.same(i) ? rows.find(id) : rows.end();
    if (it != rows.end()) {
      out.AddPrevious(it->second);
    } else {
      made.clear();
      items.rows(i, made);
      out.AddMade(made);
    }
  }
  if (unchanged && out.size() == previous.size()) {  // the pieces, one after the other, are `previous`?
    size_t at = 0;
    bool same = true;
    for (std::string_view p : out.Pieces()) {
      same = (p.data() == previous.data() + at) || previous.substr(at, p.size()) == p;
      if (!same) break;
      at += p.size();
    }
    if (same) {
      *unchanged = true;
      return Spliced();
    }
  }
  return out;
}

std::string Sitemap(const std::string& base_url, const std::vector<std::string>& pages) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const auto& p : pages) out += "  <url><loc>" + EscapeHtml(base_url + p) + "</loc></url>\n";
  return out + "</urlset>\n";
}

}  // namespace gongkai::pages
