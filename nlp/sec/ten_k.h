#pragma once
// 10-K item sections: Items 1, 1A, 1B, 1C, 2-6, 7, 7A, 8, 9, 9A, 9B, 9C, 10-16, the unnumbered
// "executive_officers" and "financial_statements" sections and "signatures" (ids as in
// section_map.h). How headings are found, TOCs skipped, confidence scored and flags set is
// described in nlp/sec/item_headings.h.
//
// Era and form: 10-KSB filings use the 10-KSB item table (Item 6 MD&A, Item 7 financial
// statements, 8A controls, 13 exhibits, 14 accountant fees); 10-Ks filed before 2003 use the
// older titles (Item 14 "Exhibits, Financial Statement Schedules and Reports on Form 8-K") and,
// like 10-KSBs, lower minimum item lengths (too-short is era- and form-aware).

#include <string_view>

#include "nlp/sec/section_map.h"

namespace secnlp::nlp::sec {

// Cuts the clean text of a 10-K (10-K405, 10-KSB ...) into item sections, in text order, byte
// ranges of `clean_text`. Items that are absent are absent; a text with no item headings gives an
// empty map with the note "no item headings". Thread-safe (the compiled regexes are built once,
// on first call); linear time, hundreds of MB/s of clean text. Form and year not given in `info`
// are read from the cover page (guess_form_family / guess_filing_year).
SectionMap segment_10k(std::string_view clean_text, const FilingInfo& info = {});

}  // namespace secnlp::nlp::sec
