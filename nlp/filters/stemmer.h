#pragma once
// Stemming by algorithm name: the current Snowball English stemmer (native, see
// english_stemmer.h) and, through libstemmer (Debian libstemmer0d 2.2), older Snowball
// algorithms for reproducing earlier pipelines.
//
// Algorithms (the constructor's `algorithm` argument):
//   "porter2"             Snowball English as of Snowball 3.x, also called Porter2: the
//                         project's own implementation (porter2_stem), which matches Snowball's
//                         current test vocabulary on every word; the default.
//   "porter2-libstemmer"  Snowball English as Debian's libstemmer 2.2 has it ("english"); it
//                         differs from "porter2" on a few words (57 of Snowball's 42,649:
//                         international, organization, added, geologist, hying...) and leaves
//                         U+2019/U+2018/U+201B apostrophes alone (porter2 maps them to ').
//                         Use it to reproduce stems made with libstemmer/python3-snowballstemmer
//                         2.2.
//   "porter"              Martin Porter's original 1980 algorithm (libstemmer "porter").
// A Stemmer is cheap to construct and copy and safe to share between threads. "porter2" has no
// state. For the libstemmer algorithms, whose sb_stemmer objects are not thread-safe, each
// thread lazily creates its own, one per algorithm, kept for the thread's life (thread_local
// cache, a few KB per thread).

#include <string>
#include <string_view>

namespace secnlp::nlp {

class Stemmer {
 public:
  // Throws Error(kConfig) naming the valid algorithms when `algorithm` is unknown, and
  // Error(kResource) when the installed libstemmer lacks a libstemmer algorithm.
  explicit Stemmer(std::string_view algorithm = "porter2");

  // The stem of `word`, which should be lowercase UTF-8 (Snowball's English rules only know
  // lowercase letters; other bytes pass through). "" stems to "". Cost: "porter2" about
  // 0.1 us per word, libstemmer algorithms about 0.2-0.4 us; one allocation for the result
  // (none when it fits the small-string buffer).
  std::string stem(std::string_view word) const;

  // Same, writing into `out` (replacing its contents): no allocation once `out` has grown to
  // the longest word seen, the form to use in loops over tokens.
  void stem(std::string_view word, std::string& out) const;

  // The name given to the constructor: "porter2", "porter2-libstemmer" or "porter".
  const std::string& algorithm() const noexcept { return algorithm_; }

 private:
  std::string algorithm_;
  int index_;  // position in the table of algorithms in stemmer.cpp
};

}  // namespace secnlp::nlp
