#include "nlp/sec/ten_k.h"

#include <algorithm>
#include <string>

#include <re2/re2.h>

#include "nlp/sec/item_headings.h"

namespace secnlp::nlp::sec {

namespace {

// Typical body lengths are clean-text bytes (numeric tables removed) after the heading, set wide
// from the 42 10-Ks in ../shared/data: outside them a cut is probably wrong.
constexpr ItemSpec k10KItems[] = {
    {"1", 0, "1", "Business", R"(business|description\s+of\s+(?:the\s+)?business)", 2000, 800000},
    {"1A", 0, "1A", "Risk Factors", R"(risk\s*factors)", 2000, 800000},
    {"1B", 0, "1B", "Unresolved Staff Comments", R"(unresolved\s*staff\s*comments)", 0, 8000},
    {"1C", 0, "1C", "Cybersecurity", R"(cyber\s*security)", 200, 40000},
    {"2", 0, "2", "Properties", R"((?:description\s+of\s+)?propert(?:y|ies))", 0, 80000},
    {"3", 0, "3", "Legal Proceedings", R"(legal\s*proceedings)", 0, 150000},
    {"4", 0, "4", "Mine Safety Disclosures",
     R"(mine\s*safety|submission\s+of\s+matters|\(?removed\s+and\s+reserved)", 0, 40000},
    {"5", 0, "5", "Market for Registrant's Common Equity", R"(market\s*for)", 100, 100000},
    {"6", 0, "6", "Selected Financial Data", R"(selected\s+(?:consolidated\s+)?financial)", 0,
     100000},
    {"7", 0, "7", "Management's Discussion and Analysis",
     R"(management\W{0,4}s(?:\s*discussion|\s*$)|md\s*&\s*a\b)", 3000, 1000000},
    {"7A", 0, "7A", "Quantitative and Qualitative Disclosures About Market Risk",
     R"(quantitative\s*and\s*qualitative)", 100, 150000},
    {"8", 0, "8", "Financial Statements and Supplementary Data",
     R"((?:consolidated\s+)?financial\s*statements)", 500, 4000000, true},
    {"9", 0, "9", "Changes in and Disagreements with Accountants",
     R"(changes\s+in\s+and\s+disagreements|disagreements)", 0, 30000},
    {"9A", 0, "9A", "Controls and Procedures", R"(controls\s*and\s*procedures)", 300, 80000},
    {"9B", 0, "9B", "Other Information", R"(other\s*information)", 0, 60000},
    {"9C", 0, "9C", "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections",
     R"(disclosure\s+regarding\s+foreign)", 0, 8000},
    {"10", 0, "10", "Directors, Executive Officers and Corporate Governance", R"(directors)", 50,
     150000},
    {"11", 0, "11", "Executive Compensation", R"(executive\s*compensation)", 20, 400000},
    {"12", 0, "12", "Security Ownership of Certain Beneficial Owners and Management",
     R"(security\s*ownership)", 20, 150000},
    {"13", 0, "13", "Certain Relationships and Related Transactions", R"(certain\s*relationships)",
     20, 100000},
    {"14", 0, "14", "Principal Accountant Fees and Services", R"(principal\s*account|exhibits?\b)",
     20, 500000},
    {"15", 0, "15", "Exhibits and Financial Statement Schedules", R"(exhibits?\b)", 100, 1500000},
    {"16", 0, "16", "Form 10-K Summary", R"(form\s*10-?k\s*summary)", 0, 10000},
};

constexpr std::string_view kOldItem14 =
    "Exhibits, Financial Statement Schedules and Reports on Form 8-K";

// 10-Ks filed before 2003: Item 14 is the exhibits item (often holding the F-pages); there is
// no Item 15 or 16. Items 1A-1C, 9A-9C did not exist but are kept (amended and late filings).
constexpr ItemSpec k10KItemsPre2003[] = {
    {"1", 0, "1", "Business", R"(business|description\s+of\s+(?:the\s+)?business)", 1000, 800000},
    {"1A", 0, "1A", "Risk Factors", R"(risk\s*factors)", 1000, 800000},
    {"1B", 0, "1B", "Unresolved Staff Comments", R"(unresolved\s*staff\s*comments)", 0, 8000},
    {"1C", 0, "1C", "Cybersecurity", R"(cyber\s*security)", 0, 40000},
    {"2", 0, "2", "Properties", R"((?:description\s+of\s+)?propert(?:y|ies))", 0, 80000},
    {"3", 0, "3", "Legal Proceedings", R"(legal\s*proceedings)", 0, 150000},
    {"4", 0, "4", "Submission of Matters to a Vote of Security Holders",
     R"(submission\s+of\s+matters|mine\s*safety|\(?removed\s+and\s+reserved)", 0, 40000},
    {"5", 0, "5", "Market for Registrant's Common Equity", R"(market\s*for)", 50, 100000},
    {"6", 0, "6", "Selected Financial Data", R"(selected\s+(?:consolidated\s+)?financial)", 0,
     100000},
    {"7", 0, "7", "Management's Discussion and Analysis",
     R"(management\W{0,4}s(?:\s*discussion|\s*$)|md\s*&\s*a\b)", 1000, 1000000},
    {"7A", 0, "7A", "Quantitative and Qualitative Disclosures About Market Risk",
     R"(quantitative\s*and\s*qualitative)", 50, 150000},
    {"8", 0, "8", "Financial Statements and Supplementary Data",
     R"((?:consolidated\s+)?financial\s*statements)", 200, 4000000, true},
    {"9", 0, "9", "Changes in and Disagreements with Accountants",
     R"(changes\s+in\s+and\s+disagreements|disagreements)", 0, 30000},
    {"9A", 0, "9A", "Controls and Procedures", R"(controls\s*and\s*procedures)", 100, 80000},
    {"9B", 0, "9B", "Other Information", R"(other\s*information)", 0, 60000},
    {"9C", 0, "9C", "Disclosure Regarding Foreign Jurisdictions that Prevent Inspections",
     R"(disclosure\s+regarding\s+foreign)", 0, 8000},
    {"10", 0, "10", "Directors and Executive Officers of the Registrant", R"(directors)", 20,
     150000},
    {"11", 0, "11", "Executive Compensation", R"(executive\s*compensation)", 20, 400000},
    {"12", 0, "12", "Security Ownership of Certain Beneficial Owners and Management",
     R"(security\s*ownership)", 20, 150000},
    {"13", 0, "13", "Certain Relationships and Related Transactions", R"(certain\s*relationships)",
     20, 100000},
    {"14", 0, "14", kOldItem14, R"(exhibits?\b|principal\s*account|controls\s*and\s*procedures)",
     50, 4000000},
    // From August 2002 to mid-2003 Item 14 was "Controls and Procedures" and the exhibits moved to
    // Item 15 (filings of late 2002 use that numbering).
    {"15", 0, "15", kOldItem14, R"(exhibits?\b)", 50, 4000000},
};

// 10-KSB (small business issuers, 1993-2008): its own numbering.
constexpr ItemSpec k10KSBItems[] = {
    {"1", 0, "1", "Description of Business", R"(description\s+of\s+(?:the\s+)?business|business)",
     500, 800000},
    {"2", 0, "2", "Description of Property", R"((?:description\s+of\s+)?propert(?:y|ies))", 0,
     80000},
    {"3", 0, "3", "Legal Proceedings", R"(legal\s*proceedings)", 0, 150000},
    {"4", 0, "4", "Submission of Matters to a Vote of Security Holders",
     R"(submission\s+of\s+matters)", 0, 40000},
    {"5", 0, "5", "Market for Common Equity and Related Stockholder Matters", R"(market\s*for)", 50,
     100000},
    {"6", 0, "6", "Management's Discussion and Analysis or Plan of Operation",
     R"(management\W{0,4}s|plan\s+of\s+operation)", 500, 1000000},
    {"7", 0, "7", "Financial Statements", R"((?:consolidated\s+)?financial\s*statements)", 100,
     4000000, true},
    {"8", 0, "8", "Changes in and Disagreements with Accountants",
     R"(changes\s+in\s+and\s+disagreements|disagreements)", 0, 30000},
    {"8A", 0, "8A", "Controls and Procedures", R"(controls\s*and\s*procedures)", 50, 80000},
    {"8B", 0, "8B", "Other Information", R"(other\s*information)", 0, 60000},
    {"9", 0, "9", "Directors, Executive Officers, Promoters and Control Persons", R"(directors)",
     20, 150000},
    {"10", 0, "10", "Executive Compensation", R"(executive\s*compensation)", 20, 400000},
    {"11", 0, "11", "Security Ownership of Certain Beneficial Owners and Management",
     R"(security\s*ownership)", 20, 150000},
    {"12", 0, "12", "Certain Relationships and Related Transactions", R"(certain\s*relationships)",
     20, 100000},
    {"13", 0, "13", "Exhibits and Reports on Form 8-K", R"(exhibits?\b)", 20, 1500000},
    {"14", 0, "14", "Principal Accountant Fees and Services", R"(principal\s*account)", 20, 500000},
};

bool is_ksb(std::string_view form) {
  std::string f;
  for (char c : form)
    if (c != ' ' && c != '-') f.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
  return f.rfind("10KSB", 0) == 0;
}

bool cover_says_ksb(std::string_view text) {
  static const RE2 kKsb(R"((?i)\bform\s*10-?ksb\b)");
  re2::StringPiece input(text.data(), std::min<std::size_t>(text.size(), 20000));
  return RE2::PartialMatch(input, kKsb);
}

}  // namespace

SectionMap segment_10k(std::string_view clean_text, const FilingInfo& info) {
  auto options = [](double min_scale) {
    SegmenterOptions o;
    o.executive_officers = true;
    o.trailing_financial_statements = true;
    o.min_scale = min_scale;
    return o;
  };
  // Each segmenter compiles its heading patterns (~20 M instructions) on first use only: a run
  // over one modern 10-K does not pay for the 10-KSB and pre-2003 ones (start-up, issue 17).
  const bool small = info.form.empty() ? cover_says_ksb(clean_text) : is_ksb(info.form);
  const int year = info.year > 0 ? info.year : guess_filing_year(clean_text);
  const bool is_modern = !small && !(year > 0 && year < 2005);
  const ItemSegmenter& segmenter = [&]() -> const ItemSegmenter& {
    if (small) {
      static const ItemSegmenter ksb(k10KSBItems, options(0.25));
      return ksb;
    }
    if (year > 0 && year < 2003) {
      static const ItemSegmenter pre2003(k10KItemsPre2003, options(1.0));
      return pre2003;
    }
    if (year > 0 && year < 2005) {
      static const ItemSegmenter modern_early(k10KItems, options(0.5));
      return modern_early;
    }
    static const ItemSegmenter modern(k10KItems, options(1.0));
    return modern;
  }();
  SectionMap map = segmenter.segment(clean_text);
  if (small) map.notes.push_back("10-KSB item numbering");
  if (!small && year > 0 && year < 2003) {
    map.notes.push_back("pre-2003 10-K item titles");
    // Item 14 written as "Controls and Procedures" (filings of August 2002 to mid-2003).
    static const RE2 kControls(R"((?i)^\W*item\s*14\W*controls\s+and\s+procedures\b)");
    for (auto& s : map.sections)
      if (s.item == "14" && RE2::PartialMatch(s.heading, kControls))
        s.title = "Controls and Procedures";
  }
  if (is_modern) {
    // An Item 14 written as the pre-2003 exhibits item keeps that title whatever the year.
    static const RE2 kExhibits(R"((?i)^\W*item\s*14\W*exhibits?\b)");
    for (auto& s : map.sections)
      if (s.item == "14" && RE2::PartialMatch(s.heading, kExhibits)) s.title = kOldItem14;
  }
  return map;
}

}  // namespace secnlp::nlp::sec
