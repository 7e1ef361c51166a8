#pragma once
// Issue 19's recipes on Financial PhraseBank, shared by the corpus test (word vectors from the
// shared filings + GRU) and the slow test (language-model pretraining + fine-tuning): the filings
// processed and pretrained on with the `secnlp` binary as a user would, then seeds 1-5 of the
// recurrent model and of the bag of words trained in-process on the same seeded splits (the seed
// drives the split and the initialisation, as `secnlp train --seed`).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "corpora/datasets/labelled_text.h"
#include "models/train/training.h"
#include "tests/cli/cli_run.h"
#include "tests/support/test_data.h"

namespace secnlp::testing {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Runs `secnlp ARGS` in `dir`; fails the test (fatal) when it fails.
inline void secnlp_ok(const std::string& args, const std::filesystem::path& dir) {
  const auto r = run_cli(args, dir);
  ASSERT_EQ(r.exit_code, 0) << "secnlp " << args << "\n" << r.err;
}

// The filings of the shared corpus processed into `db` (default pipeline).
inline void process_filings(const std::filesystem::path& filings, const std::filesystem::path& db,
                            const std::filesystem::path& dir) {
  secnlp_ok(fmt::format("process --db {} --progress off {}", db.string(), filings.string()), dir);
}

// Financial PhraseBank (Latin-1 sentence@label); line 38 of AllAgree has no label.
inline corpora::LabelledTexts read_phrasebank(const std::filesystem::path& file) {
  corpora::TextDatasetOptions read;
  read.skip_bad_lines = true;
  return corpora::read_labelled_texts(file, read);
}

struct SeedScores {
  std::vector<double> accuracy, macro_f1;
  std::vector<double> validation_accuracy;  // at the best epoch (what a recipe is chosen on)
  std::vector<double> seconds;              // wall time of each seed's training
  double mean_accuracy() const { return mean(accuracy); }
  double mean_macro_f1() const { return mean(macro_f1); }
  double mean_validation_accuracy() const { return mean(validation_accuracy); }
  double min_seconds() const {
    return seconds.empty() ? 0.0 : *std::min_element(seconds.begin(), seconds.end());
  }
  double max_seconds() const {
    return seconds.empty() ? 0.0 : *std::max_element(seconds.begin(), seconds.end());
  }
  static double mean(const std::vector<double>& v) {
    double s = 0;
    for (double x : v)
      s += x;
    return v.empty() ? 0.0 : s / static_cast<double>(v.size());
  }
};

// Trains `model` once per seed (the split's seed and the loop's) and prints one line per seed.
inline SeedScores train_seeds(const corpora::LabelledTexts& data, models::TextDataOptions prep,
                              const models::ModelChoice& model, models::TrainOptions options,
                              const std::vector<int>& seeds, const std::filesystem::path& dir,
                              const std::string& label) {
  SeedScores scores;
  for (int seed : seeds) {
    const auto start = Clock::now();
    prep.split = {0.8, 0.1, 0.1, static_cast<std::uint64_t>(seed), true};
    options.seed = static_cast<std::uint64_t>(seed);
    const auto out = dir / fmt::format("{}-{}", label, seed);
    std::filesystem::remove_all(out);
    const auto r = models::train_text_classifier(data, prep, model, options, out);
    scores.accuracy.push_back(r.test.accuracy);
    scores.macro_f1.push_back(r.test.macro_f1);
    const double validation =
        r.best_epoch >= 1 && r.best_epoch <= static_cast<int>(r.epochs.size())
            ? r.epochs[static_cast<std::size_t>(r.best_epoch - 1)].val_accuracy
            : 0.0;
    scores.validation_accuracy.push_back(validation);
    scores.seconds.push_back(seconds_since(start));
    std::printf(
        "%-10s seed %d  accuracy %.4f  macro-F1 %.4f  validation accuracy %.4f  best epoch %d of "
        "%zu  %.0f s\n",
        label.c_str(), seed, r.test.accuracy, r.test.macro_f1, validation, r.best_epoch,
        r.epochs.size(), seconds_since(start));
    std::fflush(stdout);
  }
  std::printf(
      "%-10s mean     accuracy %.4f  macro-F1 %.4f  validation accuracy %.4f  (%zu seeds)\n",
      label.c_str(), scores.mean_accuracy(), scores.mean_macro_f1(),
      scores.mean_validation_accuracy(), seeds.size());
  return scores;
}

// The bag of words of the README (and of training_corpus_test.cpp): Adam lr 0.003, L2 1e-4,
// early stopping after 3 epochs without a lower validation loss, at most 30 epochs.
inline models::TrainOptions bow_recipe(int threads) {
  models::TrainOptions o;
  o.epochs = 30;
  o.patience = 3;
  o.optimizer.learning_rate = 0.003;
  o.optimizer.weight_decay = 1e-4;
  o.device = "cpu";
  o.threads = threads;
  return o;
}

// The target: mean of seeds 1-5 >= 0.88 accuracy and >= 0.83 macro-F1, and at least the
// bag of words' means on the same splits.
inline void expect_target(const SeedScores& rnn, const SeedScores& bow) {
  EXPECT_GE(rnn.mean_accuracy(), 0.88);
  EXPECT_GE(rnn.mean_macro_f1(), 0.83);
  EXPECT_GE(rnn.mean_accuracy(), bow.mean_accuracy());
  EXPECT_GE(rnn.mean_macro_f1(), bow.mean_macro_f1());
  ::testing::Test::RecordProperty("rnn_accuracy", fmt::format("{:.4f}", rnn.mean_accuracy()));
  ::testing::Test::RecordProperty("rnn_macro_f1", fmt::format("{:.4f}", rnn.mean_macro_f1()));
  ::testing::Test::RecordProperty("bow_accuracy", fmt::format("{:.4f}", bow.mean_accuracy()));
  ::testing::Test::RecordProperty("bow_macro_f1", fmt::format("{:.4f}", bow.mean_macro_f1()));
}

}  // namespace secnlp::testing
