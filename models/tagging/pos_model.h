#pragma once
// Part-of-speech model directories (torch-free): training an averaged-perceptron tagger on a
// CoNLL-U file, writing and loading its model directory, and scoring it on a CoNLL-U file.
//
// A model directory holds tagger.bin (nlp::PerceptronTagger::serialize), report.json (training
// and, with a dev file, dev scores) and manifest.json, written last: {"format": "secnlp-model",
// "version": 1, "task": "pos", "model": "averaged_perceptron", "tagset": "upos"|"xpos",
// "classes": [tags], "training": {...}, "files": {name: {"bytes", "hash"}}, "checksum"}, as the
// classifiers' directories (models/train/model_dir.h). Loading checks the format, version, task,
// checksum and every listed file's size and hash (Error(kResource) naming the file).
// Training takes seconds, so there is no --resume: a run that is interrupted is rerun.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "models/report/classification_metrics.h"
#include "nlp/tagging/perceptron_tagger.h"

namespace secnlp::models {

// `secnlp train --task pos`.
//   data     CoNLL-U training file (required)
//   dev      CoNLL-U file scored after training; "" = none
//   out      model directory to write (created)
//   tagset   "xpos" (Penn Treebank, default) or "upos"
struct PosTrainRequest {
  std::string data;
  std::string dev;
  std::string out;
  std::string tagset = "xpos";
  nlp::PerceptronOptions options;
};

struct PosTrainResult {
  std::size_t sentences = 0;
  std::size_t words = 0;
  std::size_t tags = 0;
  std::size_t features = 0;
  double seconds = 0;                  // training only (reading excluded)
  std::vector<double> train_accuracy;  // per epoch, on the training words as tagged while learning
  double dev_accuracy = -1;            // -1 without a dev file
};

// Reads, trains, writes the model directory. Errors: the readers' (file and line), bad
// options (kInvalidArgument), kIo when the directory cannot be written. `on_epoch` sees
// each epoch's training accuracy (progress for stderr).
PosTrainResult train_pos_model(const PosTrainRequest& request,
                               const nlp::PerceptronTagger::EpochCallback& on_epoch = {});

// The "task" of any model directory's manifest.json ("pos", "ner", "text", "vision"), read
// without loading anything else; Error(kResource) naming the directory when it has no manifest
// or the manifest is not JSON with a string "task".
std::string model_task(const std::filesystem::path& dir);

// A loaded part-of-speech model: immutable, shared read-only between threads.
struct PosModel {
  nlp::PerceptronTagger tagger;
  std::string tagset;
  std::string hash;  // hash of tagger.bin as listed in the manifest: the model's identity
};

// Loads and checks a model directory (see above); Error(kResource) naming the file at fault,
// also when the task is not "pos".
std::shared_ptr<const PosModel> load_pos_model(const std::filesystem::path& dir);

// Word accuracy and per-tag scores on a CoNLL-U file (gold tokenization), tags from the model's
// tag set column. Gold tags the model never saw count as errors and are listed in `classes`.
struct PosEvaluation {
  std::size_t sentences = 0;
  ClassificationReport report;
  std::vector<std::string> classes;
};
PosEvaluation evaluate_pos_model(const PosModel& model, const std::filesystem::path& conllu);

}  // namespace secnlp::models
