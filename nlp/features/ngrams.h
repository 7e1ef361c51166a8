#pragma once
// Word n-grams exactly as scikit-learn's CountVectorizer builds them (_VectorizerMixin.
// _word_ngrams): tokens joined by one space, all n-grams of the smallest n first, each size in
// document order.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::nlp {

// Appends to `out` every n-gram of `tokens` for n = min_n..max_n: first all n = min_n grams left
// to right, then n = min_n + 1, ... Sizes longer than the document contribute nothing.
// Requires 1 <= min_n <= max_n, else throws secnlp::Error(kInvalidArgument).
// Cost: one string per n-gram, O(total n-gram bytes).
void append_ngrams(std::span<const std::string> tokens, int min_n, int max_n,
                   std::vector<std::string>& out);

// Calls `visit(std::string_view gram)` for each n-gram in append_ngrams' order, reusing one
// buffer: no allocation per n-gram once the buffer is large enough.
template <typename Visitor>
void for_each_ngram(std::span<const std::string> tokens, int min_n, int max_n, Visitor&& visit);

// Throws secnlp::Error(kInvalidArgument) unless 1 <= min_n <= max_n.
void check_ngram_range(int min_n, int max_n);

template <typename Visitor>
void for_each_ngram(std::span<const std::string> tokens, int min_n, int max_n, Visitor&& visit) {
  check_ngram_range(min_n, max_n);
  const std::size_t count = tokens.size();
  std::string gram;
  for (std::size_t n = static_cast<std::size_t>(min_n);
       n <= static_cast<std::size_t>(max_n) && n <= count; ++n) {
    for (std::size_t i = 0; i + n <= count; ++i) {
      if (n == 1) {
        visit(std::string_view(tokens[i]));
        continue;
      }
      gram.assign(tokens[i]);
      for (std::size_t k = 1; k < n; ++k) {
        gram.push_back(' ');
        gram.append(tokens[i + k]);
      }
      visit(std::string_view(gram));
    }
  }
}

}  // namespace secnlp::nlp
