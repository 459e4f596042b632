// A small deterministic random number generator (SplitMix64), the same on every platform and
// standard library, so a corpus seed always yields the same bytes.
#pragma once

#include <cstdint>
#include <vector>

namespace gongkai::corpus {

/// SplitMix64 (Steele, Lea, Flood 2014). Not for cryptography.
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}

  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }

  /// A number in [0, n); n > 0. (The modulo bias, below 2^-40 for the small n used here, does
  /// not matter for a test corpus; what matters is that it is the same everywhere.)
  uint64_t Below(uint64_t n) { return Next() % n; }

  /// A number in [lo, hi].
  int Between(int lo, int hi) { return lo + static_cast<int>(Below(static_cast<uint64_t>(hi - lo + 1))); }

  template <typename T>
  const T& Pick(const std::vector<T>& v) { return v[Below(v.size())]; }

 private:
  uint64_t state_;
};

/// The seed of document `index` of the corpus seeded with `seed`: independent of how many
/// documents the corpus has, so a corpus of 1,000 is the first 1,000 of a corpus of 10,000.
inline uint64_t DocumentSeed(uint64_t seed, uint64_t index) {
  Random r(seed ^ (index * 0xD1B54A32D192ED03ull));
  r.Next();
  return r.Next();
}

}  // namespace gongkai::corpus
