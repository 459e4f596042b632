// Narrative claims. The text is the document's prose joined across line breaks; each figure
// followed by 万元 or % is classified by the words just before it:
//   "医保中心 2022 年收支总预算 460.74 万元（其中：社会保障和就业支出 290.88 万元..."
//   "一般公共预算拨款收入 431.10 万元，占 93.57%"
//   "较 2021年预算 1536.36万元增加 390.80万元，增加 25%"
#include "parse/claims.h"

#include <algorithm>
#include <bitset>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string_view>
#include <unordered_map>

#include "model/classification.h"
#include "parse/text.h"

namespace gongkai::parse {

namespace {

using model::Claim;

struct Keyword {
  std::string text;
  std::string subject;
};

// Subject phrases; the one standing last before a figure names it (longest on a tie).
std::vector<Keyword> BaseKeywords() {
  return {
      {"收入总计", "income_total"}, {"收入总合计", "income_total"}, {"收入预算", "income_total"},
      {"收支总预算", "income_total"}, {"收支预算总数", "income_total"},
      {"收支预算", "income_total"}, {"预算收入", "income_total"}, {"收入总额", "income_total"},
      {"收支安排", "income_total"}, {"收支总额", "income_total"},
      {"支出总计", "expenditure_total"}, {"支出预算", "expenditure_total"},
      {"支出总预算", "expenditure_total"}, {"预算支出", "expenditure_total"},
      {"支出总额", "expenditure_total"}, {"支出预算为", "expenditure_total"},
      {"财政拨款收支总预算", "fiscal_total"}, {"财政拨款收支预算总数", "fiscal_total"},
      {"财政拨款收支预算", "fiscal_total"}, {"财政拨款收入", "fiscal_total"},
      {"财政拨款收支", "fiscal_total"},
      {"一般公共预算拨款收入", "general_appropriation"},
      {"一般公共预算拨款", "general_appropriation"},
      {"一般公共预算当年拨款", "general_appropriation"},
      {"一般公共预算财政拨款收入", "general_appropriation"},
      {"一般公共预算财政拨款支出", "general_appropriation"},
      {"一般公共预算支出", "general_appropriation"},
      {"一般公共预算收入", "general_appropriation"},
      {"上年结转", "carryover_in"}, {"上年结转收入", "carryover_in"},
      {"年初结转和结余", "carryover_in"},
      {"基本支出", "basic"}, {"一般公共预算基本支出", "basic"},
      {"项目支出", "project"},
      {"人员经费", "personnel"},
      {"公用经费", "public"}, {"日常公用经费", "public"},
      {"机关运行经费", "running_costs"}, {"运行经费", "running_costs"},
      {"政府采购预算", "procurement"}, {"政府采购预算总额", "procurement"},
      {"“三公”经费", "three_public.total"}, {"\"三公\"经费", "three_public.total"},
      {"三公经费", "three_public.total"}, {"“三公”", "three_public.total"},
      {"因公出国（境）费", "three_public.overseas"}, {"因公出国(境)费", "three_public.overseas"},
      {"因公出国（境）经费", "three_public.overseas"},
      {"公务用车购置及运行维护费", "three_public.vehicle_total"},
      {"公务用车购置及运维费", "three_public.vehicle_total"},
      {"公务用车购置及运行费", "three_public.vehicle_total"},
      {"公务用车购置费", "three_public.vehicle_purchase"},
      {"公务用车运行维护费", "three_public.vehicle_operation"},
      {"公务用车运行费", "three_public.vehicle_operation"},
      {"公务接待费", "three_public.reception"},
      {"资产总额", "assets_total"},
      {"政府采购", "procurement"},
      {"收入较", "income_total"}, {"收入比", "income_total"},
      {"支出较", "expenditure_total"}, {"支出比", "expenditure_total"},
      // Other income items: stated (often as 0) beside 一般公共预算拨款.
      {"政府性基金预算拨款收入", "income:政府性基金"}, {"政府性基金预算拨款", "income:政府性基金"},
      {"政府性基金预算收入", "income:政府性基金"},
      {"国有资本经营预算拨款收入", "income:国有资本经营"},
      {"国有资本经营预算收入", "income:国有资本经营"},
      {"国有资本经营预算拨款", "income:国有资本经营"},
      {"事业收入", "income:事业收入"}, {"事业单位经营收入", "income:经营收入"},
      {"其他收入", "income:其他收入"}, {"上级补助收入", "income:上级补助"},
      {"附属单位上缴收入", "income:附属单位"}, {"财政专户管理资金收入", "income:财政专户"},
      {"政府性基金预算支出", "gov_fund"}, {"政府性基金支出", "gov_fund"},
      {"国有资本经营预算支出", "state_capital"},
  };
}

const char* const kIncrease[] = {"增加", "增长", "上升", "增"};
const char* const kDecrease[] = {"减少", "下降", "降低", "压减", "节约", "减"};

// The last direction word in `s`: +1 increase, -1 decrease, 0 none; `pos` its byte offset.
// One scan back from the end (an rfind per word compares at every byte once per word); no
// increase word starts where a decrease word does.
int LastDirection(const std::string& s, size_t& pos) {
  auto at = [&](size_t p, const char* w) {
    return s[p] == w[0] && s.compare(p, std::strlen(w), w) == 0;
  };
  for (pos = s.size(); pos-- > 0;) {
    if (static_cast<unsigned char>(s[pos]) < 0xE4) continue;  // every word starts E4..E9 (增, 减, …)
    for (const char* w : kIncrease)
      if (at(pos, w)) return 1;
    for (const char* w : kDecrease)
      if (at(pos, w)) return -1;
  }
  pos = std::string::npos;
  return 0;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A change of 0 stated in words, after the amount it is about: "（2）政府性基金预算拨款收入 0 万元，
// 与上年预算数相同。" (无锡), "与上年预算数持平", "与上年持平" (杭州, 西安), "与上年数一致" (江苏省政协),
// "与上年一致" (省法院). Not "与上年基本持平" (about the same: a change is stated beside it) nor
// "与上年执行数持平" (the previous year's outturn, not its budget).
const char* const kSameAsLastYear[] = {
    "与上年预算数相同", "与上年预算数持平", "与上年预算数一致", "与上年预算相同", "与上年预算持平",
    "与上年数相同",     "与上年数持平",     "与上年数一致",     "与上年相同",     "与上年持平",
    "与上年一致"};

// Where a phrase of kSameAsLastYear starts in [begin, end) of `s`, in order.
std::vector<size_t> SameAsLastYearPhrases(const std::string& s, size_t begin, size_t end) {
  const std::string_view sentence = std::string_view(s).substr(begin, end - begin);
  std::vector<size_t> out;
  for (size_t p = sentence.find("与上年"); p != std::string_view::npos; p = sentence.find("与上年", p + 1))
    for (const char* phrase : kSameAsLastYear)
      if (sentence.compare(p, std::strlen(phrase), phrase) == 0) {
        out.push_back(begin + p);
        break;
      }
  return out;
}

// True if nothing but separators stands in [from, to) of `s`: "，", "。", white space, or
// "本年数" ("预算支出 180万元，本年数与上年数持平", 省法院 2017).
bool OnlySeparators(const std::string& s, size_t from, size_t to) {
  while (from < to) {
    size_t next = from;
    for (const char* separator : {"，", ",", "。", " ", "本年数"})
      if (s.compare(from, std::strlen(separator), separator) == 0) {
        next = from + std::strlen(separator);
        break;
      }
    if (next == from || next > to) return false;
    from = next;
  }
  return true;
}

// A figure whose digits start at `i` in [i, end) of `s`: its digits (with thousands commas, a
// point only before a digit), then after spaces its unit, if any: 万元, 万, % or ％.
struct FigureSpan {
  size_t digits_end;  // after the digits
  size_t unit;        // where the unit would start (after the spaces)
  size_t unit_end;    // after the unit; `unit` if there is none
};

FigureSpan ScanFigure(const std::string& s, size_t i, size_t end) {
  FigureSpan f;
  size_t j = i;
  while (j < end && (IsDigit(s[j]) || s[j] == ',' || (s[j] == '.' && j + 1 < end && IsDigit(s[j + 1]))))
    ++j;
  size_t k = j;
  while (k < end && s[k] == ' ') ++k;
  f.digits_end = j;
  f.unit = f.unit_end = k;
  for (const char* unit : {"万元", "万", "%", "％"})
    if (s.compare(k, std::strlen(unit), unit) == 0) {
      f.unit_end = k + std::strlen(unit);
      break;
    }
  return f;
}

constexpr size_t kMaxRowKeywords = 2000;

class Extractor {
 public:
  Extractor(const JoinedText& text, const model::Disclosure& d) : text_(text), d_(d) {
    keywords_ = BaseKeywords();
    // Functional classes by name ("社会保障和就业支出", "卫生健康（类）" is handled apart).
    // The names of at most kMaxRowKeywords table rows: a disclosure has a few hundred, and a
    // hostile file with tens of thousands would make every sentence cost as many comparisons.
    const size_t limit = keywords_.size() + kMaxRowKeywords;
    for (const auto& c : d.summary.expenditure_classes) keywords_.push_back({c.name, "class:" + c.code});
    for (const auto& f : d.functional)
      if (keywords_.size() < limit)
        keywords_.push_back({f.name, (f.level == 1 ? "class:" : "functional:") + f.code});
    for (const auto& e : d.economic)
      if (CodePointCount(e.name) >= 2 && keywords_.size() < limit)
        keywords_.push_back({e.name, "economic:" + e.code});
    for (size_t i = 0; i < d.projects.size(); ++i)
      if (CodePointCount(d.projects[i].name) >= 4 && keywords_.size() < limit)
        keywords_.push_back({d.projects[i].name, "project:" + std::to_string(i)});
    year_ = d.year;
    // Keywords by their first three bytes, so that finding those in a sentence costs its
    // length, not its length times the number of keywords (thousands of projects in a
    // hostile file would make that quadratic).
    for (uint32_t i = 0; i < keywords_.size(); ++i) {
      const std::string& k = keywords_[i].text;
      if (k.size() < 3)
        short_keywords_.push_back(i);
      else
        keywords_by_start_[Start3(k.data())].push_back(i);
    }
    for (const auto& [start, bucket] : keywords_by_start_) may_start_.set(Low16(start));
  }

  std::vector<Claim> Run() {
    const std::string& s = text_.text();
    size_t start = 0;
    int sentence = 0;
    while (start < s.size()) {
      size_t end = SentenceEnd(s, start);
      Sentence(start, end, sentence++);
      start = end;
    }
    return claims_;
  }

 private:
  // `from` only grows, so the next place of each sentence end is remembered: searching anew
  // for a mark the text lacks would scan to its end once per sentence (quadratic time).
  size_t SentenceEnd(const std::string& s, size_t from) {
    static const char* kEnds[] = {"。", "；", ";", "！", "？"};
    size_t best = s.size();
    for (size_t k = 0; k < 5; ++k) {
      if (next_end_[k] != std::string::npos && (next_end_[k] < from || !next_end_known_[k])) {
        next_end_[k] = s.find(kEnds[k], from);
        next_end_known_[k] = true;
      }
      size_t p = next_end_[k];
      if (p != std::string::npos && p + std::strlen(kEnds[k]) < best) best = p + std::strlen(kEnds[k]);
    }
    return best;
  }
  size_t next_end_[5] = {0, 0, 0, 0, 0};  ///< where each mark of kEnds is next found, or npos
  bool next_end_known_[5] = {false, false, false, false, false};

  // The subject named last in `window` (rightmost keyword end; longest on a tie).
  std::string SubjectOf(const std::string& window, std::string* phrase, size_t* where) {
    std::string best;
    size_t best_end = 0, best_len = 0, best_pos = std::string::npos;
    auto consider = [&](const std::string& kw, const std::string& subject) {
      size_t p = RFind(window, kw);
      if (p == std::string::npos) return;
      size_t e = p + kw.size();
      if (e > best_end || (e == best_end && kw.size() > best_len)) {
        best_end = e;
        best_len = kw.size();
        best = subject;
        best_pos = p;
        if (phrase) *phrase = kw;
      }
    };
    for (const Keyword* k : active_) consider(k->text, k->subject);
    // "X（类）Y（款）Z（项）" names a functional item.
    std::string item_name;
    std::string item = FunctionalItem(window, &item_name);
    if (!item.empty()) {
      size_t p = std::max(window.rfind("（项）") == std::string::npos ? 0 : window.rfind("（项）"),
                          window.rfind("(项)") == std::string::npos ? 0 : window.rfind("(项)"));
      if (p + 1 >= best_end) {
        best = item;
        best_end = p + 1;
        best_pos = p;
        if (phrase) *phrase = item_name + "（项）";
      }
    }
    // A subject qualified by another right before it names that one: "因公出国（境）费支出预算",
    // "上年结转一般公共预算拨款收入", "基本支出预算" (the first overlaps the second).
    bool generic = best == "income_total" || best == "expenditure_total" ||
                   best == "general_appropriation" || best == "fiscal_total";
    if (best_pos != std::string::npos && generic) {
      for (const Keyword* kp : active_) {
        const Keyword& k = *kp;
        size_t p = RFind(window, k.text, best_pos);
        while (p != std::string::npos) {
          size_t e = p + k.text.size();
          if (p < best_pos && e >= best_pos && e < best_end && k.subject != best) {
            best = k.subject;
            best_pos = p;
            if (phrase) *phrase = k.text;
            break;
          }
          if (p == 0) break;
          p = RFind(window, k.text, p - 1);
        }
      }
    }
    // A generic subject (预算支出, 支出预算, 收入总计 …) names the department's total only when
    // nothing names something narrower right before it: "部门预算支出", "本年度预算支出",
    // "2026 年预算支出" are the total; "会议费预算支出1.96万元" (西安) speaks of 会议费, which no
    // keyword knows, so the sentence has no subject that can be checked.
    generic = best == "income_total" || best == "expenditure_total" ||
              best == "general_appropriation" || best == "fiscal_total";
    if (generic && best_pos != std::string::npos && best_pos > 0 &&
        !NamesTheWhole(window.substr(0, best_pos))) {
      if (phrase) phrase->clear();
      if (where) *where = std::string::npos;
      return "";
    }
    if (where) *where = best_pos;
    // "上年结转" must not be mistaken for a previous-year figure, nor 上年 for it.
    return best;
  }

  // True if the text before a generic subject leaves it the department's whole: it ends in
  // punctuation, a digit or white space, or in a word that names the whole (部门, 单位, 年, 年度,
  // 全年, 本年, 总, 的, 和, 及 …), not in the name of something narrower (会议费, 培训费).
  static bool NamesTheWhole(const std::string& before) {
    if (before.empty()) return true;
    size_t i = before.size();
    // The last code point.
    size_t start = i - 1;
    while (start > 0 && (static_cast<unsigned char>(before[start]) & 0xC0) == 0x80) --start;
    std::string last = before.substr(start);
    if (last.size() == 1) return true;  // ASCII: a digit, a space, a bracket
    for (const char* whole : {"部门", "单位", "年", "度", "总", "全", "本", "的", "和", "及", "与",
                              "其", "为", "是", "中", "计", "共", "了", "：", "，", "、", "（",
                              "）", "“", "”", "。", "；", "在", "门", "位", "局", "会", "委",
                              "厅", "院", "处", "室", "心", "站", "所", "队", "级", "算", "政",
                              "入", "出", "支", "排", "拨", "款"})
      if (last == whole || EndsWith(before, whole)) return true;
    char32_t c = 0;
    size_t k = start;
    c = NextCodePoint(before, k);
    return !IsHan(c);
  }

  // Functional item named as "社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老
  // 保险缴费支出（项）": the code of the 项 row with that name under that class, or "".
  std::string FunctionalItem(const std::string& window, std::string* name) {
    auto find_mark = [&](const char* full, const char* half, size_t before) {
      size_t a = RFind(window, full, before);
      size_t b = RFind(window, half, before);
      if (a == std::string::npos) return b;
      if (b == std::string::npos) return a;
      return std::max(a, b);
    };
    size_t item_end = find_mark("（项）", "(项)", std::string::npos);
    if (item_end == std::string::npos) return "";
    size_t class_end = find_mark("（类）", "(类)", item_end);
    if (class_end == std::string::npos) return "";
    size_t kuan_end = find_mark("（款）", "(款)", item_end);
    auto mark_len = [&](size_t pos) { return window.compare(pos, 3, "（") == 0 ? std::string("（类）").size() : std::string("(类)").size(); };
    size_t name_start = (kuan_end != std::string::npos && kuan_end > class_end)
                            ? kuan_end + mark_len(kuan_end)
                            : class_end + mark_len(class_end);
    std::string item = RemoveSpaces(window.substr(name_start, item_end - name_start));
    if (name) *name = item;
    // The class name: back from （类） to a delimiter.
    std::string before = window.substr(0, class_end);
    size_t cut = 0;
    for (const char* delim : {"。", "，", "、", "：", ".", "．", "）", ")"}) {
      size_t p = before.rfind(delim);
      if (p != std::string::npos && p + std::strlen(delim) > cut) cut = p + std::strlen(delim);
    }
    std::string cls = RemoveSpaces(before.substr(cut));
    while (!cls.empty() && (IsDigit(cls.front()))) cls.erase(cls.begin());
    std::string class_code = model::FunctionalClassCode(cls);
    if (class_code.empty()) class_code = model::FunctionalClassCode(cls + "支出");
    for (const auto& f : d_.functional)
      if (f.level == 3 && f.name == item && (class_code.empty() || StartsWith(f.code, class_code)))
        return "functional:" + f.code;
    // Not in the 支出总表: keep the words so the check can say so.
    for (const auto& f : d_.functional)
      if (f.name == item) return "functional:" + f.code;
    return "";
  }

  // A project named in quotes shortly before ("“镇办医疗保障服务中心经费”主要内容是：……。
  // 2023 年预算安排 50 万元"): the subject of an amount whose own words name none.
  std::string QuotedProject(size_t sentence_begin, std::string* phrase) {
    const std::string& s = text_.text();
    size_t from = sentence_begin > 400 ? sentence_begin - 400 : 0;
    std::string back = s.substr(from, sentence_begin - from);
    size_t close = back.rfind("”");
    if (close == std::string::npos) return "";
    size_t open = back.rfind("“", close);
    if (open == std::string::npos) return "";
    std::string name = RemoveSpaces(back.substr(open + std::string("“").size(),
                                                close - open - std::string("“").size()));
    for (size_t i = 0; i < d_.projects.size(); ++i)
      if (d_.projects[i].name == name) {
        if (phrase) *phrase = name;
        return "project:" + std::to_string(i);
      }
    return "";
  }

  // Whether an amount describes the previous year: the last year marker before its subject
  // decides ("上年收入总计 2321.3" previous; "比上年增减情况：2022年预算收支安排 1927.16" current).
  bool PreviousYear(const std::string& window, size_t subject_pos) {
    std::string w = subject_pos == std::string::npos ? window : window.substr(0, subject_pos);
    size_t last = std::string::npos;
    bool previous = false;
    for (const char* p : {"上年", "去年", "上一年"}) {
      size_t pos = 0;
      while ((pos = w.find(p, pos)) != std::string::npos) {
        std::string after = window.substr(pos + std::strlen(p), 6);
        if (!StartsWith(after, "结转") && !StartsWith(after, "结余") &&
            (last == std::string::npos || pos > last)) {
          last = pos;
          previous = true;
        }
        pos += std::strlen(p);
      }
    }
    for (size_t i = 0; i + 4 <= w.size(); ++i) {
      if (!(IsDigit(w[i]) && IsDigit(w[i + 1]) && IsDigit(w[i + 2]) && IsDigit(w[i + 3]))) continue;
      if ((i > 0 && IsDigit(w[i - 1])) || (i + 4 < w.size() && IsDigit(w[i + 4]))) continue;
      int y = std::stoi(w.substr(i, 4));
      if (y < 2000 || y > 2100 || !year_) continue;
      if (last == std::string::npos || i > last) {
        last = i;
        previous = y < year_;
      }
    }
    return previous;
  }

  // Brackets open at `pos` since the sentence [begin, end) began: "基本支出 335.10 万元（社会保障...
  // 22.47 万元），占 72.73%" is a share of 335.10, the amount outside the brackets. The
  // sentence's brackets are listed once, so a figure costs a binary search rather than a scan
  // from the sentence start (a PDF's table text makes sentences with hundreds of figures).
  int Depth(const std::string& s, size_t begin, size_t end, size_t pos) {
    if (brackets_begin_ != begin) {
      brackets_begin_ = begin;
      brackets_.clear();
      const std::string open = "（", close = "）";
      int depth = 0;
      for (size_t i = begin; i < end;) {
        size_t at = i;
        int change = 0;
        if (s[i] == open[0] && s.compare(i, open.size(), open) == 0) {
          change = 1;
          i += open.size();
        } else if (s[i] == close[0] && s.compare(i, close.size(), close) == 0) {
          change = -1;
          i += close.size();
        } else {
          change = s[i] == '(' ? 1 : s[i] == ')' ? -1 : 0;
          ++i;
        }
        if (change == 0) continue;
        depth = std::max(0, depth + change);
        brackets_.push_back({at, depth});
      }
    }
    // The depth after the last bracket that starts before `pos`.
    auto before_pos = [](const std::pair<size_t, int>& b, size_t p) { return b.first < p; };
    auto after = std::lower_bound(brackets_.begin(), brackets_.end(), pos, before_pos);
    return after == brackets_.begin() ? 0 : std::prev(after)->second;
  }
  size_t brackets_begin_ = std::string::npos;     ///< the sentence brackets_ lists
  std::vector<std::pair<size_t, int>> brackets_;  ///< (offset, depth after it) of each bracket

  void Sentence(size_t begin, size_t end, int index) {
    const std::string& s = text_.text();
    // The keywords that occur in this sentence (or just before it, for a subject carried
    // over): SubjectOf looks only at these.
    active_.clear();
    bool active_ready = false;
    auto prepare = [&] {  // on the first figure of the sentence; most sentences have none
      if (active_ready) return;
      active_ready = true;
      size_t from = begin > 200 ? begin - 200 : 0;
      std::string_view scope(s.data() + from, end - from);
      std::vector<uint32_t> hits;
      for (uint32_t i : short_keywords_)
        if (scope.find(keywords_[i].text) != std::string_view::npos) hits.push_back(i);
      for (size_t p = 0; p + 3 <= scope.size(); ++p) {
        // A keyword starts a character, never inside one (a UTF-8 continuation byte).
        if ((static_cast<unsigned char>(scope[p]) & 0xC0) == 0x80) continue;
        const uint32_t start = Start3(scope.data() + p);
        if (!may_start_.test(Low16(start))) continue;  // most characters start no keyword
        auto bucket = keywords_by_start_.find(start);
        if (bucket == keywords_by_start_.end()) continue;
        for (uint32_t i : bucket->second)
          if (scope.compare(p, keywords_[i].text.size(), keywords_[i].text) == 0) hits.push_back(i);
      }
      std::sort(hits.begin(), hits.end());  // in the order of keywords_, as before
      hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
      for (uint32_t i : hits) active_.push_back(&keywords_[i]);
    };
    size_t window_start = begin;
    // A change with no subject of its own in a sentence that names none refers to the last
    // amount of the sentence before ("公务接待费 0.94 万元。...较 2021 年减少 0.03 万元").
    int last_amount = previous_amount_, last_change = -1;
    std::optional<model::Money> pending_base;
    int pending_base_line = 0;
    std::string last_subject = last_amount >= 0 ? claims_[last_amount].subject : std::string();
    int previous_year_depth = 0;
    // "与上年预算数相同": each is read when the figures before it have been.
    const std::vector<size_t> same = SameAsLastYearPhrases(s, begin, end);
    size_t next_same = 0;
    auto read_same_before = [&](size_t pos) {
      for (; next_same < same.size() && same[next_same] < pos; ++next_same)
        SameAsLastYear(same[next_same], begin, end, index, last_amount);
    };
    size_t i = begin;
    while (i < end) {
      if (!IsDigit(s[i]) || (i > begin && (IsDigit(s[i - 1]) || s[i - 1] == '.' ||
                                           std::isalpha(static_cast<unsigned char>(s[i - 1]))))) {
        ++i;
        continue;
      }
      prepare();
      read_same_before(i);
      const FigureSpan span = ScanFigure(s, i, end);
      const size_t j = span.digits_end, k = span.unit;
      std::string digits = s.substr(i, j - i);
      auto at = [&](const char* w) { return s.compare(k, std::strlen(w), w) == 0; };
      if (at("年") || at("月") || at("日") || std::isalpha(static_cast<unsigned char>(s[j]))) {
        i = j;  // a date or a code: part of the words
        continue;
      }
      std::string window = s.substr(window_start, i - window_start);
      std::string cleaned_digits;
      for (char c : digits)
        if (c != ',') cleaned_digits += c;
      // "78.85 万、" is 万元; "53 万多城乡居民", "4.5 万左右" are not money.
      bool wan = at("万元");
      if (!wan && at("万")) {
        std::string next = s.substr(k + std::string("万").size(), 3);
        wan = next.empty();
        for (const char* ok : {"、", "，", ",", "）", ")", "；", ";", "。", " "})
          wan |= StartsWith(next, ok);
      }
      bool percent = at("%") || at("％");
      size_t after_unit = span.unit_end;
      std::string after = s.substr(after_unit, 12);
      std::string tail = window.size() > 12 ? window.substr(window.size() - 12) : window;
      bool comparison = false;
      const std::string_view trimmed_tail = TrimView(tail);
      for (const char* op : {"≥", "≤", ">", "<", "=", "≧", "≦", "不超过", "不低于"})
        if (EndsWith(trimmed_tail, op)) comparison = true;
      bool bound = StartsWith(after, "以上") || StartsWith(after, "以下") || StartsWith(after, "以内");
      int line = text_.LineAt(i);
      bool negative = i > begin && s[i - 1] == '-';  // "增加-17.69 万元" is a decrease
      // "增减" (as in 比上年增减情况) names no direction.
      std::string plain = window;
      bool either = false;  // "增（减）", "增加(或减少)": the text leaves the direction open
      for (const char* t : {"增（减）", "增(减)", "（或减少）", "(或减少)", "（或增加）", "(或增加)", "增减"}) {
        for (size_t p; (p = plain.find(t)) != std::string::npos;) {
          plain.replace(p, std::strlen(t), std::string(std::strlen(t), '\x01'));
          if (std::string(t) != "增减") either = true;
        }
      }
      size_t dir_pos = std::string::npos;
      int dir = LastDirection(plain, dir_pos);
      if (dir == 0 && either) {
        // Take the direction the sentence gives next ("...0.03万元，同比增加 5.77%").
        size_t p;
        dir = LastDirection(s.substr(j, std::min<size_t>(30, end - j)), p);
        if (dir == 0) dir = 1;
        dir_pos = plain.size();
      }
      const size_t bi = RFind(plain, "比"), jiao = RFind(plain, "较");
      size_t cmp = std::max(bi == std::string::npos ? 0 : bi + 1,
                            jiao == std::string::npos ? 0 : jiao + 1);
      bool compared = cmp > 0;
      size_t dir_after_cmp_pos;
      int dir_after_cmp = compared ? LastDirection(plain.substr(cmp), dir_after_cmp_pos) : dir;
      size_t after_dir_pos;
      int dir_after = LastDirection(after.substr(0, 9), after_dir_pos);
      bool base_like = compared && dir_after_cmp == 0 && dir_after != 0 && after_dir_pos <= 3;

      if ((wan || (!percent && base_like)) && !comparison && !bound) {
        auto money = model::Money::Parse(cleaned_digits);
        if (money && base_like) {
          pending_base = *money;
          pending_base_line = line;
        } else if (money) {
          std::string phrase;
          size_t subject_pos = std::string::npos;
          std::string subject = SubjectOf(window, &phrase, &subject_pos);
          Claim c;
          c.line = line;
          c.offset = i;
          c.sentence = index;
          c.text = Trim(std::string_view(s).substr(begin, end - begin));
          c.value_text = cleaned_digits;
          c.amount = *money;
          bool is_change = dir != 0 && (subject_pos == std::string::npos || dir_pos > subject_pos ||
                                        subject.empty() ||
                                        subject_pos - dir_pos <= std::string("增加").size());
          // "增加人员经费支出 137.71万元和日常公用经费支出 12.77万元": the list goes on.
          std::string lead = Trim(window).substr(0, 3);
          if (!is_change && !claims_.empty() && last_change >= 0 &&
              claims_[last_change].sentence == index && static_cast<int>(claims_.size()) - 1 == last_change &&
              claims_[last_change].direction != 0 && (lead == "和" || lead == "、" || lead == "及")) {
            is_change = true;
            dir = claims_[last_change].direction;
            dir_pos = std::string::npos;
          }
          if (is_change) {
            c.kind = Claim::Kind::kChange;
            c.direction = negative ? -dir : dir;
            if (money->IsZero()) c.direction = 0;  // "比 2021 年减少 0 万元" (綦江): a change of 0
            bool own_subject = !subject.empty() &&
                               (dir_pos == std::string::npos || dir_pos > subject_pos ||
                                subject_pos - dir_pos <= std::string("增加").size());
            if (!own_subject) {
              // "机关运行经费预算比 2021年度 60.48增长 9.77万元": named earlier in the sentence;
              // else the subject of the amount before (this or the previous sentence).
              subject = SubjectOf(s.substr(begin, i - begin), &phrase, nullptr);
              if (subject.empty()) {
                subject = last_subject;
                phrase = last_amount >= 0 ? claims_[last_amount].subject_text : std::string();
              }
            }
            if (pending_base) {
              c.base = pending_base;
              c.base_line = pending_base_line;
              pending_base.reset();
            }
            if (last_amount >= 0 && claims_[last_amount].subject == subject &&
                !claims_[last_amount].previous_year) {
              c.now = claims_[last_amount].amount;
              c.now_line = claims_[last_amount].line;
            }
            c.subject = subject;
            c.subject_text = phrase;
            claims_.push_back(c);
            last_change = static_cast<int>(claims_.size()) - 1;
          } else {
            c.kind = Claim::Kind::kAmount;
            if (subject.empty()) subject = QuotedProject(begin, &phrase);
            c.subject = subject;
            c.subject_text = phrase;
            c.previous_year = PreviousYear(window, subject_pos);
            // "（上年收入总计 2321.3 万元，其中财政拨款收入 2097.9 万元...）": the bracket is all
            // about the previous year.
            int depth = Depth(s, begin, end, i);
            if (c.previous_year && depth > 0) previous_year_depth = depth;
            if (!c.previous_year && previous_year_depth > 0 && depth >= previous_year_depth)
              c.previous_year = true;
            if (depth < previous_year_depth) previous_year_depth = 0;
            claims_.push_back(c);
            last_amount = static_cast<int>(claims_.size()) - 1;
            if (!subject.empty()) last_subject = subject;
          }
          // "…万元，其中：" or, past a rate, "…万元，增加 25%，其中："; not past a sentence end.
          std::string next = s.substr(after_unit, std::min<size_t>(40, end - after_unit));
          if (Contains(next, "其中")) claims_.back().introduces_parts = true;
        }
      } else if (percent && !comparison) {
        std::string digits_only = cleaned_digits;
        size_t point = digits_only.find('.');
        Claim c;
        c.line = line;
        c.offset = i;
        c.sentence = index;
        c.text = Trim(std::string_view(s).substr(begin, end - begin));
        c.value_text = digits_only;
        c.percent_decimals = point == std::string::npos ? 0 : static_cast<int>(digits_only.size() - point - 1);
        std::string no_point = digits_only;
        no_point.erase(std::remove(no_point.begin(), no_point.end(), '.'), no_point.end());
        c.percent_scaled = no_point.size() < 16 ? std::stoll(no_point) : 0;
        bool share = Contains(tail, "占");
        bool change_word = dir != 0 || Contains(tail, "同比") || Contains(tail, "增幅") ||
                           Contains(tail, "降幅") || Contains(tail, "比例") || Contains(tail, "幅度");
        int depth = Depth(s, begin, end, i);
        int part = last_amount;
        while (part >= 0 && claims_[part].sentence == index &&
               Depth(s, begin, end, claims_[part].offset) > depth)
          --part;
        if (part >= 0 && (claims_[part].sentence != index || claims_[part].kind != Claim::Kind::kAmount))
          part = -1;
        if (share && part >= 0) {
          c.kind = Claim::Kind::kShare;
          c.ref = part;
          last_amount = part;
          c.subject = claims_[part].subject;
          c.subject_text = claims_[part].subject_text;
          claims_.push_back(c);
        } else if (change_word) {
          c.kind = Claim::Kind::kChangePct;
          c.direction = dir != 0 ? dir : (Contains(tail, "降幅") ? -1 : 1);
          if (last_change >= 0) {
            c.ref = last_change;
            c.subject = claims_[last_change].subject;
            c.subject_text = claims_[last_change].subject_text;
          } else {
            std::string phrase;
            c.subject = SubjectOf(window, &phrase, nullptr);
            c.subject_text = phrase;
          }
          claims_.push_back(c);
        }
      }
      window_start = percent || wan ? after_unit : j;
      i = std::max(j, window_start);
    }
    read_same_before(end);
    previous_amount_ = -1;
    for (int k = static_cast<int>(claims_.size()) - 1; k >= 0 && claims_[k].sentence == index; --k)
      if (claims_[k].kind == Claim::Kind::kAmount && !claims_[k].subject.empty()) {
        previous_amount_ = k;
        break;
      }
  }

  // "政府性基金预算拨款收入 0 万元，与上年预算数相同" (the phrase at `pos` of the sentence [begin,
  // end)): a change of 0 of the amount claim `amount`, the last one read, in this sentence or
  // ending the one before ("上年结转结余为 0 万元。与上年预算数相同。"). Its subject is that
  // amount's, as for a change that names none ("公务接待费 0.94 万元。较 2021 年减少 0.03 万元"),
  // and that amount is both its current figure and its 上年 figure. Fail closed: nothing but
  // separators may stand between the amount and the phrase ("…费用等支出，与上年预算数持平"
  // speaks of an amount further back; "没有使用政府性基金…的支出，与上年持平" of none), and the
  // amount must have a subject and be about this year.
  void SameAsLastYear(size_t pos, size_t begin, size_t end, int index, int amount) {
    if (amount < 0) return;
    const Claim& a = claims_[amount];
    if (a.kind != Claim::Kind::kAmount || a.subject.empty() || a.previous_year) return;
    const std::string& s = text_.text();
    if (!OnlySeparators(s, ScanFigure(s, a.offset, s.size()).unit_end, pos)) return;
    Claim c;
    c.kind = Claim::Kind::kChange;
    c.line = text_.LineAt(pos);
    c.offset = pos;
    c.sentence = index;
    c.text = a.sentence == index ? a.text : a.text + Trim(std::string_view(s).substr(begin, end - begin));
    c.subject = a.subject;
    c.subject_text = a.subject_text;
    c.direction = 0;  // the amount is 0 and value_text empty: the text prints no figure
    c.now = a.amount;
    c.now_line = a.line;
    c.base = a.amount;
    c.base_line = a.line;
    claims_.push_back(c);
  }

  int previous_amount_ = -1;

  const JoinedText& text_;
  const model::Disclosure& d_;
  static uint32_t Start3(const char* p) {
    return static_cast<uint32_t>(static_cast<unsigned char>(p[0])) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
           static_cast<unsigned char>(p[2]);
  }
  std::vector<Keyword> keywords_;
  // A character's last 16 bits of Start3 (for a 3-byte character, its code point's): a bit
  // test rules out nearly every character before the map is asked.
  static uint32_t Low16(uint32_t start3) {
    return (start3 >> 4 & 0xF000) | (start3 >> 2 & 0x0FC0) | (start3 & 0x3F);
  }
  std::unordered_map<uint32_t, std::vector<uint32_t>> keywords_by_start_;  ///< see the constructor
  std::bitset<1 << 16> may_start_;  ///< Low16 of each key of keywords_by_start_
  std::vector<uint32_t> short_keywords_;  ///< under 3 bytes: searched for one by one
  std::vector<const Keyword*> active_;
  std::vector<Claim> claims_;
  int year_ = 0;
};

}  // namespace

std::vector<model::Claim> ExtractClaims(const JoinedText& text, const model::Disclosure& d) {
  return Extractor(text, d).Run();
}

}  // namespace gongkai::parse
