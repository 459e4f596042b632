// Lines of tab-separated fields, the form of the files gongkai keeps for its next build (the
// site cache's manifest, the search index's state): read with these rather than JSON, which
// parsed and built a tree of every input at N = 10,000.
#pragma once

#include <charconv>
#include <string_view>
#include <system_error>
#include <vector>

namespace gongkai::model {

/// The fields of `line`, split at tabs (one field when it holds no tab).
inline std::vector<std::string_view> TabFields(std::string_view line) {
  std::vector<std::string_view> fields;
  for (size_t from = 0;;) {
    const size_t tab = line.find('\t', from);
    fields.push_back(line.substr(from, tab == std::string_view::npos ? tab : tab - from));
    if (tab == std::string_view::npos) return fields;
    from = tab + 1;
  }
}

/// Reads `field` as a whole decimal number into `value`; false for anything else (empty, a
/// sign where T has none, trailing bytes, out of range).
template <typename T>
bool WholeNumber(std::string_view field, T& value) {
  const auto [end, error] = std::from_chars(field.data(), field.data() + field.size(), value);
  return error == std::errc() && end == field.data() + field.size();
}

}  // namespace gongkai::model
