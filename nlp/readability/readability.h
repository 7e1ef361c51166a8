#pragma once
// Readability statistics and the six classic formulas.
//
// Two counting modes (docs/readability.md has the full definitions):
// - ReadabilityMode::kStandard, our documented rules over Treebank tokens: a word is a token with a
//   letter (numbers and punctuation are not words; clitics "'s", "n't" are joined to the word
//   before); sentences come from the sentence splitter; syllables from SyllableCounter::count;
//   a complex word (Gunning) has >= 3 syllables not counting a syllabic -es/-ed/-ing ending and is
//   not hyphenated; a polysyllable (SMOG) has >= 3 syllables.
// - ReadabilityMode::kTextstat, textstat's rules. For exact reproduction use textstat_scores() on
//   the raw text (textstat.h); measure(..., kTextstat) applies textstat's per-word rules to tokens,
//   which only approximates it (Treebank splits contractions that textstat keeps whole).
//
// Scores of an empty text (no words or no sentences) are NaN, never a division by zero.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "nlp/readability/syllables.h"

namespace secnlp::nlp {

enum class ReadabilityMode : std::uint8_t { kStandard, kTextstat };

struct TextStatistics {
  std::uint64_t sentences = 0;
  std::uint64_t words = 0;
  std::uint64_t syllables = 0;      // over all words
  std::uint64_t complex_words = 0;  // Gunning Fog's "complex words" (mode-specific, see above)
  std::uint64_t polysyllables = 0;  // words with >= 3 syllables (SMOG)
  std::uint64_t characters = 0;     // letters + digits in words (ARI)
  std::uint64_t letters = 0;        // letters in words (Coleman-Liau)
};

// All grade levels except flesch_reading_ease (0-100, higher is easier). NaN when undefined.
struct ReadabilityScores {
  double flesch_kincaid_grade = 0;  // 0.39 W/S + 11.8 Y/W - 15.59
  double flesch_reading_ease = 0;   // 206.835 - 1.015 W/S - 84.6 Y/W
  double gunning_fog = 0;           // 0.4 (W/S + 100 C/W)
  double smog = 0;                  // 1.0430 sqrt(30 P/S) + 3.1291
  double coleman_liau = 0;          // 0.0588 L - 0.296 S100 - 15.8, L and S100 per 100 words
  double ari = 0;                   // 4.71 K/W + 0.5 W/S - 21.43
};

// The standard formulas above (W words, S sentences, Y syllables, C complex words,
// P polysyllables, K characters, L letters per 100 words, S100 sentences per 100 words).
// Every score is NaN when words == 0 or sentences == 0. No rounding, no clamping.
ReadabilityScores compute_scores(const TextStatistics& stats);

// Counts words, syllables, complex words, polysyllables, characters and letters in `tokens`
// (the Treebank tokens of one text, in order); `sentences` is passed through. Linear in the input;
// one SyllableCounter call per word.
TextStatistics measure(std::span<const std::string> tokens, std::size_t sentences,
                       const SyllableCounter& syllables,
                       ReadabilityMode mode = ReadabilityMode::kStandard);

// Gunning's complex-word test used by kStandard, given the word's syllable count: syllables >= 3
// after discounting a syllabic ending (-ing always; -ed after t/d; -es after s, x, z, ch, sh, ce,
// ge), and no hyphen in the word.
bool is_complex_word(std::string_view word, int syllables);

}  // namespace secnlp::nlp
