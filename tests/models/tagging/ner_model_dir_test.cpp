#include "models/tagging/ner_model_dir.h"

#include <nlohmann/json.hpp>

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/support/test_data.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;

// A few dozen sentences in IO tags, CoNLL-2003 layout, written by the test.
std::string tiny_conll() {
  const std::vector<std::pair<std::string, std::string>> people = {
      {"John", "Smith"}, {"Mary", "Jones"}, {"Alan", "Brown"}, {"Ruth", "Green"}};
  const std::vector<std::pair<std::string, std::string>> orgs = {
      {"Acme", "Corp"}, {"Globex", "Inc"}, {"Initech", "LLC"}, {"Umbrella", "Bank"}};
  const std::vector<std::string> places = {"Boston", "Texas", "Delaware", "Ohio"};
  std::string out = "-DOCSTART- -X- O O\n\n";
  for (std::size_t k = 0; k < 32; ++k) {
    const auto& p = people[k % 4];
    const auto& o = orgs[(k / 4) % 4];
    const auto& l = places[(k / 2) % 4];
    out += p.first + " NNP - I-PER\n" + p.second + " NNP - I-PER\n";
    out += "joined VBD - O\n";
    out += o.first + " NNP - I-ORG\n" + o.second + " NNP - I-ORG\n";
    out += "in IN - O\n" + l + " NNP - I-LOC\n. . - O\n\n";
  }
  return out;
}

TEST(NerModelDirTest, TrainLoadEvaluateAndTag) {
  testing::TempDir tmp;
  const fs::path data = tmp.path() / "train.txt";
  testing::write_file(data, tiny_conll());
  NerTrainRequest r;
  r.data = data.string();
  r.dev = data.string();
  r.out = (tmp.path() / "model").string();
  r.options.epochs = 5;
  const NerTrainResult result = train_ner_dir(r);
  EXPECT_EQ(result.sentences, 32u);
  EXPECT_GE(result.best_epoch, 1);
  EXPECT_DOUBLE_EQ(result.dev.micro.f1(), 1.0);
  ASSERT_TRUE(is_ner_model_dir(r.out));
  EXPECT_FALSE(is_ner_model_dir(tmp.path()));

  const LoadedNerModel m = load_ner_dir(r.out);
  EXPECT_EQ(m.model.types(), (std::vector<std::string>{"LOC", "ORG", "PER"}));
  EXPECT_EQ(m.model.file_scheme(), nlp::TagScheme::kIo);
  EXPECT_EQ(m.hash.size(), 16u);
  EXPECT_DOUBLE_EQ(evaluate_ner(m.model, data).micro.f1(), 1.0);

  // Offsets are characters: "é" is two bytes, one character.
  const std::string text = "Café owner Mary Jones joined Globex Inc in Ohio.";
  const TaggedText t = tag_entities(m.model, text);
  ASSERT_FALSE(t.tokens.empty());
  bool found_org = false;
  for (const auto& e : t.entities) {
    EXPECT_EQ(text.substr(e.byte_begin, e.byte_end - e.byte_begin), e.text);
    if (e.byte_begin > 3) {
      EXPECT_EQ(e.char_begin + 1, e.byte_begin);  // after the two-byte é
    }
    if (e.type == "ORG") {
      found_org = true;
      EXPECT_EQ(e.text, "Globex Inc");
    }
  }
  EXPECT_TRUE(found_org);
}

TEST(NerModelDirTest, DamagedDirectoriesAreRefusedNamingTheFile) {
  testing::TempDir tmp;
  const fs::path data = tmp.path() / "train.txt";
  testing::write_file(data, tiny_conll());
  NerTrainRequest r;
  r.data = data.string();
  r.out = (tmp.path() / "model").string();
  r.options.epochs = 2;
  train_ner_dir(r);
  const fs::path bin = fs::path(r.out) / "ner.bin";
  std::string bytes = testing::read_file(bin);
  bytes[bytes.size() - 1] ^= 1;
  testing::write_file(bin, bytes);
  try {
    load_ner_dir(r.out);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kResource);
    EXPECT_EQ(e.path(), bin.string());
  }
  // An edited manifest (classes swapped) fails its checksum.
  train_ner_dir(r);
  const fs::path manifest = fs::path(r.out) / "manifest.json";
  auto j = nlohmann::json::parse(testing::read_file(manifest));
  j["classes"] = {"PER", "ORG", "LOC"};
  testing::write_file(manifest, j.dump());
  EXPECT_THROW(load_ner_dir(r.out), Error);
  EXPECT_THROW(load_ner_dir(tmp.path()), Error);
  // Training data errors name the file and line.
  testing::write_file(data, "a O\nb Q-X\n");
  try {
    train_ner_dir(r);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("train.txt: line 2"), std::string::npos) << e.what();
  }
}

TEST(NerModelDirTest, AlignTokensMapsTreebankQuotes) {
  const std::string text = "He said \"Acme\" can't.";
  const std::vector<std::string> tokens = {"He", "said", "``", "Acme", "''", "ca", "n't", "."};
  const auto spans = align_tokens(text, tokens);
  ASSERT_EQ(spans.size(), tokens.size());
  EXPECT_EQ(spans[2], (std::pair<std::size_t, std::size_t>{8, 9}));
  EXPECT_EQ(spans[3], (std::pair<std::size_t, std::size_t>{9, 13}));
  EXPECT_EQ(spans[4], (std::pair<std::size_t, std::size_t>{13, 14}));
  EXPECT_EQ(text.substr(spans[6].first, 3), "n't");
}

}  // namespace
}  // namespace secnlp::models
