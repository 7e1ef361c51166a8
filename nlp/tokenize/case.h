#pragma once
// Case folding and token classification for UTF-8 tokens.

#include <string>
#include <string_view>

namespace secnlp::nlp {

// Lowercase of `utf8`. ASCII text takes a byte loop; anything else goes through ICU's full
// Unicode lowercase mapping (root locale, context-sensitive final sigma, U+0130 -> "i\u0307"),
// which matches Python's str.lower(). Ill-formed UTF-8 bytes are kept as they are.
std::string to_lower(std::string_view utf8);

// True when `token` holds at least one letter or digit (Python str.isalnum() on some character:
// general category L*, or a Unicode numeric type). Used to drop punctuation-only tokens.
bool has_alnum(std::string_view token);

// True when `token` holds an ASCII letter or any byte >= 0x80 (every non-ASCII character counts
// as a letter). The cheap test of the terms stage's drop_numbers and of "is this a word-like
// sentence"; for Unicode letter categories use has_alnum or ICU. O(n), no decoding.
inline bool has_letter_byte(std::string_view token) {
  for (unsigned char c : token)
    if (c >= 0x80 || static_cast<unsigned>((c | 0x20) - 'a') < 26u) return true;
  return false;
}

}  // namespace secnlp::nlp
