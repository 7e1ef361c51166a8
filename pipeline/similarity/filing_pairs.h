#pragma once
// Which filing each filing is compared with, without look-ahead (Lazy Prices' design):
//  - a 10-K with the same company's previous 10-K (the latest one with an earlier fiscal
//    period);
//  - a 10-Q with the same company's 10-Q for the same fiscal quarter a year earlier (period end
//    330 to 400 days before);
//  - 8-Ks are not paired.
// A company is its CIK, else its ticker. Amendments (10-K/A, 10-Q/A ...) are neither compared
// nor compared with: an amendment usually restates part of a filing, so comparing it with a
// full filing measures the amendment, not a change in disclosure. A score is dated at the later
// filing's filing date, never earlier; when the filing date is unknown the date is empty
// (the series is then ordered by period, and no trading date should be derived from it).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace secnlp::similarity {

struct FilingRef {
  std::int64_t doc_id = 0;
  std::string company;  // CIK (no leading zeros) or, without one, the ticker
  std::string cik, ticker;
  std::string form;    // as stored, e.g. "10-K", "10-K405", "10-Q/A"
  std::string period;  // YYYY-MM-DD, may be empty
  std::optional<int> fiscal_year;
  std::string filed;  // YYYY-MM-DD, may be empty
  std::string accession;
  std::string path;
  // Point in time (pipeline/store/point_in_time.h): when the filing became available (empty:
  // undated), its acceptance time if known, and what identifies its stored state.
  std::string available_at;
  std::string accepted;
  std::string doc_key, content_hash, config_hash;
};

struct FilingPair {
  FilingRef current;
  FilingRef previous;
};

// Pairs filings as described above. Input order does not matter; output is by company, then
// by the current filing's period.
std::vector<FilingPair> pair_filings(std::vector<FilingRef> filings);

// Days from 0000-03-01 for a YYYY-MM-DD date (civil calendar), or nullopt if malformed.
std::optional<std::int64_t> day_number(const std::string& date);

}  // namespace secnlp::similarity
