#pragma once
// The tagging model commands, torch-free and run in `secnlp` itself (no libtorch load):
// `train --task pos|ner`, `evaluate` of a pos/ner model directory, and `tag`. The dispatch on
// the training task and on a model directory's manifest "task" lives here, in one place.

#include <string>

#include <CLI/CLI.hpp>

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

// Runs `train` for flags.task other than classify (throws Error(kUnsupported) for tasks this
// binary does not build); returns the exit code. `command` holds --data, --out, --epochs, --seed.
int train_tagger(const TrainCommand& command, const TaggerTrainFlags& flags);

// When `command.model` is a pos (or ner) model directory: evaluates it, prints the result and
// returns true. False for any other directory (the classifiers' library handles it).
bool evaluate_tagger(const EvaluateCommand& command);

void add_tag_command(CLI::App& app, int& exit_code);

}  // namespace secnlp::tools
