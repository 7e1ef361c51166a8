#include "nlp/tagging/entity_scorer.h"

#include <fmt/format.h>

#include "common/error.h"

namespace secnlp::nlp {

void EntityScorer::add(const std::vector<std::string>& gold,
                       const std::vector<std::string>& predicted) {
  if (gold.size() != predicted.size())
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("{} gold tags but {} predicted tags", gold.size(), predicted.size()));
  scores_.tokens += gold.size();
  for (std::size_t i = 0; i < gold.size(); ++i)
    if (gold[i] == predicted[i]) ++scores_.correct_tags;
  add_spans(tags_to_spans(gold), tags_to_spans(predicted));
}

void EntityScorer::add_spans(const std::vector<EntitySpan>& gold,
                             const std::vector<EntitySpan>& predicted) {
  for (const auto& g : gold) {
    ++scores_.micro.gold;
    ++scores_.per_type[g.type].gold;
  }
  for (const auto& p : predicted) {
    ++scores_.micro.predicted;
    ++scores_.per_type[p.type].predicted;
  }
  // Both lists are sorted by begin and non-overlapping: one merge pass.
  std::size_t i = 0, j = 0;
  while (i < gold.size() && j < predicted.size()) {
    if (gold[i].begin < predicted[j].begin) {
      ++i;
    } else if (predicted[j].begin < gold[i].begin) {
      ++j;
    } else {
      if (gold[i] == predicted[j]) {
        ++scores_.micro.correct;
        ++scores_.per_type[gold[i].type].correct;
      }
      ++i;
      ++j;
    }
  }
}

EntityScores score_entities(const std::vector<std::vector<std::string>>& gold,
                            const std::vector<std::vector<std::string>>& predicted) {
  if (gold.size() != predicted.size())
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("{} gold sentences but {} predicted", gold.size(), predicted.size()));
  EntityScorer s;
  for (std::size_t i = 0; i < gold.size(); ++i)
    s.add(gold[i], predicted[i]);
  return s.scores();
}

}  // namespace secnlp::nlp
