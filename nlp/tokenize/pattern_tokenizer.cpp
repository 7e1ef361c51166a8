#include "nlp/tokenize/pattern_tokenizer.h"

#include <re2/re2.h>

#include "common/error.h"
#include "nlp/tokenize/unicode_chars.h"

namespace secnlp::nlp {
namespace {

constexpr std::string_view kSklearnDefault = R"((?u)\b\w\w+\b)";

// Maximal runs of Python \w characters, kept when at least two code points long.
void scan_default(std::string_view text, std::vector<std::string>& out) {
  const std::size_t n = text.size();
  std::size_t i = 0;
  std::size_t start = 0;
  std::size_t chars = 0;  // code points in the current run
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    bool word = false;
    std::size_t len = 1;
    if (c < 0x80) {
      word = detail::is_ascii_word(c);
    } else {
      char32_t cp = 0;
      len = detail::decode_utf8(text, i, cp);
      word = !(len == 1 && cp == 0xFFFD) && detail::is_py_word(cp);
    }
    if (word) {
      if (chars == 0) start = i;
      ++chars;
    } else {
      if (chars >= 2) out.emplace_back(text.substr(start, i - start));
      chars = 0;
    }
    i += len;
  }
  if (chars >= 2) out.emplace_back(text.substr(start));
}

}  // namespace

struct PatternTokenizer::Compiled {
  explicit Compiled(const std::string& pattern, const RE2::Options& options)
      : re(pattern, options) {}
  RE2 re;
};

PatternTokenizer::PatternTokenizer(std::string pattern) : pattern_(std::move(pattern)) {
  if (pattern_.empty() || pattern_ == kSklearnDefault) return;
  std::string_view body = pattern_;
  if (body.starts_with("(?u)")) body.remove_prefix(4);
  RE2::Options options;
  options.set_log_errors(false);
  compiled_ = std::make_unique<Compiled>(std::string(body), options);
  if (!compiled_->re.ok()) {
    throw Error(ErrorCode::kConfig, "token pattern '" + pattern_ + "': " + compiled_->re.error());
  }
  if (compiled_->re.NumberOfCapturingGroups() > 1) {
    throw Error(ErrorCode::kConfig,
                "token pattern '" + pattern_ + "': more than 1 capturing group in token pattern");
  }
}

PatternTokenizer::~PatternTokenizer() = default;
PatternTokenizer::PatternTokenizer(PatternTokenizer&&) noexcept = default;
PatternTokenizer& PatternTokenizer::operator=(PatternTokenizer&&) noexcept = default;

void PatternTokenizer::tokenize(std::string_view text, std::vector<std::string>& out) const {
  if (!compiled_) {
    scan_default(text, out);
    return;
  }
  const RE2& re = compiled_->re;
  const int groups = re.NumberOfCapturingGroups();
  re2::StringPiece match[2];
  std::size_t pos = 0;
  while (pos <= text.size()) {
    if (!re.Match(text, pos, text.size(), RE2::UNANCHORED, match, groups + 1)) break;
    const re2::StringPiece& token = match[groups];
    out.emplace_back(token.data() == nullptr ? std::string() : std::string(token));
    const auto end = static_cast<std::size_t>(match[0].data() - text.data()) + match[0].size();
    if (match[0].empty()) {
      if (end >= text.size()) break;
      char32_t cp = 0;
      pos = end + detail::decode_utf8(text, end, cp);
    } else {
      pos = end;
    }
  }
}

}  // namespace secnlp::nlp
