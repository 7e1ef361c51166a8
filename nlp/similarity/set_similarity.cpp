#include "nlp/similarity/set_similarity.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "common/error.h"

namespace secnlp::nlp {
namespace {

void check_shape(SparseView v, const char* what) {
  if (v.ids.size() != v.values.size()) {
    throw Error(ErrorCode::kInvalidArgument,
                std::string(what) + ": sparse vector has ids and values of different lengths");
  }
}

[[noreturn]] void unsorted(const char* what) {
  throw Error(ErrorCode::kInvalidArgument,
              std::string(what) + ": sparse vector ids are not strictly increasing");
}

// Calls f(id, a_value, b_value) for every id in the union of both id lists, in increasing order
// (0 for the side where the id is absent), checking the ordering invariant as it goes.
template <typename F>
void merge_walk(SparseView a, SparseView b, const char* what, F&& f) {
  check_shape(a, what);
  check_shape(b, what);
  std::size_t i = 0;
  std::size_t j = 0;
  const std::size_t na = a.ids.size();
  const std::size_t nb = b.ids.size();
  while (i < na || j < nb) {
    if (i > 0 && i < na && a.ids[i] <= a.ids[i - 1]) unsorted(what);
    if (j > 0 && j < nb && b.ids[j] <= b.ids[j - 1]) unsorted(what);
    if (j == nb || (i < na && a.ids[i] < b.ids[j])) {
      f(a.ids[i], a.values[i], 0.0);
      ++i;
    } else if (i == na || b.ids[j] < a.ids[i]) {
      f(b.ids[j], 0.0, b.values[j]);
      ++j;
    } else {
      f(a.ids[i], a.values[i], b.values[j]);
      ++i;
      ++j;
    }
  }
}

}  // namespace

double jaccard(SparseView a, SparseView b) {
  std::size_t both = 0;
  std::size_t either = 0;
  merge_walk(a, b, "jaccard", [&](std::uint32_t, double x, double y) {
    const bool in_a = x != 0.0;
    const bool in_b = y != 0.0;
    both += static_cast<std::size_t>(in_a && in_b);
    either += static_cast<std::size_t>(in_a || in_b);
  });
  return either == 0 ? 0.0 : static_cast<double>(both) / static_cast<double>(either);
}

double weighted_jaccard(SparseView a, SparseView b) {
  double mins = 0.0;
  double maxs = 0.0;
  merge_walk(a, b, "weighted_jaccard", [&](std::uint32_t, double x, double y) {
    if (x < 0.0 || y < 0.0) {
      throw Error(ErrorCode::kInvalidArgument, "weighted_jaccard: negative weight");
    }
    mins += std::min(x, y);
    maxs += std::max(x, y);
  });
  return maxs == 0.0 ? 0.0 : mins / maxs;
}

double binary_match_ratio(SparseView a, SparseView b, std::size_t vocabulary_size) {
  if (vocabulary_size == 0) {
    throw Error(ErrorCode::kInvalidArgument, "binary_match_ratio: vocabulary_size is 0");
  }
  std::size_t differ = 0;
  merge_walk(a, b, "binary_match_ratio", [&](std::uint32_t id, double x, double y) {
    if (id >= vocabulary_size) {
      throw Error(ErrorCode::kInvalidArgument, "binary_match_ratio: id " + std::to_string(id) +
                                                   " >= vocabulary_size " +
                                                   std::to_string(vocabulary_size));
    }
    differ += static_cast<std::size_t>((x != 0.0) != (y != 0.0));
  });
  return static_cast<double>(vocabulary_size - differ) / static_cast<double>(vocabulary_size);
}

}  // namespace secnlp::nlp
