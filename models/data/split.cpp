#include "models/data/split.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

#include "common/error.h"
#include "models/data/random.h"

namespace secnlp::models {

Split split_indices(std::span<const int> labels, const SplitOptions& options) {
  const double fractions[] = {options.train, options.validation, options.test};
  for (const double f : fractions) {
    if (!std::isfinite(f) || f < 0.0)
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("split fractions must be finite and >= 0, not {}/{}/{}",
                              options.train, options.validation, options.test));
  }
  if (std::abs(options.train + options.validation + options.test - 1.0) > 1e-9)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("split fractions must sum to 1, not {}/{}/{}", options.train,
                            options.validation, options.test));

  std::map<int, std::vector<std::size_t>> classes;  // ascending labels, rows ascending
  for (std::size_t i = 0; i < labels.size(); ++i)
    classes[options.stratified ? labels[i] : 0].push_back(i);

  Rng rng(options.seed);
  Split split;
  for (auto& [label, rows] : classes) {
    shuffle(rows, rng);
    const std::size_t n = rows.size();
    const auto part = [n](double fraction) {
      return std::min(n, static_cast<std::size_t>(std::llround(static_cast<double>(n) * fraction)));
    };
    const std::size_t n_train = part(options.train);
    const std::size_t n_validation = std::min(n - n_train, part(options.validation));
    const auto begin = rows.begin();
    split.train.insert(split.train.end(), begin, begin + static_cast<std::ptrdiff_t>(n_train));
    split.validation.insert(split.validation.end(), begin + static_cast<std::ptrdiff_t>(n_train),
                            begin + static_cast<std::ptrdiff_t>(n_train + n_validation));
    split.test.insert(split.test.end(), begin + static_cast<std::ptrdiff_t>(n_train + n_validation),
                      rows.end());
  }
  shuffle(split.train, rng);
  shuffle(split.validation, rng);
  shuffle(split.test, rng);
  return split;
}

std::vector<std::size_t> downsample_majority(std::span<const int> labels,
                                             std::span<const std::size_t> rows, double max_ratio,
                                             std::uint64_t seed) {
  if (!std::isfinite(max_ratio) || max_ratio <= 0.0)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("down-sampling ratio must be a number > 0, not {}", max_ratio));
  std::map<int, std::size_t> counts;
  for (const std::size_t row : rows) {
    if (row >= labels.size())
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("down-sampling: row {} outside {} labels", row, labels.size()));
    ++counts[labels[row]];
  }
  std::vector<std::size_t> kept(rows.begin(), rows.end());
  if (counts.size() < 2) return kept;

  int dominant = 0;
  std::size_t largest = 0;
  std::size_t second = 0;
  for (const auto& [label, count] : counts) {  // ascending labels: ties keep the smallest
    if (count > largest) {
      second = largest;
      largest = count;
      dominant = label;
    } else if (count > second) {
      second = count;
    }
  }
  const double cap_real = std::floor(max_ratio * static_cast<double>(second));
  if (cap_real >= static_cast<double>(largest)) return kept;
  const auto cap = static_cast<std::size_t>(cap_real);

  std::vector<std::size_t> positions;  // positions in `rows` of the dominant class
  positions.reserve(largest);
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (labels[rows[i]] == dominant) positions.push_back(i);
  Rng rng(seed);
  shuffle(positions, rng);
  std::vector<bool> drop(rows.size(), false);
  for (std::size_t i = cap; i < positions.size(); ++i)
    drop[positions[i]] = true;
  kept.clear();
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!drop[i]) kept.push_back(rows[i]);
  return kept;
}

}  // namespace secnlp::models
