#pragma once
// 10-K item sections: Items 1, 1A, 1B, 1C, 2-6, 7, 7A, 8, 9, 9A, 9B, 9C, 10-16 and
// "signatures" (ids as in section_map.h). How headings are found, TOCs skipped, confidence
// scored and flags set is described in nlp/sec/item_headings.h.

#include <string_view>

#include "nlp/sec/section_map.h"

namespace secnlp::nlp::sec {

// Cuts the clean text of a 10-K (10-K405, 10-KSB ...) into item sections, in text order, byte
// ranges of `clean_text`. Items that are absent are absent; a text with no item headings gives an
// empty map with the note "no item headings". Thread-safe (the compiled regexes are built once,
// on first call); linear time, hundreds of MB/s of clean text.
SectionMap segment_10k(std::string_view clean_text);

}  // namespace secnlp::nlp::sec
