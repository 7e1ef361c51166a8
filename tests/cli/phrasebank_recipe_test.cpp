// Issue 19's target on Financial PhraseBank AllAgree (corpus label; CI runs it): a GRU whose
// embedding starts from word vectors that `secnlp embed` trains on the shared filings reaches
// >= 0.88 test accuracy and >= 0.83 macro-F1 (mean of seeds 1-5) and at least the bag of words
// on the same splits. The recipe (pretraining + one fine-tuning) fits the 3 minutes the issue
// gives the corpus label on 2 cores; the test runs it for 5 seeds beside the bag of words, about
// 5 minutes in all (README, "Models"). scripts/phrasebank_pretrained.sh runs the same recipe from
// the shell.
#include "tests/cli/phrasebank_recipe.h"

namespace secnlp {
namespace {

namespace fs = std::filesystem;
using namespace secnlp::testing;

// One torch thread per model: the figures are reproducible at a given thread count, and CI runs
// corpus tests side by side.
constexpr int kThreads = 1;
const std::vector<int> kSeeds{1, 2, 3, 4, 5};

// The number of embed epochs was chosen on the validation split (mean validation accuracy of the
// GRU at its best epoch over seeds 1-5, printed per seed), the best among the variants whose
// recipe (pretraining + one fine-tuning) fits 3 minutes on the idle 2-core VM (2026-12-07, the
// shared filings as `process` stores them since tag-stripped submissions lose their exhibits,
// 2.64 M tokens): 5 epochs 0.8690, 10 epochs 0.8912, 15 epochs 0.8956, 20 epochs 0.8991 (chosen;
// pretraining 134 s + fine-tuning 19-31 s). Their test figures, not used for the choice: 0.8643 /
// 0.8040, 0.8784 / 0.8363, 0.8846 / 0.8435, 0.8899 / 0.8539; the bag of words 0.8802 / 0.8310.
// (Test figures of earlier recipes had been seen before this selection rule was set.)
TEST(PhraseBankRecipeTest, GruOnFilingVectorsMeetsTheTargetAndTheBagOfWords) {
  SECNLP_REQUIRE_CORPUS(phrasebank, "sentiment/financial_phrasebank_v1.0/Sentences_AllAgree.txt");
  SECNLP_REQUIRE_CORPUS(filings, "filings");
  const TempDir tmp;
  const auto start = Clock::now();

  // Pretraining: the filings as `process` stores them, skip-gram vectors of their lower-cased
  // tokens (one thread: the same vectors every run).
  const fs::path db = tmp.path() / "filings.db", vectors = tmp.path() / "filings.vec";
  process_filings(filings, db, tmp.path());
  secnlp_ok(fmt::format("embed --db {} --lowercase --out {} --dim 100 --epochs 20 --min-count 3 "
                        "--threads 1",
                        db.string(), vectors.string()),
            tmp.path());
  const double pretraining = seconds_since(start);
  std::printf("pretraining (process + embed): %.0f s\n", pretraining);

  const auto data = read_phrasebank(phrasebank);
  ASSERT_EQ(data.size(), 2263u);
  const auto bow =
      train_seeds(data, {}, {"bow", "{}"}, bow_recipe(kThreads), kSeeds, tmp.path(), "bow");

  // Bidirectional GRU, max pooling over time, the embedding from the vectors (words they lack
  // start random, scaled to their spread) with dropout 0.3 on the embedded tokens; Adam lr 0.002,
  // at most 30 epochs, stopping after 6 without a lower validation loss (with 3, the noisy
  // validation loss of 226 sentences stops seed 1 at epoch 6 and 0.76 accuracy).
  models::TextDataOptions prep;
  prep.pretrained_vectors = vectors;
  auto o = bow_recipe(kThreads);
  o.optimizer.learning_rate = 0.002;
  o.optimizer.weight_decay = 0;
  o.patience = 6;
  const auto gru = train_seeds(
      data, prep, {"gru", R"({"bidirectional": true, "pooling": "max", "embedding_dropout": 0.3})"},
      o, kSeeds, tmp.path(), "gru");
  std::printf("whole test: %.0f s (the recipe: pretraining %.0f s + one fine-tuning %.0f-%.0f s)\n",
              seconds_since(start), pretraining, gru.min_seconds(), gru.max_seconds());
  expect_target(gru, bow);
}

}  // namespace
}  // namespace secnlp
