// Sentence splitter (both line-break modes), Treebank tokenizer and the default pattern tokenizer.
#include "common/error.h"
#include "nlp/tokenize/pattern_tokenizer.h"
#include "nlp/tokenize/sentence_splitter.h"
#include "nlp/tokenize/treebank_tokenizer.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace secnlp::nlp;
  const auto text = secnlp::fuzz::as_view(data, size);
  static const SentenceSplitter hard({LineBreaks::kHard, {}});
  static const SentenceSplitter paragraph({LineBreaks::kParagraph, {"Hldgs."}});
  static const PatternTokenizer words;
  for (const auto* splitter : {&hard, &paragraph}) {
    std::uint32_t last_end = 0;
    for (const auto& s : splitter->split(text)) {  // in order, inside the text, non-empty
      if (s.begin >= s.end || s.end > size || s.begin < last_end) __builtin_trap();
      last_end = s.end;
      (void)treebank_tokenize(text.substr(s.begin, s.end - s.begin));
    }
  }
  (void)treebank_tokenize(text);
  std::vector<std::string> tokens;
  words.tokenize(text, tokens);
  return 0;
}
