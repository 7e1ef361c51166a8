#include "models/tagging/pos_model.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/nlp/tagging/tiny_conllu.h"
#include "tests/support/test_data.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;

class PosModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = dir_.path() / "tiny.conllu";
    testing::write_file(data_, testing::tiny_conllu());
  }
  PosTrainRequest request(const std::string& out, const std::string& tagset = "xpos") {
    PosTrainRequest r;
    r.data = data_.string();
    r.dev = data_.string();
    r.out = (dir_.path() / out).string();
    r.tagset = tagset;
    r.options.epochs = 8;
    r.options.dictionary_min_count = 5;
    return r;
  }
  testing::TempDir dir_;
  fs::path data_;
};

TEST_F(PosModelTest, TrainsWritesLoadsAndEvaluates) {
  for (const std::string tagset : {"xpos", "upos"}) {
    std::vector<double> seen;
    const auto result =
        train_pos_model(request(tagset, tagset), [&](int, double a) { seen.push_back(a); });
    EXPECT_EQ(result.sentences, 48u);
    EXPECT_EQ(seen.size(), 8u);
    EXPECT_EQ(result.dev_accuracy, 1.0);
    const fs::path dir = dir_.path() / tagset;
    for (const char* f : {"manifest.json", "tagger.bin", "report.json"})
      EXPECT_TRUE(fs::exists(dir / f)) << f;
    EXPECT_EQ(model_task(dir), "pos");
    const auto model = load_pos_model(dir);
    EXPECT_EQ(model->tagset, tagset);
    EXPECT_EQ(model->hash.size(), 16u);
    const auto e = evaluate_pos_model(*model, data_);
    EXPECT_EQ(e.sentences, 48u);
    EXPECT_EQ(e.report.accuracy, 1.0);
    EXPECT_EQ(e.classes, model->tagger.tags());
    EXPECT_EQ(model->tagger.tags().size(), tagset == "xpos" ? 15u : 10u);
  }
}

// Every way a directory can be wrong is refused with kResource naming the file at fault.
TEST_F(PosModelTest, RefusesDamagedDirectories) {
  train_pos_model(request("good"));
  struct Case {
    std::string name;
    std::function<void(const fs::path&)> damage;
    std::string file;  // expected Error::path() suffix
    std::string why;
  };
  const std::vector<Case> cases = {
      {"no-manifest", [](const fs::path& d) { fs::remove(d / "manifest.json"); }, "no-manifest",
       "no manifest.json"},
      {"edited",
       [](const fs::path& d) {
         std::string m = testing::read_file(d / "manifest.json");
         m.replace(m.find("\"xpos\""), 6, "\"upos\"");
         testing::write_file(d / "manifest.json", m);
       },
       "manifest.json", "checksum"},
      {"corrupt",
       [](const fs::path& d) {
         std::string b = testing::read_file(d / "tagger.bin");
         b[b.size() / 2] ^= 1;
         testing::write_file(d / "tagger.bin", b);
       },
       "tagger.bin", "corrupt"},
      {"missing", [](const fs::path& d) { fs::remove(d / "tagger.bin"); }, "tagger.bin", "missing"},
      {"not-json", [](const fs::path& d) { testing::write_file(d / "manifest.json", "{"); },
       "manifest.json", "malformed"},
      {"other-task",
       [](const fs::path& d) {
         testing::write_file(d / "manifest.json", R"({"format": "secnlp-model", "version": 1,
           "task": "text", "checksum": "x"})");
       },
       "manifest.json", "'text' model"},
  };
  for (const auto& c : cases) {
    const fs::path dir = dir_.path() / c.name;
    fs::copy(dir_.path() / "good", dir);
    c.damage(dir);
    try {
      load_pos_model(dir);
      ADD_FAILURE() << c.name;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kResource) << c.name;
      EXPECT_TRUE(e.path().ends_with(c.file)) << c.name << ": " << e.path();
      EXPECT_NE(e.message().find(c.why), std::string::npos) << c.name << ": " << e.message();
    }
  }
}

TEST_F(PosModelTest, RejectsBadRequests) {
  auto bad_tagset = request("x", "penn");
  auto no_data = request("y");
  no_data.data = (dir_.path() / "absent.conllu").string();
  EXPECT_THROW(train_pos_model(bad_tagset), Error);
  try {
    train_pos_model(no_data);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
  }
  EXPECT_FALSE(fs::exists(dir_.path() / "x"));
}

}  // namespace
}  // namespace secnlp::models
