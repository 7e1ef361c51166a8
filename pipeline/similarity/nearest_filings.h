#pragma once
// "Which filings read alike": the stored filings (or sections) nearest to one of them by cosine
// over TF-IDF (smooth idf, l2), as of a point in time (pipeline/store/point_in_time.h): only
// filings available then are candidates, and the idf is computed over exactly those. By default
// that is the query filing's own availability, so the answer is what could have been known
// when the filing came out. An inverted index (nlp/retrieval) finds the candidates; the best
// are then scored exactly, in an order-independent sum, so two databases holding the same
// filings give bit-identical answers. The index is cached beside the database
// (<db>.nearest-<scope>.idx) with a stamp of the filings it covers.

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
  // Answer as of this date (YYYY-MM-DD: the end of that day) or date and time (US Eastern);
  // empty: as of the query filing's availability (it must then be dated).
  std::string as_of;
};

// rank, score, document, cik, ticker, form, fiscal_year, accession, available_at, section.
// Throws Error(kInvalidArgument) when `to` matches no stored filing with that scope, or
// several, or is undated and no `as_of` is given.
pipeline::ResultTable nearest_filings(const NearestQuery& query);

}  // namespace secnlp::similarity
