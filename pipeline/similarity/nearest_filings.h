#pragma once
// "Which filings read alike": the stored filings (or sections) nearest to one of them by cosine
// over TF-IDF (smooth idf over every stored vector of that scope, l2), through an inverted index
// (nlp/retrieval). The index is cached beside the database (<db>.nearest-<scope>.idx) with a
// stamp of the database state, and rebuilt when documents were added or changed.

#include <cstddef>
#include <filesystem>
#include <string>

#include "pipeline/result_table.h"

namespace secnlp::similarity {

struct NearestQuery {
  std::filesystem::path db;
  std::string to;     // accession number (or a path substring) of the filing to start from
  std::string scope;  // "" = whole filing, else a section item
  std::size_t top = 10;
};

// rank, score, document, cik, ticker, form, fiscal_year, accession, section. Throws
// Error(kInvalidArgument) when `to` matches no stored filing with that scope, or several.
pipeline::ResultTable nearest_filings(const NearestQuery& query);

}  // namespace secnlp::similarity
