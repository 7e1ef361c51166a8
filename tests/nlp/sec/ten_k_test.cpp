// segment_10k on synthetic texts, one row per pathology (TOC, cross-references, combined and
// split headings, spaced letters, table cells, punctuation, parts, missing items, incorporation
// by reference, no items, plain text), plus hostile input.

#include "nlp/sec/ten_k.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "nlp/sec/item_headings.h"

namespace {

using namespace secnlp::nlp::sec;

// Running text that reads as a body (lower-case words), `n` sentences.
std::string body(int n = 40) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += "The company designs and sells products through retail channels around the world. ";
  return s + "\n";
}

std::vector<std::string> ids(const SectionMap& m, bool with_toc_only = false) {
  std::vector<std::string> out;
  for (const auto& s : m.sections)
    if (with_toc_only || !(s.flags & kSectionTableOfContentsOnly)) out.push_back(s.item);
  return out;
}

struct Case {
  const char* name;
  std::string text;
  std::vector<std::string> expected;  // ids, text order (TOC-only entries excluded)
  const char* item = nullptr;         // optional checks on one item:
  const char* method = nullptr;       //   method
  std::uint32_t flags = 0;            //   flags that must be set
  const char* starts_with = nullptr;  //   its text starts with
};

std::vector<Case> cases() {
  const std::string toc =
      "TABLE OF CONTENTS\nItem 1. Business 3\nItem 1A. Risk Factors 10\n"
      "Item 7. Management's Discussion and Analysis 20\nItem 8. Financial Statements 30\n";
  return {
      {"toc then body",
       toc + "Item 1. Business\n" + body() + "Item 1A. Risk Factors\n" + body() +
           "Item 7. Management's Discussion and Analysis\n" + body() +
           "Item 8. Financial Statements and Supplementary Data\n" + body(),
       {"1", "1A", "7", "8"},
       "1",
       "heading",
       0,
       "Item 1. Business\nThe company"},
      {"toc in table cells",
       "Item 1.\tBusiness\t3\nItem 1A.\tRisk Factors\t9\nItem 7.\tMD&A\t20\n"
       "Item 1.\tBusiness\n" +
           body() + "Item 1A.\tRisk Factors\n" + body() +
           "Item 7.\tManagement's Discussion and Analysis\n" + body(),
       {"1", "1A", "7"},
       "1A",
       "heading-in-table",
       0,
       "Item 1A.\tRisk Factors\nThe"},
      {"cross-reference mid-sentence",
       "Item 1. Business\n" + body(5) +
           "As discussed in Item 7. Management's Discussion and "
           "Analysis and Part II, Item 8 of this report.\n" +
           body(5) + "Item 7. Management's Discussion\n" + body(),
       {"1", "7"},
       "7",
       nullptr,
       0,
       "Item 7. Management's Discussion\n"},
      {"cross-reference at a wrapped line start",
       "Item 1. Business\n" + body(5) + "Item 7 of this report under the heading Liquidity.\n" +
           "Item 1 of this document under the heading \"Business.\"\n" + body(5) +
           "Item 7. Management's Discussion and Analysis\n" + body(),
       {"1", "7"},
       "7",
       nullptr,
       0,
       "Item 7. Management's Discussion and Analysis\n"},
      {"combined items",
       "Items 1 and 2. Business and Properties\n" + body() + "Item 3. Legal Proceedings\n" +
           body(3),
       {"2", "1", "3"},
       "1",
       "combined",
       kSectionCombined,
       "Items 1 and 2."},
      {"combined range",
       "Item 9A. Controls and Procedures\n" + body(5) + "Items 10 through 14.\n" + body(3) +
           "Item 15. Exhibits\n" + body(3),
       {"9A", "11", "12", "13", "14", "10", "15"},
       "12",
       "combined",
       kSectionCombined,
       nullptr},
      {"split heading",
       "Item 1A.\nRisk Factors\n" + body() + "Item 1B.\nUnresolved Staff Comments\nNone.\n",
       {"1A", "1B"},
       "1A",
       "split-heading",
       0,
       "Item 1A.\nRisk Factors\n"},
      {"number on the next line",
       "Item\n7. Management's Discussion and Analysis\n" + body(),
       {"7"},
       "7",
       "split-heading",
       0,
       nullptr},
      {"spaced letters",
       "I T E M  1 A .  R I S K  F A C T O R S\n" + body(),
       {"1A"},
       "1A",
       "spaced-heading",
       0,
       nullptr},
      {"colon", "ITEM 1A: RISK FACTORS\n" + body(), {"1A"}, "1A", "heading", 0, nullptr},
      {"em dash",
       "Item 1A\xE2\x80\x94Risk Factors\n" + body(),
       {"1A"},
       nullptr,
       nullptr,
       0,
       nullptr},
      {"hyphen", "Item 1A - Risk Factors\n" + body(), {"1A"}, nullptr, nullptr, 0, nullptr},
      {"no space after dot",
       "ITEM 1A.RISK FACTORS\n" + body(),
       {"1A"},
       nullptr,
       nullptr,
       0,
       nullptr},
      {"roman parts end sections",
       "PART I\nItem 1. Business\n" + body() +
           "PART II\n"
           "Item 5. Market for Registrant's Common Equity\n" +
           body(3),
       {"1", "5"},
       "5",
       nullptr,
       0,
       "Item 5."},
      {"missing items stay missing",
       "Item 1. Business\n" + body() + "Item 7. Management's Discussion\n" + body(),
       {"1", "7"},
       nullptr,
       nullptr,
       0,
       nullptr},
      {"incorporated by reference",
       "Item 7. Management's Discussion and Analysis\nThe information "
       "required by this item is incorporated herein by reference to the section MD&A of "
       "Exhibit 13 to this report.\nItem 8. Financial Statements\n" +
           body(),
       {"7", "8"},
       "7",
       nullptr,
       kSectionIncorporatedByReference | kSectionReferenceOnly,
       nullptr},
      {"reference only",
       "Item 1B. Unresolved Staff Comments\nNone.\nItem 2. Properties\n" + body(),
       {"1B", "2"},
       "1B",
       nullptr,
       kSectionReferenceOnly,
       nullptr},
      {"too short",
       "Item 1A. Risk Factors\nWe face many risks in our business today.\n"
       "Item 2. Properties\n" +
           body(),
       {"1A", "2"},
       "1A",
       nullptr,
       kSectionTooShort,
       nullptr},
      {"empty",
       "Item 6. [Reserved]\nItem 7. Management's Discussion\n" + body(),
       {"6", "7"},
       "6",
       nullptr,
       kSectionEmpty,
       nullptr},
      {"sub-items and regulation references rejected",
       "Item 15. Exhibits\n" + body(3) + "Item 14(a)(1): Financial statements\n" +
           "Item 601 of Regulation S-K requires this list.\n",
       {"15"},
       nullptr,
       nullptr,
       0,
       nullptr},
      {"no items at all", body(), {}, nullptr, nullptr, 0, nullptr},
      {"signatures close the last item",
       "Item 16. Form 10-K Summary\nNone.\nSIGNATURES\n" + body(2),
       {"16", "signatures"},
       "16",
       nullptr,
       kSectionReferenceOnly,
       nullptr},
  };
}

TEST(Segment10K, Table) {
  for (const auto& c : cases()) {
    const SectionMap m = segment_10k(c.text);
    EXPECT_EQ(ids(m), c.expected) << c.name;
    for (std::size_t i = 1; i < m.sections.size(); ++i)
      EXPECT_LE(m.sections[i - 1].end, m.sections[i].begin) << c.name << " overlap";
    if (c.expected.empty()) {
      ASSERT_FALSE(m.notes.empty()) << c.name;
      EXPECT_EQ(m.notes.back(), "no item headings") << c.name;
    }
    if (c.item == nullptr) continue;
    const ItemSection* s = find_section(m, c.item);
    ASSERT_NE(s, nullptr) << c.name;
    if (c.method) {
      EXPECT_EQ(s->method, c.method) << c.name;
    }
    EXPECT_EQ(s->flags & c.flags, c.flags) << c.name << " flags " << s->flags;
    if (c.starts_with) {
      EXPECT_TRUE(section_text(m, c.text, c.item).starts_with(c.starts_with))
          << c.name << ": " << section_text(m, c.text, c.item).substr(0, 60);
    }
    EXPECT_GE(s->confidence, 0.0);
    EXPECT_LE(s->confidence, 1.0);
  }
}

TEST(Segment10K, TocEntriesAreNotSectionsAndTocOnlyItemsAreFlagged) {
  const std::string text =
      "Item 1. Business 3\nItem 1A. Risk Factors 10\nItem 16. Form 10-K Summary 90\n"
      "Item 1. Business\n" +
      body() + "Item 1A. Risk Factors\n" + body();
  const SectionMap m = segment_10k(text);
  EXPECT_EQ(ids(m, true), (std::vector<std::string>{"16", "1", "1A"}));
  const ItemSection* s16 = find_section(m, "16");
  ASSERT_NE(s16, nullptr);
  EXPECT_TRUE(s16->flags & kSectionTableOfContentsOnly);
  EXPECT_EQ(s16->begin, s16->end);
  EXPECT_LT(s16->confidence, 0.2);
  EXPECT_TRUE(section_text(m, text, "16").empty());
  EXPECT_GT(find_section(m, "1")->begin, text.find("Item 16"));
}

TEST(Segment10K, PlainTextFiling) {
  std::string text = "                         PART I\n\nITEM 1.  BUSINESS\n\n";
  for (int i = 0; i < 40; ++i)
    text += "  The Company designs, manufactures and markets computers and\n";
  text +=
      "\nITEM 7.  MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION AND\n"
      "         RESULTS OF OPERATIONS\n\n";
  for (int i = 0; i < 60; ++i)
    text += "  Net sales decreased in the fourth quarter compared with the\n";
  const SectionMap m = segment_10k(text);
  EXPECT_EQ(ids(m), (std::vector<std::string>{"1", "7"}));
  EXPECT_EQ(find_section(m, "7")->method, "text-heading");
  EXPECT_GE(find_section(m, "7")->confidence, 0.8);
}

TEST(Segment10K, CrossReferenceLineIsNotChosenOverTheHeading) {
  // A quoted heading inside a long paragraph and the true heading later.
  std::string text = "Item 1. Business\n" + body(30);
  text.insert(text.size() - 1, " See \"Item 1A. Risk Factors\" for more.");
  text += "Item 1A. Risk Factors\n" + body();
  const SectionMap m = segment_10k(text);
  EXPECT_EQ(find_section(m, "1A")->begin, text.find("Item 1A. Risk Factors\n"));
}

TEST(Segment10K, HostileRepeatedHeadingsStayBounded) {
  std::string text;
  while (text.size() < (1u << 20))
    text += "Item 1A Item 1A Item 1A Item 1A\nItem 1A\n";
  const SectionMap m = segment_10k(text);  // must return (linear time); no timing asserted
  EXPECT_LE(m.sections.size(), 2u);
  std::string one_line(1u << 20, 'x');
  for (std::size_t i = 0; i + 8 < one_line.size(); i += 9)
    one_line.replace(i, 9, ". Item 1A");
  EXPECT_LE(segment_10k(one_line).sections.size(), 2u);
}

TEST(Segment10K, FindSectionResolvesCombinedEntries) {
  const std::string text = "Items 1 and 2. Business and Properties\n" + body();
  const SectionMap m = segment_10k(text);
  ASSERT_EQ(m.sections.size(), 2u);
  EXPECT_EQ(m.sections[0].item, "2");  // the zero-length secondary precedes its primary
  EXPECT_EQ(m.sections[0].begin, m.sections[0].end);
  EXPECT_EQ(find_section(m, "2"), &m.sections[1]);
  EXPECT_EQ(section_text(m, text, "2"), section_text(m, text, "1"));
  EXPECT_EQ(find_section(m, "3"), nullptr);
}

}  // namespace
