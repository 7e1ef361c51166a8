#include "nlp/tokenize/unicode_chars.h"

#include <unicode/uchar.h>

namespace secnlp::nlp::detail {

std::size_t decode_utf8(std::string_view text, std::size_t pos, char32_t& cp) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  const unsigned char c = s[pos];
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  std::size_t len = 0;
  char32_t value = 0;
  char32_t min = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, value = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, value = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, value = c & 0x07, min = 0x10000;
  } else {
    cp = 0xFFFD;
    return 1;
  }
  if (pos + len > n) {
    cp = 0xFFFD;
    return 1;
  }
  for (std::size_t i = 1; i < len; ++i) {
    const unsigned char t = s[pos + i];
    if ((t & 0xC0) != 0x80) {
      cp = 0xFFFD;
      return 1;
    }
    value = (value << 6) | (t & 0x3F);
  }
  if (value < min || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    cp = 0xFFFD;
    return 1;
  }
  cp = value;
  return len;
}

std::size_t decode_utf8_before(std::string_view text, std::size_t pos, char32_t& cp) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t start = pos - 1;
  // Walk back over at most three continuation bytes to a lead byte.
  while (start > 0 && pos - start < 4 && (s[start] & 0xC0) == 0x80)
    --start;
  if (decode_utf8(text, start, cp) == pos - start) return start;
  // Not a well-formed sequence ending at pos: the last byte stands alone.
  cp = s[pos - 1] < 0x80 ? s[pos - 1] : 0xFFFD;
  return pos - 1;
}

bool is_py_space(char32_t cp) {
  if (cp < 0x80) return is_ascii_space(static_cast<unsigned char>(cp));
  switch (cp) {
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool is_py_alnum(char32_t cp) {
  if (cp < 0x80) return is_ascii_word(static_cast<unsigned char>(cp)) && cp != '_';
  const auto c = static_cast<UChar32>(cp);
  if (u_isalpha(c)) return true;
  return u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_NONE;
}

bool is_py_decimal(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return u_charType(static_cast<UChar32>(cp)) == U_DECIMAL_DIGIT_NUMBER;
}

}  // namespace secnlp::nlp::detail
