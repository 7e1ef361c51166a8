#pragma once
// `secnlp run JOB.toml`: one scheduled run of a job (job_file.h) against its database.
//
// A run, in order:
//  1. refuses at once, before touching anything, a job it cannot serve: followups.predict (not
//     implemented yet) or a fetch source without RunJobOptions::fetch: Error(kUnsupported).
//  2. takes the database's RunLock (run_lock.h): a second run on the same database is refused
//     with Error(kDatabase) naming the holder; a lock left by a dead run is broken (logged, and
//     in JobSummary::broke_stale_lock). Runs rows left 'running' by a dead job (and the rows
//     started after it, its process runs) are marked 'interrupted'.
//  3. records itself: a runs row with command "job:<name>", threads, config_hash (hash of the
//     job), and config = JSON {"job": job_json(), "process_run_id", "companies",
//     "similarity_rows", "fetched"} (filled in at the end). Its counts are the document counts
//     of the run; its status is "ok", "partial" (some document or follow-up failed) or "failed"
//     (the run stopped on an error, which is also an errors row of that run).
//  4. fetches (through the hook) and processes the sources with pipeline::process_documents,
//     which adds its own "process" runs row. "Only what is new": a document whose path is
//     stored with the same content hash and pipeline config hash and status ok is skipped;
//     new files, changed files, files that failed last time and everything after a pipeline
//     config change are processed. Each document is committed in its own transaction, so a run
//     killed at any point (SIGKILL included) leaves each document stored completely or not at
//     all, and the next run does exactly the rest: re-running is always safe.
//  5. follow-ups for the companies that got new or changed filings in this run (documents
//     rows written ok by this run's process run, grouped by cik, else ticker; filings with
//     neither are not paired): similarity::similarity_series per company and per configured
//     section, which computes and caches (similarity table) the scores of every pair of that
//     company that is not cached yet. Follow-up failures are errors rows of the job run (path
//     "followups.similarity:<company>:<section>") and make the status "partial".
// Costs: as process_documents, plus the similarity scores of the new pairs.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/jobs/job_file.h"
#include "pipeline/progress.h"
#include "pipeline/resources.h"
#include "pipeline/runner.h"
#include "pipeline/store/document_store.h"

namespace secnlp::jobs {

struct RunJobOptions {
  // WordNet/CMUdict/hyphenation paths; the job's lexicon, when set, replaces resources.lexicon.
  pipeline::ResourcePaths resources;
  std::optional<int> threads;  // overrides the job's threads
  bool force = false;          // reprocess everything (process --force)
  pipeline::ProgressMode progress = pipeline::ProgressMode::kAuto;
  // `run --shard K/N`: process only this shard's share of the sources (ProcessOptions::shard);
  // the follow-ups then cover the companies of that share. Each shard is its own job run.
  std::optional<distributed::Shard> shard;
  // Under mpirun: rank 0 runs the job; its processing and its similarity follow-ups (by
  // company) are spread over every rank (ranks > 0 call join_job). Fetches and the predict
  // follow-up run on rank 0.
  distributed::Cluster* cluster = nullptr;
  // Runs one fetch selection and returns the files or folders holding what it fetched (they
  // are then processed like path sources). Errors it throws are recorded as job failures
  // (path "fetch[<i>]") and the run goes on with the other sources. Unset: a job with a fetch
  // source is refused with Error(kUnsupported).
  std::function<std::vector<std::filesystem::path>(const FetchSource&)> fetch;
  // Scores `section` of the documents `doc_ids` (this run's new or changed filings) with the
  // follow-up's model and returns the sections scored (pipeline::score_sections). Unset (a
  // build without libtorch): a job with followups.predict is refused with kUnsupported.
  std::function<std::size_t(const PredictFollowup&, const std::vector<std::int64_t>& doc_ids,
                            const std::string& section)>
      predict;
};

// A failure outside a document: a fetch or a follow-up.
struct JobFailure {
  std::string what;  // "fetch[0]", "followups.similarity:0000320193:1A", ...
  std::string code;  // error_code_name()
  std::string message;
};

struct JobSummary {
  std::int64_t job_run_id = 0;      // the "job:<name>" runs row
  std::int64_t process_run_id = 0;  // the "process" runs row; 0 when there was nothing to read
  store::RunCounts counts;          // documents: total, processed, skipped, failed, bytes
  std::vector<pipeline::FailedDocument> failures;  // the first failed documents
  std::vector<std::string> companies;    // cik (or ticker) with new or changed filings this run
  std::uint64_t similarity_rows = 0;     // rows of the similarity series computed or re-read
  std::uint64_t predicted_sections = 0;  // sections scored by followups.predict
  std::vector<JobFailure> job_failures;
  std::optional<std::string> broke_stale_lock;  // the dead holder, when a stale lock was broken
  std::string status;                           // "ok" or "partial"
  double seconds = 0;

  // Failed documents plus failed fetches and follow-ups; the CLI exits 1 when non-zero.
  std::uint64_t failed() const { return counts.failed + job_failures.size(); }
};

// Runs `job` once (see the top of this file). Throws Error for problems that stop the run: an
// unsupported job (kUnsupported), a run already holding the lock (kDatabase), a bad pipeline
// file (kConfig), an unopenable database (kDatabase); a run stopped after it was recorded is
// marked "failed" with an errors row before the Error propagates.
JobSummary run_job(const JobFile& job, const RunJobOptions& options = {});

// What a rank other than 0 of an MPI job does during `secnlp run`: takes part in the job's
// processing (pipeline::process_documents with options.cluster), then computes the similarity
// follow-ups of the companies rank 0 hands it and sends rank 0 its rows and failures (rank 0
// records them). Returns at once when rank 0 processes nothing.
void join_job(const JobFile& job, const RunJobOptions& options);

}  // namespace secnlp::jobs
