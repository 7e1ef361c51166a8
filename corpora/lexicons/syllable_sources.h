#pragma once
// Adapters from the loaded resources to nlp::SyllableCounter (which does no file I/O itself).

#include <memory>

#include "corpora/lexicons/cmudict.h"
#include "corpora/lexicons/hyphenation.h"
#include "nlp/readability/syllables.h"

namespace secnlp::corpora {

// A counter using `dictionary` first and `hyphenator` as the fallback; either may be null (then
// that stage is skipped; with both null only the vowel-group estimate is used). The counter holds
// the shared pointers, so it stays valid after the caller drops its own. Thread-safe.
nlp::SyllableCounter make_syllable_counter(std::shared_ptr<const PronouncingDictionary> dictionary,
                                           std::shared_ptr<const Hyphenator> hyphenator);

// The default counter: load_cmudict() and load_hyphenator() from the Debian paths. Throws
// Error(kResource) naming the missing file.
nlp::SyllableCounter load_default_syllable_counter();

}  // namespace secnlp::corpora
