// Records -> CSV downloads; HTML pages -> sitemap.xml.
#include "pages/downloads.h"

#include <cstdio>
#include <string_view>

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

}  // namespace

std::string DepartmentsCsv(const std::vector<const Record*>& all) {
  std::string out =
      "id,department,region,level,year,income_total,expenditure_total,current_income,"
      "carryover_in,basic,project,personnel,public,three_public,basic_share,project_share,"
      "personnel_share,public_share,carryover_share,three_public_share,staff,total_per_staff,"
      "errors,warnings,notices\r\n";
  for (const auto* d : all) {
    int e = 0, w = 0, n = 0;
    for (const auto& f : d->findings) {
      e += f.severity == model::Diagnostic::Severity::kError;
      w += f.severity == model::Diagnostic::Severity::kWarning;
      n += f.severity == model::Diagnostic::Severity::kNotice;
    }
    AppendCsvRow(out, "\r\n", d->id, d->Name(), d->department.region, d->department.level,
                 d->year ? std::to_string(d->year) : "", CsvAmount(d->income_total),
                 CsvAmount(d->expenditure_total), CsvAmount(d->current_income),
                 CsvAmount(d->carryover_in), CsvAmount(d->basic), CsvAmount(d->project),
                 CsvAmount(d->personnel), CsvAmount(d->public_), CsvAmount(d->three_public),
                 d->Metric("basic_share"), d->Metric("project_share"),
                 d->Metric("personnel_share"), d->Metric("public_share"),
                 d->Metric("carryover_share"), d->Metric("three_public_share"),
                 d->staff ? std::to_string(*d->staff) : "", d->Metric("total_per_staff"),
                 std::to_string(e), std::to_string(w), std::to_string(n));
  }
  return out;
}

std::string FunctionalCsv(const std::vector<const Record*>& all) {
  std::string out = "id,department,year,code,name,level,total,basic,project,line\r\n";
  for (const auto* d : all)
    for (const auto& f : d->functional)
      AppendCsvRow(out, "\r\n", d->id, d->Name(), d->year ? std::to_string(d->year) : "", f.code,
                   f.name, std::to_string(f.level), CsvAmount(f.total), CsvAmount(f.basic),
                   CsvAmount(f.project), std::to_string(f.line));
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
