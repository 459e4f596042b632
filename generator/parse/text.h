// Small UTF-8 text helpers the parsers share (code points, spaces, markup, ordinals).
#pragma once

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

/// The lines of a document as the readers of running text see them, Trim(StripMarkup(line))
/// of each: worked out once per document rather than once per reader.
struct CleanLines {
  explicit CleanLines(const std::vector<std::string>& lines);
  std::vector<std::string> text;
};

/// Removes all white space (ASCII, ideographic, no-break).
std::string RemoveSpaces(std::string_view s);
/// Appends RemoveSpaces(s) to `out`.
void AppendWithoutSpaces(std::string& out, std::string_view s);

/// Trims white space at both ends.
std::string Trim(std::string_view s);
/// Trim without a copy: the part of `s` it keeps.
std::string_view TrimView(std::string_view s);

/// Removes a leading ordinal: 一、 十二、 廿一、 （一） (一) 1、 1. 1．; returns the rest.
std::string StripOrdinal(std::string_view s);

/// True if `s` starts with a Chinese ordinal marker (一、 （三） 廿一、), the sign that a
/// new item starts in a wrapped two-sided table.
bool StartsWithOrdinal(std::string_view s);

bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
bool Contains(std::string_view s, std::string_view part);

}  // namespace gongkai::parse
