#include "models/data/text_preprocessor.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "common/error.h"

namespace secnlp::models {
namespace {

using Tokens = std::vector<std::string>;

PreprocessOptions with(void (*edit)(PreprocessOptions&)) {
  PreprocessOptions o;
  edit(o);
  return o;
}

struct TokensCase {
  const char* name;
  PreprocessOptions options;
  std::string text;
  Tokens expected;
};

void PrintTo(const TokensCase& c, std::ostream* os) {
  *os << c.name;
}

class TokensTest : public ::testing::TestWithParam<TokensCase> {};

TEST_P(TokensTest, Tokenizes) {
  const TextPreprocessor pre(GetParam().options);
  EXPECT_EQ(pre.tokens(GetParam().text), GetParam().expected);
}

// Expected tokens: NLTK's TreebankWordTokenizer on the text with placeholders substituted,
// then the filters by hand; stems from NLTK's SnowballStemmer("english") / PorterStemmer
// (ORIGINAL_ALGORITHM).
INSTANTIATE_TEST_SUITE_P(
    Cases, TokensTest,
    ::testing::Values(
        TokensCase{"social_defaults",
                   {},
                   "$AAPL up 5% http://t.co/x @jim",
                   {"<ticker>", "up", "5", "%", "<url>", "<user>"}},
        TokensCase{
            "social_no_placeholders",
            with([](auto& o) { o.replace_urls = o.replace_tickers = o.replace_users = false; }),
            "$AAPL up 5% http://t.co/x @jim",
            {"$", "aapl", "up", "5", "%", "http", ":", "//t.co/x", "@", "jim"}},
        TokensCase{"only_urls_replaced",
                   with([](auto& o) { o.replace_tickers = o.replace_users = false; }),
                   "$AAPL see www.sec.gov/edgar. @jim",
                   {"$", "aapl", "see", "<url>", ".", "@", "jim"}},
        TokensCase{"contraction", {}, "Profit didn't rise.", {"profit", "did", "n't", "rise", "."}},
        TokensCase{"keep_case",
                   with([](auto& o) { o.lowercase = false; }),
                   "Profit didn't rise.",
                   {"Profit", "did", "n't", "rise", "."}},
        TokensCase{"sentences_split_before_tokenizing",
                   {},
                   "Sales fell. Margins rose.",
                   {"sales", "fell", ".", "margins", "rose", "."}},
        TokensCase{"url_trailing_punctuation_left_out",
                   {},
                   "Read (https://example.com/a?b=1), now!",
                   {"read", "(", "<url>", ")", ",", "now", "!"}},
        TokensCase{"ticker_class_suffix_and_possessive",
                   {},
                   "$brk.b and $BF-B; $AAPL's margin",
                   {"<ticker>", "and", "<ticker>", ";", "<ticker>", "'s", "margin"}},
        TokensCase{"not_tickers",
                   {},
                   "US$5 and $TOOLONGX and x$AB",
                   {"us", "$", "5", "and", "$", "toolongx", "and", "x", "$", "ab"}},
        TokensCase{"email_is_not_a_user",
                   {},
                   "mail ir@acme.com or @acme_ir",
                   {"mail", "ir", "@", "acme.com", "or", "<user>"}},
        TokensCase{"input_cannot_forge_placeholders", {}, "a \xEE\x80\x81 b", {"a", "b"}},
        TokensCase{"drop_punctuation_and_numbers",
                   with([](auto& o) { o.drop_punctuation = o.drop_numbers = true; }),
                   "$AAPL up 5% in Q3, 2023!",
                   {"<ticker>", "up", "in", "q3"}},
        TokensCase{"stopwords_english",
                   with([](auto& o) { o.stopwords = "english"; }),
                   "Profit didn't rise after the call.",
                   {"profit", "rise", "call", "."}},
        TokensCase{"stopwords_case_sensitive_without_lowercase",
                   with([](auto& o) {
                     o.stopwords = "english";
                     o.lowercase = false;
                   }),
                   "The profit and the",
                   {"The", "profit"}},
        TokensCase{"stem_porter2",
                   with([](auto& o) { o.stem = "porter2"; }),
                   "Revenues were increasing, margins generously cautious",
                   {"revenu", "were", "increas", ",", "margin", "generous", "cautious"}},
        TokensCase{"stem_porter",
                   with([](auto& o) { o.stem = "porter"; }),
                   "Revenues were increasing, margins generously cautious",
                   {"revenu", "were", "increas", ",", "margin", "gener", "cautiou"}},
        TokensCase{"placeholders_bypass_filters",
                   with(
                       [](auto& o) {
                         o.stem = "porter2";
                         o.min_length = 10;
                         o.drop_punctuation = true;
                       }),
                   "@jim $AAPL https://x.io shareholders",
                   {"<user>", "<ticker>", "<url>", "sharehold"}},
        TokensCase{"min_length_bytes",
                   with([](auto& o) { o.min_length = 3; }),
                   "It is up 5% now",
                   {"now"}},
        TokensCase{"empty", {}, "", {}}, TokensCase{"whitespace_only", {}, " \n\t ", {}},
        TokensCase{"ill_formed_utf8_survives", {}, "ok \xFF\xFE done", {"ok", "\xFF\xFE", "done"}}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(TextPreprocessorTest, RejectsInvalidOptions) {
  const struct {
    const char* name;
    PreprocessOptions options;
  } cases[] = {
      {"stopwords", with([](auto& o) { o.stopwords = "french"; })},
      {"stem", with([](auto& o) { o.stem = "lancaster"; })},
      {"stem_case", with([](auto& o) { o.stem = "Porter2"; })},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      TextPreprocessor pre(c.options);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    }
  }
}

TEST(TextPreprocessorTest, OptionsKeptAndMovable) {
  TextPreprocessor a(with([](auto& o) { o.stem = "porter2"; }));
  TextPreprocessor b(std::move(a));
  EXPECT_EQ(b.options().stem, "porter2");
  EXPECT_EQ(b.tokens("Rising"), Tokens{"rise"});
}

TEST(TextPreprocessorTest, EmbeddedNulIsAnOrdinaryByte) {
  static constexpr char kText[] = "up\0down $AAPL";
  const TextPreprocessor pre({});
  EXPECT_EQ(pre.tokens(std::string_view(kText, sizeof(kText) - 1)),
            (Tokens{std::string("up\0down", 7), "<ticker>"}));
}

TEST(TextPreprocessorTest, HostileInputsFinish) {
  const TextPreprocessor pre({});
  const struct {
    const char* name;
    std::string text;
    std::size_t tokens;
  } cases[] = {
      {"many_at_signs", std::string(100000, '@'), 100000},
      {"long_url", "http://" + std::string(200000, 'a') + " end", 2},
      {"long_mention_after_word", "x@" + std::string(200000, 'b'), 3},
      {"adjacent_cashtags",
       [] {
         std::string s;
         for (int i = 0; i < 20000; ++i)
           s += "$a";
         return s;
       }(),
       1 + 2 * 19999},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(pre.tokens(c.text).size(), c.tokens);
  }
}

TEST(TextPreprocessorTest, SharedInstanceIsThreadSafe) {
  const TextPreprocessor pre(with([](auto& o) {
    o.stem = "porter";  // libstemmer: one stemmer per thread
    o.stopwords = "english";
  }));
  const std::string text = "$AAPL shares were rising after http://t.co/x, said @jim. Not great!";
  const Tokens expected = pre.tokens(text);
  ASSERT_FALSE(expected.empty());
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < mismatches.size(); ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i)
        if (pre.tokens(text) != expected) ++mismatches[t];
    });
  }
  for (auto& th : threads)
    th.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(PreprocessJsonTest, RoundTrips) {
  const PreprocessOptions cases[] = {
      {},
      {false, false, true, false, true, true, "english", "porter", 3},
      {true, true, false, true, false, false, "none", "porter2-libstemmer", 0},
  };
  for (const auto& o : cases) {
    const std::string json = to_json(o);
    SCOPED_TRACE(json);
    const PreprocessOptions r = preprocess_options_from_json(json);
    EXPECT_EQ(r.lowercase, o.lowercase);
    EXPECT_EQ(r.replace_urls, o.replace_urls);
    EXPECT_EQ(r.replace_tickers, o.replace_tickers);
    EXPECT_EQ(r.replace_users, o.replace_users);
    EXPECT_EQ(r.drop_punctuation, o.drop_punctuation);
    EXPECT_EQ(r.drop_numbers, o.drop_numbers);
    EXPECT_EQ(r.stopwords, o.stopwords);
    EXPECT_EQ(r.stem, o.stem);
    EXPECT_EQ(r.min_length, o.min_length);
  }
}

TEST(PreprocessJsonTest, MissingKeysKeepDefaults) {
  const PreprocessOptions r = preprocess_options_from_json(R"({"stem":"porter2"})");
  EXPECT_EQ(r.stem, "porter2");
  EXPECT_TRUE(r.lowercase);
  EXPECT_EQ(r.min_length, 1u);
  EXPECT_EQ(r.stopwords, "none");
}

TEST(PreprocessJsonTest, RejectsBadManifests) {
  const struct {
    const char* name;
    const char* json;
  } cases[] = {
      {"not_json", "{lowercase: true"},
      {"not_object", "[true]"},
      {"unknown_key", R"({"lower_case": true})"},
      {"bool_as_string", R"({"lowercase": "true"})"},
      {"bool_as_number", R"({"drop_numbers": 1})"},
      {"unknown_stem", R"({"stem": "lancaster"})"},
      {"stem_not_string", R"({"stem": 2})"},
      {"unknown_stopwords", R"({"stopwords": "german"})"},
      {"negative_min_length", R"({"min_length": -1})"},
      {"fractional_min_length", R"({"min_length": 1.5})"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      preprocess_options_from_json(c.json, "model/manifest.json");
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kResource);
      EXPECT_EQ(e.path(), "model/manifest.json");
      EXPECT_EQ(e.message().rfind("model manifest: ", 0), 0u) << e.message();
    }
  }
}

}  // namespace
}  // namespace secnlp::models
