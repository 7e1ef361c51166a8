#pragma once
// Word-level Levenshtein distance (a substitution costs 1, like an insertion or a deletion) with
// Ukkonen's diagonal-transition algorithm (Ukkonen 1985; Landau & Vishkin 1989 without the
// suffix-tree jumps): for d = 0, 1, ... it keeps, on every diagonal, the furthest cell reachable
// with d edits and slides along runs of equal words, stopping when the end is reached. Common
// prefix and suffix are stripped first.
// Cost: O((N + M) · D) time worst case, about N + M + D² on typical texts, O(N + M) memory.
// Fast for similar documents (100,000 words with 1% edits: milliseconds); for very different
// long documents (D ~ N) it is quadratic, which is why the CLI's default edit score is the
// indel-based edit_similarity() of word_diff.h (bounded by N·M/64 steps); Levenshtein is opt-in.
// Pure and thread-safe.

#include <cstddef>
#include <cstdint>
#include <span>

namespace secnlp::nlp {

// Minimum number of word insertions, deletions and substitutions turning a into b.
std::size_t levenshtein_distance(std::span<const std::uint32_t> a,
                                 std::span<const std::uint32_t> b);

// 1 - levenshtein_distance / max(N, M), in [0, 1]; two empty documents give 1.
double levenshtein_similarity(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b);

}  // namespace secnlp::nlp
