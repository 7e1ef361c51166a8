#pragma once
// The item-heading engine behind segment_10k and segment_10q (nlp/sec/ten_k.h, ten_q.h), and
// look-ups on their results. Most callers want segment_10k / segment_10q and find_section.
//
// How a filing is cut (linear in the text; every regex is RE2, anchored, on a bounded prefix):
//  1. Candidates. Each line (and each sentence start inside long lines, for filings whose
//     SGML was flattened) that starts with "Item N[A-C]" -- optionally after "PART II[.-]
//     [OTHER INFORMATION]" -- is a candidate. Accepted spellings: "Item 1A." "ITEM 1A:"
//     "Item 1A-" "Item 1A—" "Item 1A.Risk", cells split by TAB ("Item 1A.\tRisk Factors"),
//     letters spaced out ("I T E M  1 A"), the title on the next line ("Item 1A." / "Risk
//     Factors"), "Item" alone on a line with "1A. Risk Factors" on the next, "Item 7(a)" for 7A,
//     "I TEM 7A" / "LEGAL PROCEE DINGS" (runs of <b>/<font> split mid-word: the title is also
//     matched with its blanks removed), a title running onto the next line ("ITEM 9A. CONTROLS
//     AND" / "PROCEDURES"), combined items
//     ("Items 1 and 2.", "Items 10 through 14") and "Item 9A(T)". A heading must be at a line
//     (or sentence) start and its remainder must be the item's canonical title, empty (title on
//     the next line), or a short capitalised title; "Item 7 of this report ...", "Item 14(a)(1)"
//     and "Item 601 of Regulation S-K" are rejected. Inside long lines the title must match.
//     "PART I".."PART IV" lines and a "SIGNATURES" line are candidates too.
//  2. Table of contents. Runs of >= 3 consecutive candidates with no body text between them
//     (a body line has >= 3 lower-case words of >= 4 letters) are a TOC when half of their items
//     reappear later or carry page numbers. TOC entries are never section starts.
//  3. Choice. Among the rest, a weighted longest increasing subsequence (position and item order
//     both increasing) picks one heading per item; weights favour a matching title, a line start,
//     a matching PART (10-Q) and body text after the heading; ties go to the earliest heading.
//     At most 12 candidates per item enter this step, so hostile input stays linear.
//  4. Sections run from a heading to the next chosen heading (a PART line just before it is left
//     out), the last one to SIGNATURES or the end (or the first "</DOCUMENT>" of a full
//     submission). Items only seen in the TOC are reported as zero-length sections at the TOC
//     entry with kSectionTableOfContentsOnly and confidence 0.1.
//
// Combined headings ("Items 1 and 2. Business and Properties"): the section is emitted under the
// first id with kSectionCombined and method "combined"; each further id gets a zero-length entry
// (begin == end == the primary's begin, same heading, kSectionCombined) placed just before the
// primary (so the vector stays in text order and non-overlapping); every id is findable, and
// find_section / section_text resolve such an entry to the primary's range.
//
// Methods: "heading" (line-start heading, title on the line), "split-heading" (title or number
// on the next line), "heading-in-table" (cells separated by TAB), "spaced-heading" ("I T E M"),
// "combined", "text-heading" (line-start heading in a hard-wrapped plain-text filing),
// "inline-heading" (sentence start inside a line of more than 250 bytes), "toc" (TOC-only
// entry), "unnumbered-heading" (executive_officers, financial_statements; confidence 0.8 with
// body text, else 0.6).
//
// Flags: kSectionEmpty (no letters or digits after the heading); kSectionIncorporatedByReference
// (body < 3000 bytes whose first 500 bytes say it is "incorporated (herein) by reference" (to a
// proxy statement, annual report, Exhibit 13 ...); always with kSectionReferenceOnly);
// kSectionReferenceOnly (body < 600 bytes saying "None", "Not applicable", "see ...", "set forth in
// ..."...; or < 3000 bytes whose first 500 invoke the smaller-reporting-company exemption: "not
// required", "not applicable", "omitted" ...); kSectionTooShort / kSectionTooLong (body outside the
// item's typical range of clean-text bytes, see the tables in ten_k.cpp / ten_q.cpp; not set on
// reference-only sections); kSectionTableOfContentsOnly; kSectionCombined; kSectionContainsHeading
// (the body holds, at a line start and outside any TOC, the titled heading of an item that belongs
// between this section and the next one found: a boundary was probably missed);
// kSectionUncertainEnd (the body ends in a short non-prose trailer: after its last prose line -- a
// body line or one ending a sentence or clause -- and among its last 12 non-blank lines
// (sentences, in long lines), two or more lines with >= 3 words and more letters than digits
// that are not numbered rows ("31.1 Certification", an exhibit index), e.g. an auditor's signature
// block or the titles of a table the clean text dropped; not set on signatures or unnumbered
// sections).
//
// refers_to: "EX-13" when a short body incorporates the item from the annual report to
// shareholders / Exhibit 13; for the item holding the financial statements, when its short body
// only points to them: "financial_statements" (a trailing F-pages section was found), else the
// item it names ("Item 15", "Part IV" -> "15"; pre-2003 "Item 14" -> "14").
//
// Cross-references are never headings: "Item 1A, Risk Factors" (comma after the number), a
// title followed by "of this report" / "below" / ", which ...", and a sentence start inside a
// long line opened by a quote that does not close a sentence ('see "Item 1A. Risk Factors"').
//
// Confidence (0..1): 0.55 for an accepted heading, +0.25 when the canonical title matches (on
// the line or the next), +0.10 when the heading is at a line start, +0.05 when body text follows,
// +0.05 when the detected TOC lists the item; -0.25 for too short/long; -0.30 for a contained
// heading; -0.10 for an uncertain end; -0.15 when the PART
// context (10-Q) disagrees; -0.10 for inline headings; TOC-only entries get 0.10. Clamped to
// [0, 1]. >= 0.8 is a heading we would bet on; < 0.5 deserves a look.

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "nlp/sec/section_map.h"

namespace secnlp::nlp::sec {

// The section for `item` ("1A", "part2item1a", "signatures"), or nullptr when absent. A combined
// heading's secondary entry resolves to its primary section (the one holding the text).
const ItemSection* find_section(const SectionMap& map, std::string_view item);

// The bytes of `item` in `text` (the text the map was made from), heading included; empty when
// absent or TOC-only. Resolves combined entries like find_section.
std::string_view section_text(const SectionMap& map, std::string_view text, std::string_view item);

// One item of a form: its id, part (0 for 10-K items), number as written after "Item" ("1A"),
// canonical title, an RE2 pattern (case-insensitive, anchored at the title's start) for the
// titles it is written with, and its typical length range in clean-text bytes of the body.
struct ItemSpec {
  std::string_view id;
  int part = 0;
  std::string_view number;
  std::string_view title;
  std::string_view title_pattern;
  std::uint32_t min_bytes = 0;
  std::uint32_t max_bytes = 0xffffffffu;
  // The item that holds the financial statements (10-K Item 8, 10-KSB Item 7): when its body
  // only points to them, refers_to says where they are.
  bool holds_financial_statements = false;
};

// What the engine looks for besides numbered items.
struct SegmenterOptions {
  // PART headings decide between items of the same number (10-Q).
  bool use_parts = false;
  // An unnumbered "Executive Officers of the Registrant" heading inside Part I (after Item 1,
  // before Item 5) starts its own section "executive_officers" (10-K).
  bool executive_officers = false;
  // Financial statements (an "Index to Financial Statements", "Report of Independent Registered
  // Public Accounting Firm" heading ...) after the signatures or inside the last item (16) start
  // their own section "financial_statements" (10-K).
  bool trailing_financial_statements = false;
  // Scale of the items' min_bytes (small filers, older filings write shorter items).
  double min_scale = 1.0;
};

// Cuts texts into the items of one form. Built once (compiles its regexes, ~1 ms); immutable and
// safe to share between threads. segment() is linear in the text.
class ItemSegmenter {
 public:
  // `items` in form order (the order headings must follow), without "signatures", which is
  // always added last. `use_parts`: PART headings decide between items of the same number
  // (10-Q). Throws secnlp::Error(kInvalidArgument) when a title pattern does not compile.
  ItemSegmenter(std::span<const ItemSpec> items, bool use_parts);
  ItemSegmenter(std::span<const ItemSpec> items, const SegmenterOptions& options);
  ~ItemSegmenter();
  ItemSegmenter(const ItemSegmenter&) = delete;
  ItemSegmenter& operator=(const ItemSegmenter&) = delete;

  SectionMap segment(std::string_view clean_text) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace secnlp::nlp::sec
