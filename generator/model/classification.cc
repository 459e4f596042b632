// The national classification (政府收支分类科目), read from the data lists compiled in from
// generator/data/functional.tsv (see classification_data.h): class (类) names and codes.
#include "model/classification.h"

#include <map>
#include <string_view>
#include <vector>

#include "model/classification_data.h"

namespace gongkai::model {
namespace {

struct Entry {
  std::string code;
  std::string name;
  std::vector<std::string> variants;
};

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    out.emplace_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The rows of a list: `code<TAB>name<TAB>variants` after one header line.
std::vector<Entry> Parse(const char* tsv) {
  std::vector<Entry> out;
  bool header = true;
  for (const std::string& line : Split(tsv, '\n')) {
    if (line.empty()) continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> cells = Split(line, '\t');
    if (cells.size() < 2 || cells[0].empty()) continue;
    Entry e{cells[0], cells[1], {}};
    if (cells.size() > 2 && !cells[2].empty())
      for (auto& v : Split(cells[2], '|'))
        if (!v.empty()) e.variants.push_back(v);
    out.push_back(std::move(e));
  }
  return out;
}

struct Classes {
  std::map<std::string, std::string> name_of;  // 3-digit code -> standard name
  std::map<std::string, std::string> code_of;  // a class's name or variant -> code
};

const Classes& FunctionalClasses() {
  static const Classes classes = [] {
    Classes c;
    for (const auto& e : Parse(kFunctionalTsv)) {
      if (e.code.size() != 3) continue;
      c.name_of[e.code] = e.name;
      c.code_of.emplace(e.name, e.code);
      for (const auto& v : e.variants) c.code_of.emplace(v, e.code);
    }
    return c;
  }();
  return classes;
}

}  // namespace

std::string FunctionalClassCode(const std::string& name) {
  const Classes& c = FunctionalClasses();
  if (auto it = c.code_of.find(name); it != c.code_of.end()) return it->second;
  // "社会保障和就业" where the list has only the name with 支出.
  if (auto it = c.code_of.find(name + "支出"); it != c.code_of.end()) return it->second;
  return "";
}

std::set<std::string> ParentCodes(const std::vector<FunctionalRow>& rows) {
  std::set<std::string> parents;
  for (const auto& r : rows)
    for (size_t len = 1; len < r.code.size(); ++len) parents.insert(r.code.substr(0, len));
  return parents;
}

std::string FunctionalClassName(const std::string& code) {
  const Classes& c = FunctionalClasses();
  auto it = c.name_of.find(code);
  return it == c.name_of.end() ? "" : it->second;
}

}  // namespace gongkai::model
