#pragma once
// The model directory on disk (internal; torch): writing model.pt + manifest.json, and loading
// them back with every check a user needs when a file is wrong or damaged.
//
// manifest.json = the caller's object plus "format": "secnlp-model", "version":
// kModelFormatVersion, "secnlp", "created" and "files": {name: {"bytes", "hash"}} for model.pt
// and the extra files, and "checksum" (the hash of the manifest without it). Loading rejects
// another format, a newer version, a manifest edited after training (checksum), classes or
// sizes out of range (checked before anything is allocated), weights whose shapes differ from
// the network the manifest describes (e.g. a class count other than the output layer's), a
// missing file, or a file whose size or hash differs (Error(kResource) naming the file).

#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include <torch/types.h>

#include "models/data/model_manifest.h"  // kModelFormatVersion, parse_model_manifest
#include "models/nets/classifier_net.h"
#include "models/train/training.h"

namespace secnlp::models {

// Saves `net`'s weights as <dir>/model.pt and writes <dir>/manifest.json last (both atomically),
// so a directory with a manifest always has the files it lists.
void write_model_dir(torch::nn::Module& net, const std::filesystem::path& dir,
                     const std::string& manifest_json, std::span<const std::string> extra_files);

// Reads and checks the manifest and the listed files' sizes and hashes; returns the manifest
// text and its summary.
ModelInfo check_model_dir(const std::filesystem::path& dir);

// Builds the manifest's network and loads model.pt onto `device`.
std::shared_ptr<ClassifierNet> load_model_net(const std::filesystem::path& dir,
                                              const ModelInfo& info, const torch::Device& device);

}  // namespace secnlp::models
