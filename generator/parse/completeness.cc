// A document cut off inside a table, a table without its columns: found from the sections alone.
#include "parse/completeness.h"

#include <algorithm>
#include <string_view>

#include "parse/text.h"

namespace gongkai::parse {

namespace {

// The number of figures with decimals in a line: "1,927.16", "8132.86", "0.00". Glued
// figures ("8,132.86385.86") count once; that is enough to tell one column from several.
int DecimalFigures(std::string_view line) {
  int n = 0;
  size_t i = 0;
  while (i < line.size()) {
    if (line[i] < '0' || line[i] > '9') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < line.size() && ((line[j] >= '0' && line[j] <= '9') || line[j] == ',')) ++j;
    bool decimal = j + 1 < line.size() && line[j] == '.' && line[j + 1] >= '0' && line[j + 1] <= '9';
    if (decimal) {
      ++n;
      for (j += 1; j < line.size() && ((line[j] >= '0' && line[j] <= '9') || line[j] == '.'); ++j) {
      }
    }
    i = j;
  }
  return n;
}

// The nine standard tables in the order a disclosure prints them.
const char* const kStandardOrder[] = {"summary",          "income",
                                      "expenditure",      "fiscal_summary",
                                      "general_expenditure", "general_basic",
                                      "three_public",     "gov_fund",
                                      "state_capital"};

void Error(model::Disclosure& d, int line, std::string message, std::string rule) {
  d.diagnostics.push_back(
      {model::Diagnostic::Severity::kError, line, std::move(message), std::move(rule)});
}

void CheckTruncated(const std::vector<std::string>& lines, const std::vector<Section>& sections,
                    model::Disclosure& d) {
  size_t last = lines.size();
  while (last > 0 && Trim(lines[last - 1]).empty()) --last;
  if (last == 0 || sections.empty()) return;
  const size_t last_text = last - 1;
  const Section* s = nullptr;
  for (const auto& candidate : sections)
    if (candidate.title_index <= last_text) s = &candidate;
  if (!s || (last_text >= s->end && last_text != s->title_index)) return;  // ends in narrative

  const std::string where = "the document ends at line " + std::to_string(last_text + 1) +
                            " inside the table '" + s->title + "' (line " +
                            std::to_string(s->title_index + 1) + ")";
  const std::string fix = ": it looks cut off; get the complete file again";
  bool figures = false, totals = false;
  for (size_t i = s->begin; i < s->end && i < lines.size(); ++i) {
    figures |= DecimalFigures(lines[i]) > 0;
    totals |= Contains(lines[i], "总计");
  }
  const auto* begin = std::begin(kStandardOrder);
  const auto* end = std::end(kStandardOrder);
  const auto* at = std::find_if(begin, end, [&](const char* k) { return s->kind == k; });
  // Tables of money only: a 绩效目标表 may hold no figure with decimals at all.
  bool money_table = at != end || s->kind == "fiscal_expenditure" || s->kind == "general_project";
  if (!figures && !s->empty && money_table) {
    Error(d, static_cast<int>(last_text) + 1, where + ", before any of its figures" + fix,
          "truncated");
    return;
  }
  if ((s->kind == "summary" || s->kind == "fiscal_summary") && !totals) {
    Error(d, static_cast<int>(last_text) + 1,
          where + ", before its 收入总计 and 支出总计 rows" + fix, "truncated");
    return;
  }
  // Only a document that starts as a disclosure does (with its 收支总表) counts as cut off.
  if (at == end || end - (at + 1) < 3 || !d.FindTable(model::TableKind::kSummary)) return;
  std::string following;
  for (const auto* k = at + 1; k != end; ++k) {
    // A later table is there: the end is not a cut.
    if (auto kind = model::ParseTableKind(*k); kind && d.FindTable(*kind)) return;
    following += (following.empty() ? "" : "、") + TableKindName(*k);
  }
  Error(d, static_cast<int>(last_text) + 1,
        where + ", and none of the tables that follow it in a disclosure (" + following +
            ") is there" + fix,
        "truncated");
}

void CheckColumns(const std::vector<std::string>& lines, const std::vector<Section>& sections,
                  model::Disclosure& d) {
  for (const auto& s : sections) {
    const char *a = nullptr, *b = nullptr;
    if (s.kind == "expenditure" || s.kind == "general_expenditure") {
      a = "基本支出";
      b = "项目支出";
    } else if (s.kind == "general_basic") {
      a = "人员经费";
      b = "公用经费";
    }
    if (!a || s.continuation || s.empty) continue;
    std::string header = RemoveSpaces(s.title);
    bool in_header = true;
    int max_figures = 0, rows = 0;
    for (size_t i = s.begin; i < s.end && i < lines.size(); ++i) {
      int n = DecimalFigures(lines[i]);
      if (n > 0) in_header = false;
      if (in_header) header += RemoveSpaces(lines[i]);
      max_figures = std::max(max_figures, n);
      rows += n > 0;
    }
    if (max_figures != 1 || rows < 2 || Contains(header, a) || Contains(header, b)) continue;
    Error(d, static_cast<int>(s.title_index) + 1,
          "the table '" + s.title + "' prints a single column of figures and its header names "
          "neither " + a + " nor " + b + ": its columns are missing (the table has 合计, " + a +
              " and " + b + "); was it cut at the edge of the page?",
          "table-columns");
  }
}

}  // namespace

void CheckCompleteness(const std::vector<std::string>& lines,
                       const std::vector<Section>& sections, model::Disclosure& d) {
  CheckTruncated(lines, sections, d);
  CheckColumns(lines, sections, d);
}

}  // namespace gongkai::parse
