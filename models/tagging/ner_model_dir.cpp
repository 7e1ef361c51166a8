#include "models/tagging/ner_model_dir.h"

#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"
#include "common/log.h"
#include "corpora/datasets/conll_columns_reader.h"
#include "models/data/model_manifest.h"
#include "nlp/tokenize/treebank_tokenizer.h"

namespace secnlp::models {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr char kWeightsFile[] = "ner.bin";
constexpr char kReportFile[] = "report.json";

std::string manifest_checksum(json m) {
  m.erase("checksum");
  return hex_digest(m.dump());
}

json scores_json(const nlp::EntityScores& s) {
  auto counts = [](const nlp::EntityCounts& c) {
    return json{
        {"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()}, {"gold", c.gold},
        {"predicted", c.predicted},   {"correct", c.correct}};
  };
  json types = json::object();
  for (const auto& [type, c] : s.per_type)
    types[type] = counts(c);
  return {{"micro", counts(s.micro)}, {"types", types}, {"token_accuracy", s.token_accuracy()}};
}

std::vector<nlp::NerExample> examples_of(const corpora::TaggedCorpus& c) {
  std::vector<nlp::NerExample> out;
  out.reserve(c.sentences.size());
  for (const auto& s : c.sentences)
    out.push_back({s.tokens, s.tags});
  return out;
}

nlp::EntityScores score_corpus(const nlp::NerModel& m, const corpora::TaggedCorpus& c) {
  nlp::EntityScorer s;
  for (const auto& sentence : c.sentences) {
    const std::vector<std::string_view> tokens(sentence.tokens.begin(), sentence.tokens.end());
    s.add(sentence.tags, m.predict_tags(tokens, c.scheme));
  }
  return s.scores();
}

corpora::ConllColumnsOptions reader_options(const NerTrainRequest& r) {
  corpora::ConllColumnsOptions o;
  o.tag_column = r.tag_column;
  if (!r.scheme.empty()) o.scheme = nlp::parse_tag_scheme(r.scheme);
  return o;
}

}  // namespace

NerTrainResult train_ner_dir(const NerTrainRequest& request) {
  if (request.data.empty()) throw Error(ErrorCode::kInvalidArgument, "--task ner needs --data");
  if (request.out.empty()) throw Error(ErrorCode::kInvalidArgument, "--task ner needs --out");
  if (request.options.epochs < 1)
    throw Error(ErrorCode::kInvalidArgument, "--epochs must be at least 1");
  const auto ropts = reader_options(request);
  const corpora::TaggedCorpus train = corpora::read_conll_columns(request.data, ropts);
  std::optional<corpora::TaggedCorpus> dev;
  if (!request.dev.empty()) dev = corpora::read_conll_columns(request.dev, ropts);
  log_info("ner: {} sentences, {} tokens, scheme {}, types {}", train.sentences.size(),
           train.tokens(), nlp::tag_scheme_name(train.scheme), fmt::join(train.types, " "));

  NerTrainResult result;
  json epochs = json::array();
  std::optional<nlp::NerModel> best;
  double best_f1 = -1;
  nlp::NerModel model = nlp::train_ner_model(
      examples_of(train), train.scheme, request.options, [&](int epoch, const nlp::NerModel& m) {
        result.epochs_run = epoch;
        json e = {{"epoch", epoch}};
        if (dev) {
          const auto s = score_corpus(m, *dev);
          e["dev"] = scores_json(s);
          log_info("ner: epoch {}: dev F1 {:.4f}", epoch, s.micro.f1());
          if (s.micro.f1() > best_f1) {
            best_f1 = s.micro.f1();
            best = m;
            result.best_epoch = epoch;
            result.dev = s;
          }
        } else {
          log_info("ner: epoch {}", epoch);
        }
        epochs.push_back(std::move(e));
        return true;
      });
  if (best) model = std::move(*best);
  if (!dev) result.best_epoch = result.epochs_run;
  result.train = score_corpus(model, train);
  result.sentences = train.sentences.size();
  result.tokens = train.tokens();
  result.features = model.feature_count();

  const fs::path dir = request.out;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec)
    throw Error(ErrorCode::kIo, fmt::format("cannot create the model directory: {}", ec.message()),
                dir.string());
  const std::string weights = model.to_bytes();
  write_file_atomically(dir / kWeightsFile, weights);
  json report = {{"data", request.data},
                 {"data_hash", hex_digest_file(request.data)},
                 {"dev", request.dev},
                 {"sentences", result.sentences},
                 {"tokens", result.tokens},
                 {"features", result.features},
                 {"epochs_run", result.epochs_run},
                 {"kept_epoch", result.best_epoch},
                 {"epochs", epochs},
                 {"train", scores_json(result.train)}};
  if (dev) report["dev_scores"] = scores_json(result.dev);
  const std::string report_text = report.dump(2) + "\n";
  write_file_atomically(dir / kReportFile, report_text);
  json manifest = {
      {"format", "secnlp-model"},
      {"version", kModelFormatVersion},
      {"task", "ner"},
      {"model", "perceptron"},
      {"model_options", {{"epochs", request.options.epochs}, {"seed", request.options.seed}}},
      {"classes", model.types()},
      {"ner", {{"scheme", nlp::tag_scheme_name(model.file_scheme())}, {"labels", model.labels()}}},
      {"secnlp", "0.1.0"},
      {"created",
       fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::chrono::system_clock::to_time_t(
                                                std::chrono::system_clock::now())))},
      {"files",
       {{kWeightsFile, {{"bytes", weights.size()}, {"hash", hex_digest(weights)}}},
        {kReportFile, {{"bytes", report_text.size()}, {"hash", hex_digest(report_text)}}}}}};
  manifest["checksum"] = manifest_checksum(manifest);
  write_file_atomically(dir / "manifest.json", manifest.dump(2) + "\n");
  return result;
}

bool is_ner_model_dir(const fs::path& dir) {
  try {
    const json j = json::parse(read_file_bytes(dir / "manifest.json"));
    return j.is_object() && j.contains("task") && j["task"] == "ner";
  } catch (...) {
    return false;
  }
}

LoadedNerModel load_ner_dir(const fs::path& dir) {
  const fs::path path = dir / "manifest.json";
  if (!fs::exists(path))
    throw Error(ErrorCode::kResource, "not a model directory: no manifest.json", dir.string());
  const std::string text = read_file_bytes(path, ErrorCode::kResource, "manifest");
  const ModelManifest m = parse_model_manifest(text, path.string());
  if (m.task != "ner")
    throw Error(ErrorCode::kResource,
                fmt::format("a '{}' model, not a named-entity (ner) model", m.task), path.string());
  LoadedNerModel out;
  out.dir = dir;
  try {
    const json j = json::parse(text);
    if (j.at("checksum").get<std::string>() != manifest_checksum(j))
      throw Error(ErrorCode::kResource,
                  "edited after training: its checksum no longer matches; restore the file or "
                  "train again",
                  path.string());
  } catch (const json::exception& e) {
    throw Error(ErrorCode::kResource, fmt::format("malformed manifest: {}", e.what()),
                path.string());
  }
  std::string weights;
  for (const auto& entry : m.files) {
    const fs::path file = dir / entry.name;
    if (!fs::exists(file))
      throw Error(ErrorCode::kResource, "missing (listed in manifest.json)", file.string());
    std::string bytes = read_file_bytes(file, ErrorCode::kResource);
    if (bytes.size() != entry.bytes || hex_digest(bytes) != entry.hash)
      throw Error(ErrorCode::kResource,
                  "corrupt: size or hash differs from manifest.json (re-train or restore it)",
                  file.string());
    if (entry.name == kWeightsFile) {
      weights = std::move(bytes);
      out.hash = entry.hash;
    }
  }
  if (weights.empty())
    throw Error(ErrorCode::kResource, "manifest.json lists no ner.bin", path.string());
  out.model = nlp::NerModel::from_bytes(weights, (dir / kWeightsFile).string());
  if (out.model.types() != m.classes)
    throw Error(ErrorCode::kResource, "classes differ from the model's entity types",
                path.string());
  return out;
}

nlp::EntityScores evaluate_ner(const nlp::NerModel& model, const fs::path& data, int tag_column) {
  corpora::ConllColumnsOptions o;
  o.tag_column = tag_column;
  return score_corpus(model, corpora::read_conll_columns(data, o));
}

std::vector<std::pair<std::size_t, std::size_t>> align_tokens(
    std::string_view text, const std::vector<std::string>& tokens) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  out.reserve(tokens.size());
  std::size_t pos = 0;
  for (const auto& t : tokens) {
    while (pos < text.size() &&
           (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r'))
      ++pos;
    if (text.compare(pos, t.size(), t) == 0) {
      out.emplace_back(pos, pos + t.size());
      pos += t.size();
    } else if ((t == "``" || t == "''") && pos < text.size() && text[pos] == '"') {
      out.emplace_back(pos, pos + 1);
      ++pos;
    } else {
      const std::size_t found = text.find(t, pos);
      if (found != std::string_view::npos && !t.empty()) {
        out.emplace_back(found, found + t.size());
        pos = found + t.size();
      } else {
        out.emplace_back(pos, pos);
      }
    }
  }
  return out;
}

TaggedText tag_entities(const nlp::NerModel& model, std::string_view text) {
  TaggedText out;
  const std::vector<std::string> tokens = nlp::treebank_tokenize(text);
  const auto spans = align_tokens(text, tokens);
  // Character offsets: code points before each byte offset, counted in one pass.
  std::vector<std::size_t> char_at(text.size() + 1, 0);
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char_at[i] = chars;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++chars;
  }
  char_at[text.size()] = chars;
  // A byte inside a code point maps to the next one's index; offsets here are token starts and
  // ends, which are on code point boundaries.
  const std::vector<std::string_view> views(tokens.begin(), tokens.end());
  const auto entities = model.predict_entities(views);
  const auto tags = model.predict_tags(views, nlp::TagScheme::kBio);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto [b, e] = spans[i];
    out.tokens.push_back({tokens[i], tags[i], b, e, char_at[b], char_at[e]});
  }
  for (const auto& ent : entities) {
    TextEntity t;
    t.type = ent.span.type;
    t.first_token = ent.span.begin;
    t.last_token = ent.span.end;
    t.byte_begin = spans[ent.span.begin].first;
    t.byte_end = std::max(t.byte_begin, spans[ent.span.end - 1].second);
    t.char_begin = char_at[t.byte_begin];
    t.char_end = char_at[t.byte_end];
    t.text = std::string(text.substr(t.byte_begin, t.byte_end - t.byte_begin));
    t.score = ent.score;
    out.entities.push_back(std::move(t));
  }
  return out;
}

}  // namespace secnlp::models
