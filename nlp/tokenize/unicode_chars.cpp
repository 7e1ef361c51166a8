#include "nlp/tokenize/unicode_chars.h"

#include <unicode/uchar.h>

namespace secnlp::nlp::detail {

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

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  return u_isalpha(static_cast<UChar32>(cp)) != 0;
}

}  // namespace secnlp::nlp::detail
