#include "models/augment/augment.h"

#include <cmath>
#include <functional>
#include <limits>
#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"

namespace secnlp::models {
namespace {

using Floats = std::vector<float>;

void expect_invalid(const std::function<void()>& fn, const std::string& fragment) {
  try {
    fn();
    ADD_FAILURE() << "no error; expected: " << fragment;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << e.what();
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

// A C x H x W image whose values are all distinct: 1, 2, 3, ...
Floats pattern(int c, int h, int w) {
  Floats out(static_cast<std::size_t>(c * h * w));
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<float>(i + 1);
  return out;
}

corpora::ImageSet two_channel_set() {
  corpora::ImageSet set;
  set.count = 2;
  set.channels = 2;
  set.height = 1;
  set.width = 2;
  // image 0: ch0 {0, 255}, ch1 {51, 51}; image 1: ch0 {255, 0}, ch1 {51, 51}
  set.pixels = {0, 255, 51, 51, 255, 0, 51, 51};
  set.labels = {0, 1};
  set.classes = {"a", "b"};
  return set;
}

TEST(Normalization, PerChannelMeanAndPopulationStd) {
  const Normalization norm = compute_normalization(two_channel_set());
  ASSERT_EQ(norm.mean.size(), 2u);
  EXPECT_FLOAT_EQ(norm.mean[0], 0.5f);
  EXPECT_FLOAT_EQ(norm.std[0], 0.5f);
  EXPECT_FLOAT_EQ(norm.mean[1], 0.2f);
  EXPECT_FLOAT_EQ(norm.std[1], 1.0f);  // constant channel: std 0 replaced by 1
  const Floats fill = black_fill(norm);
  EXPECT_FLOAT_EQ(fill[0], -1.0f);
  EXPECT_FLOAT_EQ(fill[1], -0.2f);

  corpora::ImageSet empty;
  expect_invalid([&] { compute_normalization(empty); }, "empty");
  corpora::ImageSet inconsistent = two_channel_set();
  inconsistent.pixels.pop_back();
  expect_invalid([&] { compute_normalization(inconsistent); }, "inconsistent");
}

TEST(ToFloat, NormalisesAndRejectsMismatches) {
  const Normalization norm{{0.5f, 0.2f}, {0.5f, 1.0f}};
  const std::vector<std::uint8_t> px = {0, 255, 51, 102};
  Floats out(4);
  to_float(px, 2, 1, 2, norm, out);
  EXPECT_FLOAT_EQ(out[0], -1.0f);
  EXPECT_FLOAT_EQ(out[1], 1.0f);
  EXPECT_FLOAT_EQ(out[2], 0.0f);
  EXPECT_FLOAT_EQ(out[3], (102.0f / 255.0f - 0.2f) / 1.0f);

  struct Case {
    const char* name;
    std::size_t in_size, out_size;
    Normalization norm;
    std::string fragment;
  };
  const std::vector<Case> cases = {
      {"short input", 3, 4, norm, "3 values for a 2x1x2 image"},
      {"short output", 4, 5, norm, "5 values"},
      {"one mean", 4, 4, {{0.5f}, {0.5f, 1.0f}}, "1 means and 2 stds"},
      {"zero std", 4, 4, {{0.5f, 0.2f}, {0.5f, 0.0f}}, "std is 0"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const std::vector<std::uint8_t> in(c.in_size);
    Floats o(c.out_size);
    expect_invalid([&] { to_float(in, 2, 1, 2, c.norm, o); }, c.fragment);
  }
}

TEST(Geometry, FlipShiftRotateOnKnownPatterns) {
  const Floats fill = {-9};
  // 3x3: 1 2 3 / 4 5 6 / 7 8 9.
  struct Case {
    const char* name;
    std::function<void(Floats&)> op;
    Floats expected;
  };
  const std::vector<Case> cases = {
      {"flip", [](Floats& x) { flip_horizontal(x, 1, 3, 3); }, {3, 2, 1, 6, 5, 4, 9, 8, 7}},
      {"flip twice",
       [](Floats& x) {
         flip_horizontal(x, 1, 3, 3);
         flip_horizontal(x, 1, 3, 3);
       },
       pattern(1, 3, 3)},
      {"shift 0", [&](Floats& x) { shift_image(x, 1, 3, 3, 0, 0, fill); }, pattern(1, 3, 3)},
      {"shift right",
       [&](Floats& x) { shift_image(x, 1, 3, 3, 1, 0, fill); },
       {-9, 1, 2, -9, 4, 5, -9, 7, 8}},
      {"shift up-left",
       [&](Floats& x) { shift_image(x, 1, 3, 3, -1, -2, fill); },
       {8, 9, -9, -9, -9, -9, -9, -9, -9}},
      {"shift off the image", [&](Floats& x) { shift_image(x, 1, 3, 3, 5, 0, fill); },
       Floats(9, -9)},
      {"rotate 0", [&](Floats& x) { rotate_image(x, 1, 3, 3, 0, fill); }, pattern(1, 3, 3)},
      {"rotate 90 ccw",
       [&](Floats& x) { rotate_image(x, 1, 3, 3, 90, fill); },
       {3, 6, 9, 2, 5, 8, 1, 4, 7}},
      {"rotate -90 cw",
       [&](Floats& x) { rotate_image(x, 1, 3, 3, -90, fill); },
       {7, 4, 1, 8, 5, 2, 9, 6, 3}},
      {"rotate 180",
       [&](Floats& x) { rotate_image(x, 1, 3, 3, 180, fill); },
       {9, 8, 7, 6, 5, 4, 3, 2, 1}},
      {"rotate 360", [&](Floats& x) { rotate_image(x, 1, 3, 3, 360, fill); }, pattern(1, 3, 3)},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    Floats x = pattern(1, 3, 3);
    c.op(x);
    EXPECT_EQ(x, c.expected);
  }
}

TEST(Geometry, Rotate90EvenSizedMultiChannel) {
  // 2 channels of 4x4; rotating 90 ccw maps out(y, x) = in(x, 3 - y).
  Floats x = pattern(2, 4, 4);
  const Floats in = x;
  rotate_image(x, 2, 4, 4, 90, Floats{0, 0});
  for (int ch = 0; ch < 2; ++ch) {
    for (int y = 0; y < 4; ++y) {
      for (int col = 0; col < 4; ++col) {
        EXPECT_EQ(x[static_cast<std::size_t>(ch * 16 + y * 4 + col)],
                  in[static_cast<std::size_t>(ch * 16 + col * 4 + (3 - y))])
            << ch << " " << y << " " << col;
      }
    }
  }
}

TEST(Geometry, Rotate45IsBilinearWithFill) {
  Floats x(25, 1.0f);
  rotate_image(x, 1, 5, 5, 45, Floats{0});
  EXPECT_FLOAT_EQ(x[12], 1.0f);  // centre stays
  EXPECT_LT(x[0], 0.5f);         // corners come from outside the image: mostly fill
  for (const float v : x) {
    EXPECT_GE(v, 0.0f);
    EXPECT_LE(v, 1.0f);
  }
}

TEST(Geometry, RejectsBadShapes) {
  Floats x(9);
  const Floats fill = {0};
  expect_invalid([&] { flip_horizontal(x, 1, 3, 4); }, "9 values for a 1x3x4 image");
  expect_invalid([&] { shift_image(x, 1, 3, 3, 1, 1, Floats{0, 0}); }, "2 fill values");
  expect_invalid([&] { rotate_image(x, 1, 3, 3, std::nan(""), fill); }, "not finite");
  expect_invalid([&] { rotate_image(x, 0, 3, 3, 10, fill); }, "bad image shape");
}

TEST(Augmenter, OptionsAreValidated) {
  struct Case {
    AugmentOptions options;
    bool ok;
    bool enabled;
  };
  const Case cases[] = {
      {{}, true, false},
      {{true, 0, 0}, true, true},
      {{false, 2, 0}, true, true},
      {{false, 0, 10}, true, true},
      {{false, 0, 360}, true, true},
      {{false, -1, 0}, false, false},
      {{false, 0, -1}, false, false},
      {{false, 0, 361}, false, false},
      {{false, 0, std::numeric_limits<float>::quiet_NaN()}, false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.options.shift * 1000 + c.options.rotate_degrees);
    if (c.ok) {
      EXPECT_EQ(Augmenter(c.options, 1).enabled(), c.enabled);
    } else {
      expect_invalid([&] { Augmenter(c.options, 1); }, "augment");
    }
  }
}

TEST(Augmenter, DrawsArePinnedAndPlatformIndependent) {
  // Expected values from a Python transcription of splitmix64 (seed ^ key), see augment.cpp.
  const Augmenter aug({true, 4, 30.0f}, 42);
  struct Case {
    std::uint64_t key;
    bool flip;
    int dx, dy;
    double degrees;
  };
  const Case cases[] = {{0, false, -3, -2, -9.34855700858175},
                        {1, false, 1, -1, 19.833978344176515},
                        {2, true, 4, 1, -27.866211809285932},
                        {3, true, 1, -4, 7.205838523632252}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.key);
    const AugmentDraw d = aug.draw(c.key);
    EXPECT_EQ(d.flip, c.flip);
    EXPECT_EQ(d.dx, c.dx);
    EXPECT_EQ(d.dy, c.dy);
    EXPECT_NEAR(d.degrees, c.degrees, 1e-5);  // float option widened to double
  }
}

TEST(Augmenter, DrawsCoverTheirRangesIndependently) {
  const Augmenter all({true, 2, 15.0f}, 7);
  const Augmenter flip_only({true, 0, 0}, 7);
  std::set<int> dxs, dys;
  int flips = 0;
  for (std::uint64_t key = 0; key < 2000; ++key) {
    const AugmentDraw d = all.draw(key);
    dxs.insert(d.dx);
    dys.insert(d.dy);
    flips += d.flip;
    EXPECT_GE(d.degrees, -15.0);
    EXPECT_LE(d.degrees, 15.0);
    const AugmentDraw f = flip_only.draw(key);
    EXPECT_EQ(f.flip, d.flip);  // same draw whatever the other options
    EXPECT_EQ(f.dx, 0);
    EXPECT_EQ(f.degrees, 0.0);
  }
  EXPECT_EQ(dxs, (std::set<int>{-2, -1, 0, 1, 2}));
  EXPECT_EQ(dys, (std::set<int>{-2, -1, 0, 1, 2}));
  EXPECT_GT(flips, 900);
  EXPECT_LT(flips, 1100);
}

TEST(Augmenter, DeterministicPerSeedAndKey) {
  const AugmentOptions on{true, 3, 20.0f};
  const Floats fill = {-1, -2, -3};
  const auto run = [&](std::uint64_t seed, std::uint64_t key) {
    Floats x = pattern(3, 8, 6);
    Augmenter(on, seed).apply(x, 3, 8, 6, key, fill);
    return x;
  };
  EXPECT_EQ(run(1, 5), run(1, 5));
  EXPECT_NE(run(1, 5), run(1, 6));
  EXPECT_NE(run(1, 5), run(2, 5));
  EXPECT_NE(run(1, 5), pattern(3, 8, 6));

  // Threads applying the same keys in any order get the same images.
  const Augmenter shared(on, 9);
  std::vector<Floats> sequential(8, pattern(3, 8, 6)), threaded(8, pattern(3, 8, 6));
  for (std::size_t k = 0; k < 8; ++k)
    shared.apply(sequential[k], 3, 8, 6, k, fill);
  std::vector<std::thread> threads;
  for (std::size_t k = 8; k-- > 0;) {
    threads.emplace_back([&, k] { shared.apply(threaded[k], 3, 8, 6, k, fill); });
  }
  for (auto& t : threads)
    t.join();
  EXPECT_EQ(sequential, threaded);
}

TEST(Augmenter, DisabledOrNeutralIsIdentity) {
  const Floats fill = {0};
  const AugmentOptions cases[] = {{false, 0, 0.0f}};
  for (const AugmentOptions& o : cases) {
    const Augmenter aug(o, 3);
    EXPECT_FALSE(aug.enabled());
    for (std::uint64_t key = 0; key < 20; ++key) {
      Floats x = pattern(1, 5, 5);
      aug.apply(x, 1, 5, 5, key, fill);
      EXPECT_EQ(x, pattern(1, 5, 5));
    }
  }
  // Keys whose draw is neutral leave the image unchanged even with options on.
  const Augmenter flip_only({true, 0, 0}, 3);
  for (std::uint64_t key = 0; key < 20; ++key) {
    Floats x = pattern(1, 5, 5);
    flip_only.apply(x, 1, 5, 5, key, fill);
    Floats expected = pattern(1, 5, 5);
    if (flip_only.draw(key).flip) flip_horizontal(expected, 1, 5, 5);
    EXPECT_EQ(x, expected);
  }
  Floats x = pattern(1, 5, 5);
  expect_invalid([&] { flip_only.apply(x, 1, 5, 5, 0, Floats{}); }, "0 fill values");
}

}  // namespace
}  // namespace secnlp::models
