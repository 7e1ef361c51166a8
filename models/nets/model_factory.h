#pragma once
// Builds a network by name from JSON options (the form in which options travel from the CLI's
// --model-option flags to the checkpoint manifest and back).
//
//   text    lstm | gru (RnnClassifier with that cell) | bow (BowMlp)
//   vision  mlp | lenet5 | strided_cnn | vgg (VisionNet)
//
// Option keys are the fields of the model's options struct (text_nets.h, vision_nets.h) except
// the sizes the data decides (vocab_size, num_classes, input shape). An unknown key, a value of
// the wrong type or out of range is an Error(kInvalidArgument) naming the model and the key.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "models/nets/classifier_net.h"
#include "models/nets/vision_nets.h"

namespace secnlp::models {

struct BuiltNet {
  std::shared_ptr<ClassifierNet> net;
  std::string options_json;  // every option with its effective value (defaults filled in)
};

// The model names of each task, for help texts.
const std::vector<std::string>& text_model_names();
const std::vector<std::string>& vision_model_names();
bool is_text_model(std::string_view name);
bool is_vision_model(std::string_view name);

BuiltNet make_text_net(std::string_view name, std::string_view options_json,
                       std::int64_t vocab_size, std::int64_t num_classes);
BuiltNet make_vision_net(std::string_view name, std::string_view options_json,
                         const ImageShape& input, std::int64_t num_classes);

// The embedding width of a text model's options (for loading pretrained vectors); 0 for bow.
std::int64_t text_embedding_dim(std::string_view name, std::string_view options_json);

}  // namespace secnlp::models
