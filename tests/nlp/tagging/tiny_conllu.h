#pragma once
// tiny_treebank() written as CoNLL-U (XPOS in column 5, the matching UPOS in column 4).

#include <string>

#include "tests/nlp/tagging/tiny_treebank.h"

namespace secnlp::testing {

inline std::string tiny_conllu() {
  std::string out;
  int n = 0;
  for (const auto& s : tiny_treebank()) {
    out += "# sent_id = tiny-" + std::to_string(++n) + "\n";
    for (std::size_t i = 0; i < s.words.size(); ++i)
      out += std::to_string(i + 1) + "\t" + s.words[i] + "\t_\t" + universal_tag(s.tags[i]) + "\t" +
             s.tags[i] + "\t_\t0\tdep\t_\t_\n";
    out += "\n";
  }
  return out;
}

}  // namespace secnlp::testing
