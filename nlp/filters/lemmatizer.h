#pragma once
// WordNet lemmatization, identical to NLTK 3.8's WordNetLemmatizer().lemmatize(word, pos).
//
// The algorithm (NLTK's WordNetCorpusReader._morphy, then the shortest result):
//   0. If `word` is in <pos>.exc, the candidates are [word] + its listed base forms; keep those
//      in index.<pos>, and stop here even when none is.
//   1. Otherwise the candidates are [word] + every detachment-rule rewrite of word (nouns: -s,
//      -ses>s, -ves>f, -xes>x, -zes>z, -ches>ch, -shes>sh, -men>man, -ies>y; verbs: -s, -ies>y,
//      -es>e, -es, -ed>e, -ed, -ing>e, -ing; adjectives: -er, -est, -er>e, -est>e; adverbs:
//      none); keep those in the index.
//   2. While nothing is kept and rewrites remain, rewrite the previous rewrites again.
//   The lemma is the first shortest kept candidate, or `word` itself when none is kept.
// Consequences worth knowing (all NLTK's behaviour): lookups are case-sensitive, so
// "Dogs" stays "Dogs" (lowercase first); multi-word lemmas use '_' ("hot_dogs" -> "hot_dog",
// "hot dogs" is unchanged); a word that is its own lemma can still shorten ("as" -> "a", since
// "a" is a noun in WordNet); the default part of speech is noun ("running" stays "running",
// "running"/kVerb -> "run").
//
// Immutable and safe to share between threads. Each call costs 2-5 hash lookups (the exception
// map, the word, its first-round rewrites; about 3-4 M words/s on one core); rewrites beyond the
// first round are rare, and are deduplicated so the work stays linear in the word's length
// (NLTK's own candidate list can grow exponentially on words like "eseses...ing").

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "corpora/resources/wordnet.h"

namespace secnlp::nlp {

enum class PartOfSpeech { kNoun, kVerb, kAdjective, kAdverb };

// WordNet/NLTK tags: "n" noun, "v" verb, "a" adjective, "s" adjective satellite (treated as an
// adjective, as NLTK does), "r" adverb. Anything else: nullopt.
std::optional<PartOfSpeech> parse_part_of_speech(std::string_view tag) noexcept;

// Penn Treebank tag to WordNet category, the usual mapping: JJ* adjective, VB* verb, RB*
// adverb, anything else (NN*, unknown, empty) noun.
PartOfSpeech part_of_speech_from_penn(std::string_view penn_tag) noexcept;

class WordNetLemmatizer {
 public:
  // Throws Error(kInvalidArgument) when `data` is null.
  explicit WordNetLemmatizer(std::shared_ptr<const corpora::WordNetData> data);

  // The lemma of `word` (see the algorithm above); `word` unchanged when WordNet has none.
  std::string lemmatize(std::string_view word, PartOfSpeech pos = PartOfSpeech::kNoun) const;

  // As lemmatize, writing into `out` (replacing its contents): no allocation once `out` has
  // the capacity, which makes this the variant for per-token loops.
  void lemmatize_into(std::string_view word, PartOfSpeech pos, std::string& out) const;

  const corpora::WordNetData& data() const noexcept { return *data_; }

 private:
  std::shared_ptr<const corpora::WordNetData> data_;
};

}  // namespace secnlp::nlp
