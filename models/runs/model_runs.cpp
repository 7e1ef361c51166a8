#include "models/runs/model_runs.h"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"
#include "nlp/tokenize/case.h"
#include "nlp/tokenize/sentence_splitter.h"
#include "pipeline/store/database.h"
#include "pipeline/store/document_store.h"
#include "pipeline/store/training_records.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;

std::string dataset_name(const LabelledSource& s) {
  if (!s.path.empty()) return s.path.string();
  return fmt::format("{}#{}+{}", s.db.string(), s.section, s.labels.string());
}

store::TrainingEpochRecord epoch_record(const models::EpochReport& e,
                                        const std::vector<std::string>& classes) {
  store::TrainingEpochRecord r;
  r.epoch = e.epoch;
  r.train_loss = e.train_loss;
  r.train_accuracy = e.train_accuracy;
  r.val_loss = e.val_loss;
  r.val_accuracy = e.val_accuracy;
  r.val_macro_f1 = e.val_macro_f1;
  r.learning_rate = e.learning_rate;
  r.seconds = e.seconds;
  if (e.validation.count > 0) r.metrics = models::to_json(e.validation, classes);
  return r;
}

}  // namespace

corpora::LabelledTexts load_labelled_texts(const LabelledSource& s) {
  if (!s.path.empty()) return corpora::read_labelled_texts(s.path, s.text);
  if (s.db.empty() || s.section.empty() || s.labels.empty())
    throw Error(ErrorCode::kInvalidArgument,
                "labelled data: give a data file, or a database with a section and a labels file");
  std::vector<std::pair<std::string, std::string>> id_text;
  for (auto& row : store::read_section_texts(s.db, s.filter, s.section))
    if (!row.accession.empty()) id_text.emplace_back(row.accession, std::move(row.text));
  if (id_text.empty())
    throw Error(
        ErrorCode::kInvalidArgument,
        fmt::format("no stored section '{}' with an accession number in this database", s.section),
        s.db.string());
  return corpora::join_labels_by_id(id_text, s.labels, s.id_column, s.text.label_column);
}

corpora::ImageSet load_images(const fs::path& path, std::string_view split) {
  return corpora::read_image_dataset(path, split);
}

TrainResult train_model(const TrainRequest& request, const TrainCallbacks& callbacks) {
  const bool text = models::is_text_model_name(request.model.name);
  if (!text && !models::is_vision_model_name(request.model.name))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("unknown model '{}' (text: lstm, gru, bow; vision: mlp, lenet5, "
                            "strided_cnn, vgg)",
                            request.model.name));

  // Data first: a bad file fails before anything is recorded.
  corpora::LabelledTexts texts;
  corpora::ImageSet images, test_images;
  models::ImageDataOptions image_options = request.images;
  if (text) {
    texts = load_labelled_texts(request.data);
  } else {
    if (request.data.path.empty())
      throw Error(ErrorCode::kInvalidArgument, "vision models need an image dataset (--data)");
    images = load_images(request.data.path, request.image_split);
    if (!request.test_split.empty()) {
      test_images = load_images(request.data.path, request.test_split);
      image_options.test = &test_images;
    }
  }

  std::optional<store::DocumentStore> db;
  std::int64_t run_id = 0;
  if (!request.record_db.empty()) {
    models::check_out_dir(request.out, request.train.resume);  // refused runs are not recorded
    db.emplace(request.record_db);
    auto& conn = db->connection();
    const std::string out = fs::absolute(request.out).lexically_normal().string();
    if (request.train.resume) {
      // Continue the interrupted run's own row.
      for (const auto& r : store::list_training_runs(conn))
        if (r.out_dir == out && r.status == "running") run_id = r.id;
    }
    if (run_id == 0) {
      store::TrainingRunRecord rec;
      rec.name = request.out.filename().string();
      rec.task = text ? "text" : "vision";
      rec.model = request.model.name;
      rec.dataset = dataset_name(request.data);
      rec.out_dir = out;
      rec.options = request.options_json.empty() ? "{}" : request.options_json;
      rec.device = request.train.device;
      run_id = store::begin_training_run(conn, rec);
    }
  }

  models::TrainCallbacks cb = callbacks;
  const std::vector<std::string>& classes = text ? texts.classes : images.classes;
  cb.on_epoch = [&](const models::EpochReport& e) {
    if (db) store::record_training_epoch(db->connection(), run_id, epoch_record(e, classes));
    if (callbacks.on_epoch) callbacks.on_epoch(e);
  };

  const auto start = std::chrono::steady_clock::now();
  models::TrainResult result;
  try {
    result = text ? models::train_text_classifier(texts, request.text, request.model, request.train,
                                                  request.out, cb)
                  : models::train_image_classifier(images, image_options, request.model,
                                                   request.train, request.out, cb);
  } catch (...) {
    if (db) {
      store::TrainingRunRecord failed;
      failed.status = "failed";
      try {
        store::finish_training_run(db->connection(), run_id, failed);
      } catch (...) {
      }
    }
    throw;
  }
  if (db && !result.interrupted) {
    store::TrainingRunRecord fin;
    fin.status = "finished";
    fin.device = result.device;
    fin.epochs = static_cast<int>(result.epochs.size());
    fin.best_epoch = result.best_epoch;
    if (result.test.count > 0) {
      fin.test_metrics = models::to_json(result.test, result.classes);
      fin.test_accuracy = result.test.accuracy;
      fin.test_macro_f1 = result.test.macro_f1;
    }
    fin.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    store::finish_training_run(db->connection(), run_id, fin);
  }
  return result;
}

pipeline::ResultTable score_sections(const ScoreRequest& request) {
  const auto predictor = models::Predictor::load(request.model_dir, request.device);
  if (predictor.info().task != "text")
    throw Error(ErrorCode::kInvalidArgument, "section scoring needs a text model",
                request.model_dir.string());
  std::string name = request.name;
  if (name.empty()) name = fs::path(request.model_dir).lexically_normal().filename().string();
  if (name.empty()) name = fs::path(request.model_dir).lexically_normal().parent_path().filename();
  const auto& classes = predictor.classes();

  std::size_t missing = 0;
  const auto sections = store::read_section_texts(request.db, request.filter, request.item,
                                                  request.doc_ids, &missing);
  pipeline::ResultTable table;
  table.columns = {"document", "ticker", "fiscal_year", "section", "sentences"};
  for (const auto& c : classes)
    table.columns.push_back("p_" + c);

  store::DocumentStore db(request.db);
  // Rows of an earlier scoring under this name go first: a retrained model may have other classes.
  const std::string prefix = fmt::format("model.{}.", name);
  const nlp::SentenceSplitter splitter;
  for (const auto& section : sections) {
    std::vector<std::string> sentences;
    for (const auto& span : splitter.split(section.text)) {
      std::string_view s(section.text.data() + span.begin, span.end - span.begin);
      if (nlp::has_letter_byte(s)) sentences.emplace_back(s);
    }
    std::vector<double> mean(classes.size(), 0.0), share(classes.size(), 0.0);
    if (!sentences.empty()) {
      for (const auto& p : predictor.predict_texts(sentences)) {
        for (std::size_t k = 0; k < classes.size(); ++k)
          mean[k] += p[k];
        share[static_cast<std::size_t>(std::max_element(p.begin(), p.end()) - p.begin())] += 1;
      }
      for (std::size_t k = 0; k < classes.size(); ++k) {
        mean[k] /= static_cast<double>(sentences.size());
        share[k] /= static_cast<double>(sentences.size());
      }
    }
    const std::string scope = section.item == "filing" ? "" : section.item;
    std::vector<std::pair<std::string, double>> scores;
    scores.emplace_back(fmt::format("model.{}.sentences", name),
                        static_cast<double>(sentences.size()));
    for (std::size_t k = 0; k < classes.size(); ++k) {
      if (sentences.empty()) continue;
      scores.emplace_back(fmt::format("model.{}.p_{}", name, classes[k]), mean[k]);
      scores.emplace_back(fmt::format("model.{}.share_{}", name, classes[k]), share[k]);
    }
    db.replace_metrics(section.doc_id, scope, prefix, scores);

    std::vector<pipeline::Cell> row;
    row.emplace_back(section.document);
    row.emplace_back(section.ticker);
    if (section.fiscal_year) {
      row.emplace_back(static_cast<std::int64_t>(*section.fiscal_year));
    } else {
      row.emplace_back(std::monostate{});
    }
    row.emplace_back(section.item);
    row.emplace_back(static_cast<std::int64_t>(sentences.size()));
    for (std::size_t k = 0; k < classes.size(); ++k) {
      if (sentences.empty()) {
        row.emplace_back(std::monostate{});
      } else {
        row.emplace_back(mean[k]);
      }
    }
    table.rows.push_back(std::move(row));
  }
  if (missing > 0)
    log_warn("{}: {} documents have no stored text (processed with text storage off); not scored",
             request.db.string(), missing);
  return table;
}

}  // namespace secnlp::models
