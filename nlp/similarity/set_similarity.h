#pragma once
// Set-overlap similarities of two sparse count vectors (nlp/features/sparse.h), as used to score
// how much a filing changed from the previous year (Cohen, Malloy & Nguyen, "Lazy Prices", 2020:
// Sim_Jaccard). Cosine similarity is nlp::cosine_similarity in sparse.h; it is not repeated here.
//
// Every function walks both vectors once: O(|a| + |b|), no allocation. Inputs must satisfy the
// SparseView invariants (ids strictly increasing, as many values as ids); a violation throws
// secnlp::Error(kInvalidArgument). A stored value of 0 counts as absent.

#include <cstddef>

#include "nlp/features/sparse.h"

namespace secnlp::nlp {

// Jaccard index |A ∩ B| / |A ∪ B| of the sets of ids with a non-zero value. Both sets empty
// gives 0 (no evidence of similarity; sklearn's jaccard_score warns and returns 0 too, with
// zero_division="warn"). Equals sklearn.metrics.jaccard_score on the binarised dense rows.
double jaccard(SparseView a, SparseView b);

// Weighted (Ruzicka) Jaccard Σ min(a_i, b_i) / Σ max(a_i, b_i) over all ids. Values must be
// >= 0 (throws kInvalidArgument otherwise); both all-zero gives 0. On 0/1 vectors it equals
// jaccard().
double weighted_jaccard(SparseView a, SparseView b);

// The share of the `vocabulary_size` columns on which the binarised vectors agree:
// (ids present in both + ids absent from both) / vocabulary_size. This is what some course
// material calls "Jaccard" (sklearn's accuracy_score on binary rows, the old
// jaccard_similarity_score); it counts shared zeros, so it grows with the vocabulary and is not
// a Jaccard index. The CLI exposes it only as the "course" compatibility mode. Throws
// kInvalidArgument when vocabulary_size is 0 or an id is >= vocabulary_size.
double binary_match_ratio(SparseView a, SparseView b, std::size_t vocabulary_size);

}  // namespace secnlp::nlp
