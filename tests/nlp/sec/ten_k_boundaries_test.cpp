// segment_10k on fixtures written for issue 16, one per failure class: unnumbered Part I
// sections (executive officers), headings in unusual layouts (HTML through the default clean
// text), answered stub items, material after the last item (F-pages, refers_to), era- and
// form-specific items, cross-references, and the contains-heading and uncertain-end flags.

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "nlp/sec/item_headings.h"
#include "nlp/sec/section_map.h"
#include "nlp/sec/ten_k.h"
#include "tests/support/clean_text.h"

namespace {

using namespace secnlp::nlp::sec;

std::string body(int n = 30) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += "The company designs and sells products through retail channels around the world. ";
  return s + "\n";
}

std::vector<std::string> ids(const SectionMap& m) {
  std::vector<std::string> out;
  for (const auto& s : m.sections)
    if (!(s.flags & kSectionTableOfContentsOnly)) out.push_back(s.item);
  return out;
}

std::string text_of(const SectionMap& m, const std::string& text, const char* item) {
  return std::string(section_text(m, text, item));
}

bool contains(const std::string& hay, const char* needle) {
  return hay.find(needle) != std::string::npos;
}

// A modern TOC, so that body headings are told apart from TOC lines as in real filings.
const std::string kToc =
    "TABLE OF CONTENTS\nItem 1. Business 3\nItem 1A. Risk Factors 9\nItem 2. Properties 20\n"
    "Item 3. Legal Proceedings 21\nItem 4. Mine Safety Disclosures 21\n"
    "Item 5. Market for Registrant's Common Equity 22\n";

TEST(Segment10KBoundaries, ExecutiveOfficersAfterItem4AreTheirOwnSection) {
  const std::string text = kToc + "PART I\nItem 1. Business\n" + body() + "Item 2. Properties\n" +
                           body(5) + "Item 3. Legal Proceedings\n" + body(5) +
                           "Item 4. Mine Safety Disclosures\nNot applicable.\n" +
                           "Executive Officers of the Registrant\n" + body(8) +
                           "PART II\nItem 5. Market for Registrant's Common Equity\n" + body(10);
  const SectionMap m = segment_10k(text);
  EXPECT_EQ(ids(m), (std::vector<std::string>{"1", "2", "3", "4", "executive_officers", "5"}));
  EXPECT_FALSE(contains(text_of(m, text, "4"), "Executive Officers"));
  const std::string exec = text_of(m, text, "executive_officers");
  EXPECT_EQ(exec.rfind("Executive Officers of the Registrant\n", 0), 0u) << exec.substr(0, 60);
  EXPECT_FALSE(contains(exec, "PART II"));
  const ItemSection* s = find_section(m, "executive_officers");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->method, "unnumbered-heading");
  EXPECT_GE(s->confidence, 0.8);
}

TEST(Segment10KBoundaries, ExecutiveOfficersAtTheEndOfItem1) {
  const std::string text = kToc + "Item 1. Business\n" + body() +
                           "Information About Our Executive Officers (as of January 31, 2024)\n" +
                           body(5) + "Item 1A. Risk Factors\n" + body() + "Item 2. Properties\n" +
                           body(5);
  const SectionMap m = segment_10k(text);
  EXPECT_EQ(ids(m), (std::vector<std::string>{"1", "executive_officers", "1A", "2"}));
  EXPECT_FALSE(contains(text_of(m, text, "1"), "Executive Officers"));
}

TEST(Segment10KBoundaries, ExecutiveOfficersInPartIIIStayInTheItem) {
  const std::string text = kToc + "Item 1. Business\n" + body() + "Item 5. Market for Equity\n" +
                           body(5) +
                           "Item 10. Directors, Executive Officers and Corporate Governance\n" +
                           "Executive Officers of the Registrant\n" + body(5) +
                           "Item 11. Executive Compensation\n" + body(5);
  const SectionMap m = segment_10k(text);
  EXPECT_EQ(ids(m), (std::vector<std::string>{"1", "5", "10", "11"}));
}

// HTML layouts: all caps over several elements, number and title in different cells, "Item
// 7(a)", <b>/<font> runs split mid-word (the newline between runs becomes a blank).
TEST(Segment10KBoundaries, HeadingsInUnusualHtmlLayouts) {
  const std::string para = "<p>" + body(40) + "</p>\n";
  const std::string html =
      "<html><body><p><b>PART I</b></p>\n"
      "<p><b>ITEM 1.</b></p><p><b>BUSINESS</b></p>\n" +
      para + "<p><font>I</font>\n<font>TEM 2. PROPERTIES</font></p>\n" + para +
      "<p><b>ITEM 3. LEGAL PROCEE</b>\n<b>DINGS</b></p>\n" + para +
      "<table><tr><td><b>ITEM 7.</b></td><td><b>MANAGEMENT&#8217;S DISCUSSION AND ANALYSIS OF "
      "FINANCIAL CONDITION AND RESULTS OF OPERATIONS</b></td></tr></table>\n" +
      para +
      "<p><b>Item 7(a). Quantitative and Qualitative Disclosures About Market Risk</b></p>\n" +
      para + "<p><b>ITEM 9A. CONTROLS AND</b></p><p><b>PROCEDURES</b></p>\n" + para +
      "<p><b>ITEM 9B.&#160;&#160;OTHER INFORMATION</b></p>\n" + para + "</body></html>";
  const std::string text = secnlp::testing::default_clean_text(html);
  const SectionMap m = segment_10k(text);
  EXPECT_EQ(ids(m), (std::vector<std::string>{"1", "2", "3", "7", "7A", "9A", "9B"})) << text;
  for (const char* item : {"1", "2", "3", "7", "7A", "9A", "9B"}) {
    const ItemSection* s = find_section(m, item);
    ASSERT_NE(s, nullptr) << item;
    EXPECT_GE(s->confidence, 0.8) << item << " " << s->heading;
    EXPECT_EQ(s->flags & kSectionContainsHeading, 0u) << item;
  }
  EXPECT_FALSE(contains(text_of(m, text, "7"), "Quantitative"));
  EXPECT_FALSE(contains(text_of(m, text, "2"), "LEGAL"));
}

TEST(Segment10KBoundaries, AnsweredStubItemsAreFound) {
  const std::string toc =
      "INDEX\nItem 9A. Controls and Procedures 50\nItem 9B. Other Information 51\n"
      "Item 9C. Disclosure Regarding Foreign Jurisdictions that Prevent Inspections 51\n"
      "Item 15. Exhibits and Financial Statement Schedules 52\nItem 16. Form 10-K Summary 53\n";
  const std::string text =
      toc + "Item 9A. Controls and Procedures\n" + body(5) + "Item 9B. Other Information\nNone.\n" +
      "Item 9C. Disclosure Regarding Foreign Jurisdictions that Prevent Inspections\n"
      "Not applicable.\n" +
      "Item 15. Exhibits and Financial Statement Schedules\n3.1 Articles of Incorporation\n"
      "31.1 Certification\n" +
      "Item 16. Form 10‑K Summary. None.\n" + "SIGNATURES\n" + body(2);
  const SectionMap m = segment_10k(text);
  EXPECT_EQ(ids(m), (std::vector<std::string>{"9A", "9B", "9C", "15", "16", "signatures"}));
  const ItemSection* s16 = find_section(m, "16");
  ASSERT_NE(s16, nullptr);
  EXPECT_TRUE(s16->flags & kSectionReferenceOnly);
  EXPECT_GE(s16->confidence, 0.8);
}

TEST(Segment10KBoundaries, SmallerReportingCompanyAnswersAreNotTooShort) {
  // Scaled disclosure: a small filer answers Item 1A in one sentence. Without the rule the
  // 130-byte body is far under Item 1A's 2,000-byte minimum and was flagged too-short.
  const std::string text =
      kToc + "Item 1. Business\n" + body() + "ITEM 1A. RISK FACTORS.\n" +
      "As a \"smaller reporting company\" defined by Item 10 of Regulation S-K, the Company is not "
      "required to provide this information.\n" +
      "Item 2. Properties\n" + body(5);
  const SectionMap m = segment_10k(text);
  const ItemSection* s = find_section(m, "1A");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->flags & kSectionReferenceOnly) << section_flag_names(s->flags);
  EXPECT_EQ(s->flags & kSectionTooShort, 0u);
  // A short Item 1A that does not invoke the exemption stays too short.
  const std::string bare = kToc + "Item 1. Business\n" + body() + "ITEM 1A. RISK FACTORS.\n" +
                           "Our business depends on a few large customers.\n" +
                           "Item 2. Properties\n" + body(5);
  const SectionMap bare_map = segment_10k(bare);  // find_section points into it
  const ItemSection* b = find_section(bare_map, "1A");
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(b->flags & kSectionTooShort) << section_flag_names(b->flags);
}

TEST(Segment10KBoundaries, FinancialStatementsAfterTheSignatures) {
  const std::string text =
      kToc + "Item 1. Business\n" + body() +
      "Item 8. Financial Statements and Supplementary Data\n"
      "See the Index to Financial Statements on page F-1.\n" +
      "Item 9. Changes in and Disagreements with Accountants\nNone.\n" +
      "Item 15. Exhibits and Financial Statement Schedules\n" + body(3) +
      "Item 16. Form 10-K Summary\nNone.\n" +
      "SIGNATURES\nPursuant to the requirements of the Securities Exchange Act of 1934, the "
      "registrant has duly caused this report to be signed.\n/s/ Jane Doe\tChief Executive "
      "Officer\tMarch 1, 2024\n" +
      "INDEX TO FINANCIAL STATEMENTS\nReport of Independent Registered Public Accounting Firm "
      "F-2\n" +
      body(40);
  const SectionMap m = segment_10k(text);
  EXPECT_EQ(ids(m), (std::vector<std::string>{"1", "8", "9", "15", "16", "signatures",
                                              "financial_statements"}));
  const std::string sig = text_of(m, text, "signatures");
  EXPECT_FALSE(contains(sig, "INDEX TO FINANCIAL")) << sig;
  EXPECT_TRUE(contains(sig, "Jane Doe"));
  const ItemSection* s8 = find_section(m, "8");
  ASSERT_NE(s8, nullptr);
  EXPECT_EQ(s8->refers_to, "financial_statements");
  EXPECT_TRUE(s8->flags & kSectionReferenceOnly);
  EXPECT_EQ(s8->flags & kSectionTooShort, 0u);
}

// What follows the signatures in older filings: a filer agent's "QuickLinks" list of the
// document's headings (one line names the auditors' report: no financial statements there),
// certifications, an exhibit index. None of it is signatures.
TEST(Segment10KBoundaries, SignaturesEndBeforeQuickLinksCertificationsAndExhibitIndex) {
  const std::string signatures =
      "SIGNATURES\nPursuant to the requirements of the Securities Exchange Act of 1934, the "
      "registrant has duly caused this report to be signed on its behalf.\n/s/ JANE DOE\nJANE "
      "DOE\nChief Executive Officer\nDecember 18, 2003\n";
  const std::string head = kToc + "Item 1. Business\n" + body() +
                           "Item 8. Financial Statements and Supplementary Data\n" + body(20) +
                           "Item 15. Exhibits, Financial Statement Schedules and Reports on Form "
                           "8-K\n" +
                           body(3) + signatures;
  for (const std::string& trailer :
       {std::string("QuickLinks\nPART I\nItem 1. Business\nItem 8. Financial Statements and "
                    "Supplementary Data\nREPORT OF INDEPENDENT AUDITORS\nSIGNATURES\n"),
        std::string("CERTIFICATIONS\nI, Jane Doe, certify that:\n1. I have reviewed this annual "
                    "report on Form 10-K.\n") +
            body(2),
        std::string("EXHIBIT INDEX\n21 Subsidiaries of the Registrant.\n23.1 Consent of "
                    "Independent Auditors.\n")}) {
    const std::string text = head + trailer;
    const SectionMap m = segment_10k(text);
    EXPECT_EQ(ids(m), (std::vector<std::string>{"1", "8", "15", "signatures"})) << trailer;
    const std::string sig = text_of(m, text, "signatures");
    EXPECT_TRUE(contains(sig, "December 18, 2003")) << sig;
    EXPECT_FALSE(contains(sig, trailer.substr(0, 10).c_str())) << sig;
  }
}

// Schedule II after the signatures (1990s 10-Ks) is financial statements, and the exhibit index
// after it stays with it.
TEST(Segment10KBoundaries, ScheduleIIAfterTheSignatures) {
  const std::string text =
      kToc + "Item 1. Business\n" + body() +
      "Item 14. Exhibits, Financial Statement Schedules and Reports on Form 8-K\n" + body(3) +
      "SIGNATURES\nPursuant to the requirements of the Securities Exchange Act of 1934, the "
      "registrant has duly caused this report to be signed on its behalf.\n/s/ JANE DOE\n"
      "Director\nDecember 19, 1995\n" +
      "SCHEDULE II\nVALUATION AND QUALIFYING ACCOUNTS\n" + body(3) +
      "INDEX TO EXHIBITS\n21 Subsidiaries of the Registrant.\n";
  const SectionMap m = segment_10k(text, {"10-K", 1995});
  EXPECT_EQ(ids(m), (std::vector<std::string>{"1", "14", "signatures", "financial_statements"}));
  EXPECT_FALSE(contains(text_of(m, text, "signatures"), "SCHEDULE II"));
  EXPECT_TRUE(contains(text_of(m, text, "financial_statements"), "INDEX TO EXHIBITS"));
}

// From August 2002 to mid-2003, Item 14 was "Controls and Procedures" and the exhibits Item 15.
TEST(Segment10KBoundaries, LateTwoThousandTwoNumbering) {
  const std::string text =
      kToc + "Item 1. Business\n" + body() +
      "Item 13. Certain Relationships and Related "
      "Transactions\n" +
      body(3) + "Item 14. Controls and Procedures\n" + body(3) +
      "PART IV\nItem 15. Exhibits, Financial Statement Schedules and Reports on Form 8-K\n" +
      body(3) + "SIGNATURES\nPursuant to the requirements of the Securities Exchange Act.\n";
  const SectionMap m = segment_10k(text, {"10-K", 2002});
  EXPECT_EQ(ids(m), (std::vector<std::string>{"1", "13", "14", "15", "signatures"}));
  const ItemSection* s14 = find_section(m, "14");
  ASSERT_NE(s14, nullptr);
  EXPECT_EQ(s14->title, "Controls and Procedures");
  EXPECT_FALSE(contains(text_of(m, text, "14"), "Item 15."));
}

TEST(Segment10KBoundaries, Item8PointingToItem15) {
  const std::string text =
      kToc + "Item 1. Business\n" + body() +
      "Item 8. Financial Statements and Supplementary Data\n"
      "The financial statements required by this item are included in Part IV, Item 15 of "
      "this report, beginning on page F-1.\n" +
      "Item 9. Changes in and Disagreements with Accountants\nNone.\n" +
      "Item 15. Exhibits and Financial Statement Schedules\n" + body(40);
  const SectionMap m = segment_10k(text);
  const ItemSection* s8 = find_section(m, "8");
  ASSERT_NE(s8, nullptr);
  EXPECT_EQ(s8->refers_to, "15");
}

TEST(Segment10KBoundaries, ItemsIncorporatedFromTheAnnualReportReferToEx13) {
  const std::string text =
      "Item 1. Business\n" + body() +
      "Item 7. Management's Discussion and Analysis of Financial Condition and Results of "
      "Operations\nThe information required by this item is incorporated herein by reference to "
      "the section entitled \"Financial Review\" of the 1998 Annual Report to Shareholders, "
      "filed as Exhibit 13.\n" +
      "Item 8. Financial Statements and Supplementary Data\nThe information required by this item "
      "is incorporated herein by reference to pages 20 through 45 of the Annual Report to "
      "Shareholders.\n" +
      "Item 9. Changes in and Disagreements with Accountants\nNone.\n";
  const SectionMap m = segment_10k(text, {"10-K", 1998});
  for (const char* item : {"7", "8"}) {
    const ItemSection* s = find_section(m, item);
    ASSERT_NE(s, nullptr) << item;
    EXPECT_EQ(s->refers_to, "EX-13") << item;
    EXPECT_TRUE(s->flags & kSectionIncorporatedByReference) << item;
  }
}

TEST(Segment10KBoundaries, Pre2003Item14IsTheExhibitsItem) {
  const std::string text =
      "Item 1. Business\n" + body() + "Item 13. Certain Relationships and Related Transactions\n" +
      body(2) + "Item 14. Exhibits, Financial Statement Schedules and Reports on Form 8-K\n" +
      body(20) + "SIGNATURES\n" + body(2);
  const SectionMap old = segment_10k(text, {"10-K405", 1999});
  const ItemSection* s = find_section(old, "14");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->title, "Exhibits, Financial Statement Schedules and Reports on Form 8-K");
  EXPECT_EQ(s->flags & kSectionTooLong, 0u);
  // The year read from the cover page when not given.
  const SectionMap guessed = segment_10k(
      "ANNUAL REPORT PURSUANT TO SECTION 13\nFor the fiscal year ended September 30, "
      "1999\n" +
      text);
  ASSERT_NE(find_section(guessed, "14"), nullptr);
  EXPECT_EQ(find_section(guessed, "14")->title,
            "Exhibits, Financial Statement Schedules and Reports on Form 8-K");
  EXPECT_EQ(guess_filing_year("For the fiscal year ended September 30, 1999"), 1999);
  // A modern filing whose Item 14 is still the exhibits item keeps that title.
  const SectionMap modern = segment_10k(text, {"10-K", 2010});
  ASSERT_NE(find_section(modern, "14"), nullptr);
  EXPECT_EQ(find_section(modern, "14")->title,
            "Exhibits, Financial Statement Schedules and Reports on Form 8-K");
}

TEST(Segment10KBoundaries, TenKsbNumbering) {
  const std::string text =
      "FORM 10-KSB\nItem 1. Description of Business\n" + body() +
      "Item 6. Management's Discussion and Analysis or Plan of Operation\n" + body(10) +
      "Item 7. Financial Statements\n" + body(10) +
      "Item 8. Changes in and Disagreements with Accountants on Accounting and Financial "
      "Disclosure\nNone.\n" +
      "Item 8A. Controls and Procedures\n" + body(3) + "Item 13. Exhibits\n" + body(2);
  for (const FilingInfo info : {FilingInfo{"10-KSB", 2006}, FilingInfo{}}) {
    const SectionMap m = segment_10k(text, info);
    EXPECT_EQ(ids(m), (std::vector<std::string>{"1", "6", "7", "8", "8A", "13"}));
    const ItemSection* md = find_section(m, "6");
    ASSERT_NE(md, nullptr);
    EXPECT_EQ(md->title, "Management's Discussion and Analysis or Plan of Operation");
    EXPECT_EQ(md->flags & kSectionTooShort, 0u);
    ASSERT_NE(find_section(m, "7"), nullptr);
    EXPECT_EQ(find_section(m, "7")->title, "Financial Statements");
  }
}

TEST(Segment10KBoundaries, CrossReferencesNeverEndItem1) {
  std::string long_line;
  for (int i = 0; i < 20; ++i)
    long_line += "Our products face competition in every market we serve. ";
  const std::string text =
      kToc + "Item 1. Business\n" + body(10) +
      // Inside a long paragraph: a quoted heading after "see".
      long_line + "For more, see \"Item 1A. Risk Factors\" below. " + long_line + "\n" +
      // At line starts (hard-wrapped text, table cells): comma and trailing prose.
      "Item 1A, Risk Factors, of this report describes the risks we face in our business and "
      "should be read with care by every investor before investing in the company.\n" +
      "Item 1A. Risk Factors of this Annual Report on Form 10-K\n" + body(10) +
      "Item 1A. Risk Factors\n" + body() + "Item 2. Properties\n" + body(5);
  const SectionMap m = segment_10k(text);
  EXPECT_EQ(ids(m), (std::vector<std::string>{"1", "1A", "2"}));
  const std::string item1 = text_of(m, text, "1");
  EXPECT_TRUE(contains(item1, "of this Annual Report")) << item1.substr(item1.size() - 200);
  EXPECT_EQ(text_of(m, text, "1A").rfind("Item 1A. Risk Factors\nThe company", 0), 0u);
}

TEST(Segment10KBoundaries, ContainedHeadingIsFlagged) {
  // Items 3-5 written like a TOC (body-less headings with page-like numbers) inside Item 2's
  // body: taken for a table of contents, they leave Item 2 holding Legal Proceedings.
  const std::string text = "Item 1. Business\n" + body() + "Item 2. Properties\n" + body(5) +
                           "Item 3. Legal Proceedings 14\nItem 4. Mine Safety Disclosures 15\n"
                           "Item 5. Market for Registrant's Common Equity 16\n" +
                           body(5) + "Item 7. Management's Discussion and Analysis\n" + body() +
                           "Item 9. Changes in and Disagreements with Accountants\n" + body(3) +
                           "Item 3. Legal Proceedings\n" + "Item 4. Mine Safety Disclosures\n" +
                           "Item 5. Market for Registrant's Common Equity\n";
  const SectionMap m = segment_10k(text);
  const ItemSection* s2 = find_section(m, "2");
  ASSERT_NE(s2, nullptr);
  EXPECT_TRUE(s2->flags & kSectionContainsHeading) << section_flag_names(s2->flags);
  EXPECT_LT(s2->confidence, 0.8);
  EXPECT_NE(section_flag_names(kSectionContainsHeading).find("contains-heading"),
            std::string::npos);
  // A clean filing raises no such flag.
  const std::string clean = kToc + "Item 1. Business\n" + body() + "Item 2. Properties\n" +
                            body(5) + "Item 3. Legal Proceedings\n" + body(5);
  for (const auto& s : segment_10k(clean).sections)
    EXPECT_EQ(s.flags & kSectionContainsHeading, 0u) << s.item;
}

TEST(Segment10KBoundaries, NonProseTrailerMakesTheEndUncertain) {
  // Item 8 ends with the auditor's signature block after the report's last sentence: references
  // disagree on whether it belongs, so the end is flagged and confidence lowered.
  const std::string signed_report =
      "Item 8. Financial Statements and Supplementary Data\n" + body(20) +
      "Because of its inherent limitations, internal control over financial reporting may not "
      "prevent or detect misstatements.\n/s/ Ernst & Young LLP\nSan Jose, California\n"
      "November 2, 2023\n";
  const std::string tail = "Item 9. Changes in and Disagreements with Accountants\nNone.\n" +
                           std::string("Item 9A. Controls and Procedures\n") + body(5);
  const std::string text = kToc + "Item 1. Business\n" + body() + signed_report + tail;
  const SectionMap m = segment_10k(text);
  const ItemSection* s8 = find_section(m, "8");
  ASSERT_NE(s8, nullptr);
  EXPECT_TRUE(contains(text_of(m, text, "8"), "November 2, 2023"));
  EXPECT_TRUE(s8->flags & kSectionUncertainEnd) << section_flag_names(s8->flags);
  EXPECT_NE(section_flag_names(s8->flags).find("uncertain-end"), std::string::npos);
  const ItemSection* s1 = find_section(m, "1");
  ASSERT_NE(s1, nullptr);
  EXPECT_EQ(s1->flags & kSectionUncertainEnd, 0u);
  EXPECT_LT(s8->confidence, s1->confidence);
  // Titles of a table the clean text dropped (all capitals, no sentence end) do the same.
  const std::string schedule =
      kToc + "Item 1. Business\n" + body() +
      "Item 8. Financial Statements and Supplementary Data\n" + body(20) +
      "JEWEL TRADING COMPANY AND SUBSIDIARIES\n"
      "SCHEDULE II - VALUATION AND QUALIFYING ACCOUNTS\nAUGUST 31, 2022\n" +
      tail;
  const SectionMap schedule_map = segment_10k(schedule);  // find_section points into it
  const ItemSection* t8 = find_section(schedule_map, "8");
  ASSERT_NE(t8, nullptr);
  EXPECT_TRUE(t8->flags & kSectionUncertainEnd);
  // Not flagged: one trailing line (within the one sentence a boundary may be off by), answered
  // sub-headings ("None."), numeric rows, a long list (an exhibit index is the item's content).
  const std::string one = kToc + "Item 1. Business\n" + body() +
                          "Item 8. Financial Statements and Supplementary Data\n" + body(20) +
                          "/s/ Ernst & Young LLP\n" + tail;
  const std::string answered = kToc + "Item 1. Business\n" + body() +
                               "Item 8. Financial Statements and Supplementary Data\n" + body(20) +
                               "Issuer Purchases of Equity Securities\nNone.\n" + tail;
  const std::string numeric = kToc + "Item 1. Business\n" + body() +
                              "Item 8. Financial Statements and Supplementary Data\n" + body(20) +
                              "Total assets $5,302,746 $5,171,412 $4,223,693\n"
                              "Long-term debt $ 304,472 $ 7,117 $ 17,740\n" +
                              tail;
  std::string list = kToc + "Item 1. Business\n" + body() +
                     "Item 8. Financial Statements and Supplementary Data\n" + body(20);
  for (int i = 1; i <= 14; ++i)
    list += "10." + std::to_string(i) + " Employment Agreement with Executive Officer Number\n";
  list += tail;
  // A short exhibit index: numbered rows are content.
  const std::string exhibits = kToc + "Item 1. Business\n" + body() +
                               "Item 15. Exhibits and Financial Statement Schedules\n" + body(3) +
                               "The following exhibits are filed as part of this report:\n"
                               "3.1\tRestated Certificate of Incorporation of the Company\n"
                               "10.1\tEmployment Agreement with the Chief Executive Officer\n"
                               "Exhibit 31.1 Certification of Chief Executive Officer\n" +
                               "SIGNATURES\n" + body(1);
  const std::pair<const char*, const std::string*> cases[] = {{"one line", &one},
                                                              {"answered", &answered},
                                                              {"numeric", &numeric},
                                                              {"list", &list},
                                                              {"exhibits", &exhibits}};
  for (const auto& [name, t] : cases) {
    const SectionMap map = segment_10k(*t);
    EXPECT_TRUE(find_section(map, "8") != nullptr || find_section(map, "15") != nullptr) << name;
    for (const auto& s : map.sections)
      EXPECT_EQ(s.flags & kSectionUncertainEnd, 0u) << name << " " << s.item;
  }
}

}  // namespace
