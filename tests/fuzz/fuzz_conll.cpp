// Annotated-corpus readers of issue 18: CoNLL-U (train --task pos) and CoNLL-2003-style column
// files (train --task ner). The first byte picks the reader and its options; the rest is the
// file. Parsed sentences must hold one tag per token.
#include "common/error.h"
#include "corpora/datasets/conll_columns_reader.h"
#include "corpora/datasets/conllu_reader.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace secnlp::corpora;
  if (size == 0) return 0;
  const std::uint8_t option = data[0];
  const auto text = secnlp::fuzz::as_view(data + 1, size - 1);
  try {
    if (option & 1) {
      const auto sentences = parse_conllu(text, "fuzz.conllu");
      const auto tagged = tagged_sentences(
          sentences, (option & 2) ? TagColumn::kUpos : TagColumn::kXpos, "fuzz.conllu");
      for (const auto& s : tagged)
        if (s.tags.size() != s.words.size()) __builtin_trap();
    } else {
      ConllColumnsOptions o;
      if (option & 2) o.tag_column = (option >> 2) & 3;
      if (option & 0x10) o.scheme = static_cast<secnlp::nlp::TagScheme>(((option >> 5) & 3) % 3);
      const auto corpus = parse_conll_columns(text, "fuzz.txt", o);
      for (const auto& s : corpus.sentences)
        if (s.tags.size() != s.tokens.size()) __builtin_trap();
    }
  } catch (const secnlp::Error&) {
  }
  return 0;
}
