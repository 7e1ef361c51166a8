#pragma once
// A greedy averaged-perceptron part-of-speech tagger: the design of Honnibal's "A good POS tagger
// in about 200 lines" (NLTK's PerceptronTagger, spaCy v1), with a few more features.
//
// Tagging runs left to right; each word gets the highest-scoring tag given features of the word
// and its neighbours (normalized forms of words i-2..i+2, affixes, word shape, the two tags
// already chosen, and the ambiguity classes of words i..i+2: the set of tags each had in
// training, for words seen at least 5 times). Words seen often in training with one tag
// (PerceptronOptions::dictionary_*) take that tag from a tag dictionary without scoring, as NLTK
// does. Features are hashed to 64 bits (template id and text), so the model holds no feature
// strings; a collision at 64 bits is negligible at the ~10^6 features a treebank produces.
//
// The model serializes to a compact binary blob (magic "SNLPTAG", format version, tags, tag
// dictionary, features with their non-zero averaged weights) that deserialize() checks
// (Error(kResource) naming the source on a bad magic, a newer version or truncated data).
//
// A trained tagger is immutable and safe to share between threads; tagging allocates only in the
// caller's TagScratch. Cost: about 25 hash-table look-ups per word not in the dictionary.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/tagging/tagged_sentence.h"

namespace secnlp::nlp {

struct WordInfo;

// Training options (saved in the model's manifest by the caller).
//   epochs                 15    passes over the training sentences, shuffled each pass (on EWT
//                                XPOS, seeds 1/2: 94.55/94.40 % at 6, 94.60/94.42 at 10,
//                                94.60/94.54 at 16)
//   seed                   1     the shuffle's seed; training is deterministic given it
//   dictionary_min_count   20    a word enters the tag dictionary when seen this often ...
//   dictionary_min_share   0.97  ... with one tag at least this share of the time
struct PerceptronOptions {
  int epochs = 15;
  std::uint64_t seed = 1;
  int dictionary_min_count = 20;
  double dictionary_min_share = 0.97;
};

// Reusable per-thread buffers for PerceptronTagger::tag.
struct TagScratch {
  std::vector<float> scores;
};

class PerceptronTagger {
 public:
  // Progress of training: epoch (1-based) and its accuracy on the training words as tagged
  // while learning.
  using EpochCallback = std::function<void(int epoch, double train_accuracy)>;

  // Trains on `sentences` (each with one tag per word; empty sentences are skipped). Throws
  // Error(kInvalidArgument) when there are no words, a sentence's tag count differs from its
  // word count, options are out of range, or there are more than 65535 tags. Time: about
  // epochs x words x 25 hash look-ups.
  static PerceptronTagger train(std::span<const TaggedSentence> sentences,
                                const PerceptronOptions& options,
                                const EpochCallback& on_epoch = {});

  // A model from serialize()'s bytes; `source` names it in errors.
  static PerceptronTagger deserialize(std::string_view bytes, const std::string& source);
  std::string serialize() const;

  // The tag names; tag ids index this list.
  const std::vector<std::string>& tags() const { return tags_; }
  // The id of `tag`, or -1.
  int tag_id(std::string_view tag) const;

  // Tag ids of `words` (one sentence), written to `out` (resized). Linear in the words.
  void tag(std::span<const std::string> words, std::vector<std::uint16_t>& out,
           TagScratch& scratch) const;
  void tag(std::span<const std::string_view> words, std::vector<std::uint16_t>& out,
           TagScratch& scratch) const;
  // Convenience: tag names of `words`.
  std::vector<std::string> tag(std::span<const std::string> words) const;

  std::size_t feature_count() const { return keys_.size(); }
  std::size_t dictionary_size() const { return dict_keys_.size(); }

 private:
  template <typename Word>
  void tag_impl(std::span<const Word> words, std::vector<std::uint16_t>& out,
                TagScratch& scratch) const;
  void build_index();
  // Adds the weights of features[0..n) to scores (slots prefetched first).
  void add_scores(const std::uint64_t* features, std::size_t n, float* scores) const;
  int dictionary_tag(std::uint64_t word_hash) const;
  void add_classes(std::vector<WordInfo>& infos) const;

  std::vector<std::string> tags_;
  // Tag dictionary: hash of the raw word -> tag id, sorted by key.
  std::vector<std::uint64_t> dict_keys_;
  std::vector<std::uint16_t> dict_tags_;
  // Features sorted by key; feature k's weights are entries [offsets_[k], offsets_[k+1]).
  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> offsets_;
  std::vector<std::uint16_t> entry_tags_;
  std::vector<float> entry_weights_;
  // Open-addressing indexes over keys_ / dict_keys_ (power-of-two sizes; slot = index + 1, 0 =
  // empty), built on load.
  // The feature index: key and weight range in one slot (one cache miss per feature), weights
  // interleaved with their tags.
  struct Slot {
    std::uint64_t key;  // 0 = empty
    std::uint32_t begin;
    std::uint32_t end;
  };
  struct Weight {
    std::uint32_t tag;
    float weight;
  };
  std::vector<Slot> table_;
  std::vector<Weight> weights_;
  std::vector<std::uint32_t> dict_slots_;
  // Ambiguity classes: hash of the normalized word -> hash of its tag set, sorted by key.
  std::vector<std::uint64_t> class_keys_;
  std::vector<std::uint64_t> class_values_;
  std::vector<std::uint32_t> class_slots_;
};

}  // namespace secnlp::nlp
