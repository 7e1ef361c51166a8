#pragma once
// Unicode clean-up of extracted text, so that later stages see one spelling per character.

#include <string>
#include <string_view>

namespace secnlp::nlp {

// Options of Normalizer (config keys of the normalize stage use the same names).
struct NormalizeOptions {
  bool nfkc = true;               // Unicode NFKC: ligatures (ﬁ -> fi), fullwidth, ellipsis -> ...
  bool unify_punctuation = true;  // see Normalizer
  bool repair_c1_controls = true;  // U+0080..U+009F read as the cp1252 bytes they were
  bool case_fold = false;          // Unicode full case folding (A -> a, ß -> ss)
};

// Normalizes UTF-8 text. Steps, in order (each one only if enabled):
//   1. Ill-formed UTF-8 becomes U+FFFD (always).
//   2. repair_c1_controls: U+0080..U+009F become the character that byte has in windows-1252
//      (U+0092 -> U+2019, U+0093 -> U+201C, U+0096 -> U+2013, U+0080 -> U+20AC, ...); the five
//      that cp1252 leaves undefined (U+0081, U+008D, U+008F, U+0090, U+009D) are removed.
//   3. nfkc: ICU NFKC.
//   4. unify_punctuation:
//        single quotes and primes ‘ ’ ‚ ‛ ′ ‵ ‹ › ʹ ʼ ˈ ＇ -> '
//        double quotes “ ” „ ‟ ″ ‶ « » ＂ -> "
//        dashes: hyphen U+2010, non-breaking hyphen, figure dash, en dash, em dash, horizontal
//          bar, minus sign U+2212, small/fullwidth forms -> -
//        spaces: no-break, en/em/thin/hair/figure/punctuation, narrow no-break, medium
//          mathematical, ideographic (U+00A0, U+2000..U+200A, U+202F, U+205F, U+3000) -> ' '
//        removed: soft hyphen U+00AD, ZWSP U+200B, ZWNJ, ZWJ, LRM/RLM, word joiner U+2060,
//          BOM U+FEFF
//        bullets • ‣ ⁃ ∙ ▪ ▫ ■ ● ◦ -> '*' (decided: an ASCII item marker keeps tokenizers simple)
//        ellipsis … -> ... (NFKC does it too)
//        line/paragraph separators U+2028/U+2029, CR LF, lone CR, form feed and vertical tab
//          -> "\n"; other C0 controls and DEL removed. "\n" and "\t" are kept.
//   5. case_fold: ICU full case folding (u_strFoldCase semantics, default options).
// Pure-ASCII input never reaches ICU: a single byte loop applies steps 4-5 (the only ones that can
// change ASCII), with the same result as the ICU path.
// Immutable after construction; one instance may be shared by any number of threads.
class Normalizer {
 public:
  // Throws secnlp::Error(kResource) when ICU's normalization data cannot be loaded.
  explicit Normalizer(NormalizeOptions options = {});

  const NormalizeOptions& options() const { return options_; }

  // The normalized text. Cost: linear; pure ASCII about memory speed, otherwise ICU speed.
  // Throws secnlp::Error(kLimit) for input of 2 GiB or more (ICU's 32-bit lengths).
  std::string normalize(std::string_view utf8) const;

 private:
  NormalizeOptions options_;
};

}  // namespace secnlp::nlp
