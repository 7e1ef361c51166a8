// Normalisation of the MNIST test split from ../shared/data/images/mnist. Expected values from
//   /usr/bin/python3 -c "import gzip, numpy as np;
//     x = np.frombuffer(gzip.open('t10k-images-idx3-ubyte.gz').read(), np.uint8, offset=16) / 255;
//     print(repr(x.mean()), repr(x.std()))"

#include <vector>

#include <gtest/gtest.h>

#include "corpora/images/image_set.h"
#include "models/augment/augment.h"
#include "tests/support/test_data.h"

namespace secnlp::models {
namespace {

TEST(NormalizationCorpus, MnistTestSplitMatchesNumpy) {
  SECNLP_REQUIRE_CORPUS(dir, "images/mnist");
  const corpora::ImageSet set =
      corpora::read_idx(dir / "t10k-images-idx3-ubyte.gz", dir / "t10k-labels-idx1-ubyte.gz");
  const Normalization norm = compute_normalization(set);
  ASSERT_EQ(norm.mean.size(), 1u);
  EXPECT_NEAR(norm.mean[0], 0.13251460584233699, 1e-6);
  EXPECT_NEAR(norm.std[0], 0.3104802479305348, 1e-6);

  std::vector<float> out(set.image_size());
  to_float(set.image(0), 1, 28, 28, norm, out);
  EXPECT_NEAR(out[0], -0.13251460584233699 / 0.3104802479305348, 1e-5);  // black pixel
  EXPECT_FLOAT_EQ(out[0], black_fill(norm)[0]);
}

}  // namespace
}  // namespace secnlp::models
