// JSON text written as it goes, laid out as nlohmann::json's dump(2) lays out the same document:
// for a document that would otherwise be built as a tree only to be dumped (data/<id>.json).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gongkai::model {

/// Appends one JSON value to `out`: objects and arrays opened and closed in turn, each value
/// after its key. Keys must come in increasing byte order (the order of nlohmann::json's
/// std::map); one out of order throws std::logic_error. A string that is not UTF-8 throws
/// nlohmann::json's own type_error.316, as dump() does.
class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}
  void BeginObject() { Open('{', false); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('[', true); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  void String(std::string_view s);
  void Int(long long n);
  /// As nlohmann::json writes a double: the shortest text that reads back the same; null when
  /// it is not finite.
  void Double(double x);
  void Null();
  void Bool(bool b);
  /// An array of whole numbers.
  void Ints(const std::vector<int>& numbers);
  /// An array of strings.
  void Strings(const std::vector<std::string>& strings);

 private:
  struct Level {
    bool array;
    bool empty = true;
    std::string last_key;
  };
  void BeforeValue();
  void NewLine(size_t depth);
  void Open(char bracket, bool array);
  void Close(char bracket);
  void Escaped(std::string_view s);

  std::string& out_;
  std::vector<Level> levels_;
};

}  // namespace gongkai::model
