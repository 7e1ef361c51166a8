#include "nlp/normalize/normalizer.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace secnlp::nlp {
namespace {

using namespace std::string_literals;

struct NormCase {
  const char* name;
  NormalizeOptions options;
  std::string in;
  std::string out;
};

void PrintTo(const NormCase& c, std::ostream* os) {
  *os << c.name;
}

class NormalizerTest : public ::testing::TestWithParam<NormCase> {};

TEST_P(NormalizerTest, Normalizes) {
  const NormCase& c = GetParam();
  EXPECT_EQ(Normalizer(c.options).normalize(c.in), c.out);
}

constexpr NormalizeOptions kDefault{};
constexpr NormalizeOptions kFold{true, true, true, true};
constexpr NormalizeOptions kNothing{false, false, false, false};
constexpr NormalizeOptions kNoNfkc{false, true, true, false};
constexpr NormalizeOptions kNoUnify{true, false, true, false};
constexpr NormalizeOptions kNoC1{true, true, false, false};

const NormCase kCases[] = {
    {"empty", kDefault, "", ""},
    {"ascii_unchanged", kDefault, "Item 1A. Risk Factors\n\tx", "Item 1A. Risk Factors\n\tx"},
    {"ascii_crlf_ff_controls", kDefault,
     "a\r\nb\rc\fd\ve\x01\x7F"
     "f",
     "a\nb\nc\nd\nef"},
    {"ascii_nothing_keeps_cr", kNothing, "a\r\nB", "a\r\nB"},
    {"ascii_fold", kFold, "Apple INC.\r\n", "apple inc.\n"},
    // Quotes.
    {"single_quotes", kDefault,
     "\xE2\x80\x98q\xE2\x80\x99 \xE2\x80\x9A \xE2\x80\x9B \xE2\x80\xB2 "
     "\xE2\x80\xB5 \xE2\x80\xB9\xE2\x80\xBA \xCA\xBC \xEF\xBC\x87",
     "'q' ' ' ' ' '' ' '"},
    {"double_quotes", kDefault,
     "\xE2\x80\x9Cq\xE2\x80\x9D \xE2\x80\x9E \xE2\x80\x9F \xC2\xAB\xC2\xBB "
     "\xEF\xBC\x82",
     "\"q\" \" \" \"\" \""},
    {"double_prime_nfkc_then_unify", kDefault, "5\xE2\x80\xB3", "5''"},
    {"double_prime_without_nfkc", kNoNfkc, "5\xE2\x80\xB3", "5\""},
    // Dashes.
    {"dashes", kDefault,
     "a\xE2\x80\x90"
     "b\xE2\x80\x91"
     "c\xE2\x80\x92"
     "d\xE2\x80\x93"
     "e\xE2\x80\x94"
     "f\xE2\x80\x95"
     "g\xE2\x88\x92"
     "h\xEF\xB9\x98"
     "i\xEF\xBC\x8D"
     "j",
     "a-b-c-d-e-f-g-h-i-j"},
    // Spaces and invisible characters.
    {"spaces", kDefault,
     "a\xC2\xA0"
     "b\xE2\x80\x89"
     "c\xE2\x80\x87"
     "d\xE2\x80\xAF"
     "e\xE3\x80\x80"
     "f\xE2\x80\x83"
     "g",
     "a b c d e f g"},
    {"spaces_without_nfkc", kNoNfkc,
     "a\xC2\xA0"
     "b\xE2\x80\xAF"
     "c\xE3\x80\x80"
     "d",
     "a b c d"},
    {"zero_width_removed", kDefault,
     "\xEF\xBB\xBF"
     "co\xC2\xAD"
     "op\xE2\x80\x8B"
     "er\xE2\x80\x8C"
     "a\xE2\x80\x8D"
     "t\xE2\x81\xA0"
     "ive",
     "cooperative"},
    {"line_separators", kDefault,
     "a\xE2\x80\xA8"
     "b\xE2\x80\xA9"
     "c",
     "a\nb\nc"},
    {"ellipsis", kDefault, "wait\xE2\x80\xA6", "wait..."},
    {"ellipsis_without_nfkc", kNoNfkc, "wait\xE2\x80\xA6", "wait..."},
    {"bullets", kDefault, "\xE2\x80\xA2 a \xE2\x96\xAA b \xE2\x97\x8F c \xE2\x97\xA6 d",
     "* a * b * c * d"},
    {"checkboxes_kept", kDefault, "\xE2\x98\x92 Yes \xE2\x98\x90 No",
     "\xE2\x98\x92 Yes \xE2\x98\x90 No"},
    // NFKC.
    {"ligatures", kDefault,
     "\xEF\xAC\x81nancial e\xEF\xAC\x80"
     "ect",
     "financial effect"},
    {"fullwidth", kDefault,
     "\xEF\xBC\xA1\xEF\xBC\xB0\xEF\xBC\xB0\xEF\xBC\xAC \xEF\xBC\x91\xEF\xBC\x92", "APPL 12"},
    {"superscript_and_trademark", kDefault, "x\xC2\xB2 Apple\xE2\x84\xA2", "x2 AppleTM"},
    {"composed", kDefault, "cafe\xCC\x81", "caf\xC3\xA9"},
    {"no_nfkc_keeps_ligature", kNoNfkc, "\xEF\xAC\x81", "\xEF\xAC\x81"},
    // C1 repair (cp1252 bytes mis-decoded as Latin-1).
    {"c1_apostrophe", kDefault, "company\xC2\x92s", "company's"},
    {"c1_quotes_dashes_euro", kDefault,
     "\xC2\x93q\xC2\x94 \xC2\x96 \xC2\x97 \xC2\x80"
     "5",
     "\"q\" - - \xE2\x82\xAC"
     "5"},
    {"c1_ellipsis_trademark", kDefault, "\xC2\x85\xC2\x99", "...TM"},
    {"c1_undefined_removed", kDefault,
     "a\xC2\x81"
     "b\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D"
     "c",
     "abc"},
    {"c1_without_unify", kNoUnify, "it\xC2\x92s", "it\xE2\x80\x99s"},
    {"c1_repair_off", kNoC1, "it\xC2\x92s", "it\xC2\x92s"},
    {"nothing_keeps_everything", kNothing, "\xE2\x80\x9C\xEF\xAC\x81\xC2\x92",
     "\xE2\x80\x9C\xEF\xAC\x81\xC2\x92"},
    // Case folding.
    {"fold_unicode", kFold,
     "STRASSE Stra\xC3\x9F"
     "e \xC3\x89T\xC3\x89 \xCE\xA3",
     "strasse strasse \xC3\xA9t\xC3\xA9 \xCF\x83"},
    {"fold_after_nfkc", kFold, "\xE3\x8E\x92", "mhz"},
    {"no_fold_by_default", kDefault, "\xC3\x89T\xC3\x89", "\xC3\x89T\xC3\x89"},
    // Ill-formed input.
    {"invalid_utf8_replaced", kDefault,
     "a\xFF"
     "b\xC0\xAF",
     "a\xEF\xBF\xBD"
     "b\xEF\xBF\xBD\xEF\xBF\xBD"},
    {"nul_kept", kNothing, "a\0\xC3\xA9"s, "a\0\xC3\xA9"s},
};

INSTANTIATE_TEST_SUITE_P(Table, NormalizerTest, ::testing::ValuesIn(kCases),
                         [](const auto& row) { return std::string(row.param.name); });

// The ASCII fast path must give what the ICU path gives: appending a character every step leaves
// alone ("€") forces the ICU path on the same ASCII text.
struct AsciiCase {
  const char* name;
  std::string ascii;
};

void PrintTo(const AsciiCase& c, std::ostream* os) {
  *os << c.name;
}

class AsciiFastPathTest : public ::testing::TestWithParam<AsciiCase> {};

TEST_P(AsciiFastPathTest, MatchesIcuPath) {
  const std::string euro = "\xE2\x82\xAC";
  for (const NormalizeOptions& o : {kDefault, kFold, kNothing, kNoNfkc, kNoUnify}) {
    const Normalizer n(o);
    EXPECT_EQ(n.normalize(GetParam().ascii + euro), n.normalize(GetParam().ascii) + euro)
        << o.nfkc << o.unify_punctuation << o.case_fold;
  }
}

std::string all_ascii() {
  std::string s;
  for (int c = 1; c < 128; ++c)
    s.push_back(static_cast<char>(c));
  return s;
}

const AsciiCase kAsciiCases[] = {
    {"words", "The Company's NET SALES rose 5% - \"strongly\" `quoted`"},
    {"every_byte", all_ascii()},
    {"crlf", "a\r\nb\r\r\n\n"},
    {"nul", "a\0b"s},
};

INSTANTIATE_TEST_SUITE_P(Table, AsciiFastPathTest, ::testing::ValuesIn(kAsciiCases),
                         [](const auto& row) { return std::string(row.param.name); });

TEST(NormalizerTest, SharedInstanceIsConst) {
  const Normalizer n;
  EXPECT_EQ(n.options().nfkc, true);
  EXPECT_EQ(n.options().case_fold, false);
  EXPECT_EQ(n.normalize("\xE2\x80\x99"), "'");
}

}  // namespace
}  // namespace secnlp::nlp
