#include "nlp/lexicon/sentiment_lexicon.h"

#include <algorithm>

namespace secnlp::nlp {
namespace {

constexpr std::array<std::string_view, kLmCategoryCount> kNames = {
    "Negative", "Positive", "Uncertainty", "Litigious", "StrongModal", "WeakModal", "Constraining"};

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

}  // namespace

std::string_view lm_category_name(LmCategory category) {
  return kNames[static_cast<std::size_t>(category)];
}

std::optional<LmCategory> parse_lm_category(std::string_view name) {
  std::string folded;
  for (char c : name) {
    if (c == '_' || c == '-' || c == ' ') continue;
    folded.push_back(ascii_lower(c));
  }
  for (std::size_t i = 0; i < kLmCategoryCount; ++i) {
    std::string lowered;
    for (char c : kNames[i])
      lowered.push_back(ascii_lower(c));
    if (folded == lowered) return kLmCategories[i];
  }
  return std::nullopt;
}

void SentimentLexicon::add(std::string_view word, LmCategory category) {
  if (word.empty()) return;
  std::string key(word);
  std::transform(key.begin(), key.end(), key.begin(), ascii_lower);
  auto [it, inserted] = words_.try_emplace(std::move(key), std::uint8_t{0});
  const std::uint8_t bit = lm_bit(category);
  if ((it->second & bit) == 0) {
    it->second = static_cast<std::uint8_t>(it->second | bit);
    ++category_sizes_[static_cast<std::size_t>(category)];
  }
  max_word_size_ = std::max(max_word_size_, word.size());
}

std::uint8_t SentimentLexicon::categories(std::string_view word) const {
  // Longer than every stored word: cannot match.
  if (word.empty() || word.size() > max_word_size_) return 0;
  constexpr std::size_t kBuffer = 128;
  if (word.size() > kBuffer) {
    std::string key(word);
    std::transform(key.begin(), key.end(), key.begin(), ascii_lower);
    auto it = words_.find(key);
    return it == words_.end() ? 0 : it->second;
  }
  char buffer[kBuffer];
  for (std::size_t i = 0; i < word.size(); ++i)
    buffer[i] = ascii_lower(word[i]);
  auto it = words_.find(std::string_view(buffer, word.size()));
  return it == words_.end() ? 0 : it->second;
}

}  // namespace secnlp::nlp
