// Whole files in and out, for the site stage.
#include "site/files.h"

#include <fstream>
#include <sstream>

namespace gongkai::site {

bool ReadWholeFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  out = bytes.str();
  return !in.bad();
}

}  // namespace gongkai::site
