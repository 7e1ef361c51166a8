// train_text_classifier / train_image_classifier: data preparation around the shared loop, and
// the model directory they leave behind.

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"
#include "common/log.h"
#include "models/data/pretrained_vectors.h"
#include "models/nets/model_factory.h"
#include "models/nets/text_nets.h"
#include "models/report/plots.h"
#include "models/train/batch_sources.h"
#include "models/train/language_model.h"
#include "models/train/model_dir.h"
#include "models/train/training.h"

namespace secnlp::models {
void check_out_dir(const std::filesystem::path& out, bool resume) {
  namespace fs = std::filesystem;
  if (out.empty()) throw Error(ErrorCode::kInvalidArgument, "no output directory (--out)");
  if (!resume && (fs::exists(out / "manifest.json") || fs::exists(out / "state")))
    throw Error(ErrorCode::kInvalidArgument,
                "already holds a model or an interrupted run: use --resume to continue it, or "
                "another --out",
                out.string());
}

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::vector<std::vector<std::string>> tokenize_all(const TextPreprocessor& preprocessor,
                                                   std::span<const std::string> texts) {
  std::vector<std::vector<std::string>> tokens(texts.size());
  tbb::parallel_for(std::size_t{0}, texts.size(),
                    [&](std::size_t i) { tokens[i] = preprocessor.tokens(texts[i]); });
  return tokens;
}

EncodedTexts encode_tokens(const Vocabulary& vocabulary,
                           const std::vector<std::vector<std::string>>& tokens, std::size_t length,
                           Padding padding, Padding truncating) {
  const auto n = static_cast<std::int64_t>(tokens.size());
  EncodedTexts out{torch::zeros({n, static_cast<std::int64_t>(length)}, torch::kInt64),
                   torch::zeros({n}, torch::kInt64)};
  auto* ids = out.ids.data_ptr<std::int64_t>();
  auto* lengths = out.lengths.data_ptr<std::int64_t>();
  tbb::parallel_for(std::size_t{0}, tokens.size(), [&](std::size_t i) {
    const auto row = vocabulary.encode(tokens[i]);
    std::size_t kept = 0;
    pad_sequence(row, length, padding, truncating,
                 std::span<std::int64_t>(ids + i * length, length), &kept);
    lengths[i] = static_cast<std::int64_t>(kept);
  });
  return out;
}

std::string padding_name(Padding p) {
  return p == Padding::kPre ? "pre" : "post";
}

json train_options_json(const TrainOptions& o) {
  json j = {{"epochs", o.epochs},
            {"batch_size", o.batch_size},
            {"optimizer",
             {{"name", o.optimizer.name},
              {"learning_rate", o.optimizer.learning_rate},
              {"momentum", o.optimizer.momentum},
              {"weight_decay", o.optimizer.weight_decay}}},
            {"schedule",
             {{"name", o.schedule.name},
              {"step_size", o.schedule.step_size},
              {"gamma", o.schedule.gamma},
              {"decay", o.schedule.decay}}},
            {"clip_norm", o.clip_norm},
            {"patience", o.patience},
            {"seed", o.seed},
            {"balanced", o.balanced},
            {"bf16", o.bf16}};
  // ULMFiT's options only when set, so that older runs' fingerprints (resume) stay the same.
  if (o.gradual_unfreeze) j["gradual_unfreeze"] = true;
  if (o.lr_decay_per_layer != 1.0) j["lr_decay_per_layer"] = o.lr_decay_per_layer;
  return j;
}

json split_json(const SplitOptions& s) {
  return {{"train", s.train},
          {"validation", s.validation},
          {"test", s.test},
          {"seed", s.seed},
          {"stratified", s.stratified}};
}

// What a resumed run must share with the interrupted one: the data, its preparation and every
// option that changes results (not epochs, device or threads).
std::string fingerprint(std::uint64_t data_hash, const json& prep, const ModelChoice& model,
                        const TrainOptions& o) {
  json j = train_options_json(o);
  j.erase("epochs");
  j["data"] = fmt::format("{:016x}", data_hash);
  j["prep"] = prep;
  j["model"] = model.name;
  j["model_options"] = model.options_json;
  return fmt::format("{:016x}", hash64(j.dump()));
}

void prepare_out_dir(const fs::path& out, bool resume) {
  check_out_dir(out, resume);
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) throw Error(ErrorCode::kIo, fmt::format("cannot create: {}", ec.message()), out.string());
}

void require_classes(std::size_t n, std::size_t rows) {
  if (rows == 0) throw Error(ErrorCode::kInvalidArgument, "the dataset is empty");
  if (n < 2) throw Error(ErrorCode::kInvalidArgument, "a classifier needs at least two classes");
}

// Curves, confusion matrix and report files of a finished run.
void write_reports(const fs::path& out, const TrainResult& r) {
  std::vector<Series> loss{{"train loss", {}}, {"validation loss", {}}};
  std::vector<Series> acc{
      {"train accuracy", {}}, {"validation accuracy", {}}, {"validation macro-F1", {}}};
  for (const auto& e : r.epochs) {
    loss[0].values.push_back(e.train_loss);
    loss[1].values.push_back(e.val_loss);
    acc[0].values.push_back(e.train_accuracy);
    acc[1].values.push_back(e.val_accuracy);
    acc[2].values.push_back(e.val_macro_f1);
  }
  write_file_atomically(out / "loss.svg", line_chart_svg("Loss", "epoch", "cross-entropy", loss));
  write_file_atomically(out / "accuracy.svg", line_chart_svg("Accuracy", "epoch", "", acc));
  if (r.test.count > 0) {
    write_file_atomically(out / "confusion.svg",
                          confusion_matrix_svg(r.test.confusion, r.classes, "Test split"));
    write_file_atomically(out / "report.txt", format_report(r.test, r.classes));
  }
}

json result_metrics(const TrainResult& r) {
  json epochs = json::array();
  for (const auto& e : r.epochs)
    epochs.push_back({{"epoch", e.epoch},
                      {"train_loss", e.train_loss},
                      {"train_accuracy", e.train_accuracy},
                      {"val_loss", e.val_loss},
                      {"val_accuracy", e.val_accuracy},
                      {"val_macro_f1", e.val_macro_f1},
                      {"learning_rate", e.learning_rate},
                      {"seconds", e.seconds}});
  json j = {{"best_epoch", r.best_epoch}, {"stopped_early", r.stopped_early},
            {"train_size", r.train_size}, {"validation_size", r.validation_size},
            {"test_size", r.test_size},   {"epochs", epochs}};
  j["test"] = r.test.count > 0 ? json::parse(to_json(r.test, r.classes)) : json();
  return j;
}

// Runs the loop for `built` and, unless interrupted, writes the model directory (manifest with
// `task` and its preparation `prep_json` under the task's key) and the reports.
TrainResult train_and_save(const BuiltNet& built, const BatchSource& source, const LoopSetup& setup,
                           const TrainCallbacks& callbacks, const std::vector<std::string>& classes,
                           const char* task, const ModelChoice& model, const json& prep_json,
                           std::span<const std::string> extra_files,
                           std::vector<int>& test_predictions) {
  TrainResult result;
  result.classes = classes;
  result.device = setup.device.str();
  result.model_options_json = built.options_json;
  result.train_size = setup.train.size();
  result.validation_size = setup.validation.size();
  result.test_size = setup.test.size();
  run_training(*built.net, source, setup, callbacks, result, test_predictions);
  if (result.interrupted) return result;
  json manifest = {{"task", task},
                   {"model", model.name},
                   {"model_options", json::parse(built.options_json)},
                   {"classes", classes},
                   {task, prep_json},
                   {"training", train_options_json(setup.options)},
                   {"metrics", result_metrics(result)}};
  write_model_dir(*built.net, setup.out, manifest.dump(), extra_files);
  write_reports(setup.out, result);
  return result;
}

// The LM of prep.init_from, after checking that it can initialise `model`: an lstm or gru of the
// LM's cell, without pretrained vectors or vocabulary options; the LM's embedding_dim,
// hidden_size and num_layers are set in `options` where they are not given.
LanguageModelInfo check_init_from(const TextDataOptions& prep, const std::string& model,
                                  json& options) {
  const auto bad = [](const std::string& what) {
    throw Error(ErrorCode::kInvalidArgument, "--init-from: " + what);
  };
  if (model != "lstm" && model != "gru")
    bad(fmt::format("a language model initialises lstm and gru models, not '{}'", model));
  if (!prep.pretrained_vectors.empty())
    bad("not with pretrained vectors (the language model's embedding is the initialisation)");
  const VocabularyOptions defaults;
  if (prep.vocabulary.num_words != defaults.num_words ||
      prep.vocabulary.min_frequency != defaults.min_frequency ||
      prep.vocabulary.skip_top != defaults.skip_top)
    bad("the vocabulary is the language model's: leave num_words, min_frequency and skip_top "
        "unset");
  if (options.contains("bidirectional") && options["bidirectional"] == true)
    bad("the language model's encoder reads left to right: a bidirectional model cannot start "
        "from it");
  const auto lm = read_language_model_info(prep.init_from);
  if (lm.cell != model)
    throw Error(
        ErrorCode::kInvalidArgument,
        fmt::format("--init-from: the language model's cell is {}, the model's {}", lm.cell, model),
        (prep.init_from / "lm.json").string());
  const std::pair<const char*, std::int64_t> sizes[] = {{"embedding_dim", lm.embedding_dim},
                                                        {"hidden_size", lm.hidden_size},
                                                        {"num_layers", lm.num_layers}};
  for (const auto& [key, value] : sizes)
    if (!options.contains(key)) options[key] = value;
  return lm;
}

std::uint64_t hash_texts(const corpora::LabelledTexts& data) {
  std::uint64_t h = hash64(fmt::format("{}", fmt::join(data.classes, "\x1f")));
  for (std::size_t i = 0; i < data.size(); ++i)
    h = hash64(fmt::format("{:016x}{}\x1f{}", h, data.labels[i], data.texts[i]));
  return h;
}

}  // namespace

TextBatchSource::TextBatchSource(EncodedTexts encoded, std::vector<int> labels,
                                 const torch::Device& device)
    : ids_(encoded.ids.to(device)), lengths_(encoded.lengths), labels_(std::move(labels)) {
  std::vector<std::int64_t> y(labels_.begin(), labels_.end());
  if (y.empty()) y.assign(static_cast<std::size_t>(lengths_.size(0)), 0);
  labels_tensor_ = torch::tensor(y, torch::kInt64);
}

Batch TextBatchSource::make(std::span<const std::size_t> rows, bool /*augment*/,
                            std::uint64_t /*epoch*/, const torch::Device& device) const {
  std::vector<std::int64_t> index(rows.begin(), rows.end());
  auto idx = torch::tensor(index, torch::kInt64);
  auto idx_device = idx.to(ids_.device());
  return {ids_.index_select(0, idx_device).to(device), lengths_.index_select(0, idx),
          labels_tensor_.index_select(0, idx).to(device)};
}

ImageBatchSource::ImageBatchSource(const corpora::ImageSet& images, Normalization normalization,
                                   const Augmenter* augmenter)
    : images_(images),
      normalization_(std::move(normalization)),
      fill_(black_fill(normalization_)),
      augmenter_(augmenter) {}

Batch ImageBatchSource::make(std::span<const std::size_t> rows, bool augment, std::uint64_t epoch,
                             const torch::Device& device) const {
  const int c = images_.channels, h = images_.height, w = images_.width;
  const std::size_t size = images_.image_size();
  const auto n = static_cast<std::int64_t>(rows.size());
  auto x = torch::empty({n, c, h, w}, torch::kFloat);
  std::vector<std::int64_t> y(rows.size());
  float* dst = x.data_ptr<float>();
  const bool augmenting = augment && augmenter_ != nullptr;
  at::parallel_for(0, n, 32, [&](std::int64_t begin, std::int64_t end) {
    for (std::int64_t i = begin; i < end; ++i) {
      const std::size_t row = rows[static_cast<std::size_t>(i)];
      std::span<float> out(dst + static_cast<std::size_t>(i) * size, size);
      to_float(images_.image(row), c, h, w, normalization_, out);
      // The key depends on the row and epoch only, never on the batch or thread.
      if (augmenting) augmenter_->apply(out, c, h, w, epoch * images_.count + row, fill_);
      y[static_cast<std::size_t>(i)] = images_.labels.empty() ? 0 : images_.labels[row];
    }
  });
  return {x.to(device), torch::Tensor(), torch::tensor(y, torch::kInt64).to(device)};
}

bool is_text_model_name(std::string_view name) {
  return is_text_model(name);
}
bool is_vision_model_name(std::string_view name) {
  return is_vision_model(name);
}

EncodedTexts encode_texts(const TextPreprocessor& preprocessor, const Vocabulary& vocabulary,
                          std::span<const std::string> texts, std::size_t length, Padding padding,
                          Padding truncating) {
  return encode_tokens(vocabulary, tokenize_all(preprocessor, texts), length, padding, truncating);
}

TrainResult train_text_classifier(const corpora::LabelledTexts& data, const TextDataOptions& prep,
                                  const ModelChoice& model, const TrainOptions& options,
                                  const fs::path& out, const TrainCallbacks& callbacks) {
  require_classes(data.classes.size(), data.size());
  if (!is_text_model(model.name))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("'{}' is not a text model (text models: {})", model.name,
                            fmt::join(text_model_names(), ", ")));
  set_cpu_threads(options.threads);
  torch::manual_seed(options.seed);
  const torch::Device device = resolve_device(options.device);

  Split split = split_indices(data.labels, prep.split);
  if (prep.downsample_ratio > 0)
    split.train =
        downsample_majority(data.labels, split.train, prep.downsample_ratio, prep.split.seed);

  const TextPreprocessor preprocessor(prep.preprocess);
  const auto tokens = tokenize_all(preprocessor, data.texts);
  std::vector<std::vector<std::string>> train_tokens;
  train_tokens.reserve(split.train.size());
  for (auto r : split.train)
    train_tokens.push_back(tokens[r]);
  // With init_from, the LM's sizes fill the options not given, and its cell must be the model's.
  json model_options = json::parse(model.options_json.empty() ? "{}" : model.options_json);
  json init_from = nullptr;
  if (!prep.init_from.empty()) {
    const auto lm = check_init_from(prep, model.name, model_options);
    init_from = {{"path", fs::absolute(prep.init_from).lexically_normal().string()},
                 {"cell", lm.cell},
                 {"embedding_dim", lm.embedding_dim},
                 {"hidden_size", lm.hidden_size},
                 {"num_layers", lm.num_layers},
                 {"vocabulary_size", lm.vocabulary_size}};
  }
  const Vocabulary vocabulary = prep.init_from.empty()
                                    ? Vocabulary::build(train_tokens, prep.vocabulary)
                                    : load_language_model_vocabulary(prep.init_from);

  std::size_t length = prep.sequence_length;
  if (length == 0) {
    std::vector<std::vector<std::int64_t>> rows;
    rows.reserve(train_tokens.size());
    for (const auto& t : train_tokens)
      rows.push_back(vocabulary.encode(t));
    length = std::clamp<std::size_t>(length_percentile(rows, 95), 8, 400);
  }

  json prep_json = {{"preprocess", json::parse(to_json(prep.preprocess))},
                    {"vocabulary",
                     {{"size", vocabulary.size()},
                      {"num_words", prep.vocabulary.num_words},
                      {"min_frequency", prep.vocabulary.min_frequency},
                      {"skip_top", prep.vocabulary.skip_top},
                      {"oov_token", prep.vocabulary.oov_token}}},
                    {"sequence_length", length},
                    {"padding", padding_name(prep.padding)},
                    {"truncating", padding_name(prep.truncating)},
                    {"split", split_json(prep.split)},
                    {"downsample_ratio", prep.downsample_ratio},
                    {"pretrained_vectors", prep.pretrained_vectors.string()},
                    {"freeze_embeddings", prep.freeze_embeddings},
                    {"init_from", init_from}};

  check_out_dir(out, options.resume);
  // The net's padding option follows the data's, so packing finds the tokens.
  if (model.name != "bow" && !model_options.contains("padding"))
    model_options["padding"] = padding_name(prep.padding);
  BuiltNet built =
      make_text_net(model.name, model_options.dump(), static_cast<std::int64_t>(vocabulary.size()),
                    static_cast<std::int64_t>(data.classes.size()));
  if (!prep.init_from.empty()) load_language_model_encoder(prep.init_from, vocabulary, *built.net);
  if (!prep.pretrained_vectors.empty()) {
    auto* rnn = dynamic_cast<RnnClassifierImpl*>(built.net.get());
    if (!rnn)
      throw Error(ErrorCode::kInvalidArgument,
                  "pretrained vectors need an lstm or gru model (bow has no embedding layer)");
    const auto dim = static_cast<std::size_t>(rnn->options().embedding_dim);
    auto rows = read_pretrained_vectors(prep.pretrained_vectors, vocabulary, dim);
    torch::Tensor weights;
    {
      torch::NoGradGuard no_grad;
      weights = built.net->named_parameters()["embedding.weight"].detach().clone();
    }
    // Words the file lacks keep their random rows, rescaled to the spread of the rows found.
    if (rows.found_count > 0) weights.mul_(found_values_stddev(rows));
    for (std::size_t id = 0; id < rows.found.size(); ++id)
      if (rows.found[id])
        weights[static_cast<std::int64_t>(id)].copy_(
            torch::from_blob(rows.values.data() + id * dim, {static_cast<std::int64_t>(dim)}));
    log_info("pretrained vectors: {} of {} vocabulary words found in {}", rows.found_count,
             rows.found.size(), prep.pretrained_vectors.string());
    rnn->set_embeddings(weights, prep.freeze_embeddings);
  }

  prepare_out_dir(out, options.resume);
  vocabulary.save(out / "vocabulary.txt");
  TextBatchSource source(encode_tokens(vocabulary, tokens, length, prep.padding, prep.truncating),
                         data.labels, device);
  LoopSetup setup{split.train,
                  split.validation,
                  split.test,
                  data.classes.size(),
                  options,
                  out,
                  fingerprint(hash_texts(data), prep_json, model, options),
                  device};

  const std::vector<std::string> extra{"vocabulary.txt"};
  std::vector<int> test_predictions;
  return train_and_save(built, source, setup, callbacks, data.classes, "text", model, prep_json,
                        extra, test_predictions);
}

TrainResult train_image_classifier(const corpora::ImageSet& data_in, const ImageDataOptions& prep,
                                   const ModelChoice& model, const TrainOptions& options,
                                   const fs::path& out, const TrainCallbacks& callbacks) {
  require_classes(data_in.classes.size(), data_in.count);
  if (!is_vision_model(model.name))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("'{}' is not a vision model (vision models: {})", model.name,
                            fmt::join(vision_model_names(), ", ")));
  set_cpu_threads(options.threads);
  torch::manual_seed(options.seed);
  const torch::Device device = resolve_device(options.device);

  // A separate test set is appended after the training images.
  corpora::ImageSet merged;
  const corpora::ImageSet* data = &data_in;
  if (prep.test) {
    const auto& t = *prep.test;
    if (t.channels != data_in.channels || t.height != data_in.height || t.width != data_in.width)
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("test images are {}x{}x{}, training images {}x{}x{}", t.channels,
                              t.height, t.width, data_in.channels, data_in.height, data_in.width));
    if (t.classes != data_in.classes)
      throw Error(ErrorCode::kInvalidArgument, "test and training images have different classes");
    merged = data_in;
    merged.count += t.count;
    merged.pixels.insert(merged.pixels.end(), t.pixels.begin(), t.pixels.end());
    merged.labels.insert(merged.labels.end(), t.labels.begin(), t.labels.end());
    data = &merged;
  }
  Split split = split_indices(std::span<const int>(data_in.labels), prep.split);
  if (prep.test) {
    if (!split.test.empty())
      throw Error(ErrorCode::kInvalidArgument,
                  "with a separate test set, the split's test fraction must be 0");
    for (std::size_t i = data_in.count; i < data->count; ++i)
      split.test.push_back(i);
  }

  // Normalisation from the training split only.
  Normalization norm;
  {
    corpora::ImageSet train_only;
    train_only.channels = data->channels;
    train_only.height = data->height;
    train_only.width = data->width;
    train_only.classes = data->classes;
    train_only.count = split.train.size();
    train_only.pixels.reserve(split.train.size() * data->image_size());
    for (auto r : split.train) {
      auto img = data->image(r);
      train_only.pixels.insert(train_only.pixels.end(), img.begin(), img.end());
      train_only.labels.push_back(data->labels[r]);
    }
    norm = compute_normalization(train_only);
  }
  const Augmenter augmenter(prep.augment, options.seed);

  prepare_out_dir(out, options.resume);
  const ImageShape shape{data->channels, data->height, data->width};
  BuiltNet built = make_vision_net(model.name, model.options_json, shape,
                                   static_cast<std::int64_t>(data->classes.size()));
  json prep_json = {{"channels", data->channels},
                    {"height", data->height},
                    {"width", data->width},
                    {"mean", norm.mean},
                    {"std", norm.std},
                    {"split", split_json(prep.split)},
                    {"separate_test_set", prep.test != nullptr},
                    {"augment",
                     {{"horizontal_flip", prep.augment.horizontal_flip},
                      {"shift", prep.augment.shift},
                      {"rotate_degrees", prep.augment.rotate_degrees}}}};
  std::uint64_t data_hash = hash64(
      std::string_view(reinterpret_cast<const char*>(data->pixels.data()), data->pixels.size()));
  data_hash ^= hash64(std::string_view(reinterpret_cast<const char*>(data->labels.data()),
                                       data->labels.size() * sizeof(int)));

  ImageBatchSource source(*data, norm, augmenter.enabled() ? &augmenter : nullptr);
  LoopSetup setup{split.train,
                  split.validation,
                  split.test,
                  data->classes.size(),
                  options,
                  out,
                  fingerprint(data_hash, prep_json, model, options),
                  device};
  std::vector<int> test_predictions;
  TrainResult result = train_and_save(built, source, setup, callbacks, data->classes, "vision",
                                      model, prep_json, {}, test_predictions);
  if (result.interrupted) return result;

  // A grid of misclassified test images (at most 64).
  std::vector<GridImage> wrong;
  for (std::size_t k = 0; k < split.test.size() && wrong.size() < 64; ++k) {
    const auto row = split.test[k];
    const int truth = data->labels[row];
    if (test_predictions[k] == truth) continue;
    auto img = data->image(row);
    wrong.push_back({std::vector<std::uint8_t>(img.begin(), img.end()), data->channels,
                     data->height, data->width,
                     fmt::format("true {} / pred {}", data->classes[truth],
                                 data->classes[test_predictions[k]])});
  }
  write_file_atomically(out / "misclassified.svg",
                        image_grid_svg(wrong, 8, "Misclassified test images"));
  return result;
}

}  // namespace secnlp::models
