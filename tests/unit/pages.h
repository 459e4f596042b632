// Records, a paging rule and page keys for the unit tests of the cross pages (pages/: the index,
// the comparison, the code pages, the rules and the glossary).
#pragma once

#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pages/paging.h"
#include "pages/record.h"

namespace gongkai::test {

/// Pointers to `records`, in their order: the list the cross pages are made from.
inline std::vector<const pages::Record*> All(const std::vector<pages::Record>& records) {
  std::vector<const pages::Record*> all;
  for (const auto& r : records) all.push_back(&r);
  return all;
}

/// Departments d00 ... d23 (部门00 ... 部门23) of 2024, with no figures: for the paging tests.
inline std::vector<pages::Record> Departments() {
  std::vector<pages::Record> r(24);
  for (int i = 0; i < 24; ++i) {
    char id[16];  // room for any int: GCC warns of truncation otherwise
    snprintf(id, sizeof id, "d%02d", i);
    r[i].id = id;
    r[i].department.name = std::string("部门") + (id + 1);
    r[i].year = 2024;
  }
  return r;
}

/// Paged above 4 departments; a page begins at an id that hashes (FNV-1a 32) to 0 modulo 8,
/// or after 5 departments. Of d00 ... d23 those ids are d01, d09, d16, d23 (worked out by
/// hand: d00 3, d01 0, d02 1, d03 6, ..., d09 0, ..., d16 0, ..., d23 0).
constexpr pages::Paging kSmall{4, 8, 5};

/// The pages (by name) whose key is not the same in `a` and `b`, or that one has and the other
/// has not.
inline std::set<std::string> Changed(const std::map<std::string, std::string>& a,
                                     const std::map<std::string, std::string>& b) {
  std::set<std::string> out;
  for (const auto& [stem, key] : a)
    if (!b.count(stem) || b.at(stem) != key) out.insert(stem);
  for (const auto& [stem, key] : b)
    if (!a.count(stem)) out.insert(stem);
  return out;
}

}  // namespace gongkai::test
