#pragma once
// Shared read-only resources that stages need (WordNet, CMUdict, hyphenation patterns, the
// Loughran-McDonald lexicon), loaded once on first use and shared by all stages and threads.
// Paths default to where Debian's packages put them; the CLI can override each.

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

namespace secnlp::corpora {
struct WordNetData;
class PronouncingDictionary;
class Hyphenator;
}  // namespace secnlp::corpora
namespace secnlp::nlp {
class SentimentLexicon;
}
namespace secnlp::models {
struct LoadedNerModel;
}

namespace secnlp::pipeline {

struct ResourcePaths {
  std::filesystem::path wordnet_dir = "/usr/share/wordnet";
  std::filesystem::path cmudict = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";
  std::filesystem::path hyphen = "/usr/share/hyphen/hyph_en_US.dic";
  // Loughran-McDonald lexicon (master dictionary CSV, a folder of word lists, or one list).
  // Copyrighted, so never shipped: absent means no LM metrics.
  std::optional<std::filesystem::path> lexicon;
  // Named-entity model directory (secnlp train --task ner) for the opt-in `entities` stage.
  std::optional<std::filesystem::path> ner_model;
};

// Not copyable; the loaded objects are immutable and thread-safe. Each accessor loads under a
// lock on first use (at pipeline build time, or in the background for the readability stage's
// dictionary and hyphenation patterns).
class Resources {
 public:
  explicit Resources(ResourcePaths paths = {});
  ~Resources();
  Resources(const Resources&) = delete;
  Resources& operator=(const Resources&) = delete;

  const ResourcePaths& paths() const { return paths_; }
  std::shared_ptr<const corpora::WordNetData> wordnet();
  std::shared_ptr<const corpora::PronouncingDictionary> cmudict();
  std::shared_ptr<const corpora::Hyphenator> hyphenator();
  // Null when no lexicon path is set.
  std::shared_ptr<const nlp::SentimentLexicon> lexicon();
  // The NER model directory `dir` (empty: paths().ner_model), loaded and checked once
  // (models/tagging/ner_model_dir.h); its manifest checksum is recorded as "ner_model".
  // Error(kConfig) when neither names a directory; Error(kResource) for a damaged one.
  std::shared_ptr<const models::LoadedNerModel> ner_model(const std::filesystem::path& dir = {});

  // Records that a stage read `path` (a file, or a folder of files) as `role` (e.g.
  // "terms.stopword_files"): its content hash becomes part of the pipeline's identity, so a
  // changed file recomputes the documents it affected. The accessors above record their own
  // files. Throws Error(kIo) when the path cannot be read.
  void record_file(const std::string& role, const std::filesystem::path& path);
  // Records the pronouncing dictionary's and the hyphenation patterns' hashes as cmudict() and
  // hyphenator() do, without loading them (the readability stage loads them in the background).
  // Throws Error(kResource) naming the file when one cannot be read.
  void record_syllable_sources();
  // Every resource actually loaded, one line each, sorted by role: "resource ROLE HASH" (HASH
  // "none" for a lexicon stage without a lexicon), with " (PATH)" when `with_paths`. Without
  // paths it is part of the configuration hash: the same content elsewhere is the same input.
  std::string identity(bool with_paths = false) const;

 private:
  bool has_identity(const std::string& role) const;

  ResourcePaths paths_;
  mutable std::mutex mutex_;     // identity_ and the resources without a lock of their own
  std::mutex cmudict_mutex_;     // cmudict_ (held while it loads)
  std::mutex hyphenator_mutex_;  // hyphenator_ (held while it loads)
  std::shared_ptr<const corpora::WordNetData> wordnet_;
  std::shared_ptr<const corpora::PronouncingDictionary> cmudict_;
  std::shared_ptr<const corpora::Hyphenator> hyphenator_;
  std::shared_ptr<const nlp::SentimentLexicon> lexicon_;
  bool lexicon_loaded_ = false;
  std::shared_ptr<const models::LoadedNerModel> ner_model_;
  std::map<std::string, std::pair<std::string, std::string>> identity_;  // role -> (path, hash)
};

// Content hash of a file, or of a folder's regular files (names and contents, sorted by name):
// 16 hex digits. Throws Error(kIo) naming the path when it cannot be read.
std::string resource_content_hash(const std::filesystem::path& path);

}  // namespace secnlp::pipeline
