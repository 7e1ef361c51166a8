// `secnlp process INPUT... --db FILE`: run the pipeline over files and directories.
#include <algorithm>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "common/error.h"
#include "pipeline/distributed/cluster.h"
#include "pipeline/distributed/shard.h"
#include "pipeline/jobs/run_lock.h"
#include "pipeline/runner.h"
#include "pipeline/store/database.h"
#include "tools/commands/commands.h"
#include "tools/output.h"

namespace secnlp::tools {
namespace {

// "entities 1.61 s (58%), html 0.40 s (14%), tokens 0.25 s (9%), 10 others 0.52 s": the four
// costliest stages and the rest, seconds summed over worker threads.
std::string stage_time(std::vector<std::pair<std::string, double>> seconds) {
  double total = 0;
  for (const auto& [name, s] : seconds)
    total += s;
  if (seconds.empty() || total <= 0) return "none measured";
  std::stable_sort(seconds.begin(), seconds.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::string out;
  const std::size_t shown = std::min<std::size_t>(seconds.size(), 4);
  for (std::size_t i = 0; i < shown; ++i)
    out += fmt::format("{}{} {:.2f} s ({:.0f}%)", i ? ", " : "", seconds[i].first,
                       seconds[i].second, 100 * seconds[i].second / total);
  double rest = 0;
  for (std::size_t i = shown; i < seconds.size(); ++i)
    rest += seconds[i].second;
  if (seconds.size() > shown)
    out += fmt::format(", {} other{} {:.2f} s", seconds.size() - shown,
                       seconds.size() - shown == 1 ? "" : "s", rest);
  return out + " (summed over threads)";
}

struct ProcessFlags {
  pipeline::ProcessOptions options;
  std::vector<std::string> inputs;
  std::string pipeline_file;
  std::string lexicon;
  std::string ner_model;
  std::string metadata;
  std::string progress = "auto";
  std::string format = "table";
  std::string shard;
  std::string run_key;
  bool dry_run = false;
};

// A two-column summary; values are text so the column reads left to right.
pipeline::ResultTable summary_table(const pipeline::ProcessSummary& s,
                                    const pipeline::ProcessOptions& o) {
  const double mb = static_cast<double>(s.counts.bytes) / 1e6;
  pipeline::ResultTable t;
  t.columns = {"item", "value"};
  auto add = [&](std::string k, std::string v) { t.rows.push_back({std::move(k), std::move(v)}); };
  add("database", store::display_location(o.db.string()));
  add("run", std::to_string(s.run_id));
  if (o.shard) add("shard", distributed::shard_name(*o.shard));
  if (s.ranks > 1) add("MPI ranks", std::to_string(s.ranks));
  add("documents", std::to_string(s.counts.total));
  add("processed", std::to_string(s.counts.processed));
  add("skipped (unchanged)", std::to_string(s.counts.skipped));
  if (s.counts.linked) add("linked (same filing as another file)", std::to_string(s.counts.linked));
  add("failed", std::to_string(s.counts.failed));
  if (s.recomputed) {
    add("recomputed (configuration changed)", std::to_string(s.recomputed));
    for (const auto& change : s.changes)
      add("  changed", change);
  }
  if (!s.undated.empty())
    add("undated",
        fmt::format("{} filing{} ha{} no filing date: their similarity rows cannot be dated "
                    "(give dates with --metadata FILE.csv)",
                    s.undated.size(), s.undated.size() == 1 ? "" : "s",
                    s.undated.size() == 1 ? "s" : "ve"));
  if (!s.near_empty.empty())
    add("near-empty",
        fmt::format("{} (almost no words: truncated or cover page only?)", s.near_empty.size()));
  if (!s.truncated.empty())
    add("truncated", fmt::format("{} (the container ends early)", s.truncated.size()));
  if (s.with_warnings) add("documents with warnings", std::to_string(s.with_warnings));
  if (s.flagged_sections) {
    std::string detail;
    for (const auto& [flag, n] : s.section_flags)
      detail += fmt::format("{}{} {}", detail.empty() ? "" : ", ", n, flag);
    add("flagged sections", fmt::format("{} ({})", s.flagged_sections, detail));
  }
  add("input", fmt::format("{:.1f} MB", mb));
  add("time", fmt::format("{:.2f} s ({:.1f} MB/s, start-up included)", s.seconds,
                          s.seconds > 0 ? mb / s.seconds : 0.0));
  std::string stages;
  for (const auto& st : s.stages)
    stages += (stages.empty() ? "" : ", ") + st;
  add("stages", stages);
  add("stage time", stage_time(s.stage_seconds));
  add("config hash", s.config_hash);
  add("Loughran-McDonald", s.lexicon ? "counted" : "absent: pass --lexicon PATH to add LM counts");
  return t;
}

// Takes the database's run lock; a refused shard says that shards of one SQLite database run one
// after another.
void lock_for_run(const pipeline::ProcessOptions& o, const std::string& run_key,
                  std::optional<jobs::RunLock>& lock) {
  try {
    lock.emplace(o.db, run_key);
  } catch (const Error& e) {
    if (!o.shard || e.code() != ErrorCode::kDatabase) throw;
    throw Error(e.code(),
                e.message() +
                    "; shards of one SQLite database run one after another (start shard " +
                    distributed::shard_name(*o.shard) + " when the running one ends)",
                e.path());
  }
}

}  // namespace

void add_process_command(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ProcessFlags>();
  CLI::App* cmd = app.add_subcommand(
      "process", "Process documents (HTML or text filings) into the SQLite results database");
  cmd->add_option("inputs", flags->inputs, "Files and directories (searched recursively)")
      ->required();
  cmd->add_option("--db", flags->options.db, "Results database (created if missing)")
      ->capture_default_str();
  cmd->add_option("--pipeline", flags->pipeline_file,
                  "Pipeline TOML file (default pipeline if absent)");
  cmd->add_option("--lexicon", flags->lexicon,
                  "Loughran-McDonald lexicon: master dictionary CSV, a folder of word lists, or "
                  "one list");
  cmd->add_option("--ner-model", flags->ner_model,
                  "Named-entity model directory (secnlp train --task ner) for the entities stage");
  cmd->add_option("--metadata", flags->metadata,
                  "CSV of filing metadata for the inputs (path, filename or accession; filed, "
                  "accepted, period, cik, ticker, form ...); its values win over every other "
                  "source");
  cmd->add_option("--wordnet", flags->options.resources.wordnet_dir, "WordNet dictionary folder")
      ->capture_default_str();
  cmd->add_option("--cmudict", flags->options.resources.cmudict, "CMU pronouncing dictionary")
      ->capture_default_str();
  cmd->add_option("--hyphen", flags->options.resources.hyphen, "Hyphenation patterns (libhyphen)")
      ->capture_default_str();
  cmd->add_option("-j,--threads", flags->options.threads, "Worker threads (0: all cores)")
      ->check(thread_count_check())
      ->capture_default_str();
  cmd->add_flag("--force", flags->options.force, "Recompute documents even when unchanged");
  cmd->add_flag("!--no-text", flags->options.store_text, "Do not store the clean text");
  cmd->add_option("--max-bytes", flags->options.max_document_bytes,
                  "Documents larger than this are rejected with an error row")
      ->capture_default_str();
  cmd->add_option("--progress", flags->progress, "auto, bar, lines or off")
      ->check(CLI::IsMember({"auto", "bar", "lines", "off"}))
      ->capture_default_str();
  add_format_option(*cmd, flags->format, "Summary format: table, csv or json");
  cmd->add_option("--shard", flags->shard,
                  "Process only shard K of N (1 <= K <= N), a share of the inputs balanced "
                  "by bytes, for job arrays (Slurm, Kubernetes indexed Jobs, AWS Batch): the N "
                  "shards cover each input once. Each shard is its own run; on one SQLite "
                  "database they must run one after another (docs/scaling.md)")
      ->check(shard_check());
  cmd->add_option("--run-key", flags->run_key,
                  "Processes started with the same key share the run lock of a PostgreSQL "
                  "database (the shards of one job array at once, e.g. --run-key "
                  "\"$SLURM_ARRAY_JOB_ID\"); any other run is refused meanwhile. SQLite keeps "
                  "one run at a time");
  cmd->add_flag("--dry-run", flags->dry_run, "Check the pipeline configuration and stop");
  cmd->callback([flags, &exit_code] {
    auto& o = flags->options;
    for (const auto& i : flags->inputs)
      o.inputs.emplace_back(i);
    if (!flags->pipeline_file.empty()) o.pipeline_file = flags->pipeline_file;
    if (!flags->lexicon.empty()) o.resources.lexicon = flags->lexicon;
    if (!flags->ner_model.empty()) o.resources.ner_model = flags->ner_model;
    if (!flags->metadata.empty()) o.metadata_file = flags->metadata;
    if (!flags->shard.empty()) o.shard = distributed::parse_shard(flags->shard);
    o.progress = flags->progress == "bar"     ? pipeline::ProgressMode::kBar
                 : flags->progress == "lines" ? pipeline::ProgressMode::kLines
                 : flags->progress == "off"   ? pipeline::ProgressMode::kOff
                                              : pipeline::ProgressMode::kAuto;
    if (flags->dry_run) {
      const auto stages = pipeline::validate_pipeline(o);
      std::string list;
      for (const auto& s : stages)
        list += (list.empty() ? "" : ", ") + s;
      std::cout << "pipeline ok: " << list << "\n";
      return;
    }
    // Under mpirun: rank 0 takes the lock and the run; the other ranks join it.
    o.cluster = distributed::cluster();
    pipeline::ProcessSummary summary;
    distributed::run_on_cluster(o.cluster, [&] {
      // The same lock as `secnlp run`: a manual run and a scheduled job never interleave.
      std::optional<jobs::RunLock> lock;
      if (o.cluster == nullptr || o.cluster->rank() == 0) lock_for_run(o, flags->run_key, lock);
      summary = pipeline::process_documents(o);
    });
    if (summary.rank != 0) return;  // rank 0 reports the whole run
    // One result: `--format json` prints one object {"summary": [...], "flagged": [...], ...}.
    NamedTables tables;
    tables.emplace_back("summary", summary_table(summary, o));
    if (!summary.undated.empty() || !summary.near_empty.empty() || !summary.truncated.empty()) {
      pipeline::ResultTable flagged;
      flagged.columns = {"flagged document", "flag"};
      auto list = [&](const std::vector<std::string>& paths, const char* flag) {
        for (const auto& path : paths)
          flagged.rows.push_back({path, std::string(flag)});
      };
      list(summary.undated, "undated");
      list(summary.near_empty, "near-empty");
      list(summary.truncated, "truncated");
      tables.emplace_back("flagged", std::move(flagged));
    }
    if (!summary.failures.empty()) {
      pipeline::ResultTable failures;
      failures.columns = {"failed document", "code", "message"};
      for (const auto& f : summary.failures)
        failures.rows.push_back({f.path, f.code, f.message});
      tables.emplace_back("failures", std::move(failures));
    }
    print_tables(std::cout, tables, parse_output_format(flags->format), false);
    if (!summary.failures.empty()) {
      exit_code = 1;
    }
  });
}

}  // namespace secnlp::tools
