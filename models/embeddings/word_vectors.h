#pragma once
// Word vectors in memory and on disk, and the questions users ask of them: nearest neighbours,
// analogies (3CosAdd), and the analogy and word-pair evaluations with gensim's semantics
// (KeyedVectors.evaluate_word_analogies / evaluate_word_pairs, gensim 4.2). Torch-free.

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace secnlp::models {

// `words.size()` rows of `dim` floats, row-major, in file order (trainers write the most
// frequent words first).
struct WordVectors {
  std::vector<std::string> words;
  std::size_t dim = 0;
  std::vector<float> values;

  std::size_t size() const { return words.size(); }
  const float* row(std::size_t i) const { return values.data() + i * dim; }
};

// Reads word2vec text, GloVe text or word2vec binary (models/data/pretrained_vectors.h tells
// them apart). Throws Error(kIo) for a missing file, Error(kResource) naming file and line (or
// vector) for a malformed one. Cost: one pass; memory words x dim floats.
WordVectors read_word_vectors(const std::filesystem::path& path);

// word2vec text: "count dim", then "word v1 ... vdim" per line, values printed with the
// shortest representation that reads back to the same float (gensim reads it exactly).
void write_word2vec_text(const WordVectors& vectors, const std::filesystem::path& path);
// word2vec binary as the C tool writes it: "count dim\n", then per word its bytes, a space,
// dim little-endian float32 and "\n". gensim's load_word2vec_format(binary=True) reads it.
// A word with a space, tab or newline cannot be stored in either format: Error(kInvalidArgument).
void write_word2vec_binary(const WordVectors& vectors, const std::filesystem::path& path);

struct Neighbour {
  std::string word;
  double similarity = 0;  // cosine
};

// Unit-length rows and a word index, for queries. Lookups are exact; the evaluations use
// gensim's case-insensitive view (words upper-cased; of several spellings, the first in file
// order wins). Immutable after construction; safe to share between threads.
class VectorSpace {
 public:
  explicit VectorSpace(WordVectors vectors);

  const WordVectors& vectors() const { return vectors_; }
  // Row of `word`, or -1.
  std::ptrdiff_t find(std::string_view word) const;
  // Cosine similarity of two rows.
  double similarity(std::size_t a, std::size_t b) const;

  // gensim's most_similar(positive, negative, topn): the `top` rows nearest (cosine) to the
  // mean of the unit vectors of `positive` minus those of `negative`, the query words left
  // out; only the first `restrict_vocab` rows are searched (0: all). An unknown word is
  // Error(kInvalidArgument) naming it. Cost: O(rows x dim).
  std::vector<Neighbour> most_similar(const std::vector<std::string>& positive,
                                      const std::vector<std::string>& negative, std::size_t top,
                                      std::size_t restrict_vocab = 0) const;

 private:
  friend struct EvaluationAccess;
  std::vector<Neighbour> nearest_rows(const std::vector<std::size_t>& positive,
                                      const std::vector<std::size_t>& negative, std::size_t top,
                                      std::size_t restrict_vocab) const;
  WordVectors vectors_;
  std::vector<float> unit_;
  std::unordered_map<std::string, std::size_t> index_;
};

struct AnalogySection {
  std::string name;  // "Total accuracy" for the last row of evaluate_analogies
  std::size_t correct = 0;
  std::size_t incorrect = 0;
  double accuracy() const {
    return correct + incorrect ? static_cast<double>(correct) / (correct + incorrect) : 0.0;
  }
};

struct AnalogyResult {
  std::vector<AnalogySection> sections;  // in file order, then the total
  std::size_t questions = 0;             // well-formed question lines
  std::size_t oov = 0;                   // skipped: a word outside the first restrict_vocab
  double accuracy = 0;                   // the total's
};

// gensim's evaluate_word_analogies(path, restrict_vocab, case_insensitive=True,
// dummy4unknown=False): sections start with ": name"; a question "a b c d" is right when the
// first of the 5 words most similar to b - a + c (restricted, case-insensitive, a/b/c left
// out) is d. Error(kIo) for a missing file, Error(kParse) naming file and line for a question
// before any section. Cost: O(questions x restrict_vocab x dim).
AnalogyResult evaluate_analogies(const VectorSpace& space, const std::filesystem::path& path,
                                 std::size_t restrict_vocab = 300000);

struct WordPairResult {
  double pearson = 0;
  double spearman = 0;  // ties get average ranks, as scipy.stats.spearmanr
  std::size_t pairs = 0;
  std::size_t oov = 0;
  double oov_ratio = 0;  // percent, as gensim
};

// gensim's evaluate_word_pairs(path, delimiter='\t', restrict_vocab, case_insensitive=True,
// dummy4unknown=False): lines starting with '#' and lines that are not "a<TAB>b<TAB>number"
// are skipped. Error(kIo) for a missing file; Error(kInvalidArgument) when no pair has both
// words known (gensim's ValueError).
WordPairResult evaluate_word_pairs(const VectorSpace& space, const std::filesystem::path& path,
                                   std::size_t restrict_vocab = 300000);

}  // namespace secnlp::models
