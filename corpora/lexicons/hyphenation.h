#pragma once
// Hyphenation with libhyphen (the Hunspell/LibreOffice engine) and its en_US TeX patterns, used as
// the syllable fallback for words CMUdict lacks.
//
// pyphen, which textstat uses, reads the same hyph_en_US.dic patterns but ignores the file's
// LEFTHYPHENMIN/RIGHTHYPHENMIN (2 and 3 in Debian's copy) and applies left = right = 2; this class
// does the same by default, so syllables() equals len(pyphen.Pyphen(lang="en_US").positions(w))+1.
// Words must be lowercase (patterns are); ASCII uppercase is lowered here.
//
// Thread safety: hnj_hyphen_hyphenate2 only reads the loaded HyphenDict (its state machine) and
// allocates its own scratch buffers (checked in hyphen.c 2.8.8), so one Hyphenator may be used
// from many threads at once without a lock.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace secnlp::corpora {

inline constexpr std::string_view kDefaultHyphenationPath = "/usr/share/hyphen/hyph_en_US.dic";

class Hyphenator {
 public:
  // Loads a libhyphen .dic file. left_min/right_min: the fewest characters kept before the first
  // and after the last hyphenation point (pyphen's defaults, 2 and 2, override the file's).
  // Throws Error(kResource, ..., path) when the file is missing or libhyphen cannot load it.
  explicit Hyphenator(
      const std::filesystem::path& path = std::filesystem::path(kDefaultHyphenationPath),
      int left_min = 2, int right_min = 2);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  // Hyphenation points of `word`, as code-point offsets (a point i sits between characters i-1 and
  // i), ascending. Empty for an empty word, or for words longer than 1024 bytes or not valid UTF-8
  // (which libhyphen would misread). One libhyphen call: a few small allocations.
  std::vector<std::size_t> positions(std::string_view word) const;

  // positions(word).size() + 1, or 0 for an empty word: pyphen-based textstat's syllable count.
  int syllables(std::string_view word) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A shared, immutable Hyphenator for `path` (not cached: each call loads the file, ~5 ms).
std::shared_ptr<const Hyphenator> load_hyphenator(
    const std::filesystem::path& path = std::filesystem::path(kDefaultHyphenationPath));

}  // namespace secnlp::corpora
