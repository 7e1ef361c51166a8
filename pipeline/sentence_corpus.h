#pragma once
// The clean text of stored filings as a training corpus for word vectors and language models:
// one sentence per line, its tokens separated by single spaces, sentences and tokens made by the
// `sentences` and `tokens` stages exactly as `secnlp process` makes them (their options taken
// from the pipeline configuration given, by default the default pipeline's).

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/config.h"
#include "pipeline/store/queries.h"

namespace secnlp::pipeline {

struct SentenceCorpusQuery {
  std::filesystem::path db;
  store::DocumentFilter filter;
  // Section items (e.g. "1A", "7"); empty: the whole text of each filing.
  std::vector<std::string> sections;
  // Lower-case ASCII letters (other letters are kept as they are).
  bool lowercase = false;
  // Where the `sentences` and `tokens` options come from.
  PipelineConfig config = default_pipeline_config();
};

struct SentenceCorpusStats {
  std::size_t texts = 0;         // filings (or sections) written
  std::size_t missing_text = 0;  // selected documents without stored text
  std::size_t sentences = 0;     // lines written (sentences without tokens are left out)
  std::size_t tokens = 0;
};

// Writes the corpus to `out`. Whitespace inside a token (none with the default tokenizers) is
// replaced by '_' so that every line splits back into the same tokens. Throws what the store
// throws (Error(kIo) for a missing database, Error(kInvalidArgument) for an unknown section) and
// Error(kConfig) for bad stage options. Cost: sentence splitting and tokenizing every selected
// text; the texts of one section name are held in memory together.
SentenceCorpusStats write_sentence_corpus(const SentenceCorpusQuery& query, std::ostream& out);

// The same for plain UTF-8 text files (`query.db`, `filter` and `sections` unused), each split
// as `process` splits a plain-text filing. Error(kIo) names a file that cannot be read.
SentenceCorpusStats write_text_file_corpus(const std::vector<std::filesystem::path>& files,
                                           const SentenceCorpusQuery& query, std::ostream& out);

}  // namespace secnlp::pipeline
