#pragma once
// Sparse term vectors and matrices for bag-of-words features.
//
// TermId names a column of a fitted vocabulary (CountVectorizer); SparseVector is one document's
// (term id, weight) pairs sorted by id; SparseMatrix is a compressed-sparse-row matrix of such
// rows (scipy's csr_matrix with sorted indices and no explicit zeros). All are plain values:
// cheap to move, safe to share read-only between threads.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace secnlp::nlp {

// A column of a vocabulary. A distinct type so that a term id never passes for a document id or
// a count.
struct TermId {
  std::uint32_t value = 0;
  friend auto operator<=>(const TermId&, const TermId&) = default;
};

// One document's non-zero weights: `ids` strictly increasing, `values[i]` belongs to `ids[i]`.
struct SparseVector {
  std::vector<std::uint32_t> ids;
  std::vector<double> values;

  std::size_t size() const { return ids.size(); }
  bool empty() const { return ids.empty(); }
  // Appends (id, value); the caller keeps ids increasing.
  void push_back(std::uint32_t id, double value) {
    ids.push_back(id);
    values.push_back(value);
  }
  friend bool operator==(const SparseVector&, const SparseVector&) = default;
};

// A read-only view of a sparse row (a SparseVector or a SparseMatrix row); same invariants.
struct SparseView {
  std::span<const std::uint32_t> ids;
  std::span<const double> values;

  SparseView() = default;
  SparseView(std::span<const std::uint32_t> ids_in, std::span<const double> values_in)
      : ids(ids_in), values(values_in) {}
  // Implicit on purpose, like std::string -> std::string_view.
  SparseView(const SparseVector& v) : ids(v.ids), values(v.values) {}  // NOLINT

  std::size_t size() const { return ids.size(); }
  bool empty() const { return ids.empty(); }
  // Weight of `id`, 0 when absent. O(log size).
  double at(std::uint32_t id) const;
  SparseVector to_vector() const;
};

// How rows are scaled: none, by the sum of absolute values (l1) or the Euclidean norm (l2).
enum class Norm { kNone, kL1, kL2 };

// Compressed sparse row matrix of doubles with `cols` columns. Rows are appended; each row's ids
// are strictly increasing and < cols. Equivalent to scipy.sparse.csr_matrix after sort_indices().
class SparseMatrix {
 public:
  // 0 x cols.
  explicit SparseMatrix(std::size_t cols = 0) : cols_(cols) {}
  // From CSR arrays (indptr has rows + 1 entries, starting at 0, non-decreasing, ending at
  // indices.size()). Throws secnlp::Error(kInvalidArgument) when the arrays break an invariant.
  SparseMatrix(std::size_t cols, std::vector<std::size_t> indptr,
               std::vector<std::uint32_t> indices, std::vector<double> data);

  std::size_t rows() const { return indptr_.size() - 1; }
  std::size_t cols() const { return cols_; }
  // Stored entries.
  std::size_t nnz() const { return indices_.size(); }

  // Appends a row; throws secnlp::Error(kInvalidArgument) if ids are not increasing or >= cols.
  void append_row(SparseView row);
  // Row i (i < rows()); valid until the next append.
  SparseView row(std::size_t i) const;
  // Mutable weights of row i, for in-place re-weighting.
  std::span<double> row_values(std::size_t i);
  // Entry (r, c), 0 when absent. O(log row size).
  double at(std::size_t r, std::size_t c) const { return row(r).at(static_cast<std::uint32_t>(c)); }
  // Row-major dense copy (rows * cols doubles); for tests and small matrices.
  std::vector<double> to_dense() const;

  const std::vector<std::size_t>& indptr() const { return indptr_; }
  const std::vector<std::uint32_t>& indices() const { return indices_; }
  const std::vector<double>& data() const { return data_; }

  friend bool operator==(const SparseMatrix&, const SparseMatrix&) = default;

 private:
  std::size_t cols_ = 0;
  std::vector<std::size_t> indptr_{0};
  std::vector<std::uint32_t> indices_;
  std::vector<double> data_;
};

// Sum of products over shared ids. O(|a| + |b|).
double dot(SparseView a, SparseView b);
// Sum of absolute values.
double l1_norm(SparseView v);
// Euclidean norm.
double l2_norm(SparseView v);
// dot(a, b) / (|a|_2 |b|_2); 0 when either vector is all zeros.
double cosine_similarity(SparseView a, SparseView b);
// Divides the weights by their l1 or l2 norm (sklearn.preprocessing.normalize); all-zero vectors
// and Norm::kNone leave the values unchanged.
void normalize(std::span<double> values, Norm norm);
inline void normalize(SparseVector& v, Norm norm) {
  normalize(std::span<double>(v.values), norm);
}
// normalize() on every row.
void normalize_rows(SparseMatrix& m, Norm norm);

}  // namespace secnlp::nlp

template <>
struct std::hash<secnlp::nlp::TermId> {
  std::size_t operator()(const secnlp::nlp::TermId& id) const noexcept {
    return std::hash<std::uint32_t>{}(id.value);
  }
};
