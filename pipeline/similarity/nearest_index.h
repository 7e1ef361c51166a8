#pragma once
// The index behind `secnlp similar`: every dated stored filing (or section) of one scope, in
// point-in-time order, as an inverted index of raw term counts, memory-mapped from a file beside
// the database. One index answers "as of" any date exactly: the filings available at a bound are
// a prefix of the order, so the document frequency of a term as of the bound is the number of
// its postings before the prefix's end (a binary search), and scores use exactly the idf a
// corpus of that prefix gives (pipeline/similarity/pit_corpus.h). Nothing after the bound enters
// a score.
//
// Per filing it also keeps two norms that bound its TF-IDF norm from below at any bound, so
// that a query can skip filings that cannot reach the top (nearest_filings.cpp):
//   tf_norm   ||counts||: smooth idf is >= 1, so ||counts * idf_b|| >= tf_norm;
//   all_norm  ||counts * idf_all|| with the idf of the whole index (n_all filings): as of a prefix
//             of n_b filings, idf_b >= idf_all - ln((1 + n_all) / (1 + n_b)) and idf_b >= 1,
//             hence ||counts * idf_b|| >= all_norm / (1 + ln((1 + n_all) / (1 + n_b))).
//
// The file is rebuilt when the database's term-vector generation (a counter the store's
// triggers raise on every change of term_vectors or documents; schema version 8) differs from
// the one stamped in it. Opening maps the file and checks its header and the bounds of its
// offset tables (O(rows + terms)), not a checksum of the postings: it is a cache the program
// wrote, rebuilt whenever its stamp is stale.
//
// Each filing's own vector is kept too (forward), so that a candidate's norm and exact score
// need no database read.
//
// File format, little-endian, version 1: header, 64 bytes: magic "SNLPNPIT", u32 version,
//   u32 byte-order mark 0x01020304, u64 stamp, u64 rows, u64 terms, u64 postings, u64 key bytes,
//   u64 hash64(first 56 header bytes); then i64 doc_id[rows], f64 tf_norm[rows],
//   f64 all_norm[rows], u64 key_offset[rows + 1], u64 term_offset[terms + 1],
//   u32 position[postings], u32 count[postings], u64 row_offset[rows + 1], u32 id[postings],
//   u32 row_count[postings], char keys[key bytes] (per row "available_at\0accession\0
//   content_hash"); each array padded to 8 bytes.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/features/sparse.h"
#include "pipeline/store/point_in_time.h"

namespace secnlp::similarity {

// One filing for NearestIndex::build.
struct NearestRow {
  std::int64_t doc_id = 0;
  store::PitKey key;
  nlp::SparseVector counts;  // raw term counts, ids increasing
};

class NearestIndex {
 public:
  // Writes the index of `rows` (any order: sorted here by key; keys must be dated and distinct)
  // to `path` atomically (a temporary file renamed over it). Throws Error(kIo) naming the path.
  static void build(std::vector<NearestRow> rows, std::uint64_t stamp,
                    const std::filesystem::path& path);
  // Maps the index at `path`. Throws Error(kIo) when it cannot be read, Error(kParse) when it is
  // not a well-formed index file.
  static NearestIndex open(const std::filesystem::path& path);
  // The stamp of the file at `path`, reading only its header; 0 when it is missing or not an
  // index file.
  static std::uint64_t read_stamp(const std::filesystem::path& path);

  NearestIndex(NearestIndex&&) noexcept;
  NearestIndex& operator=(NearestIndex&&) noexcept;
  ~NearestIndex();

  std::uint64_t stamp() const;
  std::size_t rows() const;
  std::int64_t doc_id(std::size_t position) const;
  store::PitKey key(std::size_t position) const;
  double tf_norm(std::size_t position) const;
  double all_norm(std::size_t position) const;
  // Number of rows whose key is <= `bound`: the corpus as of `bound` is positions [0, result).
  std::size_t prefix_end(const store::PitKey& bound) const;
  // Postings of `term`: positions (increasing) and counts; empty for an unknown term.
  std::span<const std::uint32_t> positions(std::uint32_t term) const;
  std::span<const std::uint32_t> counts(std::uint32_t term) const;
  // The vector of the filing at `position`: term ids (increasing) and counts.
  std::span<const std::uint32_t> row_ids(std::size_t position) const;
  std::span<const std::uint32_t> row_counts(std::size_t position) const;
  // 1 + the largest term id stored.
  std::size_t terms() const;
  // Document frequency of `term` among positions [0, end).
  std::uint32_t df(std::uint32_t term, std::size_t end) const;

 private:
  struct Mapping;
  explicit NearestIndex(std::unique_ptr<Mapping> mapping);
  std::unique_ptr<Mapping> m_;
};

}  // namespace secnlp::similarity
