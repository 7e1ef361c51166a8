#include "models/embeddings/tsne.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include <fmt/format.h>

#include "common/error.h"

namespace secnlp::models {
namespace {

constexpr double kMachineEpsilon = std::numeric_limits<double>::epsilon();

// Row i of the conditional probabilities P(j|i) for squared distances d (row of n), with the
// precision found by bisection so that the entropy is log(perplexity): scikit-learn's
// _binary_search_perplexity.
void conditional_row(const double* d, std::size_t n, std::size_t i, double perplexity, double* p) {
  const double desired = std::log(perplexity);
  double beta = 1, beta_min = -std::numeric_limits<double>::infinity(),
         beta_max = std::numeric_limits<double>::infinity();
  for (int step = 0; step < 100; ++step) {
    double sum = 0;
    for (std::size_t j = 0; j < n; ++j) {
      p[j] = j == i ? 0.0 : std::exp(-d[j] * beta);
      sum += p[j];
    }
    if (sum == 0) sum = 1e-8;
    double sum_dp = 0;
    for (std::size_t j = 0; j < n; ++j) {
      p[j] /= sum;
      sum_dp += d[j] * p[j];
    }
    const double diff = std::log(sum) + beta * sum_dp - desired;
    if (std::abs(diff) <= 1e-5) break;
    if (diff > 0) {
      beta_min = beta;
      beta = std::isinf(beta_max) ? beta * 2 : (beta + beta_max) / 2;
    } else {
      beta_max = beta;
      beta = std::isinf(beta_min) ? beta / 2 : (beta + beta_min) / 2;
    }
  }
}

// The first two principal components' scores of the centred rows, signs as scikit-learn's
// svd_flip (the largest score of each component positive), by power iteration on the
// covariance.
std::vector<double> pca2(std::span<const float> values, std::size_t n, std::size_t dim,
                         unsigned seed) {
  std::vector<double> mean(dim, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < dim; ++k)
      mean[k] += values[i * dim + k];
  for (double& m : mean)
    m /= static_cast<double>(n);
  std::vector<double> cov(dim * dim, 0.0);
  std::vector<double> row(dim);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t k = 0; k < dim; ++k)
      row[k] = values[i * dim + k] - mean[k];
    for (std::size_t a = 0; a < dim; ++a)
      for (std::size_t b = a; b < dim; ++b)
        cov[a * dim + b] += row[a] * row[b];
  }
  for (std::size_t a = 0; a < dim; ++a)
    for (std::size_t b = 0; b < a; ++b)
      cov[a * dim + b] = cov[b * dim + a];
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal;
  std::vector<double> scores(n * 2, 0.0);
  std::vector<double> v(dim), w(dim);
  for (int c = 0; c < 2; ++c) {
    for (double& x : v)
      x = normal(rng);
    double lambda = 0;
    for (int it = 0; it < 3000; ++it) {
      for (std::size_t a = 0; a < dim; ++a) {
        double s = 0;
        for (std::size_t b = 0; b < dim; ++b)
          s += cov[a * dim + b] * v[b];
        w[a] = s;
      }
      double norm = 0;
      for (double x : w)
        norm += x * x;
      norm = std::sqrt(norm);
      if (norm == 0) break;
      double change = 0;
      for (std::size_t a = 0; a < dim; ++a) {
        const double next = w[a] / norm;
        change = std::max(change, std::abs(next - v[a]));
        v[a] = next;
      }
      lambda = norm;
      if (change < 1e-12) break;
    }
    // Deflate: cov -= lambda v v^T.
    for (std::size_t a = 0; a < dim; ++a)
      for (std::size_t b = 0; b < dim; ++b)
        cov[a * dim + b] -= lambda * v[a] * v[b];
    double largest = 0;
    for (std::size_t i = 0; i < n; ++i) {
      double s = 0;
      for (std::size_t k = 0; k < dim; ++k)
        s += (values[i * dim + k] - mean[k]) * v[k];
      scores[i * 2 + c] = s;
      if (std::abs(s) > std::abs(largest)) largest = s;
    }
    if (largest < 0)
      for (std::size_t i = 0; i < n; ++i)
        scores[i * 2 + c] = -scores[i * 2 + c];
  }
  return scores;
}

struct Optimizer {
  std::size_t n;
  const std::vector<double>& p;  // n x n, symmetric, zero diagonal
  std::vector<double>& y;        // n x 2
  std::vector<double> num, grad;

  // KL(P*exaggeration-normalised || Q) and its gradient (scikit-learn's _kl_divergence).
  double objective(double exaggeration) {
    num.assign(n * n, 0.0);
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        const double dx = y[i * 2] - y[j * 2], dy = y[i * 2 + 1] - y[j * 2 + 1];
        const double q = 1.0 / (1.0 + dx * dx + dy * dy);
        num[i * n + j] = num[j * n + i] = q;
        sum += 2 * q;
      }
    grad.assign(n * 2, 0.0);
    double kl = 0;
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j) {
        const double pij = p[i * n + j] * exaggeration;
        const double q = std::max(num[i * n + j] / sum, kMachineEpsilon);
        kl += 2.0 * pij * std::log(std::max(pij, kMachineEpsilon) / q);
        const double f = (pij - q) * num[i * n + j];
        const double gx = f * (y[i * 2] - y[j * 2]), gy = f * (y[i * 2 + 1] - y[j * 2 + 1]);
        grad[i * 2] += gx;
        grad[i * 2 + 1] += gy;
        grad[j * 2] -= gx;
        grad[j * 2 + 1] -= gy;
      }
    for (double& g : grad)
      g *= 4.0;
    return kl;
  }

  // scikit-learn's _gradient_descent; returns the last error and the last iteration.
  std::pair<double, int> descend(int first, int last, double momentum, double rate,
                                 double exaggeration) {
    std::vector<double> update(n * 2, 0.0), gains(n * 2, 1.0);
    double error = std::numeric_limits<double>::max();
    double best = error;
    int best_iter = first, i = first;
    for (i = first; i < last; ++i) {
      error = objective(exaggeration);
      double grad_norm = 0;
      for (double g : grad)
        grad_norm += g * g;
      grad_norm = std::sqrt(grad_norm);
      for (std::size_t k = 0; k < grad.size(); ++k) {
        if (update[k] * grad[k] < 0.0)
          gains[k] += 0.2;
        else
          gains[k] *= 0.8;
        gains[k] = std::max(gains[k], 0.01);
        update[k] = momentum * update[k] - rate * grad[k] * gains[k];
        y[k] += update[k];
      }
      if ((i + 1) % 50 == 0) {
        if (error < best) {
          best = error;
          best_iter = i;
        } else if (i - best_iter > 300) {
          break;
        }
        if (grad_norm <= 1e-7) break;
      }
    }
    return {error, std::min(i, last - 1)};
  }
};

}  // namespace

TsneResult tsne(std::span<const float> values, std::size_t dim, const TsneOptions& o) {
  if (dim == 0 || values.size() % dim != 0)
    throw Error(ErrorCode::kInvalidArgument, "t-SNE: values are not rows of dim numbers");
  const std::size_t n = values.size() / dim;
  if (n < 2) throw Error(ErrorCode::kInvalidArgument, "t-SNE needs at least 2 points");
  if (!(o.perplexity > 0) || o.perplexity >= static_cast<double>(n))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("t-SNE: perplexity {} must be positive and below the number of "
                            "points ({})",
                            o.perplexity, n));
  if (o.iterations < 250)
    throw Error(ErrorCode::kInvalidArgument, "t-SNE needs at least 250 iterations");
  if (n > 20000)
    throw Error(ErrorCode::kLimit,
                fmt::format("t-SNE here is exact (O(n^2) memory): {} points is over 20000", n));

  // Squared Euclidean distances, then P.
  std::vector<double> d(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      double s = 0;
      for (std::size_t k = 0; k < dim; ++k) {
        const double x = static_cast<double>(values[i * dim + k]) - values[j * dim + k];
        s += x * x;
      }
      d[i * n + j] = d[j * n + i] = s;
    }
  std::vector<double> p(n * n);
  for (std::size_t i = 0; i < n; ++i)
    conditional_row(d.data() + i * n, n, i, o.perplexity, p.data() + i * n);
  double total = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) {
      const double s = p[i * n + j] + p[j * n + i];
      p[i * n + j] = p[j * n + i] = s;
      total += 2 * s;
    }
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      p[i * n + j] = i == j ? 0.0 : std::max(p[i * n + j] / total, kMachineEpsilon);
  d.clear();
  d.shrink_to_fit();

  TsneResult result;
  result.points = pca2(values, n, dim, o.seed);
  double mean = 0, var = 0;
  for (std::size_t i = 0; i < n; ++i)
    mean += result.points[i * 2];
  mean /= static_cast<double>(n);
  for (std::size_t i = 0; i < n; ++i)
    var += (result.points[i * 2] - mean) * (result.points[i * 2] - mean);
  const double sd = std::sqrt(var / static_cast<double>(n));
  for (double& x : result.points)
    x = sd > 0 ? x / sd * 1e-4 : 0.0;

  const double rate = o.learning_rate > 0
                          ? o.learning_rate
                          : std::max(static_cast<double>(n) / o.early_exaggeration / 4, 50.0);
  Optimizer opt{n, p, result.points, {}, {}};
  auto [error, last] = opt.descend(0, 250, 0.5, rate, o.early_exaggeration);
  if (o.iterations > 250)
    std::tie(error, last) = opt.descend(last + 1, o.iterations, 0.8, rate, 1.0);
  result.kl_divergence = error;
  result.iterations = last + 1;
  return result;
}

}  // namespace secnlp::models
