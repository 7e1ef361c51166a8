#pragma once
// The write side of the results database, used by one writer thread.
//
// Each document is committed in its own transaction, so a run killed at any point (even with
// SIGKILL) leaves every document either fully stored or absent; the next run skips what is
// stored under the same content and config hashes and does the rest.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/error.h"
#include "pipeline/document.h"
#include "pipeline/store/database.h"

namespace secnlp::store {

// What the database knows about a file, for skip decisions.
struct StoredState {
  std::int64_t doc_id = 0;
  std::string content_hash;   // of this file
  std::string config_hash;    // of the document the file belongs to
  std::string status;         // of that document: "ok" or "error"
  std::string role;           // "processed" (the results come from this file) or "linked"
  std::string metadata_hash;  // of the metadata the file's surroundings supplied
};

struct RunCounts {
  std::uint64_t total = 0;
  std::uint64_t processed = 0;
  std::uint64_t skipped = 0;
  std::uint64_t failed = 0;
  std::uint64_t linked = 0;  // files recognised as another file's filing (not stored twice)
  std::uint64_t bytes = 0;
};

// How write_document stored a document.
enum class WriteOutcome {
  kStored,  // its results were written
  kLinked,  // the filing is already stored from another file (its full submission, or an
            // identical copy): this file was recorded as linked to it, nothing else changed
};

// A document's identity: "accession:<accession>" when its accession is known, else
// "content:<content hash>:<file name>" (the same bytes under the same name anywhere are the
// same document), else "path:<path>" (a file that could not even be read).
std::string document_key(const pipeline::Document& doc);
// The key of content_states(): content hash and file name.
std::string content_key(std::string_view content_hash, const std::string& path);

class DocumentStore {
 public:
  // Opens or creates the database and migrates it to the current schema.
  explicit DocumentStore(const std::filesystem::path& db_path);

  std::int64_t begin_run(std::string_view command, std::string_view config_hash,
                         std::string_view config_text, int threads);
  void update_run(std::int64_t run_id, const RunCounts& counts);
  void finish_run(std::int64_t run_id, const RunCounts& counts, std::string_view status);
  // Records what rank `rank` (on `host`) of an MPI run did (run_ranks; replaces its row).
  void record_rank(std::int64_t run_id, int rank, std::string_view host, const RunCounts& counts);

  // File path -> stored state, for every file that reached a stored document.
  std::unordered_map<std::string, StoredState> file_states();
  // content_key(hash, path) -> the state of a stored document a file with that content and
  // file name reached.
  std::unordered_map<std::string, StoredState> content_states();
  // The configuration text of the run that last wrote a document under `config_hash` (empty
  // when none), to say what changed.
  std::string config_text(std::string_view config_hash);

  // Stores doc's results under its identity (document_key), in one transaction: a new row, or
  // the row of the same filing, replaced. A primary document whose filing is stored from its
  // full submission, or a copy of an already stored file, is only linked (kLinked): one filing
  // is one document whatever files and path spellings reach it.
  WriteOutcome write_document(const pipeline::Document& doc, std::int64_t run_id,
                              std::string_view config_hash, bool store_text);
  // Records `path` (a file skipped because its content is stored) as linked to `doc_id`.
  void link_file(const std::string& path, std::string_view content_hash, std::int64_t doc_id,
                 std::string_view metadata_hash = {});
  // Records a failed document: an errors row always. The document the file had produced is
  // marked "error" and its results removed (no stale numbers survive a failure), unless the
  // failure is the store's own (ErrorCode::kDatabase): a good stored document is never
  // replaced by an error the database caused, nor a filing stored from another file.
  void write_error(const pipeline::Document& doc, std::int64_t run_id, std::string_view config_hash,
                   const Error& error);

  // Replaces, in one transaction, the metrics of document `doc_id` and `scope` whose names
  // start with `prefix` by `metrics` (a model's scores: `predict --db`).
  void replace_metrics(std::int64_t doc_id, std::string_view scope, std::string_view prefix,
                       const std::vector<std::pair<std::string, double>>& metrics);

  Connection& connection() { return db_; }

 private:
  struct Existing {
    std::int64_t id = 0;
    std::string kind, status, path, content_hash, config_hash;
  };
  std::optional<Existing> find_by_key(const std::string& key);
  std::optional<Existing> find_by_path(const std::string& path);
  std::int64_t upsert_document(const pipeline::Document& doc, const std::optional<Existing>& row,
                               std::int64_t run_id, std::string_view config_hash,
                               std::string_view status, std::string_view error);
  void set_file(const std::string& path, std::string_view content_hash, std::int64_t doc_id,
                std::string_view role, std::string_view metadata_hash);
  std::uint32_t term_id(const std::string& term);
  std::uint32_t term_id_uncached(const std::string& term);
  // Adds the document's terms missing from the vocabulary, in a transaction of their own.
  void add_terms(const pipeline::Document& doc);
  void write_entities(const pipeline::Document& doc, std::int64_t id);

  Connection db_;
  std::unordered_map<std::string, std::uint32_t> vocabulary_;
  Statement insert_term_;  // prepared once: new terms arrive by the thousand
};

// Current UTC time as ISO 8601 ("2026-11-21T12:00:00Z").
std::string utc_now();

}  // namespace secnlp::store
