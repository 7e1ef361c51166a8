#include "models/data/model_manifest.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "common/json_integer.h"
#include "models/data/text_preprocessor.h"
#include "models/data/vocabulary.h"

namespace secnlp::models {
namespace {

// A count or size: a JSON unsigned integer (nlohmann::json would convert -5 to 2^64 - 5).
std::uint64_t unsigned_field(const nlohmann::json& j, const char* key) {
  const auto& v = j.at(key);
  if (!v.is_number_unsigned())
    throw Error(ErrorCode::kResource, fmt::format("\"{}\" is not a non-negative integer", key));
  return v.get<std::uint64_t>();
}

}  // namespace

ModelManifest parse_model_manifest(std::string_view text, std::string_view path_for_errors) {
  using nlohmann::json;
  const std::string path(path_for_errors);
  ModelManifest out;
  try {
    const json m = json::parse(text);
    if (!m.is_object() || !m.contains("format") || !m["format"].is_string() ||
        m["format"].get<std::string>() != "secnlp-model")
      throw Error(ErrorCode::kResource, "not a secnlp model manifest (format is not secnlp-model)",
                  path);
    out.version = json_integer<int>(m.at("version"));
    if (out.version > kModelFormatVersion)
      throw Error(ErrorCode::kResource,
                  fmt::format("model format version {} is newer than this secnlp reads ({}); "
                              "upgrade secnlp",
                              out.version, kModelFormatVersion),
                  path);
    out.task = m.at("task").get<std::string>();
    out.model = m.at("model").get<std::string>();
    out.model_options_json = m.at("model_options").dump();
    out.classes = m.at("classes").get<std::vector<std::string>>();
    if (out.task != "text" && out.task != "vision" && out.task != "ner")
      throw Error(ErrorCode::kResource, fmt::format("unknown task '{}'", out.task), path);
    const json& files = m.at("files");
    if (!files.is_object())
      throw Error(ErrorCode::kResource, "malformed manifest: \"files\" is not an object", path);
    for (const auto& [name, entry] : files.items())
      out.files.push_back(
          {name, unsigned_field(entry, "bytes"), entry.at("hash").get<std::string>()});
    // "ner": models/tagging/ner_model_dir.h (torch-free) checks the rest.
    if (out.task == "ner") return out;
    if (out.task == "text") {
      const json& t = m.at("text");
      out.text.preprocess_json = t.at("preprocess").dump();
      preprocess_options_from_json(out.text.preprocess_json, path);  // throws kResource
      out.text.vocabulary_size = unsigned_field(t.at("vocabulary"), "size");
      out.text.sequence_length = unsigned_field(t, "sequence_length");
      out.text.padding = t.at("padding").get<std::string>();
      out.text.truncating = t.at("truncating").get<std::string>();
      parse_padding(out.text.padding);
      parse_padding(out.text.truncating);
    } else {
      const json& v = m.at("vision");
      out.vision.channels = static_cast<std::int64_t>(unsigned_field(v, "channels"));
      out.vision.height = static_cast<std::int64_t>(unsigned_field(v, "height"));
      out.vision.width = static_cast<std::int64_t>(unsigned_field(v, "width"));
      out.vision.mean = v.at("mean").get<std::vector<float>>();
      out.vision.std = v.at("std").get<std::vector<float>>();
    }
  } catch (const json::exception& e) {
    throw Error(ErrorCode::kResource, fmt::format("malformed manifest: {}", e.what()), path);
  } catch (const Error& e) {
    if (e.code() == ErrorCode::kResource && !e.path().empty()) throw;
    throw Error(ErrorCode::kResource, fmt::format("malformed manifest: {}", e.message()), path);
  }
  return out;
}

}  // namespace secnlp::models
