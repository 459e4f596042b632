// The pool of Interned strings.
#include "pages/interned.h"

#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace gongkai::pages {

namespace {

// One part of the pool, by the string's hash: records are read on every core, and a string
// looked up takes only its part's lock.
struct Part {
  std::mutex mutex;
  std::unordered_map<std::string_view, std::unique_ptr<const std::string>> strings;  // keys: into the values
};
constexpr size_t kParts = 64;

}  // namespace

const std::string* Interned::Find(std::string_view s) {
  // Never freed: records are left to the OS at the end of a build (site/build.cc LeaveToOs),
  // and a pool destroyed before them would leave them pointing nowhere. Held from a static
  // pointer, so a leak checker does not report it.
  static Part* const parts = new Part[kParts];
  static const std::string* const empty = new std::string();
  if (s.empty()) return empty;
  Part& part = parts[std::hash<std::string_view>{}(s) % kParts];
  std::lock_guard<std::mutex> lock(part.mutex);
  auto it = part.strings.find(s);
  if (it != part.strings.end()) return it->second.get();
  auto owned = std::make_unique<const std::string>(s);
  const std::string* kept = owned.get();
  part.strings.emplace(std::string_view(*kept), std::move(owned));
  return kept;
}

}  // namespace gongkai::pages
