#include "nlp/filters/stop_words.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace secnlp::nlp {
namespace {

TEST(StopWords, EnglishTable) {
  const StopWords& en = StopWords::english();
  struct Row {
    const char* word;
    bool stop;
  };
  const Row rows[] = {
      {"the", true},
      {"a", true},
      {"of", true},
      {"and", true},
      {"i", true},
      {"themselves", true},
      {"which", true},
      {"is", true},
      {"been", true},
      {"would", true},
      {"against", true},
      {"between", true},
      {"n't", true},
      {"'s", true},
      {"'re", true},
      {"ca", true},
      {"wo", true},
      {"n\u2019t", true},
      {"\u2019s", true},
      {"don", true},
      {"t", true},
      {"ll", true},
      {"isn", true},
      // Content words and case: the argument must already be lowercase.
      {"revenue", false},
      {"risk", false},
      {"loss", false},
      {"company", false},
      {"own", false},
      {"same", false},
      {"The", false},
      {"THE", false},
      {"", false},
      {"the ", false},
      {"s'", false},
  };
  for (const Row& r : rows)
    EXPECT_EQ(en.contains(r.word), r.stop) << r.word;
  EXPECT_GE(en.size(), 150u);
  EXPECT_LE(en.size(), 260u);
}

TEST(StopWords, ConstructorLowercasesAndDeduplicates) {
  const std::vector<std::string> words = {"ABOUT", "About", "about", "", "Yourselves", "x"};
  const StopWords sw(words);
  EXPECT_EQ(sw.size(), 3u);
  EXPECT_TRUE(sw.contains("about"));
  EXPECT_TRUE(sw.contains("yourselves"));
  EXPECT_TRUE(sw.contains("x"));
  EXPECT_FALSE(sw.contains("ABOUT"));
  EXPECT_FALSE(sw.contains(""));
}

TEST(StopWords, AddExtends) {
  StopWords sw(std::vector<std::string>{"the"});
  EXPECT_FALSE(sw.contains("herein"));
  sw.add(std::vector<std::string>{"HEREIN", "the"});
  EXPECT_TRUE(sw.contains("herein"));
  EXPECT_EQ(sw.size(), 2u);
}

TEST(StopWords, EmptySet) {
  const StopWords sw(std::vector<std::string>{});
  EXPECT_EQ(sw.size(), 0u);
  EXPECT_FALSE(sw.contains("the"));
}

}  // namespace
}  // namespace secnlp::nlp
