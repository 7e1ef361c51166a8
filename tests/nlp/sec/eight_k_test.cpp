#include "nlp/sec/eight_k.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace secnlp::nlp::sec {
namespace {

// Invariants every result must hold, whatever the input.
void expect_well_formed(const SectionMap& map, std::string_view text, const std::string& name) {
  std::uint32_t last_end = 0;
  for (const auto& s : map.sections) {
    EXPECT_LE(last_end, s.begin) << name << " " << s.item;
    EXPECT_LE(s.begin, s.end) << name << " " << s.item;
    EXPECT_LE(s.end, text.size()) << name << " " << s.item;
    EXPECT_GE(s.confidence, 0.0) << name;
    EXPECT_LE(s.confidence, 1.0) << name;
    EXPECT_FALSE(s.title.empty()) << name << " " << s.item;
    last_end = s.end;
  }
}

std::string items_of(const SectionMap& map) {
  std::string out;
  for (const auto& s : map.sections)
    out += (out.empty() ? "" : ",") + s.item;
  return out;
}

std::string section_text(const SectionMap& map, std::string_view text, std::size_t i) {
  const auto& s = map.sections.at(i);
  return std::string(text.substr(s.begin, s.end - s.begin));
}

struct Case {
  std::string name;
  std::string text;
  std::string items;       // expected ids, comma-separated, in text order
  std::string method;      // expected method of the first section ("" = don't check)
  std::string first_head;  // expected heading of the first section ("" = don't check)
};

TEST(EightKTest, HeadingStyles) {
  const std::string body = "\nThe Company reported results for the quarter.\n";
  const std::string tail =
      "Item 9.01 Financial Statements and Exhibits.\n(d) Exhibits\n99.1 Press release\n"
      "SIGNATURES\nPursuant to the requirements of the Securities Exchange Act of 1934.\n";
  const std::vector<Case> cases = {
      {"plain", "FORM 8-K\nItem 2.02 Results of Operations and Financial Condition." + body + tail,
       "2.02,9.01", "heading", "Item 2.02 Results of Operations and Financial Condition."},
      {"caps-period", "ITEM 2.02. RESULTS OF OPERATIONS AND FINANCIAL CONDITION" + body + tail,
       "2.02,9.01", "heading", ""},
      {"colon", "Item 2.02: Results of Operations" + body + tail, "2.02,9.01", "heading", ""},
      {"dash", "Item 2.02 - Results of Operations" + body + tail, "2.02,9.01", "heading", ""},
      {"em-dash", "Item 2.02\xE2\x80\x94Results of Operations" + body + tail, "2.02,9.01",
       "heading", ""},
      {"glued-title", "Item 2.02Results of Operations" + body + tail, "2.02,9.01", "heading", ""},
      {"no-space", "Item2.02 Results of Operations" + body + tail, "2.02,9.01", "heading", ""},
      {"sub-item", "Item 5.02(e) Compensatory Arrangements of Certain Officers" + body + tail,
       "5.02,9.01", "heading", ""},
      {"table-cells", "\tItem 2.02\tResults of Operations and Financial Condition" + body + tail,
       "2.02,9.01", "heading-in-table", "Item 2.02 Results of Operations and Financial Condition"},
      {"nbsp",
       "\xC2\xA0\xC2\xA0Item\xC2\xA0"
       "2.02 Results of Operations" +
           body + tail,
       "2.02,9.01", "", ""},
      {"title-next-line", "Item 2.02.\nResults of Operations and Financial Condition" + body + tail,
       "2.02,9.01", "heading-split", "Item 2.02. Results of Operations and Financial Condition"},
      {"title-after-blank-line",
       "Item 2.02.\n\nResults of Operations and Financial Condition" + body + tail, "2.02,9.01",
       "heading-split", "Item 2.02. Results of Operations and Financial Condition"},
      {"number-next-line", "ITEM\n2.02 Results of Operations" + body + tail, "2.02,9.01",
       "heading-split", ""},
      {"spaced-letters", "I T E M 2.02 Results of Operations" + body + tail, "2.02,9.01",
       "heading-spaced", ""},
      {"one-digit-minor", "Item 2.2 Results of Operations" + body + tail, "2.02,9.01", "", ""},
      {"cybersecurity", "Item 1.05 Material Cybersecurity Incidents" + body + tail, "1.05,9.01", "",
       ""},
      {"combined", "Items 2.02 and 7.01 Results of Operations; Regulation FD" + body + tail,
       "2.02,9.01", "combined", ""},
      // Rejected: not 8-K items, or lines that cite an item.
      {"unknown-numbers", "Item 2.07 Something\ntext\nItem 13. Something\ntext\n", "", "", ""},
      {"citation-of", "Item 8.01 Other Events\nText.\nItem 9 of Form 8-K requires more.\n", "8.01",
       "", ""},
      {"citation-above",
       "Item 1.01 Entry into a Material Definitive Agreement\nText.\n"
       "Item 2.03 above describes the loan.\nMore text.\n",
       "1.01", "", ""},
      {"mid-line-reference",
       "Item 1.01 Entry into a Material Definitive Agreement\nAs described in Item 2.03 below, "
       "the Company borrowed.\n",
       "1.01", "", ""},
      {"paren-after-number", "ITEM 5. OTHER EVENTS\ntext\nItem 9) which was held.\n", "item5", "",
       ""},
      {"decimal-sub-number", "Item 8.01 Other Events\ntext\nItem 8.01.1 is no item\n", "8.01", "",
       ""},
      {"no-items", "FORM 8-K\nPress release\nThe Company announced results.\n", "", "", ""},
      {"empty", "", "", "", ""},
      // Pre-2004 numbering.
      {"pre-2004",
       "ITEM 5. OTHER EVENTS\nThe registrant announced a merger.\nITEM 7. FINANCIAL STATEMENTS AND "
       "EXHIBITS\n(c) Exhibits\n99 Press release\nSIGNATURES\n",
       "item5,item7", "heading", "ITEM 5. OTHER EVENTS"},
      {"pre-2004-item-12", "Item 12. Results of Operations and Financial Condition\ntext\n",
       "item12", "", ""},
      {"old-number-in-current-filing",
       "Item 8.01 Other Events\ntext\nItem 5 Other Events\nmore text\n" + tail, "8.01,9.01", "",
       ""},
      // Joined lines (a plain-text filing read as HTML): upper-case headings inside lines.
      {"inline",
       "2 ITEM 5. OTHER EVENTS. The registrant announced a merger. ITEM 7. FINANCIAL STATEMENTS "
       "AND EXHIBITS. (c) Exhibits 99 Press release 3 SIGNATURES Pursuant to the requirements\n",
       "item5,item7", "heading-inline", "ITEM 5. OTHER EVENTS."},
      {"inline-citation-rejected",
       "ITEM 5. OTHER EVENTS\nThe registrant, as required by ITEM 7. FINANCIAL STATEMENTS, "
       "files.\n",
       "item5", "", ""},
  };
  for (const auto& c : cases) {
    const SectionMap map = segment_8k(c.text);
    expect_well_formed(map, c.text, c.name);
    EXPECT_EQ(items_of(map), c.items) << c.name;
    if (!c.method.empty() && !map.sections.empty()) {
      EXPECT_EQ(map.sections[0].method, c.method) << c.name;
    }
    if (!c.first_head.empty() && !map.sections.empty()) {
      EXPECT_EQ(map.sections[0].heading, c.first_head) << c.name;
    }
  }
}

TEST(EightKTest, ExtentsAndDuplicates) {
  // Cover list first (as many filings have), then the body; the signature block ends the last
  // item and nothing after it belongs to an item.
  const std::string text =
      "FORM 8-K\nItem 1.01 Entry into a Material Definitive Agreement\n"
      "Item 9.01 Financial Statements and Exhibits\nSIGNATURE\nEXHIBIT INDEX\n\n"
      "Item 1.01 Entry into a Material Definitive Agreement\nOn May 1, the Company signed a "
      "credit agreement with the lenders named therein.\n"
      "Section 9 - Financial Statements and Exhibits\n"
      "Item 9.01 Financial Statements and Exhibits\n(d) Exhibits\n10.1 Credit Agreement\n"
      "SIGNATURES\nPursuant to the requirements of the Securities Exchange Act of 1934.\n"
      "Signature of Holder: ______\nEXHIBIT INDEX\n10.1 Credit Agreement\n";
  const SectionMap map = segment_8k(text);
  expect_well_formed(map, text, "extents");
  ASSERT_EQ(items_of(map), "1.01,9.01");
  const std::string s0 = section_text(map, text, 0);
  const std::string s1 = section_text(map, text, 1);
  EXPECT_TRUE(s0.starts_with("Item 1.01 Entry into")) << s0;
  EXPECT_NE(s0.find("credit agreement"), std::string::npos) << s0;
  EXPECT_NE(s0.find("Section 9 -"), std::string::npos) << s0;  // as edgar-crawler
  EXPECT_TRUE(s1.starts_with("Item 9.01")) << s1;
  EXPECT_TRUE(s1.ends_with("10.1 Credit Agreement\n")) << s1;
  EXPECT_EQ(s1.find("SIGNATURES"), std::string::npos) << s1;
  ASSERT_FALSE(map.notes.empty());
  EXPECT_NE(map.notes.back().find("2 repeated item headings ignored"), std::string::npos);

  // Without a signature line the last item runs to the end.
  const std::string unsigned_text = "Item 8.01 Other Events\nThe Company moved.\n";
  const SectionMap m2 = segment_8k(unsigned_text);
  ASSERT_EQ(items_of(m2), "8.01");
  EXPECT_EQ(m2.sections[0].end, unsigned_text.size());
  EXPECT_NE(std::find(m2.notes.begin(), m2.notes.end(), "no signature line"), m2.notes.end());

  // Sub-items stay inside their item: "ITEM 7(b)" does not cut item 7.
  const std::string sub =
      "ITEM 7. FINANCIAL STATEMENTS AND EXHIBITS\n(a) Financial statements of business acquired.\n"
      "ITEM 7(b). Pro forma financial information.\nText.\nSIGNATURES\n";
  const SectionMap m3 = segment_8k(sub);
  ASSERT_EQ(items_of(m3), "item7");
  EXPECT_NE(section_text(m3, sub, 0).find("Pro forma"), std::string::npos);
  EXPECT_NE(std::find(m3.notes.begin(), m3.notes.end(), "pre-2004 item numbering"), m3.notes.end());

  const SectionMap m4 = segment_8k("no headings here\n");
  EXPECT_EQ(m4.notes, std::vector<std::string>{"no item headings"});
}

TEST(EightKTest, FlagsAndConfidence) {
  struct FlagCase {
    std::string name;
    std::string text;
    std::uint32_t flags;  // of the first section
  };
  const std::string next =
      "Item 9.01 Financial Statements and Exhibits\n(d) Exhibits 99.1 Press "
      "release of the Company dated May 1.\nSIGNATURE\n";
  const std::vector<FlagCase> cases = {
      {"normal",
       "Item 8.01 Other Events\nOn May 1, 2024 the Company announced the relocation of its "
       "headquarters to Austin, Texas.\n" +
           next,
       0},
      {"empty", "Item 8.01 Other Events\n\n" + next, kSectionEmpty},
      {"see-item",
       "Item 2.03 Creation of a Direct Financial Obligation\nSee Item 1.01 above.\n" + next,
       kSectionReferenceOnly},
      {"incorporated",
       "Item 3.02 Unregistered Sales of Equity Securities\nThe information set forth in Item 1.01 "
       "is incorporated herein by reference.\n" +
           next,
       kSectionReferenceOnly | kSectionIncorporatedByReference},
      {"none", "Item 8.01 Other Events\nNone.\n" + next, kSectionReferenceOnly},
      {"too-short", "Item 8.01 Other Events\nSee below.\n" + next, kSectionTooShort},
      {"too-long", "Item 8.01 Other Events\n" + std::string(250000, 'x') + "\n" + next,
       kSectionTooLong},
      // Bounds are by item and numbering era: a four-word disclosure is short, an exhibit list
      // of the same size is not; the financial-statements item (9.01, pre-2004 Item 7) may hold
      // an acquired business's statements, the pre-2004 Other Events item may not.
      {"short disclosure", "Item 8.01 Other Events\nThe Company moved offices.\n" + next,
       kSectionTooShort},
      {"short exhibit list",
       "Item 9.01 Financial Statements and Exhibits\n(d) Exhibits 99.1 Press release.\nSIGNATURE\n",
       0},
      {"long statements",
       "Item 9.01 Financial Statements and Exhibits\n" + std::string(300000, 'x') + "\nSIGNATURE\n",
       0},
      {"long pre-2004 statements",
       "Item 7. Financial Statements and Exhibits\n" + std::string(300000, 'x') + "\nSIGNATURE\n",
       0},
      {"long pre-2004 other events",
       "Item 5. Other Events\n" + std::string(300000, 'x') + "\nSIGNATURE\n", kSectionTooLong},
  };
  for (const auto& c : cases) {
    const SectionMap map = segment_8k(c.text);
    ASSERT_FALSE(map.sections.empty()) << c.name;
    EXPECT_EQ(map.sections[0].flags, c.flags) << c.name;
  }
  // A clean, titled, bounded heading scores high; an untitled one lower; an empty one lower still.
  const auto conf = [&](const std::string& t) { return segment_8k(t).sections.at(0).confidence; };
  const double clean = conf(cases[0].text);
  const double untitled = conf(
      "Item 8.01 Miscellaneous\nOn May 1, 2024 the Company moved "
      "its headquarters to Austin, Texas.\n" +
      next);
  const double empty = conf(cases[1].text);
  EXPECT_DOUBLE_EQ(clean, 1.0);
  EXPECT_LT(untitled, clean);
  EXPECT_LT(empty, untitled);
}

TEST(EightKTest, Titles) {
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"1.01", "Entry into a Material Definitive Agreement"},
      {"1.05", "Material Cybersecurity Incidents"},
      {"2.02", "Results of Operations and Financial Condition"},
      {"9.01", "Financial Statements and Exhibits"},
      {"item5", "Other Events"},
      {"item7", "Financial Statements and Exhibits"},
      {"item12", "Results of Operations and Financial Condition"},
      {"2.07", ""},
      {"item13", ""},
      {"", ""},
  };
  for (const auto& [id, title] : rows)
    EXPECT_EQ(eight_k_item_title(id), title) << id;
}

TEST(EightKTest, HostileInputStaysLinear) {
  const std::size_t mb = 1 << 20;
  std::vector<std::pair<std::string, std::string>> inputs;
  std::string one_line, many_lines, inline_heads, spaced, sigs;
  while (one_line.size() < mb)
    one_line += "Item 2.02 ";
  while (many_lines.size() < mb)
    many_lines += "Item 2.02\n";
  while (inline_heads.size() < mb)
    inline_heads += "ITEM 5. OTHER EVENTS. ";
  while (spaced.size() < mb)
    spaced += "I T E M \n";
  while (sigs.size() < mb)
    sigs += "SIGNATURES\nItem 8.01\n";
  inputs = {{"one-line", one_line},
            {"many-lines", many_lines},
            {"inline", inline_heads},
            {"spaced", spaced},
            {"signatures", sigs},
            {"nul-and-high-bytes", std::string(mb, '\0') + std::string(mb, '\xC2')}};
  for (const auto& [name, text] : inputs) {
    const SectionMap map = segment_8k(text);
    expect_well_formed(map, text, name);
    EXPECT_LE(map.sections.size(), 1u) << name;  // one item id at most in each
  }
}

}  // namespace
}  // namespace secnlp::nlp::sec
