#pragma once
// Maps the tokens of two documents to dense uint32 ids so that word_diff.h compares integers,
// not strings. Equal tokens get equal ids; ids are assigned in order of first appearance (a's
// tokens first, then b's new ones), so they are < vocabulary_size.
//
// Cost: one hash lookup per token; the table holds string_views into the inputs, which must
// outlive the call only (the result owns no strings).

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::nlp {

// Both documents as id sequences over their joint vocabulary.
struct InternedPair {
  std::vector<std::uint32_t> a;
  std::vector<std::uint32_t> b;
  std::size_t vocabulary_size = 0;  // distinct tokens in a and b together
};

InternedPair intern_tokens(std::span<const std::string> a, std::span<const std::string> b);
InternedPair intern_tokens(std::span<const std::string_view> a,
                           std::span<const std::string_view> b);

}  // namespace secnlp::nlp
