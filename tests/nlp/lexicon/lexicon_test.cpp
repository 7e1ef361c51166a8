#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nlp/lexicon/lm_counts.h"
#include "nlp/lexicon/sentiment_lexicon.h"

namespace secnlp::nlp {
namespace {

std::vector<std::string> split(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (c == ' ') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

SentimentLexicon small_lexicon() {
  SentimentLexicon lex;
  lex.add("GOOD", LmCategory::kPositive);
  lex.add("gain", LmCategory::kPositive);
  lex.add("LOSS", LmCategory::kNegative);
  lex.add("may", LmCategory::kWeakModal);
  lex.add("must", LmCategory::kStrongModal);
  lex.add("litigation", LmCategory::kLitigious);
  lex.add("uncertain", LmCategory::kUncertainty);
  lex.add("uncertain", LmCategory::kNegative);  // two categories
  lex.add("required", LmCategory::kConstraining);
  return lex;
}

TEST(SentimentLexicon, MembershipIsCaseInsensitive) {
  const SentimentLexicon lex = small_lexicon();
  struct Case {
    const char* word;
    std::uint8_t mask;
  };
  const Case cases[] = {
      {"good", lm_bit(LmCategory::kPositive)},
      {"Good", lm_bit(LmCategory::kPositive)},
      {"GOOD", lm_bit(LmCategory::kPositive)},
      {"Loss", lm_bit(LmCategory::kNegative)},
      {"uncertain",
       static_cast<std::uint8_t>(lm_bit(LmCategory::kUncertainty) | lm_bit(LmCategory::kNegative))},
      {"goods", 0},
      {"goo", 0},
      {"", 0},
      {"a-very-long-token-that-is-longer-than-any-word-in-the-lexicon", 0},
  };
  for (const Case& c : cases)
    EXPECT_EQ(lex.categories(c.word), c.mask) << c.word;
  EXPECT_TRUE(lex.contains("MUST", LmCategory::kStrongModal));
  EXPECT_FALSE(lex.contains("must", LmCategory::kWeakModal));
}

TEST(SentimentLexicon, SizesCountDistinctWords) {
  SentimentLexicon lex = small_lexicon();
  lex.add("good", LmCategory::kPositive);  // duplicate in another case
  lex.add("", LmCategory::kPositive);      // ignored
  EXPECT_EQ(lex.size(LmCategory::kPositive), 2u);
  EXPECT_EQ(lex.size(LmCategory::kNegative), 2u);
  EXPECT_EQ(lex.size(LmCategory::kUncertainty), 1u);
  EXPECT_EQ(lex.size(), 8u);
}

TEST(SentimentLexicon, ParsesCategoryNames) {
  struct Case {
    const char* name;
    std::optional<LmCategory> expected;
  };
  const Case cases[] = {
      {"Negative", LmCategory::kNegative},
      {"positive", LmCategory::kPositive},
      {"UNCERTAINTY", LmCategory::kUncertainty},
      {"Litigious", LmCategory::kLitigious},
      {"Strong_Modal", LmCategory::kStrongModal},
      {"StrongModal", LmCategory::kStrongModal},
      {"weak modal", LmCategory::kWeakModal},
      {"Constraining", LmCategory::kConstraining},
      {"Modal", std::nullopt},
      {"Superfluous", std::nullopt},
      {"", std::nullopt},
      {"Negatives", std::nullopt},
  };
  for (const Case& c : cases)
    EXPECT_EQ(parse_lm_category(c.name), c.expected) << c.name;
  for (LmCategory c : kLmCategories)
    EXPECT_EQ(parse_lm_category(lm_category_name(c)), c);
}

TEST(LmCounts, CountsWordsAndCategories) {
  const SentimentLexicon lex = small_lexicon();
  const auto tokens = split("The loss , in 2023 , was uncertain and Litigation may follow $ 5 .");
  const LmCounts c = count_lm(tokens, lex);
  // Words: The loss in was uncertain and Litigation may follow = 9 (numbers, $ and punctuation
  // are not words).
  EXPECT_EQ(c.words, 9u);
  EXPECT_EQ(c.count(LmCategory::kNegative), 2u);  // loss, uncertain
  EXPECT_EQ(c.count(LmCategory::kUncertainty), 1u);
  EXPECT_EQ(c.count(LmCategory::kLitigious), 1u);
  EXPECT_EQ(c.count(LmCategory::kWeakModal), 1u);
  EXPECT_EQ(c.count(LmCategory::kPositive), 0u);
  EXPECT_DOUBLE_EQ(c.proportion(LmCategory::kNegative), 2.0 / 9.0);
  EXPECT_EQ(count_lm({}, lex).proportion(LmCategory::kNegative), 0.0);
}

TEST(LmCounts, NegationWindow) {
  const SentimentLexicon lex = small_lexicon();
  struct Case {
    const char* text;
    std::uint64_t positives;
    std::uint64_t negations;
  };
  const Case cases[] = {
      {"not good", 1, 1},                 // distance 1
      {"not very very good", 1, 1},       // distance 3
      {"not very very very good", 1, 0},  // distance 4: outside the window
      {"never , ever , good", 1, 1},      // punctuation is not a word: distance 2
      {"NO gain", 1, 1},                  // case-insensitive negation
      {"Nobody saw a gain", 1, 1},        // distance 3
      {"none neither good", 1, 1},
      {"good not", 1, 0},           // negation after the word
      {"is n't good", 1, 0},        // "n't" is not on LM's list
      {"not good gain", 2, 2},      // one negation covers both within 3 words
      {"not a b good gain", 2, 1},  // good at distance 3 (yes), gain at 4 (no)
      {"not loss", 0, 0},           // negation only applies to positives
      {"nothing good", 1, 0},       // prefix of a negation word is not one
      {"not 5 % good", 1, 1},       // numbers are not words either
  };
  for (const Case& c : cases) {
    const LmCounts counts = count_lm(split(c.text), lex);
    EXPECT_EQ(counts.count(LmCategory::kPositive), c.positives) << c.text;
    EXPECT_EQ(counts.negations, c.negations) << c.text;
    EXPECT_EQ(counts.unnegated_positive(), c.positives - c.negations) << c.text;
  }
}

TEST(LmCounts, WordPredicates) {
  EXPECT_TRUE(is_lm_word("a"));
  EXPECT_TRUE(is_lm_word("n't"));
  EXPECT_TRUE(is_lm_word("\xC3\xA9t\xC3\xA9"));
  EXPECT_FALSE(is_lm_word("2023"));
  EXPECT_FALSE(is_lm_word("--"));
  EXPECT_FALSE(is_lm_word(""));
  EXPECT_TRUE(is_lm_negation("Not"));
  EXPECT_FALSE(is_lm_negation("knot"));
}

}  // namespace
}  // namespace secnlp::nlp
