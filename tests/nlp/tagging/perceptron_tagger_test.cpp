#include "nlp/tagging/perceptron_tagger.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/nlp/tagging/tiny_treebank.h"

namespace secnlp::nlp {
namespace {

using Strings = std::vector<std::string>;

PerceptronOptions small_options() {
  PerceptronOptions o;
  o.epochs = 8;
  o.dictionary_min_count = 5;
  return o;
}

TEST(PerceptronTaggerTest, TrainingConvergesOnATinyTreebank) {
  const auto data = testing::tiny_treebank();
  std::vector<double> accuracy;
  const auto tagger =
      PerceptronTagger::train(data, small_options(), [&](int, double a) { accuracy.push_back(a); });
  ASSERT_EQ(accuracy.size(), 8u);
  EXPECT_GT(accuracy.back(), accuracy.front());
  EXPECT_EQ(accuracy.back(), 1.0);
  std::size_t correct = 0, words = 0;
  for (const auto& s : data) {
    const auto tags = tagger.tag(s.words);
    for (std::size_t i = 0; i < tags.size(); ++i)
      correct += tags[i] == s.tags[i];
    words += s.words.size();
  }
  EXPECT_EQ(correct, words);
  EXPECT_GT(tagger.dictionary_size(), 0u);  // "The", ".", "may", ...
  EXPECT_EQ(tagger.tags().front(), ",");    // sorted
  EXPECT_EQ(tagger.tag_id("MD"),
            static_cast<int>(std::find(tagger.tags().begin(), tagger.tags().end(), "MD") -
                             tagger.tags().begin()));
  EXPECT_EQ(tagger.tag_id("NNP"), -1);
}

// Unseen words in a known frame get the frame's tags: the features generalise.
TEST(PerceptronTaggerTest, TagsUnseenWordsFromContext) {
  const auto tagger = PerceptronTagger::train(testing::tiny_treebank(), small_options());
  const std::vector<std::pair<Strings, Strings>> cases = {
      {{"The", "board", "approved", "new", "debt", "."}, {"DT", "NN", "VBD", "JJ", "NN", "."}},
      {{"A", "new", "market", "may", "harm", "our", "company", "quickly", "."},
       {"DT", "JJ", "NN", "MD", "VB", "PRP$", "NN", "RB", "."}},
      {{}, {}},
  };
  for (const auto& [words, tags] : cases)
    EXPECT_EQ(tagger.tag(words), tags);
}

TEST(PerceptronTaggerTest, TrainingIsDeterministicAndSerializationRoundTrips) {
  const auto data = testing::tiny_treebank();
  const auto a = PerceptronTagger::train(data, small_options());
  const auto b = PerceptronTagger::train(data, small_options());
  const std::string bytes = a.serialize();
  EXPECT_EQ(bytes, b.serialize());
  const auto c = PerceptronTagger::deserialize(bytes, "m.bin");
  EXPECT_EQ(c.serialize(), bytes);
  EXPECT_EQ(c.tags(), a.tags());
  EXPECT_EQ(c.feature_count(), a.feature_count());
  for (const auto& s : data)
    EXPECT_EQ(c.tag(s.words), a.tag(s.words));
  // string_view overload agrees.
  TagScratch scratch;
  std::vector<std::uint16_t> ids;
  const std::vector<std::string_view> views(data[1].words.begin(), data[1].words.end());
  c.tag(std::span<const std::string_view>(views), ids, scratch);
  ASSERT_EQ(ids.size(), views.size());
  for (std::size_t i = 0; i < ids.size(); ++i)
    EXPECT_EQ(c.tags()[ids[i]], data[1].tags[i]);
}

TEST(PerceptronTaggerTest, UniversalTagsTrainToo) {
  auto data = testing::tiny_treebank();
  for (auto& s : data)
    for (auto& t : s.tags)
      t = testing::universal_tag(t);
  const auto tagger = PerceptronTagger::train(data, small_options());
  EXPECT_EQ(tagger.tag(Strings{"The", "company", "may", "grow", "."}),
            (Strings{"DET", "NOUN", "AUX", "VERB", "PUNCT"}));
}

TEST(PerceptronTaggerTest, RejectsBadTrainingInput) {
  const std::vector<TaggedSentence> mismatched = {{{"a", "b"}, {"DT"}}};
  const std::vector<TaggedSentence> empty = {{{}, {}}};
  PerceptronOptions zero_epochs;
  zero_epochs.epochs = 0;
  PerceptronOptions bad_share;
  bad_share.dictionary_min_share = 0.3;
  const auto good = testing::tiny_treebank();
  const std::vector<std::pair<std::vector<TaggedSentence>, PerceptronOptions>> cases = {
      {mismatched, {}}, {empty, {}}, {{}, {}}, {good, zero_epochs}, {good, bad_share}};
  for (const auto& [data, options] : cases) {
    try {
      PerceptronTagger::train(data, options);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << e.what();
    }
  }
}

TEST(PerceptronTaggerTest, DeserializeRejectsDamagedModels) {
  const std::string bytes =
      PerceptronTagger::train(testing::tiny_treebank(), small_options()).serialize();
  std::string bad_magic = bytes;
  bad_magic[0] = 'X';
  std::string newer = bytes;
  newer[8] = 9;
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "truncated"},
      {bytes.substr(0, bytes.size() - 1), "truncated"},
      {bytes + "x", "trailing bytes"},
      {bad_magic, "bad magic"},
      {newer, "format version 9"},
  };
  for (const auto& [data, why] : cases) {
    try {
      PerceptronTagger::deserialize(data, "dir/tagger.bin");
      ADD_FAILURE() << why;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kResource);
      EXPECT_EQ(e.path(), "dir/tagger.bin");
      EXPECT_NE(e.message().find(why), std::string::npos) << e.message();
    }
  }
}

}  // namespace
}  // namespace secnlp::nlp
