#include "nlp/tagging/text_tagging.h"

#include "nlp/tokenize/sentence_splitter.h"
#include "nlp/tokenize/treebank_tokenizer.h"

namespace secnlp::nlp {

std::vector<Span> align_tokens(std::string_view text, std::span<const std::string> tokens,
                               std::uint32_t offset) {
  std::vector<Span> out;
  out.reserve(tokens.size());
  std::size_t pos = 0;
  for (const auto& t : tokens) {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' ||
                                 text[pos] == '\r' || text[pos] == '\f' || text[pos] == '\v'))
      ++pos;
    std::size_t begin = std::string_view::npos, length = t.size();
    if (text.substr(pos).starts_with(t)) {
      begin = pos;
    } else if ((t == "``" || t == "''") && pos < text.size() && text[pos] == '"') {
      begin = pos;
      length = 1;
    } else {
      begin = text.find(t, pos);
      if (t == "``" || t == "''") {
        const std::size_t q = text.find('"', pos);
        if (q < begin) begin = q, length = 1;
      }
    }
    if (begin == std::string_view::npos) {
      out.push_back(
          Span{static_cast<std::uint32_t>(pos + offset), static_cast<std::uint32_t>(pos + offset)});
      continue;
    }
    pos = begin + length;
    out.push_back(
        Span{static_cast<std::uint32_t>(begin + offset), static_cast<std::uint32_t>(pos + offset)});
  }
  return out;
}

std::vector<TaggedToken> tag_text(const PerceptronTagger& tagger, std::string_view utf8) {
  static const SentenceSplitter splitter;
  std::vector<TaggedToken> out;
  std::vector<std::string> tokens;
  std::vector<std::uint16_t> tags;
  TagScratch scratch;
  // Code points before byte `chars_at`, advanced monotonically.
  std::size_t chars_at = 0, chars = 0;
  auto char_offset = [&](std::size_t byte) {
    for (; chars_at < byte && chars_at < utf8.size(); ++chars_at)
      if ((static_cast<unsigned char>(utf8[chars_at]) & 0xC0) != 0x80) ++chars;
    return static_cast<std::uint32_t>(chars);
  };
  const auto sentences = splitter.split(utf8);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Span sentence = sentences[s];
    tokens.clear();
    treebank_tokenize(utf8.substr(sentence.begin, sentence.end - sentence.begin), tokens);
    tagger.tag(std::span<const std::string>(tokens), tags, scratch);
    const auto spans = align_tokens(utf8.substr(sentence.begin, sentence.end - sentence.begin),
                                    tokens, sentence.begin);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      TaggedToken t;
      t.text = std::move(tokens[i]);
      t.tag = tags[i];
      t.sentence = static_cast<std::uint32_t>(s);
      t.bytes = spans[i];
      t.chars.begin = char_offset(spans[i].begin);
      t.chars.end = char_offset(spans[i].end);
      out.push_back(std::move(t));
    }
  }
  return out;
}

}  // namespace secnlp::nlp
