#include "nlp/lexicon/lm_counts.h"

#include <array>
#include <string_view>

namespace secnlp::nlp {
namespace {

// Words before a positive word in which a negation is looked for (LM 2011).
constexpr std::size_t kNegationWindow = 3;

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

}  // namespace

double LmCounts::proportion(LmCategory category) const {
  return words == 0 ? 0.0 : static_cast<double>(count(category)) / static_cast<double>(words);
}

bool is_lm_word(std::string_view token) {
  for (char ch : token) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  }
  return false;
}

bool is_lm_negation(std::string_view token) {
  static constexpr std::array<std::string_view, 6> kNegations = {"no",      "not",   "none",
                                                                 "neither", "never", "nobody"};
  if (token.size() < 2 || token.size() > 7) return false;
  for (std::string_view n : kNegations) {
    if (iequals_ascii(token, n)) return true;
  }
  return false;
}

LmCounts count_lm(std::span<const std::string> tokens, const SentimentLexicon& lexicon) {
  LmCounts out;
  // Word index of the most recent negation word; words are numbered from 1.
  std::uint64_t last_negation = 0;
  for (const std::string& token : tokens) {
    if (!is_lm_word(token)) continue;
    const std::uint64_t index = ++out.words;
    const std::uint8_t mask = lexicon.categories(token);
    for (std::size_t c = 0; c < kLmCategoryCount; ++c) {
      if (mask & (1u << c)) ++out.counts[c];
    }
    if ((mask & lm_bit(LmCategory::kPositive)) && last_negation != 0 &&
        index - last_negation <= kNegationWindow) {
      ++out.negations;
    }
    if (is_lm_negation(token)) last_negation = index;
  }
  return out;
}

}  // namespace secnlp::nlp
