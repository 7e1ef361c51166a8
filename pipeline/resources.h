#pragma once
// Shared read-only resources that stages need (WordNet, CMUdict, hyphenation patterns, the
// Loughran-McDonald lexicon), loaded once on first use and shared by all stages and threads.
// Paths default to where Debian's packages put them; the CLI can override each.

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>

namespace secnlp::corpora {
struct WordNetData;
class PronouncingDictionary;
class Hyphenator;
}  // namespace secnlp::corpora
namespace secnlp::nlp {
class SentimentLexicon;
}

namespace secnlp::pipeline {

struct ResourcePaths {
  std::filesystem::path wordnet_dir = "/usr/share/wordnet";
  std::filesystem::path cmudict = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";
  std::filesystem::path hyphen = "/usr/share/hyphen/hyph_en_US.dic";
  // Loughran-McDonald lexicon (master dictionary CSV, a folder of word lists, or one list).
  // Copyrighted, so never shipped: absent means no LM metrics.
  std::optional<std::filesystem::path> lexicon;
};

// Not copyable; the loaded objects are immutable and thread-safe. Loading is done at pipeline
// build time (single thread), so accessors need no locking while documents are processed.
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

 private:
  ResourcePaths paths_;
  std::mutex mutex_;
  std::shared_ptr<const corpora::WordNetData> wordnet_;
  std::shared_ptr<const corpora::PronouncingDictionary> cmudict_;
  std::shared_ptr<const corpora::Hyphenator> hyphenator_;
  std::shared_ptr<const nlp::SentimentLexicon> lexicon_;
  bool lexicon_loaded_ = false;
};

}  // namespace secnlp::pipeline
