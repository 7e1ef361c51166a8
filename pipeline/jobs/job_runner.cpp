#include "pipeline/jobs/job_runner.h"

#include <chrono>
#include <set>

#include <fmt/format.h>

#include "common/error.h"
#include "common/hash.h"
#include "common/json.h"
#include "common/log.h"
#include "corpora/inputs/input_files.h"
#include "pipeline/distributed/work_handout.h"
#include "pipeline/jobs/run_lock.h"
#include "pipeline/similarity/similarity_series.h"
#include "pipeline/store/database.h"
#include "pipeline/store/dead_runs.h"
#include "pipeline/store/run_records.h"

namespace secnlp::jobs {
namespace {

namespace fs = std::filesystem;

void refuse_unsupported(const JobFile& job, const RunJobOptions& options) {
  const std::string origin = job.file.empty() ? job.name : job.file.string();
  if (job.predict && !options.predict) {
    throw Error(ErrorCode::kUnsupported,
                fmt::format("followups.predict (model {}) needs a build with libtorch "
                            "(SECNLP_WITH_TORCH); remove it from the job to run the rest",
                            job.predict->model.string()),
                origin);
  }
  if (!options.fetch) {
    for (std::size_t i = 0; i < job.sources.size(); ++i) {
      if (job.sources[i].fetch) {
        throw Error(
            ErrorCode::kUnsupported,
            fmt::format("source[{}] is a fetch selection, and this build has no fetcher", i),
            origin);
      }
    }
  }
}

JobFailure failure_of(const std::string& what, const Error& error) {
  log_warn("{}: {}", what, error.what());
  return {what, std::string(error_code_name(error.code())), error.message()};
}

std::string outcome_json(const JobFile& job, const JobSummary& s,
                         const std::vector<fs::path>& fetched) {
  std::string companies = "[";
  for (std::size_t i = 0; i < s.companies.size(); ++i)
    companies += (i ? "," : "") + json_quote(s.companies[i]);
  companies += "]";
  std::string paths = "[";
  for (std::size_t i = 0; i < fetched.size(); ++i)
    paths += (i ? "," : "") + json_quote(fetched[i].string());
  paths += "]";
  return fmt::format(
      "{{\"job\":{},\"process_run_id\":{},\"companies\":{},\"similarity_rows\":{},"
      "\"fetched\":{}}}",
      job_json(job), s.process_run_id, companies, s.similarity_rows, paths);
}

struct FollowupFailure {
  std::string what;
  Error error;
};

// The similarity follow-ups of one company ("c<cik>" or "t<ticker>"), for every configured
// section: rows of the series computed or re-read. Failures are logged and added to `failures`.
std::uint64_t company_followups(const JobFile& job, const std::string& item,
                                std::vector<FollowupFailure>& failures) {
  const bool is_cik = item.front() == 'c';
  const std::string company = item.substr(1);
  std::uint64_t rows = 0;
  for (const std::string& section : job.similarity->sections) {
    similarity::SeriesQuery q;
    q.db = job.db;
    (is_cik ? q.filter.cik : q.filter.ticker) = company;
    q.scope = section;
    q.measures = job.similarity->measures;
    const std::string what = fmt::format("followups.similarity:{}:{}", company, section);
    try {
      rows += similarity::similarity_series(q).rows.size();
    } catch (const Error& e) {
      failure_of(what, e);  // logs it
      failures.push_back({what, e});
    }
  }
  return rows;
}

// A rank's follow-up result: rows, then its failures.
std::string write_followups(std::uint64_t rows, const std::vector<FollowupFailure>& failures) {
  distributed::Writer w;
  w.u64(rows).u64(failures.size());
  for (const auto& f : failures)
    w.str(f.what).u64(static_cast<std::uint64_t>(f.error.code())).str(f.error.message());
  return w.bytes();
}

std::uint64_t read_followups(const std::string& bytes, std::vector<FollowupFailure>& failures) {
  distributed::Reader r(bytes);
  const std::uint64_t rows = r.u64();
  const std::uint64_t n = r.u64();
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string what = r.str();
    const auto code = static_cast<ErrorCode>(r.u64());
    failures.push_back({std::move(what), Error(code, r.str())});
  }
  return rows;
}

// The job's processing options, without the inputs.
pipeline::ProcessOptions process_options(const JobFile& job, const RunJobOptions& options) {
  pipeline::ProcessOptions process;
  process.db = job.db;
  process.pipeline_file = job.pipeline;
  process.resources = options.resources;
  if (job.lexicon) process.resources.lexicon = job.lexicon;
  process.threads = options.threads.value_or(job.threads);
  process.force = options.force;
  process.progress = options.progress;
  process.shard = options.shard;
  process.cluster = options.cluster;
  return process;
}

}  // namespace

void join_job(const JobFile& job, const RunJobOptions& options) {
  const pipeline::ProcessSummary processed =
      pipeline::process_documents(process_options(job, options));
  // Rank 0 hands out the follow-ups when it processed something (run_job's condition).
  if (!job.similarity || processed.run_id == 0 || options.cluster == nullptr) return;
  distributed::Cluster& cluster = *options.cluster;
  cluster.set_working(true);
  std::uint64_t rows = 0;
  std::vector<FollowupFailure> failures;
  while (auto item = distributed::request_work(cluster))
    rows += company_followups(job, *item, failures);
  cluster.send(0, distributed::kTagResult, write_followups(rows, failures));
  cluster.set_working(false);
}

JobSummary run_job(const JobFile& job, const RunJobOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  refuse_unsupported(job, options);
  if (!store::is_postgres_url(job.db.string()) && job.db.has_parent_path()) {
    std::error_code ec;
    fs::create_directories(job.db.parent_path(), ec);
    if (ec)
      throw Error(ErrorCode::kIo, "cannot create the database folder: " + ec.message(),
                  job.db.parent_path().string());
  }
  RunLock lock(job.db);

  JobSummary summary;
  summary.broke_stale_lock = lock.stale_holder();
  store::DocumentStore store(job.db);
  store::Connection& db = store.connection();
  // With the lock held a 'running' job row is a dead job, and so are the rows begun after it.
  store::mark_dead_runs(db, "job:%", "interrupted", /*and_later=*/true);
  const int threads = options.threads.value_or(job.threads);
  const std::string description = job_json(job);
  summary.job_run_id =
      store.begin_run("job:" + job.name, hex_digest(description), description, threads);
  log_info("job {}: run {} on {}", job.name, summary.job_run_id,
           store::display_location(job.db.string()));

  std::vector<fs::path> fetched;
  try {
    std::vector<fs::path> inputs;
    for (std::size_t i = 0; i < job.sources.size(); ++i) {
      const JobSource& source = job.sources[i];
      if (source.path) {
        inputs.push_back(*source.path);
        continue;
      }
      const std::string what = fmt::format("fetch[{}]", i);
      try {
        for (auto& p : options.fetch(*source.fetch)) {
          fetched.push_back(p);
          inputs.push_back(std::move(p));
        }
      } catch (const Error& e) {
        summary.job_failures.push_back(failure_of(what, e));
        store::record_run_error(db, summary.job_run_id, what, e);
      }
    }

    if (corpora::discover_inputs(inputs).empty()) {
      log_info("job {}: no documents in the sources", job.name);
    } else {
      pipeline::ProcessOptions process = process_options(job, options);
      process.inputs = inputs;
      pipeline::ProcessSummary processed = pipeline::process_documents(process);
      summary.process_run_id = processed.run_id;
      summary.counts = processed.counts;
      summary.failures = std::move(processed.failures);
    }

    if (job.similarity && summary.process_run_id != 0) {
      const auto companies = store::companies_stored_by_run(db, summary.process_run_id);
      std::vector<FollowupFailure> failures;
      if (options.cluster != nullptr) {
        // Under mpirun the companies are handed out to every rank, one at a time.
        std::vector<std::string> items;
        for (const auto& [company, is_cik] : companies)
          items.push_back((is_cik ? "c" : "t") + company);
        distributed::WorkServer server(*options.cluster, std::move(items));
        options.cluster->set_working(true);
        server.start();
        while (auto item = server.next())
          summary.similarity_rows += company_followups(job, item->second, failures);
        for (const std::string& result : server.collect())
          if (!result.empty()) summary.similarity_rows += read_followups(result, failures);
        options.cluster->set_working(false);
      } else {
        for (const auto& [company, is_cik] : companies)
          summary.similarity_rows +=
              company_followups(job, (is_cik ? "c" : "t") + company, failures);
      }
      for (const auto& [company, is_cik] : companies)
        summary.companies.push_back(company);
      for (const auto& f : failures) {
        summary.job_failures.push_back(
            {f.what, std::string(error_code_name(f.error.code())), f.error.message()});
        store::record_run_error(db, summary.job_run_id, f.what, f.error);
      }
    }

    if (job.predict && summary.process_run_id != 0) {
      const std::vector<std::int64_t> doc_ids =
          store::documents_stored_by_run(db, summary.process_run_id);
      for (const std::string& section : job.predict->sections) {
        if (doc_ids.empty()) break;
        const std::string what = fmt::format("followups.predict:{}", section);
        try {
          summary.predicted_sections += options.predict(*job.predict, doc_ids, section);
        } catch (const Error& e) {
          summary.job_failures.push_back(failure_of(what, e));
          store::record_run_error(db, summary.job_run_id, what, e);
        }
      }
    }
  } catch (const Error& e) {
    try {
      store::record_run_error(db, summary.job_run_id,
                              job.file.empty() ? job.name : job.file.string(), e);
      store.finish_run(summary.job_run_id, summary.counts, "failed");
    } catch (...) {
    }
    throw;
  } catch (...) {
    try {
      store.finish_run(summary.job_run_id, summary.counts, "failed");
    } catch (...) {
    }
    throw;
  }

  summary.status = summary.failed() ? "partial" : "ok";
  store::set_run_config(db, summary.job_run_id, outcome_json(job, summary, fetched));
  store.finish_run(summary.job_run_id, summary.counts, summary.status);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  log_info("job {}: {} processed, {} skipped, {} failed, {} fetch/follow-up failures ({})",
           job.name, summary.counts.processed, summary.counts.skipped, summary.counts.failed,
           summary.job_failures.size(), summary.status);
  return summary;
}

}  // namespace secnlp::jobs
