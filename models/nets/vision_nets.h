#pragma once
// Vision classifiers for small images (MNIST, Fashion-MNIST, CIFAR-10): an MLP, LeNet-5, the
// strided CNN and a VGG-style CNN. Each is built from an options struct holding the input shape
// (channels, height, width), the number of classes and its own hyper-parameters (defaults below).

#include <cstdint>
#include <functional>
#include <vector>

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/pimpl.h>

#include "models/nets/classifier_net.h"

namespace secnlp::models {

// The input every vision model takes: float images [batch, channels, height, width].
struct ImageShape {
  std::int64_t channels = 1;
  std::int64_t height = 28;
  std::int64_t width = 28;
};

// Flatten -> (Linear -> ReLU -> Dropout) per hidden size -> Linear.
//   hidden_sizes {256, 128}; dropout 0.2
struct MlpOptions {
  ImageShape input;
  std::int64_t num_classes = 10;
  std::vector<std::int64_t> hidden_sizes{256, 128};
  double dropout = 0.2;
};

// LeNet-5 (LeCun et al. 1998) with the usual modern substitutions: ReLU and max-pooling.
// conv 6@5x5 (padded to keep 28x28 inputs at LeNet's 32x32 geometry) -> pool -> conv 16@5x5 ->
// pool -> 120 -> 84 -> classes.
struct LeNet5Options {
  ImageShape input;
  std::int64_t num_classes = 10;
};

// The strided CNN: conv 3x3 stride 2 with `channels` filters each (32, 64, 128), ReLU ->
// dropout -> flatten -> dense(classes).
struct StridedCnnOptions {
  ImageShape input;
  std::int64_t num_classes = 10;
  std::vector<std::int64_t> channels{32, 64, 128};
  double dropout = 0.3;
};

// VGG-style: per block, two (3x3 conv -> batch norm -> ReLU) then 2x2 max-pool; head: global
// average pooling (global_pool true) or flatten -> dropout -> dense(hidden) -> ReLU -> dropout
// -> dense(classes).
//   blocks {32, 64, 128}; hidden 256; dropout 0.3; global_pool true
struct VggCnnOptions {
  ImageShape input;
  std::int64_t num_classes = 10;
  std::vector<std::int64_t> blocks{32, 64, 128};
  std::int64_t hidden = 256;
  double dropout = 0.3;
  bool global_pool = true;
};

// One class for the four: a feature extractor and a head, both Sequential. `lengths` is ignored.
class VisionNetImpl : public ClassifierNet {
 public:
  explicit VisionNetImpl(const MlpOptions& options);
  explicit VisionNetImpl(const LeNet5Options& options);
  explicit VisionNetImpl(const StridedCnnOptions& options);
  explicit VisionNetImpl(const VggCnnOptions& options);
  torch::Tensor forward(const torch::Tensor& images, const torch::Tensor& lengths) override;

 private:
  // Registers both parts; the head's input size is measured with a dummy forward pass.
  void finish(torch::nn::Sequential features, const ImageShape& input,
              const std::function<torch::nn::Sequential(std::int64_t)>& make_head);

  torch::nn::Sequential features_{nullptr};
  torch::nn::Sequential head_{nullptr};
};
TORCH_MODULE(VisionNet);

}  // namespace secnlp::models
