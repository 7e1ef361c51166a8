// Word vectors: training on synthetic corpora whose right neighbours are known, one-thread
// reproducibility, the word2vec formats (read back by ours and written by gensim), and the
// queries and evaluations against gensim's answers on the same vectors
// (tests/data/embeddings/make_fixtures.py).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "models/embeddings/embedding_trainer.h"
#include "models/embeddings/sigmoid_table.h"
#include "models/embeddings/word_vectors.h"
#include "tests/support/test_data.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;

// A folder of this process's own: ctest runs the tests of this file as parallel processes.
fs::path temp(const std::string& name) {
  static const secnlp::testing::TempDir dir;
  return dir.path() / name;
}

// Sentences "<subject> <verb> <object> ." where the subjects (animals) and the objects (foods)
// are substitutable within their class: skip-gram and CBOW must put each class together.
const std::vector<std::string> kAnimals = {"cat", "dog", "cow", "horse", "sheep"};
const std::vector<std::string> kFoods = {"grass", "hay", "meat", "fish", "corn"};
const std::vector<std::string> kVerbs = {"eats", "likes", "wants", "finds"};

fs::path synthetic_corpus(int sentences = 6000) {
  const fs::path path = temp("corpus.txt");
  std::ofstream out(path);
  std::mt19937 rng(7);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  for (int i = 0; i < sentences; ++i)
    out << "the " << pick(kAnimals) << ' ' << pick(kVerbs) << " some " << pick(kFoods)
        << " today .\n";
  return path;
}

EmbeddingOptions small_options(const std::string& model) {
  EmbeddingOptions o;
  o.model = model;
  o.dim = 16;
  o.window = 2;
  o.epochs = 5;
  o.min_count = 1;
  o.sample = 0;
  return o;
}

// The words of the class of `word` are its nearest neighbours.
void expect_class_neighbours(const VectorSpace& space, const std::vector<std::string>& cls) {
  for (const auto& w : cls) {
    const auto ns = space.most_similar({w}, {}, cls.size() - 1);
    std::set<std::string> got;
    for (const auto& n : ns)
      got.insert(n.word);
    for (const auto& other : cls)
      if (other != w) {
        EXPECT_TRUE(got.count(other)) << w << " misses " << other;
      }
  }
}

TEST(EmbeddingTrainer, SubstitutableWordsAreNeighbours) {
  const fs::path corpus = synthetic_corpus();
  for (const std::string engine : {"word2vec", "fasttext"})
    for (const std::string model : {"skipgram", "cbow"}) {
      SCOPED_TRACE(engine + " " + model);
      EmbeddingStats stats;
      auto options = small_options(model);
      options.engine = engine;
      const VectorSpace space(train_word_vectors(corpus, options, &stats));
      EXPECT_EQ(stats.corpus_tokens,
                engine == "fasttext" ? 6000 * 8 : 6000 * 7);  // fastText: + "</s>"
      EXPECT_EQ(space.vectors().size(), 18u);                 // "</s>" is not written
      EXPECT_LT(space.find("</s>"), 0);
      expect_class_neighbours(space, kAnimals);
      expect_class_neighbours(space, kFoods);
    }
  fs::remove(corpus);
}

TEST(EmbeddingTrainer, OneThreadIsBitReproducible) {
  const fs::path corpus = synthetic_corpus(1000);
  for (const std::string engine : {"word2vec", "fasttext"}) {
    SCOPED_TRACE(engine);
    auto options = small_options("skipgram");
    options.engine = engine;
    EmbeddingStats stats_a, stats_b;
    const auto a = train_word_vectors(corpus, options, &stats_a);
    const auto b = train_word_vectors(corpus, options, &stats_b);
    EXPECT_EQ(a.words, b.words);
    EXPECT_EQ(a.values, b.values);  // bit-identical floats
    if (engine == "word2vec") {     // the last epoch's mean loss, not a timing-dependent window
      EXPECT_EQ(stats_a.loss, stats_b.loss);
      EXPECT_GT(stats_a.loss, 0.0);
    }
    options.seed = 2;
    EXPECT_NE(train_word_vectors(corpus, options).values, a.values);
  }
  fs::remove(corpus);
}

TEST(EmbeddingTrainer, ThreadsSplitTheCorpusAndStillLearn) {
  const fs::path corpus = synthetic_corpus();
  auto options = small_options("skipgram");
  options.threads = 3;
  const VectorSpace space(train_word_vectors(corpus, options));
  expect_class_neighbours(space, kAnimals);
  expect_class_neighbours(space, kFoods);
  fs::remove(corpus);
}

TEST(EmbeddingTrainer, RefusesBadOptionsAndMissingCorpus) {
  struct Case {
    const char* what;
    void (*change)(EmbeddingOptions&);
    ErrorCode code;
  };
  const Case cases[] = {
      {"model", [](EmbeddingOptions& o) { o.model = "glove"; }, ErrorCode::kInvalidArgument},
      {"dim", [](EmbeddingOptions& o) { o.dim = 0; }, ErrorCode::kInvalidArgument},
      {"window", [](EmbeddingOptions& o) { o.window = 0; }, ErrorCode::kInvalidArgument},
      {"sample", [](EmbeddingOptions& o) { o.sample = 1; }, ErrorCode::kInvalidArgument},
      {"min_n", [](EmbeddingOptions& o) { o.max_n = 1, o.min_n = 2; }, ErrorCode::kInvalidArgument},
      {"threads", [](EmbeddingOptions& o) { o.threads = -1; }, ErrorCode::kInvalidArgument},
      {"engine", [](EmbeddingOptions& o) { o.engine = "glove"; }, ErrorCode::kInvalidArgument},
      {"subwords", [](EmbeddingOptions& o) { o.engine = "word2vec", o.subwords = true; },
       ErrorCode::kInvalidArgument},
  };
  const fs::path corpus = synthetic_corpus(100);
  for (const auto& c : cases) {
    auto o = small_options("cbow");
    c.change(o);
    try {
      train_word_vectors(corpus, o);
      ADD_FAILURE() << "accepted bad " << c.what;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), c.code) << c.what;
    }
  }
  auto high = small_options("cbow");
  high.min_count = 1000000;  // nothing left
  EXPECT_THROW(train_word_vectors(corpus, high), Error);
  fs::remove(corpus);
  EXPECT_THROW(train_word_vectors(corpus, small_options("cbow")), Error);
}

TEST(EmbeddingTrainer, SubwordsGiveVectorsToo) {
  const fs::path corpus = synthetic_corpus();
  auto o = small_options("skipgram");
  o.subwords = true;
  o.buckets = 1000;
  const VectorSpace space(train_word_vectors(corpus, o));
  EXPECT_EQ(space.vectors().size(), 18u);
  expect_class_neighbours(space, kAnimals);
  fs::remove(corpus);
}

TEST(WordVectors, TextAndBinaryRoundTrip) {
  WordVectors v;
  v.words = {"alpha", "beta", "Straße", "x"};
  v.dim = 3;
  v.values = {0.1f, -2.5f, 1e-7f, 3.0f, 0.0f, -0.0f, 123456.78f, 1.0f / 3, -1e30f, 2, 2, 2};
  const fs::path text = temp("v.txt"), binary = temp("v.bin");
  write_word2vec_text(v, text);
  write_word2vec_binary(v, binary);
  for (const auto& path : {text, binary}) {
    const auto back = read_word_vectors(path);
    EXPECT_EQ(back.words, v.words) << path;
    EXPECT_EQ(back.dim, 3u);
    EXPECT_EQ(back.values, v.values) << path;  // exact: shortest round-trip text
  }
  v.words[1] = "has space";
  EXPECT_THROW(write_word2vec_text(v, text), Error);
  EXPECT_THROW(write_word2vec_binary(v, binary), Error);
  fs::remove(text);
  fs::remove(binary);
}

TEST(WordVectors, ReadsGensimTextAndBinaryAlike) {
  const auto text = read_word_vectors(testing::fixture_path("embeddings/vectors.txt"));
  const auto binary = read_word_vectors(testing::fixture_path("embeddings/vectors.bin"));
  EXPECT_EQ(text.words.size(), 32u);
  EXPECT_EQ(text.words, binary.words);
  ASSERT_EQ(text.values.size(), binary.values.size());
  for (std::size_t i = 0; i < text.values.size(); ++i)
    EXPECT_NEAR(text.values[i], binary.values[i], 1e-6);
}

TEST(WordVectors, TruncatedBinaryIsRefusedNamingTheVector) {
  const std::string bytes = testing::read_file(testing::fixture_path("embeddings/vectors.bin"));
  const fs::path path = temp("cut.bin");
  testing::write_file(path, bytes.substr(0, bytes.size() - 20));
  try {
    read_word_vectors(path);
    ADD_FAILURE() << "read a truncated file";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kResource);
    EXPECT_NE(e.message().find("vector 32"), std::string::npos) << e.message();
    EXPECT_EQ(e.path(), path.string());
  }
  fs::remove(path);
}

nlohmann::json expected() {
  return nlohmann::json::parse(
      testing::read_file(testing::fixture_path("embeddings/expected.json")));
}

TEST(VectorSpace, MostSimilarEqualsGensim) {
  const VectorSpace space(read_word_vectors(testing::fixture_path("embeddings/vectors.bin")));
  const auto want = expected()["most_similar"];
  auto check = [](const std::vector<Neighbour>& got, const nlohmann::json& rows) {
    ASSERT_EQ(got.size(), rows.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].word, rows[i][0].get<std::string>()) << i;
      EXPECT_NEAR(got[i].similarity, rows[i][1].get<double>(), 1e-5) << i;
    }
  };
  check(space.most_similar({"litigation"}, {}, 5), want["litigation"]);
  check(space.most_similar({"king", "woman"}, {"man"}, 3), want["king-man+woman"]);
  EXPECT_THROW(space.most_similar({"nosuchword"}, {}, 5), Error);
}

TEST(VectorSpace, EvaluationsEqualGensim) {
  const VectorSpace space(read_word_vectors(testing::fixture_path("embeddings/vectors.txt")));
  const auto want = expected();
  const auto analogies =
      evaluate_analogies(space, testing::fixture_path("embeddings/questions.txt"));
  const auto& sections = want["analogies"]["sections"];
  ASSERT_EQ(analogies.sections.size(), sections.size());
  for (std::size_t i = 0; i < sections.size(); ++i) {
    EXPECT_EQ(analogies.sections[i].name, sections[i]["name"].get<std::string>());
    EXPECT_EQ(analogies.sections[i].correct, sections[i]["correct"].get<std::size_t>()) << i;
    EXPECT_EQ(analogies.sections[i].incorrect, sections[i]["incorrect"].get<std::size_t>()) << i;
  }
  EXPECT_DOUBLE_EQ(analogies.accuracy, want["analogies"]["accuracy"].get<double>());
  EXPECT_EQ(analogies.oov, 1u);  // "prince princess"; "bad line" is not a question

  const auto pairs = evaluate_word_pairs(space, testing::fixture_path("embeddings/pairs.tsv"));
  EXPECT_NEAR(pairs.pearson, want["pairs"]["pearson"].get<double>(), 1e-6);
  EXPECT_NEAR(pairs.spearman, want["pairs"]["spearman"].get<double>(), 1e-9);
  EXPECT_NEAR(pairs.oov_ratio, want["pairs"]["oov_ratio"].get<double>(), 1e-9);
}

TEST(VectorSpace, EvaluationRefusals) {
  const VectorSpace space(read_word_vectors(testing::fixture_path("embeddings/vectors.txt")));
  const fs::path path = temp("q.txt");
  testing::write_file(path, "man woman king queen\n");
  try {
    evaluate_analogies(space, path);
    ADD_FAILURE() << "accepted a question before a section";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kParse);
    EXPECT_NE(e.message().find("line 1"), std::string::npos);
  }
  testing::write_file(path, "foo\tbar\t3\n");
  EXPECT_THROW(evaluate_word_pairs(space, path), Error);  // no known pair
  fs::remove(path);
  EXPECT_THROW(evaluate_word_pairs(space, path), Error);  // missing
}

// Every dot product the trainer looks up lands inside the table: at f = 6 and just below it
// (5.9999995f + 6 rounds to 12 in float) the slot was 1,000 of 1,000, one past the end, and the
// heap garbage read there blew one-thread training up at random (issue 19).
TEST(SigmoidTable, EverySlotIsInsideTheTable) {
  const SigmoidTable table;
  const float top = SigmoidTable::kMaxExp;
  for (const float f : {-top, std::nextafter(-top, 0.0f), 0.0f, std::nextafter(top, 0.0f), top}) {
    const std::size_t i = SigmoidTable::slot(f);
    ASSERT_LT(i, static_cast<std::size_t>(SigmoidTable::kSize)) << f;
    EXPECT_NEAR(table.sigmoid(i), 1 / (1 + std::exp(-f)), 0.01) << f;
    EXPECT_NEAR(table.log_sigmoid(i), std::log(table.sigmoid(i)), 1e-5) << f;
    EXPECT_NEAR(table.log_one_minus_sigmoid(i), std::log(1 - table.sigmoid(i)), 0.02) << f;
  }
  EXPECT_EQ(SigmoidTable::slot(-top), 0u);
  EXPECT_EQ(SigmoidTable::slot(top), static_cast<std::size_t>(SigmoidTable::kSize - 1));
}

}  // namespace
}  // namespace secnlp::models
