// Skip-gram and CBOW with negative sampling as word2vec.c (Mikolov et al. 2013) and gensim's
// Word2Vec train them: frequency-sorted vocabulary, subsampling keep probability
// (sqrt(f / s) + 1) * s / f, negatives from the unigram distribution to the power 0.75, reduced
// windows, learning rate decaying linearly over all epochs, lock-free (Hogwild) threads over byte
// ranges of the corpus file. Written here, not taken from fastText, because bench/embed_bench.sh
// measured Debian's fastText 0.9.2 at 0.22x gensim's speed on the same corpus and options; this
// trainer is the default engine, fastText stays for subword vectors.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"
#include "models/embeddings/embedding_trainer.h"
#include "models/embeddings/sigmoid_table.h"

namespace secnlp::models {
namespace {

constexpr float kMaxExp = SigmoidTable::kMaxExp;
constexpr std::size_t kMaxSentence = 10000;  // gensim's MAX_WORDS_IN_BATCH per sentence

struct Hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using WordIndex = std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>>;

// Splits at spaces and tabs (the corpus format) and calls f(token).
template <typename F>
void for_each_token(std::string_view line, F&& f) {
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r'))
      ++i;
    const std::size_t b = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
      ++i;
    if (i > b) f(line.substr(b, i - b));
  }
}

// word2vec.c's linear congruential generator: fast, and the same stream for the same seed.
struct Random {
  std::uint64_t state;
  std::uint64_t next() {
    state = state * 25214903917ULL + 11;
    return state;
  }
};

// The inner loops: dim is small (50-300), so plain loops the compiler vectorises; the dot product
// keeps 8 partial sums so that it vectorises without -ffast-math.
float dot(const float* a, const float* b, std::size_t n) {
  float s[8] = {};
  std::size_t k = 0;
  for (; k + 8 <= n; k += 8)
    for (int j = 0; j < 8; ++j)
      s[j] += a[k + j] * b[k + j];
  float total = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
  for (; k < n; ++k)
    total += a[k] * b[k];
  return total;
}

void axpy(float a, const float* x, float* y, std::size_t n) {
  for (std::size_t k = 0; k < n; ++k)
    y[k] += a * x[k];
}

struct Model {
  std::size_t dim = 0;
  std::vector<std::string> words;
  std::vector<std::uint64_t> counts;
  WordIndex index;
  std::uint64_t train_words = 0;     // kept tokens in one pass
  std::vector<std::uint32_t> keep;   // subsampling threshold x 2^32 (2^32-1: always keep)
  std::vector<std::uint32_t> cum;    // cumulative unigram^0.75 table, scaled to 2^31
  std::vector<float> syn0, syn1neg;  // input and output vectors
  SigmoidTable sigmoid;              // sigmoid and log sigmoid on [-kMaxExp, kMaxExp]
};

std::uint32_t draw_negative(const Model& m, Random& rng) {
  const std::uint32_t r = static_cast<std::uint32_t>((rng.next() >> 16) % m.cum.back());
  return static_cast<std::uint32_t>(std::upper_bound(m.cum.begin(), m.cum.end(), r) -
                                    m.cum.begin());
}

// One (input row, target word) update with negatives: adds the input row's gradient to neu1e.
// Returns the loss -log sigmoid(+) - sum log sigmoid(-).
float train_pair(Model& m, const float* l1, std::uint32_t target, int negatives, float alpha,
                 float* neu1e, Random& rng) {
  const std::size_t dim = m.dim;
  float loss = 0;
  for (int d = 0; d <= negatives; ++d) {
    std::uint32_t word = target;
    float label = 1;
    if (d > 0) {
      word = draw_negative(m, rng);
      if (word == target) continue;
      label = 0;
    }
    float* l2 = m.syn1neg.data() + word * dim;
    const float f = dot(l1, l2, dim);
    float g;
    if (f > kMaxExp) {
      g = (label - 1) * alpha;
      loss += label > 0 ? 0.0f : f;
    } else if (f < -kMaxExp) {
      g = label * alpha;
      loss += label > 0 ? -f : 0.0f;
    } else {
      const std::size_t i = SigmoidTable::slot(f);
      g = (label - m.sigmoid.sigmoid(i)) * alpha;
      loss -= label > 0 ? m.sigmoid.log_sigmoid(i) : m.sigmoid.log_one_minus_sigmoid(i);
    }
    axpy(g, l2, neu1e, dim);
    axpy(g, l1, l2, dim);
  }
  return loss;
}

struct Shared {
  std::atomic<std::uint64_t> words_done{0};  // kept tokens processed, all epochs
  std::atomic<bool> failed{false};
  std::mutex log_mutex;
  std::chrono::steady_clock::time_point start, last_log;
  double loss_sum = 0;  // thread 0's recent pairs
  double loss_pairs = 0;
  float last_loss = 0;
  double final_loss = 0;  // thread 0's mean loss over its last epoch
};

void train_thread(Model& m, const EmbeddingOptions& o, const std::filesystem::path& corpus,
                  std::uint64_t begin, std::uint64_t end, int thread, Shared& shared,
                  float start_alpha) {
  const std::size_t dim = m.dim;
  const bool sg = o.model == "skipgram";
  Random rng{static_cast<std::uint64_t>(o.seed) * 1000003ULL + static_cast<std::uint64_t>(thread)};
  std::vector<float> neu1(dim), neu1e(dim);
  std::vector<std::uint32_t> sentence;
  sentence.reserve(kMaxSentence);
  const double total = static_cast<double>(m.train_words) * o.epochs + 1;
  std::string line;
  std::uint64_t local = 0;
  double loss_sum = 0, loss_pairs = 0;
  double epoch_loss = 0, epoch_pairs = 0;  // this epoch's pairs: the final loss reported
  float alpha = start_alpha;

  auto train_sentence = [&] {
    const std::size_t n = sentence.size();
    for (std::size_t pos = 0; pos < n; ++pos) {
      const std::uint32_t word = sentence[pos];
      const std::size_t b = rng.next() % static_cast<std::uint64_t>(o.window);
      const std::size_t lo = pos + b >= static_cast<std::size_t>(o.window)
                                 ? pos + b - static_cast<std::size_t>(o.window)
                                 : 0;
      const std::size_t hi = std::min(n, pos + static_cast<std::size_t>(o.window) - b + 1);
      if (sg) {
        for (std::size_t c = lo; c < hi; ++c) {
          if (c == pos) continue;
          float* l1 = m.syn0.data() + sentence[c] * dim;
          std::fill(neu1e.begin(), neu1e.end(), 0.0f);
          const float loss = train_pair(m, l1, word, o.negatives, alpha, neu1e.data(), rng);
          loss_sum += loss;
          loss_pairs += 1;
          epoch_loss += loss;
          epoch_pairs += 1;
          axpy(1.0f, neu1e.data(), l1, dim);
        }
      } else {
        std::fill(neu1.begin(), neu1.end(), 0.0f);
        int cw = 0;
        for (std::size_t c = lo; c < hi; ++c) {
          if (c == pos) continue;
          axpy(1.0f, m.syn0.data() + sentence[c] * dim, neu1.data(), dim);
          ++cw;
        }
        if (cw == 0) continue;
        for (float& x : neu1)
          x /= static_cast<float>(cw);
        std::fill(neu1e.begin(), neu1e.end(), 0.0f);
        const float loss = train_pair(m, neu1.data(), word, o.negatives, alpha, neu1e.data(), rng);
        loss_sum += loss;
        loss_pairs += 1;
        epoch_loss += loss;
        epoch_pairs += 1;
        for (std::size_t c = lo; c < hi; ++c)
          if (c != pos) axpy(1.0f, neu1e.data(), m.syn0.data() + sentence[c] * dim, dim);
      }
    }
  };

  for (int epoch = 0; epoch < o.epochs && !shared.failed; ++epoch) {
    std::ifstream in(corpus, std::ios::binary);
    if (!in) {
      shared.failed = true;
      return;
    }
    epoch_loss = epoch_pairs = 0;
    in.seekg(static_cast<std::streamoff>(begin));
    std::uint64_t at = begin;
    if (begin > 0) {  // start at the next line
      in.seekg(static_cast<std::streamoff>(begin - 1));
      std::getline(in, line);
      at = begin - 1 + line.size() + 1;
    }
    while (at < end && std::getline(in, line)) {
      at += line.size() + 1;
      sentence.clear();
      for_each_token(line, [&](std::string_view token) {
        const auto it = m.index.find(token);
        if (it == m.index.end()) return;
        ++local;
        const std::uint32_t id = it->second;
        if (m.keep[id] != 0xFFFFFFFFu && m.keep[id] < static_cast<std::uint32_t>(rng.next() >> 16))
          return;
        sentence.push_back(id);
        if (sentence.size() == kMaxSentence) {  // gensim trains longer lines in pieces
          train_sentence();
          sentence.clear();
        }
      });
      train_sentence();
      if (local >= 10000) {
        const std::uint64_t done = shared.words_done += local;
        local = 0;
        alpha = std::max(start_alpha * static_cast<float>(1.0 - static_cast<double>(done) / total),
                         start_alpha * 0.0001f);
        if (thread == 0) {
          std::lock_guard lock(shared.log_mutex);
          shared.loss_sum += loss_sum;
          shared.loss_pairs += loss_pairs;
          loss_sum = loss_pairs = 0;
          const auto now = std::chrono::steady_clock::now();
          if (now - shared.last_log >= std::chrono::seconds(2)) {
            shared.last_log = now;
            const double seconds = std::chrono::duration<double>(now - shared.start).count();
            const double progress = static_cast<double>(done) / total;
            shared.last_loss =
                static_cast<float>(shared.loss_sum / std::max(1.0, shared.loss_pairs));
            shared.loss_sum = shared.loss_pairs = 0;
            const auto eta =
                static_cast<std::int64_t>(seconds / std::max(progress, 1e-9) - seconds);
            log_info("embed: {:5.1f}%  {:.0f} words/s  loss {:.4f}  lr {:.5f}  ETA {}m{:02}s",
                     progress * 100, static_cast<double>(done) / seconds, shared.last_loss, alpha,
                     eta / 60, eta % 60);
          }
        }
      }
    }
  }
  shared.words_done += local;
  if (thread == 0) {
    std::lock_guard lock(shared.log_mutex);
    shared.loss_sum += loss_sum;
    shared.loss_pairs += loss_pairs;
    if (shared.loss_pairs > 0)
      shared.last_loss = static_cast<float>(shared.loss_sum / shared.loss_pairs);
    // Reported at the end: the last epoch's mean, which does not depend on when the progress
    // lines were logged (the 2-second windows above do).
    if (epoch_pairs > 0) shared.final_loss = epoch_loss / epoch_pairs;
  }
}

}  // namespace

SigmoidTable::SigmoidTable() : sigmoid_(kSize), log_sigmoid_(kSize) {
  for (int i = 0; i < kSize; ++i) {
    const double x = (i / static_cast<double>(kSize) * 2 - 1) * kMaxExp;
    const double s = std::exp(x) / (std::exp(x) + 1);
    sigmoid_[static_cast<std::size_t>(i)] = static_cast<float>(s);
    log_sigmoid_[static_cast<std::size_t>(i)] = static_cast<float>(std::log(s));
  }
}

WordVectors train_word2vec(const std::filesystem::path& corpus, const EmbeddingOptions& o,
                           int threads, EmbeddingStats* stats) {
  const auto start = std::chrono::steady_clock::now();
  Model m;
  m.dim = static_cast<std::size_t>(o.dim);
  // Vocabulary: counts, then words kept by min_count sorted by count (ties: first seen first).
  std::uint64_t file_tokens = 0;
  {
    std::ifstream in(corpus, std::ios::binary);
    if (!in) throw Error(ErrorCode::kIo, "cannot open the corpus", corpus.string());
    WordIndex all;
    std::vector<std::string> order;
    std::vector<std::uint64_t> counts;
    std::string line;
    while (std::getline(in, line))
      for_each_token(line, [&](std::string_view token) {
        ++file_tokens;
        auto it = all.find(token);
        if (it == all.end()) {
          it = all.emplace(std::string(token), static_cast<std::uint32_t>(order.size())).first;
          order.emplace_back(token);
          counts.push_back(0);
        }
        ++counts[it->second];
      });
    std::vector<std::uint32_t> ids;
    for (std::uint32_t i = 0; i < order.size(); ++i)
      if (counts[i] >= static_cast<std::uint64_t>(o.min_count)) ids.push_back(i);
    std::stable_sort(ids.begin(), ids.end(), [&](auto a, auto b) { return counts[a] > counts[b]; });
    for (std::uint32_t id : ids) {
      m.index.emplace(order[id], static_cast<std::uint32_t>(m.words.size()));
      m.words.push_back(std::move(order[id]));
      m.counts.push_back(counts[id]);
      m.train_words += counts[id];
    }
  }
  if (m.words.empty())
    throw Error(
        ErrorCode::kInvalidArgument,
        fmt::format("embed: no word occurs {} times in the corpus (--min-count)", o.min_count),
        corpus.string());
  const std::size_t v = m.words.size();
  log_info("embed: {} words kept of {} tokens", v, file_tokens);

  // Subsampling (word2vec.c / gensim): keep with probability (sqrt(c / t) + 1) * t / c, where
  // t = sample x train_words; stored as a 32-bit threshold.
  m.keep.resize(v);
  const double threshold = o.sample * static_cast<double>(m.train_words);
  for (std::size_t i = 0; i < v; ++i) {
    const double c = static_cast<double>(m.counts[i]);
    const double p = o.sample > 0 ? (std::sqrt(c / threshold) + 1) * threshold / c : 1.0;
    m.keep[i] = p >= 1.0 ? 0xFFFFFFFFu : static_cast<std::uint32_t>(p * 4294967296.0);
  }
  // Negatives: counts^0.75, cumulative (gensim's cum_table), scaled to 2^31.
  {
    double z = 0;
    for (auto c : m.counts)
      z += std::pow(static_cast<double>(c), 0.75);
    m.cum.resize(v);
    double acc = 0;
    for (std::size_t i = 0; i < v; ++i) {
      acc += std::pow(static_cast<double>(m.counts[i]), 0.75);
      m.cum[i] = static_cast<std::uint32_t>(std::round(acc / z * 2147483647.0));
    }
    m.cum.back() = std::max<std::uint32_t>(m.cum.back(), 1);
  }
  // word2vec.c's initialisation: input rows uniform in [-0.5/dim, 0.5/dim), output rows zero.
  m.syn0.resize(v * m.dim);
  m.syn1neg.assign(v * m.dim, 0.0f);
  Random init{static_cast<std::uint64_t>(o.seed)};
  for (float& x : m.syn0)
    x = (static_cast<float>(init.next() & 0xFFFF) / 65536.0f - 0.5f) / static_cast<float>(m.dim);

  const std::uint64_t size = std::filesystem::file_size(corpus);
  Shared shared;
  shared.start = shared.last_log = std::chrono::steady_clock::now();
  const float alpha = static_cast<float>(o.lr > 0 ? o.lr : (o.model == "cbow" ? 0.05 : 0.025));
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back(
        train_thread, std::ref(m), std::cref(o), std::cref(corpus),
        size * static_cast<std::uint64_t>(t) / static_cast<std::uint64_t>(threads),
        size * static_cast<std::uint64_t>(t + 1) / static_cast<std::uint64_t>(threads), t,
        std::ref(shared), alpha);
  for (auto& t : pool)
    t.join();
  if (shared.failed) throw Error(ErrorCode::kIo, "cannot reopen the corpus", corpus.string());

  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  WordVectors out;
  out.dim = m.dim;
  out.words = std::move(m.words);
  out.values = std::move(m.syn0);
  if (stats) {
    stats->corpus_tokens = static_cast<std::int64_t>(file_tokens);
    stats->vocabulary = out.words.size();
    stats->seconds = seconds;
    stats->loss = shared.final_loss;
  }
  log_info("embed: {} epochs over {} tokens in {:.1f} s ({:.0f} tokens/s)", o.epochs, file_tokens,
           seconds, static_cast<double>(file_tokens) * o.epochs / std::max(seconds, 1e-9));
  return out;
}

}  // namespace secnlp::models
