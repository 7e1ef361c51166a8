// The training loop end to end on tiny synthetic data (CPU, one thread): it learns, the model
// directory reproduces its results, a resumed run equals an uninterrupted one, and damaged
// directories are refused with the file named.
#include <filesystem>
#include <fstream>
#include <random>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "common/error.h"
#include "common/file_io.h"
#include "models/data/pretrained_vectors.h"
#include "models/train/trainer.h"
#include "models/train/training.h"
#include "tests/models/train/quick_options.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;

fs::path fresh_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("secnlp_train_test_" + name);
  fs::remove_all(dir);
  return dir;
}

// Two classes told apart by their words; filler words are shared.
corpora::LabelledTexts tiny_texts(std::size_t n) {
  const char* pos[] = {"good", "great", "strong", "gain", "beat"};
  const char* neg[] = {"bad", "weak", "loss", "miss", "poor"};
  const char* filler[] = {"the", "company", "said", "quarter", "results", "were", "and"};
  std::mt19937 rng(5);
  corpora::LabelledTexts data;
  data.classes = {"negative", "positive"};
  for (std::size_t i = 0; i < n; ++i) {
    const int label = static_cast<int>(i % 2);
    std::string text;
    const int words = 4 + static_cast<int>(rng() % 8);
    for (int w = 0; w < words; ++w) {
      if (!text.empty()) text += ' ';
      text += (w == static_cast<int>(rng() % words)) ? (label ? pos[rng() % 5] : neg[rng() % 5])
                                                     : filler[rng() % 7];
    }
    text += label ? " good" : " bad";
    data.texts.push_back(text);
    data.labels.push_back(label);
  }
  return data;
}

// 8x8 grey images: class 0 bright on top, class 1 bright at the bottom, with noise.
corpora::ImageSet tiny_images(std::size_t n) {
  corpora::ImageSet set;
  set.count = n;
  set.channels = 1;
  set.height = 8;
  set.width = 8;
  set.classes = {"top", "bottom"};
  std::mt19937 rng(9);
  for (std::size_t i = 0; i < n; ++i) {
    const int label = static_cast<int>(i % 2);
    for (int y = 0; y < 8; ++y)
      for (int x = 0; x < 8; ++x) {
        const bool bright = label == 0 ? y < 4 : y >= 4;
        set.pixels.push_back(static_cast<std::uint8_t>((bright ? 160 : 20) + rng() % 60));
      }
    set.labels.push_back(label);
  }
  return set;
}

TrainOptions quick(int epochs) {
  return secnlp::testing::quick_options(epochs, 0.01);
}

TEST(TrainingTest, TextModelLearnsAndItsDirectoryReproducesTheTestMetrics) {
  const auto data = tiny_texts(240);
  const auto out = fresh_dir("text");
  TextDataOptions prep;
  int epochs_seen = 0;
  TrainCallbacks callbacks{[&](const EpochReport&) { ++epochs_seen; }};
  const auto result = train_text_classifier(data, prep, {"lstm", R"({"hidden_size": 16,
      "embedding_dim": 16})"},
                                            quick(6), out, callbacks);
  EXPECT_EQ(epochs_seen, 6);
  ASSERT_EQ(result.epochs.size(), 6u);
  EXPECT_LT(result.epochs.back().train_loss, result.epochs.front().train_loss);
  EXPECT_GE(result.test.accuracy, 0.9);
  EXPECT_EQ(result.train_size + result.validation_size + result.test_size, data.size());
  for (const char* f : {"manifest.json", "model.pt", "vocabulary.txt", "loss.svg", "accuracy.svg",
                        "confusion.svg", "report.txt"})
    EXPECT_TRUE(fs::exists(out / f)) << f;

  // The saved model gives exactly the test split's confusion matrix again.
  const auto split = split_indices(data.labels, prep.split);
  corpora::LabelledTexts test;
  test.classes = data.classes;
  for (auto r : split.test) {
    test.texts.push_back(data.texts[r]);
    test.labels.push_back(data.labels[r]);
  }
  const auto predictor = Predictor::load(out, "cpu");
  EXPECT_EQ(predictor.classes(), data.classes);
  const auto eval = evaluate_text_classifier(predictor, test);
  EXPECT_EQ(eval.report.confusion, result.test.confusion);

  // Probabilities: one row per text, summing to 1; and loading twice predicts identically.
  const std::vector<std::string> texts{"the company said results were good",
                                       "the company said results were bad", ""};
  const auto p1 = predictor.predict_texts(texts);
  const auto p2 = Predictor::load(out, "cpu").predict_texts(texts);
  ASSERT_EQ(p1.size(), 3u);
  EXPECT_EQ(p1, p2);
  EXPECT_NEAR(p1[0][0] + p1[0][1], 1.0, 1e-5);
  EXPECT_GT(p1[0][1], 0.5);
  EXPECT_GT(p1[1][0], 0.5);
}

TEST(TrainingTest, ResumedRunEqualsAnUninterruptedOne) {
  const auto data = tiny_texts(120);
  TextDataOptions prep;
  const ModelChoice model{"gru", R"({"hidden_size": 8, "embedding_dim": 8})"};
  const auto whole_dir = fresh_dir("whole");
  const auto whole = train_text_classifier(data, prep, model, quick(4), whole_dir);

  const auto split_dir = fresh_dir("resumed");
  auto first = quick(4);
  first.stop_after = 2;
  const auto part = train_text_classifier(data, prep, model, first, split_dir);
  EXPECT_TRUE(part.interrupted);
  EXPECT_EQ(part.epochs.size(), 2u);
  EXPECT_FALSE(fs::exists(split_dir / "manifest.json"));
  // Starting again without --resume is refused; with it the run completes.
  EXPECT_THROW(train_text_classifier(data, prep, model, quick(4), split_dir), Error);
  auto again = quick(4);
  again.resume = true;
  const auto rest = train_text_classifier(data, prep, model, again, split_dir);
  ASSERT_EQ(rest.epochs.size(), whole.epochs.size());
  for (std::size_t i = 0; i < whole.epochs.size(); ++i) {
    EXPECT_EQ(rest.epochs[i].train_loss, whole.epochs[i].train_loss) << "epoch " << i + 1;
    EXPECT_EQ(rest.epochs[i].val_loss, whole.epochs[i].val_loss) << "epoch " << i + 1;
  }
  EXPECT_EQ(rest.test.confusion, whole.test.confusion);
  EXPECT_EQ(read_file_bytes(split_dir / "model.pt").size(),
            read_file_bytes(whole_dir / "model.pt").size());
  const std::vector<std::string> texts{"good", "bad", "the quarter"};
  EXPECT_EQ(Predictor::load(split_dir, "cpu").predict_texts(texts),
            Predictor::load(whole_dir, "cpu").predict_texts(texts));

  // Resuming with other data is refused.
  auto other = tiny_texts(100);
  EXPECT_THROW(train_text_classifier(other, prep, model, again, fresh_dir("nothing")), Error);
}

// Hostile vectors: nan or inf made every loss -nan and the model was saved anyway; a header
// claiming huge dimensions allocated vocabulary x dim floats.
TEST(PretrainedVectorsTest, RefusesNonFiniteValuesAndAbsurdDimensionsNamingTheLine) {
  const auto vocabulary = Vocabulary::build({{"gain", "loss", "gain"}}, {});
  struct Case {
    const char* name;
    std::string text;
    std::string fragment;
  };
  const Case cases[] = {
      {"nan", "gain 0.1 0.2\nloss nan 0.3\n", "line 2: 'nan' is not a finite number"},
      {"inf", "gain 0.1 -inf\n", "line 1: '-inf' is not a finite number"},
      {"huge header", "2 4000000000\ngain 0.1\n", "line 1: header claims 4000000000"},
      {"huge line",
       [] {
         std::string line = "gain";
         for (int i = 0; i < 5000; ++i)
           line += " 1";
         return line + "\n";
       }(),
       "line 1: 5000 values"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto dir = fresh_dir(std::string("vectors_") + c.name);
    fs::create_directories(dir);
    const auto path = dir / "vectors.txt";
    std::ofstream(path, std::ios::binary) << c.text;
    try {
      read_pretrained_vectors(path, vocabulary, 0);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kResource);
      EXPECT_EQ(e.path(), path.string());
      EXPECT_NE(std::string(e.what()).find(c.fragment), std::string::npos) << e.what();
    }
  }
}

// A run killed before its first epoch ended saved no state: --resume says how to start over.
TEST(TrainingTest, ResumeWithoutStateSaysHowToStartOver) {
  const auto data = tiny_texts(40);
  const auto dir = fresh_dir("killed_before_epoch_1");
  fs::create_directories(dir);
  auto o = quick(1);
  o.resume = true;
  try {
    train_text_classifier(data, {}, {"bow", "{}"}, o, dir);
    FAIL() << "resumed from nothing";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("without --resume"), std::string::npos) << e.what();
    EXPECT_EQ(std::string(e.what()).find("nothing to resume"), std::string::npos) << e.what();
  }
  o.resume = false;
  EXPECT_NO_THROW(train_text_classifier(data, {}, {"bow", "{}"}, o, dir));
}

TEST(TrainingTest, EarlyStoppingKeepsTheBestEpoch) {
  const auto data = tiny_texts(120);
  auto o = quick(30);
  o.patience = 2;
  o.optimizer.learning_rate = 0.05;
  const auto r = train_text_classifier(data, {}, {"bow", "{}"}, o, fresh_dir("early"));
  ASSERT_TRUE(r.stopped_early);
  EXPECT_LT(r.epochs.size(), 30u);
  EXPECT_EQ(r.epochs.size(), static_cast<std::size_t>(r.best_epoch + 2));
  for (const auto& e : r.epochs)
    EXPECT_GE(e.val_loss, r.epochs[r.best_epoch - 1].val_loss);
}

TEST(TrainingTest, VisionModelLearnsAndDrawsItsMistakes) {
  const auto data = tiny_images(200);
  const auto out = fresh_dir("vision");
  ImageDataOptions prep;
  prep.augment.shift = 1;
  const auto r =
      train_image_classifier(data, prep, {"mlp", R"({"hidden_sizes": [16]})"}, quick(5), out);
  EXPECT_GE(r.test.accuracy, 0.9);
  EXPECT_TRUE(fs::exists(out / "misclassified.svg"));
  const auto predictor = Predictor::load(out, "cpu");
  const auto probs = predictor.predict_images(data);
  ASSERT_EQ(probs.size(), data.count);
  EXPECT_EQ(probs[0].size(), 2u);
  EXPECT_GT(probs[0][0], 0.5);  // image 0 is "top"
  EXPECT_THROW(predictor.predict_texts(std::vector<std::string>{"x"}), Error);
  corpora::ImageSet wrong_shape = data;
  wrong_shape.height = 4;
  wrong_shape.width = 16;
  EXPECT_THROW(predictor.predict_images(wrong_shape), Error);
}

// Damaged or foreign model directories are refused with the file named.
TEST(TrainingTest, RejectsDamagedModelDirectories) {
  const auto data = tiny_texts(60);
  const auto good = fresh_dir("good");
  train_text_classifier(data, {}, {"bow", "{}"}, quick(1), good);

  struct Case {
    const char* name;
    std::function<void(const fs::path&)> damage;
    const char* file;
    const char* message;
  };
  auto replace_in_manifest = [](const fs::path& dir, const std::string& from,
                                const std::string& to) {
    auto text = read_file_bytes(dir / "manifest.json");
    auto at = text.find(from);
    ASSERT_NE(at, std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(dir / "manifest.json", std::ios::binary) << text;
  };
  // Removes the "checksum" line, as in a manifest written before checksums.
  auto drop_checksum = [](const fs::path& dir) {
    auto text = read_file_bytes(dir / "manifest.json");
    const auto at = text.find("\"checksum\"");
    ASSERT_NE(at, std::string::npos);
    const auto line_start = text.rfind('\n', at) + 1;
    text.erase(line_start, text.find('\n', at) + 1 - line_start);
    std::ofstream(dir / "manifest.json", std::ios::binary) << text;
  };
  // Sets the first number field `key` to `value`.
  auto set_number = [](const fs::path& dir, const std::string& key, const std::string& value) {
    auto text = read_file_bytes(dir / "manifest.json");
    const auto at = text.find("\"" + key + "\": ");
    ASSERT_NE(at, std::string::npos);
    const auto begin = at + key.size() + 4;
    const auto end = text.find_first_not_of("0123456789", begin);
    text.replace(begin, end - begin, value);
    std::ofstream(dir / "manifest.json", std::ios::binary) << text;
  };
  const Case cases[] = {
      {"flipped byte in weights",
       [](const fs::path& d) {
         std::fstream f(d / "model.pt", std::ios::in | std::ios::out | std::ios::binary);
         f.seekp(100);
         f.put('\x7f');
       },
       "model.pt", "corrupt"},
      {"missing vocabulary", [](const fs::path& d) { fs::remove(d / "vocabulary.txt"); },
       "vocabulary.txt", "missing"},
      {"newer format",
       [&](const fs::path& d) { replace_in_manifest(d, "\"version\": 1", "\"version\": 99"); },
       "manifest.json", "newer"},
      {"foreign manifest",
       [&](const fs::path& d) { replace_in_manifest(d, "secnlp-model", "keras-model"); },
       "manifest.json", "not a secnlp model"},
      {"not json", [](const fs::path& d) { std::ofstream(d / "manifest.json") << "{oops"; },
       "manifest.json", "malformed"},
      {"no manifest", [](const fs::path& d) { fs::remove(d / "manifest.json"); }, "",
       "not a model directory"},
      // Hostile edits: swapped or extra classes used to give wrong labels with exit 0, and an
      // edited size an 8 TB allocation.
      {"swapped classes",
       [&](const fs::path& d) {
         replace_in_manifest(d, "\"negative\"", "\"@\"");
         replace_in_manifest(d, "\"positive\"", "\"negative\"");
         replace_in_manifest(d, "\"@\"", "\"positive\"");
       },
       "manifest.json", "checksum"},
      {"extra class, no checksum",
       [&](const fs::path& d) {
         drop_checksum(d);
         replace_in_manifest(d, "\"positive\"", "\"positive\", \"neutral\"");
       },
       "manifest.json", "3 classes listed"},
      {"one class fewer, no checksum",
       [&](const fs::path& d) {
         drop_checksum(d);
         replace_in_manifest(d, "\"negative\",", "");
       },
       "manifest.json", "1 classes listed"},
      {"absurd vocabulary size, no checksum",
       [&](const fs::path& d) {
         drop_checksum(d);
         set_number(d, "size", "1000000000000");
       },
       "manifest.json", "text.vocabulary.size = 1000000000000 is outside"},
      {"duplicate class, no checksum",
       [&](const fs::path& d) {
         drop_checksum(d);
         replace_in_manifest(d, "\"positive\"", "\"negative\"");
       },
       "manifest.json", "listed twice"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto dir = fresh_dir(std::string("damaged_") + c.file);
    fs::copy(good, dir, fs::copy_options::recursive);
    c.damage(dir);
    try {
      Predictor::load(dir, "cpu");
      ADD_FAILURE() << "loaded";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kResource) << e.what();
      EXPECT_NE(e.path().find(c.file), std::string::npos) << e.path();
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
    }
  }
}

TEST(TrainingTest, RejectsBadTrainingOptions) {
  const auto data = tiny_texts(40);
  struct Case {
    const char* name;
    std::function<void(TrainOptions&, ModelChoice&)> change;
    const char* message;
  };
  const Case cases[] = {
      {"optimizer", [](TrainOptions& o, ModelChoice&) { o.optimizer.name = "lion"; }, "optimizer"},
      {"schedule", [](TrainOptions& o, ModelChoice&) { o.schedule.name = "cosine"; }, "schedule"},
      {"epochs", [](TrainOptions& o, ModelChoice&) { o.epochs = 0; }, "epochs"},
      {"bf16 on cpu", [](TrainOptions& o, ModelChoice&) { o.bf16 = true; }, "bf16"},
      {"device", [](TrainOptions& o, ModelChoice&) { o.device = "tpu"; }, "device"},
      {"vision model on text", [](TrainOptions&, ModelChoice& m) { m.name = "vgg"; },
       "not a text model"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto o = quick(1);
    ModelChoice m{"bow", "{}"};
    c.change(o, m);
    try {
      train_text_classifier(data, {}, m, o, fresh_dir(std::string("bad_") + c.name));
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
    }
  }
  if (!torch::cuda::is_available()) {
    auto o = quick(1);
    o.device = "cuda";
    EXPECT_THROW(train_text_classifier(data, {}, {"bow", "{}"}, o, fresh_dir("cuda")), Error);
  }
}

TEST(TrainingTest, LearningRateSchedules) {
  struct Case {
    const char* name;
    int epoch;
    double expected;
  };
  const Case cases[] = {{"none", 7, 0.1},    {"step", 4, 0.1},          {"step", 5, 0.05},
                        {"step", 11, 0.025}, {"exponential", 2, 0.025}, {"inverse_time", 2, 0.05}};
  for (const auto& c : cases) {
    ScheduleOptions s;
    s.name = c.name;
    s.step_size = 5;
    s.gamma = 0.5;
    s.decay = 0.5;
    EXPECT_NEAR(scheduled_learning_rate(s, 0.1, c.epoch), c.expected, 1e-12) << c.name;
  }
}

}  // namespace
}  // namespace secnlp::models
