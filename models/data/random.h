#pragma once
// The one random number generator of models/: SplitMix64 (Steele, Lea & Flood 2014), with an
// unbiased bounded integer, a uniform double and a Fisher-Yates shuffle on top.
//
// Why not <random>: std::shuffle and the std distributions are implementation-defined, so the
// same seed gives different splits and batch orders with libstdc++ and libc++. Everything here
// is specified bit for bit (64-bit unsigned arithmetic only), so a seed means the same thing on
// every platform and compiler. Not cryptographic. An Rng is a small value (8 bytes); give each
// thread its own.

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace secnlp::models {

class Rng {
 public:
  explicit Rng(std::uint64_t seed) noexcept : state_(seed) {}

  // The next 64 random bits (SplitMix64). O(1).
  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

  // A uniform integer in [0, bound), without modulo bias: draws below 2^64 mod bound are
  // rejected (OpenBSD arc4random_uniform). `bound` 0 or 1 returns 0 without drawing.
  std::uint64_t uniform(std::uint64_t bound) noexcept {
    if (bound <= 1) return 0;
    const std::uint64_t threshold = (0 - bound) % bound;  // 2^64 mod bound
    for (;;) {
      const std::uint64_t r = next();
      if (r >= threshold) return r % bound;
    }
  }

  // A uniform double in [0, 1): the top 53 bits of one draw times 2^-53.
  double uniform_double() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

 private:
  std::uint64_t state_;
};

// Shuffles `items` in place (Fisher-Yates, from the back: for i = n-1 .. 1 swap items[i] with
// items[rng.uniform(i + 1)]). Draws n-1 numbers. Deterministic for a given Rng state.
template <typename T>
void shuffle(std::span<T> items, Rng& rng) noexcept {
  for (std::size_t i = items.size(); i > 1; --i) {
    const auto j = static_cast<std::size_t>(rng.uniform(i));
    using std::swap;
    swap(items[i - 1], items[j]);
  }
}

// Same, for a whole vector.
template <typename T>
void shuffle(std::vector<T>& items, Rng& rng) noexcept {
  shuffle(std::span<T>(items), rng);
}

}  // namespace secnlp::models
