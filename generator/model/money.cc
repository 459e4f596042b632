// Money parsing and formatting: exact decimal <-> fen, no floating point.
#include "model/money.h"

#include <cstdlib>

namespace gongkai::model {

std::optional<Money> Money::Parse(std::string_view text, Unit unit) {
  bool negative = false;
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) {
    negative = text[i] == '-';
    ++i;
  }
  int64_t integer = 0;
  int int_digits = 0;
  for (; i < text.size() && text[i] != '.'; ++i) {
    char c = text[i];
    if (c == ',') {
      if (int_digits == 0) return std::nullopt;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    // 10^10 万元 (10^14 元) is beyond any budget; in fen (10^16) even a sum of hundreds of
    // such figures stays within int64.
    if (int_digits >= (unit == Unit::kWanYuan ? 10 : unit == Unit::kQianYuan ? 11 : 14))
      return std::nullopt;
    integer = integer * 10 + (c - '0');
    ++int_digits;
  }
  int64_t fraction = 0;
  int decimals = 0;
  bool had_point = false;
  if (i < text.size() && text[i] == '.') {
    had_point = true;
    for (++i; i < text.size(); ++i) {
      char c = text[i];
      if (c < '0' || c > '9') return std::nullopt;
      fraction = fraction * 10 + (c - '0');
      ++decimals;
      if (decimals > 6) return std::nullopt;
    }
  }
  if (int_digits == 0 && decimals == 0) return std::nullopt;
  if (had_point && decimals == 0) return std::nullopt;
  // Scale to fen: 1 万元 = 10^6 fen (6 decimal places), 1 千元 = 10^5, 1 元 = 10^2.
  int unit_places = unit == Unit::kWanYuan ? 6 : unit == Unit::kQianYuan ? 5 : 2;
  if (decimals > unit_places) return std::nullopt;
  int64_t scale = 1;
  for (int k = 0; k < unit_places; ++k) scale *= 10;
  int64_t frac_scale = 1;
  for (int k = 0; k < unit_places - decimals; ++k) frac_scale *= 10;
  int64_t fen = integer * scale + fraction * frac_scale;
  // Remember the printed precision in 万元 terms: 元 with 2 decimals is 万元 with 6.
  int wan_decimals = unit == Unit::kWanYuan    ? decimals
                     : unit == Unit::kQianYuan ? decimals + 1
                                               : decimals + 4;
  return Money(negative ? -fen : fen, wan_decimals);
}

std::string Money::WanYuan(int min_decimals) const {
  int64_t v = fen_ < 0 ? -fen_ : fen_;
  int64_t whole = v / kFenPerWanYuan;
  int64_t frac = v % kFenPerWanYuan;
  std::string digits = std::to_string(frac);
  digits = std::string(6 - digits.size(), '0') + digits;
  size_t keep = digits.size();
  while (keep > static_cast<size_t>(min_decimals) && digits[keep - 1] == '0') --keep;
  std::string out = (fen_ < 0 ? "-" : "") + std::to_string(whole);
  if (keep > 0) out += "." + digits.substr(0, keep);
  return out;
}

}  // namespace gongkai::model
