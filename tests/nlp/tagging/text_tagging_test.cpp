#include "nlp/tagging/text_tagging.h"

#include <gtest/gtest.h>

#include "tests/nlp/tagging/tiny_treebank.h"

namespace secnlp::nlp {
namespace {

using Strings = std::vector<std::string>;

TEST(TextTaggingTest, AlignsTreebankTokensToTheText) {
  struct Case {
    std::string text;
    Strings tokens;
    std::vector<Span> spans;
  };
  const std::vector<Case> cases = {
      {"We can't.", {"We", "ca", "n't", "."}, {{0, 2}, {3, 5}, {5, 8}, {8, 9}}},
      {"He said \"no\".",
       {"He", "said", "``", "no", "''", "."},
       {{0, 2}, {3, 7}, {8, 9}, {9, 11}, {11, 12}, {12, 13}}},
      {"  caf\xC3\xA9 ok", {"caf\xC3\xA9", "ok"}, {{2, 7}, {8, 10}}},
      {"a b", {"a", "zz", "b"}, {{0, 1}, {2, 2}, {2, 3}}},  // a token not in the text
      {"", {}, {}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(align_tokens(c.text, c.tokens), c.spans) << c.text;
  EXPECT_EQ(align_tokens("x", Strings{"x"}, 10), (std::vector<Span>{{10, 11}}));
}

TEST(TextTaggingTest, TagsSentencesWithByteAndCharacterOffsets) {
  PerceptronOptions o;
  o.epochs = 8;
  o.dictionary_min_count = 5;
  const auto tagger = PerceptronTagger::train(testing::tiny_treebank(), o);
  const std::string text = "The caf\xC3\xA9 reported new debt.\nWe expect debt to grow.";
  const auto tokens = tag_text(tagger, text);
  ASSERT_EQ(tokens.size(), 12u);
  EXPECT_EQ(tokens[1].text, "caf\xC3\xA9");
  EXPECT_EQ(tokens[1].bytes, (Span{4, 9}));
  EXPECT_EQ(tokens[1].chars, (Span{4, 8}));
  EXPECT_EQ(tokens[2].bytes, (Span{10, 18}));
  EXPECT_EQ(tokens[2].chars, (Span{9, 17}));
  EXPECT_EQ(tagger.tags()[tokens[2].tag], "VBD");
  EXPECT_EQ(tokens[5].text, ".");
  EXPECT_EQ(tokens[5].sentence, 0u);
  EXPECT_EQ(tokens[6].text, "We");
  EXPECT_EQ(tokens[6].sentence, 1u);
  EXPECT_EQ(tokens[6].chars, (Span{28, 30}));  // after "\n"
  EXPECT_EQ(tagger.tags()[tokens[6].tag], "PRP");
  EXPECT_TRUE(tag_text(tagger, "  \n ").empty());
}

}  // namespace
}  // namespace secnlp::nlp
