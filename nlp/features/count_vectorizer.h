#pragma once
// Bag-of-words counts over a learned vocabulary: scikit-learn's CountVectorizer (1.2) for
// documents that are already tokenized (sklearn: analyzer=callable, or the word analyzer's
// n-grams on given tokens).
//
// Fit semantics are sklearn's, bit for bit:
//  - features are the word n-grams of ngrams.h (tokens joined by one space);
//  - binary: every non-zero count becomes 1 (before max_features ranks terms);
//  - a term is kept when min_df <= document frequency <= max_df, where an integer bound is a
//    number of documents and a proportion p means p * n_docs (compared as doubles);
//  - max_features = k keeps the k terms with the largest corpus frequency among those, tied
//    terms chosen exactly as numpy 1.24's unstable argsort chooses them (numpy_argsort.h);
//  - the vocabulary is sorted by code point (= UTF-8 byte order), like get_feature_names_out().
// Errors (secnlp::Error, kInvalidArgument), in sklearn's order: bad options (at construction),
// "empty vocabulary" (no n-grams at all), "max_df corresponds to < documents than min_df",
// "After pruning, no terms remain".
//
// A fitted CountVectorizer is immutable: transform() and the accessors are safe to call from
// several threads. Cost: fit is one hash lookup per n-gram plus one sort of the vocabulary.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nlp/features/sparse.h"

namespace secnlp::nlp {

// sklearn's min_df / max_df: an integer is an absolute number of documents (>= 0), a floating
// value a proportion of the documents in [0.0, 1.0]. `min_df = 2` and `max_df = 0.5` both work.
struct DocumentFrequencyBound {
  DocumentFrequencyBound(int documents)  // NOLINT: implicit, like the Python int
      : is_proportion(false), value(documents) {}
  DocumentFrequencyBound(double proportion)  // NOLINT: implicit, like the Python float
      : is_proportion(true), value(proportion) {}
  static DocumentFrequencyBound documents(std::size_t n) {
    DocumentFrequencyBound b(0);
    b.value = static_cast<double>(n);
    return b;
  }
  static DocumentFrequencyBound proportion(double p) { return DocumentFrequencyBound(p); }

  // The bound as a document count for a corpus of n_docs (sklearn: max_df * n_doc).
  double resolve(std::size_t n_docs) const {
    return is_proportion ? value * static_cast<double>(n_docs) : value;
  }

  bool is_proportion;
  double value;
};

// Options of CountVectorizer, with sklearn's defaults.
struct CountOptions {
  int ngram_min = 1;                        // ngram_range[0], >= 1
  int ngram_max = 1;                        // ngram_range[1], >= ngram_min
  DocumentFrequencyBound min_df = 1;        // keep terms in at least this many documents
  DocumentFrequencyBound max_df = 1.0;      // ... and at most this many
  std::optional<std::size_t> max_features;  // keep the most frequent k (k >= 1)
  bool binary = false;                      // counts become 0/1
};

// sklearn's _limit_features on precomputed statistics, for counts that fit() did not produce
// (e.g. term vectors read back from the store). df[i] and tf[i] are the document and corpus
// frequencies of the i-th term of a vocabulary sorted like get_feature_names_out(); returns
// the kept positions, ascending. Applies min_df/max_df and max_features exactly as fit() does
// (ties as numpy 1.24's argsort); `binary` is the caller's business. Same errors as fit().
std::vector<std::size_t> select_features(std::span<const std::uint32_t> df,
                                         std::span<const std::int64_t> tf, std::size_t n_docs,
                                         const CountOptions& options);

class CountVectorizer {
 public:
  // Throws secnlp::Error(kInvalidArgument) for options sklearn rejects (ngram range, df bounds
  // outside their ranges, max_features = 0).
  explicit CountVectorizer(CountOptions options = {});

  // A vectorizer over a given vocabulary, columns in the given order (sklearn's `vocabulary=`
  // list); it counts as fitted, and fit_transform() only counts (df bounds and max_features are
  // not applied). Throws secnlp::Error(kInvalidArgument) for an empty list or a duplicate term.
  static CountVectorizer with_vocabulary(std::vector<std::string> terms, CountOptions options = {});

  // Learns the vocabulary from `docs` (each a list of tokens) and returns their counts:
  // docs.size() x vocabulary().size(), columns in vocabulary order. Errors: see above.
  SparseMatrix fit_transform(std::span<const std::vector<std::string>> docs);
  // fit_transform without keeping the matrix.
  void fit(std::span<const std::vector<std::string>> docs) { (void)fit_transform(docs); }
  // Counts of `docs` over the fitted vocabulary; unknown n-grams are ignored. Throws
  // secnlp::Error(kInvalidArgument) before fit.
  SparseMatrix transform(std::span<const std::vector<std::string>> docs) const;
  // Counts of one document, as transform() would give for its row.
  SparseVector transform_one(std::span<const std::string> tokens) const;

  bool fitted() const { return fitted_; }
  // Terms in column order (sklearn's get_feature_names_out()).
  const std::vector<std::string>& vocabulary() const { return vocabulary_; }
  // Column of `term`, if it is in the vocabulary.
  std::optional<TermId> id(std::string_view term) const;
  const CountOptions& options() const { return options_; }

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  using TermIndex = std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>>;

  CountOptions options_;
  bool fitted_ = false;
  bool fixed_vocabulary_ = false;
  std::vector<std::string> vocabulary_;
  TermIndex index_;
};

}  // namespace secnlp::nlp
