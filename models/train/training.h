#pragma once
// Training, evaluating and applying classifiers: the torch-free face of models/.
//
// One training loop serves text and vision models (models/train/trainer.cpp): seeded batches,
// Adam / SGD with momentum / RMSProp / Adagrad, step / exponential / 1/t learning-rate schedules,
// gradient clipping, early stopping on validation loss, best-checkpoint keeping, resuming, and a
// ClassificationReport after every epoch and on the test split. The model directory it writes
// (models/train/checkpoint.h) holds everything prediction needs:
//
//   manifest.json    format, version, task, model name + options, classes, data preparation
//                    (text: preprocessing, vocabulary options, sequence length, padding;
//                    vision: input shape, normalisation), training options, metrics, and the
//                    size + hash of every file below (checked on load)
//   model.pt         the weights of the best epoch (lowest validation loss)
//   vocabulary.txt   text models: the vocabulary built on the training split
//   state/           resume state after the last finished epoch (weights, optimizer, trainer)
//   loss.svg, accuracy.svg, confusion.svg, report.txt, metrics.json
//   misclassified.svg  vision models: a grid of test images with true and predicted labels
//
// Callers never see torch types; tools/ and pipeline/ use only this header.

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "corpora/datasets/labelled_text.h"
#include "corpora/images/image_set.h"
#include "models/augment/augment.h"
#include "models/data/split.h"
#include "models/data/text_preprocessor.h"
#include "models/data/vocabulary.h"
#include "models/report/classification_metrics.h"

namespace secnlp::models {

// Optimizer: "adam" | "sgd" (with momentum) | "rmsprop" | "adagrad".
struct OptimizerOptions {
  std::string name = "adam";
  double learning_rate = 1e-3;
  double momentum = 0.9;  // sgd, rmsprop
  double weight_decay = 0.0;
};

// Learning rate per epoch e (0-based) from the initial rate r:
//   "none" r; "step" r * gamma^floor(e / step_size); "exponential" r * gamma^e;
//   "inverse_time" (1/t) r / (1 + decay * e).
struct ScheduleOptions {
  std::string name = "none";
  int step_size = 5;
  double gamma = 0.5;
  double decay = 0.5;
};

// The loop's options. Defaults suit the small datasets of the README.
//   clip_norm      gradient clipping by global L2 norm; 0 = off
//   patience       early stopping: stop after this many epochs without a lower validation loss;
//                  0 = run all epochs. The weights of the best epoch are kept either way.
//   seed           seeds torch, the splits, batch order and augmentation: with the same seed and
//                  thread count a CPU run is reproducible bit for bit
//   device         "auto" (cuda when available) | "cpu" | "cuda" | "cuda:N"
//   bf16           bfloat16 autocast of the forward pass; CUDA only
//   threads        torch intra-op threads; 0 = torch's default
//   resume         continue the run in the output directory from its last finished epoch; the
//                  data and options must be those of the interrupted run
//   balanced       weight the loss per class by n / (classes * count) of the training split
//                  (scikit-learn's class_weight="balanced"), for skewed classes
//   stop_after     testing hook: stop (as if killed) after this many epochs of this call; 0 = off
//   gradual_unfreeze   ULMFiT's gradual unfreezing: in the first epoch only the last layer group
//                  (the output layer) trains, each further epoch one more group from the top
//                  (lstm/gru: output, recurrent layers from the last, then the embedding);
//                  a group kept fixed otherwise (frozen embeddings) stays fixed
//   lr_decay_per_layer ULMFiT's discriminative learning rates: group k of L (0 = embedding,
//                  L - 1 = output) trains at lr / decay^(L - 1 - k); 1 = one rate for all
//                  Both need a model with layer groups (lstm, gru).
struct TrainOptions {
  int epochs = 10;
  int batch_size = 64;
  OptimizerOptions optimizer;
  ScheduleOptions schedule;
  double clip_norm = 0.0;
  int patience = 3;
  std::uint64_t seed = 42;
  std::string device = "auto";
  bool bf16 = false;
  int threads = 0;
  bool resume = false;
  bool balanced = false;
  int stop_after = 0;
  bool gradual_unfreeze = false;
  double lr_decay_per_layer = 1.0;
};

// Whether `name` is one of the text models (lstm, gru, bow) or vision models (mlp, lenet5,
// strided_cnn, vgg).
bool is_text_model_name(std::string_view name);
bool is_vision_model_name(std::string_view name);

// The model to build: a name from text_model_names()/vision_model_names() and a JSON object of
// options (models/nets/model_factory.h lists the keys).
struct ModelChoice {
  std::string name;
  std::string options_json = "{}";
};

// How labelled texts become model input.
//   sequence_length   0 = the 95th percentile of training lengths, clamped to [8, 400]
//   padding/truncating Keras pad_sequences semantics (defaults "pre", as Keras)
//   pretrained_vectors word2vec or GloVe text file to initialise the embedding (rnn models);
//                      freeze_embeddings keeps them fixed
//   downsample_ratio  > 0: down-sample the dominant class of the training split to at most this
//                      many times the second-largest class (seeded)
//   init_from         an LM directory (models/train/language_model.h, `train --task lm`): lstm and
//                      gru models use its vocabulary (instead of building one; the vocabulary
//                      options must stay at their defaults) and start from its encoder; the
//                      cell must be the LM's, embedding_dim, hidden_size and num_layers default to
//                      the LM's and must match it. Not with pretrained_vectors.
struct TextDataOptions {
  PreprocessOptions preprocess;
  VocabularyOptions vocabulary;
  std::size_t sequence_length = 0;
  Padding padding = Padding::kPre;
  Padding truncating = Padding::kPre;
  std::filesystem::path pretrained_vectors;
  bool freeze_embeddings = false;
  SplitOptions split;
  double downsample_ratio = 0.0;
  std::filesystem::path init_from;
};

// How images become model input: per-channel normalisation computed on the training split, and
// training-time augmentation. `test`, when given, is the test split (split.test must then be 0).
struct ImageDataOptions {
  SplitOptions split;
  AugmentOptions augment;
  const corpora::ImageSet* test = nullptr;
};

struct EpochReport {
  int epoch = 0;  // 1-based
  double train_loss = 0, train_accuracy = 0;
  double val_loss = 0, val_accuracy = 0, val_macro_f1 = 0;
  double learning_rate = 0;
  double seconds = 0;
  ClassificationReport validation;
};

struct TrainResult {
  std::vector<EpochReport> epochs;  // all epochs of the run, including resumed ones
  int best_epoch = 0;
  bool stopped_early = false;
  bool interrupted = false;  // stop_after was reached; resume to finish
  ClassificationReport test;
  std::vector<std::string> classes;
  std::string device;
  std::string model_options_json;  // effective options
  std::size_t train_size = 0, validation_size = 0, test_size = 0;
  double seconds = 0;  // this call's wall time
};

// Progress callbacks, called on the training thread.
struct TrainCallbacks {
  std::function<void(const EpochReport&)> on_epoch;
};

// What train_*_classifier throws for `out` before training starts: Error(kInvalidArgument) when
// it is empty, or holds a model or an interrupted run and `resume` is false. For callers that
// record a run before training (pipeline::train_model).
void check_out_dir(const std::filesystem::path& out, bool resume);

// Trains a text classifier on `data` and writes the model directory `out` (created; an existing
// model there is an error unless options.resume). Throws Error(kInvalidArgument) for bad
// options (unknown model, fractions, device without CUDA), Error(kIo) when `out` cannot be
// written, Error(kResource) for a bad pretrained-vectors file or a resume state that does not
// match.
TrainResult train_text_classifier(const corpora::LabelledTexts& data, const TextDataOptions& prep,
                                  const ModelChoice& model, const TrainOptions& options,
                                  const std::filesystem::path& out,
                                  const TrainCallbacks& callbacks = {});

// The same for images.
TrainResult train_image_classifier(const corpora::ImageSet& data, const ImageDataOptions& prep,
                                   const ModelChoice& model, const TrainOptions& options,
                                   const std::filesystem::path& out,
                                   const TrainCallbacks& callbacks = {});

// What a model directory holds, from its manifest (no weights loaded).
struct ModelInfo {
  std::string task;  // "text" | "vision"
  std::string model;
  std::string model_options_json;
  std::vector<std::string> classes;
  std::string manifest_json;
};
ModelInfo read_model_info(const std::filesystem::path& model_dir);

// A loaded model directory. Load checks the manifest and the files' hashes: a wrong format,
// a newer version or a corrupted file is an Error(kResource) naming the file. Predictions are
// class probabilities (softmax), one row per input, columns in classes() order. Not
// thread-safe: use one Predictor per thread.
class Predictor {
 public:
  static Predictor load(const std::filesystem::path& model_dir, std::string_view device = "auto");
  Predictor(Predictor&&) noexcept;
  Predictor& operator=(Predictor&&) noexcept;
  ~Predictor();

  const ModelInfo& info() const;
  const std::vector<std::string>& classes() const;
  std::string device() const;
  // Vision models: the input shape (channels, height, width); text models: all 0.
  std::array<int, 3> image_shape() const;

  // Text models: tokenized with the model's own preprocessing and vocabulary. Batched.
  std::vector<std::vector<float>> predict_texts(std::span<const std::string> texts) const;
  // Vision models: images of the model's input shape (else Error(kInvalidArgument)).
  std::vector<std::vector<float>> predict_images(const corpora::ImageSet& images) const;

 private:
  struct Impl;
  explicit Predictor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// A model evaluated on a labelled dataset whose class names are the model's (in any order;
// a class the model does not know is an Error(kInvalidArgument)).
struct EvaluationResult {
  ClassificationReport report;
  std::vector<std::string> classes;
  double loss = 0;  // mean cross-entropy
};
EvaluationResult evaluate_text_classifier(const Predictor& predictor,
                                          const corpora::LabelledTexts& data);
EvaluationResult evaluate_image_classifier(const Predictor& predictor,
                                           const corpora::ImageSet& data);

}  // namespace secnlp::models
