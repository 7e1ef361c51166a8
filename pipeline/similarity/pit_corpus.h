#pragma once
// The corpus a cross-filing statistic may read: the filings available at a point in time
// (pipeline/store/point_in_time.h), grown one filing at a time in point-in-time order. Holds
// document frequencies (by stored term id), the vocabulary size, and a stamp that identifies
// exactly which filings, in which stored state, are in it: a cached score computed over the
// corpus is valid while the stamp is the same, and adding later filings never changes it.
//
// Scores computed here are bit-for-bit independent of term ids and of the order in which
// documents were stored: each sum is taken over its addends sorted by value, so two databases
// that hold the same filings give the same bits.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/features/sparse.h"

namespace secnlp::similarity {

class PitCorpus {
 public:
  // Adds one filing's vector. `identity` names the filing and its stored state (document key,
  // content hash, configuration hash).
  void add(const nlp::SparseVector& vector, std::string_view identity);

  std::size_t documents() const { return documents_; }
  std::size_t vocabulary() const { return vocabulary_; }
  std::uint32_t df(std::uint32_t id) const { return id < df_.size() ? df_[id] : 0; }
  // scikit-learn's smooth idf: ln((1 + n) / (1 + df)) + 1.
  double idf(std::uint32_t id) const;
  // 16 hex digits over every added identity in order; "empty" before the first.
  std::string stamp() const;

 private:
  std::vector<std::uint32_t> df_;
  std::size_t documents_ = 0;
  std::size_t vocabulary_ = 0;
  std::uint64_t stamp_ = 0;
};

// scikit-learn's smooth idf of a term in `df` of `n` documents: ln((1 + n) / (1 + df)) + 1.
double smooth_idf(std::size_t n, std::size_t df);

// Cosine of the TF-IDF weighted vectors (raw counts times `corpus` idf): what scikit-learn's
// TfidfVectorizer (smooth idf, l2) gives, summed in an order-independent way. 0 when either
// vector is empty.
double tfidf_cosine(const nlp::SparseVector& a, const nlp::SparseVector& b,
                    const PitCorpus& corpus);
// The same with the idf of each entry given: idf_a[i] belongs to a.ids[i], idf_b[j] to b.ids[j].
double tfidf_cosine(const nlp::SparseVector& a, const std::vector<double>& idf_a,
                    const nlp::SparseVector& b, const std::vector<double>& idf_b);

// Sum of `values` taken in ascending order (the vector is sorted in place): the same multiset
// gives the same bits whatever order it was collected in.
double ordered_sum(std::vector<double>& values);

}  // namespace secnlp::similarity
