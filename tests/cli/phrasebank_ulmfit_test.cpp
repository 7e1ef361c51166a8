// Issue 19's target reached through ULMFiT's recipe (slow label; scripts/slow_tests.sh runs it):
// a next-word GRU language model pretrained on items 1A and 7 of the shared filings
// (`secnlp train --task lm`), then fine-tuned on Financial PhraseBank AllAgree from its encoder
// (`--init-from`), seeds 1-5, against the bag of words on the same splits. Tens of minutes on 2
// cores: the language model's full softmax dominates (README, "Models").
#include "tests/cli/phrasebank_recipe.h"

namespace secnlp {
namespace {

namespace fs = std::filesystem;
using namespace secnlp::testing;

constexpr int kThreads = 1;
const std::vector<int> kSeeds{1, 2, 3, 4, 5};

// DISABLED (gtest): the recipe does not meet the target. 2026-12-07: the language model's epoch
// took 20 min on the loaded machine; fine-tuned as below from such a language model, seeds 1-5
// gave 0.853 / 0.797 (README). Run it with scripts/slow_tests.sh --issue19.
TEST(PhraseBankUlmfitTest, DISABLED_LanguageModelThenFineTuningMeetsTheTarget) {
  SECNLP_REQUIRE_CORPUS(phrasebank, "sentiment/financial_phrasebank_v1.0/Sentences_AllAgree.txt");
  SECNLP_REQUIRE_CORPUS(filings, "filings");
  const TempDir tmp;
  const auto start = Clock::now();
  const fs::path db = tmp.path() / "filings.db", lm = tmp.path() / "lm";
  process_filings(filings, db, tmp.path());
  // The language model alone on both cores; the fine-tuning runs one thread per model.
  secnlp_ok(fmt::format("train --task lm --db {} --section 1A,7 --model gru --epochs 1 "
                        "--threads 2 --out {}",
                        db.string(), lm.string()),
            tmp.path());
  std::printf("pretraining (process + language model): %.0f s\n", seconds_since(start));

  const auto data = read_phrasebank(phrasebank);
  ASSERT_EQ(data.size(), 2263u);
  const auto bow =
      train_seeds(data, {}, {"bow", "{}"}, bow_recipe(kThreads), kSeeds, tmp.path(), "bow");
  models::TextDataOptions prep;
  prep.init_from = lm;
  // Fine-tuning as the corpus test's GRU (unidirectional: the LM reads left to right): max
  // pooling, dropout 0.3 on the embedded tokens, Adam lr 0.002, patience 6.
  auto o = bow_recipe(kThreads);
  o.optimizer.learning_rate = 0.002;
  o.optimizer.weight_decay = 0;
  o.patience = 6;
  const auto gru =
      train_seeds(data, prep, {"gru", R"({"pooling": "max", "embedding_dropout": 0.3})"}, o, kSeeds,
                  tmp.path(), "gru+lm");
  std::printf("whole recipe: %.0f s\n", seconds_since(start));
  expect_target(gru, bow);
}

}  // namespace
}  // namespace secnlp
