#pragma once
// Text classifiers: embedding -> LSTM/GRU over packed sequences -> pooling -> linear, and a
// bag-of-words MLP baseline. Built from options structs (defaults below); see
// models/nets/model_factory.h for building them by name from JSON options.

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/rnn.h>
#include <torch/nn/pimpl.h>
#include <torch/nn/utils/rnn.h>

#include "models/nets/classifier_net.h"

namespace secnlp::models {

// Embedding -> recurrent layers -> pooling over time -> dropout -> linear.
//   vocab_size, num_classes  required (> 0); id 0 is padding (its embedding stays zero)
//   embedding_dim 100; cell "lstm" | "gru"; hidden_size 128; num_layers 1; bidirectional false
//   dropout 0.3: between recurrent layers (when num_layers > 1) and before the linear layer
//   embedding_dropout 0: dropout of the embedded tokens' values in training (the small-data
//     regulariser of AWD-LSTM/ULMFiT's input dropout)
//   pooling "last" (final hidden state; both directions' when bidirectional) | "max" | "mean"
//     (over the real time steps only)
//   padding "pre" | "post": where the zeros of the input rows are. Rows are packed
//     (pack_padded_sequence) so padding never enters the recurrent state; "pre" rows are first
//     rotated so their tokens start at t = 0.
struct RnnClassifierOptions {
  std::int64_t vocab_size = 0;
  std::int64_t num_classes = 0;
  std::int64_t embedding_dim = 100;
  std::string cell = "lstm";
  std::int64_t hidden_size = 128;
  std::int64_t num_layers = 1;
  bool bidirectional = false;
  double dropout = 0.3;
  double embedding_dropout = 0.0;
  std::string pooling = "last";
  std::string padding = "pre";
};

class RnnClassifierImpl : public ClassifierNet {
 public:
  explicit RnnClassifierImpl(RnnClassifierOptions options);
  torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& lengths) override;
  // Copies `weights` [vocab_size, embedding_dim] into the embedding; `freeze` stops its updates.
  void set_embeddings(const torch::Tensor& weights, bool freeze);
  // "embedding", one group per recurrent layer ("rnn.l0", "rnn.l1", ...; both directions of a
  // bidirectional layer together), "output".
  std::vector<LayerGroup> layer_groups() override;
  const RnnClassifierOptions& options() const { return options_; }

 private:
  // The recurrent layers over a packed batch: (outputs, final hidden states h_n).
  std::pair<torch::nn::utils::rnn::PackedSequence, torch::Tensor> run_rnn(
      const torch::nn::utils::rnn::PackedSequence& packed);

  RnnClassifierOptions options_;
  torch::nn::Embedding embedding_{nullptr};
  torch::nn::LSTM lstm_{nullptr};
  torch::nn::GRU gru_{nullptr};
  torch::nn::Dropout dropout_{nullptr};
  torch::nn::Linear output_{nullptr};
};
TORCH_MODULE(RnnClassifier);

// Bag-of-words MLP: the sum (or mean) of learned token vectors over the real tokens (an
// EmbeddingBag, i.e. a linear layer on the term-count vector) -> ReLU -> dropout -> hidden
// layers -> linear. Word order is ignored; padding is excluded.
//   vocab_size, num_classes required; hidden_sizes {128}; dropout 0.3
//   hidden_sizes [] makes it a linear model (multinomial logistic regression on the term
//     vector: the bag is the output layer; dropout unused)
//   reduce "sqrtn" (default: counts / sqrt(token count), TensorFlow's combiner) | "mean"
//     (normalised term frequencies) | "sum" (term counts, as CountVectorizer feeds a linear model)
struct BowMlpOptions {
  std::int64_t vocab_size = 0;
  std::int64_t num_classes = 0;
  std::vector<std::int64_t> hidden_sizes{128};
  double dropout = 0.3;
  std::string reduce = "sqrtn";
};

class BowMlpImpl : public ClassifierNet {
 public:
  explicit BowMlpImpl(BowMlpOptions options);
  torch::Tensor forward(const torch::Tensor& ids, const torch::Tensor& lengths) override;
  const BowMlpOptions& options() const { return options_; }

 private:
  BowMlpOptions options_;
  torch::nn::EmbeddingBag bag_{nullptr};
  torch::Tensor bag_bias_;
  torch::nn::Sequential head_{nullptr};
};
TORCH_MODULE(BowMlp);

}  // namespace secnlp::models
