// SHA-256 of a byte string, for the `source.sha256` field.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::ingest {

/// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

/// SHA-256 of bytes given piece by piece: Sha256Hex of their concatenation, without holding
/// it (a cross page's key lists every row the page shows: megabytes for a large code page).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  /// Adds `data` to the bytes hashed.
  void Update(std::string_view data);
  /// Lower-case hex SHA-256 of every byte added; the hasher starts again empty after.
  std::string HexDigest();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

/// Lower-case hex SHA-256 of `pieces` one after the other (a file written from pieces:
/// site::Pieces), without joining them.
std::string Sha256Hex(const std::vector<std::string_view>& pieces);

/// `bytes` as lower-case hex, two digits a byte.
std::string Hex(std::string_view bytes);

}  // namespace gongkai::ingest
