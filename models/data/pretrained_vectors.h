#pragma once
// Pretrained word vectors in the text formats of word2vec (first line "count dim") and GloVe
// (no header): one word per line followed by its `dim` values, separated by spaces. Torch-free
// (models/data), so that the sanitized build and the fuzzers cover it.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <istream>
#include <string_view>
#include <vector>

#include "models/data/vocabulary.h"

namespace secnlp::models {

struct PretrainedRows {
  std::size_t dim = 0;
  std::vector<float> values;  // vocabulary.size() x dim, row-major; rows not found are 0
  std::vector<bool> found;    // per vocabulary id
  std::size_t found_count = 0;
};

// Published vectors have 25 to a few thousand dimensions; a file that declares (or has) more is
// refused before anything is allocated for it.
inline constexpr std::size_t kMaxPretrainedDimensions = 4096;

// Reads the vectors of the words in `vocabulary` (exact match first, else the lowercased
// word). Lines of words not in the vocabulary are skipped without parsing their numbers. A line
// with the wrong number of values, a non-number, nan or inf, or a dimension other than
// `expected_dim` (when > 0) or above kMaxPretrainedDimensions is an Error(kResource) naming the
// file and line. Cost: one pass over the file.
PretrainedRows read_pretrained_vectors(const std::filesystem::path& path,
                                       const Vocabulary& vocabulary, std::size_t expected_dim);

// The same, from a stream; `source` names it in errors.
PretrainedRows parse_pretrained_vectors(std::istream& in, const Vocabulary& vocabulary,
                                        std::size_t expected_dim, std::string_view source);

}  // namespace secnlp::models
