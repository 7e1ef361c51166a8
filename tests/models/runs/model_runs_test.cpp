// A text model scoring stored sections (models::score_sections): filings the test writes are
// processed into a temporary store, a tiny bag-of-words model is trained on sentences the test
// writes, and its per-section scores are checked in the metrics table.
#include "models/runs/model_runs.h"

#include <fstream>
#include <map>
#include <random>

#include <gtest/gtest.h>

#include "common/error.h"
#include "pipeline/runner.h"
#include "pipeline/store/database.h"
#include "tests/support/test_data.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kNegative = {"loss", "decline", "weak", "impairment", "lawsuit"};
const std::vector<std::string> kNeutral = {"unchanged", "stable", "steady", "flat", "maintained"};
const std::vector<std::string> kPositive = {"growth", "profit", "strong", "gain", "record"};

// Sentences of the classes `words` lists (name, words), told apart by their words; the filler
// words are shared.
corpora::LabelledTexts labelled_sentences(
    std::size_t n, const std::vector<std::pair<std::string, std::vector<std::string>>>& words) {
  const char* filler[] = {"the", "company", "may", "see", "our", "results", "a"};
  std::mt19937 rng(3);
  corpora::LabelledTexts data;
  for (const auto& [name, unused] : words)
    data.classes.push_back(name);
  for (std::size_t i = 0; i < n; ++i) {
    const auto label = i % words.size();
    const auto& own = words[label].second;
    std::string text;
    for (int w = 0; w < 3; ++w)
      text += std::string(filler[rng() % 7]) + " " + own[rng() % own.size()] + " ";
    text.pop_back();
    data.texts.push_back(text);
    data.labels.push_back(static_cast<int>(label));
  }
  return data;
}

corpora::LabelledTexts tone_sentences(std::size_t n) {
  return labelled_sentences(n, {{"negative", kNegative}, {"positive", kPositive}});
}

models::TrainOptions quick() {
  models::TrainOptions o;
  o.epochs = 6;
  o.batch_size = 8;
  o.patience = 0;
  o.device = "cpu";
  o.threads = 1;
  o.seed = 11;
  o.optimizer.learning_rate = 0.05;
  return o;
}

std::string ten_k(const std::string& risks) {
  std::string s = "FORM 10-K\n\nITEM 1.  BUSINESS\n\nWe make anvils for customers worldwide.\n\n";
  if (!risks.empty()) s += "ITEM 1A.  RISK FACTORS\n\n" + risks + "\n\n";
  return s + "ITEM 7.  MANAGEMENT'S DISCUSSION AND ANALYSIS\n\nRevenue grew this year.\n";
}

// Metric rows of one document: name -> value, for one scope.
using Metrics = std::map<std::string, double>;

class ModelRunsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write("GLOOM_10k_2021.txt",
          ten_k("A lawsuit could cause a loss. We may see a decline and weak demand. An "
                "impairment could follow a further loss. Our weak markets may decline."));
    write("SUNNY_10k_2021.txt",
          ten_k("We expect record growth. Our strong profit may gain further. A record gain "
                "could bring strong growth."));
    write("MIXED_10k_2022.txt",
          ten_k("Profit growth may be strong. A lawsuit may cause a loss. Weak demand could "
                "cause a decline."));
    write("NORISK_10k_2021.txt", ten_k(""));  // no Item 1A
    pipeline::ProcessOptions o;
    o.inputs = {dir_.path() / "in"};
    o.db = db_;
    o.threads = 1;
    o.progress = pipeline::ProgressMode::kOff;
    const auto summary = pipeline::process_documents(o);
    ASSERT_EQ(summary.failures.size(), 0u);

    models::TextDataOptions prep;
    prep.preprocess.stopwords = "english";
    models::train_text_classifier(tone_sentences(160), prep, {"bow", R"({"hidden_sizes": [8]})"},
                                  quick(), model_);
  }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories(dir_.path() / "in");
    std::ofstream(dir_.path() / "in" / name) << text;
  }
  ScoreRequest request() const {
    ScoreRequest r;
    r.db = db_;
    r.model_dir = model_;
    r.item = "1A";
    r.device = "cpu";
    return r;
  }
  std::map<std::string, std::int64_t> doc_ids() const {
    std::map<std::string, std::int64_t> out;  // ticker -> id
    store::Connection db(db_.string());
    store::Statement st = db.prepare("SELECT ticker, id FROM documents");
    while (st.step())
      out[st.column_text(0)] = st.column_int(1);
    return out;
  }
  // ticker -> (scope -> metrics named model.<name>.*, without the prefix).
  std::map<std::string, std::map<std::string, Metrics>> model_metrics(
      const std::string& name) const {
    std::map<std::string, std::map<std::string, Metrics>> out;
    store::Connection db(db_.string());
    store::Statement st = db.prepare(
        "SELECT d.ticker, m.scope, m.name, m.value FROM metrics m JOIN documents d ON "
        "d.id = m.doc_id WHERE m.name LIKE ?");
    st.bind(1, "model." + name + ".%");
    while (st.step())
      out[st.column_text(0)][st.column_text(1)][st.column_text(2).substr(name.size() + 7)] =
          st.column_double(3);
    return out;
  }
  std::int64_t model_rows() const {
    store::Connection db(db_.string());
    store::Statement st = db.prepare("SELECT count(*) FROM metrics WHERE name LIKE 'model.%'");
    return st.step() ? st.column_int(0) : -1;
  }
  testing::TempDir dir_;
  fs::path db_ = dir_.path() / "s.db";
  fs::path model_ = dir_.path() / "tone";
};

TEST_F(ModelRunsTest, ScoresEverySectionIntoMetricsNamedAfterTheModel) {
  const pipeline::ResultTable t = score_sections(request());
  EXPECT_EQ(t.columns, (std::vector<std::string>{"document", "ticker", "fiscal_year", "section",
                                                 "sentences", "p_negative", "p_positive"}));
  ASSERT_EQ(t.rows.size(), 3u);  // NORISK has no Item 1A

  const auto metrics = model_metrics("tone");
  EXPECT_EQ(metrics.count("NORISK"), 0u);
  for (const auto& row : t.rows) {
    const std::string ticker = std::get<std::string>(row[1]);
    EXPECT_EQ(std::get<std::string>(row[3]), "1A");
    ASSERT_EQ(metrics.count(ticker), 1u) << ticker;
    ASSERT_EQ(metrics.at(ticker).size(), 1u) << ticker;  // one scope only
    ASSERT_EQ(metrics.at(ticker).count("1A"), 1u) << ticker;
    const Metrics& m = metrics.at(ticker).at("1A");
    EXPECT_EQ(m.size(), 5u) << ticker;  // sentences, p_ and share_ of two classes
    for (const char* name :
         {"sentences", "p_negative", "p_positive", "share_negative", "share_positive"})
      ASSERT_EQ(m.count(name), 1u) << ticker << " " << name;
    // The table and the store agree.
    EXPECT_EQ(m.at("sentences"), static_cast<double>(std::get<std::int64_t>(row[4]))) << ticker;
    EXPECT_DOUBLE_EQ(m.at("p_negative"), std::get<double>(row[5])) << ticker;
    EXPECT_DOUBLE_EQ(m.at("p_positive"), std::get<double>(row[6])) << ticker;
    // The risk factors have 3 or 4 sentences (the heading may count as one more).
    EXPECT_GE(m.at("sentences"), 3.0) << ticker;
    EXPECT_LE(m.at("sentences"), 5.0) << ticker;
    EXPECT_NEAR(m.at("p_negative") + m.at("p_positive"), 1.0, 1e-5) << ticker;
    EXPECT_NEAR(m.at("share_negative") + m.at("share_positive"), 1.0, 1e-9) << ticker;
    for (const auto& [name, value] : m) {
      EXPECT_GE(value, 0.0) << ticker << " " << name;
      if (name != "sentences") {
        EXPECT_LE(value, 1.0) << ticker << " " << name;
      }
    }
  }
  // Each document gets its own scores: the gloomy risk factors read more negative.
  const Metrics& gloom = metrics.at("GLOOM").at("1A");
  const Metrics& sunny = metrics.at("SUNNY").at("1A");
  const Metrics& mixed = metrics.at("MIXED").at("1A");
  EXPECT_GT(gloom.at("p_negative"), 0.5);
  EXPECT_LT(sunny.at("p_negative"), 0.5);
  EXPECT_GT(gloom.at("share_negative"), sunny.at("share_negative"));
  EXPECT_GT(mixed.at("p_negative"), sunny.at("p_negative"));
  EXPECT_LT(mixed.at("p_negative"), gloom.at("p_negative"));
}

TEST_F(ModelRunsTest, RescoringReplacesTheRowsInsteadOfAddingMore) {
  score_sections(request());
  const auto rows = model_rows();
  const auto first = model_metrics("tone");
  EXPECT_EQ(rows, 3 * 5);
  score_sections(request());
  EXPECT_EQ(model_rows(), rows);
  EXPECT_EQ(model_metrics("tone"), first);
}

// A model retrained with other classes under the same name: its scores replace all the old
// ones, none of the old classes' rows are left beside them.
TEST_F(ModelRunsTest, RescoringWithARetrainedModelLeavesNoRowsOfTheOldClasses) {
  const fs::path three = dir_.path() / "v1" / "tone";
  models::train_text_classifier(
      labelled_sentences(150,
                         {{"negative", kNegative}, {"neutral", kNeutral}, {"positive", kPositive}}),
      {}, {"bow", R"({"hidden_sizes": [8]})"}, quick(), three);
  ScoreRequest old = request();
  old.model_dir = three;
  ASSERT_EQ(score_sections(old).columns.size(), 8u);
  EXPECT_EQ(model_rows(), 3 * 7);  // sentences + p_ and share_ of three classes

  score_sections(request());  // the two-class model, also named "tone"
  EXPECT_EQ(model_rows(), 3 * 5);
  for (const auto& [ticker, scopes] : model_metrics("tone")) {
    const Metrics& m = scopes.at("1A");
    EXPECT_EQ(m.count("p_neutral"), 0u) << ticker;
    EXPECT_EQ(m.count("share_neutral"), 0u) << ticker;
    EXPECT_NEAR(m.at("p_negative") + m.at("p_positive"), 1.0, 1e-5) << ticker;
  }
}

TEST_F(ModelRunsTest, DocIdsAndTheFilterRestrictWhatIsScored) {
  const auto ids = doc_ids();
  ScoreRequest r = request();
  r.doc_ids = {ids.at("MIXED"), ids.at("NORISK")};
  const pipeline::ResultTable t = score_sections(r);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(t.rows[0][1]), "MIXED");
  auto metrics = model_metrics("tone");
  ASSERT_EQ(metrics.size(), 1u);
  EXPECT_EQ(metrics.begin()->first, "MIXED");

  ScoreRequest by_ticker = request();
  by_ticker.filter.ticker = "SUNNY";
  ASSERT_EQ(score_sections(by_ticker).rows.size(), 1u);
  metrics = model_metrics("tone");
  EXPECT_EQ(metrics.size(), 2u);
  EXPECT_EQ(metrics.count("SUNNY"), 1u);
}

TEST_F(ModelRunsTest, NameDefaultsToTheModelFolderAndItemIsCaseInsensitive) {
  ScoreRequest r = request();
  r.model_dir = model_.string() + "/";  // a trailing slash still names the folder
  r.item = "1a";
  ASSERT_EQ(score_sections(r).rows.size(), 3u);
  const auto metrics = model_metrics("tone");
  ASSERT_EQ(metrics.size(), 3u);
  for (const auto& [ticker, scopes] : metrics)
    EXPECT_EQ(scopes.count("1A"), 1u) << ticker;  // the stored item, not the query's spelling

  ScoreRequest named = request();
  named.name = "fpb";
  score_sections(named);
  EXPECT_EQ(model_metrics("fpb").size(), 3u);
  EXPECT_EQ(model_rows(), 2 * 3 * 5);
}

TEST_F(ModelRunsTest, WholeFilingIsScoredWithTheEmptyScope) {
  ScoreRequest r = request();
  r.item = "filing";
  const pipeline::ResultTable t = score_sections(r);
  ASSERT_EQ(t.rows.size(), 4u);  // every document, NORISK too
  const auto metrics = model_metrics("tone");
  ASSERT_EQ(metrics.size(), 4u);
  for (const auto& [ticker, scopes] : metrics) {
    ASSERT_EQ(scopes.count(""), 1u) << ticker;
    const Metrics& m = scopes.at("");
    EXPECT_GT(m.at("sentences"), 0.0) << ticker;
    EXPECT_NEAR(m.at("p_negative") + m.at("p_positive"), 1.0, 1e-5) << ticker;
  }
}

TEST_F(ModelRunsTest, MissingSectionScoresNothing) {
  ScoreRequest r = request();
  r.item = "9B";
  const pipeline::ResultTable t = score_sections(r);
  EXPECT_TRUE(t.rows.empty());
  EXPECT_EQ(t.columns.size(), 7u);
  EXPECT_EQ(model_rows(), 0);
}

TEST_F(ModelRunsTest, MissingModelDatabaseOrAVisionModelIsAClearError) {
  auto expect_error = [](const ScoreRequest& r, ErrorCode code, const std::string& part) {
    try {
      score_sections(r);
      ADD_FAILURE() << "no error for " << part;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), code) << e.what();
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    }
  };
  ScoreRequest no_model = request();
  no_model.model_dir = dir_.path() / "nosuchmodel";
  expect_error(no_model, ErrorCode::kResource, "nosuchmodel");

  ScoreRequest no_db = request();
  no_db.db = dir_.path() / "nosuch.db";
  expect_error(no_db, ErrorCode::kIo, "nosuch.db");
  EXPECT_FALSE(fs::exists(no_db.db));  // not created by the attempt

  // A vision model cannot score text.
  corpora::ImageSet images;
  images.channels = 1;
  images.height = images.width = 4;
  images.classes = {"dark", "light"};
  images.count = 20;
  for (std::size_t i = 0; i < images.count; ++i) {
    images.labels.push_back(static_cast<int>(i % 2));
    images.pixels.insert(images.pixels.end(), 16, static_cast<std::uint8_t>(i % 2 ? 200 : 30));
  }
  models::TrainOptions o = quick();
  o.epochs = 1;
  const fs::path vision = dir_.path() / "vision";
  models::train_image_classifier(images, {}, {"mlp", R"({"hidden_sizes": [4]})"}, o, vision);
  ScoreRequest wrong_task = request();
  wrong_task.model_dir = vision;
  expect_error(wrong_task, ErrorCode::kInvalidArgument, "text model");
  EXPECT_EQ(model_rows(), 0);
}

}  // namespace
}  // namespace secnlp::models
