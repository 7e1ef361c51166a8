#pragma once
// An in-memory sentiment word list with the seven Loughran-McDonald categories.
//
// Filled by corpora/lexicons (lm_lexicon_reader.h) from the files the user supplies (the LM lists
// are copyrighted; the project never ships them), or by hand in tests. Immutable once built: a
// const SentimentLexicon is safe to share between threads.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace secnlp::nlp {

// The seven LM 2011/2018 categories; the value is the bit index in SentimentLexicon::categories.
enum class LmCategory : std::uint8_t {
  kNegative,
  kPositive,
  kUncertainty,
  kLitigious,
  kStrongModal,
  kWeakModal,
  kConstraining,
};

inline constexpr std::size_t kLmCategoryCount = 7;

// All categories in enum order, for loops.
inline constexpr std::array<LmCategory, kLmCategoryCount> kLmCategories = {
    LmCategory::kNegative,    LmCategory::kPositive,    LmCategory::kUncertainty,
    LmCategory::kLitigious,   LmCategory::kStrongModal, LmCategory::kWeakModal,
    LmCategory::kConstraining};

// The bit of `category` in a categories() mask.
constexpr std::uint8_t lm_bit(LmCategory category) {
  return static_cast<std::uint8_t>(1u << static_cast<unsigned>(category));
}

// LM's own spelling: "Negative", "Positive", "Uncertainty", "Litigious", "StrongModal",
// "WeakModal", "Constraining".
std::string_view lm_category_name(LmCategory category);

// Parses a category name case-insensitively, ignoring '_', '-' and spaces, so "Strong_Modal",
// "strongmodal" and "STRONG MODAL" all give kStrongModal. nullopt when unknown.
std::optional<LmCategory> parse_lm_category(std::string_view name);

// Word -> bitmask of categories. Words are stored ASCII-lowercased; lookups lowercase ASCII letters
// of the query, so "LOSS", "Loss" and "loss" are the same word (bytes >= 0x80 compare exactly).
// Lookup is one hash probe with no allocation.
class SentimentLexicon {
 public:
  SentimentLexicon() = default;

  // Adds `word` to `category` (idempotent). Empty words are ignored.
  void add(std::string_view word, LmCategory category);

  // Bitmask of the categories of `word` (bit i = LmCategory i, see lm_bit); 0 when absent.
  std::uint8_t categories(std::string_view word) const;

  // True when `word` is in `category`.
  bool contains(std::string_view word, LmCategory category) const {
    return (categories(word) & lm_bit(category)) != 0;
  }

  // Number of distinct words in `category`.
  std::size_t size(LmCategory category) const {
    return category_sizes_[static_cast<std::size_t>(category)];
  }

  // Number of distinct words in any category.
  std::size_t size() const { return words_.size(); }
  bool empty() const { return words_.empty(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  std::unordered_map<std::string, std::uint8_t, Hash, std::equal_to<>> words_;
  std::array<std::size_t, kLmCategoryCount> category_sizes_{};
  std::size_t max_word_size_ = 0;
};

}  // namespace secnlp::nlp
