#pragma once
// Rows that the job runner and `secnlp fetch` write or read about runs, outside a document's
// own transaction (DocumentStore writes documents): the SQL stays behind pipeline/store.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/error.h"
#include "pipeline/store/database.h"

namespace secnlp::store {

// An errors row of run `run_id` about `what` (a path, or a follow-up's name).
void record_run_error(Connection& db, std::int64_t run_id, const std::string& what,
                      const Error& error);
// Replaces the configuration text of run `run_id` (the job runner stores its outcome there).
void set_run_config(Connection& db, std::int64_t run_id, std::string_view config);
// The companies of the documents run `run_id` stored: (cik, true), or (ticker, false) for
// filings without a cik; sorted, no repeats.
std::vector<std::pair<std::string, bool>> companies_stored_by_run(Connection& db,
                                                                  std::int64_t run_id);
// The ids of the documents run `run_id` stored, ascending.
std::vector<std::int64_t> documents_stored_by_run(Connection& db, std::int64_t run_id);

// One downloaded (or found present) file of a filing: the fetches row keyed by (accession,
// kind), kind "submission" or "primary".
struct FetchRecord {
  std::string accession, kind, company, cik, form, filed, url, path, content_hash;
  std::int64_t bytes = 0;
};
// Inserts the row, or refreshes url, path, bytes, hash and time of the existing one.
void record_fetch(Connection& db, const FetchRecord& fetch);

}  // namespace secnlp::store
