#pragma once
// The model commands (`train`, `evaluate`, `predict`, and the `predict` follow-up of jobs) live
// in a shared library, libsecnlp_models_cli.so (tools/models_cli/), because they link libtorch:
// `secnlp` itself defines their flags (so `--help` loads nothing) and loads the library on the
// first model command it runs. Every other command starts without libtorch.
//
// This header is the boundary: torch-free option structs filled by the flags in the main
// binary, and the table of functions the library exports. Both sides are built from the same
// tree; the table carries a version that the loader checks.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "common/error.h"
#include "common/log.h"
#include "models/runs/model_runs.h"
#include "models/train/language_model.h"

namespace secnlp::tools {

// --data, --format, --text-column, --label-column, --classes, --skip-bad-lines, and the stored
// sections form: --sections-db, --section, --labels, --id-column.
struct DataFlags {
  std::string path;
  std::string format = "auto";
  std::string text_column = "text";
  std::string label_column = "label";
  std::vector<std::string> classes;
  bool skip_bad_lines = false;
  std::string db;
  std::string section;
  std::string labels;
  std::string id_column = "accession";
};
void add_data_flags(CLI::App& command, DataFlags& flags);

// `secnlp train`: the request as far as flags fill it directly, plus the flags the library
// parses (fractions, padding, KEY=VALUE model options).
struct TrainCommand {
  models::TrainRequest request;
  DataFlags data;
  std::vector<std::string> model_options;
  std::string split = "0.8,0.1,0.1";
  std::string padding = "pre";
  std::string truncating = "pre";
  std::string out;
  std::string db;
  bool no_placeholders = false;
  std::string output = "table";  // the summary: table (text) or json (one object)
};

// `secnlp train --task lm`: a corpus of one sentence per line, tokens separated by single spaces
// (pipeline/sentence_corpus.h writes it; the main binary makes it from --db or --data), and the
// language model to train on it into `out`.
struct LanguageModelCommand {
  std::string corpus;
  std::string source;  // what the corpus was made from, for the summary
  std::string out;
  models::LanguageModelOptions options;
};

// `secnlp evaluate`.
struct EvaluateCommand {
  std::string model;
  DataFlags data;
  std::string image_split = "test";
  std::string device = "auto";
  // How the metrics are printed: table (the report as sklearn prints it), csv (one row per
  // class) or json (one object). --format already names the data's format.
  std::string output = "table";
};

// `secnlp predict`: texts, a file of lines, images, or stored sections (db + score).
struct PredictCommand {
  std::string model;
  std::vector<std::string> texts;
  std::string file;
  std::vector<std::string> images;
  models::ScoreRequest score;
  std::string db;
  std::string format = "table";
};

// How a call into the library ended: an exit code for outcomes that are not errors (train: 1
// when interrupted), a count (the job follow-up: sections scored), or the secnlp::Error it
// threw, carried across the boundary as values and rethrown by the loader.
struct ModelCallResult {
  int exit_code = 0;
  std::size_t count = 0;
  bool failed = false;
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string path;
};

inline constexpr int kModelCommandsVersion = 3;

// What libsecnlp_models_cli.so exports (as the C symbol kModelCommandsSymbol).
struct ModelCommands {
  int version = kModelCommandsVersion;
  // The library has its own copy of the log settings; the loader passes -q/-v on.
  void (*set_log_level)(LogLevel level) = nullptr;
  ModelCallResult (*train)(const TrainCommand& command) = nullptr;
  ModelCallResult (*train_language_model)(const LanguageModelCommand& command) = nullptr;
  ModelCallResult (*evaluate)(const EvaluateCommand& command) = nullptr;
  ModelCallResult (*predict)(const PredictCommand& command) = nullptr;
  // The job runner's predict follow-up; count = sections scored.
  ModelCallResult (*score_sections)(const models::ScoreRequest& request) = nullptr;
};

inline constexpr char kModelCommandsSymbol[] = "secnlp_model_commands";
inline constexpr char kModelCommandsLibrary[] = "libsecnlp_models_cli.so";
inline constexpr char kModelCommandsEnv[] = "SECNLP_MODELS_LIB";

// The library's table, loaded on first call: $SECNLP_MODELS_LIB if set, else
// libsecnlp_models_cli.so beside the executable. Throws Error(kResource) naming the file when it
// is missing, cannot be loaded (e.g. libtorch absent) or is from another build; in a build
// without libtorch, Error(kUnsupported) naming `command`.
const ModelCommands& model_commands(const char* command);

// Rethrows the secnlp::Error a library call carried; else returns the result.
const ModelCallResult& rethrow_if_failed(const ModelCallResult& result);

}  // namespace secnlp::tools
