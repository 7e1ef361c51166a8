#pragma once
// A 2-D map of word vectors: the most frequent words (or a chosen list) through t-SNE, drawn as
// a labelled scatter SVG (models/report/plots.h), coloured by optional word lists. Torch-free.

#include <cstddef>
#include <string>
#include <vector>

#include "models/embeddings/tsne.h"
#include "models/embeddings/word_vectors.h"

namespace secnlp::models {

// A named word list; its words are drawn in the group's colour.
struct WordGroup {
  std::string name;
  std::vector<std::string> words;
};

// Options and defaults: top 500 (the first rows in file order, i.e. the most frequent, skipping
// tokens without a letter such as punctuation and numbers), or exactly `words` when not empty
// (unknown ones are skipped with a warning); groups none (a word in several takes the first);
// t-SNE as TsneOptions (perplexity 30, 1000 iterations, seed 1); title "word map".
struct WordMapOptions {
  std::size_t top = 500;
  std::vector<std::string> words;
  std::vector<WordGroup> groups;
  TsneOptions tsne;
  std::string title = "word map";
};

struct WordMap {
  std::vector<std::string> words;  // in map order
  TsneResult layout;               // points[2i], points[2i+1] for words[i]
  std::string svg;
};

// Chooses the words, runs t-SNE on their vectors and draws the map. Error(kInvalidArgument) when
// fewer than 2 words are chosen or the perplexity is not below their number.
WordMap word_map(const VectorSpace& space, const WordMapOptions& options);

}  // namespace secnlp::models
