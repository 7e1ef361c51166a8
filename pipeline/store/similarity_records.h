#pragma once
// What the similarity code (pipeline/similarity/) reads and writes in the store: the stored
// filings, their term vectors and texts by scope, and the cache of year-over-year scores. The
// SQL stays behind pipeline/store, the same for both engines.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/store/database.h"
#include "pipeline/store/point_in_time.h"

namespace secnlp::store {

// A stored document (status ok) as the similarity code pairs and dates it; text columns that are
// NULL read as "".
struct StoredFiling {
  std::int64_t doc_id = 0;
  std::string path, cik, ticker, form, period, filed, accession, available_at, accepted, doc_key,
      content_hash, config_hash;
  std::optional<int> fiscal_year;
};
std::vector<StoredFiling> stored_filings(Connection& db);
// One stored document by id, whatever its status; nothing when there is no such row.
std::optional<StoredFiling> stored_filing(Connection& db, std::int64_t doc_id);

// Reads the term vectors of one scope ("" for the whole filing), one prepared statement.
class TermVectorReader {
 public:
  TermVectorReader(Connection& db, std::string scope);
  // The vector's bytes (term_vector_codec.h), or nothing when the document has none.
  std::optional<std::string> read(std::int64_t doc_id);

 private:
  std::string scope_;
  Statement read_;
};

// The stored clean text of a document (scope "") or of its section `scope`; "" when not stored.
std::string scope_text(Connection& db, std::int64_t doc_id, const std::string& scope);

// A filing with a term vector for a scope, as `similar` finds and indexes it.
struct VectorFiling {
  std::int64_t doc_id = 0;
  PitKey key;        // available_at, accession, content hash
  std::string data;  // the term vector's bytes
};
// Stored filings with a term vector for `scope` whose accession is `to`, else whose path
// contains `to`; at most two (two mean the name is ambiguous). `data` is left empty.
std::vector<VectorFiling> find_vector_filings(Connection& db, const std::string& scope,
                                              const std::string& to);
// Every dated stored filing with a term vector for `scope`.
std::vector<VectorFiling> dated_vector_filings(Connection& db, const std::string& scope);
// How many stored filings with a term vector for `scope` have no date.
std::int64_t undated_vector_filings(Connection& db, const std::string& scope);
// The term vectors' change counter (store_generation), -1 when absent.
std::int64_t term_vectors_generation(Connection& db);

// The cached year-over-year scores (table similarity).
struct CachedScore {
  std::int64_t doc_id = 0, prev_doc_id = 0;
  std::string scope, measure, idf;
};
class SimilarityCache {
 public:
  explicit SimilarityCache(Connection& db);
  // The cached value of `score`, when it was computed from the inputs `inputs_hash` names.
  std::optional<double> lookup(const CachedScore& score, const std::string& inputs_hash);
  struct Entry {
    CachedScore score;
    std::string inputs_hash;
    double value = 0;
    std::int64_t corpus_size = 0;
  };
  // Writes `entries` (replacing older values) in one short transaction.
  void put(const std::vector<Entry>& entries);

 private:
  Connection& db_;
  Statement lookup_;
};

}  // namespace secnlp::store
