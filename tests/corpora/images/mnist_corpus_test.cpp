// MNIST test split from ../shared/data/images/mnist. Expected values computed with
//   /usr/bin/python3 -c "import gzip, numpy as np;
//     img = np.frombuffer(gzip.open('t10k-images-idx3-ubyte.gz').read(), np.uint8, offset=16);
//     lab = np.frombuffer(gzip.open('t10k-labels-idx1-ubyte.gz').read(), np.uint8, offset=8);
//     print(np.bincount(lab).tolist(), (img / 255).mean(), lab[:5].tolist())"

#include <array>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "corpora/images/image_set.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

TEST(MnistCorpus, TestSplitMatchesNumpy) {
  SECNLP_REQUIRE_CORPUS(dir, "images/mnist");
  const ImageSet set =
      read_idx(dir / "t10k-images-idx3-ubyte.gz", dir / "t10k-labels-idx1-ubyte.gz");
  ASSERT_EQ(set.count, 10000u);
  EXPECT_EQ(set.channels, 1);
  EXPECT_EQ(set.height, 28);
  EXPECT_EQ(set.width, 28);
  ASSERT_EQ(set.pixels.size(), 10000u * 28 * 28);
  EXPECT_EQ(set.classes.size(), 10u);

  const std::array<int, 10> expected_counts = {980, 1135, 1032, 1010, 982,
                                               892, 958,  1028, 974,  1009};
  std::array<int, 10> counts{};
  for (const int label : set.labels) {
    ASSERT_GE(label, 0);
    ASSERT_LT(label, 10);
    ++counts[static_cast<std::size_t>(label)];
  }
  EXPECT_EQ(counts, expected_counts);
  EXPECT_EQ(std::vector<int>(set.labels.begin(), set.labels.begin() + 5),
            (std::vector<int>{7, 2, 1, 0, 4}));

  double sum = 0;
  for (const std::uint8_t p : set.pixels)
    sum += p;
  EXPECT_NEAR(sum / 255.0 / static_cast<double>(set.pixels.size()), 0.13251460584233699, 1e-6);
}

TEST(MnistCorpus, DatasetDispatchFindsT10kForTest) {
  SECNLP_REQUIRE_CORPUS(dir, "images/mnist");
  const ImageSet set = read_image_dataset(dir, "test");
  EXPECT_EQ(set.count, 10000u);
  // Only the training labels are in the corpus: "train" must say its images file is missing.
  try {
    read_image_dataset(dir, "train");
    ADD_FAILURE() << "train split read without its images file";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_NE(std::string(e.what()).find("train-labels-idx1-ubyte.gz"), std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace secnlp::corpora
