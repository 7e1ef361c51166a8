// The accuracy targets on the real labelled sets (CPU). Each trains from scratch with the
// settings the README reports; thresholds are the issue's.
#include <gtest/gtest.h>

#include "corpora/datasets/labelled_text.h"
#include "corpora/images/image_set.h"
#include "models/train/training.h"
#include "tests/support/test_data.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;

fs::path out_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("secnlp_train_corpus_" + name);
  fs::remove_all(dir);
  return dir;
}

TrainOptions cpu_options(int epochs, int patience, double learning_rate,
                         double weight_decay = 0.0) {
  TrainOptions o;
  o.optimizer.weight_decay = weight_decay;
  o.epochs = epochs;
  o.device = "cpu";
  o.patience = patience;
  o.optimizer.learning_rate = learning_rate;
  o.threads = 2;
  return o;
}

TrainOptions sentiment_recipe() {
  return cpu_options(30, 3, 0.003, 1e-4);
}

TEST(TrainingCorpusTest, FinancialPhraseBankAllAgree) {
  SECNLP_REQUIRE_CORPUS(dir, "sentiment/financial_phrasebank_v1.0");
  corpora::TextDatasetOptions read;
  read.skip_bad_lines = true;  // line 38 of Sentences_AllAgree.txt has no label
  const auto data = corpora::read_labelled_texts(dir / "Sentences_AllAgree.txt", read);
  ASSERT_EQ(data.size(), 2263u);
  // The README's recipe for all three sentiment sets: bow (sqrtn bag -> 128 -> 3), Adam lr 0.003,
  // L2 1e-4, early stopping after 3 epochs without a lower validation loss. Seeds 1-5 and 42
  // give 0.868-0.894 accuracy and 0.813-0.836 macro-F1 (scikit-learn's LogisticRegression on
  // counts: 0.887 / 0.834 on average over seeded splits of the same sizes).
  const auto r =
      train_text_classifier(data, {}, {"bow", "{}"}, sentiment_recipe(), out_dir("phrasebank"));
  RecordProperty("accuracy", std::to_string(r.test.accuracy));
  EXPECT_GE(r.test.accuracy, 0.85);
  EXPECT_GE(r.test.macro_f1, 0.80);
}

TEST(TrainingCorpusTest, SmsSpamCollection) {
  SECNLP_REQUIRE_CORPUS(dir, "sentiment/sms_spam_collection");
  const auto data = corpora::read_labelled_texts(dir / "SMSSpamCollection");
  const auto r = train_text_classifier(data, {}, {"bow", "{}"}, sentiment_recipe(), out_dir("sms"));
  EXPECT_GE(r.test.accuracy, 0.98);
}

TEST(TrainingCorpusTest, SentencePolarity) {
  SECNLP_REQUIRE_CORPUS(dir, "sentiment/rt_polaritydata_v1.0");
  const auto data = corpora::read_labelled_texts(dir);
  const auto r =
      train_text_classifier(data, {}, {"bow", "{}"}, sentiment_recipe(), out_dir("polarity"));
  EXPECT_GE(r.test.accuracy, 0.75);
}

// MNIST: the 10k test images split 8k/2k (seeded); the 2k held out are the test split.
TEST(TrainingCorpusTest, MnistMlpAndCnn) {
  SECNLP_REQUIRE_CORPUS(dir, "images/mnist");
  const auto images = corpora::read_image_dataset(dir, "test");
  ImageDataOptions prep;
  prep.split = {0.72, 0.08, 0.2, 42, true};  // 7.2k train + 0.8k validation = 8k; 2k test
  const auto mlp = train_image_classifier(images, prep, {"mlp", "{}"}, cpu_options(10, 3, 1e-3),
                                          out_dir("mnist_mlp"));
  EXPECT_EQ(mlp.test_size, 2000u);
  EXPECT_GE(mlp.test.accuracy, 0.96);
  prep.augment.shift = 2;
  const auto cnn = train_image_classifier(images, prep, {"strided_cnn", "{}"},
                                          cpu_options(12, 0, 1e-3), out_dir("mnist_cnn"));
  EXPECT_GE(cnn.test.accuracy, 0.98);
}

}  // namespace
}  // namespace secnlp::models
