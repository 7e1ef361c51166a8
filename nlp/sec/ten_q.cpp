#include "nlp/sec/ten_q.h"

#include "nlp/sec/item_headings.h"

namespace secnlp::nlp::sec {

namespace {

// Typical body lengths in clean-text bytes (numeric tables removed), set wide.
constexpr ItemSpec k10QItems[] = {
    {"part1item1", 1, "1", "Financial Statements",
     R"((?:condensed\s+)?(?:consolidated\s+)?financial\s*(?:statements|information))", 500,
     3000000},
    {"part1item2", 1, "2", "Management's Discussion and Analysis",
     R"(management\W{0,4}s\s*discussion)", 1000, 800000},
    {"part1item3", 1, "3", "Quantitative and Qualitative Disclosures About Market Risk",
     R"(quantitative\s*and\s*qualitative)", 0, 100000},
    {"part1item4", 1, "4", "Controls and Procedures", R"(controls\s*and\s*procedures)", 100, 40000},
    {"part2item1", 2, "1", "Legal Proceedings", R"(legal\s*proceedings)", 0, 100000},
    {"part2item1a", 2, "1A", "Risk Factors", R"(risk\s*factors)", 0, 800000},
    {"part2item2", 2, "2", "Unregistered Sales of Equity Securities and Use of Proceeds",
     R"(unregistered\s+sales|changes\s+in\s+securities)", 0, 40000},
    {"part2item3", 2, "3", "Defaults Upon Senior Securities", R"(defaults\s+upon)", 0, 10000},
    {"part2item4", 2, "4", "Mine Safety Disclosures",
     R"(mine\s*safety|submission\s+of\s+matters|\(?removed\s+and\s+reserved)", 0, 30000},
    {"part2item5", 2, "5", "Other Information", R"(other\s*information)", 0, 60000},
    {"part2item6", 2, "6", "Exhibits", R"(exhibits)", 20, 150000},
};

}  // namespace

SectionMap segment_10q(std::string_view clean_text) {
  static const ItemSegmenter segmenter(k10QItems, /*use_parts=*/true);
  return segmenter.segment(clean_text);
}

}  // namespace secnlp::nlp::sec
