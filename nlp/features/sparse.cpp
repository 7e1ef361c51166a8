#include "nlp/features/sparse.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "common/error.h"

namespace secnlp::nlp {
namespace {

void check_row(SparseView row, std::size_t cols) {
  if (row.ids.size() != row.values.size()) {
    throw Error(ErrorCode::kInvalidArgument, "sparse row: ids and values differ in length");
  }
  for (std::size_t i = 0; i < row.ids.size(); ++i) {
    if (row.ids[i] >= cols) {
      throw Error(ErrorCode::kInvalidArgument, "sparse row: id " + std::to_string(row.ids[i]) +
                                                   " >= cols " + std::to_string(cols));
    }
    if (i > 0 && row.ids[i] <= row.ids[i - 1]) {
      throw Error(ErrorCode::kInvalidArgument, "sparse row: ids not strictly increasing");
    }
  }
}

}  // namespace

double SparseView::at(std::uint32_t id) const {
  const auto it = std::lower_bound(ids.begin(), ids.end(), id);
  if (it == ids.end() || *it != id) return 0.0;
  return values[static_cast<std::size_t>(it - ids.begin())];
}

SparseVector SparseView::to_vector() const {
  return SparseVector{{ids.begin(), ids.end()}, {values.begin(), values.end()}};
}

SparseMatrix::SparseMatrix(std::size_t cols, std::vector<std::size_t> indptr,
                           std::vector<std::uint32_t> indices, std::vector<double> data)
    : cols_(cols),
      indptr_(std::move(indptr)),
      indices_(std::move(indices)),
      data_(std::move(data)) {
  if (indptr_.empty() || indptr_.front() != 0 || indptr_.back() != indices_.size() ||
      indices_.size() != data_.size()) {
    throw Error(ErrorCode::kInvalidArgument, "sparse matrix: inconsistent CSR arrays");
  }
  for (std::size_t r = 0; r + 1 < indptr_.size(); ++r) {
    if (indptr_[r + 1] < indptr_[r]) {
      throw Error(ErrorCode::kInvalidArgument, "sparse matrix: indptr decreases");
    }
    check_row(row(r), cols_);
  }
}

void SparseMatrix::append_row(SparseView row) {
  check_row(row, cols_);
  indices_.insert(indices_.end(), row.ids.begin(), row.ids.end());
  data_.insert(data_.end(), row.values.begin(), row.values.end());
  indptr_.push_back(indices_.size());
}

SparseView SparseMatrix::row(std::size_t i) const {
  const std::size_t begin = indptr_[i];
  const std::size_t n = indptr_[i + 1] - begin;
  return SparseView(std::span<const std::uint32_t>(indices_).subspan(begin, n),
                    std::span<const double>(data_).subspan(begin, n));
}

std::span<double> SparseMatrix::row_values(std::size_t i) {
  return std::span<double>(data_).subspan(indptr_[i], indptr_[i + 1] - indptr_[i]);
}

std::vector<double> SparseMatrix::to_dense() const {
  std::vector<double> dense(rows() * cols_, 0.0);
  for (std::size_t r = 0; r < rows(); ++r) {
    for (std::size_t k = indptr_[r]; k < indptr_[r + 1]; ++k) {
      dense[r * cols_ + indices_[k]] = data_[k];
    }
  }
  return dense;
}

double dot(SparseView a, SparseView b) {
  double sum = 0.0;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.ids.size() && j < b.ids.size()) {
    if (a.ids[i] < b.ids[j]) {
      ++i;
    } else if (b.ids[j] < a.ids[i]) {
      ++j;
    } else {
      sum += a.values[i++] * b.values[j++];
    }
  }
  return sum;
}

double l1_norm(SparseView v) {
  double sum = 0.0;
  for (double x : v.values)
    sum += std::fabs(x);
  return sum;
}

double l2_norm(SparseView v) {
  double sum = 0.0;
  for (double x : v.values)
    sum += x * x;
  return std::sqrt(sum);
}

double cosine_similarity(SparseView a, SparseView b) {
  const double na = l2_norm(a);
  const double nb = l2_norm(b);
  if (na == 0.0 || nb == 0.0) return 0.0;
  return dot(a, b) / (na * nb);
}

void normalize(std::span<double> values, Norm norm) {
  if (norm == Norm::kNone) return;
  double scale = 0.0;
  if (norm == Norm::kL1) {
    for (double x : values)
      scale += std::fabs(x);
  } else {
    for (double x : values)
      scale += x * x;
    scale = std::sqrt(scale);
  }
  if (scale == 0.0) return;
  for (double& x : values)
    x /= scale;
}

void normalize_rows(SparseMatrix& m, Norm norm) {
  for (std::size_t r = 0; r < m.rows(); ++r)
    normalize(m.row_values(r), norm);
}

}  // namespace secnlp::nlp
