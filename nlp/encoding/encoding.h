#pragma once
// Bytes of a filing in, UTF-8 out: the first stage of the text pipeline.
//
// Pure functions: no state, no allocation beyond the result, safe from any thread. Nothing here
// throws on any input (std::bad_alloc aside).

#include <cstddef>
#include <string>
#include <string_view>

#include "common/utf8.h"  // is_valid_utf8

namespace secnlp::nlp {

// The result of decode_to_utf8.
struct DecodedText {
  std::string utf8;  // well-formed UTF-8 without NUL bytes and without a byte order mark
  // What the bytes were taken to be: "utf-8", "utf-16le", "utf-16be", "windows-1252", or the
  // lowercase IANA name of a charset declared in the document that ICU knows ("iso-8859-2",
  // "shift_jis", ...). A declared "iso-8859-1"/"us-ascii" is decoded as windows-1252 and reported
  // as such (the WHATWG rule: in real filings those bytes 0x80..0x9F are cp1252 punctuation).
  std::string source_encoding;
  std::size_t replaced = 0;      // invalid or unmappable sequences replaced by U+FFFD
  std::size_t removed_nuls = 0;  // U+0000 characters dropped
  bool had_bom = false;          // a UTF-8/UTF-16 byte order mark started the input (removed)
  // Signs that the guess in steps 5-6 below may be wrong (both 0 for UTF-8/UTF-16 results):
  // well-formed UTF-8 multi-byte sequences in input that was decoded as another charset (mixed
  // or damaged UTF-8: those characters became mojibake), and bytes windows-1252 leaves
  // undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) in input decoded as windows-1252.
  std::size_t misread_utf8 = 0;
  std::size_t undefined_cp1252 = 0;
};

// Detects the encoding of `bytes` and converts them to UTF-8. Never throws, never fails:
//   1. A byte order mark decides: EF BB BF utf-8, FF FE utf-16le, FE FF utf-16be.
//   2. No BOM, but the first 4 KiB (at least 8 bytes) look like UTF-16 (>= 40% NUL bytes at even
//      or odd offsets and <= 5% at the others): utf-16be / utf-16le.
//   3. Valid UTF-8 (pure ASCII included) is utf-8. Validation runs 8 bytes at a time on ASCII
//      (several GB/s); a valid document without NULs costs one scan and one copy.
//   4. UTF-8 with some invalid sequences stays utf-8 (each maximal invalid subpart becomes one
//      U+FFFD, as ICU and browsers do) when the document declares utf-8, or when valid multi-byte
//      sequences are at least 4 times the invalid ones (>= 80% of non-ASCII sequences are
//      valid UTF-8: cp1252 text almost never forms valid multi-byte sequences by chance).
//   5. Otherwise a charset declared in the first 4 KiB (<meta charset=..>, <meta http-equiv
//      content="..; charset=..">, <?xml .. encoding=..?>) if ICU knows it and it is an 8-bit or
//      multi-byte ASCII-compatible charset; declared utf-16/utf-32 labels are ignored.
//   6. Otherwise windows-1252 (a superset of the printable Latin-1 range used by old filings).
// Conversion of non-UTF-8 input uses ICU converters; sequences a charset cannot map become U+FFFD
// and are counted in `replaced`. The five bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
// 0x9D) become the C1 controls U+0081.. as in browsers (Normalizer drops them). NUL characters
// are dropped and counted. Cost: linear in the input.
DecodedText decode_to_utf8(std::string_view bytes);

// `bytes` with each maximal invalid UTF-8 subpart replaced by U+FFFD; `replaced`, when not null,
// receives the number of replacements. NUL bytes are kept. Linear.
std::string repair_utf8(std::string_view bytes, std::size_t* replaced = nullptr);

// True when `bytes` is not text and the caller should reject the document: it starts with the
// magic number of PDF, ZIP (incl. docx/xlsx), PNG, GIF, JPEG, gzip, bzip2, 7z, ELF, OLE2 (doc/xls)
// or TIFF, or more than 5% of its first 64 KiB are control bytes (0x00..0x1F and 0x7F other than
// \t \n \v \f \r and ESC). UTF-16 text (with a BOM, or NUL-interleaved ASCII as decode_to_utf8
// detects it) is not binary. The empty input is not binary. Reads at most 64 KiB.
bool looks_binary(std::string_view bytes);

}  // namespace secnlp::nlp
