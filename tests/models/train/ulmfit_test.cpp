// ULMFiT's fine-tuning options (issue 19): gradual unfreezing really keeps the lower layers fixed
// (the first epoch trains only the output layer, each further epoch one more layer) and the
// per-layer learning rates are lr / decay^(L - 1 - k), checked on the parameters an SGD step
// moves, not only on the plan.
#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <torch/torch.h>

#include "common/error.h"
#include "models/nets/model_factory.h"
#include "models/nets/text_nets.h"
#include "models/train/batch_sources.h"
#include "models/train/trainer.h"
#include "models/train/training.h"
#include "tests/models/train/quick_options.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kVocab = 20, kRows = 48, kTime = 6;

fs::path fresh_dir(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("secnlp_ulmfit_test_" + name);
  fs::remove_all(dir);
  return dir;
}

// A GRU classifier, the same weights for the same `options` (seeded); dropout off, so that a
// gradient can be recomputed outside the loop.
std::shared_ptr<ClassifierNet> gru(int layers, bool bidirectional = false) {
  torch::manual_seed(7);
  return make_text_net("gru",
                       fmt::format(R"({{"embedding_dim": 6, "hidden_size": 5, "num_layers": {},
                           "bidirectional": {}, "dropout": 0.0}})",
                                   layers, bidirectional ? "true" : "false"),
                       kVocab, 2)
      .net;
}

// Rows of kTime ids in 1..kVocab-1 (no padding); the label is whether id 1 occurs.
TextBatchSource rows() {
  torch::manual_seed(3);
  auto ids = torch::randint(1, kVocab, {kRows, kTime}, torch::kInt64);
  std::vector<int> labels;
  for (std::int64_t i = 0; i < kRows; ++i)
    labels.push_back(ids[i].eq(1).any().item<bool>() ? 1 : 0);
  return TextBatchSource({ids, torch::full({kRows}, kTime, torch::kInt64)}, labels, torch::kCPU);
}

std::map<std::string, torch::Tensor> weights(ClassifierNet& net) {
  std::map<std::string, torch::Tensor> out;
  for (const auto& p : net.named_parameters())
    out[p.key()] = p.value().detach().clone();
  return out;
}

// Trains `net` on all rows (no validation or test split) and returns the result.
TrainResult train(ClassifierNet& net, const TrainOptions& o, const std::string& name) {
  const auto source = rows();
  LoopSetup setup;
  for (std::size_t i = 0; i < static_cast<std::size_t>(kRows); ++i)
    setup.train.push_back(i);
  setup.num_classes = 2;
  setup.options = o;
  setup.out = fresh_dir(name);
  fs::create_directories(setup.out);
  setup.fingerprint = "test";
  TrainResult result;
  std::vector<int> predictions;
  run_training(net, source, setup, {}, result, predictions);
  return result;
}

TrainOptions options(int epochs) {
  return secnlp::testing::quick_options(epochs, 0.05);
}

TEST(UlmfitTest, LayerGroupsOfAnRnnRunFromTheEmbeddingToTheOutput) {
  auto net = gru(2, /*bidirectional=*/true);
  const auto groups = net->layer_groups();
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(groups[0].name, "embedding");
  EXPECT_EQ(groups[1].name, "rnn.l0");
  EXPECT_EQ(groups[2].name, "rnn.l1");
  EXPECT_EQ(groups[3].name, "output");
  EXPECT_EQ(groups[0].parameters.size(), 1u);
  EXPECT_EQ(groups[1].parameters.size(), 8u);  // w_ih, w_hh, b_ih, b_hh of both directions
  EXPECT_EQ(groups[2].parameters.size(), 8u);
  EXPECT_EQ(groups[3].parameters.size(), 2u);
  // Layer 1's input is layer 0's two directions: 2 x 5 wide.
  EXPECT_EQ(groups[2].parameters[0].size(1), 10);
  std::size_t total = 0;
  for (const auto& g : groups)
    total += g.parameters.size();
  EXPECT_EQ(total, net->parameters().size());
}

TEST(UlmfitTest, PerLayerLearningRatesAreLrOverDecayToTheDepth) {
  auto o = options(1);
  o.lr_decay_per_layer = 2.6;
  auto net = gru(2);
  const auto plan = plan_param_groups(*net, o);
  ASSERT_EQ(plan.size(), 4u);
  const double expected[] = {1 / (2.6 * 2.6 * 2.6), 1 / (2.6 * 2.6), 1 / 2.6, 1.0};
  for (std::size_t k = 0; k < 4; ++k)
    EXPECT_NEAR(plan[k].lr_factor, expected[k], 1e-12) << plan[k].name;

  // The loop uses them: one plain SGD step over all rows moves each parameter by
  // -lr * factor * gradient, the gradient recomputed here on an identical net.
  o.optimizer.name = "sgd";
  o.optimizer.momentum = 0;
  o.batch_size = static_cast<int>(kRows);
  auto reference = gru(2);
  {
    const auto source = rows();
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < static_cast<std::size_t>(kRows); ++i)
      all.push_back(i);
    reference->train();
    const Batch b = source.make(all, false, 0, torch::kCPU);
    torch::nn::functional::cross_entropy(reference->forward(b.x, b.lengths), b.y).backward();
  }
  train(*net, o, "sgd");
  const auto ref_groups = reference->layer_groups();
  const auto net_groups = net->layer_groups();
  for (std::size_t k = 0; k < ref_groups.size(); ++k) {
    for (std::size_t i = 0; i < ref_groups[k].parameters.size(); ++i) {
      const auto& grad = ref_groups[k].parameters[i].grad();
      ASSERT_TRUE(grad.defined());
      const auto step =
          net_groups[k].parameters[i].detach() - (ref_groups[k].parameters[i].detach());
      const auto want = -o.optimizer.learning_rate * expected[k] * grad;
      // float32 weights near 1 round a step of 1e-5 to about 1e-7 absolute.
      EXPECT_TRUE(torch::allclose(step, want, 1e-3, 1e-6))
          << ref_groups[k].name << " parameter " << i << ": moved "
          << step.abs().max().item<double>() << ", expected " << want.abs().max().item<double>();
      if (want.norm().item<double>() > 0) {
        EXPECT_NEAR(step.norm().item<double>() / want.norm().item<double>(), 1.0, 0.01)
            << ref_groups[k].name << " parameter " << i;
      }
    }
  }
}

TEST(UlmfitTest, GradualUnfreezingTrainsOneMoreLayerEachEpoch) {
  auto o = options(1);
  o.gradual_unfreeze = true;
  const auto initial = weights(*gru(1));
  // groups: embedding, rnn.l0, output; epoch e trains the last e + 1 of them.
  const std::vector<std::vector<bool>> expect_changed = {
      {false, false, true}, {false, true, true}, {true, true, true}};
  for (int epochs = 1; epochs <= 3; ++epochs) {
    SCOPED_TRACE(fmt::format("{} epochs", epochs));
    o.epochs = epochs;
    auto net = gru(1);
    const auto r = train(*net, o, fmt::format("gradual{}", epochs));
    ASSERT_EQ(r.epochs.size(), static_cast<std::size_t>(epochs));
    const auto groups = net->layer_groups();
    ASSERT_EQ(groups.size(), 3u);
    const auto named = net->named_parameters();
    for (std::size_t k = 0; k < groups.size(); ++k) {
      bool changed = false;
      for (const auto& p : named)
        for (const auto& q : groups[k].parameters)
          if (p.value().is_same(q) && !torch::equal(p.value(), initial.at(p.key()))) changed = true;
      EXPECT_EQ(changed, expect_changed[static_cast<std::size_t>(epochs - 1)][k]) << groups[k].name;
    }
    // Every parameter trains again after the run (the next run or resume decides anew).
    for (const auto& p : net->parameters())
      EXPECT_TRUE(p.requires_grad());
  }

  // Frozen pretrained vectors stay frozen: the embedding is no group of the plan.
  auto net = gru(1);
  auto* rnn = dynamic_cast<RnnClassifierImpl*>(net.get());
  ASSERT_NE(rnn, nullptr);
  rnn->set_embeddings(initial.at("embedding.weight"), /*freeze=*/true);
  const auto embedding = net->named_parameters()["embedding.weight"].detach().clone();
  o.epochs = 3;
  const auto plan = plan_param_groups(*net, o);
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[0].name, "rnn.l0");
  train(*net, o, "frozen");
  EXPECT_TRUE(torch::equal(net->named_parameters()["embedding.weight"], embedding));
  EXPECT_FALSE(net->named_parameters()["embedding.weight"].requires_grad());
}

TEST(UlmfitTest, OptionsNeedLayersAndAPositiveDecay) {
  torch::manual_seed(1);
  auto bow = make_text_net("bow", "{}", kVocab, 2).net;
  auto o = options(1);
  o.gradual_unfreeze = true;
  try {
    train(*bow, o, "bow");
    ADD_FAILURE() << "gradual unfreezing accepted for bow";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find("several trainable layers"), std::string::npos)
        << e.what();
  }
  o.gradual_unfreeze = false;
  o.lr_decay_per_layer = 0;
  auto net = gru(1);
  EXPECT_THROW(plan_param_groups(*net, o), Error);
  // Off, one group of every trainable parameter at the full rate (the loop as before).
  o.lr_decay_per_layer = 1.0;
  const auto plan = plan_param_groups(*net, o);
  ASSERT_EQ(plan.size(), 1u);
  EXPECT_EQ(plan[0].parameters.size(), net->parameters().size());
  EXPECT_EQ(plan[0].lr_factor, 1.0);
}

// Through train_text_classifier: the options reach the manifest (and so the resume fingerprint).
TEST(UlmfitTest, TheManifestRecordsTheOptions) {
  corpora::LabelledTexts data;
  data.classes = {"negative", "positive"};
  for (int i = 0; i < 40; ++i) {
    data.texts.push_back(i % 2 ? "profit rose strongly" : "the loss widened");
    data.labels.push_back(i % 2);
  }
  auto o = options(2);
  o.gradual_unfreeze = true;
  o.lr_decay_per_layer = 2.6;
  const auto out = fresh_dir("manifest");
  train_text_classifier(data, {}, {"gru", R"({"hidden_size": 4, "embedding_dim": 4})"}, o, out);
  const auto manifest = read_model_info(out).manifest_json;
  EXPECT_NE(manifest.find("\"gradual_unfreeze\": true"), std::string::npos) << manifest;
  EXPECT_NE(manifest.find("\"lr_decay_per_layer\": 2.6"), std::string::npos) << manifest;
}

}  // namespace
}  // namespace secnlp::models
