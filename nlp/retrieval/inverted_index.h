#pragma once
// Nearest neighbours by cosine similarity over sparse (TF-IDF) vectors: "which filings or
// sections read alike".
//
// An InvertedIndex holds N rows (documents or sections), each with a caller-given 64-bit key, as
// per-term posting lists: term id -> contiguous (row, weight) pairs, rows increasing. Weights are
// stored as 32-bit floats, already divided by the row's Euclidean norm, so that a query is one
// pass of multiply-adds over the postings of its terms into a dense accumulator of N floats.
// Floats halve the memory of doubles (8 bytes per posting with its row number); scores therefore
// carry float precision (relative error ~1e-6), enough to rank, not to reproduce sklearn's
// cosine_similarity to the last digit.
//
// Typical use: rows weighted with apply_tfidf (nlp/features/tfidf.h, norm = kL2); a query is
// weighted with the same idf. Rows need not be normalised: the index divides by each row's norm
// and top_k by the query's, so scores are cosines whatever the scaling.
//
// Cost: build O(nnz) time and about 8 bytes per stored entry (plus 16 per row and 8 per term);
// top_k O(sum of the posting lengths of the query's terms + N); load O(file size) (one read, a
// checksum pass and a bounds pass, no per-posting decoding). Measured (bench/README.md,
// nearest_bench) on 100,000 sections of 300-800 distinct terms, 55 M postings: 442 MB, build
// ~2.5 s, load ~0.5 s, top-10 for a whole-section query ~12 ms of CPU (p99 < 35 ms wall).
//
// Immutable after construction: top_k is safe from any number of threads at once (each thread
// keeps its own accumulator: 4 bytes per row of the largest index it has queried, kept for the
// thread's lifetime). Move-only: the postings are one large buffer.
//
// File format (save/load), little-endian, version 1:
//   header, 64 bytes: magic "SNLPNNIX", u32 version, u32 byte-order mark 0x01020304,
//     u64 rows, u64 terms, u64 postings, u64 hash64(payload), u64 stamp,
//     u64 hash64(first 56 header bytes)
//   payload: u64 key[rows], f64 norm[rows], u64 offset[terms + 1], {u32 row, f32 weight}[postings]
// A file whose header or payload does not check out is rejected with secnlp::Error naming it.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "nlp/features/sparse.h"

namespace secnlp::nlp {

class InvertedIndex {
 public:
  // Collects rows, then build() turns them into an index. Holds each added entry as a
  // (u32 id, f32 weight) pair until build(). Not thread-safe.
  class Builder {
   public:
    // Adds a row under `key`. Throws secnlp::Error(kInvalidArgument) when ids are not strictly
    // increasing, a value is not finite, or (at build()) the key was added before. An empty or
    // all-zero row is kept (it matches nothing) so that row numbers follow the calls to add().
    void add(std::uint64_t key, SparseView row);
    // Rows added so far.
    std::size_t size() const { return keys_.size(); }
    // The index; the builder is left empty. Throws secnlp::Error(kInvalidArgument) on a
    // duplicate key or more than 2^32 - 1 rows.
    InvertedIndex build();

   private:
    std::vector<std::uint64_t> keys_;
    std::vector<double> norms_;
    std::vector<std::size_t> indptr_{0};
    std::vector<std::uint32_t> ids_;
    std::vector<float> weights_;  // value / norm
    std::uint32_t terms_ = 0;     // 1 + the largest id seen
  };

  // Empty index (no rows): top_k returns nothing. A moved-from index holds nothing: assign to it
  // or destroy it.
  InvertedIndex();
  ~InvertedIndex();
  InvertedIndex(InvertedIndex&&) noexcept;
  InvertedIndex& operator=(InvertedIndex&&) noexcept;
  InvertedIndex(const InvertedIndex&) = delete;
  InvertedIndex& operator=(const InvertedIndex&) = delete;

  // Index of `rows` with keys 0, 1, 2... (the row numbers). Throws as Builder::add.
  static InvertedIndex build(std::span<const SparseVector> rows);
  static InvertedIndex build(const SparseMatrix& rows);

  // The k rows most similar to `query` by cosine, best first; equal scores by increasing key.
  // Only rows with a positive score are returned (a row that shares no term with the query
  // scores 0), so the result has at most min(k, rows) entries; none for k = 0, an empty or
  // all-zero query. Query ids beyond the index's terms are ignored. `exclude_key` drops that row
  // (e.g. the query's own section). Query ids must be strictly increasing (SparseView's rule).
  // Cost: O(sum of posting lengths of the query's terms + rows); no allocation after the
  // calling thread's first query on an index of this size.
  std::vector<std::pair<std::uint64_t, double>> top_k(
      SparseView query, std::size_t k, std::optional<std::uint64_t> exclude_key = {}) const;

  // Writes the index to `path` (format in the file comment), replacing it. Throws
  // secnlp::Error(kIo, ..., path) when it cannot be written.
  void save(const std::filesystem::path& path) const;
  // Reads an index written by save(). Throws secnlp::Error naming `path`: kIo when missing or
  // unreadable; kParse for a wrong magic, an unknown version or byte order, a size that does not
  // match the header (truncated or padded), a checksum mismatch (corrupted) or postings out of
  // bounds. Cost: one read of the file plus a checksum pass over it.
  static InvertedIndex load(const std::filesystem::path& path);

  // A caller-defined 64-bit tag saved in the file header (default 0), e.g. a hash of the state of
  // the database the index was built from, so that a cached index can be found stale without
  // loading it. Set it before sharing the index between threads.
  std::uint64_t stamp() const { return stamp_; }
  void set_stamp(std::uint64_t stamp);
  // The stamp of the index file at `path`, reading and checking only its 64-byte header (magic,
  // version, byte order, header checksum, size): throws as load() for those; a payload corrupted
  // after the header is only detected by load().
  static std::uint64_t read_stamp(const std::filesystem::path& path);

  // Rows (documents or sections).
  std::size_t size() const { return rows_; }
  // Term ids covered: 1 + the largest id stored with a non-zero weight (0 when none).
  std::size_t term_count() const { return terms_; }
  // Stored (row, weight) pairs: the non-zero entries of all rows.
  std::size_t posting_count() const { return postings_; }
  // Key of row r (r < size()).
  std::uint64_t key(std::size_t row) const { return keys_[row]; }
  // Euclidean norm of row r as added (0 for an all-zero row).
  double row_norm(std::size_t row) const { return norms_[row]; }
  // Bytes held by the index (the same as its file size).
  std::size_t memory_bytes() const { return bytes_; }

 private:
  struct Posting {
    std::uint32_t row;
    float weight;
  };
  static_assert(sizeof(Posting) == 8);

  // An index of these counts with an uninitialised payload and header.
  InvertedIndex(std::size_t rows, std::size_t terms, std::size_t postings);
  // Points the views below into buffer_ (laid out as the file).
  void attach();
  // Writes the header (checksums included) once the payload is complete.
  void seal();

  std::unique_ptr<std::byte[]> buffer_;  // header + payload, exactly the file's bytes
  std::size_t bytes_ = 0;
  std::size_t rows_ = 0;
  std::size_t terms_ = 0;
  std::size_t postings_ = 0;
  std::uint64_t stamp_ = 0;
  const std::uint64_t* keys_ = nullptr;
  const double* norms_ = nullptr;
  const std::uint64_t* offsets_ = nullptr;
  const Posting* posting_data_ = nullptr;
};

}  // namespace secnlp::nlp
