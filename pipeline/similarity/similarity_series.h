#pragma once
// Year-over-year change scores per company and section ("Lazy Prices"): each filing against
// its previous comparable filing (filing_pairs.h), for the whole filing or one section, with
// the measures below. Scores are computed on demand from the stored term vectors and text and
// cached in the database's similarity table; rewriting a document drops its cached scores.
//
// Measures (names as used by the CLI and stored):
//   cosine_tf         cosine of the term-count vectors
//   cosine_tfidf      cosine of TF-IDF vectors (smooth idf, l2), idf from every stored filing
//                     with that section ("corpus", default) or from the company's own filings
//                     ("company"; the measure is then named cosine_tfidf_company)
//   jaccard           |A∩B| / |A∪B| over the sets of terms
//   weighted_jaccard  Σ min / Σ max over term counts
//   jaccard_course    the course-style "Jaccard" that is accuracy over binary vectors: it counts
//                     terms absent from both (over the scope's whole vocabulary); for
//                     reproducing those numbers only
//   edit              1 - (insertions + deletions) / (n + m) at word level (Myers' diff)
//   levenshtein       1 - Levenshtein distance / max(n, m) at word level (substitution = 1)
//   simple            Lazy Prices' "simple" similarity from the word diff (nlp/similarity)
// Term measures use the pipeline's terms (stop words out, stemmed); edit, levenshtein and simple
// use the clean text's lowercase words (\w\w+), since word order matters to them.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/distributed/shard.h"
#include "pipeline/result_table.h"
#include "pipeline/store/queries.h"

namespace secnlp::similarity {

enum class IdfScope { kCorpus, kCompany };

struct SeriesQuery {
  std::filesystem::path db;
  store::DocumentFilter filter;       // which current filings; the previous one may be outside it
  bool all = false;                   // every company (otherwise filter must name a cik or ticker)
  std::string scope;                  // "" = whole filing, else a section item such as "1A"
  std::vector<std::string> measures;  // empty: default_measures()
  IdfScope idf = IdfScope::kCorpus;
  // `--shard K/N` (with all): only the companies of shard K of N, balanced by their pairs, for a
  // job array; the N shards together give every company's rows once.
  std::optional<distributed::Shard> shard;
};

const std::vector<std::string>& measure_names();
// Every measure but levenshtein (O((n+m)·D): slow on filings that changed a lot).
const std::vector<std::string>& default_measures();

// The time series: one row per (pair, measure): filed (filing date of the current filing),
// cik, ticker, form, fiscal_year, accession, prev_fiscal_year, prev_accession, section,
// measure, value. Ordered by company, then period. Throws Error(kInvalidArgument) for an
// unknown measure or a query naming no company without `all`.
pipeline::ResultTable similarity_series(const SeriesQuery& query);

}  // namespace secnlp::similarity
