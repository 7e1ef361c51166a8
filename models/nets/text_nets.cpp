#include "models/nets/text_nets.h"

#include <cmath>

#include <limits>
#include <string>
#include <string_view>
#include <tuple>

#include <fmt/format.h>
#include <torch/nn/functional/activation.h>
#include <torch/nn/utils/rnn.h>
#include <torch/torch.h>

#include "common/error.h"

namespace secnlp::models {
namespace {

namespace rnn = torch::nn::utils::rnn;

void require_positive(std::int64_t value, const char* name, const char* model) {
  if (value <= 0)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("model '{}': {} must be > 0, not {}", model, name, value));
}

void require_dropout(double p, const char* model) {
  if (!(p >= 0.0 && p < 1.0))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("model '{}': dropout must be in [0, 1), not {}", model, p));
}

// Rotates pre-padded rows left so that their tokens start at t = 0 ("post" layout).
torch::Tensor left_align(const torch::Tensor& ids, const torch::Tensor& lengths) {
  const std::int64_t time = ids.size(1);
  auto shift = (time - lengths).to(ids.device()).unsqueeze(1);  // [B, 1]
  auto steps = torch::arange(time, ids.options().dtype(torch::kInt64)).unsqueeze(0);
  auto index = (steps + shift).remainder(time);
  return ids.gather(1, index);
}

}  // namespace

std::pair<torch::nn::utils::rnn::PackedSequence, torch::Tensor> RnnClassifierImpl::run_rnn(
    const torch::nn::utils::rnn::PackedSequence& packed) {
  if (lstm_) {
    auto [out, state] = lstm_->forward_with_packed_input(packed);
    return {out, std::get<0>(state)};
  }
  auto [out, h_n] = gru_->forward_with_packed_input(packed);
  return {out, h_n};
}

RnnClassifierImpl::RnnClassifierImpl(RnnClassifierOptions options) : options_(std::move(options)) {
  const auto& o = options_;
  require_positive(o.vocab_size, "vocab_size", "rnn");
  require_positive(o.num_classes, "num_classes", "rnn");
  require_positive(o.embedding_dim, "embedding_dim", "rnn");
  require_positive(o.hidden_size, "hidden_size", "rnn");
  require_positive(o.num_layers, "num_layers", "rnn");
  require_dropout(o.dropout, "rnn");
  require_dropout(o.embedding_dropout, "rnn");
  if (o.cell != "lstm" && o.cell != "gru")
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("model 'rnn': cell must be lstm or gru, not '{}'", o.cell));
  if (o.pooling != "last" && o.pooling != "max" && o.pooling != "mean")
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("model 'rnn': pooling must be last, max or mean, not '{}'", o.pooling));
  if (o.padding != "pre" && o.padding != "post")
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("model 'rnn': padding must be pre or post, not '{}'", o.padding));

  embedding_ = register_module(
      "embedding", torch::nn::Embedding(
                       torch::nn::EmbeddingOptions(o.vocab_size, o.embedding_dim).padding_idx(0)));
  const double between = o.num_layers > 1 ? o.dropout : 0.0;
  if (o.cell == "lstm") {
    lstm_ = register_module("rnn",
                            torch::nn::LSTM(torch::nn::LSTMOptions(o.embedding_dim, o.hidden_size)
                                                .num_layers(o.num_layers)
                                                .batch_first(true)
                                                .bidirectional(o.bidirectional)
                                                .dropout(between)));
  } else {
    gru_ =
        register_module("rnn", torch::nn::GRU(torch::nn::GRUOptions(o.embedding_dim, o.hidden_size)
                                                  .num_layers(o.num_layers)
                                                  .batch_first(true)
                                                  .bidirectional(o.bidirectional)
                                                  .dropout(between)));
  }
  dropout_ = register_module("dropout", torch::nn::Dropout(o.dropout));
  const std::int64_t features = o.hidden_size * (o.bidirectional ? 2 : 1);
  output_ = register_module("output", torch::nn::Linear(features, o.num_classes));
}

void RnnClassifierImpl::set_embeddings(const torch::Tensor& weights, bool freeze) {
  if (weights.dim() != 2 || weights.size(0) != options_.vocab_size ||
      weights.size(1) != options_.embedding_dim)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("model 'rnn': pretrained embeddings must be [{}, {}]",
                            options_.vocab_size, options_.embedding_dim));
  torch::NoGradGuard no_grad;
  embedding_->weight.copy_(weights);
  embedding_->weight[0].zero_();
  embedding_->weight.set_requires_grad(!freeze);
}

std::vector<LayerGroup> RnnClassifierImpl::layer_groups() {
  std::vector<LayerGroup> groups;
  groups.push_back({"embedding", embedding_->parameters()});
  for (std::int64_t l = 0; l < options_.num_layers; ++l)
    groups.push_back({fmt::format("rnn.l{}", l), {}});
  const auto rnn = lstm_ ? lstm_->named_parameters() : gru_->named_parameters();
  for (const auto& p : rnn) {
    // weight_ih_l0, bias_hh_l1_reverse, ...: the layer is the number after the last "_l".
    std::string_view name = p.key();
    if (name.ends_with("_reverse")) name.remove_suffix(8);
    const auto at = name.rfind("_l");
    std::int64_t layer = -1;
    if (at != std::string_view::npos) layer = std::stoll(std::string(name.substr(at + 2)));
    if (layer < 0 || layer >= options_.num_layers)
      throw Error(ErrorCode::kInternal, fmt::format("rnn parameter '{}' has no layer", p.key()));
    groups[static_cast<std::size_t>(layer) + 1].parameters.push_back(p.value());
  }
  groups.push_back({"output", output_->parameters()});
  return groups;
}

torch::Tensor RnnClassifierImpl::forward(const torch::Tensor& ids_in,
                                         const torch::Tensor& lengths_in) {
  const std::int64_t time = ids_in.size(1);
  // A row without tokens still runs one (padding) step, so every row has a state.
  auto lengths = lengths_in.to(torch::kCPU, torch::kInt64).clamp(1, time);
  auto ids = options_.padding == "pre" ? left_align(ids_in, lengths) : ids_in;
  auto embedded = embedding_->forward(ids);
  if (options_.embedding_dropout > 0)
    embedded = torch::dropout(embedded, options_.embedding_dropout, is_training());
  auto packed = rnn::pack_padded_sequence(embedded, lengths, /*batch_first=*/true,
                                          /*enforce_sorted=*/false);
  auto [out, h_n] = run_rnn(packed);
  torch::Tensor pooled;
  if (options_.pooling == "last") {
    // h_n: [layers * directions, B, H]; the last layer's directions are the final rows.
    pooled = options_.bidirectional ? torch::cat({h_n[-2], h_n[-1]}, 1) : h_n[-1];
  } else {
    auto [padded, unused] = rnn::pad_packed_sequence(out, /*batch_first=*/true,
                                                     /*padding_value=*/0.0, time);
    (void)unused;
    auto mask = torch::arange(time, torch::kInt64).unsqueeze(0) < lengths.unsqueeze(1);  // [B,T]
    mask = mask.to(padded.device()).unsqueeze(2);
    if (options_.pooling == "mean") {
      auto denom = lengths.to(padded.device(), padded.scalar_type()).unsqueeze(1);
      pooled = (padded * mask).sum(1) / denom;
    } else {
      pooled =
          padded.masked_fill(mask.logical_not(), -std::numeric_limits<float>::infinity()).amax(1);
    }
  }
  return output_->forward(dropout_->forward(pooled));
}

BowMlpImpl::BowMlpImpl(BowMlpOptions options) : options_(std::move(options)) {
  const auto& o = options_;
  require_positive(o.vocab_size, "vocab_size", "bow");
  require_positive(o.num_classes, "num_classes", "bow");
  require_dropout(o.dropout, "bow");
  if (o.reduce != "mean" && o.reduce != "sum" && o.reduce != "sqrtn")
    throw Error(ErrorCode::kInvalidArgument,
                "model 'bow': reduce must be mean, sum or sqrtn, not '" + o.reduce + "'");
  for (auto h : o.hidden_sizes)
    require_positive(h, "hidden_sizes[i]", "bow");

  // With no hidden layers the bag itself is the output layer: a linear model on the term vector.
  const std::int64_t bag_width = o.hidden_sizes.empty() ? o.num_classes : o.hidden_sizes[0];
  bag_ = register_module(
      "bag", torch::nn::EmbeddingBag(torch::nn::EmbeddingBagOptions(o.vocab_size, bag_width)
                                         .mode(o.reduce == "mean"
                                                   ? torch::nn::EmbeddingBagMode(torch::kMean)
                                                   : torch::nn::EmbeddingBagMode(torch::kSum))
                                         .padding_idx(0)));
  bag_bias_ = register_parameter("bag_bias", torch::zeros({bag_width}));
  // The bag is a linear layer on a sparse term vector, so it starts like one: nn::Linear's
  // U(-1/sqrt(fan_in), 1/sqrt(fan_in)) with fan_in = vocab_size, and zeros when it is the whole
  // (linear) model, as logistic regression starts. EmbeddingBag's own N(0, 1) start leaves every
  // rare word a large random weight that the few updates it gets never wash out.
  {
    torch::NoGradGuard no_grad;
    if (o.hidden_sizes.empty())
      bag_->weight.zero_();
    else
      bag_->weight.uniform_(-1.0 / std::sqrt(double(o.vocab_size)),
                            1.0 / std::sqrt(double(o.vocab_size)));
    bag_->weight[0].zero_();  // padding
  }
  head_ = register_module("head", torch::nn::Sequential());
  if (o.hidden_sizes.empty()) return;
  head_->push_back(torch::nn::ReLU());
  head_->push_back(torch::nn::Dropout(o.dropout));
  for (std::size_t i = 1; i < o.hidden_sizes.size(); ++i) {
    head_->push_back(torch::nn::Linear(o.hidden_sizes[i - 1], o.hidden_sizes[i]));
    head_->push_back(torch::nn::ReLU());
    head_->push_back(torch::nn::Dropout(o.dropout));
  }
  head_->push_back(torch::nn::Linear(o.hidden_sizes.back(), o.num_classes));
}

torch::Tensor BowMlpImpl::forward(const torch::Tensor& ids, const torch::Tensor& lengths) {
  // EmbeddingBag skips padding_idx entries, so pre/post padding give the same result.
  auto bag = bag_->forward(ids);
  if (options_.reduce == "sqrtn")  // sum / sqrt(real token count), as TensorFlow's combiner
    bag = bag / lengths.to(bag.device(), bag.scalar_type()).clamp_min(1).sqrt().unsqueeze(1);
  bag = bag + bag_bias_;
  return options_.hidden_sizes.empty() ? bag : head_->forward(bag);
}

}  // namespace secnlp::models
