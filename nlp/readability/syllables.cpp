#include "nlp/readability/syllables.h"

#include <atomic>
#include <string>
#include <unordered_map>
#include <utility>

namespace secnlp::nlp {
namespace {

bool is_ascii_letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool has_letter(std::string_view s) {
  for (char c : s) {
    if (is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

// ASCII-lowercases `word`, reading U+2019 (right single quote) as an apostrophe.
std::string normalize(std::string_view word) {
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (c == '\xE2' && i + 2 < word.size() && word[i + 1] == '\x80' && word[i + 2] == '\x99') {
      out.push_back('\'');
      i += 2;
      continue;
    }
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    out.push_back(c);
  }
  return out;
}

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};

// Per-thread memo of word -> syllables for one counter (see the header).
struct Memo {
  std::uint64_t owner = 0;
  std::unordered_map<std::string, int, StringHash, std::equal_to<>> counts;
};
constexpr std::size_t kMemoLimit = 1u << 16;
std::atomic<std::uint64_t> g_next_memo_id{1};

template <typename Compute>
int memoized(Memo& memo, std::uint64_t owner, std::string_view word, Compute compute) {
  if (memo.owner != owner) {
    memo.owner = owner;
    memo.counts.clear();
  }
  if (auto it = memo.counts.find(word); it != memo.counts.end()) return it->second;
  const int n = compute(word);
  if (memo.counts.size() >= kMemoLimit) memo.counts.clear();
  memo.counts.emplace(word, n);
  return n;
}

thread_local Memo t_standard_memo;
thread_local Memo t_textstat_memo;

bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

}  // namespace

SyllableCounter::SyllableCounter(SyllableDictionary dictionary, SyllableFallback fallback)
    : dictionary_(std::move(dictionary)),
      fallback_(std::move(fallback)),
      memo_id_(g_next_memo_id.fetch_add(1)) {}

int SyllableCounter::estimate(std::string_view word) {
  std::string w;
  for (char c : word) {
    if (is_ascii_letter(c)) w.push_back(static_cast<char>(c | 0x20));
  }
  if (w.empty()) return has_letter(word) ? 1 : 0;
  int groups = 0;
  bool in_vowels = false;
  for (char c : w) {
    const bool v = is_vowel(c);
    if (v && !in_vowels) ++groups;
    in_vowels = v;
  }
  // Silent final "e": "make", "store" but not "table" (consonant + "le"), "free", or "the".
  const std::size_t n = w.size();
  if (n > 2 && w[n - 1] == 'e' && !is_vowel(w[n - 2]) && groups > 1 &&
      !(w[n - 2] == 'l' && !is_vowel(w[n - 3]))) {
    --groups;
  }
  return groups < 1 ? 1 : groups;
}

int SyllableCounter::count_part(std::string_view part) const {
  if (!has_letter(part)) return 0;
  if (dictionary_) {
    if (auto n = dictionary_(part)) return *n < 1 ? 1 : *n;
    // Possessives: "companies'" and "company's" sound like their stems plus at most a syllable
    // CMUdict usually lists; try the stem before giving up on the dictionary.
    std::string_view stem = part;
    if (stem.size() > 2 && stem.substr(stem.size() - 2) == "'s") {
      stem.remove_suffix(2);
    } else if (stem.size() > 1 && stem.back() == '\'') {
      stem.remove_suffix(1);
    }
    if (stem.size() != part.size()) {
      if (auto n = dictionary_(stem)) return *n < 1 ? 1 : *n;
    }
  }
  std::string letters;
  for (char c : part) {
    if (is_ascii_letter(c) || static_cast<unsigned char>(c) >= 0x80) letters.push_back(c);
  }
  if (fallback_) {
    const int n = fallback_(letters);
    return n < 1 ? 1 : n;
  }
  return estimate(letters);
}

int SyllableCounter::count(std::string_view word) const {
  return memoized(t_standard_memo, memo_id_, word,
                  [this](std::string_view w) { return count_uncached(w); });
}

int SyllableCounter::count_textstat(std::string_view word) const {
  return memoized(t_textstat_memo, memo_id_, word,
                  [this](std::string_view w) { return count_textstat_uncached(w); });
}

int SyllableCounter::count_uncached(std::string_view word) const {
  const std::string w = normalize(word);
  int total = 0;
  std::size_t start = 0;
  while (start <= w.size()) {
    std::size_t end = w.find('-', start);
    if (end == std::string::npos) end = w.size();
    total += count_part(std::string_view(w).substr(start, end - start));
    start = end + 1;
  }
  return total;
}

int SyllableCounter::count_textstat_uncached(std::string_view word) const {
  if (word.empty()) return 0;
  std::string w(word);
  for (char& c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (dictionary_) {
    if (auto n = dictionary_(w)) return *n;
  }
  if (fallback_) return fallback_(w);
  return estimate(w);
}

}  // namespace secnlp::nlp
