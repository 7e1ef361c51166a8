#pragma once
// Stop-word sets: words a feature extractor drops because they carry grammar, not content.
//
// Immutable after construction (add() aside) and safe to share between threads for lookups.
// Words are stored lowercased (ASCII letters only; callers lowercase tokens, including non-ASCII
// ones, before contains()). Lists from files come through corpora::read_word_list.

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "corpora/resources/string_table.h"

namespace secnlp::nlp {

class StopWords {
 public:
  // A set holding `words`, lowercased; duplicates and empty strings are ignored.
  explicit StopWords(std::span<const std::string> words);

  // The project's own English list (253 entries); see stop_words.cpp for its basis: the
  // closed word classes of English grammar (determiners, pronouns, prepositions, conjunctions,
  // auxiliaries and modals, a few function adverbs) plus the pieces that tokenizers make of
  // contractions: Treebank style ("n't", "'s", "'re", "ca" + "n't", "wo" + "n't") with both
  // ASCII and U+2019 apostrophes, and apostrophe-split style ("don" + "t", "s", "ll", "ve").
  // Built once on first use; thread-safe.
  static const StopWords& english();

  // Adds `words`, lowercased. Not thread-safe: call before sharing the set.
  void add(std::span<const std::string> words);

  // True when `lowercase_word` is in the set. The argument must already be lowercase. O(1), no
  // allocation.
  bool contains(std::string_view lowercase_word) const noexcept {
    return words_.contains(lowercase_word);
  }

  // Number of distinct words.
  std::size_t size() const noexcept { return words_.size(); }

 private:
  corpora::StringTable words_;
};

}  // namespace secnlp::nlp
