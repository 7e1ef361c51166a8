#include "nlp/tokenize/case.h"

#include <gtest/gtest.h>

#include <string>

namespace secnlp::nlp {
namespace {

struct LowerCase {
  const char* name;
  std::string input;
  std::string expected;  // Python str.lower()
};

void PrintTo(const LowerCase& c, std::ostream* os) {
  *os << c.name;
}

class ToLowerTest : public ::testing::TestWithParam<LowerCase> {};

TEST_P(ToLowerTest, MatchesPythonLower) {
  EXPECT_EQ(to_lower(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Python, ToLowerTest,
    ::testing::Values(LowerCase{"ascii", "Net Sales 2023 ABC", "net sales 2023 abc"},
                      LowerCase{"empty", "", ""},
                      LowerCase{"latin1", "\u00c9COLE Stra\u00dfe", "\u00e9cole stra\u00dfe"},
                      LowerCase{"dotted_capital_i", "\u0130", "i\u0307"},
                      LowerCase{"final_sigma", "\u039f\u0394\u039f\u03a3",
                                "\u03bf\u03b4\u03bf\u03c2"},
                      LowerCase{"sigma_not_final", "\u03a3\u0391", "\u03c3\u03b1"},
                      LowerCase{"cyrillic", "\u041c\u041e\u0421\u041a\u0412\u0410",
                                "\u043c\u043e\u0441\u043a\u0432\u0430"},
                      LowerCase{"capital_sharp_s", "\u1e9e", "\u00df"},
                      LowerCase{"ill_formed_kept",
                                "AB\xFF"
                                "C\xC3",
                                "ab\xFF"
                                "c\xC3"}),
    [](const auto& p) { return std::string(p.param.name); });

struct AlnumCase {
  const char* name;
  std::string token;
  bool expected;
};

void PrintTo(const AlnumCase& c, std::ostream* os) {
  *os << c.name;
}

class HasAlnumTest : public ::testing::TestWithParam<AlnumCase> {};

TEST_P(HasAlnumTest, Classifies) {
  EXPECT_EQ(has_alnum(GetParam().token), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Tokens, HasAlnumTest,
    ::testing::Values(AlnumCase{"word", "sales", true}, AlnumCase{"digit", "$5", true},
                      AlnumCase{"contraction", "n't", true}, AlnumCase{"accented", "\u00e9", true},
                      AlnumCase{"cjk", "\u6771", true},
                      AlnumCase{"superscript_two", "\u00b2", true}, AlnumCase{"period", ".", false},
                      AlnumCase{"backticks", "``", false}, AlnumCase{"underscore", "_", false},
                      AlnumCase{"dashes", "--", false}, AlnumCase{"curly_quote", "\u201c", false},
                      AlnumCase{"combining_mark", "\u0301", false}, AlnumCase{"empty", "", false},
                      AlnumCase{"ill_formed", "\xFF\xC3", false}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace secnlp::nlp
