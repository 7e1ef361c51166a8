#pragma once
// Training runs of `secnlp train` recorded in the results database (schema version 5):
//   training_runs    one row per run: what was trained on what, options, device, times, outcome
//                    and test scores
//   training_epochs  one row per (run, epoch): losses, accuracies, learning rate, time; deleted
//                    with their run
//
// Conventions: a REAL column holds NaN as NULL, so a NaN field (a loss that diverged, a score not
// measured) is stored as NULL and reads back as NaN. Text fields are stored as given; an empty
// finished_at or test_metrics is NULL until the run finishes. JSON fields (options, metrics) are
// stored verbatim, not parsed.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace secnlp::store {

class Connection;

inline constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

struct TrainingRunRecord {
  std::int64_t id = 0;      // assigned by begin_training_run
  std::string name;         // the run's name (e.g. the output folder's name)
  std::string task;         // "text" or "vision"
  std::string model;        // e.g. "lstm", "gru", "mlp", "cnn"
  std::string dataset;      // the dataset path or name
  std::string out_dir;      // where checkpoints and plots go
  std::string options;      // the command's options as JSON
  std::string device;       // e.g. "cpu", "cuda:0"
  std::string started_at;   // ISO 8601 UTC; begin_training_run fills it when empty
  std::string finished_at;  // set by finish_training_run
  std::string status;       // "running", "finished" or "failed"
  int epochs = 0;           // epochs completed
  std::optional<int> best_epoch;
  std::string test_metrics;  // JSON (models::to_json of the test ClassificationReport)
  double test_accuracy = kNoValue;
  double test_macro_f1 = kNoValue;
  double seconds = kNoValue;  // wall time of the whole run
};

struct TrainingEpochRecord {
  int epoch = 0;  // 1-based
  double train_loss = kNoValue;
  double train_accuracy = kNoValue;
  double val_loss = kNoValue;
  double val_accuracy = kNoValue;
  double val_macro_f1 = kNoValue;
  double learning_rate = kNoValue;
  double seconds = kNoValue;
  std::string metrics;  // JSON, e.g. the validation ClassificationReport; may be empty
};

// Inserts a run with status "running" (whatever run.status says) and started_at = run.started_at
// or now; ignores run.id, finished_at and the final-state fields except epochs. Returns the new
// id. Brings an older database to the current schema first (migrate). Throws
// Error(kInvalidArgument) when task is not "text" or "vision", Error(kDatabase) on SQLite
// failures.
std::int64_t begin_training_run(Connection& db, const TrainingRunRecord& run);

// Records one epoch of `run_id`, replacing an earlier record of the same epoch (a resumed run
// re-recording it). Throws Error(kInvalidArgument) for an epoch below 1, Error(kDatabase) when
// the run does not exist (foreign key).
void record_training_epoch(Connection& db, std::int64_t run_id, const TrainingEpochRecord& epoch);

// Sets the final state of `run_id` from `final_state`: status ("finished" when empty, else
// "finished" or "failed"), finished_at (now when empty), epochs, best_epoch, test_metrics,
// test_accuracy, test_macro_f1 and seconds. Other fields are left as begun. Throws
// Error(kInvalidArgument) for another status or an unknown run.
void finish_training_run(Connection& db, std::int64_t run_id, const TrainingRunRecord& final_state);

// Every run, oldest first.
std::vector<TrainingRunRecord> list_training_runs(Connection& db);

// The run with this id, if any.
std::optional<TrainingRunRecord> find_training_run(Connection& db, std::int64_t run_id);

// The epochs of `run_id` in epoch order (empty for an unknown run).
std::vector<TrainingEpochRecord> list_training_epochs(Connection& db, std::int64_t run_id);

}  // namespace secnlp::store
