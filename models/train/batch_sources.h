#pragma once
// The in-memory datasets the training loop and Predictor draw batches from (internal; torch).
//
// Text: token ids padded to one length, held as one int64 tensor [N, L] (moved to the device
// once), so a batch is an index_select. Images: the uint8 pixels stay as they are; a batch is
// converted to normalised floats (and augmented when training) in parallel on the CPU, then
// copied to the device.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include <torch/types.h>

#include "corpora/images/image_set.h"
#include "models/augment/augment.h"
#include "models/data/text_preprocessor.h"
#include "models/data/vocabulary.h"
#include "models/train/trainer.h"

namespace secnlp::models {

// Texts as padded id rows. lengths[i] = real tokens kept (0 for an empty text).
struct EncodedTexts {
  torch::Tensor ids;      // int64 [N, L], CPU
  torch::Tensor lengths;  // int64 [N], CPU
};

// Tokenizes (in parallel) and encodes `texts` with `vocabulary`, padded/truncated to `length`.
EncodedTexts encode_texts(const TextPreprocessor& preprocessor, const Vocabulary& vocabulary,
                          std::span<const std::string> texts, std::size_t length, Padding padding,
                          Padding truncating);

class TextBatchSource final : public BatchSource {
 public:
  // `labels` may be empty (prediction); then batches carry y = 0.
  TextBatchSource(EncodedTexts encoded, std::vector<int> labels, const torch::Device& device);
  std::size_t size() const override { return static_cast<std::size_t>(lengths_.size(0)); }
  int label(std::size_t row) const override { return labels_.empty() ? 0 : labels_[row]; }
  Batch make(std::span<const std::size_t> rows, bool augment, std::uint64_t epoch,
             const torch::Device& device) const override;

 private:
  torch::Tensor ids_;      // on the device
  torch::Tensor lengths_;  // CPU
  torch::Tensor labels_tensor_;
  std::vector<int> labels_;
};

class ImageBatchSource final : public BatchSource {
 public:
  // `images` must outlive the source. `augmenter` may be null (no augmentation).
  ImageBatchSource(const corpora::ImageSet& images, Normalization normalization,
                   const Augmenter* augmenter);
  std::size_t size() const override { return images_.count; }
  int label(std::size_t row) const override {
    return images_.labels.empty() ? 0 : images_.labels[row];
  }
  Batch make(std::span<const std::size_t> rows, bool augment, std::uint64_t epoch,
             const torch::Device& device) const override;

 private:
  const corpora::ImageSet& images_;
  Normalization normalization_;
  std::vector<float> fill_;
  const Augmenter* augmenter_;
};

}  // namespace secnlp::models
