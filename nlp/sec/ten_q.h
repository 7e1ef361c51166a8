#pragma once
// 10-Q item sections: Part I Items 1-4 ("part1item1" ... "part1item4") and Part II Items 1, 1A,
// 2-6 ("part2item1", "part2item1a", "part2item2" ... "part2item6"), plus "signatures". Items of
// the same number are told apart by the PART heading before them and by their titles ("Item 1.
// Legal Proceedings" is part2item1 even without a PART line). Details of the method, confidence
// and flags: nlp/sec/item_headings.h.
//
// Era and form: 10-QSB filings use their own table (Part I Item 2 "Management's Discussion and
// Analysis or Plan of Operation", Item 3 "Controls and Procedures", lower minimum lengths);
// 10-Qs filed before 2003 the older titles (Part II Item 2 "Changes in Securities and Use of
// Proceeds", Item 4 "Submission of Matters to a Vote of Security Holders", Item 6 "Exhibits and
// Reports on Form 8-K") and minimum lengths about half the modern ones (too-short is era- and
// form-aware).

#include <string_view>

#include "nlp/sec/section_map.h"

namespace secnlp::nlp::sec {

// Cuts the clean text of a 10-Q (10-QSB, 10-Q/A ...) into item sections, in text order. Same
// guarantees as segment_10k: absent items are absent, no headings -> empty map with a note,
// thread-safe, linear time. Form and year not given in `info` are read from the cover page
// (a "FORM 10-QSB" line; guess_filing_year).
SectionMap segment_10q(std::string_view clean_text, const FilingInfo& info = {});

}  // namespace secnlp::nlp::sec
