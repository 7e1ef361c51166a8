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
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

using nlp::LmCategory;

// --- A minimal JSON reader, enough for the expected-values file. ---
struct Json {
  std::variant<std::nullptr_t, bool, double, std::string, std::vector<Json>,
               std::map<std::string, Json>>
      v;
  bool is_object() const { return v.index() == 5; }
  bool is_string() const { return v.index() == 3; }
  bool is_number() const { return v.index() == 2; }
  const std::map<std::string, Json>& object() const { return std::get<5>(v); }
  const std::vector<Json>& array() const { return std::get<4>(v); }
  const std::string& str() const { return std::get<3>(v); }
  double num() const { return std::get<2>(v); }
  const Json* get(const std::string& key) const {
    if (!is_object()) return nullptr;
    auto it = object().find(key);
    return it == object().end() ? nullptr : &it->second;
  }
};

class JsonParser {
 public:
  explicit JsonParser(std::string_view s) : s_(s) {}
  Json parse() {
    Json j = value();
    ws();
    if (i_ != s_.size()) throw std::runtime_error("trailing JSON");
    return j;
  }

 private:
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
      ++i_;
  }
  void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  unsigned hex4() {
    unsigned v = static_cast<unsigned>(std::stoul(std::string(s_.substr(i_, 4)), nullptr, 16));
    i_ += 4;
    return v;
  }
  std::string string() {
    ++i_;  // opening quote
    std::string out;
    while (s_.at(i_) != '"') {
      char c = s_[i_++];
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      c = s_.at(i_++);
      switch (c) {
        case 'n':
          out.push_back('\n');
          break;
        case 't':
          out.push_back('\t');
          break;
        case 'r':
          out.push_back('\r');
          break;
        case 'b':
          out.push_back('\b');
          break;
        case 'f':
          out.push_back('\f');
          break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {
            i_ += 2;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4() - 0xDC00);
          }
          append_utf8(out, cp);
          break;
        }
        default:
          out.push_back(c);
      }
    }
    ++i_;
    return out;
  }
  Json value() {
    ws();
    const char c = s_.at(i_);
    if (c == '{') {
      ++i_;
      std::map<std::string, Json> m;
      ws();
      if (s_.at(i_) == '}') {
        ++i_;
        return Json{m};
      }
      for (;;) {
        ws();
        std::string key = string();
        ws();
        ++i_;  // ':'
        m.emplace(std::move(key), value());
        ws();
        if (s_.at(i_++) == '}') return Json{m};
      }
    }
    if (c == '[') {
      ++i_;
      std::vector<Json> a;
      ws();
      if (s_.at(i_) == ']') {
        ++i_;
        return Json{a};
      }
      for (;;) {
        a.push_back(value());
        ws();
        if (s_.at(i_++) == ']') return Json{a};
      }
    }
    if (c == '"') return Json{string()};
    if (s_.substr(i_, 4) == "true") return i_ += 4, Json{true};
    if (s_.substr(i_, 5) == "false") return i_ += 5, Json{false};
    if (s_.substr(i_, 4) == "null") return i_ += 4, Json{nullptr};
    std::size_t used = 0;
    const double d = std::stod(std::string(s_.substr(i_, 32)), &used);
    i_ += used;
    return Json{d};
  }
  std::string_view s_;
  std::size_t i_ = 0;
};

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
    data_ = std::make_unique<Json>(JsonParser(testing::read_file(path)).parse());
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
