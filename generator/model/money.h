// Money: an exact fixed-point amount, stored as an integer count of 0.01 元 (fen).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai::model {

/// The unit a table states its figures in. Everything is converted to fen on parsing.
enum class Unit { kYuan, kQianYuan, kWanYuan };

/// An exact amount of money. Never a double: the value is an integer number of fen
/// (0.01 元), so 1 万元 is 1,000,000 fen. `decimals_` remembers how many decimal places
/// the document printed (in the unit it printed), which the rounding policy needs.
class Money {
 public:
  Money() = default;
  static Money FromFen(int64_t fen, int decimals = 2) { return Money(fen, decimals); }

  /// Parses a figure as printed ("3,688.46", "431.1", "96", "-223.4", "0.00") in `unit`.
  /// Returns nullopt for anything that is not a plain decimal number, and for a value with
  /// more decimals than the unit can hold exactly in fen (more than 6 in 万元, 5 in 千元, 2
  /// in 元).
  static std::optional<Money> Parse(std::string_view text, Unit unit = Unit::kWanYuan);

  int64_t fen() const { return fen_; }
  int decimals() const { return decimals_; }
  bool IsZero() const { return fen_ == 0; }

  /// The amount in 万元 as a decimal string with at least `min_decimals` places and no
  /// trailing zeros beyond that: 4,312,000 fen -> "4.312", with min 2 -> "4.312".
  std::string WanYuan(int min_decimals = 2) const;

  Money operator+(Money o) const { return Money(fen_ + o.fen_, Max(decimals_, o.decimals_)); }
  Money operator-(Money o) const { return Money(fen_ - o.fen_, Max(decimals_, o.decimals_)); }
  Money& operator+=(Money o) { *this = *this + o; return *this; }
  bool operator==(Money o) const { return fen_ == o.fen_; }
  bool operator!=(Money o) const { return fen_ != o.fen_; }
  bool operator<(Money o) const { return fen_ < o.fen_; }

 private:
  Money(int64_t fen, int decimals) : fen_(fen), decimals_(decimals) {}
  static int Max(int a, int b) { return a > b ? a : b; }
  int64_t fen_ = 0;
  int decimals_ = 2;
};

/// fen in one 万元.
inline constexpr int64_t kFenPerWanYuan = 1000000;

}  // namespace gongkai::model
