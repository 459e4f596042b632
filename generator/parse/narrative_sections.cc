// Narrative sections, glossary entries and the staff count.
//   （一）职能简介 / 1. 负责市本级基本医疗保险……        -> functions
//   二、部门预算单位构成 / 医保中心纳入预算编报范围的……  -> organisation
//   十一、名词解释 / 1.一般公共预算拨款收入：指……       -> glossary
#include "parse/narrative_sections.h"

#include <regex>

#include "parse/text.h"

namespace gongkai::parse {

namespace {

struct Heading {
  size_t index;
  int level;  // 0 第X部分, 1 一、, 2 （一）, 3 "机构设置：" labels; markdown # adds nothing
  std::string text;
};

bool IsItemStart(std::string_view t) {
  if (t.empty()) return false;
  if (StartsWithOrdinal(t)) return true;
  // "1." "1、" "1．" "(1)" numbered items
  size_t i = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
  if (i > 0 && i < t.size() && (t[i] == '.' || StartsWith(t.substr(i), "、") || StartsWith(t.substr(i), "．")))
    return !(i + 1 < t.size() && t[i] == '.' && t[i + 1] >= '0' && t[i + 1] <= '9');
  return false;
}

// The heading level of a line (`t` its clean text), or -1 when it is not a heading.
int HeadingLevel(const std::string& raw, std::string_view t) {
  if (t.empty() || CodePointCount(t) > 36 || EndsWith(t, "。") || EndsWith(t, "；")) return -1;
  if (StartsWith(t, "第") && Contains(t.substr(0, 15), "部分")) return 0;
  if (StartsWithOrdinal(t)) {
    size_t i = 0;
    char32_t c = NextCodePoint(t, i);
    return (c == U'（' || c == '(') ? 2 : 1;
  }
  if (StartsWith(TrimView(raw), "#")) return 1;
  if ((EndsWith(t, "：") || EndsWith(t, ":")) && CodePointCount(t) <= 12) return 3;
  return -1;
}

std::vector<std::pair<int, std::string>> Paragraphs(const CleanLines& clean,
                                                    const std::vector<bool>& narrative,
                                                    size_t begin, size_t end) {
  std::vector<std::pair<int, std::string>> out;
  bool open = false;
  for (size_t i = begin; i < end; ++i) {
    if (!narrative[i]) continue;
    const std::string_view t = clean.text[i];
    if (t.empty()) continue;
    bool digits_only = t.find_first_not_of("0123456789") == std::string::npos;
    if (digits_only) continue;  // a page number
    bool closed = open && (EndsWith(out.back().second, "。") || EndsWith(out.back().second, "；") ||
                           EndsWith(out.back().second, "：") || EndsWith(out.back().second, ":"));
    if (!open || closed || IsItemStart(t)) {
      out.push_back({static_cast<int>(i) + 1, std::string(t)});
      open = true;
    } else {
      out.back().second += t;
    }
  }
  return out;
}

}  // namespace

void ReadNarrativeSections(const std::vector<std::string>& lines, const CleanLines& clean,
                           const std::vector<bool>& narrative, model::Disclosure& d) {
  std::vector<Heading> headings;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!narrative[i]) continue;
    int level = HeadingLevel(lines[i], clean.text[i]);
    if (level >= 0) headings.push_back({i, level, std::string(clean.text[i])});
  }
  auto section_end = [&](size_t h) {
    for (size_t k = h + 1; k < headings.size(); ++k)
      if (headings[k].level <= headings[h].level) return headings[k].index;
    return std::min(lines.size(), headings[h].index + 80);
  };
  struct Want {
    const char* key;
    std::vector<const char*> words;
  };
  const Want wants[] = {{"functions", {"职能", "职责"}},
                        {"organisation", {"机构", "单位构成", "预算单位构成"}}};
  for (const auto& w : wants) {
    int best = -1;
    for (size_t h = 0; h < headings.size(); ++h) {
      bool hit = false;
      for (const char* word : w.words) hit |= Contains(headings[h].text, word);
      if (Contains(headings[h].text, "名词解释")) hit = false;
      if (!hit) continue;
      if (best < 0 || headings[h].level > headings[best].level) best = static_cast<int>(h);
    }
    if (best < 0) continue;
    model::NarrativeSection s;
    s.key = w.key;
    s.title = headings[best].text;
    s.line = static_cast<int>(headings[best].index) + 1;
    size_t end = std::min(section_end(best), headings[best].index + 80);
    s.paragraphs = Paragraphs(clean, narrative, headings[best].index + 1, end);
    if (!s.paragraphs.empty()) d.sections.push_back(std::move(s));
  }

  // 名词解释: entries "1.term：definition" until a line that is no entry and no continuation.
  for (size_t h = 0; h < headings.size(); ++h) {
    if (!Contains(headings[h].text, "名词解释")) continue;
    std::vector<std::pair<int, std::string>> entries;
    for (size_t i = headings[h].index + 1; i < lines.size() && i < headings[h].index + 200; ++i) {
      if (!narrative[i]) break;
      std::string_view raw = TrimView(lines[i]);
      const std::string_view t = clean.text[i];
      if (t.empty()) continue;
      if (t.find_first_not_of("0123456789") == std::string::npos) continue;  // page number
      if (StartsWith(raw, "#") || StartsWith(raw, "**")) break;
      if (IsItemStart(t)) {
        entries.push_back({static_cast<int>(i) + 1, StripOrdinal(t)});
        // "1.基本支出" with an Arabic number: StripOrdinal handles 1、 and 1. forms.
      } else if (!entries.empty()) {
        entries.back().second += t;
      }
    }
    for (auto& [line, text] : entries) {
      size_t colon = text.find("：");
      size_t width = std::string("：").size();
      size_t ascii = text.find(':');
      if (ascii != std::string::npos && (colon == std::string::npos || ascii < colon)) {
        colon = ascii;
        width = 1;
      }
      if (colon == std::string::npos || colon == 0) {
        if (!d.glossary.empty()) break;  // "九、其他需要说明的事项": the glossary is over
        continue;
      }
      model::GlossaryEntry g;
      g.term = RemoveSpaces(text.substr(0, colon));
      g.definition = Trim(text.substr(colon + width));
      g.line = line;
      if (CodePointCount(g.term) <= 60 && !g.definition.empty()) d.glossary.push_back(std::move(g));
    }
    if (!d.glossary.empty()) break;  // else that was a table-of-contents entry: go on
  }

  // Staff: "实有在编人员 19 人", "实有工作人员 25 名".
  static const std::regex kStaff("实有(?:在编|在职|工作)?人员\\s*([0-9]+)\\s*(?:人|名)");
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!narrative[i] || lines[i].find("实有") == std::string::npos ||
        lines[i].size() > kMaxRegexBytes)
      continue;
    std::smatch m;
    if (std::regex_search(lines[i], m, kStaff) && m[1].length() <= 6) {
      d.staff = std::stoi(m[1].str());
      d.staff_line = static_cast<int>(i) + 1;
      break;
    }
  }
}

}  // namespace gongkai::parse
