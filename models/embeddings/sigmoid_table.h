#pragma once
// word2vec's precomputed sigmoid and log-sigmoid on [-kMaxExp, kMaxExp], as the trainer reads
// them: slot(f) for |f| <= kMaxExp (callers handle larger |f| themselves).
//
// word2vec.c allocates EXP_TABLE_SIZE + 1 entries because (f + MAX_EXP) * (SIZE / MAX_EXP / 2)
// reaches SIZE at f = MAX_EXP, and float rounding reaches it for f just below (5.9999995f + 6
// rounds to 12). Our table had SIZE entries, so such a dot product read one float past the end:
// heap garbage as a gradient, which blew the vectors up at random moments and made one-thread
// training differ from run to run (issue 19). slot() clamps instead.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace secnlp::models {

class SigmoidTable {
 public:
  static constexpr int kSize = 1000;
  static constexpr float kMaxExp = 6;

  SigmoidTable();

  // The table slot of f in [-kMaxExp, kMaxExp]: 0 .. kSize - 1.
  static std::size_t slot(float f) {
    const int i = static_cast<int>((f + kMaxExp) * (kSize / kMaxExp / 2));
    return static_cast<std::size_t>(std::clamp(i, 0, kSize - 1));
  }
  float sigmoid(std::size_t slot) const { return sigmoid_[slot]; }
  float log_sigmoid(std::size_t slot) const { return log_sigmoid_[slot]; }
  // log(1 - sigmoid) at the same slot: log sigmoid of -f.
  float log_one_minus_sigmoid(std::size_t slot) const { return log_sigmoid_[kSize - 1 - slot]; }

 private:
  std::vector<float> sigmoid_, log_sigmoid_;
};

}  // namespace secnlp::models
