// Whole files in and out, for the site stage.
#include "site/files.h"

#include <stdio.h>

#include <algorithm>
#include <fstream>

namespace gongkai::site {

bool ReadWholeFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  // Read straight into `out`, sized from the file where it has a size (a pipe has none): an
  // ostringstream would grow a buffer of its own and copy it out again.
  out.clear();
  const std::streamoff size = in.rdbuf()->pubseekoff(0, std::ios::end, std::ios::in);
  if (size >= 0) {
    if (in.rdbuf()->pubseekpos(0, std::ios::in) != 0) return false;
    out.reserve(size);
  }
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) out.append(buffer, in.gcount());
  return !in.bad();
}

bool WriteWholeFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  out.close();
  return !out.fail();
}

bool WriteFileAtomically(const std::string& path, const std::string& content) {
  const std::string tmp = path + kTempSuffix;
  return WriteWholeFile(tmp, content) && ::rename(tmp.c_str(), path.c_str()) == 0;
}

bool CopyWholeFile(const std::string& from, const std::string& to) {
  std::string bytes;
  return ReadWholeFile(from, bytes) && WriteWholeFile(to, bytes);
}

namespace {

bool Escaped(unsigned char c) { return c < 0x20 || c == '%' || c == 0x7f; }

}  // namespace

// (Both with a fast way for the common line, which has nothing to escape: a marker or a
// manifest has ~150k lines at N = 10,000, and a character appended at a time was most of
// reading and writing them.)
std::string EscapeLine(std::string_view s) {
  std::string out;
  AppendEscapedLine(out, s);
  return out;
}

void AppendEscapedLine(std::string& out, std::string_view s) {
  if (std::none_of(s.begin(), s.end(), [](char c) { return Escaped(static_cast<unsigned char>(c)); })) {
    out.append(s);
    return;
  }
  for (unsigned char c : s) {
    if (Escaped(c)) {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
}

namespace {

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string UnescapeLine(std::string_view s) {
  if (s.find('%') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    int hi = i + 2 < s.size() ? HexDigit(s[i + 1]) : -1;
    int lo = i + 2 < s.size() ? HexDigit(s[i + 2]) : -1;
    if (s[i] == '%' && hi >= 0 && lo >= 0) {
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace gongkai::site
