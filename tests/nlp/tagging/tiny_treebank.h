#pragma once
// A tiny self-written treebank for tagger tests: 48 sentences built from a few templates
// ("The company reported higher revenue ."), tagged with Penn tags, and a converter to the
// universal tags. Deterministic.

#include <string>
#include <vector>

#include "nlp/tagging/tagged_sentence.h"

namespace secnlp::testing {

inline std::vector<nlp::TaggedSentence> tiny_treebank() {
  const std::vector<std::string> dets = {"The", "A", "Our", "This"};
  const std::vector<std::string> adjs = {"higher", "new", "strong", "lower"};
  const std::vector<std::string> nouns = {"company", "revenue", "board", "risk", "debt", "market"};
  const std::vector<std::string> verbs_past = {"reported", "increased", "approved", "reduced"};
  const std::vector<std::string> verbs_modal = {"increase", "affect", "reduce", "harm"};
  const std::vector<std::string> advs = {"significantly", "quickly", "materially"};
  std::vector<nlp::TaggedSentence> out;
  for (std::size_t i = 0; i < 48; ++i) {
    const auto& d = dets[i % dets.size()];
    const auto& a = adjs[(i / 2) % adjs.size()];
    const auto& n1 = nouns[i % nouns.size()];
    const auto& n2 = nouns[(i + 3) % nouns.size()];
    nlp::TaggedSentence s;
    if (i % 3 == 0) {
      s.words = {d, n1, verbs_past[i % 4], a, n2, "."};
      s.tags = {"DT", "NN", "VBD", "JJR", "NN", "."};
      if (a == "new" || a == "strong") s.tags[3] = "JJ";
    } else if (i % 3 == 1) {
      s.words = {d, a, n1, "may", verbs_modal[i % 4], "our", n2, advs[i % 3], "."};
      s.tags = {"DT", "JJ", "NN", "MD", "VB", "PRP$", "NN", "RB", "."};
      if (a == "higher" || a == "lower") s.tags[1] = "JJR";
    } else {
      s.words = {"We", "expect", n1, "to", verbs_modal[i % 4], ",", "and", n2, "will", "grow", "."};
      s.tags = {"PRP", "VBP", "NN", "TO", "VB", ",", "CC", "NN", "MD", "VB", "."};
    }
    out.push_back(std::move(s));
  }
  return out;
}

// Penn -> universal tags for the tags tiny_treebank uses.
inline std::string universal_tag(const std::string& penn) {
  if (penn == "DT") return "DET";
  if (penn == "NN") return "NOUN";
  if (penn == "VBD" || penn == "VB" || penn == "VBP") return "VERB";
  if (penn == "JJ" || penn == "JJR") return "ADJ";
  if (penn == "MD") return "AUX";
  if (penn == "PRP$" || penn == "PRP") return "PRON";
  if (penn == "RB") return "ADV";
  if (penn == "TO") return "PART";
  if (penn == "CC") return "CCONJ";
  return "PUNCT";
}

}  // namespace secnlp::testing
