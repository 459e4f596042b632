// JsonWriter (see json_writer.h). Written here because nlohmann::json writes only a tree it
// holds; the numbers are written by nlohmann's own conversion, so they are its bytes.
#include "model/json_writer.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "ingest/encoding.h"

namespace gongkai::model {

void JsonWriter::NewLine(size_t depth) {
  out_ += '\n';
  out_.append(2 * depth, ' ');
}

// A value in an array starts a line of its own; one in an object follows its key.
void JsonWriter::BeforeValue() {
  if (levels_.empty() || !levels_.back().array) return;
  if (!levels_.back().empty) out_ += ',';
  levels_.back().empty = false;
  NewLine(levels_.size());
}

void JsonWriter::Open(char bracket, bool array) {
  BeforeValue();
  out_ += bracket;
  levels_.push_back({array, true, {}});
}

void JsonWriter::Close(char bracket) {
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty) NewLine(levels_.size());
  out_ += bracket;
}

void JsonWriter::Key(std::string_view key) {
  Level& level = levels_.back();
  if (!level.empty && key <= level.last_key)
    throw std::logic_error("JSON key \"" + std::string(key) + "\" after \"" + level.last_key + "\"");
  if (!level.empty) out_ += ',';
  level.empty = false;
  level.last_key = key;
  NewLine(levels_.size());
  Escaped(key);
  out_ += ": ";
}

// As nlohmann's serializer escapes without ensure_ascii: quote, backslash and the control
// characters; UTF-8 as it is.
void JsonWriter::Escaped(std::string_view s) {
  if (!ingest::IsValidUtf8(s)) (void)nlohmann::json(std::string(s)).dump();  // throws 316
  out_ += '"';
  size_t plain = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(s, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\t': out_ += "\\t"; break;
      case '\n': out_ += "\\n"; break;
      case '\f': out_ += "\\f"; break;
      case '\r': out_ += "\\r"; break;
      default: {
        static const char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 15];
      }
    }
  }
  out_.append(s, plain, s.size() - plain);
  out_ += '"';
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  Escaped(s);
}

void JsonWriter::Int(long long n) {
  BeforeValue();
  char buf[24];
  out_.append(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

void JsonWriter::Double(double x) {
  if (!std::isfinite(x)) return Null();
  BeforeValue();
  char buf[64];
  out_.append(buf, nlohmann::detail::to_chars(buf, buf + sizeof buf, x));
}

void JsonWriter::Null() {
  BeforeValue();
  out_ += "null";
}

void JsonWriter::Bool(bool b) {
  BeforeValue();
  out_ += b ? "true" : "false";
}

void JsonWriter::Ints(const std::vector<int>& numbers) {
  BeginArray();
  for (int n : numbers) Int(n);
  EndArray();
}

void JsonWriter::Strings(const std::vector<std::string>& strings) {
  BeginArray();
  for (const auto& s : strings) String(s);
  EndArray();
}

}  // namespace gongkai::model
