// A cross page's key (pages::Page::key) written from the very values its context is made of.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/disclosure.h"

namespace gongkai::pages {

/// Writes the values a page shows into a key, for a page family whose rows are listed by one
/// function that passes each value both to the context and, through this, to the key
/// (rules.cc VisitRule, glossary.cc VisitTerm): `key(v1, v2, ...)` appends every value given,
/// so the key holds all that the context reads. Each value is written with its length, so two
/// different lists of values never write the same key. A type it has no overload for does not
/// compile (it is not silently left out).
class KeyWriter {
 public:
  template <typename... T>
  void operator()(const T&... values) {
    (Put(values), ...);
  }
  /// The key written; the writer is empty after.
  std::string Take() { return std::move(key_); }

 private:
  void Put(std::string_view s) {
    Put(static_cast<int64_t>(s.size()));
    key_.append(s);
  }
  void Put(const std::string& s) { Put(std::string_view(s)); }
  void Put(const char* s) { Put(std::string_view(s)); }
  void Put(int64_t n) {
    char buf[24];
    key_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
    key_.push_back('\0');
  }
  void Put(bool b) { Put(static_cast<int64_t>(b)); }
  void Put(int n) { Put(static_cast<int64_t>(n)); }
  void Put(size_t n) { Put(static_cast<int64_t>(n)); }
  void Put(model::Diagnostic::Severity s) { Put(static_cast<int64_t>(s)); }
  void Put(const std::vector<int>& v) {
    Put(v.size());
    for (int n : v) Put(n);
  }

  std::string key_;
};

}  // namespace gongkai::pages
