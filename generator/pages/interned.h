// A string that many records hold alike — a classification row's code and name — kept once for
// the process, each record holding a pointer to it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gongkai::pages {

/// An immutable string from the process's pool: equal strings are one copy, and an Interned is
/// a pointer (8 bytes, where a std::string is 32 and, past 15 bytes, a block of the heap). A
/// record keeps ~40 rows (N = 10,000: ~400,000), whose codes and names are a few hundred
/// distinct strings: held as strings, they were a third of the records' memory, and memory a
/// build touches for the first time is most of an edit's system time on this machine (README,
/// Benchmark). The pool only grows (what it holds is what the records of one process use);
/// safe to use on every thread.
class Interned {
 public:
  Interned() : s_(Find(std::string_view())) {}
  Interned(std::string_view s) : s_(Find(s)) {}          // NOLINT(google-explicit-constructor)
  Interned(const std::string& s) : s_(Find(s)) {}        // NOLINT(google-explicit-constructor)
  Interned(const char* s) : s_(Find(s)) {}               // NOLINT(google-explicit-constructor)
  operator const std::string&() const { return *s_; }  // NOLINT(google-explicit-constructor)
  const std::string& str() const { return *s_; }
  bool empty() const { return s_->empty(); }
  size_t size() const { return s_->size(); }

  // One copy per string: equal strings, equal pointers.
  friend bool operator==(const Interned& a, const Interned& b) { return a.s_ == b.s_; }
  friend bool operator!=(const Interned& a, const Interned& b) { return a.s_ != b.s_; }
  friend bool operator<(const Interned& a, const Interned& b) { return *a.s_ < *b.s_; }
  friend bool operator==(const Interned& a, const std::string& b) { return *a.s_ == b; }
  friend bool operator==(const std::string& a, const Interned& b) { return a == *b.s_; }
  friend bool operator!=(const Interned& a, const std::string& b) { return *a.s_ != b; }
  friend bool operator!=(const std::string& a, const Interned& b) { return a != *b.s_; }
  friend bool operator==(const Interned& a, const char* b) { return *a.s_ == b; }
  friend bool operator!=(const Interned& a, const char* b) { return *a.s_ != b; }

 private:
  static const std::string* Find(std::string_view s);
  const std::string* s_;
};

}  // namespace gongkai::pages
