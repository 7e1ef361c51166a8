#pragma once
// Item sections of SEC filings: the result type shared by the 10-K, 10-Q and 8-K segmenters.
//
// Segmenters work on the pipeline's clean text (one block element per line, table cells
// separated by tabs; see nlp/html/html_to_text.h) and return byte ranges of that text.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::nlp::sec {

enum class FormFamily { k10K, k10Q, k8K, kOther };

// The family of a form type: 10-K, 10-K405, 10-KT, 10-KSB, 10-K/A, 10-K405/A ... -> k10K;
// 10-Q, 10-QT, 10-QSB, 10-Q/A -> k10Q; 8-K, 8-K/A, 8-K12B ... -> k8K; anything else kOther.
// Case and surrounding spaces are ignored.
FormFamily form_family(std::string_view form);

// The form family named on a filing's cover page ("FORM 10-K", "Form 10-Q", "FORM 8-K",
// "ANNUAL REPORT PURSUANT TO SECTION 13 ...") within the first 20 KB of clean text; kOther when
// none is found. For documents whose metadata has no form type.
FormFamily guess_form_family(std::string_view clean_text);

// The filing year named on a cover page ("For the fiscal year ended September 30, 1999",
// "for the quarterly period ended ...") within the first 20 KB of clean text; 0 when none.
int guess_filing_year(std::string_view clean_text);

// What is known of a filing besides its text; the segmenters pick era- and form-specific item
// tables from it (pre-2003 10-K Item 14, 10-KSB numbering, shorter items of small filers).
struct FilingInfo {
  std::string_view form;  // "10-K", "10-K405", "10-KSB" ...; empty: from the cover page
  int year = 0;           // filing or fiscal year; 0: from the cover page
};

// Short names of the set flags, comma-separated: "empty", "reference-only",
// "incorporated-by-reference", "too-short", "too-long", "toc-only", "combined",
// "contains-heading", "truncated", "uncertain-end".
std::string section_flag_names(std::uint32_t flags);

// Section flags (bits of ItemSection::flags).
enum SectionFlag : std::uint32_t {
  kSectionEmpty = 1u << 0,                    // heading found, no body text
  kSectionReferenceOnly = 1u << 1,            // body only points elsewhere ("see Item 7", "None")
  kSectionIncorporatedByReference = 1u << 2,  // body incorporates the item from an exhibit/proxy
  kSectionTooShort = 1u << 3,                 // much shorter than this item usually is
  kSectionTooLong = 1u << 4,                  // much longer than this item usually is
  kSectionTableOfContentsOnly = 1u << 5,      // only a table-of-contents entry was found
  kSectionCombined = 1u << 6,                 // heading covers several items ("Items 1 and 2")
  // The body holds, at a line start, the heading of another item expected between this one and
  // the next section found: the boundary is probably wrong (a missed heading).
  kSectionContainsHeading = 1u << 7,
  // The document ends before its container does (a cut download) and this is its last
  // section: its end is where the file stopped, not where the item ends. Set by the pipeline.
  kSectionTruncated = 1u << 8,
  // The body ends in a short run of lines with words but no prose (a signature block, titles of a
  // table the clean text dropped, a caption) after its last prose line: readers disagree on
  // whether such a trailer belongs to the item, so the end is uncertain by a few lines.
  kSectionUncertainEnd = 1u << 9,
};

struct ItemSection {
  // Canonical id. 10-K: "1", "1A", "1B", "1C", "2" ... "16", "signatures", and the unnumbered
  // "executive_officers" (Part I, "Executive Officers of the Registrant") and
  // "financial_statements" (F-pages after Item 16 / the signatures). 10-KSB: its own numbers
  // ("6" is MD&A, "7" the financial statements, "8A" controls; titles say so).
  // 10-Q: "part1item1" ... "part1item4", "part2item1", "part2item1a", "part2item2" ...
  // "part2item6". 8-K: "1.01" ... "9.01", and pre-2004 items as "item1" ... "item12".
  std::string item;
  std::string title;        // canonical title, e.g. "Risk Factors"
  std::string heading;      // the heading line as found in the text
  std::uint32_t begin = 0;  // byte offset of the heading in the text
  std::uint32_t end = 0;    // byte offset where the next section (or the end) starts
  std::string method;       // how it was found, e.g. "heading", "heading-in-table", "combined"
  double confidence = 0;    // 0..1
  std::uint32_t flags = 0;  // SectionFlag bits
  // Where the item's content is when its body only points there: another section's id
  // ("financial_statements", "15") or an exhibit type ("EX-13"); empty otherwise.
  std::string refers_to;
};

struct SectionMap {
  std::vector<ItemSection> sections;  // in text order, non-overlapping
  std::vector<std::string> notes;     // what the segmenter noticed (e.g. "no item headings")
};

}  // namespace secnlp::nlp::sec
