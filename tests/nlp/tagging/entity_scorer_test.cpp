// The entity scorer on hand-made fixtures; every expected number is worked out in the comments
// (conlleval's definitions: a predicted entity is correct when its span and type equal a gold
// entity's; P = correct / predicted, R = correct / gold, F1 = 2PR / (P + R)).
#include "nlp/tagging/entity_scorer.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace secnlp::nlp {
namespace {

TEST(EntityScorerTest, HandWorkedBioExample) {
  // Sentence 1: gold PER[0,2) ORG[3,4); predicted PER[0,2) ORG[3,5).
  //   PER correct; ORG span wrong (ends at 5). gold 2, predicted 2, correct 1.
  // Sentence 2: gold LOC[0,1) LOC[2,3); predicted LOC[0,1) PER[2,3) MISC[4,5).
  //   LOC[0,1) correct; [2,3) has the wrong type; MISC is spurious. gold 2, predicted 3,
  //   correct 1.
  // Micro: gold 4, predicted 5, correct 2 -> P = 2/5 = 0.4, R = 2/4 = 0.5,
  //   F1 = 2 * 0.4 * 0.5 / 0.9 = 0.4444...
  // Per type: PER gold 1, pred 2 (one in each sentence), correct 1 -> P 0.5, R 1, F1 2/3.
  //   ORG gold 1, pred 1, correct 0 -> 0, 0, 0. LOC gold 2, pred 1, correct 1 -> P 1, R 0.5,
  //   F1 2/3. MISC gold 0, pred 1, correct 0 -> P 0, R 0 (no gold), F1 0.
  // Tokens: sentence 1 has 5 tokens, 4 equal (token 4: O vs I-ORG);
  //   sentence 2 has 5 tokens, 3 equal (token 2: B-LOC vs B-PER, token 4: O vs B-MISC).
  //   Accuracy 7/10.
  const std::vector<std::vector<std::string>> gold = {
      {"B-PER", "I-PER", "O", "B-ORG", "O"},
      {"B-LOC", "O", "B-LOC", "O", "O"},
  };
  const std::vector<std::vector<std::string>> pred = {
      {"B-PER", "I-PER", "O", "B-ORG", "I-ORG"},
      {"B-LOC", "O", "B-PER", "O", "B-MISC"},
  };
  const EntityScores s = score_entities(gold, pred);
  EXPECT_EQ(s.micro.gold, 4u);
  EXPECT_EQ(s.micro.predicted, 5u);
  EXPECT_EQ(s.micro.correct, 2u);
  EXPECT_DOUBLE_EQ(s.micro.precision(), 0.4);
  EXPECT_DOUBLE_EQ(s.micro.recall(), 0.5);
  EXPECT_NEAR(s.micro.f1(), 4.0 / 9.0, 1e-12);
  EXPECT_NEAR(s.per_type.at("PER").f1(), 2.0 / 3.0, 1e-12);
  EXPECT_DOUBLE_EQ(s.per_type.at("PER").precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.per_type.at("ORG").f1(), 0.0);
  EXPECT_DOUBLE_EQ(s.per_type.at("LOC").recall(), 0.5);
  EXPECT_NEAR(s.per_type.at("LOC").f1(), 2.0 / 3.0, 1e-12);
  EXPECT_EQ(s.per_type.at("MISC").gold, 0u);
  EXPECT_DOUBLE_EQ(s.per_type.at("MISC").f1(), 0.0);
  EXPECT_DOUBLE_EQ(s.token_accuracy(), 0.7);
}

TEST(EntityScorerTest, HandWorkedIoExample) {
  // IO: gold "I-ORG I-ORG O I-PER" = ORG[0,2) PER[3,4).
  // Predicted "I-ORG O O I-PER" = ORG[0,1) PER[3,4): ORG is cut short, PER correct.
  // gold 2, predicted 2, correct 1 -> P = R = F1 = 0.5. Tokens 3/4 = 0.75.
  const EntityScores s =
      score_entities({{"I-ORG", "I-ORG", "O", "I-PER"}}, {{"I-ORG", "O", "O", "I-PER"}});
  EXPECT_DOUBLE_EQ(s.micro.precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.micro.recall(), 0.5);
  EXPECT_DOUBLE_EQ(s.micro.f1(), 0.5);
  EXPECT_DOUBLE_EQ(s.token_accuracy(), 0.75);
}

TEST(EntityScorerTest, SchemesMayDifferBetweenGoldAndPrediction) {
  // Gold in IOBES, prediction in BIO; the spans are equal: PER[0,2), ORG[2,3) -> all 1.0.
  const EntityScores s =
      score_entities({{"B-PER", "E-PER", "S-ORG"}}, {{"B-PER", "I-PER", "B-ORG"}});
  EXPECT_EQ(s.micro.correct, 2u);
  EXPECT_DOUBLE_EQ(s.micro.f1(), 1.0);
}

TEST(EntityScorerTest, EmptyAndMismatched) {
  // No entities anywhere: every score 0 (no denominator), as conlleval prints.
  const EntityScores s = score_entities({{"O"}}, {{"O"}});
  EXPECT_DOUBLE_EQ(s.micro.f1(), 0.0);
  EXPECT_DOUBLE_EQ(s.token_accuracy(), 1.0);
  EXPECT_THROW(score_entities({{"O"}}, {{"O", "O"}}), Error);
  EXPECT_THROW(score_entities({{"O"}}, {}), Error);
}

}  // namespace
}  // namespace secnlp::nlp
