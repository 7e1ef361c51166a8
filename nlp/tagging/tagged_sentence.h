#pragma once
// A sentence of words with one tag per word: what taggers train on and what readers of
// annotated corpora (corpora/datasets) return.

#include <string>
#include <vector>

namespace secnlp::nlp {

struct TaggedSentence {
  std::vector<std::string> words;
  std::vector<std::string> tags;  // tags.size() == words.size()
};

}  // namespace secnlp::nlp
