#pragma once
// UTF-8 primitives shared by every layer: validation, decoding one code point, the BOM.
// Bytes are never trusted: every function is total on arbitrary input.

#include <cstddef>
#include <string>
#include <string_view>

namespace secnlp {

// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or code points above
// U+10FFFF). Linear, no allocation.
bool is_valid_utf8(std::string_view bytes) noexcept;

// Decodes the code point starting at text[pos] (pos < size). Returns its byte length (1-4) and
// stores it in `cp`. An ill-formed or truncated sequence decodes as one byte, cp = 0xFFFD.
std::size_t decode_utf8(std::string_view text, std::size_t pos, char32_t& cp);

// The code point ending just before text[pos] (pos > 0); returns its start offset.
std::size_t decode_utf8_before(std::string_view text, std::size_t pos, char32_t& cp);

// Decodes the code point at text[i] and advances i past it (see decode_utf8).
inline char32_t next_code_point(std::string_view text, std::size_t& i) {
  char32_t cp;
  i += decode_utf8(text, i, cp);
  return cp;
}

// Appends the UTF-8 encoding of `cp` to `out`; a surrogate or a value above U+10FFFF (not a
// Unicode scalar value, e.g. from a malformed \u escape) is written as U+FFFD.
void append_utf8(std::string& out, char32_t cp);

// `text` without a leading UTF-8 byte-order mark.
inline std::string_view strip_utf8_bom(std::string_view text) {
  return text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;
}

}  // namespace secnlp
