#pragma once
// Sentence segmentation of UTF-8 filing text: ICU's sentence BreakIterator (Locale en_US, rules of
// UAX #29) run over a UText that reads the UTF-8 bytes in place, plus a filing-aware
// abbreviation layer that removes ICU boundaries after abbreviations.
//
// Abbreviation layer. A boundary is looked at only when the text before it ends with '.'; the
// last whitespace-delimited token before it (leading "([{\"'“‘ stripped) is the abbreviation,
// the first token after it is "next". A boundary across a line break that ends sentences (every
// '\n' in kHard mode, blank lines in kParagraph mode) is never removed. Rules, case-sensitive
// (the ALL-CAPS spelling of company forms and "No."/"Nos." is accepted too, as in "APPLE INC."):
//   always merge    Mr. Mrs. Ms. Dr. Messrs. Prof. Hon. e.g. i.e. cf. viz. vs. v. approx.
//                   Sec. Reg. Art. Para. Fig. Figs. Exh.      ("Sec." never matches "SEC.")
//   number          No. Nos.: merge when next starts with a digit, '#' or '('
//   etc.            merge only when next starts with a lowercase letter
//   names           Inc. Corp. Co. Ltd. L.L.C. L.P. N.A. S.A. N.V. Bros. Jr. Sr. St. Mt. Ave.
//                   Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec. "et al.",
//                   and options.extra_abbreviations:
//                   merge when next starts with a lowercase letter, a digit, '(' or '[', or is
//                   another part of a company name (LLC, L.L.C., Inc., Corp., Co., Ltd., LP,
//                   L.P., LLP, N.A., plc, PLC, AG, S.A., N.V., GmbH, Company, Holdings,
//                   Incorporated, Limited, Bank, &). "Apple Inc. The Company..." splits;
//                   "Apple Inc. and ...", "Jan. 15", "Goldman Sachs & Co. LLC" do not.
//   U.S., U.S.A.    the names rule, and also merge before a capitalised word unless it is a
//                   common sentence opener (The, We, Our, In, This, It, As, For, If, ...):
//                   "U.S. GAAP", "U.S. Treasury" stay whole; "in the U.S. The ..." splits.
//   initials        one capital letter + '.' ("J. P. Morgan", "John F. Kennedy"): merge when
//                   next starts with a letter or digit, unless the word before the initial names a
//                   class or part (Class A., Series B., Schedule C., Exhibit A., Part I., Item,
//                   ...).
//   section numbers a number-like token ending in '.' ("3.", "3.2.", "1A.", "13a-14.") after
//                   Section, Sec., Rule, Item, Note, Article, Art., Paragraph, Para., Exhibit,
//                   Exh., Figure, Fig., Regulation, Reg., Schedule, Part or § (or ITEM, PART,
//                   SECTION, NOTE, ARTICLE): always merged when that word opens the sentence
//                   (a heading: "Item 1A. Risk Factors"), else the names rule ("... under
//                   Rule 144A. The notes ..." splits).
// ICU itself never breaks before a lowercase continuation ("approx. five", "Inc. and"), inside
// "3.2" or "U.S", or after '.' not followed by space.
//
// Output: one Span per sentence, byte offsets into the input, without leading/trailing
// whitespace (Python str.isspace() characters); whitespace-only sentences are dropped.
// Thread-safe: each thread lazily creates its own ICU BreakIterator (thread_local), reused across
// calls. Cost: linear in the text; kParagraph makes one copy of the text (same length, single
// newlines turned into spaces). Ill-formed UTF-8 is read as U+FFFD and never crashes.

#include <string>
#include <string_view>
#include <vector>

#include "nlp/tokenize/span.h"

namespace secnlp::nlp {

enum class LineBreaks {
  kHard,       // every '\n' ends a sentence: text from HTML, one block element per line (default)
  kParagraph,  // only blank lines end sentences; a single '\n' is a space: hard-wrapped plain text
};

struct SentenceOptions {
  LineBreaks line_breaks = LineBreaks::kHard;
  // More abbreviations, spelled with their final period ("Jr.", "Hldgs."); they follow the
  // "names" rule above.
  std::vector<std::string> extra_abbreviations;
};

class SentenceSplitter {
 public:
  explicit SentenceSplitter(SentenceOptions options = {});

  // The sentences of `utf8`, in order. Throws secnlp::Error(kLimit) for texts of 4 GiB or more
  // (offsets are 32-bit) and kResource if ICU's sentence rules cannot be loaded.
  std::vector<Span> split(std::string_view utf8) const;

  const SentenceOptions& options() const { return options_; }

 private:
  SentenceOptions options_;
};

}  // namespace secnlp::nlp
