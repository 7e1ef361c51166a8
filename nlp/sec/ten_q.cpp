#include "nlp/sec/ten_q.h"

#include <algorithm>
#include <string>

#include <re2/re2.h>

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

// 10-Qs filed before 2003: no Part I Item 4 (controls arrived with Sarbanes-Oxley in August
// 2002; kept for late filings), Part II Item 2 "Changes in Securities and Use of Proceeds",
// Item 4 the shareholder vote, Item 6 "Exhibits and Reports on Form 8-K"; shorter items.
constexpr ItemSpec k10QItemsPre2003[] = {
    {"part1item1", 1, "1", "Financial Statements",
     R"((?:condensed\s+)?(?:consolidated\s+)?financial\s*(?:statements|information))", 250,
     3000000},
    {"part1item2", 1, "2", "Management's Discussion and Analysis",
     R"(management\W{0,4}s\s*discussion)", 500, 800000},
    {"part1item3", 1, "3", "Quantitative and Qualitative Disclosures About Market Risk",
     R"(quantitative\s*and\s*qualitative)", 0, 100000},
    {"part1item4", 1, "4", "Controls and Procedures", R"(controls\s*and\s*procedures)", 50, 40000},
    {"part2item1", 2, "1", "Legal Proceedings", R"(legal\s*proceedings)", 0, 100000},
    {"part2item1a", 2, "1A", "Risk Factors", R"(risk\s*factors)", 0, 800000},
    {"part2item2", 2, "2", "Changes in Securities and Use of Proceeds",
     R"(changes\s+in\s+securities|unregistered\s+sales)", 0, 40000},
    {"part2item3", 2, "3", "Defaults Upon Senior Securities", R"(defaults\s+upon)", 0, 10000},
    {"part2item4", 2, "4", "Submission of Matters to a Vote of Security Holders",
     R"(submission\s+of\s+matters|mine\s*safety|\(?removed\s+and\s+reserved)", 0, 30000},
    {"part2item5", 2, "5", "Other Information", R"(other\s*information)", 0, 60000},
    {"part2item6", 2, "6", "Exhibits and Reports on Form 8-K", R"(exhibits)", 10, 150000},
};

// 10-QSB (small business issuers, 1993-2008): Part I Item 2 is "Management's Discussion and
// Analysis or Plan of Operation", Item 3 "Controls and Procedures" (no market-risk item).
constexpr ItemSpec k10QSBItems[] = {
    {"part1item1", 1, "1", "Financial Statements",
     R"((?:condensed\s+)?(?:consolidated\s+)?financial\s*(?:statements|information))", 100,
     3000000},
    {"part1item2", 1, "2", "Management's Discussion and Analysis or Plan of Operation",
     R"(management\W{0,4}s\s*discussion|plan\s+of\s+operation)", 200, 800000},
    {"part1item3", 1, "3", "Controls and Procedures", R"(controls\s*and\s*procedures)", 20, 40000},
    {"part2item1", 2, "1", "Legal Proceedings", R"(legal\s*proceedings)", 0, 100000},
    {"part2item2", 2, "2", "Changes in Securities",
     R"(changes\s+in\s+securities|unregistered\s+sales)", 0, 40000},
    {"part2item3", 2, "3", "Defaults Upon Senior Securities", R"(defaults\s+upon)", 0, 10000},
    {"part2item4", 2, "4", "Submission of Matters to a Vote of Security Holders",
     R"(submission\s+of\s+matters)", 0, 30000},
    {"part2item5", 2, "5", "Other Information", R"(other\s*information)", 0, 60000},
    {"part2item6", 2, "6", "Exhibits and Reports on Form 8-K", R"(exhibits)", 10, 150000},
};

bool is_qsb(std::string_view form) {
  std::string f;
  for (char c : form)
    if (c != ' ' && c != '-') f.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c));
  return f.rfind("10QSB", 0) == 0;
}

bool cover_says_qsb(std::string_view text) {
  static const RE2 kQsb(R"((?i)\bform\s*10-?qsb\b)");
  re2::StringPiece input(text.data(), std::min<std::size_t>(text.size(), 20000));
  return RE2::PartialMatch(input, kQsb);
}

}  // namespace

SectionMap segment_10q(std::string_view clean_text, const FilingInfo& info) {
  const bool small = info.form.empty() ? cover_says_qsb(clean_text) : is_qsb(info.form);
  const int year = info.year > 0 ? info.year : guess_filing_year(clean_text);
  // Built on first use only (start-up, issue 17).
  const ItemSegmenter& segmenter = [&]() -> const ItemSegmenter& {
    if (small) {
      static const ItemSegmenter qsb(k10QSBItems, /*use_parts=*/true);
      return qsb;
    }
    if (year > 0 && year < 2003) {
      static const ItemSegmenter pre2003(k10QItemsPre2003, /*use_parts=*/true);
      return pre2003;
    }
    static const ItemSegmenter modern(k10QItems, /*use_parts=*/true);
    return modern;
  }();
  SectionMap map = segmenter.segment(clean_text);
  if (small) map.notes.push_back("10-QSB item numbering");
  if (!small && year > 0 && year < 2003) map.notes.push_back("pre-2003 10-Q item titles");
  return map;
}

}  // namespace secnlp::nlp::sec
