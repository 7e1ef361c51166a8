#include "pipeline/sentence_corpus.h"

#include "common/ascii.h"
#include "common/file_io.h"
#include "common/log.h"
#include "pipeline/document.h"
#include "pipeline/resources.h"
#include "pipeline/stages/stage_infos.h"
#include "pipeline/store/database.h"
#include "pipeline/store/schema.h"

namespace secnlp::pipeline {

namespace {

// The `sentences` and `tokens` stages built from the configuration.
class CorpusWriter {
 public:
  CorpusWriter(const SentenceCorpusQuery& query, std::ostream& out)
      : lowercase_(query.lowercase), out_(out) {
    StageOptions sentence_options = query.config.options_for("sentences");
    StageOptions token_options = query.config.options_for("tokens");
    splitter_ = stages::sentences_stage().factory(sentence_options, resources_);
    tokenizer_ = stages::tokens_stage().factory(token_options, resources_);
    sentence_options.reject_unknown();
    token_options.reject_unknown();
  }

  void write(std::string text, std::string source_type) {
    Document doc;
    doc.source_type = std::move(source_type);
    doc.text = std::move(text);
    splitter_->run(doc);
    tokenizer_->run(doc);
    std::size_t begin = 0;
    for (const std::uint32_t end : doc.tokens.sentence_end) {
      line_.clear();
      for (std::size_t k = begin; k < end; ++k) {
        if (k > begin) line_ += ' ';
        for (char c : doc.tokens.items[k])
          line_ += ascii::is_space(c) ? '_' : lowercase_ ? ascii::lower(c) : c;
      }
      if (end > begin) {
        line_ += '\n';
        out_ << line_;
        ++stats.sentences;
        stats.tokens += end - begin;
      }
      begin = end;
    }
    ++stats.texts;
  }

  SentenceCorpusStats stats;

 private:
  Resources resources_;
  std::unique_ptr<Stage> splitter_, tokenizer_;
  bool lowercase_;
  std::ostream& out_;
  std::string line_;
};

}  // namespace

SentenceCorpusStats write_sentence_corpus(const SentenceCorpusQuery& query, std::ostream& out) {
  CorpusWriter writer(query, out);
  std::vector<std::string> items = query.sections;
  if (items.empty()) items.push_back("filing");
  for (const std::string& item : items) {
    std::size_t missing = 0;
    auto texts = store::read_section_texts(query.db, query.filter, item, {}, &missing);
    writer.stats.missing_text += missing;
    for (auto& t : texts)
      writer.write(std::move(t.text), std::move(t.source_type));
  }
  if (writer.stats.missing_text)
    log_warn("{} selected documents have no stored text (processed without storing it?)",
             writer.stats.missing_text);
  return writer.stats;
}

SentenceCorpusStats write_text_file_corpus(const std::vector<std::filesystem::path>& files,
                                           const SentenceCorpusQuery& query, std::ostream& out) {
  CorpusWriter writer(query, out);
  for (const auto& file : files)
    writer.write(read_file_bytes(file, ErrorCode::kIo, "text file"), "text");
  return writer.stats;
}

}  // namespace secnlp::pipeline
