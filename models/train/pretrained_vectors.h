#pragma once
// Pretrained word vectors in the text formats of word2vec (first line "count dim") and GloVe
// (no header): one word per line followed by its `dim` values, separated by spaces.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "models/data/vocabulary.h"

namespace secnlp::models {

struct PretrainedRows {
  std::size_t dim = 0;
  std::vector<float> values;  // vocabulary.size() x dim, row-major; rows not found are 0
  std::vector<bool> found;    // per vocabulary id
  std::size_t found_count = 0;
};

// Reads the vectors of the words in `vocabulary` (exact match first, else the lowercased
// word). Lines of words not in the vocabulary are skipped without parsing their numbers. A line
// with the wrong number of values, a non-number, nan or inf, more than 4096 dimensions, or a
// dimension other than `expected_dim` (when > 0) is an Error(kResource) naming the file and
// line. Cost: one pass over the file.
PretrainedRows read_pretrained_vectors(const std::filesystem::path& path,
                                       const Vocabulary& vocabulary, std::size_t expected_dim);

}  // namespace secnlp::models
