#include "models/embeddings/embedding_trainer.h"

#include <fasttext/args.h>
#include <fasttext/densematrix.h>
#include <fasttext/dictionary.h>
#include <fasttext/fasttext.h>
#include <fasttext/vector.h>

#include <chrono>
#include <cmath>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <streambuf>
#include <thread>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"
#include "common/threads.h"

namespace secnlp::models {

// models/embeddings/word2vec_trainer.cpp: the default engine.
WordVectors train_word2vec(const std::filesystem::path& corpus, const EmbeddingOptions& options,
                           int threads, EmbeddingStats* stats);

namespace {

void check(bool ok, const std::string& what) {
  if (!ok) throw Error(ErrorCode::kInvalidArgument, "embed: " + what);
}

// fastText's own train() with one change: fastText 0.9.2 (Debian's) initialises the input
// matrix with DenseMatrix::uniform, which fills only min(threads, 10) tenths of it (blocks of
// rows*dim/10 values; fixed upstream after 0.9.2). Rows left at zero never move under negative
// sampling (their gradient is a sum of zero output rows), so with one thread 90% of the words
// stayed at zero. Here every value is drawn from U(-1/dim, 1/dim) as intended, from `seed`.
class Trainer : public fasttext::FastText {
 public:
  void train_all_rows(const fasttext::Args& args, const TrainCallback& callback) {
    args_ = std::make_shared<fasttext::Args>(args);
    dict_ = std::make_shared<fasttext::Dictionary>(args_);
    {
      std::ifstream in(args_->input);
      dict_->readFromFile(in);
    }
    auto input =
        std::make_shared<fasttext::DenseMatrix>(dict_->nwords() + args_->bucket, args_->dim);
    std::minstd_rand rng(static_cast<std::uint_fast32_t>(args_->seed));
    std::uniform_real_distribution<> uniform(-1.0 / args_->dim, 1.0 / args_->dim);
    fasttext::real* data = input->data();
    for (std::int64_t i = 0, n = input->size(0) * input->size(1); i < n; ++i)
      data[i] = static_cast<fasttext::real>(uniform(rng));
    input_ = input;
    output_ = createTrainOutputMatrix();
    quant_ = false;
    buildModel();
    startThreads(callback);
  }
  // The running average loss of thread 0 (fastText updates it only at verbose >= 2).
  float loss() const { return loss_; }
};

// fastText prints its own progress on std::cerr at verbose >= 2, the level at which it also
// updates the loss the callback reports; its lines are swallowed while training, ours are kept
// (common/log writes with stdio, not std::cerr).
class SilenceCerr {
 public:
  SilenceCerr() : saved_(std::cerr.rdbuf(&null_)) {}
  ~SilenceCerr() { std::cerr.rdbuf(saved_); }
  SilenceCerr(const SilenceCerr&) = delete;
  SilenceCerr& operator=(const SilenceCerr&) = delete;

 private:
  struct Null : std::streambuf {
    int overflow(int c) override { return c == EOF ? 0 : c; }
  } null_;
  std::streambuf* saved_;
};

std::string duration(std::int64_t seconds) {
  return seconds >= 3600 ? fmt::format("{}h{:02}m", seconds / 3600, seconds % 3600 / 60)
                         : fmt::format("{}m{:02}s", seconds / 60, seconds % 60);
}

}  // namespace

WordVectors train_word_vectors(const std::filesystem::path& corpus, const EmbeddingOptions& o,
                               EmbeddingStats* stats) {
  check(o.model == "skipgram" || o.model == "cbow",
        fmt::format("model must be skipgram or cbow, not '{}'", o.model));
  check(o.dim >= 1 && o.dim <= 4096, "dim must be 1..4096");
  check(o.window >= 1 && o.window <= 1000, "window must be 1..1000");
  check(o.negatives >= 1 && o.negatives <= 1000, "negatives must be 1..1000");
  check(o.epochs >= 1 && o.epochs <= 100000, "epochs must be 1..100000");
  check(o.min_count >= 1, "min_count must be at least 1");
  check(o.engine == "auto" || o.engine == "word2vec" || o.engine == "fasttext",
        fmt::format("engine must be auto, word2vec or fasttext, not '{}'", o.engine));
  check(!(o.subwords && o.engine == "word2vec"), "subword vectors need the fasttext engine");
  check(o.sample >= 0 && o.sample < 1, "sample must be in [0, 1)");
  check(o.lr >= 0 && o.lr < 10, "lr must be in [0, 10)");
  check(o.min_n >= 1 && o.max_n >= o.min_n && o.max_n <= 20, "need 1 <= min_n <= max_n <= 20");
  check(o.buckets >= 1 && o.buckets <= 100000000, "buckets must be 1..100000000");
  check_thread_count(o.threads, "--threads");
  {
    std::ifstream probe(corpus);
    if (!probe) throw Error(ErrorCode::kIo, "cannot open the corpus", corpus.string());
  }

  const int threads = o.threads > 0
                          ? o.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (o.engine == "word2vec" || (o.engine == "auto" && !o.subwords))
    return train_word2vec(corpus, o, threads, stats);

  fasttext::Args args;
  args.input = corpus.string();
  args.model = o.model == "cbow" ? fasttext::model_name::cbow : fasttext::model_name::sg;
  args.loss = fasttext::loss_name::ns;
  args.dim = o.dim;
  args.ws = o.window;
  args.neg = o.negatives;
  args.epoch = o.epochs;
  args.minCount = o.min_count;
  // fastText keeps a word with probability sqrt(t/f) + t/f, as word2vec; but t = 0 would discard
  // every word, where word2vec's sample = 0 keeps them all: t = 1 does that (f <= 1).
  args.t = o.sample > 0 ? o.sample : 1.0;
  args.lr = o.lr > 0 ? o.lr : (o.model == "cbow" ? 0.05 : 0.025);
  args.thread = threads;
  args.seed = o.seed;
  args.verbose = 2;  // progress through the callback below; fastText's own lines silenced
  args.wordNgrams = 1;
  if (o.subwords) {
    args.minn = o.min_n;
    args.maxn = o.max_n;
    args.bucket = o.buckets;
  } else {
    args.minn = 0;
    args.maxn = 0;
    args.bucket = 0;  // fastText allocates buckets x dim rows otherwise
  }

  Trainer ft;
  std::mutex mutex;
  auto last = std::chrono::steady_clock::now();
  const auto start = last;
  auto callback = [&](float progress, float loss, double words_per_thread, double lr, int64_t eta) {
    std::lock_guard lock(mutex);
    const auto now = std::chrono::steady_clock::now();
    if (now - last < std::chrono::seconds(2)) return;
    last = now;
    log_info("embed: {:5.1f}%  {:.0f} words/s  loss {:.4f}  lr {:.5f}  ETA {}", progress * 100.0,
             words_per_thread * args.thread, loss, lr, duration(eta));
  };
  try {
    SilenceCerr silence;
    ft.train_all_rows(args, callback);
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(ErrorCode::kInvalidArgument, fmt::format("embed: fastText: {}", e.what()),
                corpus.string());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const auto dict = ft.getDictionary();
  WordVectors out;
  out.dim = static_cast<std::size_t>(o.dim);
  fasttext::Vector vec(o.dim);
  for (int32_t i = 0; i < dict->nwords(); ++i) {
    const std::string& word = dict->getWord(i);
    if (word == fasttext::Dictionary::EOS) continue;
    ft.getWordVector(vec, word);
    out.words.push_back(word);
    out.values.insert(out.values.end(), vec.data(), vec.data() + vec.size());
  }
  if (stats) {
    stats->corpus_tokens = dict->ntokens();
    stats->vocabulary = out.words.size();
    stats->seconds = seconds;
    stats->loss = ft.loss();
  }
  log_info("embed: {} words kept of a {}-token corpus, {} epochs in {:.1f} s ({:.0f} tokens/s)",
           out.words.size(), dict->ntokens(), o.epochs, seconds,
           static_cast<double>(dict->ntokens()) * o.epochs / std::max(seconds, 1e-9));
  return out;
}

}  // namespace secnlp::models
