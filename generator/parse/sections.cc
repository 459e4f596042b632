// Table titles -> kinds and regions.
#include "parse/sections.h"

#include <set>

#include "parse/text.h"

namespace gongkai::parse {

namespace {

bool Has(std::string_view s, std::string_view part) { return Contains(s, part); }

// The title without markup, attachment numbers ("附表 4-1") or a leading ordinal ("1、").
std::string CleanTitle(std::string_view raw) {
  std::string s = Trim(StripMarkup(raw));
  s = StripOrdinal(s);
  return s;
}

bool LooksLikeProse(std::string_view line) {
  std::string_view t = TrimView(line);
  if (t.empty()) return false;
  if (Has(t, "情况说明") || EndsWith(t, "说明") || EndsWith(t, "说明**")) return true;
  if (line.find('\t') != std::string_view::npos) return false;
  // 25 characters take 25 bytes at least: a shorter line is not counted (most table rows).
  return t.size() >= 25 && CodePointCount(t) >= 25 && (Has(t, "。") || Has(t, "，"));
}

}  // namespace

bool EndsWithTableWord(std::string_view s) {
  if (EndsWith(s, "表")) return true;
  // 表(政府经济分类科目) / 表（2022年度）
  size_t pos = s.rfind("表");
  if (pos == std::string_view::npos) return false;
  std::string_view rest = s.substr(pos + std::string_view("表").size());
  return (StartsWith(rest, "（") || StartsWith(rest, "(")) &&
         (EndsWith(rest, "）") || EndsWith(rest, ")"));
}

std::optional<model::Unit> UnitOfLabel(std::string_view label) {
  if (label == "万元") return model::Unit::kWanYuan;
  if (label == "千元") return model::Unit::kQianYuan;
  if (label == "元") return model::Unit::kYuan;
  return std::nullopt;
}

model::Diagnostic UnitMissing(const Section& s) {
  return {model::Diagnostic::Severity::kError, static_cast<int>(s.title_index) + 1,
          "the table '" + s.title + "' states no unit (单位：万元 or 单位：元); its figures are not read",
          "unit-missing"};
}

std::string ClassifyTitle(std::string_view raw) {
  std::string t = RemoveSpaces(raw);
  bool sangong = Has(t, "三公");
  bool fund = Has(t, "政府性基金") || Has(t, "政府基金");
  if (fund && sangong) return "gov_fund_three_public";
  if (sangong) return "three_public";
  if (fund) return "gov_fund";
  if (Has(t, "国有资本经营")) return "state_capital";
  if (Has(t, "政府采购")) return "procurement";
  if (Has(t, "绩效")) {
    if (Has(t, "整体")) return "overall_performance";
    if (Has(t, "绩效目标")) return "project_performance";
    return "";
  }
  if (Has(t, "财政拨款收支")) return "fiscal_summary";
  if (Has(t, "收支总表") || Has(t, "收支预算总表")) return "summary";
  if (Has(t, "收入总表") || Has(t, "收入预算表")) return "income";
  if (Has(t, "支出总表")) return "expenditure";
  if (Has(t, "基本支出")) return "general_basic";
  if (Has(t, "项目支出")) return "general_project";
  if (Has(t, "一般公共预算") && Has(t, "支出")) return "general_expenditure";
  if (Has(t, "财政拨款支出")) return "fiscal_expenditure";
  return "";
}

std::string FindUnitLabel(std::string_view line) {
  std::string t = RemoveSpaces(line);
  static const char* kLabels[] = {"单位：", "单位:", "单位（", "单位("};
  for (const char* label : kLabels) {
    size_t pos = 0;
    while ((pos = t.find(label, pos)) != std::string::npos) {
      std::string_view rest = std::string_view(t).substr(pos + std::string_view(label).size());
      if (StartsWith(rest, "万元")) return "万元";
      if (StartsWith(rest, "千元")) return "千元";
      if (StartsWith(rest, "元")) return "元";
      pos += 1;
    }
  }
  return "";
}

std::vector<Section> FindSections(const std::vector<std::string>& lines) {
  std::vector<Section> sections;
  auto is_title = [&](size_t i, std::string& title, std::string& kind) {
    // Every table kind's words include one of these; most lines have none.
    static const AnyWord kTitleWords{"支出", "收入", "收支", "三公", "绩效", "采购", "基金", "国有资本"};
    const std::string& l = lines[i];
    if (!kTitleWords.In(l)) return false;
    std::string_view raw = TrimView(lines[i]);
    if (raw.empty() || StartsWith(raw, "-") || StartsWith(raw, "*-")) return false;
    if (l.find('\t') != std::string::npos) return false;  // a row of a tab table
    bool heading = StartsWith(raw, "#");
    title = CleanTitle(raw);
    if (title.empty()) return false;
    size_t n = CodePointCount(title);
    if (n < 4 || n > 60) return false;
    if (Has(title, "。") || Has(title, "，") || Has(title, "；") || Has(title, "详见") ||
        Has(title, "见下表") || EndsWith(title, "：") || EndsWith(title, ":"))
      return false;
    bool table_word = EndsWithTableWord(title);
    if (!table_word && (Has(title, "说明") || Has(title, "情况"))) return false;
    kind = ClassifyTitle(title);
    if (kind.empty()) return false;
    if (table_word || heading) return true;
    // A title without 表 followed closely by a unit label: "部门政府采购预算" / "单位：万元".
    int seen = 0;
    for (size_t k = i + 1; k < lines.size() && seen < 2; ++k) {
      if (TrimView(lines[k]).empty()) continue;
      ++seen;
      if (!FindUnitLabel(lines[k]).empty()) return true;
    }
    return false;
  };

  std::set<std::string> seen_titles;  // a set, not a scan: a hostile file repeats a title 10^5 times
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string title, kind;
    if (!is_title(i, title, kind)) continue;
    Section s;
    s.kind = kind;
    s.title = title;
    s.title_index = i;
    s.begin = i + 1;
    s.continuation = !seen_titles.insert(RemoveSpaces(title)).second;
    sections.push_back(s);
  }
  // Each region ends at the next title or where narrative text begins.
  for (size_t k = 0; k < sections.size(); ++k) {
    size_t limit = k + 1 < sections.size() ? sections[k + 1].title_index : lines.size();
    size_t end = sections[k].begin;
    bool seen_data = false;
    for (; end < limit; ++end) {
      if (seen_data && LooksLikeProse(lines[end])) break;
      if (!TrimView(lines[end]).empty()) seen_data = true;
    }
    sections[k].end = end;
  }
  // Units and empty-table notes.
  std::string last_unit;
  for (auto& s : sections) {
    s.unit = FindUnitLabel(s.title);
    if (!s.unit.empty()) s.unit_line = static_cast<int>(s.title_index) + 1;
    for (size_t i = s.begin; i < s.end && i < s.begin + 8 && s.unit.empty(); ++i) {
      s.unit = FindUnitLabel(lines[i]);
      if (!s.unit.empty()) s.unit_line = static_cast<int>(i) + 1;
    }
    if (s.unit.empty() && !last_unit.empty()) {
      s.unit = last_unit;
      s.unit_inherited = true;
    }
    if (!s.unit_inherited && !s.unit.empty()) last_unit = s.unit;
    for (size_t i = s.begin; i < s.end; ++i) {
      const std::string& l = lines[i];
      if (Has(l, "空表") || (Has(l, "无") && (Has(l, "无此项内容") || Has(l, "无数据") || Has(l, "此表无")))) {
        s.empty = true;
        break;
      }
    }
  }
  return sections;
}

std::string TableKindName(std::string_view kind) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"summary", "部门收支总表"},
      {"income", "部门收入总表"},
      {"expenditure", "部门支出总表"},
      {"fiscal_summary", "财政拨款收支总表"},
      {"fiscal_expenditure", "财政拨款支出表"},
      {"general_expenditure", "一般公共预算支出表"},
      {"general_basic", "一般公共预算基本支出表"},
      {"general_project", "项目支出表"},
      {"three_public", "“三公”经费支出表"},
      {"gov_fund", "政府性基金预算支出表"},
      {"gov_fund_three_public", "政府性基金预算“三公”经费支出表"},
      {"state_capital", "国有资本经营预算支出表"},
      {"project_performance", "项目支出绩效目标表"},
      {"overall_performance", "部门整体支出绩效目标表"},
      {"procurement", "政府采购预算表"},
  };
  for (const auto& [k, name] : kNames)
    if (kind == k) return name;
  return std::string(kind);
}

}  // namespace gongkai::parse
