// Department keys and the alias list (see identity.h).
#include "years/identity.h"

#include <sstream>

#include "ingest/sha256.h"

namespace gongkai::years {

namespace {

model::Diagnostic LineError(int line, std::string message) {
  return {model::Diagnostic::Severity::kError, line, std::move(message), "aliases"};
}

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \r"), e = s.find_last_not_of(" \r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

std::string NormaliseName(const std::string& name) {
  // Code points by hand: the names are short and only these few characters are folded.
  static const std::pair<const char*, const char*> kFold[] = {
      {"\xe3\x80\x80", ""},  // U+3000 ideographic space
      {"\xc2\xa0", ""},      // U+00A0 no-break space
      {"（", "("}, {"）", ")"}, {"０", "0"}, {"１", "1"}, {"２", "2"}, {"３", "3"},
      {"４", "4"}, {"５", "5"}, {"６", "6"}, {"７", "7"}, {"８", "8"}, {"９", "9"}};
  std::string out;
  for (size_t i = 0; i < name.size();) {
    char c = name[i];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    // Every folded character begins with one of these bytes (U+3000 E3, U+00A0 C2, the
    // full-width forms EF): any other is kept without comparing it with each (a build keys
    // every record's department, twice).
    const auto lead = static_cast<unsigned char>(c);
    bool folded = false;
    if (lead == 0xe3 || lead == 0xc2 || lead == 0xef) {
      for (const auto& [from, to] : kFold) {
        size_t n = std::char_traits<char>::length(from);
        if (name.compare(i, n, from) == 0) {
          out += to;
          i += n;
          folded = true;
          break;
        }
      }
    }
    if (!folded) out += name[i++];
  }
  return out;
}

Aliases ParseAliases(const std::string& text, std::vector<model::Diagnostic>& diagnostics) {
  Aliases aliases;
  std::istringstream in(text);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    size_t tab = trimmed.find('\t');
    if (tab == std::string::npos || trimmed.find('\t', tab + 1) != std::string::npos) {
      diagnostics.push_back(LineError(number, "expected two names separated by one tab: "
                                              "other name<TAB>full name, e.g. 省法院<TAB>江苏省高级人民法院"));
      continue;
    }
    std::string alias = NormaliseName(trimmed.substr(0, tab));
    std::string full = NormaliseName(trimmed.substr(tab + 1));
    if (alias.empty() || full.empty()) {
      diagnostics.push_back(
          LineError(number, "a name is empty: expected other name<TAB>full name"));
    } else if (alias == full) {
      diagnostics.push_back(LineError(number, "the name " + alias + " is given as its own alias"));
    } else if (auto it = aliases.full_name.find(alias); it != aliases.full_name.end()) {
      if (it->second != full)
        diagnostics.push_back(LineError(number, "the alias " + alias + " already stands for " +
                                                    it->second + ", not " + full));
    } else if (aliases.full_name.count(full)) {
      diagnostics.push_back(LineError(number, "the full name " + full +
                                                  " is itself an alias; give its own full name"));
    } else {
      aliases.full_name[alias] = full;
    }
  }
  // A line may name as its full name what a later line makes an alias: left out too, so a
  // name never leads through two steps (which a reader of the list would not expect).
  for (auto it = aliases.full_name.begin(); it != aliases.full_name.end();) {
    if (aliases.full_name.count(it->second)) {
      diagnostics.push_back({model::Diagnostic::Severity::kError, 0,
                             "the full name " + it->second + " of " + it->first +
                                 " is itself an alias; give its own full name",
                             "aliases"});
      it = aliases.full_name.erase(it);
    } else {
      ++it;
    }
  }
  return aliases;
}

std::string CanonicalName(const model::Department& department, const Aliases& aliases) {
  std::string name = NormaliseName(department.name);
  auto it = aliases.full_name.find(name);
  return it == aliases.full_name.end() ? name : it->second;
}

std::string DepartmentKey(const model::Department& department, const Aliases& aliases) {
  std::string name = CanonicalName(department, aliases);
  if (name.empty()) return "";
  return "dept-" + ingest::Sha256Hex(name).substr(0, 12);
}

}  // namespace gongkai::years
