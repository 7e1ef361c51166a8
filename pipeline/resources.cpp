#include "pipeline/resources.h"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"

#include "corpora/lexicons/cmudict.h"
#include "corpora/lexicons/hyphenation.h"
#include "corpora/lexicons/lm_lexicon_reader.h"
#include "corpora/resources/wordnet.h"
#include "models/tagging/ner_model_dir.h"
#include "nlp/lexicon/sentiment_lexicon.h"

namespace secnlp::pipeline {

std::string resource_content_hash(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec))
    return hex_digest(read_file_bytes(path, ErrorCode::kIo, "resource file"));
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
    if (entry.is_regular_file(ec)) files.push_back(entry.path());
  }
  if (ec)
    throw Error(ErrorCode::kIo, "cannot list resource folder: " + ec.message(), path.string());
  std::sort(files.begin(), files.end());
  std::string digests;
  for (const auto& f : files) {
    digests += f.filename().string();
    digests += ' ';
    digests += hex_digest(read_file_bytes(f, ErrorCode::kIo, "resource file"));
    digests += '\n';
  }
  return hex_digest(digests);
}

Resources::Resources(ResourcePaths paths) : paths_(std::move(paths)) {}

void Resources::record_file(const std::string& role, const std::filesystem::path& path) {
  std::string hash = resource_content_hash(path);
  std::lock_guard lock(mutex_);
  identity_[role] = {path.string(), std::move(hash)};
}

bool Resources::has_identity(const std::string& role) const {
  std::lock_guard lock(mutex_);
  return identity_.count(role) > 0;
}

void Resources::record_syllable_sources() {
  std::string cmudict =
      hex_digest(read_file_bytes(paths_.cmudict, ErrorCode::kResource, "pronouncing dictionary"));
  std::string hyphen =
      hex_digest(read_file_bytes(paths_.hyphen, ErrorCode::kResource, "hyphenation patterns"));
  std::lock_guard lock(mutex_);
  identity_["cmudict"] = {paths_.cmudict.string(), std::move(cmudict)};
  identity_["hyphen"] = {paths_.hyphen.string(), std::move(hyphen)};
}

std::string Resources::identity(bool with_paths) const {
  std::lock_guard lock(mutex_);  // a background load may record its file meanwhile
  std::string out;
  for (const auto& [role, file] : identity_) {
    const auto& [path, hash] = file;
    out += fmt::format("resource {} {}", role, hash);
    if (with_paths && !path.empty()) out += fmt::format(" ({})", path);
    out += '\n';
  }
  return out;
}
Resources::~Resources() = default;

std::shared_ptr<const corpora::WordNetData> Resources::wordnet() {
  std::lock_guard lock(mutex_);
  if (!wordnet_) {
    wordnet_ = corpora::load_wordnet(paths_.wordnet_dir);
    identity_["wordnet"] = {paths_.wordnet_dir.string(), resource_content_hash(paths_.wordnet_dir)};
  }
  return wordnet_;
}

// The pronouncing dictionary and the hyphenation patterns each have their own lock, so that the
// readability stage can load them on two threads at once.
std::shared_ptr<const corpora::PronouncingDictionary> Resources::cmudict() {
  std::lock_guard load(cmudict_mutex_);
  if (!cmudict_) {
    // Hashed as it is read (one read), unless record_syllable_sources() hashed it already: the
    // identity the run's configuration hash was made from stays the one recorded.
    const bool recorded = has_identity("cmudict");
    std::string hash;
    auto loaded = corpora::load_cmudict(paths_.cmudict, recorded ? nullptr : &hash);
    std::lock_guard lock(mutex_);
    if (!recorded) identity_["cmudict"] = {paths_.cmudict.string(), std::move(hash)};
    cmudict_ = std::move(loaded);
  }
  return cmudict_;
}

std::shared_ptr<const corpora::Hyphenator> Resources::hyphenator() {
  std::lock_guard load(hyphenator_mutex_);
  if (!hyphenator_) {
    auto loaded = corpora::load_hyphenator(paths_.hyphen);
    if (!has_identity("hyphen")) {
      std::string hash = resource_content_hash(paths_.hyphen);
      std::lock_guard lock(mutex_);
      identity_["hyphen"] = {paths_.hyphen.string(), std::move(hash)};
    }
    hyphenator_ = std::move(loaded);
  }
  return hyphenator_;
}

std::shared_ptr<const nlp::SentimentLexicon> Resources::lexicon() {
  std::lock_guard lock(mutex_);
  if (!lexicon_loaded_) {
    lexicon_loaded_ = true;
    if (paths_.lexicon) {
      lexicon_ =
          std::make_shared<const nlp::SentimentLexicon>(corpora::load_lm_lexicon(*paths_.lexicon));
      identity_["lexicon"] = {paths_.lexicon->string(), resource_content_hash(*paths_.lexicon)};
    } else {
      identity_["lexicon"] = {"", "none"};
    }
  }
  return lexicon_;
}

std::shared_ptr<const models::LoadedNerModel> Resources::ner_model(
    const std::filesystem::path& dir) {
  std::lock_guard lock(mutex_);
  if (!ner_model_) {
    std::filesystem::path path = dir;
    if (path.empty() && paths_.ner_model) path = *paths_.ner_model;
    if (path.empty())
      throw Error(ErrorCode::kConfig,
                  "stage 'entities' needs a model: pass --ner-model DIR or set [entities] model "
                  "(train one with secnlp train --task ner)");
    auto loaded = std::make_shared<models::LoadedNerModel>(models::load_ner_dir(path));
    identity_["ner_model"] = {path.string(), loaded->hash};
    ner_model_ = std::move(loaded);
  }
  return ner_model_;
}

}  // namespace secnlp::pipeline
