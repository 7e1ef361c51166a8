#pragma once
// Loughran-McDonald category counts over one document's tokens.
//
// Definitions (see docs/readability.md, "Sentiment counts"):
// - A word is a token with at least one ASCII letter or a non-ASCII byte; punctuation and pure
//   numbers ("2023", "$", "1.5") are not words and are skipped entirely.
// - counts[c] counts word occurrences whose lexicon entry has category c (a word in two categories
//   counts in both). Lookup is case-insensitive (SentimentLexicon).
// - Negation (Loughran & McDonald 2011, sec. III.C): a Positive word is negated when one of
//   "no", "not", "none", "neither", "never", "nobody" (any case) is among the three words before
//   it. Distance is counted in words, so punctuation tokens between do not count and do not block:
//   in "not , good" the negation is at distance 1. Treebank's "n't" is not a negation word (LM's
//   list has exactly the six words above).
// - A negated positive still counts in counts[kPositive]; it is also counted in `negations`.
//   LM's net-positive measure is therefore counts[kPositive] - negations.

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "nlp/lexicon/sentiment_lexicon.h"

namespace secnlp::nlp {

struct LmCounts {
  std::uint64_t words = 0;                               // tokens that are words (see above)
  std::array<std::uint64_t, kLmCategoryCount> counts{};  // occurrences per category
  std::uint64_t negations = 0;  // positive occurrences with a negation word 1-3 words before

  std::uint64_t count(LmCategory category) const {
    return counts[static_cast<std::size_t>(category)];
  }
  // counts[category] / words; 0.0 when there are no words.
  double proportion(LmCategory category) const;
  // Positive occurrences that are not negated.
  std::uint64_t unnegated_positive() const { return count(LmCategory::kPositive) - negations; }
};

// Counts categories over `tokens` (Treebank tokens of one document, in order). Linear time, no
// allocation. Safe to call concurrently with a shared lexicon.
LmCounts count_lm(std::span<const std::string> tokens, const SentimentLexicon& lexicon);

// True when `token` is one of LM's six negation words, in any case.
bool is_lm_negation(std::string_view token);

// True when `token` counts as a word: it contains an ASCII letter or a byte >= 0x80.
bool is_lm_word(std::string_view token);

}  // namespace secnlp::nlp
