#include "pipeline/store/training_records.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "common/error.h"
#include "pipeline/store/database.h"
#include "pipeline/store/schema.h"
#include "tests/support/test_data.h"

namespace secnlp::store {
namespace {

// Equal, with NaN equal to NaN (NaN is how a NULL column reads back).
void expect_same(double actual, double expected, const char* field) {
  if (std::isnan(expected)) {
    EXPECT_TRUE(std::isnan(actual)) << field << " = " << actual;
  } else {
    EXPECT_EQ(actual, expected) << field;
  }
}

void expect_same(const TrainingEpochRecord& a, const TrainingEpochRecord& b) {
  EXPECT_EQ(a.epoch, b.epoch);
  expect_same(a.train_loss, b.train_loss, "train_loss");
  expect_same(a.train_accuracy, b.train_accuracy, "train_accuracy");
  expect_same(a.val_loss, b.val_loss, "val_loss");
  expect_same(a.val_accuracy, b.val_accuracy, "val_accuracy");
  expect_same(a.val_macro_f1, b.val_macro_f1, "val_macro_f1");
  expect_same(a.learning_rate, b.learning_rate, "learning_rate");
  expect_same(a.seconds, b.seconds, "seconds");
  EXPECT_EQ(a.metrics, b.metrics);
}

TrainingRunRecord sample_run(std::string name = "sentiment-lstm") {
  TrainingRunRecord run;
  run.name = std::move(name);
  run.task = "text";
  run.model = "lstm";
  run.dataset = "data/fin_phrasebank.jsonl";
  run.out_dir = "out/sentiment-lstm";
  run.options = R"({"epochs":3,"lr":0.001})";
  run.device = "cpu";
  return run;
}

std::vector<TrainingEpochRecord> sample_epochs() {
  return {
      {1, 1.05, 0.52, 0.98, 0.55, 0.41, 1e-3, 12.5, R"({"accuracy":0.55})"},
      {2, 0.71, 0.70, kNoValue /* not measured */, 0.68, 0.60, 1e-3, 11.9, ""},
      {3, kNoValue /* diverged */, 0.80, 0.61, 0.74, 0.70, 5e-4, 12.1, "{}"},
  };
}

class TrainingRecordsTest : public ::testing::Test {
 protected:
  secnlp::testing::TempDir dir_;
  std::string path_ = (dir_.path() / "results.sqlite").string();
};

TEST_F(TrainingRecordsTest, VersionFourUpgradesKeepingItsRows) {
  {
    Connection db(path_);
    migrate(db, 4);
    db.exec(
        "INSERT INTO fetches (accession, url, path, fetched_at) "
        "VALUES ('0000320193-23-000106', 'https://x', 'a/b.txt', '2024-01-01T00:00:00Z')");
    EXPECT_THROW(list_training_runs(db), Error);  // no table yet: the test starts at version 4
  }
  Connection db(path_);
  // begin_training_run migrates a database opened without DocumentStore.
  const std::int64_t id = begin_training_run(db, sample_run());
  Statement version = db.prepare("PRAGMA user_version");
  ASSERT_TRUE(version.step());
  EXPECT_EQ(version.column_int(0), kSchemaVersion);
  Statement fetches = db.prepare("SELECT count(*) FROM fetches");
  ASSERT_TRUE(fetches.step());
  EXPECT_EQ(fetches.column_int(0), 1);
  ASSERT_EQ(list_training_runs(db).size(), 1u);
  EXPECT_EQ(list_training_runs(db)[0].id, id);
}

TEST_F(TrainingRecordsTest, RunWithThreeEpochsRoundTrips) {
  Connection db(path_);
  migrate(db);
  const TrainingRunRecord run = sample_run();
  const std::int64_t id = begin_training_run(db, run);
  for (const auto& epoch : sample_epochs())
    record_training_epoch(db, id, epoch);

  const auto runs = list_training_runs(db);
  ASSERT_EQ(runs.size(), 1u);
  const TrainingRunRecord& got = runs[0];
  EXPECT_EQ(got.id, id);
  EXPECT_EQ(got.name, run.name);
  EXPECT_EQ(got.task, run.task);
  EXPECT_EQ(got.model, run.model);
  EXPECT_EQ(got.dataset, run.dataset);
  EXPECT_EQ(got.out_dir, run.out_dir);
  EXPECT_EQ(got.options, run.options);
  EXPECT_EQ(got.device, run.device);
  EXPECT_EQ(got.status, "running");
  EXPECT_EQ(got.started_at.size(), std::string("2026-11-21T12:00:00Z").size()) << got.started_at;
  EXPECT_EQ(got.finished_at, "");
  EXPECT_EQ(got.best_epoch, std::nullopt);
  EXPECT_EQ(got.test_metrics, "");
  EXPECT_TRUE(std::isnan(got.test_accuracy));
  EXPECT_TRUE(std::isnan(got.test_macro_f1));
  EXPECT_TRUE(std::isnan(got.seconds));

  const auto epochs = list_training_epochs(db, id);
  const auto expected = sample_epochs();
  ASSERT_EQ(epochs.size(), expected.size());
  for (std::size_t i = 0; i < epochs.size(); ++i) {
    SCOPED_TRACE(i);
    expect_same(epochs[i], expected[i]);
  }
  EXPECT_TRUE(list_training_epochs(db, id + 1).empty());
  ASSERT_TRUE(find_training_run(db, id));
  EXPECT_EQ(find_training_run(db, id)->name, run.name);
  EXPECT_FALSE(find_training_run(db, id + 1));
}

TEST_F(TrainingRecordsTest, ReRecordingAnEpochReplacesIt) {
  Connection db(path_);
  migrate(db);
  const std::int64_t id = begin_training_run(db, sample_run());
  const std::int64_t other = begin_training_run(db, sample_run("other"));
  auto epochs = sample_epochs();
  for (const auto& epoch : epochs)
    record_training_epoch(db, id, epoch);
  record_training_epoch(db, other, epochs[1]);
  // A resumed run records epochs 2 and 3 again, out of order.
  epochs[2].train_loss = 0.5;
  epochs[1] = {2, 0.6, 0.75, 0.6, 0.7, 0.65, 2e-4, 3.0, R"({"resumed":true})"};
  record_training_epoch(db, id, epochs[2]);
  record_training_epoch(db, id, epochs[1]);

  const auto got = list_training_epochs(db, id);
  ASSERT_EQ(got.size(), 3u);
  for (std::size_t i = 0; i < got.size(); ++i) {
    SCOPED_TRACE(i);
    expect_same(got[i], epochs[i]);
  }
  ASSERT_EQ(list_training_epochs(db, other).size(), 1u);  // the other run is untouched
  expect_same(list_training_epochs(db, other)[0], sample_epochs()[1]);
}

TEST_F(TrainingRecordsTest, FinishingSetsStatusAndMetrics) {
  Connection db(path_);
  migrate(db);
  struct Case {
    const char* status;
    const char* expected_status;
    const char* finished_at;
  };
  const std::vector<Case> cases = {{"finished", "finished", "2026-11-21T13:00:00Z"},
                                   {"failed", "failed", ""},
                                   {"", "finished", ""}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.status);
    const std::int64_t id = begin_training_run(db, sample_run(c.status));
    TrainingRunRecord final_state;
    final_state.status = c.status;
    final_state.finished_at = c.finished_at;
    final_state.epochs = 3;
    final_state.best_epoch = 2;
    final_state.test_metrics = R"({"accuracy":0.75,"macro_f1":0.7})";
    final_state.test_accuracy = 0.75;
    final_state.test_macro_f1 = 0.7;
    final_state.seconds = 36.5;
    final_state.name = "ignored";
    finish_training_run(db, id, final_state);

    const auto got = find_training_run(db, id);
    ASSERT_TRUE(got);
    EXPECT_EQ(got->status, c.expected_status);
    if (*c.finished_at) {
      EXPECT_EQ(got->finished_at, c.finished_at);
    } else {
      EXPECT_FALSE(got->finished_at.empty());
    }
    EXPECT_EQ(got->epochs, 3);
    EXPECT_EQ(got->best_epoch, 2);
    EXPECT_EQ(got->test_metrics, final_state.test_metrics);
    EXPECT_EQ(got->test_accuracy, 0.75);
    EXPECT_EQ(got->test_macro_f1, 0.7);
    EXPECT_EQ(got->seconds, 36.5);
    EXPECT_EQ(got->name, c.status);  // begun fields are kept
    EXPECT_EQ(got->options, sample_run().options);
  }
  EXPECT_EQ(list_training_runs(db).size(), cases.size());
}

TEST_F(TrainingRecordsTest, DeletingARunDeletesItsEpochs) {
  Connection db(path_);
  migrate(db);
  const std::int64_t id = begin_training_run(db, sample_run());
  for (const auto& epoch : sample_epochs())
    record_training_epoch(db, id, epoch);
  Statement del = db.prepare("DELETE FROM training_runs WHERE id = ?");
  del.bind(1, id).run();
  Statement left = db.prepare("SELECT count(*) FROM training_epochs");
  ASSERT_TRUE(left.step());
  EXPECT_EQ(left.column_int(0), 0);
}

TEST_F(TrainingRecordsTest, RejectsInvalidRecords) {
  Connection db(path_);
  migrate(db);
  const std::int64_t id = begin_training_run(db, sample_run());
  const auto run_with_task = [](const char* task) {
    TrainingRunRecord run = sample_run();
    run.task = task;
    return run;
  };
  const auto with_status = [](const char* status) {
    TrainingRunRecord run;
    run.status = status;
    return run;
  };
  struct Case {
    const char* name;
    std::function<void()> call;
    ErrorCode code;
  };
  const std::vector<Case> cases = {
      {"task audio", [&] { begin_training_run(db, run_with_task("audio")); },
       ErrorCode::kInvalidArgument},
      {"task empty", [&] { begin_training_run(db, run_with_task("")); },
       ErrorCode::kInvalidArgument},
      {"task case", [&] { begin_training_run(db, run_with_task("Text")); },
       ErrorCode::kInvalidArgument},
      {"epoch 0", [&] { record_training_epoch(db, id, {.epoch = 0}); },
       ErrorCode::kInvalidArgument},
      {"negative epoch", [&] { record_training_epoch(db, id, {.epoch = -2}); },
       ErrorCode::kInvalidArgument},
      {"epoch of unknown run", [&] { record_training_epoch(db, id + 99, {.epoch = 1}); },
       ErrorCode::kDatabase},
      {"finish as running", [&] { finish_training_run(db, id, with_status("running")); },
       ErrorCode::kInvalidArgument},
      {"finish as done", [&] { finish_training_run(db, id, with_status("done")); },
       ErrorCode::kInvalidArgument},
      {"finish unknown run", [&] { finish_training_run(db, id + 99, with_status("finished")); },
       ErrorCode::kInvalidArgument},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      c.call();
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), c.code) << e.what();
    }
  }
  // Nothing above changed the stored run.
  ASSERT_EQ(list_training_runs(db).size(), 1u);
  EXPECT_EQ(list_training_runs(db)[0].status, "running");
  EXPECT_TRUE(list_training_epochs(db, id).empty());
}

}  // namespace
}  // namespace secnlp::store
