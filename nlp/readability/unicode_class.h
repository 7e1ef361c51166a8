#pragma once
// Internal: code-point classes used by the readability counters (not part of the public API).

#include <cstddef>
#include <string_view>

namespace secnlp::nlp::readability_detail {

// Decodes the code point at text[i] and advances i; invalid bytes decode to U+FFFD, one byte each.
char32_t next_code_point(std::string_view text, std::size_t& i);

// Python's str.isspace() (the whitespace of str.split() and of re's \s).
bool is_space(char32_t c);
// Python's re \w for str patterns: letters (L*), numbers (Nd, Nl, No) and '_'.
bool is_word_char(char32_t c);
// Unicode letter (L*).
bool is_letter(char32_t c);
// Unicode letter or number (L*, N*).
bool is_alnum(char32_t c);

}  // namespace secnlp::nlp::readability_detail
