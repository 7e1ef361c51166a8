#include "pipeline/resources.h"

#include "corpora/lexicons/cmudict.h"
#include "corpora/lexicons/hyphenation.h"
#include "corpora/lexicons/lm_lexicon_reader.h"
#include "corpora/resources/wordnet.h"
#include "nlp/lexicon/sentiment_lexicon.h"

namespace secnlp::pipeline {

Resources::Resources(ResourcePaths paths) : paths_(std::move(paths)) {}
Resources::~Resources() = default;

std::shared_ptr<const corpora::WordNetData> Resources::wordnet() {
  std::lock_guard lock(mutex_);
  if (!wordnet_) wordnet_ = corpora::load_wordnet(paths_.wordnet_dir);
  return wordnet_;
}

std::shared_ptr<const corpora::PronouncingDictionary> Resources::cmudict() {
  std::lock_guard lock(mutex_);
  if (!cmudict_) cmudict_ = corpora::load_cmudict(paths_.cmudict);
  return cmudict_;
}

std::shared_ptr<const corpora::Hyphenator> Resources::hyphenator() {
  std::lock_guard lock(mutex_);
  if (!hyphenator_) hyphenator_ = corpora::load_hyphenator(paths_.hyphen);
  return hyphenator_;
}

std::shared_ptr<const nlp::SentimentLexicon> Resources::lexicon() {
  std::lock_guard lock(mutex_);
  if (!lexicon_loaded_) {
    lexicon_loaded_ = true;
    if (paths_.lexicon) {
      lexicon_ =
          std::make_shared<const nlp::SentimentLexicon>(corpora::load_lm_lexicon(*paths_.lexicon));
    }
  }
  return lexicon_;
}

}  // namespace secnlp::pipeline
