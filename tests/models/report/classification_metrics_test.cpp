#include "models/report/classification_metrics.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "tests/support/test_data.h"

namespace secnlp::models {
namespace {

constexpr double kTolerance = 1e-12;

nlohmann::json expected_cases() {
  return nlohmann::json::parse(
      testing::read_file(testing::fixture_path("report/classification_expected.json")))["cases"];
}

// Every case of tests/data/report/classification_expected.json (scikit-learn 1.2.1): per-class
// scores, averages, accuracy and confusion matrix to 1e-12, and the text table character for
// character.
TEST(ClassificationReportTest, MatchesScikitLearn) {
  const nlohmann::json cases = expected_cases();
  ASSERT_GE(cases.size(), 9u);
  for (const auto& c : cases) {
    SCOPED_TRACE(c["name"].get<std::string>());
    const auto truth = c["truth"].get<std::vector<int>>();
    const auto predicted = c["predicted"].get<std::vector<int>>();
    const auto k = c["num_classes"].get<std::size_t>();
    const auto names = c["class_names"].get<std::vector<std::string>>();
    const ClassificationReport r = classification_report(truth, predicted, k);

    EXPECT_EQ(r.count, truth.size());
    EXPECT_NEAR(r.accuracy, c["accuracy"].get<double>(), kTolerance);
    EXPECT_NEAR(r.macro_precision, c["macro_precision"].get<double>(), kTolerance);
    EXPECT_NEAR(r.macro_recall, c["macro_recall"].get<double>(), kTolerance);
    EXPECT_NEAR(r.macro_f1, c["macro_f1"].get<double>(), kTolerance);
    EXPECT_NEAR(r.weighted_precision, c["weighted_precision"].get<double>(), kTolerance);
    EXPECT_NEAR(r.weighted_recall, c["weighted_recall"].get<double>(), kTolerance);
    EXPECT_NEAR(r.weighted_f1, c["weighted_f1"].get<double>(), kTolerance);
    ASSERT_EQ(r.per_class.size(), k);
    for (std::size_t i = 0; i < k; ++i) {
      SCOPED_TRACE(i);
      EXPECT_NEAR(r.per_class[i].precision, c["precision"][i].get<double>(), kTolerance);
      EXPECT_NEAR(r.per_class[i].recall, c["recall"][i].get<double>(), kTolerance);
      EXPECT_NEAR(r.per_class[i].f1, c["f1"][i].get<double>(), kTolerance);
      EXPECT_EQ(r.per_class[i].support, c["support"][i].get<std::size_t>());
    }
    EXPECT_EQ(r.confusion, c["confusion"].get<std::vector<std::vector<std::size_t>>>());
    EXPECT_EQ(format_report(r, names), c["report"].get<std::string>());
  }
}

// The fixture must exercise the zero_division paths it is there for.
TEST(ClassificationReportTest, FixtureCoversAbsentClasses) {
  bool never_predicted = false;
  bool absent_from_truth = false;
  for (const auto& c : expected_cases()) {
    const auto k = c["num_classes"].get<std::size_t>();
    const ClassificationReport r = classification_report(c["truth"].get<std::vector<int>>(),
                                                         c["predicted"].get<std::vector<int>>(), k);
    for (std::size_t i = 0; i < k; ++i) {
      std::size_t predicted_as_i = 0;
      for (const auto& row : r.confusion)
        predicted_as_i += row[i];
      never_predicted = never_predicted || (predicted_as_i == 0 && r.per_class[i].support > 0);
      absent_from_truth = absent_from_truth || (r.per_class[i].support == 0 && predicted_as_i > 0);
    }
  }
  EXPECT_TRUE(never_predicted);
  EXPECT_TRUE(absent_from_truth);
}

TEST(ClassificationReportTest, EmptyInputGivesZeros) {
  const ClassificationReport r = classification_report({}, {}, 3);
  EXPECT_EQ(r.count, 0u);
  EXPECT_EQ(r.accuracy, 0);
  EXPECT_EQ(r.macro_f1, 0);
  EXPECT_EQ(r.weighted_f1, 0);
  EXPECT_EQ(r.per_class.size(), 3u);
  EXPECT_EQ(r.confusion, std::vector<std::vector<std::size_t>>(3, std::vector<std::size_t>(3)));
}

TEST(ClassificationReportTest, RejectsBadInput) {
  struct Case {
    const char* name;
    std::vector<int> truth;
    std::vector<int> predicted;
    std::size_t num_classes;
  };
  const std::vector<Case> cases = {
      {"lengths differ", {0, 1}, {0}, 2},
      {"no classes", {}, {}, 0},
      {"negative true label", {0, -1}, {0, 0}, 2},
      {"true label == num_classes", {0, 2}, {0, 0}, 2},
      {"predicted label too big", {0, 1}, {0, 7}, 2},
      {"negative predicted label", {0}, {-3}, 2},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      classification_report(c.truth, c.predicted, c.num_classes);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    }
  }
}

TEST(ClassificationReportTest, JsonCarriesEveryField) {
  const std::vector<int> truth = {0, 1, 2, 2, 1};
  const std::vector<int> predicted = {0, 2, 2, 1, 1};
  const ClassificationReport r = classification_report(truth, predicted, 3);
  const std::vector<std::string> names = {"neg", "neutral \"quoted\"", "pos"};
  const auto j = nlohmann::json::parse(to_json(r, names));
  EXPECT_EQ(j["count"].get<std::size_t>(), 5u);
  EXPECT_EQ(j["accuracy"].get<double>(), r.accuracy);  // exact: doubles round-trip
  EXPECT_EQ(j["macro_f1"].get<double>(), r.macro_f1);
  EXPECT_EQ(j["weighted_f1"].get<double>(), r.weighted_f1);
  ASSERT_EQ(j["classes"].size(), 3u);
  EXPECT_EQ(j["classes"][1]["name"].get<std::string>(), names[1]);
  EXPECT_EQ(j["classes"][1]["precision"].get<double>(), r.per_class[1].precision);
  EXPECT_EQ(j["classes"][2]["support"].get<std::size_t>(), 2u);
  EXPECT_EQ(j["confusion"].get<std::vector<std::vector<std::size_t>>>(), r.confusion);

  const auto unnamed = nlohmann::json::parse(to_json(r, {}));
  EXPECT_EQ(unnamed["classes"][2]["name"].get<std::string>(), "2");
}

TEST(ClassificationReportTest, RejectsWrongNumberOfNames) {
  const std::vector<int> labels = {0, 1};
  const ClassificationReport r = classification_report(labels, labels, 2);
  const std::vector<std::vector<std::string>> cases = {{"a"}, {"a", "b", "c"}};
  for (const auto& names : cases) {
    EXPECT_THROW(to_json(r, names), Error);
    EXPECT_THROW(format_report(r, names), Error);
  }
}

}  // namespace
}  // namespace secnlp::models
