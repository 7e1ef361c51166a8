#include "nlp/tokenize/pattern_tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/error.h"
#include "tests/nlp/tokenize/fixture_io.h"
#include "tests/support/test_data.h"

namespace secnlp::nlp {
namespace {

using Tokens = std::vector<std::string>;

Tokens run(const PatternTokenizer& t, std::string_view text) {
  Tokens out;
  t.tokenize(text, out);
  return out;
}

// Every case of the committed scikit-learn fixture (make_pattern_fixture.py), which includes
// non-ASCII words, combining marks, other scripts' digits and numeric symbols.
TEST(PatternFixture, DefaultMatchesSklearnOnEveryCase) {
  const auto cases = fixture::parse_fixture(
      secnlp::testing::read_file(secnlp::testing::fixture_path("tokenize/pattern_fixture.tsv")));
  ASSERT_GT(cases.size(), 3000u);
  const PatternTokenizer by_default;
  const PatternTokenizer by_name(R"((?u)\b\w\w+\b)");
  int failures = 0;
  for (const auto& c : cases) {
    const Tokens got = run(by_default, c.text);
    if (got != c.tokens && ++failures <= 20) {
      std::string g;
      for (const auto& t : got)
        g += "[" + t + "]";
      ADD_FAILURE() << "line " << c.line << ": " << fixture::escape(c.text) << "\n got " << g;
    }
    EXPECT_EQ(run(by_name, c.text), got);
  }
  EXPECT_EQ(failures, 0);
}

struct PatternCase {
  const char* name;
  std::string pattern;
  std::string text;
  Tokens expected;  // what re.findall(pattern, text) returns in Python
};

void PrintTo(const PatternCase& c, std::ostream* os) {
  *os << c.name;
}

class CustomPatternTest : public ::testing::TestWithParam<PatternCase> {};

TEST_P(CustomPatternTest, FindAll) {
  const PatternTokenizer tokenizer(GetParam().pattern);
  EXPECT_EQ(run(tokenizer, GetParam().text), GetParam().expected);
  EXPECT_EQ(tokenizer.pattern(), GetParam().pattern);
}

INSTANTIATE_TEST_SUITE_P(
    Re2, CustomPatternTest,
    ::testing::Values(
        PatternCase{"whole_match", R"([A-Za-z]+)", "Net sales, 2023: up", {"Net", "sales", "up"}},
        PatternCase{"one_group_is_token", R"(\$(\d+))", "$12 and $345", {"12", "345"}},
        PatternCase{"unmatched_group_is_empty", R"(a(b)?)", "ab a", {"b", ""}},
        PatternCase{"u_flag_dropped", R"((?u)\d+)", "10 and 20", {"10", "20"}},
        PatternCase{
            "unicode_letters", R"(\pL+)", "caf\u00e9 \u00c9cole", {"caf\u00e9", "\u00c9cole"}},
        PatternCase{"empty_matches", "x*", "ab", {"", "", ""}},
        PatternCase{"empty_matches_after_token", "a*", "ab", {"a", "", ""}},
        PatternCase{"word_boundary_context", R"(\bb+)", "abb bb", {"bb"}},
        PatternCase{"no_match", R"(\d+)", "none", {}}),
    [](const auto& p) { return std::string(p.param.name); });

struct RejectCase {
  const char* name;
  std::string pattern;
};

void PrintTo(const RejectCase& c, std::ostream* os) {
  *os << c.name;
}

class RejectedPatternTest : public ::testing::TestWithParam<RejectCase> {};

TEST_P(RejectedPatternTest, ThrowsConfig) {
  try {
    PatternTokenizer tokenizer(GetParam().pattern);
    FAIL() << "expected secnlp::Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConfig);
    EXPECT_NE(std::string(e.what()).find("token pattern"), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(Rejected, RejectedPatternTest,
                         ::testing::Values(RejectCase{"unbalanced", "(ab"},
                                           RejectCase{"two_groups", "(a)(b)"},
                                           RejectCase{"lookbehind", "(?<=a)b"},
                                           RejectCase{"bad_escape", R"(\p{Nope})"}),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(PatternDefault, IllFormedUtf8IsNotAWordCharacter) {
  const PatternTokenizer tokenizer;
  EXPECT_EQ(run(tokenizer,
                "ab\xFF"
                "cd \xC3"
                "ef"),
            (Tokens{"ab", "cd", "ef"}));
}

}  // namespace
}  // namespace secnlp::nlp
