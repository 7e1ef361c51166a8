#pragma once
// TF-IDF weighting of count vectors: scikit-learn's TfidfTransformer (1.2), plus the
// log-normalised term frequency used in finance text studies (Loughran & McDonald 2011).
//
// sklearn scheme (TfScheme::kSklearn), for a count f of term t in a document:
//   tf  = f, or 1 + ln f with sublinear_tf
//   idf = ln((1 + n) / (1 + df)) + 1 with smooth_idf, ln(n / df) + 1 without  (n = documents)
//   w   = tf * idf (tf alone when use_idf is false), then the row is scaled by `norm`.
// Log-normalised scheme (TfScheme::kLogNormalized):
//   tf  = (1 + ln f) / (1 + ln a), a = mean count over the terms present in that document
//   w   = tf * idf, idf as above; TfidfOptions::log_normalized() sets smooth_idf = false and
//   norm = kNone, which gives exactly  w = (1 + ln f) / (1 + ln a) * (1 + ln(n / df)).
// Counts are expected to be >= 1 (stored entries of a count matrix).
//
// Streaming use (e.g. the store, from stored counts, without refitting a vectorizer):
//   df  += add_document_frequencies(counts of each document)
//   idf  = idf_from_df(df, n_docs, options)
//   w    = apply_tfidf(counts, idf, options)
// gives the same numbers as TfidfTransformer::fit + transform on the whole matrix.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "nlp/features/sparse.h"

namespace secnlp::nlp {

// How a raw count becomes a term frequency; see the file comment.
enum class TfScheme { kSklearn, kLogNormalized };

// Options with sklearn's defaults.
struct TfidfOptions {
  Norm norm = Norm::kL2;      // row scaling after weighting
  bool use_idf = true;        // multiply by idf
  bool smooth_idf = true;     // idf = ln((1+n)/(1+df)) + 1, as if one more document had all terms
  bool sublinear_tf = false;  // tf = 1 + ln f (kSklearn only; kLogNormalized is already log)
  TfScheme tf_scheme = TfScheme::kSklearn;

  // Loughran-McDonald weights: (1 + ln f)/(1 + ln a) * (1 + ln(n/df)), then `norm`.
  static TfidfOptions log_normalized(Norm norm = Norm::kNone) {
    return TfidfOptions{norm, true, false, false, TfScheme::kLogNormalized};
  }
};

// Throws secnlp::Error(kInvalidArgument) for sublinear_tf with kLogNormalized (ambiguous).
void check_tfidf_options(const TfidfOptions& options);

// Number of rows in which each column is non-zero (sklearn's _document_frequency); cols() long.
std::vector<std::uint32_t> document_frequencies(const SparseMatrix& counts);
// Adds one document to `df`: +1 for each id present with a non-zero value; grows `df` as needed.
void add_document_frequencies(SparseView counts, std::vector<std::uint32_t>& df);

// idf for each term from its document frequency in a corpus of n_docs documents (formula in the
// file comment). Empty when !use_idf. Without smooth_idf a df of 0 gives +inf (as sklearn).
std::vector<double> idf_from_df(std::span<const std::uint32_t> df, std::size_t n_docs,
                                const TfidfOptions& options);

// Re-weights one document's counts in place: tf scheme, times idf[id] (unless idf is empty or
// !use_idf), then `norm`. Throws secnlp::Error(kInvalidArgument) if an id is outside idf.
void apply_tfidf(SparseVector& counts, std::span<const double> idf, const TfidfOptions& options);
// Same on a span of values with their ids (e.g. a SparseMatrix row).
void apply_tfidf(std::span<const std::uint32_t> ids, std::span<double> values,
                 std::span<const double> idf, const TfidfOptions& options);

// sklearn.feature_extraction.text.TfidfTransformer. Immutable after fit(): transform() is safe
// from several threads. Cost: fit O(nnz), transform O(nnz).
class TfidfTransformer {
 public:
  // Throws as check_tfidf_options().
  explicit TfidfTransformer(TfidfOptions options = {});

  // Learns the idf vector from a document x term count matrix.
  void fit(const SparseMatrix& counts);
  // Weighted copy of `counts`. Throws secnlp::Error(kInvalidArgument) before fit (when use_idf)
  // or when counts.cols() differs from the fitted matrix.
  SparseMatrix transform(const SparseMatrix& counts) const;
  SparseMatrix fit_transform(const SparseMatrix& counts) {
    fit(counts);
    return transform(counts);
  }

  // idf per column (empty when !use_idf or before fit).
  const std::vector<double>& idf() const { return idf_; }
  const TfidfOptions& options() const { return options_; }

 private:
  TfidfOptions options_;
  bool fitted_ = false;
  std::size_t cols_ = 0;
  std::vector<double> idf_;
};

}  // namespace secnlp::nlp
