#pragma once
// Part-of-speech tags for raw text, tokenized exactly as `secnlp process` does (the sentences
// stage's SentenceSplitter, then the tokens stage's Treebank tokenizer), with each token's byte
// and character (code point) offsets in the text.
//
// Treebank tokens are not always substrings of the text: a double quote becomes `` or ''. The
// aligner maps each token to the next occurrence at or after the previous token's end (a quote
// token matches '"'); a token it cannot find gets an empty span at the current position.
// Thread-safe; linear in the text.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/tagging/perceptron_tagger.h"
#include "nlp/tokenize/span.h"

namespace secnlp::nlp {

struct TaggedToken {
  std::string text;  // the token as the tokenizer wrote it
  std::uint16_t tag = 0;
  std::uint32_t sentence = 0;  // 0-based sentence index
  Span bytes{0, 0};            // byte offsets in the text, half-open
  Span chars{0, 0};            // code point offsets in the text, half-open
};

// Byte spans of `tokens` in `text`, aligned as described above; `offset` is added to each.
std::vector<Span> align_tokens(std::string_view text, std::span<const std::string> tokens,
                               std::uint32_t offset = 0);

// Sentences, Treebank tokens and tags of `utf8`. Throws what SentenceSplitter::split throws.
std::vector<TaggedToken> tag_text(const PerceptronTagger& tagger, std::string_view utf8);

}  // namespace secnlp::nlp
