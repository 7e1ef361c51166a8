#include "nlp/normalize/normalizer.h"

#include <climits>
#include <cstdint>
#include <cstring>

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>
#include <unicode/utf8.h>

#include "common/error.h"

namespace secnlp::nlp {
namespace {

constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

bool is_ascii(std::string_view s) {
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t v;
    std::memcpy(&v, s.data() + i, sizeof v);
    if (v & kHighBits) return false;
  }
  for (; i < s.size(); ++i) {
    if (static_cast<unsigned char>(s[i]) >= 0x80) return false;
  }
  return true;
}

// windows-1252 bytes 0x80..0x9F; 0 marks the five undefined ones.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

void append_utf8(std::string& out, char32_t c) {
  char buf[4];
  std::int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<std::uint8_t*>(buf), len, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

// How unify_punctuation treats an ASCII byte: the byte to write, or -1 to drop it. CR is handled
// by the caller (CR LF -> LF).
int unify_ascii(unsigned char c) {
  if (c >= 0x20 && c != 0x7F) return c;
  if (c == '\n' || c == '\t') return c;
  if (c == '\f' || c == '\v' || c == '\r') return '\n';
  return -1;
}

// The replacement of a non-ASCII code point under unify_punctuation: nullptr keeps it.
const char* unify_code_point(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x2035:
    case 0x2039:
    case 0x203A:
    case 0x02B9:
    case 0x02BC:
    case 0x02C8:
    case 0xFF07:
      return "'";
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x2036:
    case 0x00AB:
    case 0x00BB:
    case 0xFF02:
      return "\"";
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
    case 0x2E3A:
    case 0x2E3B:
      return "-";
    case 0x00A0:
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return " ";
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x200E:
    case 0x200F:
    case 0x2060:
    case 0xFEFF:
      return "";
    case 0x2022:
    case 0x2023:
    case 0x2043:
    case 0x2219:
    case 0x25AA:
    case 0x25AB:
    case 0x25A0:
    case 0x25CF:
    case 0x25E6:
      return "*";
    case 0x2026:
      return "...";
    case 0x2028:
    case 0x2029:
      return "\n";
    default:
      return nullptr;
  }
}

// ASCII-only input: unify_punctuation and case_fold are the only steps that can change it.
std::string normalize_ascii(std::string_view in, bool unify, bool fold) {
  std::string out;
  out.resize(in.size());
  std::size_t o = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    auto c = static_cast<unsigned char>(in[i]);
    if (unify && (c < 0x20 || c == 0x7F)) {
      if (c == '\r' && i + 1 < in.size() && in[i + 1] == '\n') continue;
      const int u = unify_ascii(c);
      if (u < 0) continue;
      c = static_cast<unsigned char>(u);
    }
    if (fold && c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    out[o++] = static_cast<char>(c);
  }
  out.resize(o);
  return out;
}

// Step 1 (always) and 2: well-formed UTF-8 with C1 controls repaired.
std::string repair(std::string_view in, bool c1) {
  std::string out;
  out.reserve(in.size() + 16);
  const auto* p = reinterpret_cast<const std::uint8_t*>(in.data());
  const auto n = static_cast<std::int32_t>(in.size());
  std::int32_t i = 0;
  while (i < n) {
    std::int32_t run = i;
    while (run < n && p[run] < 0x80)
      ++run;
    if (run > i) {
      out.append(in.data() + i, static_cast<std::size_t>(run - i));
      i = run;
      if (i >= n) break;
    }
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      out.append("\xEF\xBF\xBD");
    } else if (c1 && c >= 0x80 && c <= 0x9F) {
      if (const char32_t m = kCp1252High[c - 0x80]; m != 0) append_utf8(out, m);
    } else {
      out.append(in.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

std::string unify(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  const auto* p = reinterpret_cast<const std::uint8_t*>(in.data());
  const auto n = static_cast<std::int32_t>(in.size());
  std::int32_t i = 0;
  while (i < n) {
    const std::uint8_t b = p[i];
    if (b < 0x80) {
      if (b >= 0x20 && b != 0x7F) {
        out.push_back(static_cast<char>(b));
      } else if (!(b == '\r' && i + 1 < n && p[i + 1] == '\n')) {
        if (const int u = unify_ascii(b); u >= 0) out.push_back(static_cast<char>(u));
      }
      ++i;
      continue;
    }
    const std::int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    const char* m = c >= 0 ? unify_code_point(static_cast<char32_t>(c)) : nullptr;
    if (m != nullptr) {
      out.append(m);
    } else {
      out.append(in.data() + start, static_cast<std::size_t>(i - start));
    }
  }
  return out;
}

const icu::Normalizer2* nfkc_instance() {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(err);
  if (U_FAILURE(err) || n == nullptr) {
    throw Error(ErrorCode::kResource, std::string("ICU NFKC data unavailable: ") + u_errorName(err),
                "icu:nfkc");
  }
  return n;
}

}  // namespace

Normalizer::Normalizer(NormalizeOptions options) : options_(options) {
  if (options_.nfkc) nfkc_instance();
}

std::string Normalizer::normalize(std::string_view utf8) const {
  if (utf8.size() > static_cast<std::size_t>(INT32_MAX)) {
    throw Error(ErrorCode::kLimit, "text of 2 GiB or more cannot be normalized", "normalize");
  }
  if (is_ascii(utf8)) {
    if (!options_.unify_punctuation && !options_.case_fold) return std::string(utf8);
    return normalize_ascii(utf8, options_.unify_punctuation, options_.case_fold);
  }
  std::string s = repair(utf8, options_.repair_c1_controls);
  if (options_.nfkc) {
    std::string t;
    t.reserve(s.size() + 16);
    icu::StringByteSink<std::string> sink(&t);
    UErrorCode err = U_ZERO_ERROR;
    nfkc_instance()->normalizeUTF8(
        0, icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())), sink, nullptr, err);
    if (U_FAILURE(err)) {
      throw Error(ErrorCode::kInternal, std::string("NFKC failed: ") + u_errorName(err),
                  "icu:nfkc");
    }
    s = std::move(t);
  }
  if (options_.unify_punctuation) s = unify(s);
  if (options_.case_fold) {
    std::string t;
    t.reserve(s.size() + 16);
    icu::StringByteSink<std::string> sink(&t);
    UErrorCode err = U_ZERO_ERROR;
    icu::CaseMap::utf8Fold(U_FOLD_CASE_DEFAULT,
                           icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())), sink,
                           nullptr, err);
    if (U_FAILURE(err)) {
      throw Error(ErrorCode::kInternal, std::string("case folding failed: ") + u_errorName(err),
                  "icu:casefold");
    }
    s = std::move(t);
  }
  return s;
}

}  // namespace secnlp::nlp
