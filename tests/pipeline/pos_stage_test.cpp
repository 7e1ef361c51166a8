// The pos stage: tags every token with a tiny model trained here on self-written sentences,
// writes word-class counts and rates per scope, and gives the terms stage each word's part of
// speech for WordNet lemmas.
#include <gtest/gtest.h>

#include "common/error.h"
#include "models/tagging/pos_model.h"
#include "pipeline/pipeline.h"
#include "tests/nlp/tagging/tiny_conllu.h"
#include "tests/support/test_data.h"

namespace secnlp::pipeline {
namespace {

namespace fs = std::filesystem;

class PosStageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir;
    testing::write_file(dir_->path() / "tiny.conllu", testing::tiny_conllu());
    for (const std::string tagset : {"xpos", "upos"}) {
      models::PosTrainRequest r;
      r.data = (dir_->path() / "tiny.conllu").string();
      r.out = (dir_->path() / tagset).string();
      r.tagset = tagset;
      r.options.epochs = 8;
      r.options.dictionary_min_count = 5;
      models::train_pos_model(r);
    }
  }
  static void TearDownTestSuite() { delete dir_; }

  static std::string config(const std::string& tagset, bool pos = true,
                            const std::string& lemmatize = "n") {
    return std::string("stages = [\"decode\", \"sentences\", \"tokens\"") +
           (pos ? ", \"pos\"" : "") + ", \"terms\"]\n" +
           (pos ? "[pos]\nmodel = \"" + (dir_->path() / tagset).string() + "\"\n" : "") +
           "[terms]\nstem = \"none\"\nlemmatize = \"" + lemmatize + "\"\n";
  }
  static Document run(const std::string& toml, const std::string& text) {
    Resources resources;
    const auto p =
        Pipeline::build(parse_pipeline_config(toml, "test.toml"), builtin_stages(), resources);
    Document doc;
    doc.raw = text;
    p.run(doc);
    return doc;
  }
  static double metric(const Document& doc, const std::string& name) {
    for (const auto& [n, v] : doc.metrics.at(""))
      if (n == name) return v;
    ADD_FAILURE() << "no metric " << name;
    return -1;
  }
  static testing::TempDir* dir_;
};
testing::TempDir* PosStageTest::dir_ = nullptr;

constexpr char kText[] =
    "The company reported higher revenue. We expect debt to grow. Our company may grow.\n";

TEST_F(PosStageTest, CountsWordClassesPerScopeWithEitherTagset) {
  for (const std::string tagset : {"xpos", "upos"}) {
    const Document doc = run(config(tagset), kText);
    ASSERT_EQ(doc.pos.size(), doc.tokens.items.size());
    // 17 tokens, 3 of them "."
    EXPECT_EQ(metric(doc, "pos_words"), 14) << tagset;
    EXPECT_EQ(metric(doc, "pos_nouns"), 4) << tagset;  // company revenue debt company
    EXPECT_EQ(metric(doc, "pos_verbs"), 4) << tagset;  // reported expect grow grow
    EXPECT_EQ(metric(doc, "pos_modals"), 1) << tagset;
    EXPECT_EQ(metric(doc, "pos_adjectives"), 1) << tagset;
    EXPECT_EQ(metric(doc, "pos_pronouns"), 1) << tagset;  // We ("Our" is DT in tiny_treebank)
    EXPECT_EQ(metric(doc, "pos_adverbs"), 0) << tagset;
    EXPECT_EQ(metric(doc, "pos_proper_nouns"), 0) << tagset;
    EXPECT_DOUBLE_EQ(metric(doc, "pos_nouns_per_1k"), 4000.0 / 14) << tagset;
    EXPECT_EQ(doc.pos[2], WordClass::kVerb);  // reported
  }
}

TEST_F(PosStageTest, TermsUseTheTaggedPartOfSpeechForLemmas) {
  using Strings = std::vector<std::string>;
  // lemmatize = "n" alone keeps the verb; with pos before terms it becomes "report".
  const Document plain = run(config("xpos", false), kText);
  const Document tagged = run(config("xpos", true), kText);
  EXPECT_EQ(plain.terms.items[1], "reported");
  EXPECT_EQ(tagged.terms.items[1], "report");
  EXPECT_EQ(tagged.terms.items, (Strings{"company", "report", "high", "revenue", "expect", "debt",
                                         "grow", "company", "grow"}));  // "may": a stop word
}

TEST_F(PosStageTest, ModelIsRequiredAndChecked) {
  const std::vector<std::pair<std::string, ErrorCode>> cases = {
      {"stages = [\"decode\", \"sentences\", \"tokens\", \"pos\"]\n", ErrorCode::kConfig},
      {"stages = [\"decode\", \"sentences\", \"tokens\", \"pos\"]\n[pos]\nmodel = \"" +
           (dir_->path() / "absent").string() + "\"\n",
       ErrorCode::kResource},
      {"stages = [\"decode\", \"sentences\", \"pos\"]\n[pos]\nmodel = \"" +
           (dir_->path() / "xpos").string() + "\"\n",
       ErrorCode::kConfig},  // no tokens before it
  };
  for (const auto& [toml, code] : cases) {
    try {
      Resources resources;
      Pipeline::build(parse_pipeline_config(toml, "t.toml"), builtin_stages(), resources);
      ADD_FAILURE() << toml;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), code) << toml << e.what();
    }
  }
}

TEST_F(PosStageTest, TheModelIsPartOfTheConfigurationHash) {
  auto hash_of = [](const std::string& toml) {
    Resources resources;
    return Pipeline::build(parse_pipeline_config(toml, "t.toml"), builtin_stages(), resources)
        .config_hash();
  };
  const std::string a = hash_of(config("xpos"));
  EXPECT_EQ(a, hash_of(config("xpos")));
  // The same path and options with another model's files: another hash.
  const fs::path copy = dir_->path() / "copy";
  fs::copy(dir_->path() / "upos", copy);
  std::string toml = config("xpos");
  const std::string from = (dir_->path() / "xpos").string();
  toml.replace(toml.find(from), from.size(), copy.string());
  const std::string b = hash_of(toml);
  fs::remove_all(copy);
  fs::copy(dir_->path() / "xpos", copy);
  const std::string c = hash_of(toml);  // same path and options, the xpos model's files
  EXPECT_NE(b, c);
  EXPECT_NE(a, c);  // the path is an option too
  fs::remove_all(copy);
}

}  // namespace
}  // namespace secnlp::pipeline
