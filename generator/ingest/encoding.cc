// Encoding detection (byte order mark, UTF-8, GB18030) and conversion to UTF-8 with iconv.
#include "ingest/encoding.h"

#include <iconv.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>

namespace gongkai::ingest {

namespace {

enum class Utf8Status { kValid, kInvalid, kIncompleteAtEnd };

// Well-formed UTF-8 as in Unicode table 3-7. On failure `offset` is the first byte of the bad
// sequence; kIncompleteAtEnd when that sequence was well-formed so far but the bytes ran out.
Utf8Status CheckUtf8(std::string_view s, size_t& offset) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // The common case first: a 3-byte character (Chinese text) whose lead byte puts no bound
    // on its second byte but the usual one (not E0, not ED); any other is read below.
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < n && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;  // no overlong forms
      if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;  // nothing past U+10FFFF
    } else {
      offset = i;
      return Utf8Status::kInvalid;
    }
    for (size_t k = 1; k < len; ++k) {
      if (i + k >= n) {
        offset = i;
        return Utf8Status::kIncompleteAtEnd;
      }
      unsigned char b = p[i + k];
      unsigned char min = k == 1 ? lo : 0x80, max = k == 1 ? hi : 0xBF;
      if (b < min || b > max) {
        offset = i;
        return Utf8Status::kInvalid;
      }
    }
    i += len;
  }
  return Utf8Status::kValid;
}

// Converts with iconv. On failure `stop` is the offset of the first byte not converted and
// `incomplete` tells a sequence cut off by the end of the input from an invalid one; `out`
// then holds the conversion of the bytes before `stop`.
bool Convert(const char* from, const char* to, std::string_view in, std::string& out,
             size_t& stop, bool& incomplete) {
  out.clear();
  stop = 0;
  incomplete = false;
  iconv_t cd = iconv_open(to, from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out.resize(in.size() + in.size() / 2 + 16);
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  size_t written = 0;
  bool ok = true;
  while (src_left > 0) {
    char* dst = &out[written];
    size_t dst_left = out.size() - written;
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    written = out.size() - dst_left;
    if (r != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    incomplete = errno == EINVAL;
    ok = false;
    break;
  }
  if (ok) {
    // Flush any shift state (none for these encodings, but iconv asks for it).
    char* dst = &out[written];
    size_t dst_left = out.size() - written;
    iconv(cd, nullptr, nullptr, &dst, &dst_left);
    written = out.size() - dst_left;
  }
  stop = in.size() - src_left;
  out.resize(written);
  iconv_close(cd);
  return ok;
}

// Known binary formats by their first bytes, with what to do instead.
struct Signature {
  std::string_view magic;
  const char* what;
  const char* fix;
};

const Signature kSignatures[] = {
    {"%PDF-", "a PDF document", "extract its text first, e.g. with `pdftotext -layout FILE.pdf`"},
    {std::string_view("PK\x03\x04", 4), "a ZIP archive (a .docx, .xlsx or .zip file)",
     "open it and save the disclosure as plain text (UTF-8) first"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "a Microsoft Office document (.doc, .xls or .wps)",
     "open it and save the disclosure as plain text (UTF-8) first"},
    {"{\\rtf", "an RTF document", "open it and save the disclosure as plain text (UTF-8) first"},
    {"\x89PNG\r\n\x1A\n", "a PNG image", "a scanned page has to be turned into text first"},
    {"\xFF\xD8\xFF", "a JPEG image", "a scanned page has to be turned into text first"},
    {"GIF8", "a GIF image", "a scanned page has to be turned into text first"},
    {"\x1F\x8B", "a gzip archive", "unpack it first"},
    {"Rar!\x1A\x07", "a RAR archive", "unpack it first"},
    {"7z\xBC\xAF\x27\x1C", "a 7-Zip archive", "unpack it first"},
    {"\x7F" "ELF", "an executable program", "this is not a disclosure at all"},
};

std::string Hex(std::string_view bytes, size_t offset) {
  std::string out;
  for (size_t k = offset; k < bytes.size() && k < offset + 4; ++k) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%s%02X", out.empty() ? "" : " ",
                  static_cast<unsigned>(static_cast<unsigned char>(bytes[k])));
    out += buf;
  }
  return out;
}

// Counts of the characters of a GB18030 byte string: all multi-byte ones, and those of the
// GB2312 set (rows A1-A9 symbols and punctuation, B0-F7 the 6763 common hanzi), which is what
// Chinese government text is written in. Text in another encoding that happens to convert
// (Big5, Latin-1 read as GBK) lands mostly outside that set.
void CountGb2312(std::string_view bytes, size_t& multibyte, size_t& common) {
  multibyte = common = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t i = 0, n = bytes.size();
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    ++multibyte;
    if (i + 1 < n && p[i + 1] >= 0x30 && p[i + 1] <= 0x39) {  // four-byte sequence
      i += 4;
      continue;
    }
    if (i + 1 < n && ((c >= 0xA1 && c <= 0xA9) || (c >= 0xB0 && c <= 0xF7)) && p[i + 1] >= 0xA1 &&
        p[i + 1] <= 0xFE)
      ++common;
    i += 2;
  }
}

// At least this share of the multi-byte characters of a GB18030 file must be GB2312 ones.
constexpr double kMinCommonShare = 0.9;

// More control characters than this share (and this count) make a text binary data.
constexpr double kMaxControlShare = 0.01;
constexpr size_t kMaxControlsAnyway = 8;

// Below the space but not \t \n \v \f \r (9..13), or DEL. Written without branches, so
// that the count in CheckNotBinary is vectorized.
bool IsControl(unsigned char c) {
  return (c < 9) | (static_cast<unsigned char>(c - 14) < 0x20 - 14) | (c == 0x7F);
}

// Rejects decoded text that holds NUL characters or many other control characters.
bool CheckNotBinary(const std::string& text, const std::string& encoding, DecodeError& error) {
  size_t controls = 0, first = std::string::npos;
  size_t nul = text.find('\0');
  if (nul != std::string::npos) {
    error = {LineOfOffset(text, nul),
             "the file holds NUL characters (the first on this line), so it is binary data, not "
             "text" +
                 std::string(encoding == "UTF-8"
                                 ? " (or UTF-16 without a byte order mark: save it as UTF-8)"
                                 : ""),
             "binary"};
    return false;
  }
  // Counted first, with nothing else in the loop (the compiler vectorizes it): a text has
  // none or a few, and the characters and the first control matter only past the count.
  for (char c : text) controls += IsControl(static_cast<unsigned char>(c));
  if (controls <= kMaxControlsAnyway) return true;
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) ++chars;
    if (IsControl(c) && first == std::string::npos) first = i;
  }
  if (static_cast<double>(controls) > kMaxControlShare * chars) {
    error = {LineOfOffset(text, first),
             std::to_string(controls) + " of its " + std::to_string(chars) +
                 " characters are control characters (the first on this line): this is binary "
                 "data, not text",
             "binary"};
    return false;
  }
  return true;
}

// Decodes `body` (the bytes after a byte order mark) from a Unicode encoding the mark named.
bool DecodeWithBom(std::string_view body, const char* encoding, DecodedText& out,
                   DecodeError& error) {
  size_t stop = 0;
  bool incomplete = false;
  std::string text;
  if (!Convert(encoding, "UTF-8", body, text, stop, incomplete)) {
    int line = LineOfOffset(text, text.size());
    if (incomplete) {
      error = {line,
               std::string("the file ends in the middle of a character (it starts with a ") +
                   encoding + " byte order mark): it was cut off; get the complete file again",
               "truncated"};
    } else {
      error = {line,
               std::string("the file starts with a ") + encoding +
                   " byte order mark but is not valid " + encoding + " (byte offset " +
                   std::to_string(stop) +
                   " after the mark): convert it to UTF-8 first",
               "encoding"};
    }
    return false;
  }
  out.text = std::move(text);
  out.encoding = encoding;
  return CheckNotBinary(out.text, out.encoding, error);
}

// True if `bytes` convert from GB18030, convert back to the same bytes, and are mostly GB2312
// characters; `text` is then the UTF-8. Otherwise `why` says which test failed.
bool ReadsAsGb18030(std::string_view bytes, std::string& text, std::string& why) {
  size_t stop = 0;
  bool incomplete = false;
  std::string back;
  if (!Convert("GB18030", "UTF-8", bytes, text, stop, incomplete)) {
    why = "nor GB18030";
    return false;
  }
  if (!Convert("UTF-8", "GB18030", text, back, stop, incomplete) || back != bytes) {
    why = "nor GB18030 (it does not convert back to the same bytes)";
    return false;
  }
  size_t multibyte = 0, common = 0;
  CountGb2312(bytes, multibyte, common);
  if (multibyte > 0 && static_cast<double>(common) >= kMinCommonShare * multibyte) return true;
  why = "and read as GB18030 only " + std::to_string(common) + " of its " +
        std::to_string(multibyte) +
        " characters are common Chinese ones, so it is not Chinese text in GB18030 either";
  return false;
}

}  // namespace

bool IsValidUtf8(std::string_view s, size_t* bad_offset) {
  size_t offset = 0;
  if (CheckUtf8(s, offset) == Utf8Status::kValid) return true;
  if (bad_offset) *bad_offset = offset;
  return false;
}

namespace {

// Appends well-formed UTF-8 `text`, its control characters escaped (see PrintableName).
void AppendEscapingControls(std::string& out, std::string_view text) {
  char buf[8];
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x85) {  // U+0085 next line
      out += "\\u0085";
      ++i;
    } else if (c == 0xE2 && i + 2 < text.size()) {
      // U+2028, U+2029 (line and paragraph separators), U+202A..U+202E and U+2066..U+2069
      // (bidirectional controls): E2 80 A8..AE and E2 81 A6..A9.
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      const auto c2 = static_cast<unsigned char>(text[i + 2]);
      if ((c1 == 0x80 && c2 >= 0xA8 && c2 <= 0xAE) || (c1 == 0x81 && c2 >= 0xA6 && c2 <= 0xA9)) {
        std::snprintf(buf, sizeof buf, "\\u%04x", 0x2000 + ((c1 & 0x3F) << 6) + (c2 & 0x3F));
        out += buf;
        i += 2;
      } else {
        out += static_cast<char>(c);
      }
    } else {
      out += static_cast<char>(c);
    }
  }
}

}  // namespace

std::string PrintableName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  char buf[8];
  while (true) {
    size_t slash = name.find('/');
    std::string_view part = name.substr(0, slash);
    if (IsValidUtf8(part)) {
      AppendEscapingControls(out, part);
    } else {
      for (char c : part) {
        if (static_cast<unsigned char>(c) < 0x80) {
          AppendEscapingControls(out, std::string_view(&c, 1));
        } else {
          std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
          out += buf;
        }
      }
    }
    if (slash == std::string_view::npos) break;
    out += '/';
    name.remove_prefix(slash + 1);
  }
  return out;
}

int LineOfOffset(std::string_view bytes, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset && i < bytes.size(); ++i) {
    if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.size() || bytes[i + 1] != '\n')))
      ++line;
  }
  return line;
}

bool DecodeText(std::string_view bytes, DecodedText& out, DecodeError& error) {
  out = {};
  error = {};
  for (const auto& sig : kSignatures) {
    if (bytes.substr(0, sig.magic.size()) == sig.magic) {
      error = {0, std::string("the file is ") + sig.what + ", not text: " + sig.fix, "binary"};
      return false;
    }
  }
  // 1. A byte order mark decides. UTF-32LE's mark begins with UTF-16LE's, so it goes first.
  struct Bom {
    std::string_view mark;
    const char* encoding;
  };
  static const Bom kBoms[] = {
      {std::string_view("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
      {std::string_view("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
      {"\xFF\xFE", "UTF-16LE"},
      {"\xFE\xFF", "UTF-16BE"},
      {"\x84\x31\x95\x33", "GB18030"},
  };
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    std::string_view body = bytes.substr(3);
    size_t bad = 0;
    Utf8Status status = CheckUtf8(body, bad);
    if (status != Utf8Status::kValid) {
      int line = LineOfOffset(body, bad);
      if (status == Utf8Status::kIncompleteAtEnd)
        error = {line,
                 "the file ends in the middle of a UTF-8 character: it was cut off; get the "
                 "complete file again",
                 "truncated"};
      else
        error = {line,
                 "the file starts with a UTF-8 byte order mark but is not valid UTF-8 (byte "
                 "offset " + std::to_string(bad + 3) + ": " + Hex(bytes, bad + 3) +
                     "); convert it to UTF-8 first",
                 "encoding"};
      return false;
    }
    out.text = std::string(body);
    out.encoding = "UTF-8";
    return CheckNotBinary(out.text, out.encoding, error);
  }
  for (const auto& bom : kBoms)
    if (bytes.substr(0, bom.mark.size()) == bom.mark)
      return DecodeWithBom(bytes.substr(bom.mark.size()), bom.encoding, out, error);

  // 2. NUL bytes: binary, or UTF-16/32 without a mark; either way not decidable as text.
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    error = {LineOfOffset(bytes, nul),
             "the file holds NUL bytes (the first at byte offset " + std::to_string(nul) +
                 "): it is binary data, or UTF-16 without a byte order mark; save it as UTF-8",
             "binary"};
    return false;
  }

  // 3. Well-formed UTF-8.
  size_t bad = 0;
  Utf8Status status = CheckUtf8(bytes, bad);
  if (status == Utf8Status::kValid) {
    out.text = std::string(bytes);
    out.encoding = "UTF-8";
    return CheckNotBinary(out.text, out.encoding, error);
  }
  if (status == Utf8Status::kIncompleteAtEnd && bad > 0) {
    // Valid UTF-8 up to a character cut off by the end of the file.
    error = {LineOfOffset(bytes, bad),
             "the file ends in the middle of a UTF-8 character (byte offset " +
                 std::to_string(bad) + "): it was cut off; get the complete file again",
             "truncated"};
    return false;
  }

  // 4. GB18030 (and so GBK and GB2312), if it converts, converts back to the same bytes and
  // reads as common Chinese text.
  std::string text, why;
  size_t stop = 0;
  bool incomplete = false;
  int why_line = LineOfOffset(bytes, bad);
  if (!Convert("GB18030", "UTF-8", bytes, text, stop, incomplete)) {
    std::string prefix_text, prefix_why;
    if (incomplete && stop > 0 && ReadsAsGb18030(bytes.substr(0, stop), prefix_text, prefix_why)) {
      error = {LineOfOffset(bytes, stop),
               "the file (GB18030) ends in the middle of a character (byte offset " +
                   std::to_string(stop) + "): it was cut off; get the complete file again",
               "truncated"};
      return false;
    }
    why = "nor GB18030 (" +
          std::string(incomplete ? "it ends in the middle of a character"
                                 : "line " + std::to_string(LineOfOffset(bytes, stop)) +
                                       ", byte offset " + std::to_string(stop) + ": " +
                                       Hex(bytes, stop)) +
          ")";
  } else if (ReadsAsGb18030(bytes, text, why)) {
    out.text = std::move(text);
    out.encoding = "GB18030";
    return CheckNotBinary(out.text, out.encoding, error);
  }
  error = {why_line,
           "the encoding could not be determined: the file is not UTF-8 (byte offset " +
               std::to_string(bad) + ": " + Hex(bytes, bad) + ") " + why +
               "; save it as UTF-8 (or is it not a text file?)",
           "encoding"};
  return false;
}

}  // namespace gongkai::ingest
