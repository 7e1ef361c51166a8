#pragma once
// The torch adapter header of models/: the one interface every secnlp network implements, so
// the training loop, checkpoints and prediction treat text and vision models alike.
//
// Only models/ includes this (torch types); the rest of the program uses models/train/training.h.

#include <string>
#include <vector>

#include <torch/nn/module.h>
#include <torch/types.h>

namespace secnlp::models {

// A named part of a network: the unit of discriminative learning rates and gradual unfreezing.
struct LayerGroup {
  std::string name;
  std::vector<torch::Tensor> parameters;
};

// A classifier network: forward() returns logits [batch, classes].
//   x        text: token ids int64 [batch, time] (0 = padding); vision: float [batch, C, H, W]
//   lengths  text: real tokens per row, int64 [batch] on the CPU; vision: undefined (ignored)
class ClassifierNet : public torch::nn::Module {
 public:
  virtual torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& lengths) = 0;
  // The parameters in layers from the input to the output (ULMFiT's layer groups); together
  // they are all parameters. Default: one group "all".
  virtual std::vector<LayerGroup> layer_groups() { return {{"all", parameters()}}; }
};

}  // namespace secnlp::models
