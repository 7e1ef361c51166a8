#include <fmt/format.h>

#include "common/error.h"
#include "nlp/tokenize/sentence_splitter.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

class SentencesStage final : public Stage {
 public:
  explicit SentencesStage(const StageOptions& o)
      : mode_(o.get_string("line_breaks", "auto")),
        hard_(make(o, nlp::LineBreaks::kHard)),
        paragraph_(make(o, nlp::LineBreaks::kParagraph)) {
    if (mode_ != "auto" && mode_ != "hard" && mode_ != "paragraph")
      throw Error(ErrorCode::kConfig,
                  fmt::format("stage 'sentences': line_breaks must be auto, hard or paragraph, "
                              "not '{}'",
                              mode_));
  }
  SlotSet reads() const override { return kSlotText; }
  SlotSet writes() const override { return kSlotSentences; }
  void run(Document& doc) const override {
    // Text from HTML has one block per line; plain-text filings are hard-wrapped.
    const bool hard = mode_ == "hard" || (mode_ == "auto" && doc.source_type == "html");
    const auto spans = (hard ? hard_ : paragraph_).split(doc.text);
    doc.sentences.clear();
    doc.sentences.reserve(spans.size());
    for (const auto& s : spans)
      doc.sentences.push_back({s.begin, s.end});
    doc.set_metric("", "text_bytes", static_cast<double>(doc.text.size()));
  }

 private:
  static nlp::SentenceSplitter make(const StageOptions& o, nlp::LineBreaks breaks) {
    nlp::SentenceOptions options;
    options.line_breaks = breaks;
    options.extra_abbreviations = o.get_strings("abbreviations");
    return nlp::SentenceSplitter(options);
  }

  std::string mode_;
  nlp::SentenceSplitter hard_;
  nlp::SentenceSplitter paragraph_;
};

}  // namespace

StageInfo sentences_stage() {
  return {"sentences",
          "Sentence boundaries with ICU's BreakIterator plus filing abbreviations (Inc., U.S., "
          "No. 3, Mr.)",
          {{"line_breaks", "auto",
            "hard: every line ends a sentence; paragraph: only blank lines; auto: hard for HTML, "
            "paragraph for plain text"},
           {"abbreviations", "[]", "Extra abbreviations that never end a sentence"}},
          [](const StageOptions& o, Resources&) { return std::make_unique<SentencesStage>(o); }};
}

}  // namespace secnlp::pipeline::stages
