// Pretrained word vectors (word2vec / GloVe text) against a small fixed vocabulary; the first
// byte picks the expected dimension (0: taken from the file).
#include <sstream>

#include "common/error.h"
#include "models/data/pretrained_vectors.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace secnlp::models;
  if (size == 0) return 0;
  static const Vocabulary vocabulary =
      Vocabulary::build({{"the", "profit", "loss", "the", "revenue", "Apple", "a"}}, {});
  const std::size_t expected_dim = data[0] % 8;
  std::istringstream in(std::string(secnlp::fuzz::as_view(data + 1, size - 1)));
  try {
    const auto rows = parse_pretrained_vectors(in, vocabulary, expected_dim, "fuzz.vec");
    if (rows.values.size() != vocabulary.size() * rows.dim) __builtin_trap();
    if (rows.found.size() != vocabulary.size()) __builtin_trap();
  } catch (const secnlp::Error&) {
  }
  return 0;
}
