// The torch-free parsers of model files: pretrained word vectors and model manifests. Cases
// found by the fuzzers (tests/fuzz) are kept here as regression tests, bytes in the test.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>
#include <string>

#include "common/error.h"
#include "models/data/model_manifest.h"
#include "models/data/pretrained_vectors.h"

namespace secnlp::models {
namespace {

const Vocabulary& vocabulary() {
  static const Vocabulary v = Vocabulary::build({{"the", "profit", "loss", "the", "Apple"}}, {});
  return v;
}

PretrainedRows vectors(const std::string& text, std::size_t expected_dim = 0) {
  std::istringstream in(text);
  return parse_pretrained_vectors(in, vocabulary(), expected_dim, "v.txt");
}

void expect_refused(const std::string& text, std::size_t expected_dim, const std::string& what) {
  try {
    vectors(text, expected_dim);
    ADD_FAILURE() << "accepted: " << text;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kResource) << e.what();
    EXPECT_EQ(e.path(), "v.txt");
    EXPECT_NE(e.message().find(what), std::string::npos) << e.message();
  }
}

TEST(PretrainedVectors, ReadsWord2vecAndGlove) {
  const auto w2v = vectors("3 2\nthe 1 2\nPROFIT 3 4\nzzz x y\n");
  EXPECT_EQ(w2v.dim, 2u);
  EXPECT_EQ(w2v.found_count, 2u);
  const auto the = vocabulary().id("the"), profit = vocabulary().id("profit");
  EXPECT_EQ(w2v.values[static_cast<std::size_t>(the) * 2 + 1], 2.0f);
  EXPECT_EQ(w2v.values[static_cast<std::size_t>(profit) * 2], 3.0f);  // lowercased match
  EXPECT_EQ(w2v.values.size(), vocabulary().size() * 2);

  const auto glove = vectors("loss 0.5 -1 2\nApple 1 1 1\n", 3);
  EXPECT_EQ(glove.dim, 3u);
  EXPECT_EQ(glove.found_count, 2u);
}

TEST(PretrainedVectors, ReadsWord2vecBinaryWithAndWithoutNewlines) {
  auto record = [](const std::string& word, float a, float b) {
    std::string r = word + ' ';
    r.append(reinterpret_cast<const char*>(&a), sizeof a);
    r.append(reinterpret_cast<const char*>(&b), sizeof b);
    return r;
  };
  // The C tool ends each vector with a newline; gensim does not.
  for (const std::string end : {"\n", ""}) {
    const auto v = vectors("3 2\n" + record("the", 1.5f, -2) + end + record("PROFIT", 3, 4) + end +
                           record("zzz", 0, 0) + end);
    EXPECT_EQ(v.dim, 2u);
    EXPECT_EQ(v.found_count, 2u);
    const auto profit = vocabulary().id("profit");
    EXPECT_EQ(v.values[static_cast<std::size_t>(vocabulary().id("the")) * 2], 1.5f);
    EXPECT_EQ(v.values[static_cast<std::size_t>(profit) * 2 + 1], 4.0f);
  }
  expect_refused("2 2\n" + record("the", 1, 2), 0, "vector 2: the file ends after 1 of the 2");
  expect_refused("1 2\nthe \x01\x02", 0, "vector 1: the file ends inside the vector of 'the'");
  const float nan = std::numeric_limits<float>::quiet_NaN();
  expect_refused("1 2\n" + record("the", nan, 1), 0, "holds nan or inf");
}

TEST(PretrainedVectors, RefusesBadLines) {
  expect_refused("the 1 2\nloss 1\n", 0, "1 values where 2 were expected");
  expect_refused("the 1 two\n", 0, "'two' is not a number");
  expect_refused("3 5\nthe 1 2 3 4 5\n", 2, "vectors have 5 dimensions");
  expect_refused("", 0, "empty");
}

// Found by fuzz_pretrained_vectors: a word2vec header declaring 77,777,777 dimensions made the
// reader allocate vocabulary size x 77,777,777 floats (2.5 GB here) before reading a value.
TEST(PretrainedVectors, RefusesAHugeDeclaredDimensionBeforeAllocating) {
  expect_refused("3 77777777|7777777777777777777777730", 0, "77777777 dimensions");
  expect_refused("3 77777777\nthe 1 2\n", 0, "77777777 dimensions");
  std::string wide = "the";  // a GloVe line with more values than any published vectors
  for (int i = 0; i < 10001; ++i)
    wide += " 1";
  expect_refused(wide + "\n", 0, "10001 dimensions");
}

TEST(PretrainedVectors, ReadsAFile) {
  const auto path = std::filesystem::temp_directory_path() / "secnlp_model_files_test.vec";
  { std::ofstream(path) << "the 1 2\n"; }
  EXPECT_EQ(read_pretrained_vectors(path, vocabulary(), 0).found_count, 1u);
  std::filesystem::remove(path);
  try {
    read_pretrained_vectors(path, vocabulary(), 0);
    ADD_FAILURE() << "read a missing file";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
  }
}

TEST(PretrainedVectors, StddevOfTheRowsFoundScalesTheRest) {
  PretrainedRows rows;
  rows.dim = 2;
  rows.values = {1, -1, 0, 0, 3, -3};  // the middle row was not found: it must not count
  rows.found = {true, false, true};
  rows.found_count = 2;
  EXPECT_NEAR(found_values_stddev(rows), std::sqrt(5.0), 1e-12);  // values 1, -1, 3, -3
  rows.found = {false, false, false};
  rows.found_count = 0;
  EXPECT_EQ(found_values_stddev(rows), 0.0);
}

constexpr std::string_view kTextManifest = R"({
  "format": "secnlp-model", "version": 1, "task": "text", "model": "lstm",
  "model_options": {"hidden": 32}, "classes": ["negative", "neutral", "positive"],
  "text": {"preprocess": {"lowercase": true}, "vocabulary": {"size": 1200},
           "sequence_length": 64, "padding": "pre", "truncating": "post"},
  "files": {"model.pt": {"bytes": 1234, "hash": "0123abcd"}}
})";

constexpr std::string_view kVisionManifest = R"({
  "format": "secnlp-model", "version": 1, "task": "vision", "model": "cnn", "model_options": {},
  "classes": ["0", "1"], "files": {},
  "vision": {"channels": 1, "height": 28, "width": 28, "mean": [0.13], "std": [0.31]}
})";

TEST(ModelManifest, ParsesTextAndVisionManifests) {
  const auto text = parse_model_manifest(kTextManifest, "m/manifest.json");
  EXPECT_EQ(text.task, "text");
  EXPECT_EQ(text.model, "lstm");
  EXPECT_EQ(text.model_options_json, R"({"hidden":32})");
  EXPECT_EQ(text.classes.size(), 3u);
  ASSERT_EQ(text.files.size(), 1u);
  EXPECT_EQ(text.files[0].name, "model.pt");
  EXPECT_EQ(text.files[0].bytes, 1234u);
  EXPECT_EQ(text.files[0].hash, "0123abcd");
  EXPECT_EQ(text.text.vocabulary_size, 1200u);
  EXPECT_EQ(text.text.sequence_length, 64u);
  EXPECT_EQ(text.text.truncating, "post");

  const auto vision = parse_model_manifest(kVisionManifest, "m/manifest.json");
  EXPECT_EQ(vision.vision.height, 28);
  EXPECT_EQ(vision.vision.mean, std::vector<float>{0.13f});
}

TEST(ModelManifest, RefusesDamagedManifests) {
  auto replaced = [](std::string_view base, std::string_view from, std::string_view to) {
    std::string s(base);
    s.replace(s.find(from), from.size(), to);
    return s;
  };
  const struct {
    std::string json;
    const char* message;
  } cases[] = {
      {"{oops", "malformed manifest"},
      {"[]", "not a secnlp model manifest"},
      {replaced(kTextManifest, "secnlp-model", "keras-model"), "not a secnlp model manifest"},
      {replaced(kTextManifest, R"("format": "secnlp-model")", R"("format": 7)"),
       "not a secnlp model manifest"},
      {replaced(kTextManifest, R"("version": 1)", R"("version": 99)"), "newer"},
      // fuzz_model_manifest's reproducer: a version too large for an int (converting it was
      // undefined behaviour), and other numbers that are not an int.
      {replaced(kTextManifest, R"("version": 1)",
                R"("version": 188888888666666666666660000000000000000)"),
       "malformed manifest"},
      {replaced(kTextManifest, R"("version": 1)", R"("version": 1.5)"), "malformed manifest"},
      {replaced(kTextManifest, R"("version": 1)", R"("version": 4294967297)"),
       "malformed manifest"},
      {replaced(kTextManifest, R"("task": "text")", R"("task": "audio")"), "unknown task"},
      {replaced(kTextManifest, R"("classes": ["negative")", R"("classes": [7)"),
       "malformed manifest"},
      {replaced(kTextManifest, R"("padding": "pre")", R"("padding": "middle")"),
       "malformed manifest"},
      {replaced(kTextManifest, R"("lowercase": true)", R"("lowercase": 1)"), "model manifest"},
      {replaced(kTextManifest, R"("size": 1200)", R"("size": -5)"), "malformed manifest"},
      {replaced(kTextManifest, R"("bytes": 1234)", R"("bytes": "x")"), "malformed manifest"},
      {replaced(kVisionManifest, R"("mean": [0.13])", R"("mean": 0.13)"), "malformed manifest"},
      {replaced(kVisionManifest, R"("vision": {)", R"("visio": {)"), "malformed manifest"},
  };
  for (const auto& c : cases) {
    try {
      parse_model_manifest(c.json, "m/manifest.json");
      ADD_FAILURE() << "accepted: " << c.json;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kResource) << e.what();
      EXPECT_EQ(e.path(), "m/manifest.json");
      EXPECT_NE(e.message().find(c.message), std::string::npos) << c.json << "\n" << e.message();
    }
  }
}

}  // namespace
}  // namespace secnlp::models
