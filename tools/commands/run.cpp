// `secnlp run JOB.toml`: a scheduled batch job (sources, pipeline, database, follow-ups) that
// does only what is new, refuses to overlap another run on the same database, and records
// itself. `secnlp runs --db FILE`: past runs and their outcome.
#include <iostream>

#include <fmt/format.h>

#include "common/error.h"
#include "pipeline/distributed/cluster.h"
#include "pipeline/distributed/shard.h"
#include "pipeline/fetching.h"
#include "pipeline/jobs/job_file.h"
#include "pipeline/jobs/job_runner.h"
#include "pipeline/store/database.h"
#include "pipeline/store/run_ranks.h"
#include "tools/commands/commands.h"
#include "tools/commands/model_commands.h"
#include "tools/output.h"

namespace secnlp::tools {

void add_run_command(CLI::App& app, int& exit_code) {
  auto file = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  auto force = std::make_shared<bool>(false);
  auto progress = std::make_shared<std::string>("auto");
  auto shard = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "run", "Run a batch job file (see docs/scheduling.md): only what is new, never two at once");
  cmd->add_option("job", *file, "Job file (TOML)")->required();
  cmd->add_flag("--force", *force, "Recompute documents even when unchanged");
  cmd->add_option("--progress", *progress, "auto, bar, lines or off")
      ->check(CLI::IsMember({"auto", "bar", "lines", "off"}))
      ->capture_default_str();
  cmd->add_option("--shard", *shard,
                  "Process only shard K of N of the sources (balanced by bytes; see "
                  "process --shard); the follow-ups cover that share's companies. Under mpirun "
                  "the processing is spread over the ranks instead")
      ->check(shard_check());
  add_format_option(*cmd, *format, "Summary format: table, csv or json");
  cmd->callback([file, format, force, progress, shard, &exit_code] {
    const jobs::JobFile job = jobs::load_job_file(*file);
    jobs::RunJobOptions options;
    options.force = *force;
    if (!shard->empty()) options.shard = distributed::parse_shard(*shard);
    options.cluster = distributed::cluster();
    options.progress = *progress == "bar"     ? pipeline::ProgressMode::kBar
                       : *progress == "lines" ? pipeline::ProgressMode::kLines
                       : *progress == "off"   ? pipeline::ProgressMode::kOff
                                              : pipeline::ProgressMode::kAuto;
    // Fetch sources download into their `out` folder and record into the job's database.
    options.fetch = [&job](const jobs::FetchSource& source) {
      pipeline::FetchOptions fetch;
      const std::filesystem::path out =
          source.out_dir ? *source.out_dir : job.file.parent_path() / "edgar";
      fetch.request = pipeline::fetch_request_from_fields(source.fields, out);
      auto ua = source.fields.find("user_agent");
      if (ua != source.fields.end() && !ua->second.empty()) fetch.user_agent = ua->second.front();
      fetch.db = job.db;
      const pipeline::FetchSummary fetched = pipeline::fetch_and_record(fetch);
      if (!fetched.failed.empty()) {
        throw Error(ErrorCode::kIo, fmt::format("{} of {} filings could not be fetched",
                                                fetched.failed.size(), fetched.selected));
      }
      return fetched.paths;
    };
#ifdef SECNLP_WITH_TORCH
    // Only a job with a predict follow-up loads the model commands' library (and libtorch),
    // before anything runs, so a missing library stops the job at once.
    if (job.predict) {
      const ModelCommands& library = model_commands("followups.predict");
      options.predict = [&job, &library](const jobs::PredictFollowup& p,
                                         const std::vector<std::int64_t>& ids,
                                         const std::string& section) {
        models::ScoreRequest score;
        score.db = job.db;
        score.model_dir = p.model;
        score.item = section;
        score.doc_ids = ids;
        return rethrow_if_failed(library.score_sections(score)).count;
      };
    }
#endif
    jobs::JobSummary s;
    bool reported = true;
    distributed::run_on_cluster(options.cluster, [&] {
      if (options.cluster != nullptr && options.cluster->rank() != 0) {
        jobs::join_job(job, options);  // rank 0 runs the job and reports it
        reported = false;
        return;
      }
      s = jobs::run_job(job, options);
    });
    if (!reported) return;
    pipeline::ResultTable t;
    t.columns = {"item", "value"};
    auto add = [&](std::string k, std::string v) {
      t.rows.push_back({std::move(k), std::move(v)});
    };
    add("job", job.name);
    add("database", store::display_location(job.db.string()));
    add("run", std::to_string(s.job_run_id));
    add("status", s.status);
    add("documents", std::to_string(s.counts.total));
    add("processed (new or changed)", std::to_string(s.counts.processed));
    add("skipped (unchanged)", std::to_string(s.counts.skipped));
    add("failed", std::to_string(s.failed()));
    add("companies with new filings", std::to_string(s.companies.size()));
    add("similarity rows", std::to_string(s.similarity_rows));
    add("predicted sections", std::to_string(s.predicted_sections));
    add("time", fmt::format("{:.2f} s", s.seconds));
    if (s.broke_stale_lock) add("stale lock broken", *s.broke_stale_lock);
    print_table(std::cout, t, parse_output_format(*format));
    if (s.failed() > 0) exit_code = 1;
  });
}

void add_runs_command(CLI::App& app, int& /*exit_code*/) {
  auto db = std::make_shared<std::string>("secnlp.db");
  auto format = std::make_shared<std::string>("table");
  auto limit = std::make_shared<std::size_t>(20);
  auto ranks = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("runs", "Past runs (process and jobs) with their outcome");
  add_db_option(*cmd, *db);
  cmd->add_option("--limit", *limit, "How many runs, newest first")->capture_default_str();
  cmd->add_flag("--ranks", *ranks,
                "What each MPI rank of those runs did (runs under mpirun), one row per rank");
  add_format_option(*cmd, *format, "table, csv or json");
  cmd->callback([db, format, limit, ranks] {
    print_table(std::cout,
                *ranks ? store::query_run_ranks(*db, *limit) : store::query_runs(*db, *limit),
                parse_output_format(*format));
  });
}

}  // namespace secnlp::tools
