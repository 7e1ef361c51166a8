#pragma once
// The CMU Pronouncing Dictionary, reduced to what readability needs: syllables per word.
//
// Reads both common layouts:
// - Debian's pocketsphinx copy (/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict):
//   "word PH ON ES", lowercase, alternates as "word(2)", phones without stress digits;
// - the cmusphinx/cmudict repository's cmudict.dict (and CMU's 0.7 "WORD  PH1 ON0" files):
//   stress digits on vowels, optional trailing "# comment", ";;;" comment lines, any case.
// Syllables of an entry = number of vowel phones (AA AE AH AO AW AY EH ER EY IH IY OW OY UH UW,
// with or without a stress digit). Only the first pronunciation of a word is kept, as textstat does
// (nltk cmudict.dict()[word][0]); "word(2)", "word(3)" lines are ignored when "word" came first.
// Immutable after loading; share one instance between threads.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::corpora {

inline constexpr std::string_view kDefaultCmudictPath =
    "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";

class PronouncingDictionary {
 public:
  // Parses dictionary text (the whole file). `source` names it in errors. Throws
  // Error(kResource, ..., source) when a line has a word but no phones or when no entry is found.
  // Cost: one pass without allocation per word, a few ms for the 135k-line dictionary.
  static PronouncingDictionary parse(std::string_view text, std::string_view source);

  PronouncingDictionary(const PronouncingDictionary&) = delete;
  PronouncingDictionary& operator=(const PronouncingDictionary&) = delete;
  PronouncingDictionary(PronouncingDictionary&&) = default;
  PronouncingDictionary& operator=(PronouncingDictionary&&) = default;

  // Syllables of `word`'s first pronunciation; nullopt when the word is not listed. ASCII case is
  // ignored. May be 0 for entries without a vowel phone (e.g. "hmm"). No allocation for words up
  // to 64 bytes.
  std::optional<int> syllables(std::string_view word) const;

  // Number of distinct words.
  std::size_t size() const { return size_; }

 private:
  PronouncingDictionary() = default;

  // One word of `words_` and its syllables, in an open-addressing table (linear probing, at most
  // 70% full): no allocation per word, so loading the 135k words takes a few milliseconds.
  struct Entry {
    std::uint32_t offset = 0;
    std::uint32_t tag = 0;  // high hash bits: most mismatches never read words_
    std::uint16_t length = 0;
    std::uint8_t syllables = 0;
    bool used = false;
  };
  // The slot holding `lower_word`, or the empty slot where it would go; `tag` receives its tag.
  std::size_t slot(std::string_view lower_word, std::uint32_t& tag) const;
  // Doubles the table (when the next entry would fill it past 70%).
  void grow();

  std::string words_;  // every word, lower-cased, back to back
  std::vector<Entry> table_;
  std::size_t size_ = 0;
};

// Reads and parses a dictionary file. Throws Error(kResource, ..., path) when the file is missing,
// unreadable or holds no entries. `content_hash`, when given, receives hex_digest of the file's
// bytes (the pipeline's resource identity) without a second read.
std::shared_ptr<const PronouncingDictionary> load_cmudict(
    const std::filesystem::path& path = std::filesystem::path(kDefaultCmudictPath),
    std::string* content_hash = nullptr);

}  // namespace secnlp::corpora
