#pragma once
// The parts of WordNet 3.0 that morphology needs: which lemmas exist for each part of speech
// (index.noun/verb/adj/adv) and the irregular-inflection exception lists (noun/verb/adj/adv.exc).
// Synsets, glosses and relations (data.*) are not loaded.
//
// Debian's wordnet-base installs the files in /usr/share/wordnet. Loading reads about 6.4 MB
// once (see load_wordnet for the cost); the result is immutable and shared read-only between
// threads through std::shared_ptr<const WordNetData>.

#include <array>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "corpora/resources/string_set.h"
#include "corpora/resources/string_table.h"

namespace secnlp::corpora {

// WordNet's four syntactic categories, in the order of WordNetData::by_pos. Adjective
// satellites ("s") share the adjective tables, as in WordNet's own index.adj.
enum class WordNetPos { kNoun = 0, kVerb = 1, kAdjective = 2, kAdverb = 3 };

// The morphology tables of one part of speech.
struct WordNetPosTables {
  // Every lemma of index.<pos>, exactly as written there: lowercase, '_' for spaces
  // ("hot_dog"), with the file's punctuation ("a.d.", "o'clock"). lemmas.contains(view).
  StringTable lemmas;
  // <pos>.exc: inflected form -> its base forms, in file order ("geese" -> {"goose"}; "axes" ->
  // {"ax", "axis"}). When a form appears on several lines the last line wins (as in NLTK).
  StringMap<std::vector<std::string>> exceptions;
  // Length in bytes of the longest entry of `lemmas`.
  std::size_t max_lemma_length = 0;
};

// Lemma sets and exception maps for the four parts of speech.
struct WordNetData {
  std::array<WordNetPosTables, 4> by_pos;  // indexed by WordNetPos
  std::filesystem::path dir;               // where the files were read from

  const WordNetPosTables& operator[](WordNetPos pos) const noexcept {
    return by_pos[static_cast<std::size_t>(pos)];
  }
};

// Loads index.{noun,verb,adj,adv} and {noun,verb,adj,adv}.exc from `dir`.
// Lines of index files that start with a space (the licence header) are skipped; every other
// line must start with "<lemma> <pos>" where <pos> is the file's own (n, v, a, r).
// Throws Error(kResource, ..., <file>) when the directory or a file is missing or a line is
// malformed, Error(kIo, ..., <file>) when a file cannot be read.
// Cost: about 20-30 ms and 6 MB of memory for WordNet 3.0 (each file is read with one fread and
// scanned in place; the hash tables are reserved up front).
std::shared_ptr<const WordNetData> load_wordnet(
    const std::filesystem::path& dir = "/usr/share/wordnet");

}  // namespace secnlp::corpora
