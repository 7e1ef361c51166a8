#include "models/augment/augment.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include <fmt/format.h>

#include "common/error.h"

namespace secnlp::models {
namespace {

constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ULL;

// splitmix64 (Steele, Lea, Flood 2014): small, fast, and the same everywhere.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t state) : state_(state) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += kGolden);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1) from the top 53 bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Uniform integer in [lo, hi].
  int uniform_int(int lo, int hi) {
    const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(hi) - lo + 1);
    // Multiply-shift on the top 32 bits: bias below 2^-32 * span, irrelevant for pixel shifts.
    const std::uint64_t r = ((next() >> 32) * span) >> 32;
    return static_cast<int>(lo + static_cast<std::int64_t>(r));
  }

 private:
  std::uint64_t state_;
};

std::size_t check_image(std::size_t size, int c, int h, int w, std::string_view what) {
  if (c < 1 || h < 1 || w < 1) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("{}: bad image shape {}x{}x{} (CxHxW)", what, c, h, w));
  }
  const std::size_t want =
      static_cast<std::size_t>(c) * static_cast<std::size_t>(h) * static_cast<std::size_t>(w);
  if (size != want) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("{}: {} values for a {}x{}x{} image", what, size, c, h, w));
  }
  return want;
}

void check_fill(std::span<const float> fill, int c, std::string_view what) {
  if (fill.size() != static_cast<std::size_t>(c)) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("{}: {} fill values for {} channels", what, fill.size(), c));
  }
}

}  // namespace

Normalization compute_normalization(const corpora::ImageSet& set) {
  const std::size_t plane =
      static_cast<std::size_t>(set.height) * static_cast<std::size_t>(set.width);
  if (set.count == 0 || set.channels < 1 || plane == 0 ||
      set.pixels.size() != set.count * plane * static_cast<std::size_t>(set.channels)) {
    throw Error(ErrorCode::kInvalidArgument,
                "compute_normalization: empty or inconsistent image set");
  }
  const auto channels = static_cast<std::size_t>(set.channels);
  std::vector<std::array<std::uint64_t, 256>> histogram(channels);
  for (auto& h : histogram)
    h.fill(0);
  const std::uint8_t* p = set.pixels.data();
  for (std::size_t i = 0; i < set.count; ++i) {
    for (std::size_t c = 0; c < channels; ++c) {
      auto& h = histogram[c];
      for (std::size_t k = 0; k < plane; ++k)
        ++h[*p++];
    }
  }
  const double n = static_cast<double>(set.count * plane);
  Normalization norm;
  for (const auto& h : histogram) {
    double sum = 0;
    for (int v = 0; v < 256; ++v)
      sum += static_cast<double>(h[v]) * (v / 255.0);
    const double mean = sum / n;
    double sq = 0;
    for (int v = 0; v < 256; ++v) {
      const double d = v / 255.0 - mean;
      sq += static_cast<double>(h[v]) * d * d;
    }
    const double sd = std::sqrt(sq / n);
    norm.mean.push_back(static_cast<float>(mean));
    norm.std.push_back(sd > 0 ? static_cast<float>(sd) : 1.0f);
  }
  return norm;
}

std::vector<float> black_fill(const Normalization& norm) {
  if (norm.mean.size() != norm.std.size()) {
    throw Error(ErrorCode::kInvalidArgument, "black_fill: mean and std sizes differ");
  }
  std::vector<float> fill(norm.mean.size());
  for (std::size_t c = 0; c < fill.size(); ++c)
    fill[c] = (0.0f - norm.mean[c]) / norm.std[c];
  return fill;
}

void to_float(std::span<const std::uint8_t> chw, int channels, int h, int w,
              const Normalization& norm, std::span<float> out) {
  const std::size_t size = check_image(chw.size(), channels, h, w, "to_float");
  check_image(out.size(), channels, h, w, "to_float output");
  if (norm.mean.size() != static_cast<std::size_t>(channels) ||
      norm.std.size() != static_cast<std::size_t>(channels)) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("to_float: normalization has {} means and {} stds for {} channels",
                            norm.mean.size(), norm.std.size(), channels));
  }
  const std::size_t plane = size / static_cast<std::size_t>(channels);
  for (std::size_t c = 0; c < static_cast<std::size_t>(channels); ++c) {
    const float mean = norm.mean[c];
    const float sd = norm.std[c];
    if (!(sd != 0.0f)) throw Error(ErrorCode::kInvalidArgument, "to_float: std is 0");
    const std::uint8_t* src = chw.data() + c * plane;
    float* dst = out.data() + c * plane;
    for (std::size_t k = 0; k < plane; ++k) {
      dst[k] = (static_cast<float>(src[k]) / 255.0f - mean) / sd;
    }
  }
}

void flip_horizontal(std::span<float> chw, int c, int h, int w) {
  check_image(chw.size(), c, h, w, "flip_horizontal");
  const auto width = static_cast<std::size_t>(w);
  for (std::size_t row = 0; row < static_cast<std::size_t>(c) * static_cast<std::size_t>(h);
       ++row) {
    std::reverse(chw.begin() + static_cast<std::ptrdiff_t>(row * width),
                 chw.begin() + static_cast<std::ptrdiff_t>((row + 1) * width));
  }
}

void shift_image(std::span<float> chw, int c, int h, int w, int dx, int dy,
                 std::span<const float> fill) {
  check_image(chw.size(), c, h, w, "shift_image");
  check_fill(fill, c, "shift_image");
  if (dx == 0 && dy == 0) return;
  const std::vector<float> src(chw.begin(), chw.end());
  const auto plane = static_cast<std::size_t>(h) * static_cast<std::size_t>(w);
  for (int ch = 0; ch < c; ++ch) {
    const float* in = src.data() + static_cast<std::size_t>(ch) * plane;
    float* out = chw.data() + static_cast<std::size_t>(ch) * plane;
    for (int y = 0; y < h; ++y) {
      const long sy = static_cast<long>(y) - dy;
      for (int x = 0; x < w; ++x) {
        const long sx = static_cast<long>(x) - dx;
        out[static_cast<std::size_t>(y) * static_cast<std::size_t>(w) +
            static_cast<std::size_t>(x)] =
            (sy >= 0 && sy < h && sx >= 0 && sx < w)
                ? in[static_cast<std::size_t>(sy) * static_cast<std::size_t>(w) +
                     static_cast<std::size_t>(sx)]
                : fill[static_cast<std::size_t>(ch)];
      }
    }
  }
}

void rotate_image(std::span<float> chw, int c, int h, int w, double degrees,
                  std::span<const float> fill) {
  check_image(chw.size(), c, h, w, "rotate_image");
  check_fill(fill, c, "rotate_image");
  if (!std::isfinite(degrees)) {
    throw Error(ErrorCode::kInvalidArgument, "rotate_image: angle is not finite");
  }
  if (degrees == 0) return;
  const double theta = degrees * std::numbers::pi / 180.0;
  const double cos_t = std::cos(theta);
  const double sin_t = std::sin(theta);
  const double cx = (w - 1) / 2.0;
  const double cy = (h - 1) / 2.0;
  const auto snap = [](double v) {
    const double r = std::round(v);
    return std::abs(v - r) < 1e-6 ? r : v;
  };
  const std::vector<float> src(chw.begin(), chw.end());
  const auto plane = static_cast<std::size_t>(h) * static_cast<std::size_t>(w);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      // Inverse map: the source of output (x, y) is the output offset rotated by -angle in
      // y-down coordinates, which is +angle counter-clockwise as displayed.
      const double ox = x - cx;
      const double oy = y - cy;
      const double sx = snap(cx + cos_t * ox - sin_t * oy);
      const double sy = snap(cy + sin_t * ox + cos_t * oy);
      const double fx = std::floor(sx);
      const double fy = std::floor(sy);
      const double ax = sx - fx;
      const double ay = sy - fy;
      const long x0 = static_cast<long>(fx);
      const long y0 = static_cast<long>(fy);
      const std::size_t at =
          static_cast<std::size_t>(y) * static_cast<std::size_t>(w) + static_cast<std::size_t>(x);
      for (int ch = 0; ch < c; ++ch) {
        const float* in = src.data() + static_cast<std::size_t>(ch) * plane;
        const float f = fill[static_cast<std::size_t>(ch)];
        const auto pixel = [&](long px, long py) -> double {
          if (px < 0 || py < 0 || px >= w || py >= h) return f;
          return in[static_cast<std::size_t>(py) * static_cast<std::size_t>(w) +
                    static_cast<std::size_t>(px)];
        };
        double v;
        if (ax == 0 && ay == 0) {
          v = pixel(x0, y0);
        } else {
          v = (1 - ay) * ((1 - ax) * pixel(x0, y0) + ax * pixel(x0 + 1, y0)) +
              ay * ((1 - ax) * pixel(x0, y0 + 1) + ax * pixel(x0 + 1, y0 + 1));
        }
        chw[static_cast<std::size_t>(ch) * plane + at] = static_cast<float>(v);
      }
    }
  }
}

Augmenter::Augmenter(AugmentOptions options, std::uint64_t seed) : options_(options), seed_(seed) {
  if (options_.shift < 0) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("augment shift must be >= 0, not {}", options_.shift));
  }
  if (!(options_.rotate_degrees >= 0.0f && options_.rotate_degrees <= 360.0f)) {
    throw Error(
        ErrorCode::kInvalidArgument,
        fmt::format("augment rotate_degrees must be in [0, 360], not {}", options_.rotate_degrees));
  }
}

bool Augmenter::enabled() const {
  return options_.horizontal_flip || options_.shift > 0 || options_.rotate_degrees > 0;
}

AugmentDraw Augmenter::draw(std::uint64_t sample_key) const {
  SplitMix64 rng(seed_ ^ sample_key);
  const double u_flip = rng.uniform();
  const int s = options_.shift;
  const int dx = rng.uniform_int(-s, s);
  const int dy = rng.uniform_int(-s, s);
  const double u_angle = rng.uniform();
  AugmentDraw d;
  d.flip = options_.horizontal_flip && u_flip < 0.5;
  d.dx = dx;
  d.dy = dy;
  const double r = options_.rotate_degrees;
  d.degrees = r > 0 ? -r + 2 * r * u_angle : 0.0;
  return d;
}

void Augmenter::apply(std::span<float> chw, int c, int h, int w, std::uint64_t sample_key,
                      std::span<const float> fill_per_channel) const {
  check_image(chw.size(), c, h, w, "Augmenter::apply");
  check_fill(fill_per_channel, c, "Augmenter::apply");
  if (!enabled()) return;
  const AugmentDraw d = draw(sample_key);
  if (d.flip) flip_horizontal(chw, c, h, w);
  if (d.dx != 0 || d.dy != 0) shift_image(chw, c, h, w, d.dx, d.dy, fill_per_channel);
  if (d.degrees != 0) rotate_image(chw, c, h, w, d.degrees, fill_per_channel);
}

}  // namespace secnlp::models
