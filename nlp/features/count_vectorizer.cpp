#include "nlp/features/count_vectorizer.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "common/error.h"
#include "nlp/features/ngrams.h"
#include "nlp/features/numpy_argsort.h"

namespace secnlp::nlp {
namespace {

void check_bound(const DocumentFrequencyBound& b, const char* name) {
  const bool ok = b.is_proportion ? (b.value >= 0.0 && b.value <= 1.0)
                                  : (b.value >= 0.0 && b.value == std::floor(b.value));
  if (!ok) {
    throw Error(ErrorCode::kInvalidArgument,
                std::string(name) + " must be an integer >= 0 or a proportion in [0.0, 1.0], got " +
                    std::to_string(b.value));
  }
}

// Per-document counting scratch: counts by id plus the ids touched, in first-seen order.
struct DocCounter {
  std::vector<std::uint32_t> counts;
  std::vector<std::uint32_t> touched;

  void add(std::uint32_t id) {
    if (id >= counts.size()) counts.resize(std::max<std::size_t>(id + 1, counts.size() * 2), 0);
    if (counts[id]++ == 0) touched.push_back(id);
  }
};

}  // namespace

std::vector<std::size_t> select_features(std::span<const std::uint32_t> df,
                                         std::span<const std::int64_t> tf, std::size_t n_docs,
                                         const CountOptions& options) {
  // Bounds, in sklearn's order of checks.
  const double high = options.max_df.resolve(n_docs);
  const double low = options.min_df.resolve(n_docs);
  if (high < low) {
    throw Error(ErrorCode::kInvalidArgument, "max_df corresponds to < documents than min_df");
  }
  // The df mask, then the max_features most frequent (numpy's unstable argsort picks ties).
  std::vector<std::size_t> kept;
  for (std::size_t s = 0; s < df.size(); ++s) {
    const double d = df[s];
    if (d <= high && d >= low) kept.push_back(s);
  }
  if (options.max_features && kept.size() > *options.max_features) {
    std::vector<std::int64_t> keys;
    keys.reserve(kept.size());
    for (std::size_t position : kept)
      keys.push_back(-tf[position]);
    const std::vector<std::size_t> order = numpy_argsort(keys);
    std::vector<std::size_t> top;
    top.reserve(*options.max_features);
    for (std::size_t r = 0; r < *options.max_features; ++r)
      top.push_back(kept[order[r]]);
    std::sort(top.begin(), top.end());
    kept = std::move(top);
  }
  if (kept.empty()) {
    throw Error(ErrorCode::kInvalidArgument,
                "After pruning, no terms remain. Try a lower min_df or a higher max_df.");
  }
  return kept;
}

CountVectorizer::CountVectorizer(CountOptions options) : options_(std::move(options)) {
  check_ngram_range(options_.ngram_min, options_.ngram_max);
  check_bound(options_.min_df, "min_df");
  check_bound(options_.max_df, "max_df");
  if (options_.max_features && *options_.max_features == 0) {
    throw Error(ErrorCode::kInvalidArgument, "max_features must be >= 1");
  }
}

CountVectorizer CountVectorizer::with_vocabulary(std::vector<std::string> terms,
                                                 CountOptions options) {
  if (terms.empty()) throw Error(ErrorCode::kInvalidArgument, "empty vocabulary passed to fit");
  CountVectorizer cv(std::move(options));
  cv.index_.reserve(terms.size());
  for (std::uint32_t i = 0; i < terms.size(); ++i) {
    if (!cv.index_.emplace(terms[i], i).second) {
      throw Error(ErrorCode::kInvalidArgument, "Duplicate term in vocabulary: '" + terms[i] + "'");
    }
  }
  cv.vocabulary_ = std::move(terms);
  cv.fitted_ = true;
  cv.fixed_vocabulary_ = true;
  return cv;
}

SparseMatrix CountVectorizer::fit_transform(std::span<const std::vector<std::string>> docs) {
  if (fixed_vocabulary_) return transform(docs);
  // 1. Provisional ids in first-seen order (sklearn's defaultdict), counts per document.
  TermIndex provisional;
  std::vector<const std::string*> terms;  // provisional id -> key stored in `provisional`
  std::vector<std::size_t> row_ptr{0};
  std::vector<std::uint32_t> row_ids;
  std::vector<std::uint32_t> row_counts;
  DocCounter counter;
  for (const auto& doc : docs) {
    for_each_ngram(doc, options_.ngram_min, options_.ngram_max, [&](std::string_view gram) {
      auto it = provisional.find(gram);
      if (it == provisional.end()) {
        it = provisional.emplace(std::string(gram), static_cast<std::uint32_t>(terms.size())).first;
        terms.push_back(&it->first);
      }
      counter.add(it->second);
    });
    for (std::uint32_t id : counter.touched) {
      row_ids.push_back(id);
      row_counts.push_back(options_.binary ? 1 : counter.counts[id]);
      counter.counts[id] = 0;
    }
    counter.touched.clear();
    row_ptr.push_back(row_ids.size());
  }
  if (terms.empty()) {
    throw Error(ErrorCode::kInvalidArgument,
                "empty vocabulary; perhaps the documents only contain stop words");
  }

  const std::size_t n_docs = docs.size();

  // 3. Document and corpus frequencies, then the vocabulary in sorted order.
  const std::size_t n_terms = terms.size();
  std::vector<std::uint32_t> df(n_terms, 0);
  std::vector<std::int64_t> tf(n_terms, 0);
  for (std::size_t k = 0; k < row_ids.size(); ++k) {
    ++df[row_ids[k]];
    tf[row_ids[k]] += row_counts[k];
  }
  std::vector<std::uint32_t> sorted(n_terms);
  for (std::uint32_t i = 0; i < n_terms; ++i)
    sorted[i] = i;
  std::sort(sorted.begin(), sorted.end(),
            [&terms](std::uint32_t a, std::uint32_t b) { return *terms[a] < *terms[b]; });

  // 4. _limit_features on the statistics in sorted order.
  std::vector<std::uint32_t> df_sorted(n_terms);
  std::vector<std::int64_t> tf_sorted(n_terms);
  for (std::size_t i = 0; i < n_terms; ++i) {
    df_sorted[i] = df[sorted[i]];
    tf_sorted[i] = tf[sorted[i]];
  }
  std::vector<char> keep(n_terms, 0);  // by sorted position
  const std::vector<std::size_t> kept_positions =
      select_features(df_sorted, tf_sorted, n_docs, options_);
  for (std::size_t position : kept_positions)
    keep[position] = 1;
  const std::size_t kept = kept_positions.size();

  // 5. Final ids, vocabulary and lookup index.
  constexpr std::uint32_t kDropped = 0xFFFFFFFFu;
  std::vector<std::uint32_t> final_id(n_terms, kDropped);  // by provisional id
  std::vector<std::string> vocabulary;
  vocabulary.reserve(kept);
  for (std::size_t s = 0; s < n_terms; ++s) {
    if (!keep[s]) continue;
    final_id[sorted[s]] = static_cast<std::uint32_t>(vocabulary.size());
    vocabulary.push_back(*terms[sorted[s]]);
  }
  TermIndex index;
  index.reserve(vocabulary.size());
  for (std::uint32_t i = 0; i < vocabulary.size(); ++i)
    index.emplace(vocabulary[i], i);

  // 6. The count matrix with final ids, each row sorted.
  SparseMatrix out(vocabulary.size());
  SparseVector row;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> entries;
  for (std::size_t d = 0; d < n_docs; ++d) {
    entries.clear();
    for (std::size_t k = row_ptr[d]; k < row_ptr[d + 1]; ++k) {
      const std::uint32_t id = final_id[row_ids[k]];
      if (id != kDropped) entries.emplace_back(id, row_counts[k]);
    }
    std::sort(entries.begin(), entries.end());
    row.ids.clear();
    row.values.clear();
    for (const auto& [id, count] : entries)
      row.push_back(id, count);
    out.append_row(row);
  }

  vocabulary_ = std::move(vocabulary);
  index_ = std::move(index);
  fitted_ = true;
  return out;
}

SparseVector CountVectorizer::transform_one(std::span<const std::string> tokens) const {
  if (!fitted_) {
    throw Error(ErrorCode::kInvalidArgument, "CountVectorizer: transform before fit");
  }
  // Ids of the known n-grams, sorted, then run-length counted: no per-term map.
  std::vector<std::uint32_t> ids;
  for_each_ngram(tokens, options_.ngram_min, options_.ngram_max, [&](std::string_view gram) {
    const auto it = index_.find(gram);
    if (it != index_.end()) ids.push_back(it->second);
  });
  std::sort(ids.begin(), ids.end());
  SparseVector row;
  for (std::size_t i = 0; i < ids.size();) {
    std::size_t j = i + 1;
    while (j < ids.size() && ids[j] == ids[i])
      ++j;
    row.push_back(ids[i], options_.binary ? 1.0 : static_cast<double>(j - i));
    i = j;
  }
  return row;
}

SparseMatrix CountVectorizer::transform(std::span<const std::vector<std::string>> docs) const {
  if (!fitted_) {
    throw Error(ErrorCode::kInvalidArgument, "CountVectorizer: transform before fit");
  }
  SparseMatrix out(vocabulary_.size());
  for (const auto& doc : docs)
    out.append_row(transform_one(doc));
  return out;
}

std::optional<TermId> CountVectorizer::id(std::string_view term) const {
  const auto it = index_.find(term);
  if (it == index_.end()) return std::nullopt;
  return TermId{it->second};
}

}  // namespace secnlp::nlp
