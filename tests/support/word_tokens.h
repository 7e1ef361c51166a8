#pragma once
// The tokens corpus tests hand to scikit-learn: lowercased runs of word bytes (ASCII letters,
// digits, '_' and every non-ASCII byte, so UTF-8 sequences stay whole) of at least two bytes.
// Close to sklearn's \w\w+, always valid UTF-8 when the input is, and identical on both sides
// of a comparison because the C++ test writes exactly these tokens for Python to read.

#include <string>
#include <string_view>
#include <vector>

namespace secnlp::testing {

std::vector<std::string> word_tokens(std::string_view text);

// `text` split on single spaces, empty pieces dropped ("this is  a" -> this, is, a): the
// tokenisation of the small reference corpora written as plain sentences.
std::vector<std::string> split_spaces(std::string_view text);

}  // namespace secnlp::testing
