#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

#include <re2/re2.h>

#include "nlp/sec/section_map.h"

namespace secnlp::nlp::sec {

FormFamily form_family(std::string_view form) {
  std::string f;
  for (char c : form) {
    if (c == ' ' || c == '\t') continue;
    f.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  if (f.starts_with("10-K") || f.starts_with("10K")) return FormFamily::k10K;
  if (f.starts_with("10-Q") || f.starts_with("10Q")) return FormFamily::k10Q;
  if (f.starts_with("8-K") || f.starts_with("8K")) return FormFamily::k8K;
  return FormFamily::kOther;
}

FormFamily guess_form_family(std::string_view clean_text) {
  // The earliest cover-page phrase wins: exhibits and cross-references come later.
  static const RE2 kForm(
      R"((?i)\bform\s*(10-?k(?:405|sb|t)?|10-?q(?:sb|t)?|8-?k)\b|\b(annual)\s+report\s+pursuant\s+to\s+section\s+13|\b(quarterly)\s+report\s+pursuant\s+to\s+section\s+13|\b(current)\s+report\s+pursuant\s+to\s+section\s+13)");
  re2::StringPiece input(clean_text.data(), std::min<std::size_t>(clean_text.size(), 20000));
  std::string form, annual, quarterly, current;
  if (!RE2::FindAndConsume(&input, kForm, &form, &annual, &quarterly, &current))
    return FormFamily::kOther;
  if (!annual.empty()) return FormFamily::k10K;
  if (!quarterly.empty()) return FormFamily::k10Q;
  if (!current.empty()) return FormFamily::k8K;
  return form_family(form);
}

int guess_filing_year(std::string_view clean_text) {
  static const RE2 kYear(
      R"((?i)(?:fiscal\s+year|quarterly\s+period|period|year|quarter)\s+ended:?\s+(?:[a-z]+\.?\s+\d{1,2},?\s+)?((?:19|20)\d\d)\b)");
  re2::StringPiece input(clean_text.data(), std::min<std::size_t>(clean_text.size(), 20000));
  int year = 0;
  if (!RE2::FindAndConsume(&input, kYear, &year)) return 0;
  return year;
}

std::string section_flag_names(std::uint32_t flags) {
  static constexpr std::array<std::pair<std::uint32_t, const char*>, 10> kNames = {{
      {kSectionEmpty, "empty"},
      {kSectionReferenceOnly, "reference-only"},
      {kSectionIncorporatedByReference, "incorporated-by-reference"},
      {kSectionTooShort, "too-short"},
      {kSectionTooLong, "too-long"},
      {kSectionTableOfContentsOnly, "toc-only"},
      {kSectionCombined, "combined"},
      {kSectionContainsHeading, "contains-heading"},
      {kSectionTruncated, "truncated"},
      {kSectionUncertainEnd, "uncertain-end"},
  }};
  std::string out;
  for (const auto& [bit, name] : kNames) {
    if (!(flags & bit)) continue;
    if (!out.empty()) out += ",";
    out += name;
  }
  return out;
}

}  // namespace secnlp::nlp::sec
