#pragma once
// The manifest.json of a model directory (torch-free): parsing and checking every field a model
// directory needs before its weights are touched. models/train/model_dir.cpp writes manifests
// and checks the listed files; this unit only reads the JSON text, so that the sanitized build
// and the fuzzers cover it.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::models {

inline constexpr int kModelFormatVersion = 1;

// A file the manifest lists under "files": {name: {"bytes": N, "hash": "..."}}.
struct ManifestFile {
  std::string name;
  std::uint64_t bytes = 0;
  std::string hash;
};

// The "text" object of a text model's manifest.
struct TextManifest {
  std::string preprocess_json;  // the "preprocess" object, as JSON text
  std::uint64_t vocabulary_size = 0;
  std::uint64_t sequence_length = 0;
  std::string padding, truncating;  // "pre" | "post"
};

// The "vision" object of a vision model's manifest.
struct VisionManifest {
  std::int64_t channels = 0, height = 0, width = 0;
  std::vector<float> mean, std;
};

struct ModelManifest {
  int version = 0;
  std::string task;  // "text" | "vision"
  std::string model;
  std::string model_options_json;  // the "model_options" value, as JSON text
  std::vector<std::string> classes;
  std::vector<ManifestFile> files;  // in the manifest's order
  TextManifest text;                // task "text" only
  VisionManifest vision;            // task "vision" only
};

// Parses a manifest. Throws Error(kResource, ..., path_for_errors) when the text is not JSON,
// not a secnlp-model manifest, of a newer format version, or a field is missing or of the wrong
// type (the task's own object included; the preprocess options are checked as
// preprocess_options_from_json does, paddings as parse_padding does). Never throws anything else
// (std::bad_alloc aside). Linear in the text.
ModelManifest parse_model_manifest(std::string_view json, std::string_view path_for_errors);

}  // namespace secnlp::models
