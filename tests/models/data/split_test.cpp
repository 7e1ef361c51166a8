#include "models/data/split.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <vector>

#include "common/error.h"
#include "models/data/random.h"

namespace secnlp::models {
namespace {

using Rows = std::vector<std::size_t>;

// Reference values from a Python transcription of SplitMix64 (Steele et al.; seed 0 gives the
// published 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f).
TEST(RngTest, MatchesReferenceSplitMix64) {
  Rng zero(0);
  EXPECT_EQ(zero.next(), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(zero.next(), 0x6e789e6aa1b965f4ULL);
  EXPECT_EQ(zero.next(), 0x06c45d188009454fULL);

  Rng seven(7);
  std::vector<std::uint64_t> draws;
  for (int i = 0; i < 8; ++i)
    draws.push_back(seven.uniform(6));
  EXPECT_EQ(draws, (std::vector<std::uint64_t>{3, 0, 0, 3, 4, 3, 4, 0}));

  Rng one(1);
  EXPECT_DOUBLE_EQ(one.uniform_double(), 0.5665615751722809);
  EXPECT_DOUBLE_EQ(one.uniform_double(), 0.7457817572627011);

  Rng r(42);
  Rows items(10);
  std::iota(items.begin(), items.end(), 0);
  shuffle(items, r);
  EXPECT_EQ(items, (Rows{0, 9, 5, 8, 6, 4, 7, 2, 1, 3}));
}

TEST(RngTest, BoundsAndDegenerateCases) {
  Rng r(3);
  for (const std::uint64_t bound : {std::uint64_t{0}, std::uint64_t{1}})
    EXPECT_EQ(r.uniform(bound), 0u);
  for (const std::uint64_t bound :
       {std::uint64_t{2}, std::uint64_t{3}, std::uint64_t{1000}, (std::uint64_t{1} << 63) + 1,
        std::numeric_limits<std::uint64_t>::max()}) {
    for (int i = 0; i < 200; ++i)
      ASSERT_LT(r.uniform(bound), bound);
  }
  for (int i = 0; i < 200; ++i) {
    const double d = r.uniform_double();
    ASSERT_GE(d, 0.0);
    ASSERT_LT(d, 1.0);
  }
  Rows empty;
  shuffle(empty, r);
  Rows single = {5};
  shuffle(single, r);
  EXPECT_EQ(single, Rows{5});
}

// 50 rows of class 0, 30 of class 1, 20 of class 2 (interleaved), 5 of class 7.
std::vector<int> make_labels() {
  std::vector<int> labels;
  for (int i = 0; i < 100; ++i)
    labels.push_back(i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2);
  for (int i = 0; i < 5; ++i)
    labels.push_back(7);
  return labels;
}

std::map<int, std::size_t> class_counts(const std::vector<int>& labels, const Rows& rows) {
  std::map<int, std::size_t> counts;
  for (const std::size_t r : rows)
    ++counts[labels[r]];
  return counts;
}

void expect_partition(const Split& s, std::size_t n) {
  Rows all = s.train;
  all.insert(all.end(), s.validation.begin(), s.validation.end());
  all.insert(all.end(), s.test.begin(), s.test.end());
  std::sort(all.begin(), all.end());
  Rows expected(n);
  std::iota(expected.begin(), expected.end(), 0);
  EXPECT_EQ(all, expected);  // no overlap, nothing missing
}

using Counts = std::map<int, std::size_t>;

TEST(SplitTest, SizesPerClass) {
  const std::vector<int> labels = make_labels();
  const struct {
    const char* name;
    double train, validation, test;
    bool stratified;
    Counts train_counts, validation_counts, test_counts;
  } cases[] = {
      // round(5 * 0.8) = 4, round(5 * 0.1) = round(0.5) = 1 (half away from zero), rest 0.
      {"default",
       0.8,
       0.1,
       0.1,
       true,
       {{0, 40}, {1, 24}, {2, 16}, {7, 4}},
       {{0, 5}, {1, 3}, {2, 2}, {7, 1}},
       {{0, 5}, {1, 3}, {2, 2}}},
      {"sixty_twenty_twenty",
       0.6,
       0.2,
       0.2,
       true,
       {{0, 30}, {1, 18}, {2, 12}, {7, 3}},
       {{0, 10}, {1, 6}, {2, 4}, {7, 1}},
       {{0, 10}, {1, 6}, {2, 4}, {7, 1}}},
      // Class 7: round(2.5) = 3 to train, validation capped at the 2 left.
      {"halves",
       0.5,
       0.5,
       0.0,
       true,
       {{0, 25}, {1, 15}, {2, 10}, {7, 3}},
       {{0, 25}, {1, 15}, {2, 10}, {7, 2}},
       {}},
      {"all_train", 1.0, 0.0, 0.0, true, {{0, 50}, {1, 30}, {2, 20}, {7, 5}}, {}, {}},
      {"all_test", 0.0, 0.0, 1.0, true, {}, {}, {{0, 50}, {1, 30}, {2, 20}, {7, 5}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const Split s = split_indices(labels, {c.train, c.validation, c.test, 42, c.stratified});
    EXPECT_EQ(class_counts(labels, s.train), c.train_counts);
    EXPECT_EQ(class_counts(labels, s.validation), c.validation_counts);
    EXPECT_EQ(class_counts(labels, s.test), c.test_counts);
    expect_partition(s, labels.size());
  }
}

TEST(SplitTest, UnstratifiedSizesAndCoverage) {
  const std::vector<int> labels = make_labels();  // 105 rows
  const Split s = split_indices(labels, {0.8, 0.1, 0.1, 9, false});
  EXPECT_EQ(s.train.size(), 84u);       // round(84.0)
  EXPECT_EQ(s.validation.size(), 11u);  // round(10.5)
  EXPECT_EQ(s.test.size(), 10u);
  expect_partition(s, labels.size());
}

TEST(SplitTest, DeterministicPerSeed) {
  const std::vector<int> labels = make_labels();
  for (const bool stratified : {true, false}) {
    SCOPED_TRACE(stratified);
    const Split a = split_indices(labels, {0.8, 0.1, 0.1, 42, stratified});
    const Split b = split_indices(labels, {0.8, 0.1, 0.1, 42, stratified});
    const Split c = split_indices(labels, {0.8, 0.1, 0.1, 43, stratified});
    EXPECT_EQ(a.train, b.train);
    EXPECT_EQ(a.validation, b.validation);
    EXPECT_EQ(a.test, b.test);
    EXPECT_NE(a.train, c.train);
    EXPECT_NE(a.test, c.test);
    // The splits are shuffled, not in row order.
    EXPECT_FALSE(std::is_sorted(a.train.begin(), a.train.end()));
  }
}

TEST(SplitTest, EmptyInput) {
  const Split s = split_indices(std::span<const int>(), {});
  EXPECT_TRUE(s.train.empty());
  EXPECT_TRUE(s.validation.empty());
  EXPECT_TRUE(s.test.empty());
}

TEST(SplitTest, RejectsBadFractions) {
  const std::vector<int> labels = {0, 1, 0, 1};
  const double nan = std::nan("");
  const double inf = std::numeric_limits<double>::infinity();
  const struct {
    const char* name;
    double train, validation, test;
  } cases[] = {
      {"sum_above_1", 0.8, 0.1, 0.2}, {"sum_below_1", 0.5, 0.1, 0.1}, {"negative", 1.1, -0.1, 0.0},
      {"nan", nan, 0.1, 0.1},         {"inf", inf, 0.0, 0.0},         {"all_zero", 0.0, 0.0, 0.0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      split_indices(labels, {c.train, c.validation, c.test, 1, true});
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    }
  }
  // Within the 1e-9 tolerance.
  EXPECT_NO_THROW(split_indices(labels, {0.7, 0.2, 0.1 + 1e-12, 1, true}));
}

TEST(DownsampleTest, CapsDominantClass) {
  // 60 rows of class 0, 20 of class 1, 10 of class 2.
  std::vector<int> labels;
  for (int i = 0; i < 90; ++i)
    labels.push_back(i < 60 ? 0 : i < 80 ? 1 : 2);
  std::rotate(labels.begin(), labels.begin() + 45, labels.end());  // mix the classes
  Rows all(labels.size());
  std::iota(all.begin(), all.end(), 0);
  const Rows some = {0, 1, 2, 3, 4, 5, 60, 61, 70};  // classes of these are checked below

  const struct {
    const char* name;
    Rows rows;
    double ratio;
    Counts expected;
  } cases[] = {
      {"ratio_2", all, 2.0, {{0, 40}, {1, 20}, {2, 10}}},
      {"ratio_1_5", all, 1.5, {{0, 30}, {1, 20}, {2, 10}}},
      {"ratio_3_already_fits", all, 3.0, {{0, 60}, {1, 20}, {2, 10}}},
      {"ratio_below_1", all, 0.5, {{0, 10}, {1, 20}, {2, 10}}},
      {"fractional_cap_floors", all, 1.99, {{0, 39}, {1, 20}, {2, 10}}},
      {"no_rows", {}, 1.0, {}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const Rows kept = downsample_majority(labels, c.rows, c.ratio, 5);
    EXPECT_EQ(class_counts(labels, kept), c.expected);
    EXPECT_TRUE(std::is_sorted(kept.begin(), kept.end()));  // original order kept
    EXPECT_TRUE(std::includes(c.rows.begin(), c.rows.end(), kept.begin(), kept.end()));
  }

  const std::vector<int> one_class(10, 3);
  Rows ten(10);
  std::iota(ten.begin(), ten.end(), 0);
  EXPECT_EQ(downsample_majority(one_class, ten, 1.0, 5), ten);
}

TEST(DownsampleTest, KeepsGivenOrderAndIsSeeded) {
  const std::vector<int> labels = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
  const Rows rows = {9, 7, 5, 3, 1, 8, 0, 2, 4, 6};
  const Rows a = downsample_majority(labels, rows, 1.0, 11);
  ASSERT_EQ(a.size(), 4u);
  EXPECT_EQ(class_counts(labels, a), (Counts{{0, 2}, {1, 2}}));
  // Kept rows appear in the order of `rows`.
  std::vector<std::ptrdiff_t> positions;
  for (const std::size_t r : a)
    positions.push_back(std::find(rows.begin(), rows.end(), r) - rows.begin());
  EXPECT_TRUE(std::is_sorted(positions.begin(), positions.end()));
  EXPECT_EQ(downsample_majority(labels, rows, 1.0, 11), a);
  bool some_seed_differs = false;
  for (std::uint64_t seed = 12; seed < 20 && !some_seed_differs; ++seed)
    some_seed_differs = downsample_majority(labels, rows, 1.0, seed) != a;
  EXPECT_TRUE(some_seed_differs);
}

TEST(DownsampleTest, RejectsBadArguments) {
  const std::vector<int> labels = {0, 0, 1};
  const Rows ok = {0, 1, 2};
  const struct {
    const char* name;
    Rows rows;
    double ratio;
  } cases[] = {
      {"zero_ratio", ok, 0.0},           {"negative_ratio", ok, -1.0},
      {"nan_ratio", ok, std::nan("")},   {"inf_ratio", ok, std::numeric_limits<double>::infinity()},
      {"row_out_of_range", {0, 3}, 1.0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      downsample_majority(labels, c.rows, c.ratio, 1);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    }
  }
}

}  // namespace
}  // namespace secnlp::models
