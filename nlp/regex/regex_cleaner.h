#pragma once
// Ordered regex search-and-replace cleanup of extracted filing text.
//
// A RegexCleaner holds a list of named RE2 rules, compiled once. apply() runs them in order, each
// as one global replace over the whole text (RE2 syntax; \1..\9 in the replacement refer to
// groups). Immutable after construction and safe to share between threads; copying is deleted.
//
// Cost: one RE2 pass per rule that can match. Before each rule, a literal prefilter (RE2's
// FilteredRE2 atoms, e.g. "http" / "www." for the URL rule) is checked with a case-insensitive
// substring search; when no required literal is present the rule is skipped without running RE2.
// Rules without literals (e.g. whitespace rules) always run.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::nlp {

// One cleanup rule: every match of `pattern` is replaced by `replacement`.
struct RegexRule {
  std::string name;         // shown in errors, e.g. "urls"
  std::string pattern;      // RE2 syntax; use (?m) for ^/$ at line boundaries
  std::string replacement;  // RE2 rewrite string: \0 whole match, \1..\9 groups, \\ a backslash
};

// Work done by RegexCleaner::apply, for tests that check the cost grows linearly with the text.
struct CleanStats {
  // Bytes examined: by the literal prefilters plus one text length per RE2 pass. Added to.
  std::size_t bytes_examined = 0;
};

class RegexCleaner {
 public:
  // Compiles every rule. Throws secnlp::Error(ErrorCode::kConfig, "regex rule 'NAME': <reason>")
  // for a pattern RE2 rejects or a replacement that names a group the pattern lacks.
  explicit RegexCleaner(std::vector<RegexRule> rules);
  ~RegexCleaner();
  RegexCleaner(const RegexCleaner&) = delete;
  RegexCleaner& operator=(const RegexCleaner&) = delete;
  RegexCleaner(RegexCleaner&&) noexcept;
  RegexCleaner& operator=(RegexCleaner&&) noexcept;

  // The text with every rule applied in order (each a global, non-overlapping replace). Linear in
  // the text size per rule, prefilters included. Adds the work done to `*stats` when given.
  // Thread-safe.
  std::string apply(std::string_view text, CleanStats* stats = nullptr) const;

  // The rules as given to the constructor.
  const std::vector<RegexRule>& rules() const;

  // Rules for SEC filing text that has one block element per line (as nlp/html produces, or as
  // tag-stripped filings are). In order:
  //   boilerplate_lines  whole lines that are only a page number ("12", "- 12 -", "Page 12",
  //                      "Page 12 of 90", "F-7", "A-1"; 1-3 digits, so 4-digit lines such as
  //                      years survive: table cells often sit on their own line), a page footer
  //                      ("12 | Apple Inc. 2023 Form 10-K", "Apple Inc. | 2023 Form 10-K | 12"), or
  //                      a back link ("Table of Contents", "Index", any case). One RE2 pass.
  //   urls               http://..., https://..., www.... up to whitespace, minus trailing
  //                      punctuation -> removed (prefiltered on "http"/"www.")
  //   spaces             runs of spaces/tabs (and any tab) -> one space
  //   trailing_spaces    spaces/tabs at the end of a line -> removed
  //   blank_lines        3 or more newlines (blank lines may hold spaces) -> exactly 2
  // Removed lines take their newline with them, so a page break inside a hard-wrapped paragraph
  // does not become a paragraph break. Measured: ~70 MB/s for all rules on the tag-stripped
  // 10-Ks in shared/data/filings/text-only (7.4 MB, many space runs); each rule alone 250-470 MB/s.
  static std::vector<RegexRule> default_rules();

 private:
  struct Compiled;
  std::vector<RegexRule> rules_;
  std::vector<std::unique_ptr<Compiled>> compiled_;
};

}  // namespace secnlp::nlp
