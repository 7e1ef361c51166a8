#pragma once
// Pixel normalisation and seeded, deterministic data augmentation for small vision models, on
// plain float buffers (one image, C x H x W, channel-major). No torch here.
//
// Determinism contract: the transform applied to a sample depends only on (seed, sample_key).
// The trainer passes key = epoch * N + index, so results do not depend on thread scheduling,
// batch order or the number of workers. The random stream is splitmix64 started at
// seed ^ sample_key (our own, so it is the same on every platform and standard library).

#include <cstdint>
#include <span>
#include <vector>

#include "corpora/images/image_set.h"

namespace secnlp::models {

// Per-channel mean and standard deviation of pixel values on the [0, 1] scale.
struct Normalization {
  std::vector<float> mean;
  std::vector<float> std;
};

// Mean and population standard deviation (ddof = 0, as numpy's x.std()) of pixel/255 per
// channel over every pixel of every image, computed exactly from 256-bin histograms in double.
// A channel with std 0 (constant) gets std 1 so that to_float stays finite.
// Throws Error(kInvalidArgument) for an empty set. Cost: one pass over the pixels.
Normalization compute_normalization(const corpora::ImageSet& set);

// The normalised value of a black pixel (0) per channel: -mean / std. This is the fill value
// augmentation uses for the border uncovered by a shift or rotation.
std::vector<float> black_fill(const Normalization& norm);

// out[i] = (chw[i] / 255 - mean[c]) / std[c] in float, as torchvision's ToTensor + Normalize.
// Throws Error(kInvalidArgument) when sizes disagree (chw and out must hold channels*h*w values,
// mean/std one per channel) or a std is 0.
void to_float(std::span<const std::uint8_t> chw, int channels, int h, int w,
              const Normalization& norm, std::span<float> out);

// Which augmentations run; all off by default.
struct AugmentOptions {
  // Mirror left-right with probability 1/2.
  bool horizontal_flip = false;
  // Pad by `shift` pixels on every side and crop back at a uniformly random offset: the image
  // moves by dx, dy each uniform in [-shift, shift]. Must be >= 0.
  int shift = 0;
  // Rotate about the image centre by an angle uniform in [-r, r] degrees (positive =
  // counter-clockwise as displayed, as torchvision), bilinear. Must be in [0, 360].
  float rotate_degrees = 0;
};

// The random draws for one sample (what apply() will do).
struct AugmentDraw {
  bool flip = false;
  int dx = 0;  // content moves right by dx (negative: left)
  int dy = 0;  // content moves down by dy (negative: up)
  double degrees = 0;
};

// Mirrors every row of a C x H x W image in place.
void flip_horizontal(std::span<float> chw, int c, int h, int w);

// Moves the content of a C x H x W image by (dx, dy) pixels in place; uncovered pixels get
// fill[channel]. A shift of at least the image size leaves only fill.
void shift_image(std::span<float> chw, int c, int h, int w, int dx, int dy,
                 std::span<const float> fill);

// Rotates a C x H x W image in place by `degrees` (counter-clockwise as displayed) about its
// centre ((w-1)/2, (h-1)/2), bilinear; neighbours outside the image count as fill[channel].
// Source coordinates within 1e-6 of an integer are snapped, so multiples of 90 degrees on a
// square image move pixels exactly.
void rotate_image(std::span<float> chw, int c, int h, int w, double degrees,
                  std::span<const float> fill);

// Seeded augmentation. Immutable after construction; apply() is const and thread-safe.
// Each sample draws, in this fixed order whatever the options: flip (u < 1/2), dx, dy, angle;
// so enabling one option does not change the others' draws. Applied in the order flip, shift,
// rotate.
class Augmenter {
 public:
  // Throws Error(kInvalidArgument) for shift < 0 or rotate_degrees outside [0, 360] / NaN.
  Augmenter(AugmentOptions options, std::uint64_t seed);

  // The transform for `sample_key`; disabled options draw their neutral value.
  AugmentDraw draw(std::uint64_t sample_key) const;

  // Augments one image in place. `fill_per_channel` (one value per channel, normally
  // black_fill(norm)) fills uncovered pixels. Does nothing when !enabled(). Throws
  // Error(kInvalidArgument) when sizes disagree. Cost: O(c*h*w), one scratch buffer.
  void apply(std::span<float> chw, int c, int h, int w, std::uint64_t sample_key,
             std::span<const float> fill_per_channel) const;

  // True when any augmentation is on.
  bool enabled() const;

  const AugmentOptions& options() const { return options_; }

 private:
  AugmentOptions options_;
  std::uint64_t seed_;
};

}  // namespace secnlp::models
