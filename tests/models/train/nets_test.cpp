// The networks on tiny inputs: shapes for every model, packed = unpadded, pre = post padding,
// and rejected options.
#include <cmath>

#include <gtest/gtest.h>
#include <torch/torch.h>

#include "common/error.h"
#include "models/nets/model_factory.h"
#include "models/nets/text_nets.h"

namespace secnlp::models {
namespace {

TEST(NetsTest, TextModelsGiveOneRowOfLogitsPerInput) {
  struct Case {
    const char* name;
    const char* options;
  };
  const Case cases[] = {
      {"lstm", "{}"},
      {"gru", R"({"bidirectional": true, "num_layers": 2, "pooling": "max"})"},
      {"lstm", R"({"pooling": "mean", "hidden_size": 8, "embedding_dim": 6})"},
      {"bow", R"({"hidden_sizes": [16, 8]})"},
      {"bow", R"({"hidden_sizes": [], "reduce": "sqrtn"})"},  // linear on the term vector
      {"bow", R"({"reduce": "sum"})"},
  };
  torch::manual_seed(1);
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.name) + " " + c.options);
    auto built = make_text_net(c.name, c.options, 50, 3);
    auto ids = torch::randint(1, 50, {4, 7}, torch::kInt64);
    auto lengths = torch::tensor(std::vector<std::int64_t>{7, 3, 1, 5});
    auto out = built.net->forward(ids, lengths);
    EXPECT_EQ(out.sizes(), (std::vector<std::int64_t>{4, 3}));
    EXPECT_TRUE(torch::isfinite(out).all().item<bool>());
  }
}

// sqrtn is the sum scaled by 1 / sqrt(real tokens): same weights, rows compared with "sum".
TEST(NetsTest, BowSqrtnScalesTheSumByTheTokenCount) {
  // The linear bag starts at zero (as logistic regression does); give both the same weights.
  auto with_random_weights = [](const char* options) {
    auto built = make_text_net("bow", options, 20, 2);
    torch::manual_seed(3);
    torch::NoGradGuard no_grad;
    for (auto& p : built.net->parameters())
      p.uniform_(-1.0, 1.0);
    return built;
  };
  auto sum = with_random_weights(R"({"hidden_sizes": [], "reduce": "sum"})");
  auto sqrtn = with_random_weights(R"({"hidden_sizes": [], "reduce": "sqrtn"})");
  auto ids = torch::tensor(std::vector<std::int64_t>{0, 0, 5, 6, 0, 3, 3, 9}).view({2, 4});
  auto lengths = torch::tensor(std::vector<std::int64_t>{2, 3});
  auto bias = sum.net->named_parameters()["bag_bias"];
  auto expected = (sum.net->forward(ids, lengths) - bias) /
                      torch::tensor(std::vector<double>{std::sqrt(2.0), std::sqrt(3.0)})
                          .to(torch::kFloat)
                          .unsqueeze(1) +
                  bias;
  EXPECT_TRUE(torch::allclose(sqrtn.net->forward(ids, lengths), expected));
  EXPECT_FALSE(torch::allclose(sum.net->forward(ids, lengths), expected));
}

// The bag starts as nn::Linear on the term vector would (small uniform), or at zero when it is the
// whole model; the padding row stays zero.
TEST(NetsTest, BowBagStartsLikeALinearLayer) {
  auto weight_of = [](const char* options) {
    auto built = make_text_net("bow", options, 400, 3);
    return built.net->named_parameters()["bag.weight"].clone();
  };
  auto mlp = weight_of("{}");
  EXPECT_LE(mlp.abs().max().item<float>(), 1.0f / 20.0f);  // 1 / sqrt(400)
  EXPECT_GT(mlp.abs().max().item<float>(), 0.0f);
  EXPECT_EQ(mlp[0].abs().sum().item<float>(), 0.0f);
  EXPECT_EQ(weight_of(R"({"hidden_sizes": []})").abs().sum().item<float>(), 0.0f);
}

TEST(NetsTest, VisionModelsGiveOneRowOfLogitsPerImage) {
  struct Case {
    const char* name;
    ImageShape shape;
  };
  const Case cases[] = {{"mlp", {1, 28, 28}},         {"lenet5", {1, 28, 28}},
                        {"strided_cnn", {1, 28, 28}}, {"vgg", {3, 32, 32}},
                        {"strided_cnn", {3, 32, 32}}, {"lenet5", {3, 32, 32}}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto built = make_vision_net(c.name, "{}", c.shape, 10);
    built.net->eval();
    auto x = torch::randn({2, c.shape.channels, c.shape.height, c.shape.width});
    EXPECT_EQ(built.net->forward(x, {}).sizes(), (std::vector<std::int64_t>{2, 10}));
  }
}

// Padding never enters the state: a padded batch gives each row the logits it gets alone.
TEST(NetsTest, PackedBatchEqualsEachSequenceAlone) {
  for (const char* pooling : {"last", "max", "mean"}) {
    for (const char* cell : {"lstm", "gru"}) {
      SCOPED_TRACE(std::string(cell) + "/" + pooling);
      torch::manual_seed(7);
      const std::string options =
          std::string(
              R"({"dropout": 0.0, "bidirectional": true, "padding": "post", "pooling": ")") +
          pooling + "\"}";
      auto net = make_text_net(cell, options, 30, 2).net;
      net->eval();
      // Rows of lengths 5, 2, 4 padded (post) to 6.
      std::vector<std::vector<std::int64_t>> rows{{3, 4, 5, 6, 7}, {8, 9}, {10, 11, 12, 13}};
      auto batch = torch::zeros({3, 6}, torch::kInt64);
      for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t t = 0; t < rows[r].size(); ++t)
          batch[static_cast<std::int64_t>(r)][static_cast<std::int64_t>(t)] = rows[r][t];
      auto lengths = torch::tensor(std::vector<std::int64_t>{5, 2, 4});
      auto together = net->forward(batch, lengths);
      for (std::size_t r = 0; r < rows.size(); ++r) {
        auto alone = net->forward(
            torch::tensor(rows[r]).unsqueeze(0),
            torch::tensor(std::vector<std::int64_t>{static_cast<std::int64_t>(rows[r].size())}));
        EXPECT_TRUE(torch::allclose(together[static_cast<std::int64_t>(r)], alone[0], 1e-5, 1e-6))
            << "row " << r;
      }
    }
  }
}

TEST(NetsTest, PrePaddedRowsGiveTheSameLogitsAsPostPadded) {
  torch::manual_seed(3);
  auto post = make_text_net("lstm", R"({"dropout": 0.0, "padding": "post"})", 20, 3).net;
  auto pre = make_text_net("lstm", R"({"dropout": 0.0, "padding": "pre"})", 20, 3).net;
  // Same weights in both.
  {
    torch::NoGradGuard no_grad;
    auto src = post->named_parameters();
    for (auto& p : pre->named_parameters())
      p.value().copy_(src[p.key()]);
  }
  post->eval();
  pre->eval();
  auto lengths = torch::tensor(std::vector<std::int64_t>{3, 1});
  auto post_ids = torch::tensor(std::vector<std::int64_t>{5, 6, 7, 0, 9, 0, 0, 0}).view({2, 4});
  auto pre_ids = torch::tensor(std::vector<std::int64_t>{0, 5, 6, 7, 0, 0, 0, 9}).view({2, 4});
  EXPECT_TRUE(torch::allclose(post->forward(post_ids, lengths), pre->forward(pre_ids, lengths)));
}

TEST(NetsTest, EmbeddingDropoutActsInTrainingOnly) {
  torch::manual_seed(7);
  auto plain = make_text_net("gru", R"({"dropout": 0.0})", 30, 2).net;
  torch::manual_seed(7);
  auto dropped = make_text_net("gru", R"({"dropout": 0.0, "embedding_dropout": 0.5})", 30, 2).net;
  const auto ids = torch::randint(1, 30, {4, 7}, torch::kInt64);
  const auto lengths = torch::full({4}, 7, torch::kInt64);
  plain->eval();
  dropped->eval();
  EXPECT_TRUE(torch::equal(plain->forward(ids, lengths), dropped->forward(ids, lengths)));
  plain->train();
  dropped->train();
  EXPECT_TRUE(torch::equal(plain->forward(ids, lengths), plain->forward(ids, lengths)));
  EXPECT_FALSE(torch::allclose(plain->forward(ids, lengths), dropped->forward(ids, lengths)));
}

TEST(NetsTest, RejectsBadModelsAndOptions) {
  struct Case {
    const char* name;
    const char* options;
    const char* message;
  };
  const Case cases[] = {
      {"transformer", "{}", "unknown text model"},
      {"lstm", R"({"hidden": 3})", "unknown option 'hidden'"},
      {"lstm", R"({"hidden_size": "big"})", "wrong type"},
      {"lstm", R"({"dropout": 1.5})", "dropout"},
      {"gru", R"({"embedding_dropout": -0.1})", "dropout"},
      {"gru", R"({"pooling": "attention"})", "pooling"},
      {"lstm", "[1, 2]", "JSON object"},
      {"lstm", "{not json", "not valid JSON"},
      {"bow", R"({"hidden_sizes": [0]})", "hidden_sizes"},
      {"bow", R"({"reduce": "median"})", "reduce must be mean, sum or sqrtn"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.name) + " " + c.options);
    try {
      make_text_net(c.name, c.options, 10, 2);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(make_vision_net("vgg", "{}", ImageShape{1, 2, 2}, 10), Error);  // too small
  EXPECT_THROW(make_vision_net("resnet", "{}", ImageShape{}, 10), Error);
}

}  // namespace
}  // namespace secnlp::models

namespace secnlp::models {
namespace {

// A few Adam steps on one fixed batch must lower the loss of every model.
TEST(NetsTest, LossFallsOnAFixedBatch) {
  struct Case {
    const char* name;
    bool text;
  };
  const Case cases[] = {{"lstm", true},    {"gru", true},          {"bow", true}, {"mlp", false},
                        {"lenet5", false}, {"strided_cnn", false}, {"vgg", false}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    torch::manual_seed(11);
    std::shared_ptr<ClassifierNet> net =
        c.text ? make_text_net(c.name, "{}", 40, 3).net
               : make_vision_net(c.name, "{}", ImageShape{1, 16, 16}, 3).net;
    torch::Tensor x =
        c.text ? torch::randint(1, 40, {12, 9}, torch::kInt64) : torch::randn({12, 1, 16, 16});
    torch::Tensor lengths = c.text ? torch::full({12}, 9, torch::kInt64) : torch::Tensor();
    auto y = torch::randint(0, 3, {12}, torch::kInt64);
    torch::optim::Adam opt(net->parameters(), torch::optim::AdamOptions(1e-2));
    net->train();
    double first = 0, last = 0;
    for (int step = 0; step < 30; ++step) {
      opt.zero_grad();
      auto loss = torch::nn::functional::cross_entropy(net->forward(x, lengths), y);
      loss.backward();
      opt.step();
      if (step == 0) first = loss.item<double>();
      last = loss.item<double>();
    }
    EXPECT_LT(last, first * 0.5) << "first " << first << " last " << last;
  }
}

}  // namespace
}  // namespace secnlp::models
