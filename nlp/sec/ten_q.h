#pragma once
// 10-Q item sections: Part I Items 1-4 ("part1item1" ... "part1item4") and Part II Items 1, 1A,
// 2-6 ("part2item1", "part2item1a", "part2item2" ... "part2item6"), plus "signatures". Items of
// the same number are told apart by the PART heading before them and by their titles ("Item 1.
// Legal Proceedings" is part2item1 even without a PART line). Details of the method, confidence
// and flags: nlp/sec/item_headings.h.

#include <string_view>

#include "nlp/sec/section_map.h"

namespace secnlp::nlp::sec {

// Cuts the clean text of a 10-Q (10-QSB, 10-Q/A ...) into item sections, in text order. Same
// guarantees as segment_10k: absent items are absent, no headings -> empty map with a note,
// thread-safe, linear time.
SectionMap segment_10q(std::string_view clean_text);

}  // namespace secnlp::nlp::sec
