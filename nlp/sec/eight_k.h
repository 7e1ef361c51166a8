#pragma once
// 8-K item segmentation: cuts a current report into its items ("Item 2.02 Results of Operations
// and Financial Condition", "ITEM 5. OTHER EVENTS") on the pipeline's clean text.
//
// Compiled patterns are built once (function-local statics), immutable, and shared by all
// threads; every function here is thread-safe.

#include <string_view>

#include "nlp/sec/section_map.h"

namespace secnlp::nlp::sec {

// The SEC's title of an 8-K item: "1.01" -> "Entry into a Material Definitive Agreement",
// "9.01" -> "Financial Statements and Exhibits", "item5" -> "Other Events" (pre-August-2004
// numbering, "item1" ... "item12"). Empty for an unknown id. Constant time.
std::string_view eight_k_item_title(std::string_view item);

// Segments an 8-K's clean text (one block element per line, table cells separated by tabs or
// spaces; see tests/support/clean_text.h and nlp/html/html_to_text.h) into item sections.
//
// Headings: a line whose first word is "Item"/"Items" (any case, letters may be spaced as in
//   "I T E M", optional "No.") followed by an item number: "Item 2.02 Results ...", "ITEM 2.02.",
//   "Item 2.02:", "Item 2.02 -", "Item 5.02(e)", "Item 9.01Financial", "Item\n2.02" (number on
//   the next line), "Item 2.02." alone on its line with the title on the next line. Leading tabs,
//   spaces and NBSP are skipped, so a heading in the first cell of a table row counts.
//   A number that is not an 8-K item (e.g. "Item 2.07", "Item 13") is ignored. So is a line that
//   only cites an item: "Item 9 of Form 8-K ...", "Item 2.03 above ..." (the word after the
//   number is a lowercase connective such as of/and/above/below/is/in/to), and "Item 9)".
//   Mid-line mentions ("as described in Item 2.03 below") never start a section.
// Numbering: when any current-style heading (N.NN) is present, only those are used (ids "1.01"
//   ... "9.01", incl. 1.05 and 6.06); otherwise the pre-2004 items 1-12 are used (ids "item1" ...
//   "item12"), and a note "pre-2004 item numbering" is added.
// Duplicates: an item named several times (cover-page list or table of contents, then the body)
//   keeps the occurrence with the longest reach to the next heading of another item or to a
//   signature line; "Item 7(a)", "Item 7(b)" right after "Item 7" thus stay inside item 7.
// Extent: a section begins at its heading and ends at the next kept heading, at the first
//   "SIGNATURE"/"SIGNATURES"/"Signature(s)" line after it (the signature block and any exhibit
//   index after it belong to no item), or at the end of the text. This matches edgar-crawler,
//   whose per-item output is the reference (an exhibit index placed before the signatures stays
//   in the last item, as there).
// "Items 2.02 and 7.01 ..." gives one section for the first item, flagged kSectionCombined,
//   method "combined".
// method: "heading" | "heading-split" (number or title on the next line) | "heading-spaced"
//   ("I T E M") | "heading-in-table" (the line has tab-separated cells) | "combined".
// confidence: 0.5 for a heading, +0.2 when the heading's words agree with the SEC title (half
//   of its first content words appear), +0.1 when the heading line is short (< 200 bytes: a
//   heading, not a paragraph that opens with the item), +0.1 when the item's heading appears
//   once or the kept occurrence reaches at least twice as far as any other, +0.1 when the
//   section ends at another heading or a signature line rather than at the end of the text;
//   -0.3 when empty, -0.2 when reference-only, -0.1 when too short or too long; clamped to 0..1.
// flags: kSectionEmpty (no letter or digit after the heading); kSectionReferenceOnly (body under
//   400 bytes that points elsewhere: "See Item 8.01", "set forth in Item 1.01 ...", "None",
//   "Not applicable"); kSectionIncorporatedByReference (such a short body that says
//   "incorporated ... by reference"); kSectionTooShort / kSectionTooLong by item and numbering
//   era: the financial-statements item (9.01, pre-2004 "item7": an exhibit list or an acquired
//   business's statements) under 20 letters and digits / over 2,000,000 bytes, every other item
//   under 40 / over 200,000 bytes (too-short not when empty, reference-only or incorporated).
// notes: "no item headings", "pre-2004 item numbering", "no signature line",
//   "N repeated item headings ignored (cover list or table of contents)".
// Cost: one pass over the line starts; RE2 runs only on lines whose first letter is I or S, on at
//   most 256 bytes each, so time is linear in the input whatever it holds.
SectionMap segment_8k(std::string_view clean_text);

}  // namespace secnlp::nlp::sec
