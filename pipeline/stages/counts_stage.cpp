#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "common/error.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline::stages {
namespace {

// Counts n-grams of terms within sentences (an n-gram never spans a sentence boundary), joined
// with a single space as scikit-learn does, for the document and for each section.
//
// Each n-gram is hashed once per document: it gets a document-local id, and every scope then
// counts ids in a dense array. Sections therefore cost array increments, not string hashing.
class CountsStage final : public Stage {
 public:
  explicit CountsStage(const StageOptions& o)
      : min_n_(static_cast<int>(o.get_int("ngram_min", 1, 1, 5))),
        max_n_(static_cast<int>(o.get_int("ngram_max", 1, 1, 5))) {
    if (min_n_ < 1 || max_n_ < min_n_ || max_n_ > 5)
      throw Error(ErrorCode::kConfig,
                  fmt::format("stage 'counts': need 1 <= ngram_min <= ngram_max <= 5, got {}..{}",
                              min_n_, max_n_));
  }
  SlotSet reads() const override { return kSlotTerms | kSlotSentences; }
  SlotSet writes() const override { return kSlotCounts | kSlotMetrics; }

  void run(Document& doc) const override {
    doc.counts.clear();
    // 1. Intern: n-gram occurrences as ids, grouped by sentence.
    struct Hash {
      using is_transparent = void;
      std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
      }
    };
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> ids;
    std::vector<const std::string*> names;
    std::vector<std::uint32_t> occurrences;
    std::vector<std::size_t> sentence_end;
    sentence_end.reserve(doc.sentences.size());
    occurrences.reserve(doc.terms.items.size() * static_cast<std::size_t>(max_n_ - min_n_ + 1));
    auto intern = [&](std::string_view gram) {
      auto it = ids.find(gram);
      if (it == ids.end()) {
        it = ids.emplace(std::string(gram), static_cast<std::uint32_t>(names.size())).first;
        names.push_back(&it->first);
      }
      occurrences.push_back(it->second);
    };
    std::string gram;
    for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
      const auto [begin, end] = doc.terms.range(s, s + 1);
      for (std::size_t i = begin; i < end; ++i) {
        for (int n = min_n_; n <= max_n_ && i + static_cast<std::size_t>(n) <= end; ++n) {
          if (n == 1) {
            intern(doc.terms.items[i]);
            continue;
          }
          gram = doc.terms.items[i];
          for (int k = 1; k < n; ++k) {
            gram += ' ';
            gram += doc.terms.items[i + static_cast<std::size_t>(k)];
          }
          intern(gram);
        }
      }
      sentence_end.push_back(occurrences.size());
    }
    // 2. Rank ids by term once, so each scope sorts integers.
    std::vector<std::uint32_t> by_term(names.size());
    for (std::uint32_t i = 0; i < by_term.size(); ++i)
      by_term[i] = i;
    std::sort(by_term.begin(), by_term.end(),
              [&](std::uint32_t a, std::uint32_t b) { return *names[a] < *names[b]; });
    std::vector<std::uint32_t> rank(names.size());
    for (std::uint32_t r = 0; r < by_term.size(); ++r)
      rank[by_term[r]] = r;
    // 3. Count each scope in a dense array.
    std::vector<std::uint32_t> dense(names.size(), 0);
    std::vector<std::uint32_t> touched;
    for (const Scope& scope : doc.scopes()) {
      const std::size_t first =
          scope.first_sentence == 0 || sentence_end.empty()
              ? 0
              : sentence_end[std::min(scope.first_sentence, sentence_end.size()) - 1];
      const std::size_t last =
          scope.last_sentence == 0 || sentence_end.empty()
              ? 0
              : sentence_end[std::min(scope.last_sentence, sentence_end.size()) - 1];
      touched.clear();
      for (std::size_t k = first; k < last; ++k) {
        const std::uint32_t id = occurrences[k];
        if (dense[id]++ == 0) touched.push_back(id);
      }
      std::sort(touched.begin(), touched.end(),
                [&](std::uint32_t a, std::uint32_t b) { return rank[a] < rank[b]; });
      TermCounts sorted;
      sorted.reserve(touched.size());
      for (const std::uint32_t id : touched) {
        sorted.emplace_back(*names[id], dense[id]);
        dense[id] = 0;
      }
      doc.set_metric(scope.name, "terms", static_cast<double>(last - first));
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
