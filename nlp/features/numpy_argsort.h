#pragma once
// numpy.argsort(kind="quicksort") reproduced step for step, ties included.
//
// numpy's default argsort is an unstable introsort (median-of-3 quicksort, insertion sort below
// 16 elements, heapsort past a depth of 2*log2(n)), so equal keys come out in an order that
// depends on the algorithm. scikit-learn's CountVectorizer(max_features=k) keeps the first k of
// `(-term_frequency).argsort()`, so matching its choice among tied terms means running the same
// algorithm. This is numpy 1.24's generic aquicksort (numpy >= 1.25 may use AVX-512 argsort on
// some CPUs, which orders ties differently).

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace secnlp::nlp {

// Indices that sort `keys` ascending, in exactly numpy 1.24's argsort order. O(n log n).
std::vector<std::size_t> numpy_argsort(std::span<const std::int64_t> keys);

}  // namespace secnlp::nlp
