// Rounding policy arithmetic.
#include "checks/rounding.h"

#include <cstdlib>

namespace gongkai::checks {

namespace {
__extension__ using Int128 = __int128;  // part × 100 × 10^d overflows 64 bits for large d
}  // namespace

int64_t UnitFen(const model::Money& m) {
  int decimals = m.decimals() < 2 ? 2 : m.decimals();
  if (decimals > 6) decimals = 6;
  int64_t unit = 1;
  for (int i = 0; i < 6 - decimals; ++i) unit *= 10;  // fen per unit of the last digit
  return unit;
}

int64_t HalfUnitFen(const model::Money& m) {
  int64_t unit = UnitFen(m);
  return unit / 2 == 0 ? 1 : unit / 2;
}

int64_t ToleranceFen(const std::vector<model::Money>& figures) {
  int64_t units = 0;
  for (const auto& f : figures) units += UnitFen(f);
  return units / 2;  // Σ half-units, rounded down to whole fen
}

int64_t ToleranceFen(std::initializer_list<model::Money> figures) {
  return ToleranceFen(std::vector<model::Money>(figures));
}

Agreement Compare(const model::Money& expected, const model::Money& actual, int64_t tolerance_fen) {
  int64_t diff = std::llabs(expected.fen() - actual.fen());
  if (diff == 0) return Agreement::kExact;
  return diff <= tolerance_fen ? Agreement::kWithinRounding : Agreement::kBeyondRounding;
}

int64_t PercentScaled(const model::Money& part, const model::Money& whole, int decimals) {
  // part/whole × 100 × 10^d, half up: (2·part·100·10^d + whole) / (2·whole), on magnitudes.
  Int128 scale = 100;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  Int128 p = part.fen() < 0 ? -static_cast<Int128>(part.fen()) : part.fen();
  Int128 w = whole.fen() < 0 ? -static_cast<Int128>(whole.fen()) : whole.fen();
  Int128 v = (2 * p * scale + w) / (2 * w);
  return static_cast<int64_t>(v);
}

std::string FormatScaled(int64_t scaled, int decimals) {
  std::string digits = std::to_string(scaled < 0 ? -scaled : scaled);
  if (decimals > 0) {
    if (digits.size() <= static_cast<size_t>(decimals))
      digits = std::string(decimals + 1 - digits.size(), '0') + digits;
    digits.insert(digits.size() - decimals, ".");
  }
  return (scaled < 0 ? "-" : "") + digits;
}

}  // namespace gongkai::checks
