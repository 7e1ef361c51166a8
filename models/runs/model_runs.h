#pragma once
// Models meet the store: training runs read their data (files, or stored sections joined to a
// label file) and are recorded in SQLite epoch by epoch; trained text models score stored
// sections, per sentence and aggregated per section, into the metrics table.
//
// Torch-free header (uses models/train/training.h), so the main `secnlp` binary can hold these
// requests while parsing flags; the library is built only with SECNLP_WITH_TORCH and linked
// only into libsecnlp_models_cli.so (tools/models_cli/), never into `secnlp` itself. It is the
// one part of models/ that uses the store: training runs and section scores are recorded there.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "corpora/datasets/labelled_text.h"
#include "corpora/images/image_set.h"
#include "models/train/training.h"
#include "pipeline/result_table.h"
#include "pipeline/store/queries.h"

namespace secnlp::models {

// Where labelled data comes from. Either `path` (a labelled-text file or folder, read with
// `text` options; or an image dataset for vision models), or stored sections: `db` + `section`
// + `labels` (a CSV/TSV with `id_column` holding accession numbers and text.label_column).
struct LabelledSource {
  std::filesystem::path path;
  corpora::TextDatasetOptions text;
  std::filesystem::path db;
  std::string section;
  std::filesystem::path labels;
  std::string id_column = "accession";
  store::DocumentFilter filter;
};

// Reads labelled texts from `source`. Errors name the file (kIo/kParse) or say what is missing
// (kInvalidArgument).
corpora::LabelledTexts load_labelled_texts(const LabelledSource& source);

// Reads images: `path` is an image dataset (MNIST-style IDX pair, CIFAR-10 batches or an image
// folder; corpora::read_image_dataset) and `split` its part ("train" or "test").
corpora::ImageSet load_images(const std::filesystem::path& path, std::string_view split);

// A training run as `secnlp train` describes it.
struct TrainRequest {
  LabelledSource data;
  std::string image_split = "train";  // vision: the dataset part to train on
  std::string test_split;             // vision: a separate test part ("test"); empty: split
  ModelChoice model;
  TrainOptions train;
  TextDataOptions text;
  ImageDataOptions images;
  std::filesystem::path out;
  std::filesystem::path record_db;  // record the run and its epochs here; empty: do not
  std::string options_json;         // the command line's options, stored with the run
};

// Trains (text or vision, by the model's name), recording the run in `record_db` when set: a
// training_runs row marked running, one training_epochs row per epoch as it ends, then
// finished (or failed, with the error rethrown). A resumed run continues its own row.
TrainResult train_model(const TrainRequest& request, const TrainCallbacks& callbacks = {});

// Scoring stored sections with a text model.
//   item       section to score ("1A", "7", ... or "filing")
//   doc_ids    only these documents (a job's new filings); empty: all the filter selects
//   name       metric prefix; default: the model directory's name
// Each section is split into sentences (as the sentences stage does); every sentence with at
// least one letter is scored. Stored per document, scope = item, as metrics
// "model.<name>.sentences" (scored sentences), "model.<name>.p_<class>" (mean probability) and
// "model.<name>.share_<class>" (share of sentences whose top class it is). Re-scoring replaces.
struct ScoreRequest {
  std::filesystem::path db;
  std::filesystem::path model_dir;
  std::string item = "1A";
  store::DocumentFilter filter;
  std::vector<std::int64_t> doc_ids;
  std::string name;
  std::string device = "auto";
};

// Returns one row per scored section: document, ticker, fiscal_year, item, sentences, then
// p_<class> per class. Throws Error(kResource) for a bad model, Error(kInvalidArgument) for a
// vision model.
pipeline::ResultTable score_sections(const ScoreRequest& request);

}  // namespace secnlp::models
