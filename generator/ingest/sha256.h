// SHA-256 of a byte string, for the `source.sha256` field.
#pragma once

#include <string>
#include <string_view>

namespace gongkai::ingest {

/// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

/// `bytes` as lower-case hex, two digits a byte.
std::string Hex(std::string_view bytes);

}  // namespace gongkai::ingest
