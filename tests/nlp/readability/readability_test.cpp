#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nlp/readability/readability.h"
#include "nlp/readability/syllables.h"
#include "nlp/readability/textstat.h"

namespace secnlp::nlp {
namespace {

// A tiny stand-in for CMUdict and libhyphen, so these tests need no files.
SyllableCounter fake_counter() {
  static const std::map<std::string, int, std::less<>> kDict = {
      {"company", 3},     {"company's", 3}, {"didn't", 2}, {"the", 1},
      {"long", 1},        {"term", 1},      {"hmm", 0},    {"created", 3},
      {"interesting", 4}, {"family", 3},    {"anna's", 2}, {"don't", 1}};
  return SyllableCounter(
      [](std::string_view w) -> std::optional<int> {
        auto it = kDict.find(w);
        if (it == kDict.end()) return std::nullopt;
        return it->second;
      },
      [](std::string_view w) { return w.empty() ? 0 : 7; });  // unmistakable fallback marker
}

TEST(ComputeScores, StandardFormulasOnKnownStatistics) {
  TextStatistics s;
  s.sentences = 5;
  s.words = 100;
  s.syllables = 150;
  s.complex_words = 10;
  s.polysyllables = 12;
  s.characters = 480;
  s.letters = 450;
  const ReadabilityScores r = compute_scores(s);
  EXPECT_NEAR(r.flesch_kincaid_grade, 0.39 * 20 + 11.8 * 1.5 - 15.59, 1e-12);
  EXPECT_NEAR(r.flesch_reading_ease, 206.835 - 1.015 * 20 - 84.6 * 1.5, 1e-12);
  EXPECT_NEAR(r.gunning_fog, 0.4 * (20 + 10), 1e-12);
  EXPECT_NEAR(r.smog, 1.0430 * std::sqrt(12.0 * 30 / 5) + 3.1291, 1e-12);
  EXPECT_NEAR(r.coleman_liau, 0.0588 * 450 - 0.296 * 5 - 15.8, 1e-12);
  EXPECT_NEAR(r.ari, 4.71 * 4.8 + 0.5 * 20 - 21.43, 1e-12);
  // Hand-computed values, to catch a formula typed the same wrong way twice.
  EXPECT_NEAR(r.flesch_kincaid_grade, 9.91, 1e-9);
  EXPECT_NEAR(r.flesch_reading_ease, 59.635, 1e-9);
  EXPECT_NEAR(r.coleman_liau, 9.18, 1e-9);
}

TEST(ComputeScores, UndefinedScoresAreNaN) {
  const TextStatistics cases[] = {
      {},                         // nothing
      {0, 10, 15, 1, 1, 40, 40},  // words but no sentence
      {3, 0, 0, 0, 0, 0, 0},      // sentences but no word
  };
  for (const TextStatistics& s : cases) {
    const ReadabilityScores r = compute_scores(s);
    EXPECT_TRUE(std::isnan(r.flesch_kincaid_grade));
    EXPECT_TRUE(std::isnan(r.flesch_reading_ease));
    EXPECT_TRUE(std::isnan(r.gunning_fog));
    EXPECT_TRUE(std::isnan(r.smog));
    EXPECT_TRUE(std::isnan(r.coleman_liau));
    EXPECT_TRUE(std::isnan(r.ari));
  }
}

TEST(SyllableCounter, DictionaryThenFallbackThenEstimate) {
  const SyllableCounter counter = fake_counter();
  struct Case {
    const char* word;
    int expected;
  };
  const Case cases[] = {
      {"Company", 3},               // dictionary, case-folded
      {"company's", 3},             // dictionary as is
      {"company\xE2\x80\x99s", 3},  // U+2019 read as apostrophe
      {"companies'", 7},            // stem "companies" not listed: fallback
      {"long-term", 2},             // hyphen parts summed
      {"long-xyz", 8},              // one part from the dictionary, one from the fallback
      {"zyzzyva", 7},               // fallback
      {"hmm", 1},                   // dictionary says 0: a word has at least one
      {"2023", 0},                  // no letter: not a word
      {"--", 0},
      {"", 0},
  };
  for (const Case& c : cases)
    EXPECT_EQ(counter.count(c.word), c.expected) << c.word;
  EXPECT_EQ(counter.count_textstat("hmm"), 0);  // textstat keeps CMUdict's 0
  EXPECT_EQ(counter.count_textstat("DIDN'T"), 2);
  EXPECT_EQ(counter.count_textstat("zyzzyva"), 7);
  EXPECT_EQ(counter.count_textstat(""), 0);
}

TEST(SyllableCounter, EstimateWithoutResources) {
  const SyllableCounter counter;  // neither dictionary nor fallback
  EXPECT_FALSE(counter.has_dictionary());
  EXPECT_FALSE(counter.has_fallback());
  struct Case {
    const char* word;
    int expected;
  };
  const Case cases[] = {
      {"cat", 1},
      {"make", 1},
      {"table", 2},
      {"the", 1},
      {"free", 1},
      {"revenue", 3},
      {"company", 3},
      {"rhythm", 1},
      {"a", 1},
      {"strengths", 1},
      {"Business", 3} /* heuristic over-counts; CMUdict says 2 */,
      {"operate", 3},
      {"x", 1},
      {"", 0},
      {"123", 0},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SyllableCounter::estimate(c.word), c.expected) << c.word;
    EXPECT_EQ(counter.count(c.word), c.expected) << c.word;
  }
}

TEST(ComplexWord, GunningExclusions) {
  struct Case {
    const char* word;
    int syllables;
    bool complex;
  };
  const Case cases[] = {
      {"company", 3, true},     {"revenue", 3, true},
      {"the", 1, false},        {"created", 3, false},  // -ed after t is the third syllable
      {"considered", 3, true},                          // -ed not syllabic
      {"interesting", 4, true},                         // still 3 without -ing
      {"operating", 4, true},   {"becoming", 3, false},
      {"advantages", 4, true},  {"businesses", 3, false},  // -es after s
      {"long-term", 3, false},                             // hyphenated
      {"Created", 3, false},    {"families", 3, true},     // -es after i is not syllabic
  };
  for (const Case& c : cases)
    EXPECT_EQ(is_complex_word(c.word, c.syllables), c.complex) << c.word;
}

TEST(Measure, StandardModeWordsCliticsAndNumbers) {
  const SyllableCounter counter = fake_counter();
  const std::vector<std::string> tokens = {
      "The", "company", "'s", "revenue", "did", "n't", "grow", "in", "2023",
      "(",   "$",       "5",  "million", ")",   ".",   "Anna", "'s", "long-term"};
  const TextStatistics s = measure(tokens, 2, counter);
  // Words: The company's revenue didn't grow in million Anna's long-term.
  EXPECT_EQ(s.words, 9u);
  EXPECT_EQ(s.sentences, 2u);
  // the 1 + company's 3 + revenue 7 + didn't 2 + grow 7 + in 7 + million 7 + anna's 2 + 2.
  EXPECT_EQ(s.syllables, 38u);
  // >= 3: company's, revenue, grow, in, million (fallback says 7).
  EXPECT_EQ(s.polysyllables, 5u);
  // complex: same minus hyphenated; none of these has a syllabic ending.
  EXPECT_EQ(s.complex_words, 5u);
  // letters: The3 company's8 revenue7 didn't5 grow4 in2 million7 Anna's5 longterm8 = 49
  EXPECT_EQ(s.letters, 49u);
  EXPECT_EQ(s.characters, 49u);
}

TEST(Measure, CharactersIncludeDigitsInWords) {
  const SyllableCounter counter;
  const std::vector<std::string> tokens = {"Form", "10-K", "FY2024", "."};
  const TextStatistics s = measure(tokens, 1, counter);
  EXPECT_EQ(s.words, 3u);
  EXPECT_EQ(s.letters, 4u + 1u + 2u);
  EXPECT_EQ(s.characters, 4u + 3u + 6u);
}

TEST(Measure, EmptyInputGivesZeroCounts) {
  const SyllableCounter counter;
  const TextStatistics s = measure({}, 0, counter);
  EXPECT_EQ(s.words, 0u);
  EXPECT_TRUE(std::isnan(compute_scores(s).smog));
}

TEST(Measure, TextstatModeCountsNumbersAndKeepsPunctuationChars) {
  const SyllableCounter counter = fake_counter();
  const std::vector<std::string> tokens = {"The", "company", "grew", "5", "%", "."};
  const TextStatistics s = measure(tokens, 1, counter, ReadabilityMode::kTextstat);
  EXPECT_EQ(s.words, 4u);  // "5" is a word, "%" and "." are not
  EXPECT_EQ(s.characters, 3u + 7u + 4u + 1u + 1u + 1u);
  EXPECT_EQ(s.letters, 3u + 7u + 4u + 1u);
}

TEST(Textstat, WordCountsMatchTextstat) {
  // Cases from textstat's tests/backend/counts/test_count_words.py (rm_punctuation=True).
  struct Case {
    const char* text;
    std::uint64_t words;
  };
  const Case cases[] = {
      {"", 0},
      {"a", 1},
      {"a ", 1},
      {"a b", 2},
      {"They're here, and they're there.", 5},
      {"Who's there?I have ... no time for this...\n            nonsense...my guy! a who's-who, "
       "veritably.",
       12},
      {"... --- !!!", 0},
      {"singer-songwriter", 1},
  };
  for (const Case& c : cases)
    EXPECT_EQ(textstat_word_count(c.text), c.words) << c.text;
}

TEST(Textstat, SentenceCountsMatchTextstat) {
  struct Case {
    const char* text;
    std::uint64_t sentences;
  };
  const Case cases[] = {
      {"", 0},
      {"Hi.", 1},  // one short sentence: still at least 1
      {"Cool dogs wear da sunglasses.", 1},
      {"This is one sentence. This is another one! And a third one?", 3},
      {"This is one sentence. Ok. Yes it is.", 2},  // "Ok." has <= 2 words: ignored
      {"It rose 3.5 percent this year.", 2},  // textstat splits at "3.": "It rose 3." has 3 words
      {"...", 1},                             // no match at all: max(1, 0)
      {"No terminator at the end", 1},
  };
  for (const Case& c : cases)
    EXPECT_EQ(textstat_sentence_count(c.text), c.sentences) << c.text;
}

TEST(Textstat, ScoresOnShortText) {
  const SyllableCounter counter = fake_counter();
  // "the" 1, "company" 3, everything else 7 from the fallback: words 5, syllables 1+3+7+7+7.
  const TextstatStatistics s = textstat_statistics("The company had some news.", counter);
  EXPECT_EQ(s.sentences, 1u);
  EXPECT_EQ(s.words, 5u);
  EXPECT_EQ(s.whitespace_tokens, 5u);
  EXPECT_EQ(s.syllables, 25u);
  EXPECT_EQ(s.polysyllables, 4u);
  EXPECT_EQ(s.difficult_words, 4u);
  EXPECT_EQ(s.characters, 22u);
  EXPECT_EQ(s.letters, 21u);
  const ReadabilityScores r = textstat_scores(s);
  EXPECT_NEAR(r.flesch_kincaid_grade, 0.39 * 5 + 11.8 * 5 - 15.59, 1e-12);
  EXPECT_NEAR(r.smog, 1.043 * std::sqrt(30.0 * 4) + 3.1291, 1e-12);
  EXPECT_NEAR(r.ari, 4.71 * 22.0 / 5 + 0.5 * 5 - 21.43, 1e-12);
  EXPECT_NEAR(r.coleman_liau, 0.058 * 420 - 0.296 * 20 - 15.8, 1e-12);  // textstat's 0.058

  TextstatOptions easy;
  easy.easy_word = [](std::string_view w) { return w == "company" || w == "news"; };
  EXPECT_EQ(textstat_statistics("The company had some news.", counter, easy).difficult_words, 2u);
}

TEST(Textstat, EmptyTextScoresAreZeroLikeTextstat) {
  const SyllableCounter counter;
  const ReadabilityScores r = textstat_scores("", counter);
  EXPECT_EQ(r.flesch_kincaid_grade, 0.0);
  EXPECT_EQ(r.flesch_reading_ease, 0.0);
  EXPECT_EQ(r.gunning_fog, 0.0);
  EXPECT_EQ(r.smog, 0.0);
  EXPECT_EQ(r.coleman_liau, 0.0);
  EXPECT_EQ(r.ari, 0.0);
  // Hostile input: invalid UTF-8 and only punctuation must not crash or divide by zero.
  const ReadabilityScores p = textstat_scores("\xFF\xFE ... !!! \xC3", counter);
  EXPECT_FALSE(std::isnan(p.ari));
  EXPECT_FALSE(std::isnan(p.smog));
}

}  // namespace
}  // namespace secnlp::nlp
