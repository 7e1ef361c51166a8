#include "nlp/encoding/encoding.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ustring.h>

namespace secnlp::nlp {
namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
constexpr std::uint64_t kLowBits = 0x0101010101010101ULL;
constexpr std::size_t kSniffBytes = 4096;
constexpr std::size_t kBinaryScanBytes = 64 * 1024;

std::uint64_t load8(const unsigned char* p) {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

bool has_zero_byte(std::uint64_t v) {
  return ((v - kLowBits) & ~v & kHighBits) != 0;
}

// Length of the UTF-8 sequence at p[0..n) (n >= 1, p[0] >= 0x80): a positive length when it is
// well-formed, else minus the length of its maximal invalid subpart (Unicode 3.9, table 3-7).
int utf8_sequence(const unsigned char* p, std::size_t n) {
  const unsigned char c = p[0];
  int len;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return -1;
  }
  if (n < 2 || p[1] < lo || p[1] > hi) return -1;
  for (int i = 2; i < len; ++i) {
    if (static_cast<std::size_t>(i) >= n || (p[i] & 0xC0) != 0x80) return -i;
  }
  return len;
}

struct Utf8Stats {
  std::size_t invalid = 0;    // maximal invalid subparts
  std::size_t multibyte = 0;  // well-formed sequences of 2..4 bytes
  std::size_t nuls = 0;
};

Utf8Stats scan_utf8(std::string_view s, bool stop_at_first_invalid) {
  Utf8Stats st;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII fast path, 8 bytes at a time.
    while (i + 8 <= n) {
      const std::uint64_t v = load8(p + i);
      if (v & kHighBits) break;
      if (has_zero_byte(v)) {
        for (int k = 0; k < 8; ++k)
          st.nuls += p[i + k] == 0;
      }
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      st.nuls += c == 0;
      ++i;
      continue;
    }
    const int len = utf8_sequence(p + i, n - i);
    if (len > 0) {
      ++st.multibyte;
      i += static_cast<std::size_t>(len);
    } else {
      ++st.invalid;
      if (stop_at_first_invalid) return st;
      i += static_cast<std::size_t>(-len);
    }
  }
  return st;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Copies s to out, replacing invalid subparts by U+FFFD and (if drop_nuls) removing NULs.
void copy_utf8(std::string_view s, bool drop_nuls, std::string& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  out.reserve(out.size() + n + n / 16);
  std::size_t i = 0;
  std::size_t run = 0;  // start of the pending run of bytes to copy verbatim
  while (i < n) {
    while (i + 8 <= n) {
      const std::uint64_t v = load8(p + i);
      if ((v & kHighBits) || (drop_nuls && has_zero_byte(v))) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = p[i];
    if (c < 0x80) {
      if (c == 0 && drop_nuls) {
        out.append(s.data() + run, i - run);
        run = i + 1;
      }
      ++i;
      continue;
    }
    const int len = utf8_sequence(p + i, n - i);
    if (len > 0) {
      i += static_cast<std::size_t>(len);
    } else {
      out.append(s.data() + run, i - run);
      out.append(kReplacement);
      i += static_cast<std::size_t>(-len);
      run = i;
    }
  }
  out.append(s.data() + run, n - run);
}

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

bool istarts_with(std::string_view s, std::size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (ascii_lower(s[pos + k]) != prefix[k]) return false;
  }
  return true;
}

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

bool is_label_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':' || c == '+';
}

// Reads `= "label"` after a keyword ending at pos; empty when the syntax does not match.
std::string read_label_after(std::string_view s, std::size_t pos) {
  while (pos < s.size() && is_space(s[pos]))
    ++pos;
  if (pos >= s.size() || s[pos] != '=') return {};
  ++pos;
  while (pos < s.size() && (is_space(s[pos]) || s[pos] == '"' || s[pos] == '\''))
    ++pos;
  std::size_t end = pos;
  while (end < s.size() && end - pos < 64 && is_label_char(s[end]))
    ++end;
  return std::string(s.substr(pos, end - pos));
}

// The charset declared in the first 4 KiB, as written; empty when none. A hand-written scanner:
// one pass over 4 KiB, no regex needed.
std::string declared_charset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, kSniffBytes);
  std::size_t start = 0;
  while (start < head.size() && is_space(head[start]))
    ++start;
  if (istarts_with(head, start, "<?xml")) {
    const std::size_t close = head.find("?>", start);
    const std::string_view decl = head.substr(
        start, close == std::string_view::npos ? std::string_view::npos : close - start);
    for (std::size_t i = 0; i + 8 <= decl.size(); ++i) {
      if (istarts_with(decl, i, "encoding")) {
        std::string label = read_label_after(decl, i + 8);
        if (!label.empty()) return label;
      }
    }
  }
  for (std::size_t i = 0; i + 7 <= head.size(); ++i) {
    if ((head[i] | 0x20) == 'c' && istarts_with(head, i, "charset")) {
      std::string label = read_label_after(head, i + 7);
      if (!label.empty()) return label;
    }
  }
  return {};
}

enum class Utf16Guess { kNone, kLe, kBe };

Utf16Guess guess_utf16(std::string_view bytes) {
  const std::size_t pairs = std::min(bytes.size(), kSniffBytes) / 2;
  if (pairs < 4) return Utf16Guess::kNone;
  std::size_t zero_even = 0, zero_odd = 0;
  for (std::size_t k = 0; k < pairs; ++k) {
    zero_even += bytes[2 * k] == 0;
    zero_odd += bytes[2 * k + 1] == 0;
  }
  if (zero_even * 10 >= pairs * 4 && zero_odd * 20 <= pairs) return Utf16Guess::kBe;
  if (zero_odd * 10 >= pairs * 4 && zero_even * 20 <= pairs) return Utf16Guess::kLe;
  return Utf16Guess::kNone;
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// ICU to-Unicode callback: writes U+FFFD (ICU's own substitute is U+001A for many single-byte
// charsets) and counts the replacement.
void U_CALLCONV substitute_and_count(const void* context, UConverterToUnicodeArgs* args,
                                     const char* /*units*/, int32_t /*length*/,
                                     UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone
  auto* count = static_cast<std::size_t*>(const_cast<void*>(context));
  ++*count;
  *err = U_ZERO_ERROR;
  static const UChar kFffd = 0xFFFD;
  ucnv_cbToUWriteUChars(args, &kFffd, 1, 0, err);
}

// Converts with the ICU converter `name`; false when ICU does not know it.
bool convert_with_icu(const char* name, std::string_view bytes, DecodedText& out) {
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(name, &err));
  if (U_FAILURE(err) || !cnv) return false;
  std::size_t replaced = 0;
  ucnv_setToUCallBack(cnv.get(), substitute_and_count, &replaced, nullptr, nullptr, &err);
  if (U_FAILURE(err)) return false;

  std::u16string utf16;
  utf16.resize(bytes.size() + 16);
  const char* src = bytes.data();
  const char* src_end = bytes.data() + bytes.size();
  std::size_t written = 0;
  for (;;) {
    UChar* target = reinterpret_cast<UChar*>(utf16.data()) + written;
    UChar* const target_begin = target;
    UChar* target_end = reinterpret_cast<UChar*>(utf16.data()) + utf16.size();
    err = U_ZERO_ERROR;
    ucnv_toUnicode(cnv.get(), &target, target_end, &src, src_end, nullptr, /*flush=*/true, &err);
    written += static_cast<std::size_t>(target - target_begin);
    if (err == U_BUFFER_OVERFLOW_ERROR) {
      utf16.resize(utf16.size() * 2);
      continue;
    }
    break;
  }
  if (U_FAILURE(err)) return false;
  utf16.resize(written);

  // UTF-16 -> UTF-8, dropping U+0000 and replacing unpaired surrogates.
  std::string utf8;
  utf8.reserve(written + written / 2 + 16);
  for (std::size_t i = 0; i < written; ++i) {
    std::uint32_t c = utf16[i];
    if (c < 0x80) {
      if (c == 0) {
        ++out.removed_nuls;
        continue;
      }
      utf8.push_back(static_cast<char>(c));
      continue;
    }
    if (c >= 0xD800 && c <= 0xDFFF) {
      if (c <= 0xDBFF && i + 1 < written && utf16[i + 1] >= 0xDC00 && utf16[i + 1] <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (utf16[i + 1] - 0xDC00);
        ++i;
      } else {
        ++replaced;
        c = 0xFFFD;
      }
    }
    if (c < 0x800) {
      utf8.push_back(static_cast<char>(0xC0 | (c >> 6)));
      utf8.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      utf8.push_back(static_cast<char>(0xE0 | (c >> 12)));
      utf8.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      utf8.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      utf8.push_back(static_cast<char>(0xF0 | (c >> 18)));
      utf8.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      utf8.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      utf8.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  out.utf8 = std::move(utf8);
  out.replaced += replaced;
  return true;
}

void decode_windows_1252(std::string_view bytes, DecodedText& out) {
  out.source_encoding = "windows-1252";
  if (!convert_with_icu("windows-1252", bytes, out)) {
    // ICU without its data tables cannot open windows-1252; ISO-8859-1 is built into ICU.
    convert_with_icu("ISO-8859-1", bytes, out);
  }
}

void decode_utf8(std::string_view bytes, const Utf8Stats& st, DecodedText& out) {
  out.source_encoding = "utf-8";
  out.replaced += st.invalid;
  out.removed_nuls += st.nuls;
  if (st.invalid == 0 && st.nuls == 0) {
    out.utf8.assign(bytes);
  } else {
    copy_utf8(bytes, /*drop_nuls=*/true, out.utf8);
  }
}

// What a declared label means to us.
enum class Declared { kNone, kUtf8, kOther };

Declared resolve_declared(const std::string& label, std::string& icu_name, std::string& iana) {
  if (label.empty()) return Declared::kNone;
  UErrorCode err = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(label.c_str(), &err));
  if (U_FAILURE(err) || !cnv) return Declared::kNone;
  err = U_ZERO_ERROR;
  const char* name = ucnv_getName(cnv.get(), &err);
  if (U_FAILURE(err) || name == nullptr) return Declared::kNone;
  const std::string_view n(name);
  if (n == "UTF-8") return Declared::kUtf8;
  if (n.starts_with("UTF-16") || n.starts_with("UTF-32") || n.starts_with("UTF-7") ||
      n == "US-ASCII" || n == "ISO-8859-1" || n.find("5348") != std::string_view::npos) {
    return Declared::kNone;  // windows-1252 or not an ASCII-compatible 8-bit charset
  }
  icu_name = name;
  err = U_ZERO_ERROR;
  // MIME names are the familiar ones ("iso-8859-2", not IANA's "iso_8859-2:1987").
  const char* standard = ucnv_getStandardName(name, "MIME", &err);
  if (U_FAILURE(err) || standard == nullptr) {
    err = U_ZERO_ERROR;
    standard = ucnv_getStandardName(name, "IANA", &err);
  }
  iana = (U_SUCCESS(err) && standard != nullptr) ? standard : name;
  std::transform(iana.begin(), iana.end(), iana.begin(), ascii_lower);
  return Declared::kOther;
}

bool starts_with_bytes(std::string_view s, std::string_view magic) {
  return s.starts_with(magic);
}

}  // namespace

std::string repair_utf8(std::string_view bytes, std::size_t* replaced) {
  const Utf8Stats st = scan_utf8(bytes, false);
  if (replaced != nullptr) *replaced = st.invalid;
  if (st.invalid == 0) return std::string(bytes);
  std::string out;
  copy_utf8(bytes, /*drop_nuls=*/false, out);
  return out;
}

DecodedText decode_to_utf8(std::string_view bytes) {
  DecodedText out;
  if (starts_with_bytes(bytes, "\xEF\xBB\xBF")) {
    out.had_bom = true;
    const std::string_view rest = bytes.substr(3);
    decode_utf8(rest, scan_utf8(rest, false), out);
    return out;
  }
  if (starts_with_bytes(bytes, "\xFF\xFE") || starts_with_bytes(bytes, "\xFE\xFF")) {
    out.had_bom = true;
    const bool le = bytes[0] == '\xFF';
    out.source_encoding = le ? "utf-16le" : "utf-16be";
    convert_with_icu(le ? "UTF-16LE" : "UTF-16BE", bytes.substr(2), out);
    return out;
  }
  if (const Utf16Guess g = guess_utf16(bytes); g != Utf16Guess::kNone) {
    const bool le = g == Utf16Guess::kLe;
    out.source_encoding = le ? "utf-16le" : "utf-16be";
    convert_with_icu(le ? "UTF-16LE" : "UTF-16BE", bytes, out);
    return out;
  }

  const Utf8Stats st = scan_utf8(bytes, false);
  if (st.invalid == 0) {
    decode_utf8(bytes, st, out);
    return out;
  }
  std::string icu_name, iana;
  const Declared declared = resolve_declared(declared_charset(bytes), icu_name, iana);
  if (declared == Declared::kUtf8 || st.multibyte >= 4 * st.invalid) {
    decode_utf8(bytes, st, out);
    return out;
  }
  if (declared == Declared::kOther) {
    out.source_encoding = iana;
    if (convert_with_icu(icu_name.c_str(), bytes, out)) {
      out.misread_utf8 = st.multibyte;
      return out;
    }
    out = DecodedText{};
  }
  decode_windows_1252(bytes, out);
  out.misread_utf8 = st.multibyte;
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    out.undefined_cp1252 += b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
  }
  return out;
}

bool looks_binary(std::string_view bytes) {
  static constexpr std::array<std::string_view, 14> kMagic = {
      std::string_view("%PDF-"),
      std::string_view("PK\x03\x04", 4),
      std::string_view("PK\x05\x06", 4),
      std::string_view("\x89PNG\r\n\x1A\n", 8),
      std::string_view("GIF87a"),
      std::string_view("GIF89a"),
      std::string_view("\xFF\xD8\xFF", 3),
      std::string_view("\x1F\x8B", 2),
      std::string_view("BZh"),
      std::string_view("7z\xBC\xAF\x27\x1C", 6),
      std::string_view("\x7F"
                       "ELF",
                       4),
      std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8),
      std::string_view("II*\x00", 4),
      std::string_view("MM\x00*", 4),
  };
  for (std::string_view magic : kMagic) {
    if (bytes.starts_with(magic)) {
      // "BZh" must be followed by the block-size digit, or it is just text starting with BZh.
      if (magic == "BZh" && (bytes.size() < 4 || bytes[3] < '1' || bytes[3] > '9')) continue;
      return true;
    }
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return false;
  if (guess_utf16(bytes) != Utf16Guess::kNone) return false;

  const std::string_view head = bytes.substr(0, kBinaryScanBytes);
  std::size_t controls = 0;
  for (const char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7F) {
      controls += !(c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x1B);
    }
  }
  return controls * 20 > head.size();
}

}  // namespace secnlp::nlp
