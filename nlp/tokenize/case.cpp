#include "nlp/tokenize/case.h"

#include <unicode/ucasemap.h>
#include <unicode/utypes.h>

#include <memory>

#include "common/error.h"
#include "nlp/tokenize/unicode_chars.h"

namespace secnlp::nlp {
namespace {

struct CaseMapCloser {
  void operator()(UCaseMap* map) const { ucasemap_close(map); }
};

// One UCaseMap per thread: ucasemap_utf8ToLower on a shared map is not documented thread-safe.
UCaseMap* lower_map() {
  thread_local std::unique_ptr<UCaseMap, CaseMapCloser> map = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCaseMap, CaseMapCloser> m(ucasemap_open("", U_FOLD_CASE_DEFAULT, &status));
    if (U_FAILURE(status)) {
      throw Error(ErrorCode::kInternal, std::string("ucasemap_open: ") + u_errorName(status));
    }
    return m;
  }();
  return map.get();
}

// ICU rejects ill-formed UTF-8; lowercase the well-formed runs and keep bad bytes as they are.
void lower_icu(std::string_view text, std::string& out) {
  std::size_t start = 0;
  auto flush = [&](std::size_t end) {
    if (end <= start) return;
    const std::string_view run = text.substr(start, end - start);
    const std::size_t old = out.size();
    out.resize(old + run.size() * 3 + 8);
    UErrorCode status = U_ZERO_ERROR;
    const int32_t len =
        ucasemap_utf8ToLower(lower_map(), out.data() + old, static_cast<int32_t>(out.size() - old),
                             run.data(), static_cast<int32_t>(run.size()), &status);
    if (U_FAILURE(status)) {
      out.resize(old);
      out.append(run);
    } else {
      out.resize(old + static_cast<std::size_t>(len));
    }
  };
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    const std::size_t len = detail::decode_utf8(text, i, cp);
    if (cp == 0xFFFD && len == 1 && static_cast<unsigned char>(text[i]) >= 0x80) {
      flush(i);
      out.push_back(text[i]);
      start = i + 1;
    }
    i += len;
  }
  flush(text.size());
}

}  // namespace

std::string to_lower(std::string_view utf8) {
  std::string out;
  bool ascii = true;
  for (char c : utf8)
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    out.assign(utf8);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
  }
  out.reserve(utf8.size());
  lower_icu(utf8, out);
  return out;
}

bool has_alnum(std::string_view token) {
  std::size_t i = 0;
  while (i < token.size()) {
    const auto c = static_cast<unsigned char>(token[i]);
    if (c < 0x80) {
      if (detail::is_ascii_word(c) && c != '_') return true;
      ++i;
      continue;
    }
    char32_t cp = 0;
    i += detail::decode_utf8(token, i, cp);
    if (cp != 0xFFFD && detail::is_py_alnum(cp)) return true;
  }
  return false;
}

}  // namespace secnlp::nlp
