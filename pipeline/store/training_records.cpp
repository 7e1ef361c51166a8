#include "pipeline/store/training_records.h"

#include <cmath>
#include <string_view>

#include <fmt/format.h>

#include "common/error.h"
#include "pipeline/store/database.h"
#include "pipeline/store/document_store.h"
#include "pipeline/store/schema.h"

namespace secnlp::store {
namespace {

// NaN <-> NULL (SQLite would store a NaN as NULL anyway; this makes the read side agree).
void bind_real(Statement& st, int index, double value) {
  if (std::isnan(value)) {
    st.bind_null(index);
  } else {
    st.bind(index, value);
  }
}

double column_real(const Statement& st, int index) {
  return st.column_is_null(index) ? kNoValue : st.column_double(index);
}

void bind_text_or_null(Statement& st, int index, std::string_view text) {
  if (text.empty()) {
    st.bind_null(index);
  } else {
    st.bind(index, text);
  }
}

constexpr std::string_view kRunColumns =
    "id, name, task, model, dataset, out_dir, options, device, started_at, finished_at, status, "
    "epochs, best_epoch, test_metrics, test_accuracy, test_macro_f1, seconds";

TrainingRunRecord read_run(const Statement& st) {
  TrainingRunRecord run;
  run.id = st.column_int(0);
  run.name = st.column_text(1);
  run.task = st.column_text(2);
  run.model = st.column_text(3);
  run.dataset = st.column_text(4);
  run.out_dir = st.column_text(5);
  run.options = st.column_text(6);
  run.device = st.column_text(7);
  run.started_at = st.column_text(8);
  run.finished_at = st.column_text(9);
  run.status = st.column_text(10);
  run.epochs = static_cast<int>(st.column_int(11));
  if (!st.column_is_null(12)) run.best_epoch = static_cast<int>(st.column_int(12));
  run.test_metrics = st.column_text(13);
  run.test_accuracy = column_real(st, 14);
  run.test_macro_f1 = column_real(st, 15);
  run.seconds = column_real(st, 16);
  return run;
}

}  // namespace

std::int64_t begin_training_run(Connection& db, const TrainingRunRecord& run) {
  if (run.task != "text" && run.task != "vision") {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("training run task '{}' is neither 'text' nor 'vision'", run.task),
                db.path());
  }
  migrate(db);
  Statement st = db.prepare(
      "INSERT INTO training_runs (name, task, model, dataset, out_dir, options, device, "
      "started_at, status, epochs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running', ?) RETURNING id");
  st.bind(1, run.name)
      .bind(2, run.task)
      .bind(3, run.model)
      .bind(4, run.dataset)
      .bind(5, run.out_dir)
      .bind(6, run.options)
      .bind(7, run.device)
      .bind(8, run.started_at.empty() ? utc_now() : run.started_at)
      .bind(9, run.epochs);
  if (!st.step()) db.fail("insert training run");
  return st.column_int(0);
}

void record_training_epoch(Connection& db, std::int64_t run_id, const TrainingEpochRecord& epoch) {
  if (epoch.epoch < 1) {
    throw Error(
        ErrorCode::kInvalidArgument,
        fmt::format("training epoch {} of run {}: epochs count from 1", epoch.epoch, run_id),
        db.path());
  }
  Statement st =
      db.prepare(upsert_sql("training_epochs",
                            "run_id, epoch, train_loss, train_accuracy, val_loss, val_accuracy, "
                            "val_macro_f1, learning_rate, seconds, metrics",
                            "run_id, epoch"));
  st.bind(1, run_id).bind(2, epoch.epoch);
  bind_real(st, 3, epoch.train_loss);
  bind_real(st, 4, epoch.train_accuracy);
  bind_real(st, 5, epoch.val_loss);
  bind_real(st, 6, epoch.val_accuracy);
  bind_real(st, 7, epoch.val_macro_f1);
  bind_real(st, 8, epoch.learning_rate);
  bind_real(st, 9, epoch.seconds);
  bind_text_or_null(st, 10, epoch.metrics);
  st.run();
}

void finish_training_run(Connection& db, std::int64_t run_id,
                         const TrainingRunRecord& final_state) {
  const std::string status = final_state.status.empty() ? "finished" : final_state.status;
  if (status != "finished" && status != "failed") {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("training run {} cannot finish with status '{}' (finished or failed)",
                            run_id, status),
                db.path());
  }
  Statement st = db.prepare(
      "UPDATE training_runs SET status = ?, finished_at = ?, epochs = ?, best_epoch = ?, "
      "test_metrics = ?, test_accuracy = ?, test_macro_f1 = ?, seconds = ? WHERE id = ?");
  st.bind(1, status)
      .bind(2, final_state.finished_at.empty() ? utc_now() : final_state.finished_at)
      .bind(3, final_state.epochs)
      .bind(4, final_state.best_epoch);
  bind_text_or_null(st, 5, final_state.test_metrics);
  bind_real(st, 6, final_state.test_accuracy);
  bind_real(st, 7, final_state.test_macro_f1);
  bind_real(st, 8, final_state.seconds);
  st.bind(9, run_id);
  st.run();
  if (db.changes() == 0) {
    throw Error(ErrorCode::kInvalidArgument, fmt::format("no training run {}", run_id), db.path());
  }
}

std::vector<TrainingRunRecord> list_training_runs(Connection& db) {
  Statement st = db.prepare(fmt::format("SELECT {} FROM training_runs ORDER BY id", kRunColumns));
  std::vector<TrainingRunRecord> runs;
  while (st.step())
    runs.push_back(read_run(st));
  return runs;
}

std::optional<TrainingRunRecord> find_training_run(Connection& db, std::int64_t run_id) {
  Statement st = db.prepare(fmt::format("SELECT {} FROM training_runs WHERE id = ?", kRunColumns));
  st.bind(1, run_id);
  if (!st.step()) return std::nullopt;
  return read_run(st);
}

std::vector<TrainingEpochRecord> list_training_epochs(Connection& db, std::int64_t run_id) {
  Statement st = db.prepare(
      "SELECT epoch, train_loss, train_accuracy, val_loss, val_accuracy, val_macro_f1, "
      "learning_rate, seconds, metrics FROM training_epochs WHERE run_id = ? ORDER BY epoch");
  st.bind(1, run_id);
  std::vector<TrainingEpochRecord> epochs;
  while (st.step()) {
    TrainingEpochRecord e;
    e.epoch = static_cast<int>(st.column_int(0));
    e.train_loss = column_real(st, 1);
    e.train_accuracy = column_real(st, 2);
    e.val_loss = column_real(st, 3);
    e.val_accuracy = column_real(st, 4);
    e.val_macro_f1 = column_real(st, 5);
    e.learning_rate = column_real(st, 6);
    e.seconds = column_real(st, 7);
    e.metrics = st.column_text(8);
    epochs.push_back(std::move(e));
  }
  return epochs;
}

}  // namespace secnlp::store
