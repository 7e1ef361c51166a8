#include "models/nets/vision_nets.h"

#include <fmt/format.h>
#include <torch/torch.h>

#include "common/error.h"

namespace secnlp::models {
namespace {

namespace nn = torch::nn;

void check_input(const ImageShape& s, std::int64_t classes, const char* model) {
  if (s.channels <= 0 || s.height <= 0 || s.width <= 0 || classes <= 0)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("model '{}': input {}x{}x{} and {} classes must all be > 0", model,
                            s.channels, s.height, s.width, classes));
}

void check_dropout(double p, const char* model) {
  if (!(p >= 0.0 && p < 1.0))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("model '{}': dropout must be in [0, 1), not {}", model, p));
}

void check_sizes(const std::vector<std::int64_t>& sizes, const char* what, const char* model) {
  if (sizes.empty())
    throw Error(ErrorCode::kInvalidArgument, fmt::format("model '{}': {} is empty", model, what));
  for (auto v : sizes)
    if (v <= 0)
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("model '{}': {} must be > 0, not {}", model, what, v));
}

nn::Conv2d conv(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride,
                std::int64_t padding) {
  return nn::Conv2d(nn::Conv2dOptions(in, out, kernel).stride(stride).padding(padding));
}

}  // namespace

void VisionNetImpl::finish(nn::Sequential features, const ImageShape& input,
                           const std::function<nn::Sequential(std::int64_t)>& make_head) {
  features_ = register_module("features", features);
  std::int64_t flat = 0;
  try {
    torch::NoGradGuard no_grad;
    features_->eval();
    auto probe = torch::zeros({1, input.channels, input.height, input.width});
    flat = features_->forward(probe).numel();
    features_->train();
  } catch (const c10::Error&) {
    flat = 0;
  }
  if (flat <= 0)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("vision model: input {}x{} is too small for its layers", input.height,
                            input.width));
  head_ = register_module("head", make_head(flat));
}

VisionNetImpl::VisionNetImpl(const MlpOptions& o) {
  check_input(o.input, o.num_classes, "mlp");
  check_dropout(o.dropout, "mlp");
  check_sizes(o.hidden_sizes, "hidden_sizes", "mlp");
  nn::Sequential features;
  features->push_back(nn::Flatten());
  finish(features, o.input, [&](std::int64_t flat) {
    nn::Sequential head;
    std::int64_t in = flat;
    for (auto h : o.hidden_sizes) {
      head->push_back(nn::Linear(in, h));
      head->push_back(nn::ReLU());
      head->push_back(nn::Dropout(o.dropout));
      in = h;
    }
    head->push_back(nn::Linear(in, o.num_classes));
    return head;
  });
}

VisionNetImpl::VisionNetImpl(const LeNet5Options& o) {
  check_input(o.input, o.num_classes, "lenet5");
  nn::Sequential features;
  features->push_back(conv(o.input.channels, 6, 5, 1, 2));
  features->push_back(nn::ReLU());
  features->push_back(nn::MaxPool2d(nn::MaxPool2dOptions(2)));
  features->push_back(conv(6, 16, 5, 1, 0));
  features->push_back(nn::ReLU());
  features->push_back(nn::MaxPool2d(nn::MaxPool2dOptions(2)));
  features->push_back(nn::Flatten());
  finish(features, o.input, [&](std::int64_t flat) {
    nn::Sequential head;
    head->push_back(nn::Linear(flat, 120));
    head->push_back(nn::ReLU());
    head->push_back(nn::Linear(120, 84));
    head->push_back(nn::ReLU());
    head->push_back(nn::Linear(84, o.num_classes));
    return head;
  });
}

VisionNetImpl::VisionNetImpl(const StridedCnnOptions& o) {
  check_input(o.input, o.num_classes, "strided_cnn");
  check_dropout(o.dropout, "strided_cnn");
  check_sizes(o.channels, "channels", "strided_cnn");
  nn::Sequential features;
  std::int64_t in = o.input.channels;
  for (auto c : o.channels) {
    features->push_back(conv(in, c, 3, 2, 1));
    features->push_back(nn::ReLU());
    in = c;
  }
  features->push_back(nn::Dropout(o.dropout));
  features->push_back(nn::Flatten());
  finish(features, o.input, [&](std::int64_t flat) {
    nn::Sequential head;
    head->push_back(nn::Linear(flat, o.num_classes));
    return head;
  });
}

VisionNetImpl::VisionNetImpl(const VggCnnOptions& o) {
  check_input(o.input, o.num_classes, "vgg");
  check_dropout(o.dropout, "vgg");
  check_sizes(o.blocks, "blocks", "vgg");
  if (o.hidden <= 0) throw Error(ErrorCode::kInvalidArgument, "model 'vgg': hidden must be > 0");
  nn::Sequential features;
  std::int64_t in = o.input.channels;
  for (auto c : o.blocks) {
    for (int k = 0; k < 2; ++k) {
      features->push_back(conv(in, c, 3, 1, 1));
      features->push_back(nn::BatchNorm2d(c));
      features->push_back(nn::ReLU());
      in = c;
    }
    features->push_back(nn::MaxPool2d(nn::MaxPool2dOptions(2)));
  }
  if (o.global_pool) features->push_back(nn::AdaptiveAvgPool2d(nn::AdaptiveAvgPool2dOptions(1)));
  features->push_back(nn::Flatten());
  finish(features, o.input, [&](std::int64_t flat) {
    nn::Sequential head;
    head->push_back(nn::Dropout(o.dropout));
    head->push_back(nn::Linear(flat, o.hidden));
    head->push_back(nn::ReLU());
    head->push_back(nn::Dropout(o.dropout));
    head->push_back(nn::Linear(o.hidden, o.num_classes));
    return head;
  });
}

torch::Tensor VisionNetImpl::forward(const torch::Tensor& images,
                                     const torch::Tensor& /*lengths*/) {
  return head_->forward(features_->forward(images));
}

}  // namespace secnlp::models
