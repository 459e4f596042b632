// UTF-8 helpers for the parsers.
#include "parse/text.h"

#include <algorithm>
#include <cstring>

namespace gongkai::parse {

char32_t NextMultiByteCodePoint(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
  if (i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : len == 4 ? (c & 0x07) : c;
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

std::string EncodeCodePoint(char32_t c) {
  std::string out;
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

std::vector<std::string> CodePoints(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    NextCodePoint(s, i);
    out.emplace_back(s.substr(start, i - start));
  }
  return out;
}

char32_t LastCodePoint(std::string_view s) {
  // Forwards, as CodePoints splits (the same on any bytes, valid UTF-8 or not).
  size_t last = 0;
  for (size_t i = 0; i < s.size();) {
    last = i;
    NextCodePoint(s, i);
  }
  return NextCodePoint(s, last);
}

size_t CodePointCount(std::string_view s) {
  // Every byte but a continuation byte (10xxxxxx) starts a code point in valid UTF-8.
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

bool IsSpace(char32_t c) { return c == ' ' || c == '\t' || c == 0x3000 || c == 0xA0; }

bool IsHan(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0xF900 && c <= 0xFAFF);
}

bool Contains(std::string_view s, std::string_view part) {
  // std::string_view::find looks for the first byte and compares from there; in Chinese text
  // that is one of the few lead bytes (E4-E9) before nearly every character, so it stops at
  // almost every character. The last byte of a Chinese word, a continuation byte of 64
  // possible values, stands in far fewer places.
  if (part.empty()) return true;
  if (part.size() > s.size()) return false;
  const char last = part.back();
  const size_t tail = part.size() - 1;
  for (size_t p = s.find(last, tail); p != std::string_view::npos; p = s.find(last, p + 1))
    if (s.compare(p - tail, tail, part.substr(0, tail)) == 0) return true;
  return false;
}

AnyWord::AnyWord(std::initializer_list<std::string_view> words) : words_(words) {
  shortest_ = words_.front().size();
  for (std::string_view w : words_) {
    ends_[static_cast<unsigned char>(w.back())] = true;
    shortest_ = std::min(shortest_, w.size());
  }
}

bool AnyWord::In(std::string_view s) const {
  // Each byte is looked up once; the words are compared only where one could end (a
  // continuation byte of 64 values ends a Chinese word, as in Contains).
  for (size_t i = shortest_ - 1; i < s.size(); ++i) {
    if (!ends_[static_cast<unsigned char>(s[i])]) continue;
    for (std::string_view w : words_)
      if (w.size() <= i + 1 && w.back() == s[i] && s.compare(i + 1 - w.size(), w.size(), w) == 0)
        return true;
  }
  return false;
}

size_t RFind(std::string_view s, std::string_view part, size_t pos) {
  if (part.size() > s.size()) return std::string_view::npos;
  if (part.empty()) return std::min(pos, s.size());
  const size_t tail = part.size() - 1;
  // Where the last byte of `part` may stand: [tail, end).
  size_t end = std::min(s.size() - part.size(), pos) + part.size();
  while (end > tail) {
    const void* hit = memrchr(s.data() + tail, part.back(), end - tail);
    if (!hit) break;
    const size_t last = static_cast<size_t>(static_cast<const char*>(hit) - s.data());
    if (s.compare(last - tail, tail, part.substr(0, tail)) == 0) return last - tail;
    end = last;
  }
  return std::string_view::npos;
}

std::string StripMarkup(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  // Leading heading marks: "## 部门收支总表".
  while (i < s.size() && (s[i] == ' ')) ++i;
  size_t j = i;
  while (j < s.size() && s[j] == '#') ++j;
  if (j > i && (j == s.size() || s[j] == ' ')) i = j;
  // The text up to the next '<' or '*' is kept as it is; each is looked for (memchr) again only
  // once passed, not byte by byte: most lines hold neither.
  size_t next_tag = s.find('<', i), next_star = s.find('*', i);
  while (i < s.size()) {
    if (next_tag < i) next_tag = s.find('<', i);
    if (next_star < i) next_star = s.find('*', i);
    const size_t mark = std::min({next_tag, next_star, s.size()});
    out.append(s.substr(i, mark - i));
    if (mark == s.size()) break;
    i = mark;
    if (s[i] == '<') {
      static const char* kTags[] = {"<b>", "</b>", "<strong>", "</strong>", "<br>", "<br/>"};
      bool matched = false;
      for (const char* tag : kTags) {
        std::string_view t(tag);
        if (s.substr(i, t.size()) == t) {
          i += t.size();
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '*') {
      i += 2;
      continue;
    }
    out += s[i++];
  }
  return out;
}

std::string_view StripMarkup(std::string_view s, std::string& storage) {
  // StripMarkup changes only a line that starts with a space or '#' or holds '<' or '*'.
  bool plain = !s.empty() && s[0] != ' ' && s[0] != '#' && s.find('<') == std::string_view::npos &&
               s.find('*') == std::string_view::npos;
  if (plain) return s;
  storage = StripMarkup(s);
  return storage;
}

CleanLines::CleanLines(const std::vector<std::string>& lines) {
  text.reserve(lines.size());
  std::string storage;
  for (const auto& l : lines) {
    std::string_view clean = StripMarkup(l, storage);
    if (clean.data() == storage.data()) clean = stripped_.emplace_back(std::move(storage));
    text.push_back(TrimView(clean));
  }
}

std::string RemoveSpaces(std::string_view s) {
  std::string out;
  AppendWithoutSpaces(out, s);
  return out;
}

void AppendWithoutSpaces(std::string& out, std::string_view s) {
  size_t run = 0;  // where the text since the last white space starts
  for (size_t i = 0; i < s.size();) {
    size_t n = SpaceLength(s, i);
    if (n == 0) {
      ++i;
      continue;
    }
    out.append(s.substr(run, i - run));
    i += n;
    run = i;
  }
  out.append(s.substr(run));
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

std::string_view TrimSpaces(std::string_view s) {
  size_t begin = 0;
  while (begin < s.size()) {
    size_t n = SpaceLength(s, begin);
    if (n == 0) break;
    begin += n;
  }
  // Back from the end: the white space that ends the text, read as SpaceLength reads it.
  size_t end = s.size();
  while (end > begin) {
    std::string_view rest = s.substr(begin, end - begin);
    size_t n = (rest.back() == ' ' || rest.back() == '\t') ? 1
               : EndsWith(rest, "\u3000")                 ? 3
               : EndsWith(rest, "\u00A0")                 ? 2
                                                          : 0;
    if (n == 0) break;
    end -= n;
  }
  return s.substr(begin, end - begin);
}

namespace {

bool IsChineseNumeral(char32_t c) {
  switch (c) {
    case U'一': case U'二': case U'三': case U'四': case U'五': case U'六': case U'七':
    case U'八': case U'九': case U'十': case U'廿': case U'百': case U'零': case U'〇':
      return true;
    default:
      return false;
  }
}

// Length in bytes of a leading ordinal marker, 0 if none.
size_t OrdinalLength(std::string_view s) {
  size_t i = 0;
  if (i >= s.size()) return 0;
  size_t probe = 0;
  char32_t first = NextCodePoint(s, probe);
  if (first == U'（' || first == '(') {
    size_t k = probe, count = 0;
    while (k < s.size()) {
      size_t before = k;
      char32_t c = NextCodePoint(s, k);
      if (IsChineseNumeral(c) || (c >= '0' && c <= '9')) {
        ++count;
        continue;
      }
      if ((c == U'）' || c == ')') && count > 0) return k;
      (void)before;
      break;
    }
    return 0;
  }
  size_t k = 0, count = 0;
  bool arabic = false;
  while (k < s.size()) {
    size_t before = k;
    char32_t c = NextCodePoint(s, k);
    if (IsChineseNumeral(c) && !arabic) {
      ++count;
      continue;
    }
    if (c >= '0' && c <= '9' && (count == 0 || arabic)) {
      arabic = true;
      ++count;
      continue;
    }
    if (count > 0 && (c == U'、' || (arabic && (c == U'．' || c == '.')))) {
      // "1.5" is a number, not an ordinal.
      if (arabic && c != U'、' && k < s.size() && s[k] >= '0' && s[k] <= '9') return 0;
      return k;
    }
    (void)before;
    break;
  }
  return 0;
}

}  // namespace

std::string StripOrdinal(std::string_view s) {
  std::string_view t = TrimView(s);
  size_t n = OrdinalLength(t);
  return n ? Trim(t.substr(n)) : std::string(t);
}

bool StartsWithOrdinal(std::string_view s) {
  std::string_view t = TrimView(s);
  size_t n = OrdinalLength(t);
  if (n == 0) return false;
  // Only Chinese numerals count as the start of a new two-sided-table item; "1、" in a table
  // cell is rarer and ambiguous.
  size_t i = 0;
  char32_t c = NextCodePoint(t, i);
  if (c == U'（' || c == '(') c = NextCodePoint(t, i);
  return IsChineseNumeral(c);
}

}  // namespace gongkai::parse
