#pragma once
// Inside libsecnlp_models_cli.so: the model commands' work, from the option structs the main
// binary fills (tools/commands/model_commands.h). library.cpp exports them as one table.

#include <string>
#include <vector>

#include "models/runs/model_runs.h"
#include "tools/commands/model_commands.h"

namespace secnlp::tools::models_cli {

// Trains and prints the summary and test report; returns 1 when stopped early by stop_after
// (resume to finish), else 0.
int train(const TrainCommand& command);
// Trains a next-word language model on the command's corpus and prints its summary.
void train_language_model(const LanguageModelCommand& command);
void evaluate(const EvaluateCommand& command);
void predict(const PredictCommand& command);

// The labelled data the flags name: a file, or stored sections with a labels file.
// Error(kInvalidArgument) when neither is given.
models::LabelledSource labelled_source(const DataFlags& flags);

// {"key": value, ...} from KEY=VALUE strings; a VALUE that is JSON (number, true, [1,2]) stays
// JSON, anything else becomes a string. Error(kInvalidArgument) without '='.
std::string model_options_json(const std::vector<std::string>& pairs);

}  // namespace secnlp::tools::models_cli
