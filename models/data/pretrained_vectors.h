#pragma once
// Pretrained word vectors in the text formats of word2vec (first line "count dim") and GloVe
// (no header): one word per line followed by its `dim` values, separated by spaces; and in the
// word2vec binary format (the "count dim" header line, then per word its UTF-8 bytes, a space and
// `dim` little-endian float32, with or without a newline after each vector, as the original C
// tool and gensim write it). The format is told from the first record. Torch-free (models/data),
// so that the sanitized build and the fuzzers cover it.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <istream>
#include <span>
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

// The standard deviation of all values of the rows found (0 when none): the scale that the
// rows of words the file lacks are given, so that random rows of N(0, 1) (torch's default,
// ~10x a word2vec row in 100 dimensions) do not swamp the pretrained ones.
double found_values_stddev(const PretrainedRows& rows);

// The same, from a stream; `source` names it in errors.
PretrainedRows parse_pretrained_vectors(std::istream& in, const Vocabulary& vocabulary,
                                        std::size_t expected_dim, std::string_view source);

// What read_vector_records found: the dimension, the format, and the records seen.
struct VectorFileInfo {
  std::size_t dim = 0;
  bool binary = false;
  std::size_t records = 0;
};

// The engine of both readers above and of models/embeddings: calls `want(word)` for every record
// and, when it returns true, parses the values and calls `take(word, values)`. Records of words
// not wanted are skipped without parsing their numbers (text) or checking them (binary). The
// same errors as parse_pretrained_vectors, naming the line (text) or the vector's number
// (binary); a binary file that ends before its declared count is an error. One pass; the stream
// must be seekable when it starts with a header (the first record is read twice to tell the
// format).
VectorFileInfo read_vector_records(
    std::istream& in, std::size_t expected_dim, std::string_view source,
    const std::function<bool(std::string_view word)>& want,
    const std::function<void(std::string_view word, std::span<const float> values)>& take);

}  // namespace secnlp::models
