// Department name, place, level and year.
#include "parse/identity.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <regex>

#include "parse/sections.h"
#include "parse/text.h"

namespace gongkai::parse {

namespace {

// Organisation suffixes a department name ends with.
const char* const kOrgSuffixes[] = {"局", "中心", "委员会", "办公室", "院", "所", "站", "队",
                                    "馆", "厅", "委", "办", "会", "处", "校", "社", "室",
                                    "部", "署", "团", "园", "场", "台", "司", "庭"};

bool EndsWithOrgSuffix(const std::string& s) {
  for (const char* suffix : kOrgSuffixes)
    if (EndsWith(s, suffix)) return true;
  return false;
}

// True if the text starts with a digit after ASCII white space: the `^\s*[0-9]` that kHeader
// needs (std::regex's \s is ASCII white space in the C locale).
bool StartsWithDigit(std::string_view s) {
  size_t i = s.find_first_not_of(" \t\n\v\f\r");
  return i != std::string_view::npos && s[i] >= '0' && s[i] <= '9';
}

// std::regex's \s: ASCII white space in the C locale.
bool IsRegexSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The title pattern "^(.+?)(20[0-9]{2})\s*年(度)?\s*(部门预算|部门决算|预算|决算)", read by hand:
// the shortest text before a year that such words follow ("" if none). libstdc++'s regex costs
// some hundred instructions per byte it tries, and this runs on every short line with 年 and
// 预算. (Taking or leaving 度 never changes the match: no alternative starts with 度.)
std::string NameBeforeYear(std::string_view s) {
  auto skip_space = [&](size_t i) {
    while (i < s.size() && IsRegexSpace(s[i])) ++i;
    return i;
  };
  auto digit = [&](size_t i) { return s[i] >= '0' && s[i] <= '9'; };
  for (size_t p = 1; p + 4 <= s.size(); ++p) {
    if (s[p - 1] == '\n' || s[p - 1] == '\r') break;  // `.` stops at a line end
    if (s[p] != '2' || s[p + 1] != '0' || !digit(p + 2) || !digit(p + 3)) continue;
    size_t i = skip_space(p + 4);
    if (!StartsWith(s.substr(i), "年")) continue;
    i += std::string_view("年").size();
    if (StartsWith(s.substr(i), "度")) i += std::string_view("度").size();
    std::string_view rest = s.substr(skip_space(i));
    for (const char* kind : {"部门预算", "部门决算", "预算", "决算"})
      if (StartsWith(rest, kind)) return std::string(s.substr(0, p));
  }
  return "";
}

// The length of the part heading "^第(?:一|二|三|四|五|六|七|八|九|十)+部分" at the start of `s`
// ("第一部分", "第十二部分"), 0 if none: read by hand, not with std::regex (see NameBeforeYear),
// as every name found is cleaned with it.
size_t PartHeadingLength(std::string_view s) {
  static const char* const kNumerals[] = {"一", "二", "三", "四", "五",
                                          "六", "七", "八", "九", "十"};
  if (!StartsWith(s, "第")) return 0;
  size_t i = std::string_view("第").size();
  const size_t first = i;
  for (bool numeral = true; numeral;) {
    numeral = false;
    for (const char* n : kNumerals)
      if (StartsWith(s.substr(i), n)) {
        i += std::string_view(n).size();
        numeral = true;
        break;
      }
  }
  if (i == first || !StartsWith(s.substr(i), "部分")) return 0;
  return i + std::string_view("部分").size();
}

// The name in a part heading "^第…部分\s*(.+?)(概况|20[0-9]{2})" ("第一部分 曾都区医疗保障服务中心
// 概况"), read by hand as std::regex reads it: after the most white space that lets it match,
// the shortest text (of one byte or more, without a line end) that 概况 or a year follows;
// "" if none.
std::string OverviewName(std::string_view s) {
  const size_t heading = PartHeadingLength(s);
  if (heading == 0) return "";
  auto ends_name = [&](size_t e) {
    auto digit = [&](size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
    return StartsWith(s.substr(e), "概况") ||
           (StartsWith(s.substr(e), "20") && digit(e + 2) && digit(e + 3));
  };
  size_t spaces = heading;
  while (spaces < s.size() && IsRegexSpace(s[spaces])) ++spaces;
  for (size_t start = spaces;; --start) {  // \s* gives back white space one byte at a time
    for (size_t e = start + 1; e <= s.size() && s[e - 1] != '\n' && s[e - 1] != '\r'; ++e)
      if (ends_name(e)) return std::string(s.substr(start, e - start));
    if (start == heading) return "";
  }
}

// The values of the fields "(单位名称|部门名称|部门/单位|预算（单位）名称|预算\(单位\)名称|申报单位)
// (?:：|:|\s)*([^\s:]+)" and "部门(?:：|:)\s*([^\s:]+)" in `s` ("单位名称：苍溪县医疗保障局",
// "部门：承德市医疗保障局"), read by hand as a std::regex iterator reads them (see
// NameBeforeYear): from the left, each from where the one before ended, the first of the two
// that matches at a place. A value is every byte up to white space or ':'; where a label ends
// its line, std::regex gives back the last "：" after it as its value (a name no one takes).
std::vector<std::string_view> FieldValues(std::string_view s) {
  static const char* const kLabels[] = {"单位名称",         "部门名称",       "部门/单位",
                                        "预算（单位）名称", "预算(单位)名称", "申报单位"};
  const std::string_view kWideColon = "：";
  auto value_end = [&](size_t i) {  // [^\s:]+, greedy
    while (i < s.size() && !IsRegexSpace(s[i]) && s[i] != ':') ++i;
    return i;
  };
  std::vector<std::string_view> out;
  for (size_t p = 0; p < s.size();) {
    size_t begin = std::string_view::npos;
    for (const char* label : kLabels) {
      if (!StartsWith(s.substr(p), label)) continue;
      size_t i = p + std::string_view(label).size(), last_wide = std::string_view::npos;
      for (;;) {  // (?:：|:|\s)*, greedy
        if (StartsWith(s.substr(i), kWideColon)) {
          last_wide = i;
          i += kWideColon.size();
        } else if (i < s.size() && (s[i] == ':' || IsRegexSpace(s[i]))) {
          ++i;
        } else {
          break;
        }
      }
      begin = i < s.size() ? i : last_wide;
      break;  // no two labels start alike
    }
    if (begin == std::string_view::npos && StartsWith(s.substr(p), "部门")) {
      size_t i = p + std::string_view("部门").size();
      if (StartsWith(s.substr(i), kWideColon) || StartsWith(s.substr(i), ":")) {
        i += s[i] == ':' ? 1 : kWideColon.size();
        while (i < s.size() && IsRegexSpace(s[i])) ++i;
        if (value_end(i) > i) begin = i;
      }
    }
    if (begin == std::string_view::npos) {
      ++p;
      continue;
    }
    p = value_end(begin);
    out.push_back(s.substr(begin, p - begin));
  }
  return out;
}

std::string CleanName(std::string s) {
  s = RemoveSpaces(StripMarkup(s));
  s.erase(0, PartHeadingLength(s));
  // Leading department codes: "322-苍溪县...", "447承德市...", "322001-".
  size_t i = 0;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '-')) ++i;
  s = s.substr(i);
  // "苍溪县医疗保障局部门" names the department as a whole.
  if (EndsWith(s, "部门") && s.size() > 6) s = s.substr(0, s.size() - std::string("部门").size());
  // Bracketed remarks after the name.
  for (const char* cut : {"（", "(", "预算年度", "单位：", "单位:", "：", " "}) {
    size_t p = s.find(cut);
    if (p != std::string::npos && p > 0) s = s.substr(0, p);
  }
  return s;
}

bool PlausibleName(const std::string& s) {
  size_t n = CodePointCount(s);
  if (n < 3 || n > 30) return false;
  if (!EndsWithOrgSuffix(s)) return false;
  for (const char* bad : {"：", ":", "、", "，", "。", "表"})
    if (Contains(s, bad)) return false;
  return true;
}

// The name in front of a table kind's words in a title, e.g. "X一般公共预算..." -> X.
std::string NameBeforeTableWords(const std::string& title) {
  static const char* kStarts[] = {"部门预算", "一般公共预算", "财政拨款", "部门收", "部门支",
                                  "政府性基金", "国有资本", "部门（单位）", "部门整体",
                                  "收支总表", "部门政府采购", "2"};
  size_t best = std::string::npos;
  for (const char* w : kStarts) {
    size_t p = title.find(w);
    if (p != std::string::npos && p > 0 && p < best) best = p;
  }
  if (best == std::string::npos) return "";
  return title.substr(0, best);
}

}  // namespace

std::vector<NameMention> FindNameMentions(const std::vector<std::string>& lines) {
  return FindNameMentions(lines, CleanLines(lines));
}

std::vector<NameMention> FindNameMentions(const std::vector<std::string>& lines,
                                          const CleanLines& clean) {
  std::vector<NameMention> out;
  static const std::regex kHeader("^\\s*[0-9]+([^\\s0-9]+)\\s+(预算年度|单位)");
  // Every name below is read where one of these words stands (申报单位 and 预算年度 hold 单位
  // and 年), or where the line starts with 第, ** or # or ends with 表: most lines (table
  // rows) have none of them and are passed over after one look.
  static const AnyWord kNameWords{"名称", "部门", "年", "单位"};
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = clean.text[i];
    if (line.empty()) continue;
    const std::string_view raw = TrimView(lines[i]);
    if (!kNameWords.In(line) && !StartsWith(line, "第") && !StartsWith(raw, "**") &&
        !StartsWith(raw, "#") && !EndsWith(line, "表"))
      continue;
    int ln = static_cast<int>(i) + 1;
    auto add = [&](std::string text, bool from_title) {
      std::string name = CleanName(text);
      if (PlausibleName(name)) out.push_back({name, ln, from_title});
    };
    // Tabs read as spaces; most lines hold none and are read as they are.
    std::string tabs_as_spaces;
    if (line.find('\t') != std::string::npos) {
      tabs_as_spaces = line;
      std::replace(tabs_as_spaces.begin(), tabs_as_spaces.end(), '\t', ' ');
    }
    const std::string_view flat = tabs_as_spaces.empty() ? line : tabs_as_spaces;
    std::match_results<std::string_view::const_iterator> m;
    // Each regex only where its fixed words stand (a line without them cannot match, and
    // libstdc++'s regex costs some hundred instructions per byte tried), and only on short
    // lines (kMaxRegexBytes).
    bool searchable = flat.size() <= kMaxRegexBytes;
    if (searchable && (Contains(flat, "名称") || Contains(flat, "申报单位") ||
                       (Contains(flat, "部门") && (Contains(flat, "部门/单位") || Contains(flat, "部门：") ||
                                                  Contains(flat, "部门:"))))) {
      for (std::string_view value : FieldValues(flat)) add(std::string(value), false);
    }
    // The patterns anchored with ^ are tried at the start only (match_continuous), not at
    // every byte where ^ then fails.
    const auto kAtStart = std::regex_constants::match_continuous;
    if (Contains(flat, "年") && (Contains(flat, "预算") || Contains(flat, "决算")) &&
        CodePointCount(flat) < 60)
      if (std::string name = NameBeforeYear(flat); !name.empty()) add(name, false);
    if (searchable && StartsWith(flat, "第"))
      if (std::string name = OverviewName(flat); !name.empty()) add(name, false);
    if (searchable && StartsWithDigit(flat) && (Contains(flat, "预算年度") || Contains(flat, "单位")) &&
        std::regex_search(flat.begin(), flat.end(), m, kHeader, kAtStart))
      add(m[1].str(), false);
    // A line that is only a bold name: "**苍溪县医疗保障局**".
    if (StartsWith(raw, "**") && CodePointCount(line) <= 30) add(std::string(line), false);
    // Table titles that start with the department's name. (`line` is trimmed, so it ends
    // with 表 exactly when it does without its white space.)
    bool title_like = (EndsWith(line, "表") || StartsWith(raw, "#")) && !Contains(line, "。") &&
                      !Contains(line, "，");
    if (title_like && !ClassifyTitle(line).empty() && CodePointCount(line) < 60) {
      std::string before = NameBeforeTableWords(RemoveSpaces(line));
      if (!before.empty()) {
        std::string name = CleanName(before);
        if (PlausibleName(name)) out.push_back({name, ln, true});
      }
    }
  }
  return out;
}

bool SplitPlace(const std::string& name, std::string& region, std::string& level) {
  // Walk the name: a place is 2-7 characters ending in 省/自治区/市/州/盟/县/区/旗, and
  // several places may follow each other (随州市 + 曾都区).
  std::vector<std::string> cps = CodePoints(name);
  size_t pos = 0;
  std::string last_suffix;
  int places = 0;
  while (pos < cps.size()) {
    size_t found = 0;
    std::string suffix;
    for (size_t len = 2; len <= 7 && pos + len <= cps.size(); ++len) {
      const std::string& c = cps[pos + len - 1];
      if (c == "省" || c == "市" || c == "州" || c == "盟" || c == "县" || c == "区" ||
          c == "旗") {
        // "自治区" / "自治州" / "自治县" end at the last character too.
        found = len;
        suffix = c;
        break;
      }
    }
    if (!found) break;
    // 福州市: 州 then 市 is one place, not 福州 and a 市 of its own.
    if (suffix == "州" && pos + found < cps.size() && cps[pos + found] == "市") {
      ++found;
      suffix = "市";
    }
    // Do not take an organisation word as a place ("社区", the 城市 of 城市管理局).
    if (found == 2 && (cps[pos] == "社" || cps[pos] == "城")) break;
    pos += found;
    last_suffix = suffix;
    ++places;
    if (suffix == "县" || suffix == "区" || suffix == "旗") break;
  }
  if (places == 0 || pos >= cps.size()) return false;
  region.clear();
  for (size_t k = 0; k < pos; ++k) region += cps[k];
  static const char* kMunicipalities[] = {"北京市", "天津市", "上海市", "重庆市"};
  if (last_suffix == "省" || (places == 1 && last_suffix == "市" &&
                              (region == kMunicipalities[0] || region == kMunicipalities[1] ||
                               region == kMunicipalities[2] || region == kMunicipalities[3])))
    level = "province";
  else if (last_suffix == "区" && Contains(region, "自治区") && places == 1)
    level = "province";
  else if (last_suffix == "市" || last_suffix == "州" || last_suffix == "盟")
    level = places >= 2 && !(region.rfind("省") != std::string::npos && places == 2) ? "county"
                                                                                    : "city";
  else if (last_suffix == "县" || last_suffix == "旗")
    level = "county";
  else
    level = "district";
  return true;
}

model::Department ChooseDepartment(const std::vector<NameMention>& mentions) {
  model::Department dept;
  std::map<std::string, int> counts;
  std::map<std::string, int> first_line;
  for (const auto& m : mentions) {
    std::string region, level;
    if (!SplitPlace(m.name, region, level)) continue;
    ++counts[m.name];
    if (!first_line.count(m.name)) first_line[m.name] = m.line;
  }
  if (counts.empty()) {
    // No mention begins with a place: take the most frequent of any.
    for (const auto& m : mentions) {
      ++counts[m.name];
      if (!first_line.count(m.name)) first_line[m.name] = m.line;
    }
  }
  if (counts.empty()) return dept;
  std::string best;
  int best_count = 0;
  for (const auto& [name, count] : counts) {
    if (count > best_count || (count == best_count && first_line[name] < first_line[best])) {
      best = name;
      best_count = count;
    }
  }
  // A longer mention that ends with the majority name is its full form.
  std::string full = best;
  for (const auto& [name, count] : counts)
    if (name.size() > full.size() && EndsWith(name, best)) full = name;
  dept.name = full;
  dept.line = first_line[full];
  SplitPlace(full, dept.region, dept.level);
  return dept;
}

namespace {

// A place in a line from which the year patterns below are read step by step, as std::regex
// would read them; each step moves on only over what it reads.
struct Cursor {
  std::string_view s;
  size_t i = 0;
  void SkipSpace() {  // \s*
    while (i < s.size() && IsRegexSpace(s[i])) ++i;
  }
  bool Word(std::string_view w) {
    if (s.substr(i, w.size()) != w) return false;
    i += w.size();
    return true;
  }
  bool Year(int& year) {  // (20[0-9]{2})
    auto digit = [&](size_t k) { return k < s.size() && s[k] >= '0' && s[k] <= '9'; };
    if (!Word("20") || !digit(i) || !digit(i + 1)) return false;
    year = 2000 + (s[i] - '0') * 10 + (s[i + 1] - '0');
    i += 2;
    return true;
  }
};

// Where the year patterns (in FindYear) match at `c.i`: each returns the year, 0 if none, and
// leaves `c.i` at the end of the match. An optional word is taken where it stands: leaving it
// never lets the rest match, as the next word never starts with it. (The patterns as regular
// expressions beside each.)
int YearOfBudgetTitle(Cursor& c) {  // (20[0-9]{2})\s*年(?:度)?\s*(?:部门|单位)?\s*(预算|决算)
  int year = 0;
  if (!c.Year(year)) return 0;
  c.SkipSpace();
  if (!c.Word("年")) return 0;
  c.Word("度");
  c.SkipSpace();
  if (!c.Word("部门")) c.Word("单位");
  c.SkipSpace();
  return c.Word("预算") || c.Word("决算") ? year : 0;
}
int YearOfBudgetYearField(Cursor& c) {  // 预算年度\s*(?:：|:)?\s*(20[0-9]{2})
  int year = 0;
  if (!c.Word("预算年度")) return 0;
  c.SkipSpace();
  if (!c.Word("：")) c.Word(":");
  c.SkipSpace();
  return c.Year(year) ? year : 0;
}
int YearOfBudgetColumn(Cursor& c) {  // (20[0-9]{2})\s*年\s*预算数
  int year = 0;
  if (!c.Year(year)) return 0;
  c.SkipSpace();
  if (!c.Word("年")) return 0;
  c.SkipSpace();
  return c.Word("预算数") ? year : 0;
}
int YearInBrackets(Cursor& c) {  // (?:（|\()\s*(20[0-9]{2})\s*年度\s*(?:）|\))
  int year = 0;
  if (!c.Word("（") && !c.Word("(")) return 0;
  c.SkipSpace();
  if (!c.Year(year)) return 0;
  c.SkipSpace();
  if (!c.Word("年度")) return 0;
  c.SkipSpace();
  return c.Word("）") || c.Word(")") ? year : 0;
}

}  // namespace

int FindYear(const std::vector<std::string>& lines, int& line) {
  // Each pattern with the words it needs: a line without them is not read with it. The
  // patterns are read by hand, not with std::regex (libstdc++'s costs some hundred
  // instructions per byte it tries, and recurses); like a regex iterator, every match in a
  // line counts, each read from where the one before ended.
  struct Pattern {
    int (*year_at)(Cursor&);
    std::vector<const char*> needs;
  };
  static const Pattern kPatterns[] = {{YearOfBudgetTitle, {"预算", "决算"}},
                                      {YearOfBudgetYearField, {"预算年度"}},
                                      {YearOfBudgetColumn, {"预算数"}},
                                      {YearInBrackets, {"年度"}}};
  std::map<int, int> counts;
  std::map<int, int> first;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& l = lines[i];
    if (l.size() > kMaxRegexBytes || !Contains(l, "年") || !Contains(l, "20"))
      continue;
    for (const Pattern& pattern : kPatterns) {
      auto in_line = [&](const char* w) { return Contains(l, w); };
      if (std::none_of(pattern.needs.begin(), pattern.needs.end(), in_line))
        continue;
      for (size_t at = 0; at < l.size();) {
        Cursor c{l, at};
        int y = pattern.year_at(c);
        if (y == 0) {
          ++at;
          continue;
        }
        ++counts[y];
        if (!first.count(y)) first[y] = static_cast<int>(i) + 1;
        at = c.i;
      }
    }
  }
  int best = 0, best_count = 0;
  for (const auto& [y, c] : counts)
    if (c > best_count) {
      best = y;
      best_count = c;
    }
  line = best ? first[best] : 0;
  return best;
}

std::string FindKind(const std::vector<std::string>& lines) {
  int budget = 0, final_account = 0;
  for (const auto& l : lines) {
    if (Contains(l, "决算") && (Contains(l, "部门决算") || Contains(l, "决算公开"))) ++final_account;
    if (Contains(l, "预算") && (Contains(l, "部门预算") || Contains(l, "预算公开"))) ++budget;
  }
  return final_account > budget ? "final_account" : "budget";
}

TextIdentity FindTextIdentity(const std::vector<std::string>& lines, const CleanLines& clean) {
  TextIdentity identity;
  identity.mentions = FindNameMentions(lines, clean);
  identity.department = ChooseDepartment(identity.mentions);
  identity.year = FindYear(lines, identity.year_line);
  identity.kind = FindKind(lines);
  return identity;
}

}  // namespace gongkai::parse
