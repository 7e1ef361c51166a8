#pragma once
// Internal helpers shared by the tokenizers: UTF-8 decoding and Python's character classes.
// Not part of the module's manual; only std types cross this header.

#include <cstddef>
#include <string_view>

namespace secnlp::nlp::detail {

// Decodes the code point starting at text[pos] (pos < size). Returns its byte length (1-4) and
// stores it in `cp`. An ill-formed or truncated sequence decodes as one byte, cp = 0xFFFD.
std::size_t decode_utf8(std::string_view text, std::size_t pos, char32_t& cp);

// The code point ending just before text[pos] (pos > 0); returns its start offset.
std::size_t decode_utf8_before(std::string_view text, std::size_t pos, char32_t& cp);

// Python str.isspace() (also re's \s on str): ASCII \t\n\v\f\r, \x1c-\x1f, space, U+0085, U+00A0,
// U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
bool is_py_space(char32_t cp);

// Python str.isalnum(): general category L*, or a Unicode numeric type (decimal/digit/numeric).
bool is_py_alnum(char32_t cp);

// Python re's \w on str: is_py_alnum or '_'.
inline bool is_py_word(char32_t cp) {
  return cp == U'_' || is_py_alnum(cp);
}

// Python re's \d on str: general category Nd.
bool is_py_decimal(char32_t cp);

// Byte tables for the ASCII fast paths.
inline bool is_ascii_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}
inline bool is_ascii_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace secnlp::nlp::detail
