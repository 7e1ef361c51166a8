#include "nlp/readability/readability.h"

#include <cmath>
#include <limits>
#include <string_view>

#include "common/utf8.h"
#include "nlp/tokenize/unicode_chars.h"

namespace secnlp::nlp {
namespace {

using detail::is_letter;
using detail::is_py_alnum;
using detail::is_py_space;
using detail::is_py_word;
using secnlp::next_code_point;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool has_letter(std::string_view token) {
  for (std::size_t i = 0; i < token.size();) {
    if (is_letter(next_code_point(token, i))) return true;
  }
  return false;
}

// "'s", "'ll", "’re", "n't" ...: Treebank splits these off the word before.
bool is_clitic(std::string_view t) {
  if (t.size() >= 2 && t[0] == '\'') return has_letter(t.substr(1));
  if (t.size() >= 4 && t.substr(0, 3) == "\xE2\x80\x99") return has_letter(t.substr(3));
  if (t.size() == 3 && (t[0] == 'n' || t[0] == 'N') && t[1] == '\'' && (t[2] == 't' || t[2] == 'T'))
    return true;
  return t.size() == 5 && (t[0] == 'n' || t[0] == 'N') && t.substr(1, 3) == "\xE2\x80\x99" &&
         (t[4] == 't' || t[4] == 'T');
}

// textstat's per-word punctuation removal, applied to one token.
std::string textstat_clean(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size();) {
    const std::size_t start = i;
    const char32_t c = next_code_point(token, i);
    if (c == '\'') {
      std::string_view rest = token.substr(i);
      if (!rest.empty() &&
          (rest[0] == 't' || rest[0] == 's' || rest[0] == 'd' || rest.starts_with("ve") ||
           rest.starts_with("ll") || rest.starts_with("re"))) {
        out.push_back('\'');
      }
    } else if (is_py_word(c) && !is_py_space(c)) {
      out.append(token.substr(start, i - start));
    }
  }
  return out;
}

void add_textstat_token(std::string_view token, const SyllableCounter& counter,
                        TextStatistics& stats) {
  for (std::size_t i = 0; i < token.size();) {
    const char32_t c = next_code_point(token, i);
    if (!is_py_space(c)) ++stats.characters;
    if (is_py_word(c)) ++stats.letters;
  }
  const std::string word = textstat_clean(token);
  if (word.empty()) return;
  ++stats.words;
  const int n = counter.count_textstat(word);
  stats.syllables += static_cast<std::uint64_t>(n);
  if (n >= 3) {
    ++stats.polysyllables;
    ++stats.complex_words;
  }
}

void add_standard_word(std::string_view word, const SyllableCounter& counter,
                       TextStatistics& stats) {
  ++stats.words;
  for (std::size_t i = 0; i < word.size();) {
    const char32_t c = next_code_point(word, i);
    if (is_py_alnum(c)) {
      ++stats.characters;
      if (is_letter(c)) ++stats.letters;
    }
  }
  const int n = counter.count(word);
  stats.syllables += static_cast<std::uint64_t>(n);
  if (n >= 3) ++stats.polysyllables;
  if (is_complex_word(word, n)) ++stats.complex_words;
}

}  // namespace

ReadabilityScores compute_scores(const TextStatistics& s) {
  ReadabilityScores r;
  if (s.words == 0 || s.sentences == 0) {
    r.flesch_kincaid_grade = r.flesch_reading_ease = r.gunning_fog = r.smog = r.coleman_liau =
        r.ari = kNaN;
    return r;
  }
  const double words = static_cast<double>(s.words);
  const double wps = words / static_cast<double>(s.sentences);
  const double spw = static_cast<double>(s.syllables) / words;
  r.flesch_kincaid_grade = 0.39 * wps + 11.8 * spw - 15.59;
  r.flesch_reading_ease = 206.835 - 1.015 * wps - 84.6 * spw;
  r.gunning_fog = 0.4 * (wps + 100.0 * static_cast<double>(s.complex_words) / words);
  r.smog = 1.0430 * std::sqrt(static_cast<double>(s.polysyllables) * 30.0 /
                              static_cast<double>(s.sentences)) +
           3.1291;
  const double letters_per_100 = 100.0 * static_cast<double>(s.letters) / words;
  const double sentences_per_100 = 100.0 * static_cast<double>(s.sentences) / words;
  r.coleman_liau = 0.0588 * letters_per_100 - 0.296 * sentences_per_100 - 15.8;
  r.ari = 4.71 * static_cast<double>(s.characters) / words + 0.5 * wps - 21.43;
  return r;
}

bool is_complex_word(std::string_view word, int syllables) {
  if (syllables < 3) return false;
  if (word.find('-') != std::string_view::npos) return false;
  std::string w;
  w.reserve(word.size());
  for (char c : word)
    w.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c);
  bool syllabic_ending = false;
  if (ends_with(w, "ing") && w.size() > 4) {
    syllabic_ending = true;
  } else if (ends_with(w, "ed") && w.size() > 3) {
    const char before = w[w.size() - 3];
    syllabic_ending = before == 't' || before == 'd';
  } else if (ends_with(w, "es") && w.size() > 3) {
    const std::string_view stem = std::string_view(w).substr(0, w.size() - 2);
    syllabic_ending = ends_with(stem, "s") || ends_with(stem, "x") || ends_with(stem, "z") ||
                      ends_with(stem, "ch") || ends_with(stem, "sh") || ends_with(stem, "c") ||
                      ends_with(stem, "g");
  }
  return syllables - (syllabic_ending ? 1 : 0) >= 3;
}

TextStatistics measure(std::span<const std::string> tokens, std::size_t sentences,
                       const SyllableCounter& counter, ReadabilityMode mode) {
  TextStatistics stats;
  stats.sentences = sentences;
  if (mode == ReadabilityMode::kTextstat) {
    for (const std::string& token : tokens)
      add_textstat_token(token, counter, stats);
    return stats;
  }
  // A word is flushed when the next token is not a clitic to be joined to it.
  std::string pending;
  bool have_pending = false;
  for (const std::string& token : tokens) {
    if (have_pending && is_clitic(token)) {
      pending += token;
      continue;
    }
    if (have_pending) add_standard_word(pending, counter, stats);
    have_pending = has_letter(token);
    if (have_pending) pending.assign(token);
  }
  if (have_pending) add_standard_word(pending, counter, stats);
  return stats;
}

}  // namespace secnlp::nlp
