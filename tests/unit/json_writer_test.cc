// Unit tests for the JSON written as it goes (model/json_writer.h, model/json.h): the layout
// and escaping worked out by hand, and every content/ document laid out byte for byte as
// nlohmann::json dumps the same value.
#include <doctest/doctest.h>

#include <boost/filesystem.hpp>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "model/json.h"
#include "model/json_writer.h"
#include "pipeline/process.h"

using gongkai::model::JsonWriter;

TEST_SUITE("model") {

TEST_CASE("the JSON writer lays out objects and arrays as dump(2) does, empty ones on one line") {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  w.Int(1);
  w.BeginObject();
  w.EndObject();
  w.BeginArray();
  w.EndArray();
  w.Null();
  w.EndArray();
  w.Key("b");
  w.BeginObject();
  w.Key("x");
  w.Bool(true);
  w.Key("y");
  w.Ints({3, -4});
  w.EndObject();
  w.EndObject();
  CHECK(out ==
        "{\n"
        "  \"a\": [\n"
        "    1,\n"
        "    {},\n"
        "    [],\n"
        "    null\n"
        "  ],\n"
        "  \"b\": {\n"
        "    \"x\": true,\n"
        "    \"y\": [\n"
        "      3,\n"
        "      -4\n"
        "    ]\n"
        "  }\n"
        "}");
  CHECK(nlohmann::json::parse(out).dump(2) == out);
}

TEST_CASE("the JSON writer escapes quotes, backslashes and control characters, and keeps UTF-8") {
  std::string out;
  JsonWriter w(out);
  w.String("第 \"3\" 行\\\t\n\x01\x7f");
  CHECK(out == "\"第 \\\"3\\\" 行\\\\\\t\\n\\u0001\x7f\"");
  CHECK(nlohmann::json("第 \"3\" 行\\\t\n\x01\x7f").dump() == out);
  std::string bad;
  JsonWriter b(bad);
  CHECK_THROWS_AS(b.String("\xff"), nlohmann::json::type_error);
}

TEST_CASE("the JSON writer writes a double as nlohmann::json does: shortest, with .0, null if not finite") {
  std::string out;
  JsonWriter w(out);
  w.BeginArray();
  for (double x : {4422.4, 8.0, 0.000001, 1e21, -0.5, 123456789012.34}) w.Double(x);
  w.Double(1.0 / 0.0);
  w.EndArray();
  CHECK(out ==
        "[\n  4422.4,\n  8.0,\n  1e-06,\n  1e+21,\n  -0.5,\n  123456789012.34,\n  null\n]");
}

TEST_CASE("the JSON writer refuses a key out of byte order: the tree it stands for would sort it") {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("metric_lines");
  w.Null();
  CHECK_THROWS_AS(w.Key("metric"), std::logic_error);
  CHECK_NOTHROW(w.Key("metrics"));
}

TEST_CASE("every content/ document's JSON is laid out as nlohmann::json dumps its value") {
  namespace fs = boost::filesystem;
  size_t documents = 0;
  for (fs::directory_iterator it(std::string(GONGKAI_SOURCE_DIR) + "/content"), end; it != end;
       ++it) {
    const auto p = gongkai::pipeline::Process(it->path().string());
    if (p.Failed()) continue;
    CAPTURE(it->path().string());
    const std::string text = gongkai::model::DisclosureJson(p.disclosure);
    CHECK(nlohmann::json::parse(text).dump(2) == text);
    ++documents;
  }
  CHECK(documents >= 8);
}

}  // TEST_SUITE
