#include "pipeline/document.h"

#include <gtest/gtest.h>

namespace secnlp::pipeline {
namespace {

Document three_sentences() {
  Document doc;
  doc.text = "Alpha one. Beta two. Gamma three.";
  doc.sentences = {{0, 10}, {11, 20}, {21, 33}};
  doc.tokens.items = {"Alpha", "one", ".", "Beta", "two", ".", "Gamma", "three", "."};
  doc.tokens.sentence_end = {3, 6, 9};
  return doc;
}

TEST(DocumentTest, WholeDocumentIsTheFirstScope) {
  Document doc = three_sentences();
  auto scopes = doc.scopes();
  ASSERT_EQ(scopes.size(), 1u);
  EXPECT_EQ(scopes[0].name, "");
  EXPECT_EQ(scopes[0].first_sentence, 0u);
  EXPECT_EQ(scopes[0].last_sentence, 3u);
}

TEST(DocumentTest, SectionsBecomeSentenceRanges) {
  Document doc = three_sentences();
  doc.sections.push_back({"1", "Alpha", "", {0, 11}});
  doc.sections.push_back({"1A", "Beta", "", {11, 33}});
  auto scopes = doc.scopes();
  ASSERT_EQ(scopes.size(), 3u);
  EXPECT_EQ(scopes[1].name, "1");
  EXPECT_EQ(scopes[1].first_sentence, 0u);
  EXPECT_EQ(scopes[1].last_sentence, 1u);
  EXPECT_EQ(scopes[2].name, "1A");
  EXPECT_EQ(scopes[2].first_sentence, 1u);
  EXPECT_EQ(scopes[2].last_sentence, 3u);
}

TEST(DocumentTest, TokenRangesFollowSentenceEnds) {
  Document doc = three_sentences();
  struct Row {
    std::size_t first, last, begin, end;
  };
  for (const Row& r :
       {Row{0, 3, 0, 9}, Row{1, 2, 3, 6}, Row{2, 3, 6, 9}, Row{0, 0, 0, 0}, Row{3, 3, 9, 9}}) {
    auto [b, e] = doc.tokens.range(r.first, r.last);
    EXPECT_EQ(b, r.begin) << r.first << ".." << r.last;
    EXPECT_EQ(e, r.end) << r.first << ".." << r.last;
  }
}

TEST(DocumentTest, SlotNamesListEachSetBit) {
  EXPECT_EQ(slot_names(kSlotText | kSlotTokens), "text, tokens");
  EXPECT_EQ(slot_names(0), "");
}

}  // namespace
}  // namespace secnlp::pipeline
