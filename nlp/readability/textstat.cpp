#include "nlp/readability/textstat.h"

#include <cmath>
#include <string>

#include "common/utf8.h"
#include "nlp/tokenize/unicode_chars.h"

namespace secnlp::nlp {
namespace {

using detail::is_py_space;
using detail::is_py_word;
using secnlp::next_code_point;

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c;
}

// textstat's RE_NONCONTRACTION_APOSTROPHE: an apostrophe is kept only when followed by
// [tsd]|ve|ll|re (case-sensitive, no word boundary required). `rest` is the text after it.
bool keeps_apostrophe(std::string_view rest, bool lowercased) {
  auto at = [&](std::size_t k) {
    return k < rest.size() ? (lowercased ? ascii_lower(rest[k]) : rest[k]) : '\0';
  };
  const char a = at(0), b = at(1);
  return a == 't' || a == 's' || a == 'd' || (a == 'v' && b == 'e') || (a == 'l' && b == 'l') ||
         (a == 'r' && b == 'e');
}

// textstat's list_words(text) (remove_punctuation(rm_apostrophe=False) then str.split()),
// with the text lowercased first when `lowercase_first` (list_difficult_words does that).
// Calls on_word(std::string_view word) for each word, in the text's original case unless
// lowercase_first.
template <typename F>
void for_each_word(std::string_view text, bool lowercase_first, F&& on_word) {
  std::string word;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t c = next_code_point(text, i);
    if (is_py_space(c)) {
      if (!word.empty()) {
        on_word(std::string_view(word));
        word.clear();
      }
    } else if (c == '\'') {
      if (keeps_apostrophe(text.substr(i), lowercase_first)) word.push_back('\'');
    } else if (is_py_word(c)) {
      if (c < 0x80) {
        word.push_back(lowercase_first ? ascii_lower(static_cast<char>(c)) : static_cast<char>(c));
      } else {
        word.append(text.substr(start, i - start));
      }
    }
  }
  if (!word.empty()) on_word(std::string_view(word));
}

std::uint64_t count_words(std::string_view text) {
  std::uint64_t n = 0;
  for_each_word(text, false, [&](std::string_view) { ++n; });
  return n;
}

bool is_terminator(char c) {
  return c == '.' || c == '!' || c == '?';
}

}  // namespace

std::uint64_t textstat_word_count(std::string_view text) {
  return count_words(text);
}

std::uint64_t textstat_sentence_count(std::string_view text) {
  if (text.empty()) return 0;
  // re.findall(r"\b[^.!?]+[.!?]*"): each match starts at the first word char at or after the end
  // of the previous match (that char always follows a non-word char, so \b holds) and runs through
  // the next run of terminators or to the end of the text.
  std::uint64_t found = 0;
  std::uint64_t ignored = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = std::string_view::npos;
    for (std::size_t i = pos; i < text.size();) {
      const std::size_t at = i;
      if (is_py_word(next_code_point(text, i))) {
        start = at;
        break;
      }
    }
    if (start == std::string_view::npos) break;
    std::size_t end = start;
    while (end < text.size() && !is_terminator(text[end]))
      ++end;
    while (end < text.size() && is_terminator(text[end]))
      ++end;
    ++found;
    if (count_words(text.substr(start, end - start)) <= 2) ++ignored;
    pos = end;
  }
  return found > ignored ? found - ignored : 1;
}

TextstatStatistics textstat_statistics(std::string_view text, const SyllableCounter& syllables,
                                       const TextstatOptions& options) {
  TextstatStatistics s;
  s.sentences = textstat_sentence_count(text);
  bool in_token = false;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = next_code_point(text, i);
    const bool space = is_py_space(c);
    if (!space) ++s.characters;
    if (is_py_word(c)) ++s.letters;
    if (!space && !in_token) ++s.whitespace_tokens;
    in_token = !space;
  }
  std::string lowered;
  for_each_word(text, false, [&](std::string_view word) {
    ++s.words;
    lowered.assign(word);
    for (char& ch : lowered)
      ch = ascii_lower(ch);
    const int n = syllables.count_textstat(lowered);
    s.syllables += static_cast<std::uint64_t>(n);
    if (n >= 3) ++s.polysyllables;
  });
  for_each_word(text, true, [&](std::string_view word) {
    if (options.easy_word && options.easy_word(word)) return;
    if (syllables.count_textstat(word) >= 3) ++s.difficult_words;
  });
  return s;
}

ReadabilityScores textstat_scores(const TextstatStatistics& s) {
  ReadabilityScores r;  // all 0.0, textstat's value for undefined scores
  const double words = static_cast<double>(s.words);
  const double sentences = static_cast<double>(s.sentences);
  const double wps = (s.words == 0 || s.sentences == 0) ? 0.0 : words / sentences;
  const double spw = s.words == 0 ? 0.0 : static_cast<double>(s.syllables) / words;
  if (wps != 0.0 && spw != 0.0) {
    r.flesch_kincaid_grade = 0.39 * wps + 11.8 * spw - 15.59;
    r.flesch_reading_ease = 206.835 - 1.015 * wps - 84.6 * spw;
  }
  if (s.words != 0) {
    r.gunning_fog = 0.4 * (wps + 100.0 * static_cast<double>(s.difficult_words) / words);
  }
  if (s.sentences != 0) {
    r.smog = 1.043 * std::sqrt(30.0 * static_cast<double>(s.polysyllables) / sentences) + 3.1291;
  }
  const double letters_per_100 =
      s.words == 0 ? 0.0 : 100.0 * static_cast<double>(s.letters) / words;
  const double sentences_per_100 = s.words == 0 ? 0.0 : 100.0 * sentences / words;
  if (letters_per_100 != 0.0 && sentences_per_100 != 0.0) {
    // textstat's coefficient is 0.058, not Coleman & Liau's 0.0588 (checked against its tests).
    r.coleman_liau = 0.058 * letters_per_100 - 0.296 * sentences_per_100 - 15.8;
  }
  const double chars_per_token =
      s.whitespace_tokens == 0
          ? 0.0
          : static_cast<double>(s.characters) / static_cast<double>(s.whitespace_tokens);
  if (chars_per_token != 0.0 && wps != 0.0) {
    r.ari = 4.71 * chars_per_token + 0.5 * wps - 21.43;
  }
  return r;
}

ReadabilityScores textstat_scores(std::string_view text, const SyllableCounter& syllables,
                                  const TextstatOptions& options) {
  return textstat_scores(textstat_statistics(text, syllables, options));
}

}  // namespace secnlp::nlp
