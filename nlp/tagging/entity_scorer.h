#pragma once
// Entity-level scoring as conlleval and seqeval (default mode) compute it: an entity counts as
// correct only when a predicted span has exactly the gold span's tokens and type. Micro
// precision, recall and F1 over all entities, and the same per type; token accuracy beside.
// Scores with no denominator are 0 (conlleval prints 0.00; seqeval warns and uses 0).

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "nlp/tagging/entity_spans.h"

namespace secnlp::nlp {

struct EntityCounts {
  std::size_t gold = 0, predicted = 0, correct = 0;
  double precision() const { return predicted ? static_cast<double>(correct) / predicted : 0.0; }
  double recall() const { return gold ? static_cast<double>(correct) / gold : 0.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

struct EntityScores {
  EntityCounts micro;
  std::map<std::string, EntityCounts> per_type;  // every type seen in gold or predictions
  std::size_t tokens = 0, correct_tags = 0;      // token accuracy over the tags as given
  double token_accuracy() const {
    return tokens ? static_cast<double>(correct_tags) / tokens : 0.0;
  }
};

// Adds sentences one at a time (gold and predicted tags of one sentence, any scheme, equal
// lengths: Error(kInvalidArgument) otherwise), then reads scores(). Not thread-safe.
class EntityScorer {
 public:
  void add(const std::vector<std::string>& gold, const std::vector<std::string>& predicted);
  void add_spans(const std::vector<EntitySpan>& gold, const std::vector<EntitySpan>& predicted);
  const EntityScores& scores() const { return scores_; }

 private:
  EntityScores scores_;
};

// Scores whole corpora: gold[i] and predicted[i] are the tags of sentence i.
EntityScores score_entities(const std::vector<std::vector<std::string>>& gold,
                            const std::vector<std::vector<std::string>>& predicted);

}  // namespace secnlp::nlp
