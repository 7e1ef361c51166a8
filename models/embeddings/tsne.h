#pragma once
// t-SNE (van der Maaten and Hinton 2008), exact, with scikit-learn's TSNE recipe so that the
// results compare: squared Euclidean input distances, perplexity-calibrated conditional
// probabilities (binary search on the precision, tolerance 1e-5), symmetrised P, PCA
// initialisation scaled to standard deviation 1e-4, Student-t (1 degree of freedom) output
// kernel, 250 iterations of early exaggeration (12, momentum 0.5) then momentum 0.8, gains
// (+0.2 / x0.8, at least 0.01), learning rate max(n / 12 / 4, 50), stop after 300 iterations
// without progress (checked every 50). Torch-free.

#include <cstddef>
#include <span>
#include <vector>

namespace secnlp::models {

// Options and defaults: perplexity 30, iterations 1000, early_exaggeration 12, learning_rate
// 0 (scikit-learn's "auto"), seed 1 (the PCA's power iteration; the result is deterministic
// for given inputs and seed).
struct TsneOptions {
  double perplexity = 30;
  int iterations = 1000;
  double early_exaggeration = 12;
  double learning_rate = 0;
  unsigned seed = 1;
};

struct TsneResult {
  std::vector<double> points;  // n x 2, row-major
  double kl_divergence = 0;    // KL(P || Q) at the last iteration
  int iterations = 0;          // iterations run (early stop included)
};

// Embeds the n = values.size() / dim rows of `values` in 2-D. Throws Error(kInvalidArgument)
// when n < 2, dim == 0, the perplexity is not below n, or iterations < 250. Cost: O(n^2) memory
// and O(iterations x n^2) time (exact): about a second for 500 points, a minute for 5,000.
TsneResult tsne(std::span<const float> values, std::size_t dim, const TsneOptions& options = {});

}  // namespace secnlp::models
