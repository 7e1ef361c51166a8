// The binary model files of issue 18's torch-free taggers, as a user's damaged or hostile model
// directory would hand them over: the part-of-speech tagger (PerceptronTagger::deserialize) and
// the named-entity model (NerModel::from_bytes). The first byte picks which; the rest is the
// file. A model that loads must tag a sentence, and NER decoding must stay within its labels.
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "nlp/tagging/ner_model.h"
#include "nlp/tagging/perceptron_tagger.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace secnlp::nlp;
  if (size == 0) return 0;
  const auto bytes = secnlp::fuzz::as_view(data + 1, size - 1);
  static const std::vector<std::string> kWords = {"Acme", "Corp", "sued", "Globex",
                                                  "in",   "Ohio", "."};
  try {
    if (data[0] & 1) {
      const PerceptronTagger tagger = PerceptronTagger::deserialize(bytes, "fuzz.tagger");
      if (tagger.tag(kWords).size() != kWords.size()) __builtin_trap();
    } else {
      const NerModel model = NerModel::from_bytes(bytes, "fuzz.ner");
      const std::vector<std::string_view> tokens(kWords.begin(), kWords.end());
      for (const int label : model.decode(tokens))
        if (label < 0 || static_cast<std::size_t>(label) >= model.labels().size()) __builtin_trap();
    }
  } catch (const secnlp::Error&) {
  }
  return 0;
}
