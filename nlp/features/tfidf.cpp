#include "nlp/features/tfidf.h"

#include <cmath>
#include <string>

#include "common/error.h"

namespace secnlp::nlp {

void check_tfidf_options(const TfidfOptions& options) {
  if (options.tf_scheme == TfScheme::kLogNormalized && options.sublinear_tf) {
    throw Error(ErrorCode::kInvalidArgument,
                "sublinear_tf cannot be combined with the log-normalized tf scheme");
  }
}

std::vector<std::uint32_t> document_frequencies(const SparseMatrix& counts) {
  std::vector<std::uint32_t> df(counts.cols(), 0);
  for (std::size_t r = 0; r < counts.rows(); ++r)
    add_document_frequencies(counts.row(r), df);
  return df;
}

void add_document_frequencies(SparseView counts, std::vector<std::uint32_t>& df) {
  for (std::size_t i = 0; i < counts.ids.size(); ++i) {
    if (counts.values[i] == 0.0) continue;
    const std::uint32_t id = counts.ids[i];
    if (id >= df.size()) df.resize(static_cast<std::size_t>(id) + 1, 0);
    ++df[id];
  }
}

std::vector<double> idf_from_df(std::span<const std::uint32_t> df, std::size_t n_docs,
                                const TfidfOptions& options) {
  std::vector<double> idf;
  if (!options.use_idf) return idf;
  const double smooth = options.smooth_idf ? 1.0 : 0.0;
  const double n = static_cast<double>(n_docs) + smooth;
  idf.reserve(df.size());
  // Same operations as sklearn: np.log(n_samples / df) + 1 in float64.
  for (std::uint32_t d : df)
    idf.push_back(std::log(n / (static_cast<double>(d) + smooth)) + 1.0);
  return idf;
}

void apply_tfidf(std::span<const std::uint32_t> ids, std::span<double> values,
                 std::span<const double> idf, const TfidfOptions& options) {
  if (options.tf_scheme == TfScheme::kLogNormalized) {
    if (!values.empty()) {
      double sum = 0.0;
      for (double f : values)
        sum += f;
      const double denominator = 1.0 + std::log(sum / static_cast<double>(values.size()));
      for (double& f : values)
        f = (1.0 + std::log(f)) / denominator;
    }
  } else if (options.sublinear_tf) {
    for (double& f : values)
      f = std::log(f) + 1.0;
  }
  if (options.use_idf && !idf.empty()) {
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (ids[i] >= idf.size()) {
        throw Error(ErrorCode::kInvalidArgument,
                    "apply_tfidf: term id " + std::to_string(ids[i]) + " outside the idf vector");
      }
      values[i] *= idf[ids[i]];
    }
  }
  normalize(values, options.norm);
}

void apply_tfidf(SparseVector& counts, std::span<const double> idf, const TfidfOptions& options) {
  apply_tfidf(counts.ids, counts.values, idf, options);
}

TfidfTransformer::TfidfTransformer(TfidfOptions options) : options_(options) {
  check_tfidf_options(options_);
}

void TfidfTransformer::fit(const SparseMatrix& counts) {
  cols_ = counts.cols();
  idf_ = idf_from_df(document_frequencies(counts), counts.rows(), options_);
  fitted_ = true;
}

SparseMatrix TfidfTransformer::transform(const SparseMatrix& counts) const {
  if (options_.use_idf && !fitted_) {
    throw Error(ErrorCode::kInvalidArgument, "TfidfTransformer: transform before fit");
  }
  if (fitted_ && counts.cols() != cols_) {
    throw Error(ErrorCode::kInvalidArgument, "TfidfTransformer: matrix has " +
                                                 std::to_string(counts.cols()) +
                                                 " columns, fitted on " + std::to_string(cols_));
  }
  SparseMatrix out = counts;
  for (std::size_t r = 0; r < out.rows(); ++r) {
    apply_tfidf(out.row(r).ids, out.row_values(r), idf_, options_);
  }
  return out;
}

}  // namespace secnlp::nlp
