// secnlp: SEC filings from EDGAR to answers. See README.md and docs/exit-codes.md.
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "common/error.h"
#include "common/log.h"
#include "tools/commands/commands.h"
#include "tools/commands/tagging_commands.h"

namespace {

// docs/exit-codes.md
int exit_code_for(secnlp::ErrorCode code) {
  using secnlp::ErrorCode;
  switch (code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kConfig:
      return 2;
    case ErrorCode::kIo:
    case ErrorCode::kParse:
    case ErrorCode::kEncoding:
    case ErrorCode::kResource:
    case ErrorCode::kLimit:
      return 3;
    case ErrorCode::kDatabase:
      return 4;
    case ErrorCode::kUnsupported:
    case ErrorCode::kInternal:
      return 5;
  }
  return 5;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"secnlp: SEC filings from EDGAR to answers (results on stdout, logs on stderr)"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "secnlp 0.1.0");
  bool verbose = false, quiet = false;
  app.add_flag("-v,--verbose", verbose, "More log output on stderr");
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr");

  int exit_code = 0;
  secnlp::tools::add_fetch_command(app, exit_code);
  secnlp::tools::add_process_command(app, exit_code);
  secnlp::tools::add_metrics_command(app, exit_code);
  secnlp::tools::add_terms_command(app, exit_code);
  secnlp::tools::add_sections_command(app, exit_code);
  secnlp::tools::add_inspect_command(app, exit_code);
  secnlp::tools::add_exhibits_command(app, exit_code);
  secnlp::tools::add_entities_command(app, exit_code);
  secnlp::tools::add_similarity_command(app, exit_code);
  secnlp::tools::add_similar_command(app, exit_code);
  secnlp::tools::add_export_command(app, exit_code);
  secnlp::tools::add_run_command(app, exit_code);
  secnlp::tools::add_runs_command(app, exit_code);
  secnlp::tools::add_stages_command(app, exit_code);
  secnlp::tools::add_names_command(app, exit_code);
  secnlp::tools::add_check_command(app, exit_code);
  secnlp::tools::add_import_command(app, exit_code);
  secnlp::tools::add_train_command(app, exit_code);
  secnlp::tools::add_evaluate_command(app, exit_code);
  secnlp::tools::add_predict_command(app, exit_code);
  secnlp::tools::add_tag_command(app, exit_code);
  secnlp::tools::add_embed_command(app, exit_code);
  app.parse_complete_callback([&] {
    secnlp::set_log_level(quiet     ? secnlp::LogLevel::kError
                          : verbose ? secnlp::LogLevel::kDebug
                                    : secnlp::LogLevel::kInfo);
  });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  } catch (const secnlp::Error& e) {
    secnlp::log_error("{}", e.what());
    return exit_code_for(e.code());
  } catch (const std::exception& e) {
    secnlp::log_error("internal error: {}", e.what());
    return 5;
  }
  std::cout.flush();
  return exit_code;
}
