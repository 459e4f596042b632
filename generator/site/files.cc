// Whole files in and out, for the site stage.
#include "site/files.h"

#include <stdio.h>

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

bool WriteFileAtomically(const std::string& path, const std::string& content) {
  const std::string tmp = path + kTempSuffix;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out) return false;
  }
  return ::rename(tmp.c_str(), path.c_str()) == 0;
}

bool CopyWholeFile(const std::string& from, const std::string& to) {
  std::string bytes;
  if (!ReadWholeFile(from, bytes)) return false;
  std::ofstream out(to, std::ios::binary | std::ios::trunc);
  out << bytes;
  return static_cast<bool>(out);
}

}  // namespace gongkai::site
