#pragma once
// The write side of the results database, used by one writer thread.
//
// Each document is committed in its own transaction, so a run killed at any point (even with
// SIGKILL) leaves every document either fully stored or absent; the next run skips what is
// stored under the same content and config hashes and does the rest.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/error.h"
#include "pipeline/document.h"
#include "pipeline/store/sqlite.h"

namespace secnlp::store {

// What the database knows about a path, for skip decisions.
struct StoredState {
  std::string content_hash;
  std::string config_hash;
  std::string status;  // "ok" or "error"
};

struct RunCounts {
  std::uint64_t total = 0;
  std::uint64_t processed = 0;
  std::uint64_t skipped = 0;
  std::uint64_t failed = 0;
  std::uint64_t bytes = 0;
};

class DocumentStore {
 public:
  // Opens or creates the database and migrates it to the current schema.
  explicit DocumentStore(const std::filesystem::path& db_path);

  std::int64_t begin_run(std::string_view command, std::string_view config_hash,
                         std::string_view config_text, int threads);
  void update_run(std::int64_t run_id, const RunCounts& counts);
  void finish_run(std::int64_t run_id, const RunCounts& counts, std::string_view status);

  // path -> stored state, for every document in the database.
  std::unordered_map<std::string, StoredState> document_states();

  // Replaces everything stored for doc.path with doc's results, in one transaction.
  void write_document(const pipeline::Document& doc, std::int64_t run_id,
                      std::string_view config_hash, bool store_text);
  // Records a failed document: an errors row, and the documents row marked "error" (its old
  // results, if any, are removed so no stale numbers survive a failure).
  void write_error(const pipeline::Document& doc, std::int64_t run_id, std::string_view config_hash,
                   const Error& error);

  Connection& connection() { return db_; }

 private:
  std::int64_t upsert_document(const pipeline::Document& doc, std::int64_t run_id,
                               std::string_view config_hash, std::string_view status,
                               std::string_view error);
  std::uint32_t term_id(const std::string& term);

  Connection db_;
  std::unordered_map<std::string, std::uint32_t> vocabulary_;
  Statement insert_term_;  // prepared once: new terms arrive by the thousand
};

// Current UTC time as ISO 8601 ("2026-11-21T12:00:00Z").
std::string utc_now();

}  // namespace secnlp::store
