#pragma once
// "Which filings read alike": the stored filings (or sections) nearest to one of them by cosine
// over TF-IDF (smooth idf, l2), as of a point in time (pipeline/store/point_in_time.h): only
// filings available then are candidates, and the idf is computed over exactly those. By default
// that is the query filing's own availability, so the answer is what could have been known
// when the filing came out. The index (pipeline/similarity/nearest_index.h, cached beside the
// database as <db>.nearest-<scope>.pit and rebuilt when the stored term vectors change) holds
// every dated filing in point-in-time order, so the corpus as of any date is a prefix of it:
// document frequencies come from the prefix, and only filings that can still reach the top k
// are scored, exactly and in an order-independent sum, so two databases holding the same
// filings give bit-identical answers.

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
