#include "nlp/regex/regex_cleaner.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "common/error.h"

namespace secnlp::nlp {
namespace {

struct CleanCase {
  const char* name;
  std::string input;
  std::string expected;
};

void PrintTo(const CleanCase& c, std::ostream* os) {
  *os << c.name;
}

class DefaultRulesTest : public ::testing::TestWithParam<CleanCase> {};

TEST_P(DefaultRulesTest, Cleans) {
  static const RegexCleaner cleaner(RegexCleaner::default_rules());
  EXPECT_EQ(cleaner.apply(GetParam().input), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Filing, DefaultRulesTest,
    ::testing::Values(
        CleanCase{"sgml_table_tags",
                  "Net sales\n<TABLE>\n<CAPTION>\n<S>   <C>\nTotal  100\n</TABLE>\nEnd\n",
                  "Net sales\n\nTotal 100\n\nEnd\n"},
        CleanCase{"sgml_page_tag", "end of page\n<PAGE>\nnext page\n",
                  "end of page\n\nnext page\n"},
        CleanCase{"html_like_text_kept", "a <b> tag and <Sub> stay\n",
                  "a <b> tag and <Sub> stay\n"},
        CleanCase{"bare_page_number", "end of page.\n12\nNext page.\n",
                  "end of page.\nNext page.\n"},
        CleanCase{"dashed_page_number", "a\n  - 12 -  \nb", "a\nb"},
        CleanCase{"page_word", "a\nPage 7\nb\nPAGE 8 of 90\nc", "a\nb\nc"},
        CleanCase{"exhibit_page", "a\nF-7\nb\nA-12\n", "a\nb\n"},
        CleanCase{"page_number_last_line", "a\n12", "a\n"},
        CleanCase{"consecutive_page_lines", "a\n1\n2\nb", "a\nb"},
        CleanCase{"crlf_page_line", "a\r\n12\r\nb", "a\r\nb"},
        CleanCase{"year_line_kept", "a\n2023\nb", "a\n2023\nb"},
        CleanCase{"number_in_sentence_kept", "We had 12 stores.\n", "We had 12 stores.\n"},
        CleanCase{"amount_kept", "a\n1,234\nb", "a\n1,234\nb"},
        CleanCase{"footer_page_first", "a\n12 | Apple Inc. 2023 Form 10-K\nb", "a\nb"},
        CleanCase{"footer_page_last", "a\nApple Inc. | 2023 Form 10-K | 45\nb", "a\nb"},
        CleanCase{"pipe_without_form_kept", "a\n12 | 13\nb", "a\n12 | 13\nb"},
        CleanCase{"table_of_contents", "a\nTable of Contents\nb\nTABLE OF CONTENTS \nc", "a\nb\nc"},
        CleanCase{"index_line", "a\nIndex\nb", "a\nb"},
        CleanCase{"index_in_sentence_kept", "The Index rose.\n", "The Index rose.\n"},
        CleanCase{"toc_in_sentence_kept", "See the Table of Contents above.",
                  "See the Table of Contents above."},
        CleanCase{"url_http", "Visit https://www.apple.com/investor for more.", "Visit for more."},
        CleanCase{"url_www_before_period", "See www.sec.gov.", "See ."},
        CleanCase{"url_case", "See HTTP://X.COM/a now", "See now"},
        CleanCase{"not_a_url", "the www is big", "the www is big"},
        CleanCase{"space_runs", "a  b\t\tc \t d", "a b c d"},
        CleanCase{"single_tab", "a\tb", "a b"},
        CleanCase{"trailing_spaces", "a   \nb \t\nc  ", "a\nb\nc"},
        CleanCase{"blank_lines", "a\n\n\n\nb\n \n\t\n\nc", "a\n\nb\n\nc"},
        CleanCase{"two_newlines_kept", "a\n\nb", "a\n\nb"},
        CleanCase{"page_break_inside_paragraph", "revenue\n\n- 3 -\n\n\nincreased",
                  "revenue\n\nincreased"},
        CleanCase{"empty", "", ""}),
    [](const auto& p) { return std::string(p.param.name); });

struct BadRuleCase {
  const char* name;
  RegexRule rule;
};

void PrintTo(const BadRuleCase& c, std::ostream* os) {
  *os << c.name;
}

class BadRuleTest : public ::testing::TestWithParam<BadRuleCase> {};

TEST_P(BadRuleTest, RejectedWithRuleName) {
  try {
    RegexCleaner cleaner({{"ok", "a", "b"}, GetParam().rule});
    FAIL() << "expected secnlp::Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConfig);
    EXPECT_NE(std::string(e.what()).find("regex rule '" + GetParam().rule.name + "'"),
              std::string::npos)
        << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Rejected, BadRuleTest,
    ::testing::Values(BadRuleCase{"unbalanced", {"unbalanced", "(a", ""}},
                      BadRuleCase{"bad_repeat", {"bad_repeat", "a**", ""}},
                      BadRuleCase{"backreference", {"backreference", R"((a)\1)", ""}},
                      BadRuleCase{"missing_group", {"missing_group", "(a)", R"(\2)"}},
                      BadRuleCase{"group_without_groups", {"group_without_groups", "a", R"(\1)"}},
                      BadRuleCase{"lookahead", {"lookahead", "a(?=b)", ""}}),
    [](const auto& p) { return std::string(p.param.name); });

struct CustomCase {
  const char* name;
  std::vector<RegexRule> rules;
  std::string input;
  std::string expected;
};

void PrintTo(const CustomCase& c, std::ostream* os) {
  *os << c.name;
}

class CustomRulesTest : public ::testing::TestWithParam<CustomCase> {};

TEST_P(CustomRulesTest, AppliesInOrder) {
  const RegexCleaner cleaner(GetParam().rules);
  EXPECT_EQ(cleaner.apply(GetParam().input), GetParam().expected);
  EXPECT_EQ(cleaner.rules().size(), GetParam().rules.size());
}

INSTANTIATE_TEST_SUITE_P(
    Custom, CustomRulesTest,
    ::testing::Values(
        CustomCase{
            "groups", {{"swap", R"((\w+)-(\w+))", R"(\2-\1)"}}, "ab-cd ef-gh", "cd-ab gh-ef"},
        // The second rule sees the first rule's output.
        CustomCase{"sequential", {{"a2b", "a", "b"}, {"b2c", "b", "c"}}, "ab", "cc"},
        // A prefiltered rule must still run when an earlier rule created its literal.
        CustomCase{"prefilter_after_rewrite",
                   {{"make", "xyz", "http://q"}, {"urls", R"(http://\S+)", "URL"}},
                   "see xyz",
                   "see URL"},
        CustomCase{"prefilter_case_insensitive", {{"word", "(?i)dividend", "D"}}, "DiViDeNd", "D"},
        CustomCase{"no_rules", {}, "unchanged", "unchanged"}),
    [](const auto& p) { return std::string(p.param.name); });

TEST(RegexCleanerThreads, ConcurrentApplyAgrees) {
  const RegexCleaner cleaner(RegexCleaner::default_rules());
  const std::string input = "Text  here.\n12\nSee www.x.com now.\n\n\n\nEnd\n";
  const std::string expected = cleaner.apply(input);
  std::vector<std::thread> threads;
  std::vector<int> ok(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int good = 0;
      for (int i = 0; i < 200; ++i)
        good += cleaner.apply(input) == expected ? 1 : 0;
      ok[static_cast<std::size_t>(t)] = good;
    });
  }
  for (auto& th : threads)
    th.join();
  for (int good : ok)
    EXPECT_EQ(good, 200);
  EXPECT_EQ(expected, "Text here.\nSee now.\n\nEnd\n");
}

// Hostile input: the work (bytes examined by prefilters and RE2 passes) must double, not
// quadruple, when the text doubles. Each bait is a text the prefilters used to rescan: many of
// one spelling of an atom's first letter and none of the other, or many near-misses of an atom.
struct LinearCase {
  const char* name;
  std::string unit;  // repeated to build the text
};

class RegexCleanerLinear : public ::testing::TestWithParam<LinearCase> {};

TEST_P(RegexCleanerLinear, WorkDoublesWithTheText) {
  const RegexCleaner cleaner(RegexCleaner::default_rules());
  auto work = [&](std::size_t bytes) {
    std::string text;
    while (text.size() < bytes)
      text += GetParam().unit;
    CleanStats stats;
    const std::string out = cleaner.apply(text + "\nsee HTTP://example.com/x now\n", &stats);
    EXPECT_EQ(out.find("example.com"), std::string::npos) << "the URL after the bait survived";
    return static_cast<double>(stats.bytes_examined);
  };
  const double small = work(std::size_t{1} << 19);
  const double large = work(std::size_t{1} << 20);
  EXPECT_GT(small, 0.0);
  EXPECT_LE(large / small, 2.2) << small << " then " << large << " bytes examined";
}

INSTANTIATE_TEST_SUITE_P(
    Hostile, RegexCleanerLinear,
    ::testing::Values(LinearCase{"lower_w_h_no_upper", "which whole how we whom "},
                      LinearCase{"upper_w_h_no_lower", "WHICH WHOLE HOW WE WHOM "},
                      LinearCase{"near_miss_http", "htt http:/ www wwwx ww. "},
                      LinearCase{"one_long_line", "hw"},
                      LinearCase{"spaces_and_lines", "h \t  w\n \n\n\n12\n"}),
    [](const auto& p) { return std::string(p.param.name); });

}  // namespace
}  // namespace secnlp::nlp
