#include "nlp/sec/ten_k.h"

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
     R"((?:consolidated\s+)?financial\s*statements)", 500, 4000000},
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

}  // namespace

SectionMap segment_10k(std::string_view clean_text) {
  static const ItemSegmenter segmenter(k10KItems, /*use_parts=*/false);
  return segmenter.segment(clean_text);
}

}  // namespace secnlp::nlp::sec
