#include <string>
#include <vector>

#include "common/log.h"

#include "nlp/lexicon/lm_counts.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

// Metric name of a category: "negative", "strong_modal", ...
std::string metric_name(nlp::LmCategory c) {
  std::string name(nlp::lm_category_name(c));
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char ch = name[i];
    if (ch >= 'A' && ch <= 'Z') {
      if (i) out += '_';
      out += static_cast<char>(ch - 'A' + 'a');
    } else {
      out += ch;
    }
  }
  return out;
}

class LexiconStage final : public Stage {
 public:
  explicit LexiconStage(Resources& resources) : lexicon_(resources.lexicon()) {
    if (!lexicon_) return;
    // A category the lexicon has no words for is left absent (not zero): a lexicon holding only
    // the Negative list says nothing about positive words.
    std::string missing;
    for (nlp::LmCategory c : nlp::kLmCategories) {
      if (lexicon_->size(c) > 0) {
        present_.push_back(c);
      } else {
        missing += (missing.empty() ? "" : ", ") + std::string(nlp::lm_category_name(c));
      }
    }
    if (!missing.empty()) {
      log_warn("{}: the lexicon has no {} words; those lm_ metrics are left absent",
               resources.paths().lexicon->string(), missing);
    }
  }
  SlotSet reads() const override { return kSlotTokens | kSlotSentences; }
  SlotSet writes() const override { return kSlotMetrics; }

  void run(Document& doc) const override {
    if (!lexicon_) return;  // no lexicon supplied: the metrics are absent, not zero
    for (const Scope& scope : doc.scopes()) {
      const auto [begin, end] = doc.tokens.range(scope.first_sentence, scope.last_sentence);
      const nlp::LmCounts counts = nlp::count_lm(
          std::span<const std::string>(doc.tokens.items.data() + begin, end - begin), *lexicon_);
      doc.set_metric(scope.name, "lm_words", static_cast<double>(counts.words));
      for (nlp::LmCategory c : present_) {
        const std::string name = "lm_" + metric_name(c);
        doc.set_metric(scope.name, name, static_cast<double>(counts.count(c)));
        doc.set_metric(scope.name, name + "_prop", counts.proportion(c));
      }
      // Negations are negated positive words: without a Positive list they are unknown.
      if (lexicon_->size(nlp::LmCategory::kPositive) > 0)
        doc.set_metric(scope.name, "lm_negations", static_cast<double>(counts.negations));
    }
  }

 private:
  std::shared_ptr<const nlp::SentimentLexicon> lexicon_;
  std::vector<nlp::LmCategory> present_;
};

}  // namespace

StageInfo lexicon_stage() {
  return {"lexicon",
          "Loughran-McDonald counts and proportions (negative, positive, uncertainty, litigious, "
          "strong/weak modal, constraining) and negated positives, per document and section. "
          "Needs --lexicon; without it adds nothing",
          {},
          [](const StageOptions&, Resources& r) { return std::make_unique<LexiconStage>(r); },
          /*version=*/2};  // 2: categories the lexicon lacks are absent, not zero
}

}  // namespace secnlp::pipeline::stages
