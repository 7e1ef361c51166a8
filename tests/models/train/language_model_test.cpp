// Language-model pretraining (issue 19): the next-word loss falls on a corpus with a learnable
// order, the LM directory's encoder loads into a classifier of the same shape, and a vocabulary or
// shape mismatch is refused with an error that says what differs.
#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>
#include <string>
#include <vector>

#include "common/error.h"
#include "models/nets/model_factory.h"
#include "models/train/language_model.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("secnlp_lm_test_" + name);
  fs::remove_all(dir);
  return dir;
}

// Sentences that count through a cycle of 12 words: each next word is determined by the last.
std::vector<std::vector<std::string>> cycle_corpus() {
  std::vector<std::vector<std::string>> s;
  for (int i = 0; i < 300; ++i) {
    std::vector<std::string> sentence;
    for (int k = 0; k < 10; ++k)
      sentence.push_back("w" + std::to_string((i + k) % 12));
    s.push_back(sentence);
  }
  return s;
}

LanguageModelOptions small_options() {
  LanguageModelOptions o;
  o.embedding_dim = 16;
  o.hidden_size = 24;
  o.window = 12;
  o.batch_size = 16;
  o.epochs = 4;
  o.learning_rate = 0.01;
  o.threads = 1;
  return o;
}

TEST(LanguageModel, LossFallsAndTheEncoderLoadsIntoAClassifier) {
  const auto dir = fresh_dir("cycle");
  const auto r = train_language_model(cycle_corpus(), small_options(), dir);
  ASSERT_EQ(r.epoch_loss.size(), 4u);
  EXPECT_EQ(r.vocabulary_size, 14u);  // <pad>, <oov>, w0..w11
  EXPECT_LT(r.epoch_loss.back(), 0.5 * r.epoch_loss.front());
  EXPECT_LT(r.epoch_loss.back(), 0.5);  // chance is log(12) = 2.48
  const auto info = read_language_model_info(dir);
  EXPECT_EQ(info.cell, "lstm");
  EXPECT_EQ(info.hidden_size, 24);

  const Vocabulary vocabulary = load_language_model_vocabulary(dir);
  auto built = make_text_net("lstm", R"({"embedding_dim": 16, "hidden_size": 24})",
                             static_cast<std::int64_t>(vocabulary.size()), 3);
  load_language_model_encoder(dir, vocabulary, *built.net);
  torch::serialize::InputArchive archive;
  archive.load_from((dir / "encoder.pt").string());
  auto params = built.net->named_parameters();
  for (const auto& key : archive.keys()) {
    torch::Tensor expected;
    archive.read(key, expected);
    ASSERT_NE(params.find(key), nullptr) << key;
    EXPECT_TRUE(torch::equal(params[key], expected)) << key;
  }
  EXPECT_TRUE(archive.keys().size() >= 5u);  // embedding.weight + the LSTM's 4 tensors
  EXPECT_THROW(train_language_model(cycle_corpus(), small_options(), dir), Error);  // not over it
}

TEST(LanguageModel, InitFromRefusesAVocabularyOrShapeMismatch) {
  const auto dir = fresh_dir("mismatch");
  auto o = small_options();
  o.epochs = 1;
  train_language_model(cycle_corpus(), o, dir);
  const Vocabulary lm = load_language_model_vocabulary(dir);

  // Another vocabulary of the same size: the first differing id is named.
  std::vector<std::vector<std::string>> other = cycle_corpus();
  other[0][0] = "zzz";
  for (auto& s : other)
    for (auto& w : s)
      if (w == "w0") w = "zzz";
  const Vocabulary different = Vocabulary::build(other, o.vocabulary);
  ASSERT_EQ(different.size(), lm.size());
  auto net = make_text_net("lstm", R"({"embedding_dim": 16, "hidden_size": 24})",
                           static_cast<std::int64_t>(lm.size()), 3);
  try {
    load_language_model_encoder(dir, different, *net.net);
    ADD_FAILURE() << "loaded into a classifier with another vocabulary";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find("vocabulary mismatch at id"), std::string::npos)
        << e.what();
  }
  // A smaller vocabulary: the sizes are named.
  const Vocabulary smaller = Vocabulary::build({{"a", "b"}}, o.vocabulary);
  try {
    check_same_vocabulary(dir, lm, smaller);
    ADD_FAILURE() << "accepted a smaller vocabulary";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("has 4 ids, the language model's 14"), std::string::npos)
        << e.what();
  }
  // Same vocabulary, another hidden size: the parameter and both shapes are named.
  auto wide = make_text_net("lstm", R"({"embedding_dim": 16, "hidden_size": 32})",
                            static_cast<std::int64_t>(lm.size()), 3);
  try {
    load_language_model_encoder(dir, lm, *wide.net);
    ADD_FAILURE() << "loaded into another shape";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("in the model"), std::string::npos) << e.what();
  }
  // A GRU classifier has no LSTM-shaped rnn tensors.
  auto gru = make_text_net("gru", R"({"embedding_dim": 16, "hidden_size": 24})",
                           static_cast<std::int64_t>(lm.size()), 3);
  EXPECT_THROW(load_language_model_encoder(dir, lm, *gru.net), Error);
}

}  // namespace
}  // namespace secnlp::models
