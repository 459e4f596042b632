// Deciding the encoding of a file's bytes and converting them to UTF-8, never by guessing.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gongkai::ingest {

/// Text converted to UTF-8, and the name of the encoding it was read in.
struct DecodedText {
  std::string text;      ///< UTF-8, without a byte order mark; line ends as in the file
  std::string encoding;  ///< "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"
};

/// Why bytes could not be decoded: the 1-based line (0 if none), a message saying what is
/// wrong and how to fix it, and a rule id ("encoding", "binary", "truncated").
struct DecodeError {
  int line = 0;
  std::string message;
  std::string rule;
};

/// Decides the encoding of `bytes` and converts them to UTF-8. In order: a byte order mark
/// (UTF-8, UTF-16, UTF-32, GB18030); well-formed UTF-8; GB18030 that converts back to the
/// same bytes and reads as common Chinese text. Anything else is an error, never a guess:
/// a known binary format (PDF, Office, ZIP, images), NUL bytes, a file cut off in the middle
/// of a character, or bytes that are neither UTF-8 nor GB18030. The conversion keeps every
/// line end, so line numbers of the text are those of the file.
bool DecodeText(std::string_view bytes, DecodedText& out, DecodeError& error);

/// True if `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past
/// U+10FFFF); sets `bad_offset` to the first bad byte otherwise.
bool IsValidUtf8(std::string_view s, size_t* bad_offset = nullptr);

/// A name of the file system (bytes, in no particular encoding) as text to show: valid UTF-8 on
/// one line. A component of the path that is not well-formed UTF-8 (a GBK name from a Windows
/// zip) has every byte outside ASCII shown as `\xNN` (南充.txt in GBK: `\xc4\xcf\xb3\xe4.txt`),
/// not as the characters some of its byte pairs happen to make in UTF-8; a control character
/// is shown as `\n`, `\r`, `\t` or `\xNN`, and
/// the invisible ones that move text (U+0085, U+2028, U+2029, the bidirectional controls) as
/// `\uNNNN`, so a diagnostic stays on its line and reads as the file is named. A backslash
/// is shown as it is, so a shown name shows the same again (the function is idempotent); the
/// original bytes are kept wherever a file is opened.
std::string PrintableName(std::string_view name);

/// The 1-based line of byte `offset` in single-byte-line-end text (UTF-8 or GB18030): LF,
/// CRLF and a lone CR each end one line.
int LineOfOffset(std::string_view bytes, size_t offset);

}  // namespace gongkai::ingest
