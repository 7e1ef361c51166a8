#pragma once
// CoNLL-U (Universal Dependencies) files for part-of-speech tagging: the words of each sentence
// with their lemma, universal tag (UPOS, column 4) and language-specific tag (XPOS, column 5;
// Penn Treebank tags in the English treebanks).
//
// Lines starting with '#' are comments; a blank line ends a sentence. Multiword-token ranges
// (ids like "3-4") and empty nodes (ids like "8.1") are skipped: the words of a sentence are the
// rows with integer ids, as taggers and the UD evaluation count them. Every word line must have
// 10 tab-separated fields, an integer id that follows the previous one, and a non-empty form;
// anything else throws Error(kParse) with the file in Error::path() and "line N" in the message.
// A UTF-8 BOM and CRLF line ends are accepted. Functions are free and stateless: safe from any
// thread; files are read whole (memory about twice the file size).

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/tagging/tagged_sentence.h"

namespace secnlp::corpora {

// One word: columns 2-5 of a CoNLL-U word line ("_" is kept as written).
struct ConlluWord {
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  std::size_t line = 0;  // 1-based line in the file
};

struct ConlluSentence {
  std::vector<ConlluWord> words;
  std::string id;  // the "# sent_id = ..." comment, if any
};

// Which tag column a tagger learns from.
enum class TagColumn { kUpos, kXpos };

// "upos" or "xpos" (ASCII case ignored); throws Error(kInvalidArgument) otherwise.
TagColumn parse_tag_column(std::string_view name);
std::string_view tag_column_name(TagColumn column);

// Parses CoNLL-U text; `source` names it in errors (a path, or "<text>").
std::vector<ConlluSentence> parse_conllu(std::string_view text, const std::string& source);

// Reads and parses a CoNLL-U file; Error(kIo) naming it when it cannot be read.
std::vector<ConlluSentence> read_conllu(const std::filesystem::path& path);

// The sentences as (words, tags) with tags from `column`. A tag that is "_" or empty throws
// Error(kParse) naming `source` and the sentence's line (e.g. XPOS absent from a treebank).
std::vector<nlp::TaggedSentence> tagged_sentences(const std::vector<ConlluSentence>& sentences,
                                                  TagColumn column, const std::string& source);

}  // namespace secnlp::corpora
