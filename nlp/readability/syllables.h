#pragma once
// Syllable counting for readability formulas.
//
// Sources, in order: a pronouncing dictionary (CMUdict), a hyphenation fallback (libhyphen with
// the en_US patterns that pyphen also uses), and a last-resort vowel-group estimate. nlp/ does no
// file I/O, so the first two come in as functions; corpora/lexicons/syllable_sources.h builds a
// SyllableCounter from a loaded CMUdict and Hyphenator.
//
// A SyllableCounter is immutable; it is safe to share between threads when the functions it holds
// are (the corpora adapters are).

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>

namespace secnlp::nlp {

// Dictionary lookup: syllables of a lowercase word, nullopt when the word is not listed.
using SyllableDictionary = std::function<std::optional<int>(std::string_view lowercase_word)>;
// Fallback for words the dictionary lacks: syllables of a lowercase word (>= 1 for a non-empty
// word).
using SyllableFallback = std::function<int(std::string_view lowercase_word)>;

class SyllableCounter {
 public:
  // Either function may be empty; with neither, every count is estimate().
  // count() and count_textstat() remember recent answers per thread (up to 64k words, then the
  // memo is cleared): filings repeat most words, and a miss costs a dictionary lookup and, for
  // words CMUdict lacks, a hyphenation call. Measured: readability 2-3x faster on 10-K text.
  explicit SyllableCounter(SyllableDictionary dictionary = {}, SyllableFallback fallback = {});

  // Our standard rule (ReadabilityMode::kStandard) for one word token, any case:
  // ASCII-lowercased, U+2019 read as an apostrophe; a hyphenated token ("long-term") is the sum of
  // its parts; each part is looked up in the dictionary as is (so "company's" and "didn't" hit
  // CMUdict), then without a trailing "'s"/"'" , then goes to the fallback (letters only), then to
  // estimate(). Returns 0 when the token has no letter, else >= 1.
  int count(std::string_view word) const;

  // textstat's rule for one word as textstat's list_words produced it (punctuation removed except
  // contraction apostrophes): lowercase, dictionary as is, else fallback, else estimate().
  // Returns 0 for an empty word, else >= 1 (pyphen counts positions + 1).
  int count_textstat(std::string_view word) const;

  // Vowel-group estimate for an ASCII word: runs of a/e/i/o/u/y, minus a silent final "e" (not
  // "le" after a consonant, not "ee"), at least 1 when the word has a letter. Non-ASCII bytes are
  // ignored.
  static int estimate(std::string_view word);

  bool has_dictionary() const { return static_cast<bool>(dictionary_); }
  bool has_fallback() const { return static_cast<bool>(fallback_); }

 private:
  int count_part(std::string_view lowercase_part) const;
  int count_uncached(std::string_view word) const;
  int count_textstat_uncached(std::string_view word) const;

  SyllableDictionary dictionary_;
  SyllableFallback fallback_;
  // Identifies this counter's dictionaries in the per-thread memo of counts (copies share it,
  // since they give the same answers).
  std::uint64_t memo_id_;
};

}  // namespace secnlp::nlp
