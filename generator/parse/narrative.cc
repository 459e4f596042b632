// Joined narrative text and phrase -> amount lookups.
#include "parse/narrative.h"

#include <algorithm>

#include "parse/text.h"

namespace gongkai::parse {

JoinedText::JoinedText(const std::vector<std::string>& lines, size_t begin, size_t end) {
  for (size_t i = begin; i < end && i < lines.size(); ++i) Append(lines[i], static_cast<int>(i) + 1);
}

JoinedText::JoinedText(const std::vector<std::string>& lines, const std::vector<bool>& include) {
  for (size_t i = 0; i < lines.size() && i < include.size(); ++i)
    if (include[i]) Append(lines[i], static_cast<int>(i) + 1);
}

JoinedText::JoinedText(const CleanLines& lines, size_t begin, size_t end) {
  for (size_t i = begin; i < end && i < lines.text.size(); ++i)
    AppendClean(lines.text[i], static_cast<int>(i) + 1);
}

JoinedText::JoinedText(const CleanLines& lines, const std::vector<bool>& include) {
  for (size_t i = 0; i < lines.text.size() && i < include.size(); ++i)
    if (include[i]) AppendClean(lines.text[i], static_cast<int>(i) + 1);
}

void JoinedText::AppendClean(std::string_view t, int line) {
  if (t.empty()) return;
  // Tabs are spaces. Justified PDF text spreads the characters of a line ("行政事业单位养老支 出
  // （款 ） 机 关 事 业"): white space between two Chinese characters or full-width marks is no
  // word break.
  auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  starts_.push_back({text_.size(), line});
  size_t first = text_.size();
  size_t next_tab = t.find('\t');
  for (size_t i = 0; i < t.size();) {
    // The text up to the next space or tab is kept as it is. Each is looked for (memchr), a
    // tab again only once passed: most lines hold none.
    if (next_tab < i) next_tab = t.find('\t', i);
    const size_t space = std::min({t.find(' ', i), next_tab, t.size()});
    text_.append(t.substr(i, space - i));
    if (space == t.size()) break;
    size_t j = space;
    while (j < t.size() && is_space(t[j])) ++j;
    bool wide_before = text_.size() > first && static_cast<unsigned char>(text_.back()) >= 0x80;
    bool wide_after = j < t.size() && static_cast<unsigned char>(t[j]) >= 0x80;
    if (!(wide_before && wide_after)) text_.append(j - space, ' ');
    i = j;
  }
}

int JoinedText::LineAt(size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), std::make_pair(offset, 1 << 30));
  if (it == starts_.begin()) return starts_.empty() ? 0 : starts_.front().second;
  return std::prev(it)->second;
}

bool FindStatedAmount(const JoinedText& text, const std::string& phrase, size_t from,
                      size_t until, size_t max_gap, StatedAmount& out) {
  const std::string& s = text.text();
  size_t pos = from;
  while ((pos = s.find(phrase, pos)) != std::string::npos && pos < until) {
    size_t i = pos + phrase.size();
    size_t gap = 0;
    bool stop = false;
    while (i < s.size() && gap <= max_gap && !stop) {
      size_t start = i;
      char32_t c = NextCodePoint(s, i);
      if (c >= '0' && c <= '9') {
        size_t j = start;
        while (j < s.size() && ((s[j] >= '0' && s[j] <= '9') || s[j] == '.' || s[j] == ','))
          ++j;
        std::string digits = s.substr(start, j - start);
        while (!digits.empty() && (digits.back() == '.' || digits.back() == ',')) digits.pop_back();
        size_t k = j;
        while (k < s.size() && s[k] == ' ') ++k;
        if (s.compare(k, std::string("万元").size(), "万元") == 0 ||
            s.compare(k, std::string("万").size(), "万") == 0) {
          out.digits = digits;
          out.offset = start;
          out.line = text.LineAt(start);
          return true;
        }
        stop = true;  // another figure stands between the phrase and any 万元
        break;
      }
      if (c == U'。' || c == U'；' || c == ';') stop = true;
      ++gap;
    }
    pos += phrase.size();
  }
  return false;
}

}  // namespace gongkai::parse
