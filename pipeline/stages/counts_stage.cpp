#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "common/error.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

// Counts n-grams of terms within sentences (an n-gram never spans a sentence boundary), joined
// with a single space as scikit-learn does, for the document and for each section.
class CountsStage final : public Stage {
 public:
  explicit CountsStage(const StageOptions& o)
      : min_n_(static_cast<int>(o.get_int("ngram_min", 1))),
        max_n_(static_cast<int>(o.get_int("ngram_max", 1))) {
    if (min_n_ < 1 || max_n_ < min_n_ || max_n_ > 5)
      throw Error(ErrorCode::kConfig,
                  fmt::format("stage 'counts': need 1 <= ngram_min <= ngram_max <= 5, got {}..{}",
                              min_n_, max_n_));
  }
  SlotSet reads() const override { return kSlotTerms | kSlotSentences; }
  SlotSet writes() const override { return kSlotCounts | kSlotMetrics; }

  void run(Document& doc) const override {
    doc.counts.clear();
    std::unordered_map<std::string, std::uint32_t> counts;
    std::string gram;
    for (const Scope& scope : doc.scopes()) {
      counts.clear();
      std::uint64_t total = 0;
      for (std::size_t s = scope.first_sentence; s < scope.last_sentence; ++s) {
        const auto [begin, end] = doc.terms.range(s, s + 1);
        for (std::size_t i = begin; i < end; ++i) {
          for (int n = min_n_; n <= max_n_ && i + static_cast<std::size_t>(n) <= end; ++n) {
            if (n == 1) {
              ++counts[doc.terms.items[i]];
            } else {
              gram = doc.terms.items[i];
              for (int k = 1; k < n; ++k) {
                gram += ' ';
                gram += doc.terms.items[i + static_cast<std::size_t>(k)];
              }
              ++counts[gram];
            }
            ++total;
          }
        }
      }
      TermCounts sorted(counts.begin(), counts.end());
      std::sort(sorted.begin(), sorted.end());
      doc.set_metric(scope.name, "terms", static_cast<double>(total));
      doc.set_metric(scope.name, "unique_terms", static_cast<double>(sorted.size()));
      doc.counts[scope.name] = std::move(sorted);
    }
  }

 private:
  int min_n_;
  int max_n_;
};

}  // namespace

StageInfo counts_stage() {
  return {
      "counts",
      "Term and n-gram counts per document and section (stored as sparse vectors)",
      {{"ngram_min", "1", "Smallest n-gram"}, {"ngram_max", "1", "Largest n-gram (2: bigrams)"}},
      [](const StageOptions& o, Resources&) { return std::make_unique<CountsStage>(o); }};
}

}  // namespace secnlp::pipeline::stages
