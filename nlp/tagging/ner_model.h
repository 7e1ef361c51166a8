#pragma once
// The named-entity recognizer: a first-order structured perceptron (Collins 2002) with averaged
// weights over the features of ner_features.h, trained and decoded in BIO whatever the
// training file's scheme, with Viterbi decoding restricted to valid BIO transitions: it never
// emits I-X after O or after another type. Torch-free; a loaded model is immutable and
// shared read-only across threads (decoding allocates only per call).
//
// Model bytes (to_bytes / from_bytes): "SECNLPNER" magic, a u32 format version, a u32 length
// and a JSON header (labels, types, file scheme, sizes), then float32 transition weights and
// (u64 feature hash, float32 weight per label) rows, little-endian.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "nlp/tagging/entity_spans.h"

namespace secnlp::nlp {

// 2: the shape-trigram feature is hashed from its three parts (1 hashed a joined string).
// 3: features mix per-token hashes (word, lowercase, shape, affixes) instead of hashing strings.
inline constexpr std::uint32_t kNerModelVersion = 3;

// A predicted entity: token span, type, and a confidence in [0.5, 1]: the logistic of the
// smallest max-marginal margin over its tokens (score of the best valid labelling minus the
// best one that labels that token otherwise). 0.5 = a tie; a heuristic, not a probability.
struct ScoredEntity {
  EntitySpan span;
  double score = 0;
};

// One training sentence: tokens and tags (any scheme; converted to BIO spans).
struct NerExample {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;
};

// Options of train_ner_model.
//   epochs   20    passes over the training sentences (shuffled each epoch by `seed`)
//   seed     1
struct NerTrainOptions {
  int epochs = 20;
  std::uint64_t seed = 1;
};

class NerModel {
 public:
  NerModel() = default;
  // An untrained model over `types` (weights zero), labels scheme_labels(types, kBio).
  NerModel(std::vector<std::string> types, TagScheme file_scheme);

  const std::vector<std::string>& types() const { return types_; }
  const std::vector<std::string>& labels() const { return labels_; }  // BIO, "O" first
  TagScheme file_scheme() const { return file_scheme_; }              // the training file's
  std::size_t feature_count() const { return rows_.size(); }

  // Best BIO label indices for `tokens` (valid transitions only). Empty for no tokens.
  std::vector<int> decode(const std::vector<std::string_view>& tokens) const;
  // decode() as tags in `scheme`.
  std::vector<std::string> predict_tags(const std::vector<std::string_view>& tokens,
                                        TagScheme scheme) const;
  // decode() as entities with confidences.
  std::vector<ScoredEntity> predict_entities(const std::vector<std::string_view>& tokens) const;

  std::string to_bytes() const;
  // Error(kResource, ..., path_for_errors) for bytes that are not a model of this version or are
  // truncated or inconsistent.
  static NerModel from_bytes(std::string_view bytes, std::string_view path_for_errors);

  // For tests: sets every weight from `next()` (e.g. random numbers).
  void fill_weights_for_test(const std::vector<std::uint64_t>& feature_hashes,
                             const std::function<float()>& next);

 private:
  friend class NerTrainer;
  friend NerModel train_ner_model(const std::vector<NerExample>&, TagScheme, const NerTrainOptions&,
                                  const std::function<bool(int, const NerModel&)>&);
  // Emission scores of every token: out[i * L + l].
  void emissions(const std::vector<std::string_view>& tokens, std::vector<float>& out) const;
  // Best valid path; `forward`, when given, receives the Viterbi forward scores (n x L).
  std::vector<int> viterbi(const std::vector<float>& emissions, std::size_t n,
                           std::vector<float>* forward = nullptr) const;

  std::vector<std::string> types_, labels_;
  TagScheme file_scheme_ = TagScheme::kIo;
  std::vector<char> allowed_, can_start_;  // valid BIO transitions, L x L and L
  // transitions_[from * L + to], start_[to]; emission rows weights_[row * L + l].
  std::vector<float> transitions_, start_, weights_;
  std::unordered_map<std::uint64_t, std::uint32_t> rows_;
  // The same map as an open-addressing table (linear probing, power-of-two size, key 0 =
  // empty: ner_features never emits 0) for decoding: one cache line per lookup instead of a
  // node chase. Rebuilt by build_index() whenever rows_ is complete.
  void build_index();
  std::uint32_t find_row(std::uint64_t hash) const;  // kNoRow when absent
  static constexpr std::uint32_t kNoRow = 0xFFFFFFFFu;
  std::vector<std::uint64_t> index_keys_;
  std::vector<std::uint32_t> index_rows_;
  std::uint64_t index_mask_ = 0;
};

// Trains a model on `examples`; `on_epoch(epoch, model_with_averaged_weights)` (may be empty)
// is called after each epoch, e.g. to score a development set; returning false stops
// training. Entity types are those the tags use, sorted. Error(kInvalidArgument) when there
// are no examples or no entities, or a sentence's tokens and tags differ in number.
NerModel train_ner_model(const std::vector<NerExample>& examples, TagScheme file_scheme,
                         const NerTrainOptions& options,
                         const std::function<bool(int, const NerModel&)>& on_epoch = {});

}  // namespace secnlp::nlp
