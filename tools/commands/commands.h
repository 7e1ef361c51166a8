#pragma once
// One function per subcommand: each adds its CLI11 subcommand with an options struct and a
// callback that calls one library function and prints the result. `exit_code` receives the
// documented exit code for outcomes that are not exceptions (e.g. 1: some documents failed).

#include <CLI/CLI.hpp>

#include "pipeline/store/queries.h"

namespace secnlp::tools {

void add_process_command(CLI::App& app, int& exit_code);
void add_metrics_command(CLI::App& app, int& exit_code);
void add_terms_command(CLI::App& app, int& exit_code);
void add_stages_command(CLI::App& app, int& exit_code);
void add_names_command(CLI::App& app, int& exit_code);
void add_sections_command(CLI::App& app, int& exit_code);
void add_inspect_command(CLI::App& app, int& exit_code);
void add_exhibits_command(CLI::App& app, int& exit_code);
void add_entities_command(CLI::App& app, int& exit_code);
void add_similarity_command(CLI::App& app, int& exit_code);
void add_similar_command(CLI::App& app, int& exit_code);
void add_export_command(CLI::App& app, int& exit_code);
void add_run_command(CLI::App& app, int& exit_code);
void add_runs_command(CLI::App& app, int& exit_code);
void add_fetch_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_import_command(CLI::App& app, int& exit_code);
// Word vectors: train, neighbors, evaluate, map (torch-free; tools/commands/embed.cpp).
void add_embed_command(CLI::App& app, int& exit_code);
// The model commands: flags here, the work in libsecnlp_models_cli.so, loaded when one runs
// (tools/commands/model_commands.h); a build without libtorch says they are not built in.
void add_train_command(CLI::App& app, int& exit_code);
void add_evaluate_command(CLI::App& app, int& exit_code);
void add_predict_command(CLI::App& app, int& exit_code);

// Options shared by commands (tools/commands/common_options.cpp).
// --cik/--ticker/--form/--year/--path filters of read commands.
void add_document_filter(CLI::App& command, store::DocumentFilter& filter);
// --format table|csv|json; `format` holds the default.
void add_format_option(CLI::App& command, std::string& format,
                       const std::string& description = "table, csv or json");
// Refuses a thread count outside 0..max_thread_count() (common/threads.h): a usage error,
// exit 2, with the range in the message. Use on every --threads option.
CLI::Validator thread_count_check();
// Refuses a --shard value that is not K/N with 1 <= K <= N (distributed::parse_shard): a usage
// error, exit 2, saying what is wrong.
CLI::Validator shard_check();
// sklearn's min_df/max_df convention: "2" is a number of documents, "0.5" a proportion.
// Throws Error(kInvalidArgument) naming `flag` otherwise.
nlp::DocumentFrequencyBound parse_df_bound(const std::string& text, const char* flag);
// --db FILE; `db` holds the default.
void add_db_option(CLI::App& command, std::string& db);

}  // namespace secnlp::tools
