// Small UTF-8 text helpers the parsers share (code points, spaces, markup, ordinals).
#pragma once

#include <deque>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::parse {

/// The longest text handed to a std::regex. libstdc++ matches by recursion, some hundreds of
/// bytes of stack per byte matched, so a 30 KB line overflows an 8 MB stack. Titles, names
/// and years stand in short lines; longer lines are not searched with a regex.
constexpr size_t kMaxRegexBytes = 4096;

/// NextCodePoint of a byte of 0x80 or more.
char32_t NextMultiByteCodePoint(std::string_view s, size_t& i);

/// Decodes the code point at `s[i]` and advances `i`. Input is valid UTF-8 (ingest checks).
/// Inline for ASCII: every parser walks text code point by code point.
inline char32_t NextCodePoint(std::string_view s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  return NextMultiByteCodePoint(s, i);
}
std::string EncodeCodePoint(char32_t c);

/// Splits into code points, each as its UTF-8 string.
std::vector<std::string> CodePoints(std::string_view s);
/// The last code point of non-empty `s`, as CodePoints(s).back() decodes it.
char32_t LastCodePoint(std::string_view s);
size_t CodePointCount(std::string_view s);

bool IsSpace(char32_t c);  ///< ASCII space/tab, U+3000, U+00A0
/// The length in bytes of the white space (IsSpace) that starts at `s[i]`, 0 if none: the
/// test of IsSpace(NextCodePoint(s, i)) without decoding. Inline: the tokenizer asks it of
/// every byte.
inline size_t SpaceLength(std::string_view s, size_t i) {
  // Byte by byte: in valid UTF-8 the bytes E3 and C2 only start a character.
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t') return 1;
  if (c == 0xE3 && s.substr(i, 3) == "\u3000") return 3;
  if (c == 0xC2 && s.substr(i, 2) == "\u00A0") return 2;
  return 0;
}
bool IsHan(char32_t c);

/// Removes Markdown/HTML decoration a converter leaves in table text: `<b>`, `</b>`, `**`,
/// leading `#` heading marks. Keeps everything else.
std::string StripMarkup(std::string_view s);
/// StripMarkup(s) without a copy where it would keep `s` as it is (most lines): `s` itself,
/// else the stripped text, kept in `storage`.
std::string_view StripMarkup(std::string_view s, std::string& storage);

/// The lines of a document as the readers of running text see them, Trim(StripMarkup(line))
/// of each: worked out once per document rather than once per reader. Views into `lines`
/// (which must outlive it) where the markup leaves a line as it is (most lines), else into
/// its own copy: no line is copied to be trimmed.
struct CleanLines {
  explicit CleanLines(const std::vector<std::string>& lines);
  CleanLines(const CleanLines&) = delete;  // the views may be into its own copies
  CleanLines& operator=(const CleanLines&) = delete;
  std::vector<std::string_view> text;

 private:
  std::deque<std::string> stripped_;  ///< the lines StripMarkup changed (a deque: they stay put)
};

/// Removes all white space (ASCII, ideographic, no-break).
std::string RemoveSpaces(std::string_view s);
/// Appends RemoveSpaces(s) to `out`.
void AppendWithoutSpaces(std::string& out, std::string_view s);

/// Trims white space at both ends.
std::string Trim(std::string_view s);
/// TrimView of text that starts or ends with what may be white space.
std::string_view TrimSpaces(std::string_view s);
/// Trim without a copy: the part of `s` it keeps. Inline, as StartsWith and EndsWith below:
/// the parsers ask it of nearly every line, mostly of text with nothing to trim, told by its
/// first and last bytes (U+3000 and U+00A0 end in 0x80 and 0xA0).
inline std::string_view TrimView(std::string_view s) {
  if (s.empty()) return s;
  const unsigned char last = static_cast<unsigned char>(s.back());
  if (SpaceLength(s, 0) == 0 && last != ' ' && last != '\t' && last != 0x80 && last != 0xA0)
    return s;
  return TrimSpaces(s);
}

/// Removes a leading ordinal: 一、 十二、 廿一、 （一） (一) 1、 1. 1．; returns the rest.
std::string StripOrdinal(std::string_view s);

/// True if `s` starts with a Chinese ordinal marker (一、 （三） 廿一、), the sign that a
/// new item starts in a wrapped two-sided table.
bool StartsWithOrdinal(std::string_view s);

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}
inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool Contains(std::string_view s, std::string_view part);
/// std::string_view::rfind(part, pos): where `part` last starts in `s` at or before `pos`.
/// Own code: libstdc++'s rfind compares at every byte back from `pos`; this looks for the
/// last byte of `part` with memrchr, as Contains does forwards.
size_t RFind(std::string_view s, std::string_view part, size_t pos = std::string_view::npos);

/// Whether a text holds any of a list of words: Contains(s, w1) || Contains(s, w2) || ...,
/// in one pass over the text. Own code: the standard library looks for one word at a time,
/// a pass (and a call of memchr) per word, and the parsers ask lists of up to ten words of
/// every line. A pass here reads byte by byte where memchr reads 32 bytes at a time: for a
/// few words in long lines, Contains word by word is faster.
class AnyWord {
 public:
  /// `words`: non-empty, and outliving the AnyWord (string literals).
  AnyWord(std::initializer_list<std::string_view> words);
  bool In(std::string_view s) const;

 private:
  std::vector<std::string_view> words_;
  bool ends_[256] = {};  ///< the last bytes of the words: only there may one end
  size_t shortest_ = 0;
};

}  // namespace gongkai::parse
