#pragma once
// CoNLL-2003-style column files for named entities: one token per line, whitespace-separated
// columns (token first, the entity tag in a chosen column, the last by default), a blank line
// between sentences, "-DOCSTART-" lines between documents. Tags in IO, BIO/IOB2 or IOBES
// (detected, or given). Throws secnlp::Error(kParse) naming the file and 1-based line for a
// line with too few columns, an unknown tag, or (with an explicit scheme) a tag the scheme does
// not have. Stateless; safe from any thread. Memory: about twice the file.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "nlp/tagging/entity_spans.h"

namespace secnlp::corpora {

// One sentence: tokens, their tags as written, the 1-based line of its first token and the
// 0-based index of its document (-DOCSTART- lines; 0 when the file has none).
struct TaggedSentence {
  std::vector<std::string> tokens;
  std::vector<std::string> tags;
  std::size_t line = 0;
  std::size_t document = 0;
};

struct TaggedCorpus {
  std::vector<TaggedSentence> sentences;
  nlp::TagScheme scheme = nlp::TagScheme::kIo;  // detected or as given
  std::vector<std::string> types;               // entity types, sorted
  std::size_t documents = 0;                    // -DOCSTART- lines (0 when none)
  std::size_t tokens() const;
};

// Options of read_conll_columns.
//   tag_column  -1     0-based column of the tag; negative counts from the end (-1 = last).
//   scheme      none   IO, BIO or IOBES; none = detect_tag_scheme over the whole file.
struct ConllColumnsOptions {
  int tag_column = -1;
  std::optional<nlp::TagScheme> scheme;
};

// Parses the text of a column file; `path_for_errors` names it in errors. Lines are split at
// runs of spaces and tabs; a trailing '\r' is dropped; a UTF-8 BOM is skipped.
TaggedCorpus parse_conll_columns(std::string_view text, std::string_view path_for_errors,
                                 const ConllColumnsOptions& options = {});

// Reads and parses a file; Error(kIo) naming it when it cannot be read.
TaggedCorpus read_conll_columns(const std::filesystem::path& path,
                                const ConllColumnsOptions& options = {});

}  // namespace secnlp::corpora
