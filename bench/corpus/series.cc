// Finds what a source states about the previous year and restates it for each year of a series.
#include "corpus/series.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "checks/rounding.h"
#include "checks/subjects.h"

namespace gongkai::corpus {
namespace {

using Kind = PriorYearStatement::Kind;

// The direction words of a change, each with the word of the other direction and the
// same byte length (so a swap moves no other span of the line). 增减 and 增（减） name no
// direction and are never swapped.
const std::pair<const char*, const char*> kDirectionWords[] = {
    {"增加", "减少"}, {"减少", "增加"}, {"增长", "下降"}, {"下降", "增长"}, {"上升", "下降"},
    {"降低", "增加"}, {"压减", "增加"}, {"节约", "增加"}, {"增", "减"},     {"减", "增"},
    {"降", "增"}};
const char* const kOpenDirection[] = {"增（减）", "增(减)", "增减", "（或减少）", "(或减少)",
                                      "（或增加）", "(或增加)"};

// +1 for a word of increase, -1 for one of decrease (kDirectionWords).
int WordDirection(const std::string& word) {
  for (const char* up : {"增加", "增长", "上升", "增"})
    if (word == up) return 1;
  return -1;
}

std::string Opposite(const std::string& word) {
  for (const auto& [w, other] : kDirectionWords)
    if (word == w) return other;
  return word;
}

model::Money Times(model::Money m, int64_t k) { return model::Money::FromFen(m.fen() * k); }

// `value` printed like `like` (万元): as many decimals as `like` has, more where the value needs
// them; thousands separators where `like` has them. The sign is not printed.
std::string PrintLike(const std::string& like, model::Money value) {
  size_t point = like.find('.');
  int decimals = point == std::string::npos ? 0 : static_cast<int>(like.size() - point - 1);
  std::string s = model::Money::FromFen(std::llabs(value.fen())).WanYuan(decimals);
  if (like.find(',') != std::string::npos) {
    size_t end = s.find('.') == std::string::npos ? s.size() : s.find('.');
    for (size_t k = end; k > 3; k -= 3) s.insert(k - 3, ",");
  }
  return s;
}

NumberSpan TextSpan(size_t line, size_t begin, std::string text) {
  NumberSpan s;
  s.kind = NumberSpan::Kind::kText;
  s.line = line;
  s.begin = begin;
  s.end = begin + text.size();
  s.text = std::move(text);
  return s;
}

// Finds statements' numbers among the source's spans (each used once) and adds their words
// and percentages as kText spans.
class Locator {
 public:
  Locator(const std::vector<std::string>& lines, const std::vector<NumberSpan>& numbers)
      : lines_(lines), numbers_(numbers), used_(numbers.size(), false) {}

  // The first unused amount span on 1-based `line` whose value is `amount` (万元); for a
  // `change`, the first that follows its direction word ("公务用车运行维护费 6万元，比上年增
  // 6万元": the second 6), else the first.
  int Amount(int line, model::Money amount, bool change = false) {
    int first = -1;
    for (size_t k = 0; k < numbers_.size(); ++k) {
      const NumberSpan& s = numbers_[k];
      bool on_line = static_cast<int>(s.line) + 1 == line ||
                     (s.broken && static_cast<int>(s.line2) + 1 == line);
      if (used_[k] || !on_line || s.kind != NumberSpan::Kind::kAmount) continue;
      auto m = model::Money::Parse(s.text);
      if (!m || *m != amount) continue;
      if (first < 0) first = static_cast<int>(k);
      if (!change || AfterDirection(s)) {
        first = static_cast<int>(k);
        break;
      }
    }
    if (first >= 0) used_[first] = true;
    return first;
  }

  // The direction word nearest before the number `span` (on its line, else on the line
  // before; with `after`, on its line from byte `after` only), as a kText span. Where the
  // words before leave the direction open ("比上年增（减）0.03万元，同比增加 5.77%"), the parser
  // takes the first word after the number within 30 bytes, and so does this. -1: none.
  int Word(const NumberSpan& span, size_t after = 0) {
    int tries = 0;
    for (size_t l = span.line + 1; l-- > 0 && tries < 2;) {
      std::string text = lines_[l].substr(0, l == span.line ? span.begin : std::string::npos);
      size_t skip = l == span.line ? std::min(after, text.size()) : 0;
      text.replace(0, skip, skip, ' ');
      if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
      ++tries;
      for (const char* open : kOpenDirection)
        for (size_t p; (p = text.find(open)) != std::string::npos;)
          text.replace(p, std::strlen(open), std::string(std::strlen(open), '\x01'));
      size_t best = std::string::npos, best_end = 0;
      std::string word;
      for (const auto& [w, other] : kDirectionWords) {
        size_t p = text.rfind(w);
        if (p == std::string::npos) continue;
        // The word ending last; of two ending together the longer (下降, not its 降).
        size_t end = p + std::strlen(w);
        if (best == std::string::npos || end > best_end || (end == best_end && p < best)) {
          best = p;
          best_end = end;
          word = w;
        }
      }
      if (best != std::string::npos) return Add(TextSpan(l, best, word));
      if (text.find('\x01') != std::string::npos) return WordAfter(span);
      if (after > 0) return -1;  // only the words between `after` and the span
    }
    return -1;
  }

  // The first direction word within 30 bytes of text after the number (line ends skipped).
  int WordAfter(const NumberSpan& span) {
    size_t line = span.broken ? span.line2 : span.line;
    size_t from = span.broken ? span.end2 : span.end;
    size_t budget = 30;
    for (size_t l = line; l < lines_.size() && budget > 0; ++l, from = 0) {
      std::string text = lines_[l].substr(std::min(from, lines_[l].size()), budget);
      size_t best = std::string::npos;
      std::string word;
      for (const auto& [w, other] : kDirectionWords) {
        size_t p = text.find(w);
        if (p != std::string::npos && (best == std::string::npos || p < best)) {
          best = p;
          word = w;
        }
      }
      if (best != std::string::npos) return Add(TextSpan(l, from + best, word));
      budget -= std::min(budget, text.size());
    }
    return -1;
  }

  // `printed` followed by % or ％ on 0-based `line` from byte `from`, as a kText span.
  int Percent(size_t line, size_t from, const std::string& printed) {
    const std::string& l = lines_[line];
    for (size_t p = l.find(printed, from); p != std::string::npos; p = l.find(printed, p + 1)) {
      bool digit_before =
          p > 0 && (std::isdigit(static_cast<unsigned char>(l[p - 1])) || l[p - 1] == '.');
      size_t q = p + printed.size();
      while (q < l.size() && l[q] == ' ') ++q;
      bool percent = l.compare(q, 1, "%") == 0 || l.compare(q, std::strlen("％"), "％") == 0;
      if (!digit_before && percent) return Add(TextSpan(line, p, printed));
    }
    return -1;
  }

  const std::vector<NumberSpan>& extra() const { return extra_; }
  const NumberSpan& Span(int k) const {
    return k < static_cast<int>(numbers_.size()) ? numbers_[k] : extra_[k - numbers_.size()];
  }

 private:
  // Whether the text before `span` (on its line, else the line before it) ends with a
  // direction word or the bracket of 增加(或减少).
  bool AfterDirection(const NumberSpan& span) const {
    for (size_t l = span.line + 1; l-- > 0;) {
      std::string text = lines_[l].substr(0, l == span.line ? span.begin : std::string::npos);
      size_t end = text.find_last_not_of(" \t\r");
      if (end == std::string::npos) continue;
      text.resize(end + 1);
      auto ends = [&](const std::string& w) {
        return text.size() >= w.size() && text.compare(text.size() - w.size(), w.size(), w) == 0;
      };
      for (const auto& [w, other] : kDirectionWords)
        if (ends(w)) return true;
      return ends(")") || ends("）");
    }
    return false;
  }

  int Add(NumberSpan s) {
    for (size_t k = 0; k < extra_.size(); ++k)
      if (extra_[k].line == s.line && extra_[k].begin == s.begin) return Extra(k);
    extra_.push_back(std::move(s));
    return Extra(extra_.size() - 1);
  }
  // Extra spans are numbered after the numbers until they are merged in (Merge).
  int Extra(size_t k) const { return static_cast<int>(numbers_.size() + k); }

  const std::vector<std::string>& lines_;
  const std::vector<NumberSpan>& numbers_;
  std::vector<bool> used_;
  std::vector<NumberSpan> extra_;
};

// The subject's current figure: the table's, or the one stated with the change; unknown when
// neither or when they differ (the previous document's figure would then be ambiguous).
std::optional<model::Money> CurrentFigure(const model::Disclosure& d, const model::Claim& c) {
  model::MaybeFigure table = c.subject.empty() ? std::nullopt : checks::PrimaryFigure(d, c.subject);
  if (table && c.now && *c.now != table->amount) return std::nullopt;
  if (table) return table->amount;
  return c.now;
}

// Merges the kText spans into the numbers, in text order, and renumbers the statements' spans.
void Merge(const std::vector<NumberSpan>& numbers, const std::vector<NumberSpan>& extra,
           SeriesText& out) {
  std::vector<std::pair<const NumberSpan*, size_t>> all;  // span, its old index
  for (size_t k = 0; k < numbers.size(); ++k) all.emplace_back(&numbers[k], k);
  for (size_t k = 0; k < extra.size(); ++k) all.emplace_back(&extra[k], numbers.size() + k);
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return std::make_pair(a.first->line, a.first->begin) <
           std::make_pair(b.first->line, b.first->begin);
  });
  std::vector<int> index(all.size());
  for (size_t k = 0; k < all.size(); ++k) {
    index[all[k].second] = static_cast<int>(k);
    out.spans.push_back(*all[k].first);
  }
  auto renumber = [&](int& i) { if (i >= 0) i = index[i]; };
  for (auto& s : out.statements) {
    int value = static_cast<int>(s.value);
    renumber(value);
    s.value = static_cast<size_t>(value);
    renumber(s.base);
    renumber(s.word);
    renumber(s.percent);
    renumber(s.percent_word);
  }
}

// The percentage claim stated with change claim `i`, or null.
const model::Claim* PercentOf(const model::Disclosure& d, size_t i) {
  for (const auto& p : d.claims)
    if (p.kind == model::Claim::Kind::kChangePct && p.ref == static_cast<int>(i)) return &p;
  return nullptr;
}

// A change statement: its number, base, word and percentage located; false if one of them
// (but an absent base or percentage) is not found.
bool LocateChange(Locator& at, const std::vector<NumberSpan>& numbers, const model::Disclosure& d,
                  size_t i, PriorYearStatement& s) {
  const model::Claim& c = d.claims[i];
  if (c.base) {
    s.base = at.Amount(c.base_line, *c.base);
    if (s.base < 0) return false;
  }
  int value = at.Amount(c.line, c.amount, true);
  if (value < 0) return false;
  s.value = static_cast<size_t>(value);
  s.word = at.Word(numbers[s.value]);
  if (s.word < 0) return false;
  // The parser reads "减少 0 万元" as a change of 0 (direction 0); restated on other figures it
  // is a change again, in its word's direction ("增加-17.69 万元" keeps the parser's -1).
  if (s.direction == 0) s.direction = WordDirection(at.Span(s.word).text);
  if (const model::Claim* p = PercentOf(d, i)) {
    const NumberSpan& v = numbers[s.value];
    size_t line = static_cast<size_t>(p->line - 1);
    size_t after = line == v.line ? v.end : 0;
    s.percent = at.Percent(line, after, p->value_text);
    s.percent_decimals = p->percent_decimals;
    if (s.percent < 0) return false;
    // "增加 25%" after "减少 …万元": its own word, between the change and the percentage.
    s.percent_word = at.Word(at.Span(s.percent), after);
  }
  return true;
}

// The change from the previous document, its base and percentage, for a document × factor.
void RestateChange(const SeriesText& text, const PriorYearStatement& s, int64_t factor,
                   int64_t previous, model::Money change,
                   std::map<size_t, std::string>& overrides) {
  model::Money base = Times(s.now, previous);
  model::Money now = Times(s.now, factor);
  int direction = (now - base).fen() > 0 ? 1 : (now - base).fen() < 0 ? -1 : 0;
  overrides[s.value] = PrintLike(text.spans[s.value].text, change);
  if (s.base >= 0) overrides[s.base] = PrintLike(text.spans[s.base].text, base);
  const std::string& word = text.spans[s.word].text;
  if (direction != 0 && direction != s.direction) {
    overrides[s.word] = Opposite(word);
    if (s.percent_word >= 0) overrides[s.percent_word] = Opposite(text.spans[s.percent_word].text);
  }
  // The percentage on the base the checks use: the stated one, else now − the change.
  int sign = direction ? direction : s.direction;
  model::Money on =
      s.base >= 0 ? base : now - model::Money::FromFen(sign * std::llabs(change.fen()));
  if (s.percent >= 0 && on.fen() > 0)
    overrides[s.percent] = checks::FormatScaled(
        checks::PercentScaled(model::Money::FromFen(std::llabs(change.fen())), on,
                              s.percent_decimals),
        s.percent_decimals);
}

}  // namespace

model::Money PlantedDifference(model::Money figure) {
  int64_t wan = (std::llabs(figure.fen()) * 5 / 100 + model::kFenPerWanYuan - 1) /
                model::kFenPerWanYuan;
  return model::Money::FromFen(std::max<int64_t>(1, wan) * model::kFenPerWanYuan);
}

SeriesText FindPriorYearStatements(const std::vector<std::string>& lines,
                                   const std::vector<NumberSpan>& numbers,
                                   const model::Disclosure& d) {
  SeriesText out;
  Locator at(lines, numbers);
  for (size_t i = 0; i < d.claims.size(); ++i) {
    const model::Claim& c = d.claims[i];
    bool change = c.kind == model::Claim::Kind::kChange;
    bool prior = c.kind == model::Claim::Kind::kAmount && c.previous_year;
    if (!change && !prior) continue;
    std::optional<model::Money> now = CurrentFigure(d, c);
    if (!now || c.subject.empty()) continue;  // nothing the previous document would state
    PriorYearStatement s;
    s.kind = change ? Kind::kChange : Kind::kPriorAmount;
    s.subject = c.subject;
    s.now = *now;
    s.line = c.line;
    s.direction = c.direction;
    bool found = false;
    if (change) {
      // "90 万元，与上年预算数相同" prints no change to restate: a series of other figures
      // would say "相同" of figures that differ, so the source is not usable.
      found = !c.value_text.empty() && LocateChange(at, numbers, d, i, s);
    } else if (int value = at.Amount(c.line, c.amount); value >= 0) {
      s.value = static_cast<size_t>(value);
      found = true;
    }
    if (found) out.statements.push_back(s);
    else ++out.unusable;
  }
  Merge(numbers, at.extra(), out);
  return out;
}

std::map<size_t, std::string> RestatePriorYear(const SeriesText& text, int64_t factor,
                                               int64_t previous) {
  std::map<size_t, std::string> overrides;
  for (const auto& s : text.statements) {
    if (s.kind == Kind::kPriorAmount) {
      overrides[s.value] = PrintLike(text.spans[s.value].text, Times(s.now, previous));
      continue;
    }
    RestateChange(text, s, factor, previous, Times(s.now, factor - previous), overrides);
  }
  return overrides;
}

bool PlantInconsistency(const SeriesText& text, const std::string& rule, size_t candidate,
                        int64_t factor, int64_t previous,
                        std::map<size_t, std::string>& overrides, Plant& out) {
  size_t seen = 0;
  for (const auto& s : text.statements) {
    model::Money before = Times(s.now, previous);
    model::Money add = PlantedDifference(before);
    bool figure = rule == kPriorYearFigure && s.kind == Kind::kPriorAmount;
    bool change = rule == kPriorYearChange && s.kind == Kind::kChange && s.base < 0;
    if ((figure || change) && seen++ < candidate) continue;
    if (figure) {
      out.stated = before + add;
      out.expected = before;
      overrides[s.value] = PrintLike(text.spans[s.value].text, out.stated);
    } else if (change) {
      model::Money change = Times(s.now, factor - previous);
      model::Money stated = model::Money::FromFen(std::llabs(change.fen())) + add;
      // The base the document's own check derives (now − a larger increase) must stay positive.
      int direction = change.fen() > 0 ? 1 : change.fen() < 0 ? -1 : s.direction;
      if (direction > 0 && !(stated < Times(s.now, factor))) continue;
      out.stated = stated;
      out.expected = model::Money::FromFen(std::llabs(change.fen()));
      RestateChange(text, s, factor, previous, model::Money::FromFen(direction * stated.fen()),
                    overrides);
    } else {
      continue;
    }
    out.rule = rule;
    out.subject = s.subject;
    out.line = s.line;
    return true;
  }
  return false;
}

}  // namespace gongkai::corpus
