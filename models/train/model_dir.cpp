#include "models/train/model_dir.h"

#include <chrono>
#include <cmath>
#include <sstream>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <torch/torch.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"
#include "common/json_integer.h"
#include "models/data/model_manifest.h"
#include "models/nets/model_factory.h"
#include "models/report/plots.h"
#include "models/train/batch_sources.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

json file_entry(const fs::path& path) {
  const std::string bytes = read_file_bytes(path);
  return {{"bytes", bytes.size()}, {"hash", hex_digest(bytes)}};
}

std::int64_t as_int(const json& j) {
  return json_integer<std::int64_t>(j);
}

// The checksum of a manifest: the hash of its JSON without the "checksum" field. An edit by
// hand (swapped or extra classes, a changed size) no longer matches it.
std::string manifest_checksum(json m) {
  m.erase("checksum");
  return hex_digest(m.dump());
}

// `key` of `j` as an integer in [min, max]; else Error(kResource) naming the field.
std::int64_t bounded(const json& j, const char* key, std::int64_t min, std::int64_t max,
                     const std::string& where, const std::string& file) {
  const std::int64_t v = as_int(j.at(key));
  if (v < min || v > max)
    throw Error(ErrorCode::kResource,
                fmt::format("{}.{} = {} is outside {}..{}", where, key, v, min, max), file);
  return v;
}

// Every field that sizes the network or maps its outputs, checked before anything is built
// from it (an edited size would otherwise allocate terabytes).
void check_manifest_fields(const json& m, const ModelInfo& info, const std::string& file) {
  if (info.classes.empty() || info.classes.size() > 100'000)
    throw Error(ErrorCode::kResource,
                fmt::format("classes lists {} names (1..100000 expected)", info.classes.size()),
                file);
  for (std::size_t i = 0; i < info.classes.size(); ++i)
    for (std::size_t k = 0; k < i; ++k)
      if (info.classes[i] == info.classes[k])
        throw Error(ErrorCode::kResource,
                    fmt::format("class '{}' is listed twice", info.classes[i]), file);
  if (info.task == "text") {
    const auto& text = m.at("text");
    bounded(text.at("vocabulary"), "size", 2, std::int64_t{1} << 24, "text.vocabulary", file);
    bounded(text, "sequence_length", 1, std::int64_t{1} << 20, "text", file);
  } else {
    const auto& v = m.at("vision");
    const auto channels = bounded(v, "channels", 1, 4, "vision", file);
    bounded(v, "height", 1, 4096, "vision", file);
    bounded(v, "width", 1, 4096, "vision", file);
    for (const char* key : {"mean", "std"})
      if (v.at(key).size() != static_cast<std::size_t>(channels))
        throw Error(
            ErrorCode::kResource,
            fmt::format("vision.{} has {} values for {} channels", key, v.at(key).size(), channels),
            file);
  }
}

// name -> shape of every parameter and buffer of `net`.
std::vector<std::pair<std::string, std::vector<std::int64_t>>> shapes_of(torch::nn::Module& net) {
  std::vector<std::pair<std::string, std::vector<std::int64_t>>> out;
  for (const auto& p : net.named_parameters(true))
    out.emplace_back(p.key(), p.value().sizes().vec());
  for (const auto& b : net.named_buffers(true))
    out.emplace_back(b.key(), b.value().sizes().vec());
  return out;
}

}  // namespace

void write_model_dir(torch::nn::Module& net, const fs::path& dir, const std::string& manifest_json,
                     std::span<const std::string> extra_files) {
  const fs::path weights = dir / "model.pt";
  std::ostringstream bytes;
  {
    torch::serialize::OutputArchive archive;
    net.save(archive);
    archive.save_to(bytes);
  }
  write_file_atomically(weights, bytes.view());

  json manifest = json::parse(manifest_json);
  manifest["format"] = "secnlp-model";
  manifest["version"] = kModelFormatVersion;
  manifest["secnlp"] = "0.1.0";
  manifest["created"] = fmt::format(
      "{:%Y-%m-%dT%H:%M:%SZ}",
      fmt::gmtime(std::chrono::system_clock::to_time_t(std::chrono::system_clock::now())));
  manifest["files"] = {{"model.pt", file_entry(weights)}};
  for (const auto& name : extra_files)
    manifest["files"][name] = file_entry(dir / name);
  manifest["checksum"] = manifest_checksum(manifest);
  write_file_atomically(dir / "manifest.json", manifest.dump(2) + "\n");
}

ModelInfo check_model_dir(const fs::path& dir) {
  const fs::path path = dir / "manifest.json";
  if (!fs::exists(path))
    throw Error(ErrorCode::kResource, "not a model directory: no manifest.json", dir.string());
  ModelInfo info;
  info.manifest_json = read_file_bytes(path);
  const ModelManifest m = parse_model_manifest(info.manifest_json, path.string());
  info.task = m.task;
  info.model = m.model;
  info.model_options_json = m.model_options_json;
  info.classes = m.classes;
  try {
    const json j = json::parse(info.manifest_json);
    // Written since the checksum was introduced; older directories are checked field by field.
    if (j.contains("checksum") && j.at("checksum").get<std::string>() != manifest_checksum(j))
      throw Error(ErrorCode::kResource,
                  "edited after training: its checksum no longer matches (classes and sizes "
                  "must agree with model.pt); restore the file or train again",
                  path.string());
    check_manifest_fields(j, info, path.string());
  } catch (const json::exception& e) {
    throw Error(ErrorCode::kResource, fmt::format("malformed manifest: {}", e.what()),
                path.string());
  }
  for (const auto& entry : m.files) {
    const fs::path file = dir / entry.name;
    if (!fs::exists(file))
      throw Error(ErrorCode::kResource, "missing (listed in manifest.json)", file.string());
    const std::string bytes = read_file_bytes(file);
    if (bytes.size() != entry.bytes || hex_digest(bytes) != entry.hash)
      throw Error(ErrorCode::kResource,
                  "corrupt: size or hash differs from manifest.json (re-train or restore it)",
                  file.string());
  }
  return info;
}

std::shared_ptr<ClassifierNet> load_model_net(const fs::path& dir, const ModelInfo& info,
                                              const torch::Device& device) {
  const ModelManifest m =
      parse_model_manifest(info.manifest_json, (dir / "manifest.json").string());
  BuiltNet built;
  try {
    if (info.task == "text") {
      built = make_text_net(info.model, info.model_options_json,
                            static_cast<std::int64_t>(m.text.vocabulary_size),
                            static_cast<std::int64_t>(info.classes.size()));
    } else {
      built = make_vision_net(info.model, info.model_options_json,
                              ImageShape{m.vision.channels, m.vision.height, m.vision.width},
                              static_cast<std::int64_t>(info.classes.size()));
    }
  } catch (const Error& e) {
    throw Error(ErrorCode::kResource,
                fmt::format("manifest describes a bad model: {}", e.message()),
                (dir / "manifest.json").string());
  }
  const fs::path weights = dir / "model.pt";
  // Loading replaces each tensor with the stored one whatever its shape: compare the shapes
  // with those the manifest describes (e.g. the output layer against the class count).
  const auto expected = shapes_of(*built.net);
  try {
    torch::serialize::InputArchive archive;
    archive.load_from(weights.string(), device);
    built.net->load(archive);
  } catch (const c10::Error& e) {
    throw Error(ErrorCode::kResource,
                fmt::format("cannot load weights: {}", e.what_without_backtrace()),
                weights.string());
  }
  const auto loaded = shapes_of(*built.net);
  for (std::size_t i = 0; i < expected.size() && i < loaded.size(); ++i) {
    if (expected[i] == loaded[i]) continue;
    throw Error(ErrorCode::kResource,
                fmt::format("describes {} as [{}] but model.pt holds [{}] ({} classes listed): "
                            "the manifest does not belong to these weights",
                            expected[i].first, fmt::join(expected[i].second, ", "),
                            fmt::join(loaded[i].second, ", "), info.classes.size()),
                (dir / "manifest.json").string());
  }
  built.net->to(device);
  built.net->eval();
  return built.net;
}

ModelInfo read_model_info(const fs::path& model_dir) {
  return check_model_dir(model_dir);
}

// ---- Predictor ----

struct Predictor::Impl {
  ModelInfo info;
  torch::Device device{torch::kCPU};
  std::shared_ptr<ClassifierNet> net;
  // text
  std::unique_ptr<TextPreprocessor> preprocessor;
  std::unique_ptr<Vocabulary> vocabulary;
  std::size_t length = 0;
  Padding padding = Padding::kPre, truncating = Padding::kPre;
  // vision
  ImageShape shape;
  Normalization normalization;

  std::vector<std::vector<float>> run(const BatchSource& source) const {
    std::vector<std::size_t> rows(source.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
      rows[i] = i;
    auto probs = predict_rows(*net, source, rows, 256, device, false, nullptr).contiguous();
    std::vector<std::vector<float>> out(rows.size());
    if (rows.empty()) return out;
    const auto k = static_cast<std::size_t>(probs.size(1));
    const float* p = probs.data_ptr<float>();
    for (std::size_t i = 0; i < rows.size(); ++i)
      out[i].assign(p + i * k, p + (i + 1) * k);
    return out;
  }
};

Predictor::Predictor(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Predictor::Predictor(Predictor&&) noexcept = default;
Predictor& Predictor::operator=(Predictor&&) noexcept = default;
Predictor::~Predictor() = default;

Predictor Predictor::load(const fs::path& model_dir, std::string_view device) {
  auto impl = std::make_unique<Impl>();
  set_cpu_threads(0);  // OpenBLAS beside torch's pool: see trainer.h
  impl->info = check_model_dir(model_dir);
  impl->device = resolve_device(device);
  const fs::path manifest_path = model_dir / "manifest.json";
  const ModelManifest m = parse_model_manifest(impl->info.manifest_json, manifest_path.string());
  if (impl->info.task == "text") {
    impl->preprocessor = std::make_unique<TextPreprocessor>(
        preprocess_options_from_json(m.text.preprocess_json, manifest_path.string()));
    impl->vocabulary = std::make_unique<Vocabulary>(
        Vocabulary::load(model_dir / "vocabulary.txt", m.text.vocabulary_size));
    impl->length = m.text.sequence_length;
    impl->padding = parse_padding(m.text.padding);
    impl->truncating = parse_padding(m.text.truncating);
  } else {
    impl->shape = {m.vision.channels, m.vision.height, m.vision.width};
    impl->normalization.mean = m.vision.mean;
    impl->normalization.std = m.vision.std;
  }
  impl->net = load_model_net(model_dir, impl->info, impl->device);
  return Predictor(std::move(impl));
}

const ModelInfo& Predictor::info() const {
  return impl_->info;
}
const std::vector<std::string>& Predictor::classes() const {
  return impl_->info.classes;
}
std::string Predictor::device() const {
  return impl_->device.str();
}

std::array<int, 3> Predictor::image_shape() const {
  if (impl_->info.task != "vision") return {0, 0, 0};
  const auto& s = impl_->shape;
  return {static_cast<int>(s.channels), static_cast<int>(s.height), static_cast<int>(s.width)};
}

std::vector<std::vector<float>> Predictor::predict_texts(std::span<const std::string> texts) const {
  if (impl_->info.task != "text")
    throw Error(ErrorCode::kInvalidArgument, fmt::format("model '{}' is a {} model: give it images",
                                                         impl_->info.model, impl_->info.task));
  auto encoded = encode_texts(*impl_->preprocessor, *impl_->vocabulary, texts, impl_->length,
                              impl_->padding, impl_->truncating);
  TextBatchSource source(std::move(encoded), {}, impl_->device);
  return impl_->run(source);
}

std::vector<std::vector<float>> Predictor::predict_images(const corpora::ImageSet& images) const {
  if (impl_->info.task != "vision")
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("model '{}' is a text model: give it text", impl_->info.model));
  const auto& s = impl_->shape;
  if (images.channels != s.channels || images.height != s.height || images.width != s.width)
    throw Error(
        ErrorCode::kInvalidArgument,
        fmt::format("the model takes {}x{}x{} images (channels x height x width), these "
                    "are {}x{}x{}",
                    s.channels, s.height, s.width, images.channels, images.height, images.width));
  ImageBatchSource source(images, impl_->normalization, nullptr);
  return impl_->run(source);
}

// ---- evaluation ----
namespace {

// Maps the dataset's label ids to the model's class ids by name.
std::vector<int> to_model_labels(std::span<const int> labels,
                                 const std::vector<std::string>& data_classes,
                                 const std::vector<std::string>& model_classes) {
  std::vector<int> map(data_classes.size(), -1);
  for (std::size_t i = 0; i < data_classes.size(); ++i) {
    auto it = std::find(model_classes.begin(), model_classes.end(), data_classes[i]);
    if (it == model_classes.end())
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("the data has class '{}', which the model does not know (model "
                              "classes: {})",
                              data_classes[i], fmt::join(model_classes, ", ")));
    map[i] = static_cast<int>(it - model_classes.begin());
  }
  std::vector<int> out;
  out.reserve(labels.size());
  for (int l : labels)
    out.push_back(map.at(static_cast<std::size_t>(l)));
  return out;
}

EvaluationResult evaluate(const std::vector<std::vector<float>>& probs, std::span<const int> truth,
                          const std::vector<std::string>& classes) {
  EvaluationResult r;
  r.classes = classes;
  std::vector<int> predicted(probs.size());
  double loss = 0;
  for (std::size_t i = 0; i < probs.size(); ++i) {
    const auto& p = probs[i];
    predicted[i] = static_cast<int>(std::max_element(p.begin(), p.end()) - p.begin());
    loss -= std::log(std::max(1e-12, static_cast<double>(p[static_cast<std::size_t>(truth[i])])));
  }
  r.loss = probs.empty() ? 0.0 : loss / static_cast<double>(probs.size());
  r.report = classification_report(truth, predicted, classes.size());
  return r;
}

}  // namespace

EvaluationResult evaluate_text_classifier(const Predictor& predictor,
                                          const corpora::LabelledTexts& data) {
  const auto truth = to_model_labels(data.labels, data.classes, predictor.classes());
  return evaluate(predictor.predict_texts(data.texts), truth, predictor.classes());
}

EvaluationResult evaluate_image_classifier(const Predictor& predictor,
                                           const corpora::ImageSet& data) {
  const auto truth = to_model_labels(data.labels, data.classes, predictor.classes());
  return evaluate(predictor.predict_images(data), truth, predictor.classes());
}

}  // namespace secnlp::models
