#pragma once
// The whole of `secnlp fetch` as one call: resolve tickers to CIKs, read the EDGAR full-index
// for every quarter of the date range, select filings, and download them with a few threads
// into sec-edgar-downloader's layout.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "corpora/fetch/edgar_paths.h"
#include "corpora/fetch/http_client.h"

namespace secnlp::corpora {

// What to fetch. Options and defaults:
//   tickers, ciks       companies (at least one of them, else kInvalidArgument)
//   forms               {"10-K"}; include_amendments adds "<form>/A"
//   date_from, date_to  YYYY-MM-DD, both required (they choose the quarters' indexes to read)
//   limit               per company, most recent first; 0 = all
//   out                 root of the layout: <out>/sec-edgar-filings/<TICKER or 10-digit CIK>/...
//   base_url            "https://www.sec.gov" (tests: the fixture server)
//   threads             4 download threads (the rate limiter caps requests regardless)
// Index files of quarters that ended before today are cached under <out>/full-index/<year>/
// QTR<n>/master.idx and reused; the current quarter's index is always fetched anew; quarters
// that have not begun are not requested.
struct FetchRequest {
  std::vector<std::string> tickers;
  std::vector<std::uint64_t> ciks;
  std::vector<std::string> forms{"10-K"};
  bool include_amendments = false;
  std::string date_from;
  std::string date_to;
  std::size_t limit = 0;
  std::filesystem::path out;
  std::string base_url = "https://www.sec.gov";
  int threads = 4;
  // Every company's filings of `forms` in the quarters of [date_from, date_to] (the full-index
  // way of sampling a whole form), instead of named tickers or CIKs; `limit` is then a total.
  bool all_companies = false;
};

// One selected filing and what happened to it.
struct FetchedFiling {
  IndexEntry entry;
  std::string company_dir;  // the ticker (upper case) or the 10-digit CIK
  std::string url;
  std::filesystem::path path;  // full-submission.txt
  DownloadResult result;       // result.skipped: it was already there
  std::string error;           // empty on success; else the failure (the others still run)
};

// Fetches as described above and returns every selected filing in selection order (by
// company as requested, then most recent first). Failures of single filings are recorded in
// FetchedFiling::error; a 403 (HttpError::forbidden()) stops all threads and is rethrown, as
// are failures to read the ticker file or an index. Throws Error(kInvalidArgument) on a bad
// request (unknown ticker, no company, bad dates). `progress`, if set, is called (from worker
// threads, serialized) after each filing.
std::vector<FetchedFiling> fetch_filings(
    HttpClient& client, const FetchRequest& request,
    const std::function<void(const FetchedFiling&)>& progress = {});

// The (year, quarter) pairs that cover [date_from, date_to] (YYYY-MM-DD), in order.
// Throws Error(kInvalidArgument) on a malformed date or date_from > date_to.
std::vector<std::pair<int, int>> quarters_between(std::string_view date_from,
                                                  std::string_view date_to);

}  // namespace secnlp::corpora
