#pragma once
// Word vectors: skip-gram or CBOW with negative sampling, by this project's word2vec trainer
// (word2vec_trainer.cpp, the default: bench/embed_bench.sh measured it against gensim and
// fastText) or by fastText (Debian's libfasttext), which also learns subword (character n-gram)
// vectors. Torch-free.

#include <cstdint>
#include <filesystem>
#include <string>

#include "models/embeddings/word_vectors.h"

namespace secnlp::models {

// Options and defaults (those of word2vec and gensim's Word2Vec unless said):
//   engine     "auto" (word2vec, or fasttext with subwords), "word2vec" or "fasttext"
//   model      "skipgram" or "cbow" (default skipgram)
//   dim 100, window 5 (each step samples a window of 1..window), negatives 5, epochs 5,
//   min_count 5 (rarer words are dropped), sample 1e-3 (subsampling threshold of frequent words;
//   0 keeps all), lr 0 = 0.025 for skip-gram, 0.05 for CBOW (linearly decayed to 0),
//   threads 1 (0: all cores), seed 1,
//   subwords false (true: fastText's character n-grams min_n 3..max_n 6 hashed into `buckets`
//   rows; the vectors written are then word + n-gram averages, as fastText's .vec).
// One thread gives bit-identical vectors for the same corpus, options and seed; more threads are
// faster but not reproducible (lock-free updates, as word2vec and gensim).
struct EmbeddingOptions {
  std::string engine = "auto";
  std::string model = "skipgram";
  int dim = 100;
  int window = 5;
  int negatives = 5;
  int epochs = 5;
  int min_count = 5;
  double sample = 1e-3;
  double lr = 0;
  int threads = 1;
  int seed = 1;
  bool subwords = false;
  int min_n = 3;
  int max_n = 6;
  int buckets = 500000;
};

struct EmbeddingStats {
  std::int64_t corpus_tokens = 0;  // tokens of the corpus (one pass; fasttext: with line ends)
  std::size_t vocabulary = 0;      // words kept (min_count)
  double seconds = 0;              // wall time of training (reading the vocabulary included)
  double loss = 0;  // mean loss over the last epoch (word2vec: the first thread's pairs, so the
                    // same every run at one thread; fasttext: its running loss at the end)
};

// Trains on `corpus`, a UTF-8 text file of one sentence per line, tokens separated by spaces.
// Progress (share done, words/s, loss, ETA) is logged on stderr every 2 s at info level.
// Returns the vectors of the kept words, most frequent first (fastText's sentence-end token
// "</s>" left out). Lines of over 10,000 tokens are trained in pieces. Throws Error(kIo) for an
// unreadable corpus, Error(kInvalidArgument) for bad options or an empty vocabulary. Cost: epochs x
// tokens x (window x negatives) x dim.
WordVectors train_word_vectors(const std::filesystem::path& corpus, const EmbeddingOptions& options,
                               EmbeddingStats* stats = nullptr);

}  // namespace secnlp::models
