#include <fmt/format.h>

#include "common/error.h"
#include "corpora/lexicons/syllable_sources.h"
#include "nlp/readability/readability.h"
#include "nlp/readability/textstat.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

class ReadabilityStage final : public Stage {
 public:
  ReadabilityStage(const StageOptions& o, Resources& resources)
      : textstat_(parse_mode(o.get_string("mode", "standard"))),
        syllables_(corpora::make_syllable_counter(resources.cmudict(), resources.hyphenator())) {}
  SlotSet reads() const override { return kSlotText | kSlotSentences | kSlotTokens; }
  SlotSet writes() const override { return kSlotMetrics; }

  void run(Document& doc) const override {
    for (const Scope& scope : doc.scopes()) {
      nlp::ReadabilityScores scores;
      if (textstat_) {
        std::string_view text;
        if (scope.first_sentence < scope.last_sentence) {
          const auto begin = doc.sentences[scope.first_sentence].begin;
          const auto end = doc.sentences[scope.last_sentence - 1].end;
          text = std::string_view(doc.text).substr(begin, end - begin);
        }
        const auto stats = nlp::textstat_statistics(text, syllables_);
        scores = nlp::textstat_scores(stats);
        doc.set_metric(scope.name, "words", static_cast<double>(stats.words));
        doc.set_metric(scope.name, "readability_sentences", static_cast<double>(stats.sentences));
        doc.set_metric(scope.name, "syllables", static_cast<double>(stats.syllables));
        doc.set_metric(scope.name, "complex_words", static_cast<double>(stats.difficult_words));
        doc.set_metric(scope.name, "polysyllables", static_cast<double>(stats.polysyllables));
      } else {
        const auto [begin, end] = doc.tokens.range(scope.first_sentence, scope.last_sentence);
        const std::span<const std::string> tokens(doc.tokens.items.data() + begin, end - begin);
        const auto stats = nlp::measure(tokens, scope.last_sentence - scope.first_sentence,
                                        syllables_, nlp::ReadabilityMode::kStandard);
        scores = nlp::compute_scores(stats);
        doc.set_metric(scope.name, "words", static_cast<double>(stats.words));
        doc.set_metric(scope.name, "syllables", static_cast<double>(stats.syllables));
        doc.set_metric(scope.name, "complex_words", static_cast<double>(stats.complex_words));
        doc.set_metric(scope.name, "polysyllables", static_cast<double>(stats.polysyllables));
      }
      doc.set_metric(scope.name, "flesch_kincaid_grade", scores.flesch_kincaid_grade);
      doc.set_metric(scope.name, "flesch_reading_ease", scores.flesch_reading_ease);
      doc.set_metric(scope.name, "gunning_fog", scores.gunning_fog);
      doc.set_metric(scope.name, "smog", scores.smog);
      doc.set_metric(scope.name, "coleman_liau", scores.coleman_liau);
      doc.set_metric(scope.name, "ari", scores.ari);
    }
  }

 private:
  static bool parse_mode(const std::string& mode) {
    if (mode == "standard") return false;
    if (mode == "textstat") return true;
    throw Error(
        ErrorCode::kConfig,
        fmt::format("stage 'readability': mode must be standard or textstat, not '{}'", mode));
  }

  bool textstat_;
  nlp::SyllableCounter syllables_;
};

}  // namespace

StageInfo readability_stage() {
  return {
      "readability",
      "Flesch-Kincaid grade, Flesch reading ease, Gunning Fog, SMOG, Coleman-Liau and ARI per "
      "document and section; syllables from CMUdict, then libhyphen (docs/readability.md)",
      {{"mode", "standard",
        "standard (sentences and Treebank words of the pipeline) or textstat (textstat's own "
        "word and sentence rules on the text)"}},
      [](const StageOptions& o, Resources& r) { return std::make_unique<ReadabilityStage>(o, r); }};
}

}  // namespace secnlp::pipeline::stages
