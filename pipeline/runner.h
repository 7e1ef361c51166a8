#pragma once
// `secnlp process`: runs the pipeline over many files into the SQLite store.
//
// One serial reader hands paths to N workers (oneTBB parallel_pipeline); each worker reads,
// hashes and processes a document; one writer commits each document in its own transaction.
// At most 2N documents are in flight, so memory is bounded by a few times the largest document.
// A document that fails (unreadable, too large, binary, malformed) becomes an `errors` row and
// a log line naming the file; the others go on. Documents already stored with the same content
// hash and config hash are skipped unless `force`.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/distributed/cluster.h"
#include "pipeline/distributed/shard.h"
#include "pipeline/document.h"
#include "pipeline/progress.h"
#include "pipeline/resources.h"
#include "pipeline/store/document_store.h"

namespace secnlp::pipeline {

struct ProcessOptions {
  std::vector<std::filesystem::path> inputs;  // files and directories
  std::filesystem::path db = "secnlp.db";
  std::optional<std::filesystem::path> pipeline_file;  // TOML; default pipeline when absent
  ResourcePaths resources;
  int threads = 0;  // 0: all cores
  bool force = false;
  bool store_text = true;
  std::uint64_t max_document_bytes = 1ull << 30;
  // A metadata CSV for files from anywhere (corpora::read_user_metadata_csv): its values win
  // over every other source, the filing's own header included.
  std::optional<std::filesystem::path> metadata_file;
  ProgressMode progress = ProgressMode::kAuto;
  // `--shard K/N`: keep only this shard's share of the discovered inputs (distributed/shard.h,
  // balanced by bytes); the run is its own runs row like any other.
  std::optional<distributed::Shard> shard;
  // Under mpirun (distributed::cluster()): rank 0 discovers the inputs, takes the run's one
  // runs row and hands the documents out largest first, one per request; every rank processes
  // what it gets with its own threads and store connection into that run. At the end rank 0
  // gathers the ranks' counts, records them (run_ranks) and returns the totals; the other ranks
  // return only their own share (ProcessSummary::rank > 0). The caller holds the run lock on
  // rank 0 only. Progress display is off under MPI (each rank logs its counts at the end).
  distributed::Cluster* cluster = nullptr;
  // Called after each document (processed, skipped or failed) with the documents done so far
  // and the total, from the run's single writer thread (e.g. the Python package's progress bar).
  std::function<void(std::uint64_t done, std::uint64_t total)> on_document;
};

struct FailedDocument {
  std::string path;
  std::string code;
  std::string message;
};

struct ProcessSummary {
  std::int64_t run_id = 0;
  // Under MPI: this rank and the job's ranks. Rank 0's summary holds the whole run's counts and
  // findings; another rank's holds its own share only, and is empty when rank 0 stopped the
  // run before it began (rank 0 reports why).
  int rank = 0;
  int ranks = 1;
  store::RunCounts counts;
  double seconds = 0;
  std::string config_hash;
  std::vector<std::string> stages;
  // Seconds spent in each stage (pipeline order), summed over worker threads.
  std::vector<std::pair<std::string, double>> stage_seconds;
  bool lexicon = false;  // whether LM metrics were computed
  std::vector<FailedDocument> failures;
  // Documents recomputed because the configuration they were stored under differs, and what
  // differs (lines of Pipeline::description() that changed, e.g. "resource lexicon ...").
  std::uint64_t recomputed = 0;
  std::vector<std::string> changes;
  // Stored documents of this run without a filing date (flag "undated"): their year-over-year
  // rows cannot be dated. Paths, all of them.
  std::vector<std::string> undated;
  // Stored documents flagged near-empty or truncated, and documents with warnings: paths.
  std::vector<std::string> near_empty;
  std::vector<std::string> truncated;
  std::uint64_t with_warnings = 0;
  // Stored sections with any flag, and how many carry each flag (users filter on these).
  std::uint64_t flagged_sections = 0;
  std::map<std::string, std::uint64_t> section_flags;
};

// Processes every input. Throws Error for problems that stop the whole run (bad config, database
// cannot be opened); per-document problems are in the summary and the database.
ProcessSummary process_documents(const ProcessOptions& options);

// Reads and processes one file with the configured pipeline, without a database (for
// `secnlp inspect`). Throws Error naming the file when it cannot be processed.
Document process_one(const std::filesystem::path& path, const ProcessOptions& options);

// Builds the pipeline for `options` without processing anything (for --dry-run and tests).
std::vector<std::string> validate_pipeline(const ProcessOptions& options);

}  // namespace secnlp::pipeline
