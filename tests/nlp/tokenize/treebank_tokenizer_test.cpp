#include "nlp/tokenize/treebank_tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/nlp/tokenize/fixture_io.h"
#include "tests/support/test_data.h"

namespace secnlp::nlp {
namespace {

using Tokens = std::vector<std::string>;

struct TreebankCase {
  const char* name;
  std::string text;
  Tokens expected;  // from NLTK 3.8 TreebankWordTokenizer().tokenize(text)
};

void PrintTo(const TreebankCase& c, std::ostream* os) {
  *os << c.name;
}

class TreebankTableTest : public ::testing::TestWithParam<TreebankCase> {};

TEST_P(TreebankTableTest, MatchesNltk) {
  EXPECT_EQ(treebank_tokenize(GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Nltk, TreebankTableTest,
    ::testing::Values(
        TreebankCase{"doc_example",
                     "Good muffins cost $3.88\nin New York.  Please buy me\ntwo of them.\nThanks.",
                     {"Good", "muffins", "cost", "$", "3.88", "in", "New", "York.", "Please", "buy",
                      "me", "two", "of", "them.", "Thanks", "."}},
        TreebankCase{"clitic_ll",
                     "They'll save and invest more.",
                     {"They", "'ll", "save", "and", "invest", "more", "."}},
        TreebankCase{"cant_trailing_comma",
                     "hi, my name can't hello,",
                     {"hi", ",", "my", "name", "ca", "n't", "hello", ","}},
        TreebankCase{
            "quotes", "\"Hello,\" she said.", {"``", "Hello", ",", "''", "she", "said", "."}},
        TreebankCase{
            "money_and_percent",
            "Sales rose 5% to $1,234.56 (a record).",
            {"Sales", "rose", "5", "%", "to", "$", "1,234.56", "(", "a", "record", ")", "."}},
        TreebankCase{"contractions",
                     "I cannot go, gonna stay.",
                     {"I", "can", "not", "go", ",", "gon", "na", "stay", "."}},
        TreebankCase{"tis", "'Tis true.", {"'T", "is", "true", "."}},
        TreebankCase{"ellipsis_and_dashes", "Wait... no--yes", {"Wait", "...", "no", "--", "yes"}},
        TreebankCase{
            "mid_sentence_period", "The U.S. grew. Fast.", {"The", "U.S.", "grew.", "Fast", "."}},
        TreebankCase{"colon_before_digit", "At 10:30, ok:", {"At", "10:30", ",", "ok", ":"}},
        TreebankCase{"empty", "", {}}, TreebankCase{"whitespace_only", " \t\n", {}},
        TreebankCase{"lone_period", ".", {"."}},
        TreebankCase{"not_a_contraction", "cannoted wannabe", {"cannoted", "wannabe"}}),
    [](const auto& p) { return std::string(p.param.name); });

// Every case of the committed NLTK fixture (synthesised tricky text; see
// tests/data/tokenize/make_treebank_fixture.py).
TEST(TreebankFixture, MatchesNltkOnEveryCase) {
  const std::string content =
      secnlp::testing::read_file(secnlp::testing::fixture_path("tokenize/treebank_fixture.tsv"));
  const auto cases = fixture::parse_fixture(content);
  ASSERT_GT(cases.size(), 3000u);
  int failures = 0;
  for (const auto& c : cases) {
    const Tokens got = treebank_tokenize(c.text);
    if (got != c.tokens) {
      if (++failures <= 20) {
        std::string g, w;
        for (const auto& t : got)
          g += "[" + t + "]";
        for (const auto& t : c.tokens)
          w += "[" + t + "]";
        ADD_FAILURE() << "line " << c.line << ": " << fixture::escape(c.text) << "\n got " << g
                      << "\nwant " << w;
      }
    }
  }
  EXPECT_EQ(failures, 0);
}

TEST(TreebankAppend, AppendsWithoutClearing) {
  std::vector<std::string> out = {"keep"};
  treebank_tokenize("a b.", out);
  EXPECT_EQ(out, (Tokens{"keep", "a", "b", "."}));
}

TEST(TreebankHostile, IllFormedUtf8PassesThrough) {
  const std::string bad = "ab\xFF\xC3 cd\xE2\x80.";
  const Tokens got = treebank_tokenize(bad);
  EXPECT_EQ(got, (Tokens{"ab\xFF\xC3", "cd\xE2\x80", "."}));
}

}  // namespace
}  // namespace secnlp::nlp
