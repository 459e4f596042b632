// A cross page's key (pages::Page::key) written from the very values its context is made of.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "ingest/sha256.h"
#include "model/disclosure.h"
#include "render/context.h"

namespace gongkai::pages {

/// Writes the values a page shows into a key, for a page family whose rows are listed by one
/// function that passes each value both to the context and, through this, to the key
/// (rules.cc VisitRule, glossary.cc VisitTerm): `key(v1, v2, ...)` appends every value given,
/// so the key holds all that the context reads. Each value is written with its length, so two
/// different lists of values never write the same key. A type it has no overload for does not
/// compile (it is not silently left out). The key is the SHA-256 of what was written, hashed as
/// it is written: a large code page's lists every row it shows (megabytes at N = 10,000, made
/// and copied as one string at every build).
class KeyWriter {
 public:
  template <typename... T>
  void operator()(const T&... values) {
    (Put(values), ...);
    if (key_.size() >= kPiece) Flush();
  }
  /// The key written (hex SHA-256 of the values); the writer is empty after.
  std::string Take() {
    Flush();
    return sha_.HexDigest();
  }

 private:
  // Values are gathered into pieces of about this size before they are hashed (a call into
  // OpenSSL per value of a few bytes would cost more than the hashing).
  static constexpr size_t kPiece = size_t{32} << 10;
  void Flush() {
    sha_.Update(key_);
    key_.clear();
  }

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
  ingest::Sha256 sha_;
};

/// A page's context and its key made by one function that lists what the page shows, for a
/// page family with nested lists (compare.cc, timeline.cc): the function is a template on its
/// sink and calls `sink.Set(field, value)` and `sink.List(field, n, fn)`, where `fn(i, item)`
/// sets the fields of the list's i-th item on `item` (a sink of the same kind). ContextSink
/// builds the Mustache context from the calls, KeySink writes the same calls into a key.
class ContextSink {
 public:
  /// Sets the fields of `ctx` (an object).
  explicit ContextSink(kainjow::mustache::data& ctx) : ctx_(ctx) {}
  void Set(const char* field, std::string value) { ctx_.set(field, std::move(value)); }
  void Set(const char* field, const char* value) { ctx_.set(field, std::string(value)); }
  void Set(const char* field, bool value) { ctx_.set(field, render::Bool(value)); }
  template <typename Fn>
  void List(const char* field, size_t n, Fn fn) {
    kainjow::mustache::list items;
    for (size_t i = 0; i < n; ++i) {
      kainjow::mustache::data item;
      ContextSink sink(item);
      fn(i, sink);
      items.push_back(std::move(item));
    }
    render::Put(ctx_, field, std::move(items));
  }

 private:
  kainjow::mustache::data& ctx_;
};

/// Writes what a ContextSink would set, field names, list lengths and values, into a key.
class KeySink {
 public:
  explicit KeySink(KeyWriter& key) : key_(key) {}
  template <typename T>
  void Set(const char* field, const T& value) {
    key_(field, value);
  }
  template <typename Fn>
  void List(const char* field, size_t n, Fn fn) {
    key_(field, n);
    for (size_t i = 0; i < n; ++i) fn(i, *this);
  }

 private:
  KeyWriter& key_;
};

}  // namespace gongkai::pages
