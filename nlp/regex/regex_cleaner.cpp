#include "nlp/regex/regex_cleaner.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <cstring>
#include <utility>

#include "common/error.h"

namespace secnlp::nlp {
namespace {

char ascii_upper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
}
char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
}

// Whether the lowercase ASCII `atom` occurs in `text`, ignoring ASCII case. memchr on the two
// spellings of the first byte keeps this near memchr speed on text that lacks the atom. Each
// spelling's next occurrence is remembered until the scan passes it, so every byte is examined at
// most once per spelling (plus atom.size() per candidate): linear even when one spelling is
// frequent and the other absent (rescanning for the absent one at each hit was quadratic).
// Adds the bytes examined to `*examined`.
bool contains_ignore_case(std::string_view text, std::string_view atom, std::size_t* examined) {
  if (atom.empty()) return true;
  if (text.size() < atom.size()) return false;
  const char lo = atom[0];
  const char up = ascii_upper(lo);
  const char* begin = text.data();
  const std::size_t last = text.size() - atom.size();  // last start position
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  // Next occurrence at or after the scan position of each spelling: kNone = none left, and
  // `*_from` is where the cached answer was searched from (valid while pos <= cached position).
  auto find = [&](char c, std::size_t from) -> std::size_t {
    const std::size_t span = last - from + 1;
    const void* hit = std::memchr(begin + from, c, span);
    if (hit == nullptr) {
      *examined += span;
      return kNone;
    }
    const std::size_t at = static_cast<std::size_t>(static_cast<const char*>(hit) - begin);
    *examined += at - from + 1;
    return at;
  };
  std::size_t next_lo = find(lo, 0);
  std::size_t next_up = lo == up ? kNone : find(up, 0);
  while (next_lo != kNone || next_up != kNone) {
    const std::size_t at = std::min(next_lo, next_up);
    const char* hit = begin + at;
    std::size_t i = 1;
    while (i < atom.size() && ascii_lower(hit[i]) == atom[i])
      ++i;
    *examined += i;
    if (i == atom.size()) return true;
    const std::size_t pos = at + 1;
    if (next_lo == at) next_lo = pos > last ? kNone : find(lo, pos);
    if (next_up == at) next_up = pos > last ? kNone : find(up, pos);
  }
  return false;
}

}  // namespace

struct RegexCleaner::Compiled {
  Compiled(const std::string& pattern, const RE2::Options& options)
      : re(pattern, options), filter(3) {}
  RE2 re;
  std::string rewrite;
  // Prefilter: the rule can only match when the FilteredRE2 formula over `atoms` holds.
  re2::FilteredRE2 filter;
  std::vector<std::string> atoms;
  bool prefiltered = false;

  bool may_match(std::string_view text, std::size_t* examined) const {
    if (!prefiltered) return true;
    std::vector<int> found;
    for (std::size_t i = 0; i < atoms.size(); ++i) {
      if (contains_ignore_case(text, atoms[i], examined)) found.push_back(static_cast<int>(i));
    }
    if (found.empty()) return false;
    std::vector<int> passed;
    filter.AllMatches(text, found, &passed);
    return !passed.empty();
  }
};

RegexCleaner::RegexCleaner(std::vector<RegexRule> rules) : rules_(std::move(rules)) {
  RE2::Options options;
  options.set_log_errors(false);
  compiled_.reserve(rules_.size());
  for (const RegexRule& rule : rules_) {
    auto compiled = std::make_unique<Compiled>(rule.pattern, options);
    if (!compiled->re.ok()) {
      throw Error(ErrorCode::kConfig, "regex rule '" + rule.name + "': " + compiled->re.error());
    }
    std::string why;
    if (!compiled->re.CheckRewriteString(rule.replacement, &why)) {
      throw Error(ErrorCode::kConfig, "regex rule '" + rule.name + "': " + why);
    }
    compiled->rewrite = rule.replacement;
    int id = 0;
    if (compiled->filter.Add(rule.pattern, options, &id) == RE2::NoError) {
      compiled->filter.Compile(&compiled->atoms);
      bool ascii = true;
      for (const std::string& atom : compiled->atoms) {
        for (unsigned char c : atom)
          ascii = ascii && c < 0x80;
      }
      compiled->prefiltered = !compiled->atoms.empty() && ascii;
    }
    compiled_.push_back(std::move(compiled));
  }
}

RegexCleaner::~RegexCleaner() = default;
RegexCleaner::RegexCleaner(RegexCleaner&&) noexcept = default;
RegexCleaner& RegexCleaner::operator=(RegexCleaner&&) noexcept = default;

std::string RegexCleaner::apply(std::string_view text, CleanStats* stats) const {
  std::string out(text);
  std::size_t examined = 0;
  for (const auto& compiled : compiled_) {
    if (!compiled->may_match(out, &examined)) continue;
    // RE2 is linear in the text per global replace; count one pass over it.
    examined += out.size();
    RE2::GlobalReplace(&out, compiled->re, compiled->rewrite);
  }
  if (stats != nullptr) stats->bytes_examined += examined;
  return out;
}

const std::vector<RegexRule>& RegexCleaner::rules() const {
  return rules_;
}

std::vector<RegexRule> RegexCleaner::default_rules() {
  // End of a removed line: optional blanks, optional CR, then the newline (taken along) or the end.
  const std::string eol = R"([ \t]*\r?(?:\n|\z))";
  return {
      // EDGAR's SGML markup inside plain-text filings: table, caption, column and page tags.
      {"sgml_tags", R"(</?(?:TABLE|CAPTION|PAGE|FN|S|C)>)", ""},
      // One pass for every kind of boilerplate line (page numbers, page footers, back links).
      {"boilerplate_lines",
       R"((?m)^[ \t]*(?:-[ \t]*\d{1,3}[ \t]*-|(?i:page)[ \t]+\d{1,3}(?:[ \t]+(?i:of)[ \t]+\d{1,4})?)"
       R"(|[A-Z]{1,2}-\d{1,3}|\d{1,3})"
       R"(|\d{1,3}[ \t]*\|[^\n]*\b10-[KQ]\b[^\n]*|[^\n]*\b10-[KQ]\b[^\n]*\|[ \t]*\d{1,3})"
       R"(|(?i:table of contents|index)))" +
           eol,
       ""},
      {"urls", R"((?i)\b(?:https?://|www\.)[^\s<>"]*[^\s<>".,;:!?)\]'])", ""},
      {"spaces", R"(\t[ \t]*| [ \t]+)", " "},
      {"trailing_spaces", R"([ \t]+(\r?\n|\z))", R"(\1)"},
      {"blank_lines", R"(\n(?:[ \t]*\r?\n){2,})", "\n\n"},
  };
}

}  // namespace secnlp::nlp
