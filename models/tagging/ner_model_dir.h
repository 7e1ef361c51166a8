#pragma once
// Named-entity model directories (torch-free): training a nlp::NerModel from CoNLL column
// files into a directory, loading and checking one, scoring it on a column file, and tagging
// raw text with character offsets.
//
// A directory holds ner.bin (NerModel::to_bytes), report.json (data, options, per-epoch and
// final scores) and manifest.json, written last: {"format": "secnlp-model", "version", "task":
// "ner", "model": "perceptron", "model_options": {"epochs", "seed"}, "classes": entity types,
// "files": {name: {"bytes", "hash"}}, "ner": {"scheme", "labels"}, "created", "checksum"}
// (the same conventions as the text and vision models' directories: models/train/model_dir.h).

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/tagging/entity_scorer.h"
#include "nlp/tagging/ner_model.h"

namespace secnlp::models {

// `secnlp train --task ner`.
//   data        CoNLL column file to train on (required)
//   dev         optional development file: scored after every epoch; the epoch with the best
//               entity F1 is kept (ties: the earlier)
//   out         model directory (created; files replaced atomically)
//   tag_column  as corpora::ConllColumnsOptions (-1 = last)
//   scheme      "" (detect) or io | bio | iobes
struct NerTrainRequest {
  std::string data, dev, out;
  int tag_column = -1;
  std::string scheme;
  nlp::NerTrainOptions options;
};

struct NerTrainResult {
  nlp::EntityScores train;  // the kept model on the training data
  nlp::EntityScores dev;    // on --dev (empty without)
  int epochs_run = 0, best_epoch = 0;
  std::size_t sentences = 0, tokens = 0, features = 0;
};

// Trains and writes the directory; progress on stderr through the project log. Errors name the
// data file and line (reader) or the directory (writes).
NerTrainResult train_ner_dir(const NerTrainRequest& request);

// A loaded model directory: the model and the hash of ner.bin (its identity in config hashes:
// weights, labels and scheme; the same model trained twice has the same hash).
struct LoadedNerModel {
  nlp::NerModel model;
  std::string hash;
  std::filesystem::path dir;
};

// Loads and checks a directory: manifest format, version, task "ner", checksum, each listed
// file's size and hash. Error(kResource) naming the file at fault.
LoadedNerModel load_ner_dir(const std::filesystem::path& dir);

// True when `dir` has a manifest.json whose "task" is "ner" (for the CLI's dispatch); never
// throws.
bool is_ner_model_dir(const std::filesystem::path& dir);

// Scores `model` on a column file (tags in any scheme).
nlp::EntityScores evaluate_ner(const nlp::NerModel& model, const std::filesystem::path& data,
                               int tag_column = -1);

// A token of raw text with its byte and character (code point) offsets in that text.
struct TaggedToken {
  std::string text;
  std::string tag;  // BIO
  std::size_t byte_begin = 0, byte_end = 0, char_begin = 0, char_end = 0;
};

// An entity found in raw text: its token range, type, text as written, offsets, confidence.
struct TextEntity {
  std::string type, text;
  std::size_t first_token = 0, last_token = 0;  // [first, last)
  std::size_t byte_begin = 0, byte_end = 0, char_begin = 0, char_end = 0;
  double score = 0;
};

struct TaggedText {
  std::vector<TaggedToken> tokens;
  std::vector<TextEntity> entities;
};

// Tags raw text: Treebank tokens (the tokenization `process` uses) of the whole text as one
// sentence, aligned back to the text for offsets (Treebank's `` and '' map to the quote they
// replaced), then the model's entities. For the `tag` command and the `entities` stage.
TaggedText tag_entities(const nlp::NerModel& model, std::string_view text);

// Byte spans of `tokens` in `text`, in order: each token is searched from the end of the
// previous one; `` and '' also match '"'. A token not found gets an empty span at the current
// position. Linear in the text.
std::vector<std::pair<std::size_t, std::size_t>> align_tokens(
    std::string_view text, const std::vector<std::string>& tokens);

}  // namespace secnlp::models
