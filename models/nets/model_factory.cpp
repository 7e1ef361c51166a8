#include "models/nets/model_factory.h"

#include <algorithm>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "models/nets/text_nets.h"

namespace secnlp::models {
namespace {

using nlohmann::json;

// Reads the known keys of one model's options out of a JSON object, rejecting the rest.
class OptionReader {
 public:
  OptionReader(std::string_view model, std::string_view options_json) : model_(model) {
    try {
      in_ = options_json.empty() ? json::object() : json::parse(options_json);
    } catch (const json::exception& e) {
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("model '{}': options are not valid JSON: {}", model_, e.what()));
    }
    if (!in_.is_object())
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("model '{}': options must be a JSON object", model_));
  }

  template <typename T>
  void read(const char* key, T& value) {
    known_.insert(key);
    if (in_.contains(key)) {
      try {
        value = in_.at(key).get<T>();
      } catch (const json::exception&) {
        throw Error(ErrorCode::kInvalidArgument,
                    fmt::format("model '{}': option '{}' has the wrong type ({})", model_, key,
                                in_.at(key).dump()));
      }
    }
    out_[key] = value;
  }

  // Throws for keys nobody read; returns the effective options.
  std::string finish() const {
    for (const auto& [key, unused] : in_.items()) {
      (void)unused;
      if (!known_.count(key))
        throw Error(ErrorCode::kInvalidArgument,
                    fmt::format("model '{}': unknown option '{}' (known: {})", model_, key,
                                fmt::join(known_, ", ")));
    }
    return out_.dump();
  }

 private:
  std::string model_;
  json in_;
  json out_ = json::object();
  std::set<std::string> known_;
};

RnnClassifierOptions rnn_options(std::string_view name, OptionReader& r) {
  RnnClassifierOptions o;
  o.cell = std::string(name);
  r.read("embedding_dim", o.embedding_dim);
  r.read("hidden_size", o.hidden_size);
  r.read("num_layers", o.num_layers);
  r.read("bidirectional", o.bidirectional);
  r.read("dropout", o.dropout);
  r.read("embedding_dropout", o.embedding_dropout);
  r.read("pooling", o.pooling);
  r.read("padding", o.padding);
  return o;
}

}  // namespace

const std::vector<std::string>& text_model_names() {
  static const std::vector<std::string> names{"lstm", "gru", "bow"};
  return names;
}

const std::vector<std::string>& vision_model_names() {
  static const std::vector<std::string> names{"mlp", "lenet5", "strided_cnn", "vgg"};
  return names;
}

bool is_text_model(std::string_view name) {
  const auto& n = text_model_names();
  return std::find(n.begin(), n.end(), name) != n.end();
}

bool is_vision_model(std::string_view name) {
  const auto& n = vision_model_names();
  return std::find(n.begin(), n.end(), name) != n.end();
}

BuiltNet make_text_net(std::string_view name, std::string_view options_json,
                       std::int64_t vocab_size, std::int64_t num_classes) {
  OptionReader r(name, options_json);
  if (name == "lstm" || name == "gru") {
    auto o = rnn_options(name, r);
    o.vocab_size = vocab_size;
    o.num_classes = num_classes;
    auto effective = r.finish();
    return {RnnClassifier(o).ptr(), effective};
  }
  if (name == "bow") {
    BowMlpOptions o;
    r.read("hidden_sizes", o.hidden_sizes);
    r.read("dropout", o.dropout);
    r.read("reduce", o.reduce);
    o.vocab_size = vocab_size;
    o.num_classes = num_classes;
    auto effective = r.finish();
    return {BowMlp(o).ptr(), effective};
  }
  throw Error(ErrorCode::kInvalidArgument, fmt::format("unknown text model '{}' (known: {})", name,
                                                       fmt::join(text_model_names(), ", ")));
}

std::int64_t text_embedding_dim(std::string_view name, std::string_view options_json) {
  if (name != "lstm" && name != "gru") return 0;
  OptionReader r(name, options_json);
  return rnn_options(name, r).embedding_dim;
}

BuiltNet make_vision_net(std::string_view name, std::string_view options_json,
                         const ImageShape& input, std::int64_t num_classes) {
  OptionReader r(name, options_json);
  if (name == "mlp") {
    MlpOptions o{input, num_classes};
    r.read("hidden_sizes", o.hidden_sizes);
    r.read("dropout", o.dropout);
    auto effective = r.finish();
    return {VisionNet(o).ptr(), effective};
  }
  if (name == "lenet5") {
    LeNet5Options o{input, num_classes};
    auto effective = r.finish();
    return {VisionNet(o).ptr(), effective};
  }
  if (name == "strided_cnn") {
    StridedCnnOptions o{input, num_classes};
    r.read("channels", o.channels);
    r.read("dropout", o.dropout);
    auto effective = r.finish();
    return {VisionNet(o).ptr(), effective};
  }
  if (name == "vgg") {
    VggCnnOptions o{input, num_classes};
    r.read("blocks", o.blocks);
    r.read("hidden", o.hidden);
    r.read("dropout", o.dropout);
    r.read("global_pool", o.global_pool);
    auto effective = r.finish();
    return {VisionNet(o).ptr(), effective};
  }
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("unknown vision model '{}' (known: {})", name,
                          fmt::join(vision_model_names(), ", ")));
}

}  // namespace secnlp::models
