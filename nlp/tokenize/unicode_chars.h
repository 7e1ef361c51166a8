#pragma once
// Python's character classes (str.isspace, str.isalnum, re's \\w and \\d on str), shared by the
// tokenizers and the readability counters. Internal to nlp/; only std types cross this header.

#include <cstddef>
#include <string_view>

#include "common/utf8.h"

namespace secnlp::nlp::detail {

using secnlp::decode_utf8;
using secnlp::decode_utf8_before;

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

// A Unicode letter (general category L*; ICU u_isalpha).
bool is_letter(char32_t cp);

// Byte tables for the ASCII fast paths.
inline bool is_ascii_space(unsigned char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}
inline bool is_ascii_word(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace secnlp::nlp::detail
