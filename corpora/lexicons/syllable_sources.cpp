#include "corpora/lexicons/syllable_sources.h"

#include <utility>

namespace secnlp::corpora {

nlp::SyllableCounter make_syllable_counter(std::shared_ptr<const PronouncingDictionary> dictionary,
                                           std::shared_ptr<const Hyphenator> hyphenator) {
  nlp::SyllableDictionary lookup;
  if (dictionary) {
    lookup = [d = std::move(dictionary)](std::string_view w) { return d->syllables(w); };
  }
  nlp::SyllableFallback fallback;
  if (hyphenator) {
    fallback = [h = std::move(hyphenator)](std::string_view w) { return h->syllables(w); };
  }
  return nlp::SyllableCounter(std::move(lookup), std::move(fallback));
}

nlp::SyllableCounter load_default_syllable_counter() {
  return make_syllable_counter(load_cmudict(), load_hyphenator());
}

}  // namespace secnlp::corpora
