#include <gtest/gtest.h>

#include "nlp/sec/section_map.h"

namespace secnlp::nlp::sec {
namespace {

TEST(FormFamilyTest, FromFormType) {
  const std::vector<std::pair<std::string, FormFamily>> rows = {
      {"10-K", FormFamily::k10K},     {"10-K405", FormFamily::k10K}, {"10-KT", FormFamily::k10K},
      {"10-K/A", FormFamily::k10K},   {" 10k ", FormFamily::k10K},   {"10-Q", FormFamily::k10Q},
      {"10-Q/A", FormFamily::k10Q},   {"8-K", FormFamily::k8K},      {"8-K/A", FormFamily::k8K},
      {"8-K12B", FormFamily::k8K},    {"S-1", FormFamily::kOther},   {"", FormFamily::kOther},
      {"DEF 14A", FormFamily::kOther}};
  for (const auto& [form, family] : rows)
    EXPECT_EQ(form_family(form), family) << form;
}

TEST(FormFamilyTest, GuessedFromTheCoverPage) {
  const std::vector<std::pair<std::string, FormFamily>> rows = {
      {"UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nFORM 10-K\n", FormFamily::k10K},
      {"Form 10-Q\nQUARTERLY REPORT PURSUANT TO SECTION 13", FormFamily::k10Q},
      {"FORM 8-K\nCURRENT REPORT", FormFamily::k8K},
      {"ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d)", FormFamily::k10K},
      {"FORM 10-K405\n", FormFamily::k10K},
      {"A letter to shareholders with no form named.", FormFamily::kOther},
      {"", FormFamily::kOther},
  };
  for (const auto& [text, family] : rows)
    EXPECT_EQ(guess_form_family(text), family) << text;
  // Only the cover page counts: a form named far into the text is not a guess.
  EXPECT_EQ(guess_form_family(std::string(30000, 'x') + " FORM 10-K"), FormFamily::kOther);
}

TEST(FormFamilyTest, FlagNames) {
  EXPECT_EQ(section_flag_names(0), "");
  EXPECT_EQ(section_flag_names(kSectionEmpty | kSectionCombined), "empty,combined");
  EXPECT_EQ(section_flag_names(kSectionIncorporatedByReference), "incorporated-by-reference");
}

}  // namespace
}  // namespace secnlp::nlp::sec
