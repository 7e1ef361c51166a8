#pragma once
// The tagging model commands, torch-free and run in `secnlp` itself (no libtorch load):
// `train --task pos|ner`, `evaluate` of a pos/ner model directory, and `tag`. The dispatch on
// the training task and on a model directory's manifest "task" lives here, in one place.

#include <string>

#include <CLI/CLI.hpp>

#include "pipeline/store/queries.h"
#include "tools/commands/model_commands.h"

namespace secnlp::tools {

// `train --task`: what to train.
enum class TrainTask { kClassify, kPos, kNer, kLm };
TrainTask parse_train_task(const std::string& name);

// The flags `train` adds for the tagging tasks.
struct TaggerTrainFlags {
  std::string task = "classify";
  std::string dev;
  std::string tagset = "xpos";
  bool epochs_given = false;  // --epochs on the command line; else the tagger's default
  bool seed_given = false;    // --seed likewise
};

// The flags `train` adds for --task lm (tools/commands/train_lm.cpp): the filing filter
// (--form, --cik, ...) of the stored filings whose sentences it trains on.
struct LmTrainFlags {
  store::DocumentFilter filter;
};
void add_lm_train_flags(CLI::App& train, LmTrainFlags& flags);
// Refuses the --task lm-only flags that `train` was given for another task.
void refuse_lm_flags(const CLI::App& train, const std::string& task);
// `train --task lm` (refuses the flags that do not apply); returns the exit code.
int train_language_model(const CLI::App& train, const TrainCommand& command,
                         const LmTrainFlags& flags);

// Runs `train` for flags.task other than classify (throws Error(kUnsupported) for tasks this
// binary does not build); returns the exit code. `command` holds --data, --out, --epochs, --seed.
int train_tagger(const TrainCommand& command, const TaggerTrainFlags& flags);

// When `command.model` is a pos (or ner) model directory: evaluates it, prints the result and
// returns true. False for any other directory (the classifiers' library handles it).
bool evaluate_tagger(const EvaluateCommand& command);

void add_tag_command(CLI::App& app, int& exit_code);

}  // namespace secnlp::tools
