#pragma once
// Language-model pretraining for the recurrent classifiers (ULMFiT's first step, issue 19): an
// embedding -> LSTM/GRU -> linear next-word model trained on token sentences (e.g. the stored
// filings), written as an LM directory whose encoder (the "embedding" and "rnn" parameters) a
// classifier of the same shape loads before fine-tuning. Torch-free interface; the library is
// torch (models/train).
//
// LM directory: lm.json (format "secnlp-lm", version 1, cell, embedding_dim, hidden_size,
// num_layers, vocabulary_size, epoch losses), vocabulary.txt (models/data/vocabulary.h) and
// encoder.pt (a torch archive of the encoder's parameters by name).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "models/data/vocabulary.h"

namespace torch::nn {
class Module;
}

namespace secnlp::models {

// Defaults: a 10k-word vocabulary (full softmax: small enough to be cheap), windows of 32 tokens,
// batches of 32 windows, Adam lr 1e-3, gradient norm clipped to 1, one epoch.
struct LanguageModelOptions {
  std::string cell = "lstm";  // lstm | gru
  std::int64_t embedding_dim = 100;
  std::int64_t hidden_size = 128;
  std::int64_t num_layers = 1;
  VocabularyOptions vocabulary{10000, 1, 0, "<oov>"};
  std::int64_t window = 32;
  std::int64_t batch_size = 32;
  int epochs = 1;
  double learning_rate = 1e-3;
  double clip_norm = 1.0;
  unsigned seed = 1;
  int threads = 0;  // torch CPU threads; 0 = default
};

struct LanguageModelResult {
  std::vector<double> epoch_loss;  // mean cross-entropy per predicted token, per epoch
  std::size_t vocabulary_size = 0;
  std::int64_t tokens = 0;
};

// Trains on `sentences` (concatenated in order, cut into windows; the model predicts each next
// token) and writes the LM directory `out` (created; refused when it already holds an lm.json).
// CPU. Throws Error(kInvalidArgument) for bad options or fewer tokens than one window + 1.
LanguageModelResult train_language_model(const std::vector<std::vector<std::string>>& sentences,
                                         const LanguageModelOptions& options,
                                         const std::filesystem::path& out);

// What lm.json says.
struct LanguageModelInfo {
  std::string cell;
  std::int64_t embedding_dim = 0, hidden_size = 0, num_layers = 0;
  std::size_t vocabulary_size = 0;
};
LanguageModelInfo read_language_model_info(const std::filesystem::path& lm_dir);

// The LM's vocabulary (the classifier fine-tuned from it must use exactly this one).
Vocabulary load_language_model_vocabulary(const std::filesystem::path& lm_dir);

// Throws Error(kInvalidArgument) naming the LM directory when `vocabulary` differs from the LM's:
// its size, or the first id whose token differs.
void check_same_vocabulary(const std::filesystem::path& lm_dir, const Vocabulary& lm,
                           const Vocabulary& vocabulary);

// Loads the LM's encoder into `net` (a classifier whose "embedding" and "rnn" parameters have the
// LM's shapes, e.g. a unidirectional RnnClassifier with the same cell and sizes), after
// check_same_vocabulary. Error(kInvalidArgument) names a parameter the net lacks or whose shape
// differs; Error(kResource) a damaged directory.
void load_language_model_encoder(const std::filesystem::path& lm_dir, const Vocabulary& vocabulary,
                                 torch::nn::Module& net);

}  // namespace secnlp::models
