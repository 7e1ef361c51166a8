#pragma once
// Readability the way the Python package textstat computes it (textstat/textstat at commit
// dadf3d2b, backend/ counts and metrics), from raw text with textstat's own tokenisation.
// Exact rules are in docs/readability.md; in short:
// - words: remove every "'" not followed by t/s/d/ve/ll/re, delete every char that is not \w,
//   whitespace or "'", split on whitespace (so "there?I" is one word, "singer-songwriter" is
//   "singersongwriter", "500" is a word);
// - sentences: regex \b[^.!?]+[.!?]* matches, minus those with <= 2 words; at least 1 for
//   non-empty text;
// - syllables: CMUdict first pronunciation (vowel phones) for the lowercased word, else
//   pyphen/libhyphen positions + 1 (SyllableCounter::count_textstat);
// - ARI characters: every non-whitespace char, divided by the whitespace-split token count;
//   Coleman-Liau letters: every \w char;
// - Gunning Fog "difficult" words: >= 3 syllables and not in the Dale-Chall easy-word list when
//   one is given in TextstatOptions (textstat ships that list; we do not);
// - Coleman-Liau uses textstat's coefficient 0.058 on letters per 100 words (the published
//   formula, used by compute_scores, has 0.0588);
// - degenerate inputs give 0.0, as textstat does (not NaN).
// Lowercasing is ASCII-only (textstat lowercases all of Unicode); this matters only for
// dictionary lookups of non-ASCII words.

#include <cstdint>
#include <functional>
#include <string_view>

#include "nlp/readability/readability.h"
#include "nlp/readability/syllables.h"

namespace secnlp::nlp {

struct TextstatOptions {
  // textstat's Dale-Chall easy-word test (lowercase word -> easy). Empty: no word is easy, so
  // difficult words == polysyllables and Gunning Fog is the classic definition.
  std::function<bool(std::string_view)> easy_word;
};

// textstat's counts for one text. Names follow textstat's functions.
struct TextstatStatistics {
  std::uint64_t sentences = 0;          // count_sentences
  std::uint64_t words = 0;              // count_words (punctuation removed)
  std::uint64_t whitespace_tokens = 0;  // count_words(rm_punctuation=False)
  std::uint64_t syllables = 0;          // count_syllables
  std::uint64_t polysyllables = 0;      // count_polysyllable_words
  std::uint64_t difficult_words = 0;    // count_difficult_words(syllable_threshold=3)
  std::uint64_t characters = 0;         // count_chars(ignore_spaces=True)
  std::uint64_t letters = 0;            // count_letters
};

// One pass per rule over `text` (UTF-8; invalid bytes count as one non-word char each). Linear.
TextstatStatistics textstat_statistics(std::string_view text, const SyllableCounter& syllables,
                                       const TextstatOptions& options = {});

// textstat's formulas on textstat's counts (unrounded; textstat's tests round to 3 decimals).
ReadabilityScores textstat_scores(const TextstatStatistics& stats);

// textstat_scores(textstat_statistics(text, syllables, options)).
ReadabilityScores textstat_scores(std::string_view text, const SyllableCounter& syllables,
                                  const TextstatOptions& options = {});

// textstat's list_words(text) word count and count_sentences(text), exposed for tests.
std::uint64_t textstat_word_count(std::string_view text);
std::uint64_t textstat_sentence_count(std::string_view text);

}  // namespace secnlp::nlp
