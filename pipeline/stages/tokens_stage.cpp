#include <optional>

#include <fmt/format.h>

#include "common/error.h"
#include "nlp/tokenize/pattern_tokenizer.h"
#include "nlp/tokenize/treebank_tokenizer.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

class TokensStage final : public Stage {
 public:
  explicit TokensStage(const StageOptions& o) {
    const std::string tokenizer = o.get_string("tokenizer", "treebank");
    const std::string pattern = o.get_string("pattern", "");
    if (tokenizer == "pattern") {
      pattern_.emplace(pattern);
    } else if (tokenizer != "treebank") {
      throw Error(ErrorCode::kConfig,
                  fmt::format("stage 'tokens': tokenizer must be treebank or pattern, not '{}'",
                              tokenizer));
    } else if (!pattern.empty()) {
      throw Error(ErrorCode::kConfig, "stage 'tokens': 'pattern' needs tokenizer = \"pattern\"");
    }
  }
  SlotSet reads() const override { return kSlotText | kSlotSentences; }
  SlotSet writes() const override { return kSlotTokens; }
  void run(Document& doc) const override {
    doc.tokens.clear();
    doc.pos.clear();
    doc.tokens.sentence_end.reserve(doc.sentences.size());
    doc.tokens.items.reserve(doc.text.size() / 6);
    const std::string_view text = doc.text;
    for (const TextSpan& s : doc.sentences) {
      const std::string_view sentence = text.substr(s.begin, s.end - s.begin);
      if (pattern_) {
        pattern_->tokenize(sentence, doc.tokens.items);
      } else {
        nlp::treebank_tokenize(sentence, doc.tokens.items);
      }
      doc.tokens.sentence_end.push_back(static_cast<std::uint32_t>(doc.tokens.items.size()));
    }
    doc.set_metric("", "sentences", static_cast<double>(doc.sentences.size()));
    doc.set_metric("", "tokens", static_cast<double>(doc.tokens.items.size()));
  }

 private:
  std::optional<nlp::PatternTokenizer> pattern_;
};

}  // namespace

StageInfo tokens_stage() {
  return {
      "tokens",
      "Word tokens per sentence: NLTK Treebank rules (default) or a scikit-learn style pattern",
      {{"tokenizer", "treebank", "treebank or pattern"},
       {"pattern", "", "RE2 token pattern for tokenizer = pattern (empty: \\w\\w+ as sklearn)"}},
      [](const StageOptions& o, Resources&) { return std::make_unique<TokensStage>(o); }};
}

}  // namespace secnlp::pipeline::stages
