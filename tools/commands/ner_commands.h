#pragma once
// The named-entity half of `train`, `evaluate` and (for the `tag` command) tagging of text:
// torch-free, run in the `secnlp` binary itself (no model library is loaded). The tagging
// commands' dispatch (tools/commands/tagging.cpp) calls these for --task ner and for a model
// directory whose manifest says "ner".

#include <string>

#include "models/tagging/ner_model_dir.h"

namespace secnlp::tools {

// `secnlp train --task ner`: trains, writes the directory, prints the summary table (per type
// and micro on the training data, and on --dev when given) on stdout. Returns the exit code.
int run_ner_train(const models::NerTrainRequest& request, const std::string& format);

// `secnlp evaluate --model DIR --data FILE` for a ner directory: per-type P/R/F1 table plus
// micro and token accuracy on stdout.
int run_ner_evaluate(const std::string& model_dir, const std::string& data,
                     const std::string& format);

// `secnlp tag --model DIR --text ...` for a ner directory: tokens with tags (conll), entities
// with character offsets (table/json). format: conll | table | json.
int run_ner_tag(const std::string& model_dir, const std::string& text, const std::string& format);

}  // namespace secnlp::tools
