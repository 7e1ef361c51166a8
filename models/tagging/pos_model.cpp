#include "models/tagging/pos_model.h"

#include <chrono>
#include <map>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"
#include "common/json_integer.h"
#include "corpora/datasets/conllu_reader.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kPosFormatVersion = 1;
constexpr char kTaggerFile[] = "tagger.bin";

std::string checksum_of(json m) {
  m.erase("checksum");
  return hex_digest(m.dump());
}

json file_entry(std::string_view bytes) {
  return {{"bytes", bytes.size()}, {"hash", hex_digest(bytes)}};
}

std::vector<nlp::TaggedSentence> read_tagged(const std::string& path, corpora::TagColumn column) {
  return corpora::tagged_sentences(corpora::read_conllu(path), column, path);
}

json read_manifest(const fs::path& dir) {
  const fs::path path = dir / "manifest.json";
  if (!fs::exists(path))
    throw Error(ErrorCode::kResource, "not a model directory: no manifest.json", dir.string());
  try {
    json m = json::parse(read_file_bytes(path));
    if (!m.is_object() || !m.contains("task") || !m["task"].is_string())
      throw Error(ErrorCode::kResource, "manifest has no \"task\"", path.string());
    return m;
  } catch (const json::exception& e) {
    throw Error(ErrorCode::kResource, fmt::format("malformed manifest: {}", e.what()),
                path.string());
  }
}

}  // namespace

PosTrainResult train_pos_model(const PosTrainRequest& request,
                               const nlp::PerceptronTagger::EpochCallback& on_epoch) {
  const corpora::TagColumn column = corpora::parse_tag_column(request.tagset);
  if (request.out.empty()) throw Error(ErrorCode::kInvalidArgument, "no output directory");
  const auto train = read_tagged(request.data, column);
  std::vector<nlp::TaggedSentence> dev;
  if (!request.dev.empty()) dev = read_tagged(request.dev, column);

  PosTrainResult result;
  const auto start = std::chrono::steady_clock::now();
  const auto tagger = nlp::PerceptronTagger::train(train, request.options, [&](int e, double a) {
    result.train_accuracy.push_back(a);
    if (on_epoch) on_epoch(e, a);
  });
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.sentences = train.size();
  for (const auto& s : train)
    result.words += s.words.size();
  result.tags = tagger.tags().size();
  result.features = tagger.feature_count();

  json report = {{"train",
                  {{"sentences", result.sentences},
                   {"words", result.words},
                   {"seconds", result.seconds},
                   {"accuracy_per_epoch", result.train_accuracy}}}};
  if (!dev.empty()) {
    std::size_t correct = 0, words = 0;
    nlp::TagScratch scratch;
    std::vector<std::uint16_t> ids;
    for (const auto& s : dev) {
      tagger.tag(std::span<const std::string>(s.words), ids, scratch);
      for (std::size_t i = 0; i < ids.size(); ++i)
        correct += tagger.tags()[ids[i]] == s.tags[i];
      words += ids.size();
    }
    result.dev_accuracy = words ? static_cast<double>(correct) / static_cast<double>(words) : 0;
    report["dev"] = {{"file", fs::path(request.dev).filename().string()},
                     {"sentences", dev.size()},
                     {"words", words},
                     {"accuracy", result.dev_accuracy}};
  }

  const fs::path dir = request.out;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    throw Error(ErrorCode::kIo, fmt::format("cannot create the directory: {}", ec.message()),
                dir.string());
  const std::string model_bytes = tagger.serialize();
  const std::string report_text = report.dump(2) + "\n";
  write_file_atomically(dir / kTaggerFile, model_bytes);
  write_file_atomically(dir / "report.json", report_text);
  json manifest = {
      {"format", "secnlp-model"},
      {"version", kPosFormatVersion},
      {"task", "pos"},
      {"model", "averaged_perceptron"},
      {"tagset", corpora::tag_column_name(column)},
      {"classes", tagger.tags()},
      {"secnlp", "0.1.0"},
      {"created",
       fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(
                                                std::chrono::system_clock::now())))},
      {"training",
       {{"data", fs::path(request.data).filename().string()},
        {"data_hash", hex_digest_file(request.data)},
        {"sentences", result.sentences},
        {"words", result.words},
        {"epochs", request.options.epochs},
        {"seed", request.options.seed},
        {"dictionary_min_count", request.options.dictionary_min_count},
        {"dictionary_min_share", request.options.dictionary_min_share}}},
      {"files", {{kTaggerFile, file_entry(model_bytes)}, {"report.json", file_entry(report_text)}}},
  };
  manifest["checksum"] = checksum_of(manifest);
  write_file_atomically(dir / "manifest.json", manifest.dump(2) + "\n");
  return result;
}

std::string model_task(const fs::path& dir) {
  return read_manifest(dir)["task"].get<std::string>();
}

std::shared_ptr<const PosModel> load_pos_model(const fs::path& dir) {
  const json m = read_manifest(dir);
  const std::string path = (dir / "manifest.json").string();
  auto model = std::make_shared<PosModel>();
  try {
    if (m.value("format", "") != "secnlp-model")
      throw Error(ErrorCode::kResource, "not a secnlp model manifest", path);
    const int version = json_integer<int>(m.at("version"));
    if (version > kPosFormatVersion)
      throw Error(ErrorCode::kResource,
                  fmt::format("model format version {} is newer than this secnlp reads ({})",
                              version, kPosFormatVersion),
                  path);
    const std::string task = m.at("task").get<std::string>();
    if (task != "pos")
      throw Error(ErrorCode::kResource,
                  fmt::format("a '{}' model, not a part-of-speech ('pos') model", task), path);
    if (m.at("checksum").get<std::string>() != checksum_of(m))
      throw Error(ErrorCode::kResource,
                  "edited after training: its checksum no longer matches; restore the file or "
                  "train again",
                  path);
    model->tagset = m.at("tagset").get<std::string>();
    corpora::parse_tag_column(model->tagset);
    std::string tagger_bytes;
    for (const auto& [name, entry] : m.at("files").items()) {
      const fs::path file = dir / name;
      if (!fs::exists(file))
        throw Error(ErrorCode::kResource, "missing (listed in manifest.json)", file.string());
      std::string bytes = read_file_bytes(file);
      if (bytes.size() != entry.at("bytes").get<std::uint64_t>() ||
          hex_digest(bytes) != entry.at("hash").get<std::string>())
        throw Error(ErrorCode::kResource,
                    "corrupt: size or hash differs from manifest.json (re-train or restore it)",
                    file.string());
      if (name == kTaggerFile) {
        model->hash = entry.at("hash").get<std::string>();
        tagger_bytes = std::move(bytes);
      }
    }
    if (model->hash.empty())
      throw Error(ErrorCode::kResource, "manifest lists no tagger.bin", path);
    model->tagger = nlp::PerceptronTagger::deserialize(tagger_bytes, (dir / kTaggerFile).string());
  } catch (const json::exception& e) {
    throw Error(ErrorCode::kResource, fmt::format("malformed manifest: {}", e.what()), path);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kInvalidArgument)
      throw Error(ErrorCode::kResource, e.message(), path);
    throw;
  }
  return model;
}

PosEvaluation evaluate_pos_model(const PosModel& model, const fs::path& conllu) {
  const auto data = read_tagged(conllu.string(), corpora::parse_tag_column(model.tagset));
  PosEvaluation out;
  out.sentences = data.size();
  out.classes = model.tagger.tags();
  std::map<std::string, int, std::less<>> unseen;
  std::vector<int> truth, predicted;
  nlp::TagScratch scratch;
  std::vector<std::uint16_t> ids;
  for (const auto& s : data) {
    model.tagger.tag(std::span<const std::string>(s.words), ids, scratch);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      int gold = model.tagger.tag_id(s.tags[i]);
      if (gold < 0) {
        auto [it, fresh] = unseen.try_emplace(s.tags[i], static_cast<int>(out.classes.size()));
        if (fresh) out.classes.push_back(s.tags[i]);
        gold = it->second;
      }
      truth.push_back(gold);
      predicted.push_back(ids[i]);
    }
  }
  out.report = classification_report(truth, predicted, out.classes.size());
  return out;
}

}  // namespace secnlp::models
