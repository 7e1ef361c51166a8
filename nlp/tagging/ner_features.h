#pragma once
// The features of the named-entity recognizer: for each token of a sentence, 64-bit hashes of
// feature strings (word, lowercase, shape, prefixes and suffixes, capitalisation and digit
// patterns, the words and shapes of two neighbours each side, word bigrams, sentence
// position). Hashes, not strings: each token's strings are hashed once and a feature mixes its
// template with them, so there is no allocation per feature, and the model stores only the
// hashes it saw in training. Pure; safe from any thread (buffers are thread_local).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::nlp {

// Features of every token of `tokens`: token i's hashes are
// hashes[offsets[i] .. offsets[i + 1]) (offsets has tokens.size() + 1 entries). `hashes` and
// `offsets` are cleared first; reusing them across sentences avoids allocation. Linear in the
// sentence's bytes (about 30 features per token).
void ner_features(const std::vector<std::string_view>& tokens, std::vector<std::uint64_t>& hashes,
                  std::vector<std::uint32_t>& offsets);

// The word shape the features use: A-Z -> X, a-z -> x, 0-9 -> d, other ASCII kept, non-ASCII
// bytes -> u; runs of one class longer than two collapsed to two ("Xxxxx" -> "Xxx"... see
// tests). Exposed for tests.
std::string word_shape(std::string_view token);

}  // namespace secnlp::nlp
