// Corpus tests: the real Loughran-McDonald files, the shared CMUdict, and textstat's own expected
// values (../shared/data/readability/textstat_expected_values_en.json).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "corpora/lexicons/cmudict.h"
#include "corpora/lexicons/hyphenation.h"
#include "corpora/lexicons/lm_lexicon_reader.h"
#include "corpora/lexicons/syllable_sources.h"
#include "nlp/readability/textstat.h"
#include "tests/support/json_reader.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

using testing::Json;
using testing::parse_json;

using nlp::LmCategory;

// --- Loughran-McDonald ---

TEST(LmCorpus, WordLists2018) {
  SECNLP_REQUIRE_CORPUS(dir, "lexicons/loughran-mcdonald/word_lists_2018");
  const nlp::SentimentLexicon lex = read_lm_word_lists(dir);
  EXPECT_EQ(lex.size(LmCategory::kNegative), 2355u);
  EXPECT_EQ(lex.size(LmCategory::kPositive), 354u);
  EXPECT_EQ(lex.size(LmCategory::kUncertainty), 297u);
  EXPECT_EQ(lex.size(LmCategory::kLitigious), 904u);
  EXPECT_EQ(lex.size(LmCategory::kStrongModal), 19u);
  EXPECT_EQ(lex.size(LmCategory::kWeakModal), 27u);
  EXPECT_EQ(lex.size(LmCategory::kConstraining), 184u);
  EXPECT_TRUE(lex.contains("loss", LmCategory::kNegative));
  EXPECT_TRUE(lex.contains("Must", LmCategory::kStrongModal));
}

TEST(LmCorpus, MasterDictionary2018NegativeRows) {
  SECNLP_REQUIRE_CORPUS(csv,
                        "lexicons/loughran-mcdonald/LM_MasterDictionary_2018_NegativeRowsOnly.csv");
  const nlp::SentimentLexicon lex = read_lm_master_dictionary(csv);
  EXPECT_EQ(lex.size(LmCategory::kNegative), 2355u);
  // The rows agree with the separate 2018 Negative list.
  SECNLP_REQUIRE_CORPUS(list, "lexicons/loughran-mcdonald/word_lists_2018/LM2018_Negative.txt");
  nlp::SentimentLexicon neg;
  read_lm_word_list(list, LmCategory::kNegative, neg);
  EXPECT_EQ(neg.size(LmCategory::kNegative), 2355u);
  EXPECT_TRUE(lex.contains("abandon", LmCategory::kNegative));
}

TEST(LmCorpus, CondensedMasterDictionary) {
  SECNLP_REQUIRE_CORPUS(csv,
                        "lexicons/loughran-mcdonald/"
                        "LM_MasterDictionary_1993-2021_condensed_Token_SentimentScore.csv");
  const nlp::SentimentLexicon lex = load_lm_lexicon(csv);
  EXPECT_EQ(lex.size(LmCategory::kNegative), 2355u);
  EXPECT_EQ(lex.size(LmCategory::kPositive), 354u);
}

// --- CMUdict ---

TEST(CmudictCorpus, SharedStressedCopyAgreesWithDebian) {
  SECNLP_REQUIRE_CORPUS(path, "readability/cmudict/cmudict.dict");
  const auto shared = load_cmudict(path);
  EXPECT_GT(shared->size(), 125000u);
  EXPECT_EQ(shared->syllables("interpersonal"), 5);
  EXPECT_EQ(shared->syllables("aalborg"), 2);
  if (!std::filesystem::exists(kDefaultCmudictPath)) return;
  const auto debian = load_cmudict();
  std::size_t both = 0, same = 0;
  for (const char* w : {"company", "revenue", "family", "every", "business", "litigation",
                        "uncertainty", "material", "adverse", "fiscal", "quarterly"}) {
    if (shared->syllables(w) && debian->syllables(w)) {
      ++both;
      if (*shared->syllables(w) == *debian->syllables(w)) ++same;
    }
  }
  EXPECT_EQ(both, 11u);
  EXPECT_EQ(same, both);
}

// --- textstat expected values ---

class TextstatCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto root = testing::corpus_root();
    if (!root) return;
    const auto path = *root / "readability/textstat_expected_values_en.json";
    if (!std::filesystem::exists(path)) return;
    if (!std::filesystem::exists(kDefaultHyphenationPath)) return;
    data_ = std::make_unique<Json>(parse_json(testing::read_file(path)));
    SECNLP_REQUIRE_CORPUS_STATIC();
  }
  static void SECNLP_REQUIRE_CORPUS_STATIC() {
    const auto root = testing::corpus_root();
    const auto shared = *root / "readability/cmudict/cmudict.dict";
    // textstat uses NLTK's CMUdict (stress-marked); prefer the shared copy of the same layout.
    counter_ = std::make_unique<nlp::SyllableCounter>(make_syllable_counter(
        std::filesystem::exists(shared) ? load_cmudict(shared) : load_cmudict(),
        load_hyphenator()));
  }
  void SetUp() override {
    if (!data_) GTEST_SKIP() << "corpus data absent: readability/textstat_expected_values_en.json";
  }
  static std::string text_of(const Json& j) {
    if (j.is_string()) return j.str();
    return data_->get("texts")->get(j.get("$ref")->str())->str();
  }
  static const std::vector<Json>& cases(const std::string& key) {
    return data_->get("cases")->get(key)->array();
  }
  static inline std::unique_ptr<Json> data_;
  static inline std::unique_ptr<nlp::SyllableCounter> counter_;
};

// The English texts textstat's metric tests use.
bool english(const Json& c) {
  const Json* text = c.get("text");
  if (!text || text->is_string()) return true;
  const std::string& ref = text->get("$ref")->str();
  return ref == "EMPTY_STR" || ref == "EASY_TEXT" || ref == "SHORT_TEXT" || ref == "PUNCT_TEXT" ||
         ref == "LONG_TEXT";
}

TEST_F(TextstatCorpus, Counts) {
  int total = 0, exact = 0;
  for (const Json& c : cases("counts/test_count_sentences.py::test_count_sentences")) {
    if (!english(c)) continue;
    ++total;
    const auto got = nlp::textstat_sentence_count(text_of(*c.get("text")));
    if (got == static_cast<std::uint64_t>(c.get("expected")->num())) ++exact;
    EXPECT_EQ(got, static_cast<std::uint64_t>(c.get("expected")->num())) << "sentences";
  }
  for (const Json& c : cases("counts/test_count_words.py::test_count_words")) {
    if (std::get<bool>(c.get("split_contractions")->v) || std::get<bool>(c.get("split_hyphens")->v))
      continue;
    ++total;
    const std::string text = text_of(*c.get("text"));
    const auto stats = nlp::textstat_statistics(text, *counter_);
    const bool rm = std::get<bool>(c.get("rm_punctuation")->v);
    const auto got = rm ? stats.words : stats.whitespace_tokens;
    if (got == static_cast<std::uint64_t>(c.get("n_words")->num())) ++exact;
    EXPECT_EQ(got, static_cast<std::uint64_t>(c.get("n_words")->num())) << "words: " << text;
  }
  for (const Json& c : cases("counts/test_count_letters.py::test_letter_count")) {
    ++total;
    const std::string text = text_of(*c.get("text"));
    const auto got = nlp::textstat_statistics(text, *counter_).letters;
    if (got == static_cast<std::uint64_t>(c.get("expected")->num())) ++exact;
    EXPECT_EQ(got, static_cast<std::uint64_t>(c.get("expected")->num())) << "letters: " << text;
  }
  for (const Json& c : cases("counts/test_count_chars.py::test_count_chars")) {
    if (!std::get<bool>(c.get("ignore_spaces")->v)) continue;
    ++total;
    const std::string text = text_of(*c.get("text"));
    const auto got = nlp::textstat_statistics(text, *counter_).characters;
    if (got == static_cast<std::uint64_t>(c.get("expected")->num())) ++exact;
    EXPECT_EQ(got, static_cast<std::uint64_t>(c.get("expected")->num())) << "chars: " << text;
  }
  std::printf("textstat counts: %d/%d exact\n", exact, total);
}

TEST_F(TextstatCorpus, Syllables) {
  int total = 0, within = 0;
  for (const Json& c : cases("counts/test_count_syllables.py::test_syllable_count")) {
    ++total;
    const std::string text = text_of(*c.get("text"));
    const auto got = static_cast<double>(nlp::textstat_statistics(text, *counter_).syllables);
    const double want = c.get("n_syllables")->num();
    const double margin = c.get("margin")->num();
    if (std::abs(got - want) <= margin) ++within;
    EXPECT_LE(std::abs(got - want), margin) << text.substr(0, 40);
  }
  for (const Json& c :
       cases("counts/test_count_polysyllable_words.py::test_count_polysyllable_words")) {
    ++total;
    const std::string text = text_of(*c.get("test"));
    const auto got = nlp::textstat_statistics(text, *counter_).polysyllables;
    const auto want = static_cast<std::uint64_t>(c.get("expected")->num());
    if (got == want) ++within;
    EXPECT_EQ(got, want) << "polysyllables: " << text.substr(0, 40);
  }
  std::printf("textstat syllable cases: %d/%d within textstat's margin\n", within, total);
}

TEST_F(TextstatCorpus, MetricsMatchToRounding) {
  // textstat's expected values are rounded to 3 decimals; we reproduce its rules, so anything
  // beyond rounding noise is a regression (the brief's budget was 0.5 grade).
  constexpr double kTolerance = 0.002;
  struct Metric {
    const char* key;
    double nlp::ReadabilityScores::*field;
    double tolerance;
  };
  const Metric metrics[] = {
      {"metrics/test_flesch_kincaid_grade.py::test_flesch_kincaid_grade",
       &nlp::ReadabilityScores::flesch_kincaid_grade, kTolerance},
      {"metrics/test_flesch_reading_ease.py::test_flesch_reading_ease",
       &nlp::ReadabilityScores::flesch_reading_ease, kTolerance},
      {"metrics/test_smog_index.py::test_smog_index", &nlp::ReadabilityScores::smog, kTolerance},
      {"metrics/test_coleman_liau_index.py::test_coleman_liau_index",
       &nlp::ReadabilityScores::coleman_liau, kTolerance},
      {"metrics/test_automated_readability_index.py::test_automated_readability_index",
       &nlp::ReadabilityScores::ari, kTolerance},
  };
  for (const Metric& m : metrics) {
    int total = 0, exact = 0;
    double worst = 0;
    for (const Json& c : cases(m.key)) {
      if (!english(c)) continue;
      const Json* lang = c.get("lang");
      if (lang && lang->str() != "en_US") continue;
      ++total;
      const std::string text = text_of(*c.get("text"));
      const double got = nlp::textstat_scores(text, *counter_).*(m.field);
      const double want = c.get("expected")->num();
      worst = std::max(worst, std::abs(got - want));
      if (std::getenv("SECNLP_VERBOSE")) {
        std::printf("  %-12.12s ours %.3f textstat %.3f\n", text.c_str(), got, want);
      }
      if (std::abs(got - want) < 0.0015) ++exact;
      EXPECT_NEAR(got, want, m.tolerance) << m.key << ": " << text.substr(0, 40);
    }
    std::printf("%-70s %d/%d to 3 decimals, worst |diff| %.3f\n", m.key, exact, total, worst);
  }
}

TEST_F(TextstatCorpus, GunningFogWithoutEasyWordList) {
  // textstat excludes Dale-Chall easy words from Fog's difficult words; we have no such list, so
  // our difficult words are all polysyllables. The difficult-word count implied by textstat's
  // expected Fog must therefore be <= ours, and with it the rest of the formula must agree.
  for (const Json& c : cases("metrics/test_gunning_fog.py::test_gunning_fog")) {
    if (!english(c)) continue;
    const std::string text = text_of(*c.get("text"));
    const auto s = nlp::textstat_statistics(text, *counter_);
    const double want = c.get("expected")->num();
    if (s.words == 0) {
      EXPECT_EQ(want, 0.0);
      continue;
    }
    const double wps = static_cast<double>(s.words) / static_cast<double>(s.sentences);
    const double implied = (want / 0.4 - wps) * static_cast<double>(s.words) / 100.0;
    EXPECT_NEAR(implied, std::round(implied), 0.05) << text.substr(0, 40);
    EXPECT_LE(std::round(implied), static_cast<double>(s.difficult_words)) << text.substr(0, 40);
    nlp::TextstatOptions none;
    std::printf(
        "fog %-20.20s textstat %.3f ours(no easy list) %.3f implied difficult %.0f ours %llu\n",
        text.c_str(), want, nlp::textstat_scores(s).gunning_fog, implied,
        static_cast<unsigned long long>(s.difficult_words));
  }
}

}  // namespace
}  // namespace secnlp::corpora
