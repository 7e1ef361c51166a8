// Nearest filings/sections by cosine over TF-IDF (nlp/retrieval InvertedIndex) on a synthetic
// store shaped like 10-K sections, to check the goal: top-10 in < 100 ms for 100,000
// stored sections, on one core.
//
// The store (built once, before timing):
//   $SECNLP_NEAREST_ROWS sections (default 100,000); vocabulary of 50,000 term ids drawn with a
//   Zipf law (rank r has probability ~ 1/r); each section draws tokens until it has a distinct
//   term count chosen uniformly in [300, 800] (so the common terms repeat, as in text); counts are
//   TF-IDF weighted and L2-normalised with nlp/features (add_document_frequencies, idf_from_df,
//   apply_tfidf with sklearn's defaults). Fixed seed: every run sees the same store.
// Benchmarks:
//   BM_Build   InvertedIndex::build over the store; counters: index MB, bytes per posting.
//   BM_Load    InvertedIndex::load of the saved index (page cache warm); counter: file MB.
//   BM_TopK10  top_k(section, 10, exclude itself) for 200 sections spread over the store;
//              counters: mean, p50, p99 and max latency in ms (one sample per query).
//   BM_TopK10_Short  the same with 20-term queries (the rarest terms of each section).
// All single-threaded (top_k is safe to call from several threads at once).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <unistd.h>

#include "nlp/features/sparse.h"
#include "nlp/features/tfidf.h"
#include "nlp/retrieval/inverted_index.h"

namespace {

namespace fs = std::filesystem;
using secnlp::nlp::InvertedIndex;
using secnlp::nlp::SparseVector;

constexpr std::uint32_t kVocabulary = 50000;
constexpr std::uint32_t kMinTerms = 300;
constexpr std::uint32_t kMaxTerms = 800;
constexpr std::size_t kQueries = 200;

std::size_t store_rows() {
  const char* env = std::getenv("SECNLP_NEAREST_ROWS");
  return env ? std::strtoull(env, nullptr, 10) : 100000;
}

// Zipf(s = 1) over kVocabulary ranks by inverse CDF with a guide table (Chen's method): O(1)
// expected per draw.
class ZipfSampler {
 public:
  ZipfSampler() : cdf_(kVocabulary), guide_(kGuide + 1) {
    double sum = 0;
    for (std::uint32_t r = 0; r < kVocabulary; ++r)
      sum += 1.0 / (r + 1);
    double acc = 0;
    for (std::uint32_t r = 0; r < kVocabulary; ++r)
      cdf_[r] = (acc += 1.0 / (r + 1) / sum);
    cdf_.back() = 1.0;
    std::uint32_t i = 0;
    for (std::size_t b = 0; b <= kGuide; ++b) {
      while (i + 1 < kVocabulary && cdf_[i] < static_cast<double>(b) / kGuide)
        ++i;
      guide_[b] = i;
    }
  }
  std::uint32_t operator()(std::mt19937_64& rng) const {
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    std::uint32_t i = guide_[static_cast<std::size_t>(u * kGuide)];
    while (cdf_[i] < u)
      ++i;
    return i;
  }

 private:
  static constexpr std::size_t kGuide = 1 << 16;
  std::vector<double> cdf_;
  std::vector<std::uint32_t> guide_;
};

const std::vector<SparseVector>& store() {
  static const std::vector<SparseVector> rows = [] {
    const auto start = std::chrono::steady_clock::now();
    const std::size_t n = store_rows();
    std::mt19937_64 rng(20261121);
    const ZipfSampler zipf;
    std::uniform_int_distribution<std::uint32_t> distinct(kMinTerms, kMaxTerms);
    std::vector<std::uint32_t> counts(kVocabulary, 0);
    std::vector<std::uint32_t> touched;
    std::vector<SparseVector> out(n);
    std::vector<std::uint32_t> df;
    std::size_t tokens = 0;
    for (auto& row : out) {
      const std::uint32_t want = distinct(rng);
      touched.clear();
      while (touched.size() < want) {
        const std::uint32_t t = zipf(rng);
        if (counts[t]++ == 0) touched.push_back(t);
        ++tokens;
      }
      std::sort(touched.begin(), touched.end());
      for (std::uint32_t t : touched) {
        row.push_back(t, counts[t]);
        counts[t] = 0;
      }
      secnlp::nlp::add_document_frequencies(row, df);
    }
    df.resize(kVocabulary, 0);
    const secnlp::nlp::TfidfOptions options;  // sklearn defaults: smooth idf, L2
    const auto idf = secnlp::nlp::idf_from_df(df, n, options);
    std::size_t nnz = 0;
    for (auto& row : out) {
      secnlp::nlp::apply_tfidf(row, idf, options);
      nnz += row.size();
    }
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr,
                 "store: %zu sections, %zu tokens, %zu non-zeros (%.0f per section), %.1f s\n", n,
                 tokens, nnz, static_cast<double>(nnz) / std::max<std::size_t>(n, 1), s);
    return out;
  }();
  return rows;
}

const InvertedIndex& shared_index() {
  static const InvertedIndex index = InvertedIndex::build(store());
  return index;
}

void BM_Build(benchmark::State& state) {
  const auto& rows = store();
  std::size_t bytes = 0, postings = 0;
  for (auto _ : state) {
    const auto index = InvertedIndex::build(rows);
    bytes = index.memory_bytes();
    postings = index.posting_count();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["rows"] = static_cast<double>(rows.size());
  state.counters["postings"] = static_cast<double>(postings);
  state.counters["index_MB"] = static_cast<double>(bytes) / 1e6;
  state.counters["bytes_per_posting"] =
      static_cast<double>(bytes) / std::max<std::size_t>(postings, 1);
}
BENCHMARK(BM_Build)->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_Load(benchmark::State& state) {
  const fs::path path =
      fs::temp_directory_path() / ("secnlp_nearest_bench_" + std::to_string(::getpid()) + ".idx");
  shared_index().save(path);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const auto index = InvertedIndex::load(path);
    bytes = index.memory_bytes();
    benchmark::DoNotOptimize(bytes);
  }
  fs::remove(path);
  state.counters["file_MB"] = static_cast<double>(bytes) / 1e6;
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
}
BENCHMARK(BM_Load)->Unit(benchmark::kMillisecond)->Iterations(5);

// Latency statistics of top-10 over kQueries sections spread over the store.
void run_queries(benchmark::State& state, bool short_queries) {
  const auto& rows = store();
  const auto& index = shared_index();
  std::vector<SparseVector> queries;
  std::vector<std::size_t> self;
  for (std::size_t q = 0; q < kQueries && q < rows.size(); ++q) {
    const std::size_t r = q * rows.size() / kQueries;
    self.push_back(r);
    SparseVector query = rows[r];
    if (short_queries && query.size() > 20) {
      // The 20 highest weights: the section's most distinctive terms.
      std::vector<std::size_t> order(query.size());
      for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
      std::partial_sort(
          order.begin(), order.begin() + 20, order.end(),
          [&](std::size_t a, std::size_t b) { return query.values[a] > query.values[b]; });
      order.resize(20);
      std::sort(order.begin(), order.end());
      SparseVector cut;
      for (std::size_t i : order)
        cut.push_back(query.ids[i], query.values[i]);
      query = std::move(cut);
    }
    queries.push_back(std::move(query));
  }
  std::vector<double> ms;
  for (auto _ : state) {
    for (std::size_t q = 0; q < queries.size(); ++q) {
      const auto start = std::chrono::steady_clock::now();
      auto result = index.top_k(queries[q], 10, self[q]);
      const auto end = std::chrono::steady_clock::now();
      benchmark::DoNotOptimize(result.data());
      ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
    }
  }
  std::sort(ms.begin(), ms.end());
  double sum = 0;
  for (double m : ms)
    sum += m;
  const auto pct = [&](double p) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(std::ceil(p * ms.size())) - 1)];
  };
  state.counters["mean_ms"] = sum / ms.size();
  state.counters["p50_ms"] = pct(0.50);
  state.counters["p99_ms"] = pct(0.99);
  state.counters["max_ms"] = ms.back();
  state.SetItemsProcessed(static_cast<std::int64_t>(ms.size()));
}

void BM_TopK10(benchmark::State& state) {
  run_queries(state, false);
}
BENCHMARK(BM_TopK10)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_TopK10_Short(benchmark::State& state) {
  run_queries(state, true);
}
BENCHMARK(BM_TopK10_Short)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
