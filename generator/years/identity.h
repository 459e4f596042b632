// One department across the years: its stable key, from its normalised name and an alias list.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model/disclosure.h"

namespace gongkai::years {

/// A publisher's list of other names for departments (content/aliases.tsv): each line
/// `other name<TAB>full name` (江苏省法院	江苏省高级人民法院); `#` starts a comment, blank lines
/// are skipped. Names are compared after NormaliseName.
struct Aliases {
  std::map<std::string, std::string> full_name;  ///< normalised other name -> normalised full name
};

/// The file name of the alias list in a content folder.
inline constexpr const char* kAliasesFile = "aliases.tsv";

/// Reads an alias list. A bad line (not two names separated by one tab, a name that is its own
/// alias, an alias given two full names, or a full name that is itself an alias) is left out
/// with a diagnostic naming its line; the other lines are kept.
Aliases ParseAliases(const std::string& text, std::vector<model::Diagnostic>& diagnostics);

/// A name as compared across years: white space (ASCII, U+3000 and no-break space) removed,
/// full-width brackets and digits as ASCII (江苏省 政协办公厅（机关） -> 江苏省政协办公厅(机关)).
std::string NormaliseName(const std::string& name);

/// The department's full name across years: its normalised name, or the full name the alias
/// list gives for it. Empty when the document states no name.
std::string CanonicalName(const model::Department& department, const Aliases& aliases);

/// The stable key of a department: "dept-" and the first 12 hex digits of the SHA-256 of its
/// canonical name (which begins with its region: 江苏省政协办公厅), so it is the same in every
/// build, for every year, whatever the file is called; an ASCII slug, safe as a folder name.
/// Empty when the document states no name.
std::string DepartmentKey(const model::Department& department, const Aliases& aliases);

}  // namespace gongkai::years
