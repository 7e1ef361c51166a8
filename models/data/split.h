#pragma once
// Seeded train/validation/test splits of labelled rows, and down-sampling of a dominant class.
// Deterministic across platforms and compilers: all randomness comes from models::Rng
// (random.h), never from <random>.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace secnlp::models {

struct SplitOptions {
  double train = 0.8;
  double validation = 0.1;
  double test = 0.1;
  std::uint64_t seed = 42;
  bool stratified = true;  // split each class separately, so every split keeps the class mix
};

// Row indices (positions in the labels given to split_indices).
struct Split {
  std::vector<std::size_t> train, validation, test;
};

// Splits rows 0 .. labels.size()-1. One Rng(seed) is used throughout: for each class in
// ascending label order (all rows as one class when not stratified), the class' rows, in
// ascending order, are shuffled (Fisher-Yates); the first round(n * train) go to train, the
// next round(n * validation) (capped at what is left) to validation, the rest to test
// (round: half away from zero). Then train, validation and test are each shuffled, in that
// order. Every row lands in exactly one split. Throws Error(kInvalidArgument) when a fraction
// is negative or not finite, or the three do not sum to 1 (within 1e-9). O(n log n).
Split split_indices(std::span<const int> labels, const SplitOptions& options);

// Down-samples the dominant class among `rows` (indices into `labels`): when its count
// exceeds floor(max_ratio x the count of the second-largest class), a seeded uniform random
// subset of that many of its rows is kept (Rng(seed), Fisher-Yates over its rows in their
// order in `rows`). Ties for the dominant class go to the smallest label. Rows of other
// classes are all kept; with fewer than two classes nothing is dropped. Returns the kept rows
// in their order in `rows`. Throws Error(kInvalidArgument) when max_ratio is not a finite
// number > 0 or a row is outside labels. O(rows log rows).
std::vector<std::size_t> downsample_majority(std::span<const int> labels,
                                             std::span<const std::size_t> rows, double max_ratio,
                                             std::uint64_t seed);

}  // namespace secnlp::models
