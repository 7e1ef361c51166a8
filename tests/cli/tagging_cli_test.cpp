// Black-box tests of the part-of-speech commands: train --task pos, evaluate, tag. They run in
// `secnlp` itself, so they work in builds without libtorch.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "tests/cli/cli_run.h"
#include "tests/nlp/tagging/tiny_conllu.h"

namespace secnlp::testing {
namespace {

class TaggingCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir_.path() / "tiny.conllu", tiny_conllu());
    data_ = (dir_.path() / "tiny.conllu").string();
    model_ = (dir_.path() / "pos").string();
  }
  CliResult run(const std::string& args) { return run_cli(args, dir_.path()); }
  TempDir dir_;
  std::string data_, model_;
};

TEST_F(TaggingCliTest, TrainEvaluateAndTagInEachFormat) {
  auto r = run("train --task pos --data " + data_ + " --dev " + data_ + " --out " + model_ +
               " --epochs 8 --seed 3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("48 sentences"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("dev accuracy: 100.00 %"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("epoch 8"), std::string::npos) << r.err;

  r = run("evaluate --model " + model_ + " --data " + data_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("xpos accuracy 100.00 %"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("precision"), std::string::npos);
  EXPECT_NE(r.out.find("VBD"), std::string::npos);

  const std::string text = "'The company reported higher revenue. We expect debt to grow.'";
  r = run("tag --model " + model_ + " --text " + text + " --format conll");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find("\n\n")),
            "1\tThe\tDT\t0\t3\n2\tcompany\tNN\t4\t11\n3\treported\tVBD\t12\t20\n"
            "4\thigher\tJJR\t21\t27\n5\trevenue\tNN\t28\t35\n6\t.\t.\t35\t36");

  r = run("tag --model " + model_ + " --text " + text + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["tagset"], "xpos");
  ASSERT_EQ(doc["sentences"].size(), 2u);
  EXPECT_EQ(doc["sentences"][1]["tokens"][0]["text"], "We");
  EXPECT_EQ(doc["sentences"][1]["tokens"][0]["tag"], "PRP");
  EXPECT_EQ(doc["sentences"][1]["tokens"][0]["start"], 37);

  write_file(dir_.path() / "in.txt", "Our company may grow.");
  r = run("tag --model " + model_ + " --file " + (dir_.path() / "in.txt").string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("MD"), std::string::npos) << r.out;
}

// The README's pipeline: docs/pipeline.pos.toml reads the model from out/pos in the working
// directory; per-section noun rates come out of `metrics`.
TEST_F(TaggingCliTest, PosPipelineFromTheDocsRuns) {
  ASSERT_EQ(run("train --task pos --epochs 4 --data " + data_ + " --out out/pos").exit_code, 0);
  const std::string source = SECNLP_SOURCE_DIR;
  const std::string sample =
      source + "/samples/northwind/9990001_10K_2023_0009990001-24-000009.htm";
  auto r = run("process " + sample + " --db pos.db --progress off --pipeline " + source +
               "/docs/pipeline.pos.toml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run("metrics --db pos.db --metric pos_nouns_per_1k --section 1A --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find(",1A,"), std::string::npos) << r.out;
}

// Usage errors exit 2, bad files 3.
TEST_F(TaggingCliTest, ErrorsGetTheirExitCodes) {
  const std::string out = " --out " + (dir_.path() / "m").string();
  const std::vector<std::pair<std::string, int>> cases = {
      {"train --data " + data_ + out, 2},                           // classify needs --model
      {"train --task pos" + out, 2},                                // no --data
      {"train --task pos --tagset penn --data " + data_ + out, 2},  // bad tag set
      {"train --task tagger --data " + data_ + out, 2},             // unknown task
      {"train --task pos --resume --data " + data_ + out, 2},       // a classifier flag
      {"train --task ner --db x.db --data " + data_ + out, 2},      // a classifier flag
      {"train --task lm --resume --data " + data_ + out, 2},        // a classifier flag
      {"train --task ner --data " + data_ + out, 3},                // CoNLL-U is not a column file
      {"train --task pos --data " + data_ + ".absent" + out, 3},    // missing file
      {"tag --model " + dir_.path().string() + " --text x", 3},     // not a model directory
      {"tag --model " + dir_.path().string() + " --format xml --text x", 2},
  };
  for (const auto& [args, code] : cases) {
    const auto r = run(args);
    EXPECT_EQ(r.exit_code, code) << args << "\n" << r.err;
  }
  ASSERT_EQ(run("train --task pos --epochs 2 --data " + data_ + " --out " + model_).exit_code, 0);
  EXPECT_EQ(run("tag --model " + model_).exit_code, 2);  // neither --text nor --file
  EXPECT_EQ(run("tag --model " + model_ + " --text a --file b").exit_code, 2);
  const auto r = run("evaluate --model " + model_ + " --data " + data_ + ".absent");
  EXPECT_EQ(r.exit_code, 3) << r.err;
}

}  // namespace
}  // namespace secnlp::testing
