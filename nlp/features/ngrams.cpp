#include "nlp/features/ngrams.h"

#include <string>

#include "common/error.h"

namespace secnlp::nlp {

void check_ngram_range(int min_n, int max_n) {
  if (min_n < 1 || max_n < min_n) {
    throw Error(ErrorCode::kInvalidArgument, "invalid ngram range (" + std::to_string(min_n) +
                                                 ", " + std::to_string(max_n) +
                                                 "): need 1 <= min_n <= max_n");
  }
}

void append_ngrams(std::span<const std::string> tokens, int min_n, int max_n,
                   std::vector<std::string>& out) {
  for_each_ngram(tokens, min_n, max_n, [&out](std::string_view gram) { out.emplace_back(gram); });
}

}  // namespace secnlp::nlp
