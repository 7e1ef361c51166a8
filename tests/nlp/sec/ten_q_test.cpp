// segment_10q on synthetic texts: PART headings and titles decide between items of the same
// number; TOC; flattened (one long line) filings; no items; 10-QSB numbering and era-aware
// titles and minimum lengths.

#include "nlp/sec/ten_q.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "nlp/sec/item_headings.h"

namespace {

using namespace secnlp::nlp::sec;

std::string body(int n = 30) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += "Revenue increased during the quarter because of stronger demand from customers. ";
  return s + "\n";
}

std::vector<std::string> ids(const SectionMap& m) {
  std::vector<std::string> out;
  for (const auto& s : m.sections)
    if (!(s.flags & kSectionTableOfContentsOnly)) out.push_back(s.item);
  return out;
}

struct Case {
  const char* name;
  std::string text;
  std::vector<std::string> expected;
};

TEST(Segment10Q, Table) {
  const std::string full = "PART I - FINANCIAL INFORMATION\nItem 1. Financial Statements\n" +
                           body() + "Item 2. Management's Discussion and Analysis\n" + body() +
                           "Item 4. Controls and Procedures\n" + body(3) +
                           "PART II - OTHER INFORMATION\n" + "Item 1. Legal Proceedings\n" +
                           body(2) + "Item 1A. Risk Factors\n" + body(5) + "Item 6. Exhibits\n" +
                           body(1);
  const std::vector<Case> cases = {
      {"parts",
       full,
       {"part1item1", "part1item2", "part1item4", "part2item1", "part2item1a", "part2item6"}},
      {"toc then body",
       "PART I\nItem 1. Financial Statements 3\nItem 2. Management's Discussion 20\nPART II\n"
       "Item 1. Legal Proceedings 40\nItem 6. Exhibits 45\n" +
           full,
       {"part1item1", "part1item2", "part1item4", "part2item1", "part2item1a", "part2item6"}},
      {"titles decide without parts",
       "Item 1. Financial Statements\n" + body() + "Item 2. Management's Discussion\n" + body() +
           "Item 1. Legal Proceedings\n" + body(2) + "Item 2. Unregistered Sales of Equity\n" +
           body(2),
       {"part1item1", "part1item2", "part2item1", "part2item2"}},
      {"flattened filing",
       "Shares outstanding as of May 1, 1998 PART I. FINANCIAL INFORMATION "
       "Item 1. Financial Statements " +
           body(20) +
           " Item 2. Management's Discussion and "
           "Analysis of Financial Condition " +
           body(20) +
           " PART II. OTHER INFORMATION Item 1. "
           "Legal Proceedings " +
           body(20),
       {"part1item1", "part1item2", "part2item1"}},
      {"no items", body(), {}},
  };
  for (const auto& c : cases) {
    const SectionMap m = segment_10q(c.text);
    EXPECT_EQ(ids(m), c.expected) << c.name;
    for (std::size_t i = 1; i < m.sections.size(); ++i)
      EXPECT_LE(m.sections[i - 1].end, m.sections[i].begin) << c.name;
  }
}

TEST(Segment10Q, PartHeadingIsLeftOutOfThePreviousItem) {
  const std::string text = "PART I\nItem 4. Controls and Procedures\n" + body(3) +
                           "PART II - OTHER INFORMATION\nItem 1. Legal Proceedings\n" + body(2);
  const SectionMap m = segment_10q(text);
  EXPECT_EQ(section_text(m, text, "part1item4").find("PART II"), std::string_view::npos);
  EXPECT_GE(find_section(m, "part2item1")->confidence, 0.8);
}

TEST(Segment10Q, TenQsbNumbering) {
  // 10-QSB: Part I Item 3 is Controls and Procedures, not market risk.
  const std::string items =
      "PART I - FINANCIAL INFORMATION\nItem 1. Financial Statements\n" + body(10) +
      "Item 2. Management's Discussion and Analysis or Plan of Operation\n" + body(10) +
      "Item 3. Controls and Procedures\n" + body(2) + "PART II - OTHER INFORMATION\n" +
      "Item 6. Exhibits and Reports on Form 8-K\n" + body(1);
  for (const auto& [name, m] :
       {std::pair{"form given", segment_10q(items, {"10-QSB", 2004})},
        std::pair{"cover page", segment_10q("FORM 10-QSB\nQUARTERLY REPORT\n" + items)}}) {
    EXPECT_EQ(ids(m),
              (std::vector<std::string>{"part1item1", "part1item2", "part1item3", "part2item6"}))
        << name;
    const ItemSection* s3 = find_section(m, "part1item3");
    ASSERT_NE(s3, nullptr) << name;
    EXPECT_EQ(s3->title, "Controls and Procedures") << name;
    EXPECT_GE(s3->confidence, 0.8) << name;
    EXPECT_NE(std::find(m.notes.begin(), m.notes.end(), "10-QSB item numbering"), m.notes.end())
        << name;
  }
  // As a 10-Q the same heading is not the market-risk item's title.
  const SectionMap q_map = segment_10q(items, {"10-Q", 2004});  // find_section points into it
  const ItemSection* q3 = find_section(q_map, "part1item3");
  ASSERT_NE(q3, nullptr);
  EXPECT_LT(q3->confidence, 0.8);
}

TEST(Segment10Q, TooShortIsEraAware) {
  // A 300-byte Item 1 (statements incorporated or tables dropped) and a 650-byte MD&A: short for
  // a modern 10-Q, ordinary for one filed in 1998, whose items also carry the older titles.
  const std::string text = "PART I\nItem 1. Financial Statements\n" + body(4) +
                           "Item 2. Management's Discussion and Analysis\n" + body(8) +
                           "PART II\nItem 6. Exhibits and Reports on Form 8-K\n" + body(1);
  const SectionMap modern = segment_10q(text, {"10-Q", 2020});
  const SectionMap old = segment_10q(text, {"10-Q", 1998});
  for (const char* item : {"part1item1", "part1item2"}) {
    ASSERT_NE(find_section(modern, item), nullptr) << item;
    ASSERT_NE(find_section(old, item), nullptr) << item;
    EXPECT_TRUE(find_section(modern, item)->flags & kSectionTooShort) << item;
    EXPECT_EQ(find_section(old, item)->flags & kSectionTooShort, 0u) << item;
  }
  EXPECT_EQ(find_section(modern, "part2item6")->title, "Exhibits");
  EXPECT_EQ(find_section(old, "part2item6")->title, "Exhibits and Reports on Form 8-K");
  // The year is read from the cover page when not given.
  const SectionMap cover = segment_10q("For the quarterly period ended December 26, 1997\n" + text);
  EXPECT_EQ(find_section(cover, "part1item1")->flags & kSectionTooShort, 0u);
}

}  // namespace
