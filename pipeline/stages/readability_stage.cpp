#include <exception>
#include <future>
#include <mutex>
#include <optional>

#include <fmt/format.h>

#include "common/error.h"
#include "corpora/lexicons/syllable_sources.h"
#include "nlp/readability/readability.h"
#include "nlp/readability/textstat.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

// The pronouncing dictionary and the hyphenation patterns load on two threads at once: together
// they are most of the start-up of `process` on a small filing (issue 17).
nlp::SyllableCounter load_syllable_counter(Resources& resources) {
  auto hyphenator = std::async(std::launch::async, [&resources] { return resources.hyphenator(); });
  auto cmudict = resources.cmudict();
  return corpora::make_syllable_counter(std::move(cmudict), hyphenator.get());
}

// The syllable counter, loading in the background from the stage's construction until the first
// document needs it: the load (about 100 M instructions) overlaps opening the store and the
// stages before this one instead of delaying every run by it. The files' hashes are taken at
// construction, so the pipeline's identity is complete before any document is processed.
class PendingSyllableCounter {
 public:
  explicit PendingSyllableCounter(Resources& resources) {
    resources.record_syllable_sources();
    pending_ =
        std::async(std::launch::async, [&resources] { return load_syllable_counter(resources); });
  }

  // Waits for the load (once, for every thread); rethrows its error to every caller.
  const nlp::SyllableCounter& get() const {
    std::call_once(ready_, [this] {
      try {
        counter_.emplace(pending_.get());
      } catch (const Error& e) {
        // Name the file in the message: the pipeline re-throws stage errors with the document.
        failure_ = std::make_exception_ptr(
            Error(e.code(), e.path().empty() ? e.message() : e.path() + ": " + e.message()));
      } catch (...) {
        failure_ = std::current_exception();
      }
    });
    if (failure_) std::rethrow_exception(failure_);
    return *counter_;
  }

 private:
  mutable std::future<nlp::SyllableCounter> pending_;  // joined by its destructor
  mutable std::once_flag ready_;
  mutable std::optional<nlp::SyllableCounter> counter_;
  mutable std::exception_ptr failure_;
};

class ReadabilityStage final : public Stage {
 public:
  ReadabilityStage(const StageOptions& o, Resources& resources)
      : textstat_(parse_mode(o.get_string("mode", "standard"))), syllables_(resources) {}
  SlotSet reads() const override { return kSlotText | kSlotSentences | kSlotTokens; }
  SlotSet writes() const override { return kSlotMetrics; }

  void run(Document& doc) const override {
    const std::vector<Scope> scopes = doc.scopes();
    if (textstat_) {
      for (const Scope& scope : scopes)
        run_textstat(doc, scope);
      return;
    }
    // Standard mode: the statistics are sums over sentences, so measure each elementary
    // interval once and add them up per scope (sections would otherwise re-measure the text).
    const nlp::SyllableCounter& syllables = syllables_.get();
    const std::vector<std::size_t> cuts = Document::interval_cuts(scopes, doc.sentences.size());
    std::vector<nlp::TextStatistics> interval(cuts.size() - 1);
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
      const auto [begin, end] = doc.tokens.range(cuts[i], cuts[i + 1]);
      const std::span<const std::string> tokens(doc.tokens.items.data() + begin, end - begin);
      interval[i] =
          nlp::measure(tokens, cuts[i + 1] - cuts[i], syllables, nlp::ReadabilityMode::kStandard);
    }
    for (const Scope& scope : scopes) {
      nlp::TextStatistics stats;
      for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        if (cuts[i] < scope.first_sentence || cuts[i + 1] > scope.last_sentence) continue;
        const nlp::TextStatistics& t = interval[i];
        stats.sentences += t.sentences;
        stats.words += t.words;
        stats.syllables += t.syllables;
        stats.complex_words += t.complex_words;
        stats.polysyllables += t.polysyllables;
        stats.characters += t.characters;
        stats.letters += t.letters;
      }
      doc.set_metric(scope.name, "words", static_cast<double>(stats.words));
      doc.set_metric(scope.name, "syllables", static_cast<double>(stats.syllables));
      doc.set_metric(scope.name, "complex_words", static_cast<double>(stats.complex_words));
      doc.set_metric(scope.name, "polysyllables", static_cast<double>(stats.polysyllables));
      set_scores(doc, scope.name, nlp::compute_scores(stats));
    }
  }

 private:
  void run_textstat(Document& doc, const Scope& scope) const {
    std::string_view text;
    if (scope.first_sentence < scope.last_sentence) {
      const auto begin = doc.sentences[scope.first_sentence].begin;
      const auto end = doc.sentences[scope.last_sentence - 1].end;
      text = std::string_view(doc.text).substr(begin, end - begin);
    }
    const auto stats = nlp::textstat_statistics(text, syllables_.get());
    doc.set_metric(scope.name, "words", static_cast<double>(stats.words));
    doc.set_metric(scope.name, "readability_sentences", static_cast<double>(stats.sentences));
    doc.set_metric(scope.name, "syllables", static_cast<double>(stats.syllables));
    doc.set_metric(scope.name, "complex_words", static_cast<double>(stats.difficult_words));
    doc.set_metric(scope.name, "polysyllables", static_cast<double>(stats.polysyllables));
    set_scores(doc, scope.name, nlp::textstat_scores(stats));
  }

  static void set_scores(Document& doc, const std::string& scope,
                         const nlp::ReadabilityScores& scores) {
    doc.set_metric(scope, "flesch_kincaid_grade", scores.flesch_kincaid_grade);
    doc.set_metric(scope, "flesch_reading_ease", scores.flesch_reading_ease);
    doc.set_metric(scope, "gunning_fog", scores.gunning_fog);
    doc.set_metric(scope, "smog", scores.smog);
    doc.set_metric(scope, "coleman_liau", scores.coleman_liau);
    doc.set_metric(scope, "ari", scores.ari);
  }

  static bool parse_mode(const std::string& mode) {
    if (mode == "standard") return false;
    if (mode == "textstat") return true;
    throw Error(
        ErrorCode::kConfig,
        fmt::format("stage 'readability': mode must be standard or textstat, not '{}'", mode));
  }

  bool textstat_;
  PendingSyllableCounter syllables_;
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
