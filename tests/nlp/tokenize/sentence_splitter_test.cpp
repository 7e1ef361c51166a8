#include "nlp/tokenize/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace secnlp::nlp {
namespace {

using Sentences = std::vector<std::string>;

Sentences split_text(const SentenceSplitter& splitter, std::string_view text) {
  Sentences out;
  for (const Span& s : splitter.split(text))
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

struct SplitCase {
  const char* name;
  std::string text;
  Sentences expected;
  LineBreaks line_breaks = LineBreaks::kHard;
};

void PrintTo(const SplitCase& c, std::ostream* os) {
  *os << c.name;
}

class SentenceTableTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(SentenceTableTest, Splits) {
  SentenceOptions options;
  options.line_breaks = GetParam().line_breaks;
  const SentenceSplitter splitter(options);
  EXPECT_EQ(split_text(splitter, GetParam().text), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Filing, SentenceTableTest,
    ::testing::Values(
        SplitCase{"plain",
                  "Net sales rose. Costs fell! Why? Margins grew.",
                  {"Net sales rose.", "Costs fell!", "Why?", "Margins grew."}},
        SplitCase{"inc_before_lowercase",
                  "Apple Inc. and its subsidiaries design products.",
                  {"Apple Inc. and its subsidiaries design products."}},
        SplitCase{"inc_at_sentence_end",
                  "We compete with Apple Inc. The market is large.",
                  {"We compete with Apple Inc.", "The market is large."}},
        SplitCase{"inc_before_parenthesis",
                  "Apple Inc. (\u201cApple\u201d) designs products.",
                  {"Apple Inc. (\u201cApple\u201d) designs products."}},
        SplitCase{"co_then_llc",
                  "Goldman Sachs & Co. LLC acted as agent.",
                  {"Goldman Sachs & Co. LLC acted as agent."}},
        SplitCase{"caps_company",
                  "APPLE INC. The Company sells phones.",
                  {"APPLE INC.", "The Company sells phones."}},
        SplitCase{"co_ltd",
                  "Acme Holdings Co. Ltd. Supplies parts to us.",
                  {"Acme Holdings Co. Ltd.", "Supplies parts to us."}},
        SplitCase{"heading_caps",
                  "ITEM 1A. RISK FACTORS\nOur business is risky.",
                  {"ITEM 1A. RISK FACTORS", "Our business is risky."}},
        SplitCase{"item_mid_sentence",
                  "As discussed in Part II, Item 7. The outlook is good.",
                  {"As discussed in Part II, Item 7.", "The outlook is good."}},
        SplitCase{"us_gaap",
                  "Results follow U.S. GAAP and are audited.",
                  {"Results follow U.S. GAAP and are audited."}},
        SplitCase{"us_at_end",
                  "We sell in the U.S. The rest is abroad.",
                  {"We sell in the U.S.", "The rest is abroad."}},
        SplitCase{"bank_na",
                  "The lender is JPMorgan Chase Bank, N.A. Interest accrues monthly.",
                  {"The lender is JPMorgan Chase Bank, N.A.", "Interest accrues monthly."}},
        SplitCase{"registration_no",
                  "See Registration No. 333-12345 for details.",
                  {"See Registration No. 333-12345 for details."}},
        SplitCase{"no_as_answer",
                  "The answer was No. The vote failed.",
                  {"The answer was No.", "The vote failed."}},
        SplitCase{"titles",
                  "Mr. Cook and Ms. Adams met Dr. Smith. They agreed.",
                  {"Mr. Cook and Ms. Adams met Dr. Smith.", "They agreed."}},
        SplitCase{"month",
                  "On Jan. 15, 2023 we paid. Then we rested.",
                  {"On Jan. 15, 2023 we paid.", "Then we rested."}},
        SplitCase{"eg_ie",
                  "Some costs, e.g. Freight, rose; others, i.e. Rent, fell.",
                  {"Some costs, e.g. Freight, rose; others, i.e. Rent, fell."}},
        SplitCase{"etc_lowercase",
                  "Phones, tablets, etc. and services grew.",
                  {"Phones, tablets, etc. and services grew."}},
        SplitCase{"etc_at_end",
                  "We sell phones, tablets, etc. Services also grew.",
                  {"We sell phones, tablets, etc.", "Services also grew."}},
        SplitCase{"initials",
                  "We hired J. P. Morgan Securities. It advised us.",
                  {"We hired J. P. Morgan Securities.", "It advised us."}},
        SplitCase{"class_label",
                  "We issued shares of Class A. The shares vote.",
                  {"We issued shares of Class A.", "The shares vote."}},
        SplitCase{"section_number",
                  "As defined in Section 3.2 of the Plan, the award vests.",
                  {"As defined in Section 3.2 of the Plan, the award vests."}},
        SplitCase{"section_number_digit", "See Section 3. 2 below.", {"See Section 3. 2 below."}},
        SplitCase{"rule_at_end",
                  "We rely on Rule 144A. The notes are unregistered.",
                  {"We rely on Rule 144A.", "The notes are unregistered."}},
        SplitCase{"vs_fig",
                  "Revenue vs. Cost is in Fig. 3 and Exh. A.",
                  {"Revenue vs. Cost is in Fig. 3 and Exh. A."}},
        SplitCase{"et_al",
                  "Smith et al. 2020 found this. Others did not.",
                  {"Smith et al. 2020 found this.", "Others did not."}},
        SplitCase{"sec_is_not_section",
                  "We file reports with the SEC. They are public.",
                  {"We file reports with the SEC.", "They are public."}},
        SplitCase{"hard_newlines",
                  "Item 1. Business\nApple Inc. designs phones\nNet sales rose",
                  {"Item 1. Business", "Apple Inc. designs phones", "Net sales rose"}},
        SplitCase{"hard_no_merge_across_newline",
                  "We compete with Apple Inc.\nand others",
                  {"We compete with Apple Inc.", "and others"}},
        SplitCase{
            "paragraph_unwraps",
            "Net sales of the Company\nincreased in 2023. Costs\nfell.\n\nNew paragraph here",
            {"Net sales of the Company\nincreased in 2023.", "Costs\nfell.", "New paragraph here"},
            LineBreaks::kParagraph},
        SplitCase{"paragraph_blank_line_with_spaces",
                  "First part\n  \t\nsecond part",
                  {"First part", "second part"},
                  LineBreaks::kParagraph},
        SplitCase{"paragraph_merges_across_wrap",
                  "Apple Inc.\nand its subsidiaries sell.",
                  {"Apple Inc.\nand its subsidiaries sell."},
                  LineBreaks::kParagraph},
        SplitCase{"crlf", "One.\r\nTwo.\r\n", {"One.", "Two."}},
        SplitCase{
            "whitespace_trimmed", "  \u00a0Lead and trail.\u2003 \n\n  ", {"Lead and trail."}},
        SplitCase{"quotes_after_period",
                  "He said \u201cstop.\u201d Then he left.",
                  {"He said \u201cstop.\u201d", "Then he left."}},
        SplitCase{"empty", "", {}}, SplitCase{"only_space", " \n\t\n ", {}}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(SentenceSplitterOptions, ExtraAbbreviations) {
  const std::string text = "Shares of Acme Hldgs. 2023 Results follow.";
  EXPECT_EQ(split_text(SentenceSplitter(), text),
            (Sentences{"Shares of Acme Hldgs.", "2023 Results follow."}));
  SentenceOptions options;
  options.extra_abbreviations = {"Hldgs."};
  EXPECT_EQ(split_text(SentenceSplitter(options), text), (Sentences{text}));
  EXPECT_EQ(SentenceSplitter(options).options().extra_abbreviations.size(), 1u);
}

TEST(SentenceSplitterSpans, OffsetsAreBytesIntoInput) {
  const std::string text = "\u00c9t\u00e9 fut bon. Caf\u00e9 ferm\u00e9.";
  const auto spans = SentenceSplitter().split(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Span{0, 14}));
  EXPECT_EQ(spans[1].end, text.size());
}

TEST(SentenceSplitterHostile, IllFormedUtf8) {
  const std::string text = "Bad \xFF\xFE bytes. More \xC3 here.";
  const auto spans = SentenceSplitter().split(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[1].end, text.size());
}

TEST(SentenceSplitterThreads, ConcurrentSplitsAgree) {
  const SentenceSplitter splitter;
  std::string text;
  for (int i = 0; i < 50; ++i)
    text += "Apple Inc. sells phones. The U.S. market grew. ";
  const auto expected = splitter.split(text);
  ASSERT_EQ(expected.size(), 100u);
  std::vector<int> good(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 50; ++i)
        good[static_cast<std::size_t>(t)] += splitter.split(text) == expected;
    });
  }
  for (auto& th : threads)
    th.join();
  for (int g : good)
    EXPECT_EQ(g, 50);
}

}  // namespace
}  // namespace secnlp::nlp
