#include "nlp/filters/stemmer.h"

#include <array>
#include <climits>
#include <memory>
#include <new>

#include <libstemmer.h>

#include "common/error.h"
#include "nlp/filters/english_stemmer.h"

namespace secnlp::nlp {

namespace {

struct Algorithm {
  std::string_view name;        // ours
  const char* libstemmer_name;  // libstemmer's; nullptr for the native porter2
};

constexpr std::array<Algorithm, 3> kAlgorithms = {{
    {"porter2", nullptr},
    {"porter2-libstemmer", "english"},
    {"porter", "porter"},
}};

struct SbStemmerDeleter {
  void operator()(sb_stemmer* s) const noexcept { sb_stemmer_delete(s); }
};
using SbStemmerPtr = std::unique_ptr<sb_stemmer, SbStemmerDeleter>;

// This thread's sb_stemmer for libstemmer algorithm `index`, created on first use.
sb_stemmer* thread_stemmer(int index) {
  thread_local std::array<SbStemmerPtr, kAlgorithms.size()> cache;
  SbStemmerPtr& slot = cache[static_cast<std::size_t>(index)];
  if (!slot) {
    const char* name = kAlgorithms[static_cast<std::size_t>(index)].libstemmer_name;
    slot.reset(sb_stemmer_new(name, "UTF_8"));
    if (!slot) {
      throw Error(ErrorCode::kResource,
                  std::string("libstemmer has no algorithm '") + name + "' for UTF-8",
                  "libstemmer");
    }
  }
  return slot.get();
}

bool is_native(int index) {
  return kAlgorithms[static_cast<std::size_t>(index)].libstemmer_name == nullptr;
}

}  // namespace

Stemmer::Stemmer(std::string_view algorithm) : algorithm_(algorithm), index_(-1) {
  for (std::size_t i = 0; i < kAlgorithms.size(); ++i) {
    if (kAlgorithms[i].name == algorithm) index_ = static_cast<int>(i);
  }
  if (index_ < 0) {
    std::string valid;
    for (const Algorithm& a : kAlgorithms) {
      if (!valid.empty()) valid += ", ";
      valid += a.name;
    }
    throw Error(
        ErrorCode::kConfig,
        "unknown stemming algorithm '" + std::string(algorithm) + "' (valid: " + valid + ")",
        "stemmer");
  }
  // Fail here, not on the first word, if libstemmer lacks the algorithm.
  if (!is_native(index_)) thread_stemmer(index_);
}

void Stemmer::stem(std::string_view word, std::string& out) const {
  if (is_native(index_)) {
    porter2_stem(word, out);
    return;
  }
  if (word.size() > static_cast<std::size_t>(INT_MAX)) {
    throw Error(ErrorCode::kLimit, "word too long to stem", "stemmer");
  }
  sb_stemmer* s = thread_stemmer(index_);
  const sb_symbol* stemmed = sb_stemmer_stem(s, reinterpret_cast<const sb_symbol*>(word.data()),
                                             static_cast<int>(word.size()));
  if (stemmed == nullptr) throw std::bad_alloc();
  out.assign(reinterpret_cast<const char*>(stemmed),
             static_cast<std::size_t>(sb_stemmer_length(s)));
}

std::string Stemmer::stem(std::string_view word) const {
  std::string out;
  stem(word, out);
  return out;
}

}  // namespace secnlp::nlp
