#pragma once
// The whole of `secnlp fetch` as one call: resolve tickers to CIKs, select filings from the
// EDGAR full-index of the date range's quarters or from each company's submissions JSON (by
// fiscal year), and download full submissions and/or primary documents with a few threads
// into sec-edgar-downloader's layout.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "corpora/fetch/edgar_paths.h"
#include "corpora/fetch/http_client.h"

namespace secnlp::corpora {

// Which files of a filing to download.
enum class FetchWhat {
  kSubmission,  // <accession>.txt -> full-submission.txt (every document of the filing)
  kPrimary,     // the primary document -> primary-document.<ext> (see primary_document_path)
  kBoth,
};

// "submission" / "primary" / "both" -> FetchWhat; else Error(kInvalidArgument).
FetchWhat parse_fetch_what(std::string_view what);

// "2021-2023" -> {2021, 2022, 2023}; "2019,2021-2022" -> {2019, 2021, 2022}; "2020" ->
// {2020}. Years are 1900..9999, ranges ascending; blanks around items are ignored; duplicates
// dropped, order kept. Anything else throws Error(kInvalidArgument, ..., "fiscal years").
std::vector<int> parse_fiscal_years(std::string_view spec);

// What to fetch. Options and defaults:
//   tickers, ciks       companies (at least one of them, else kInvalidArgument)
//   forms               {"10-K"}; include_amendments adds "<form>/A"
//   date_from, date_to  YYYY-MM-DD filing dates, inclusive; date_to empty = today
//   fiscal_years        empty; else only filings whose period of report falls in one of these
//                       years (fiscal_year() in submissions.h: "2024-01-28" is 2024)
//   limit               per company, most recent first; 0 = all
//   what                kSubmission; kPrimary / kBoth add the primary document
//   out                 root of the layout: <out>/sec-edgar-filings/<TICKER or 10-digit CIK>/...
//   base_url            "https://www.sec.gov" (tests: the fixture server)
//   data_base_url       "https://data.sec.gov", for the submissions JSON (tests: the same)
//   threads             4 download threads (the rate limiter caps requests regardless)
// Where the selection comes from:
//   - named companies with fiscal_years, or without date_from: each company's submissions
//     JSON (<data_base_url>/submissions/CIK##########.json and the older pages it lists that
//     can hold a match), filtered by form, fiscal years and the filing-date range;
//   - named companies with date_from and no fiscal_years, and all_companies: the full-index
//     master.idx of every quarter of [date_from, date_to]. Index files of quarters that ended
//     before today are cached under <out>/full-index/<year>/QTR<n>/master.idx and reused; the
//     current quarter's index is always fetched anew; quarters that have not begun are not
//     requested. Primary documents of these filings are looked up in their company's
//     submissions JSON (one more request per company, plus pages covering the dates).
// Submissions JSON files (main file and pages) are cached as <out>/submissions/<name> with
// their ETag / Last-Modified in <name>.meta (http_cache.h) and revalidated on every run with a
// conditional GET: a 304 reuses the copy, a 200 replaces it. Pages are revalidated too (one
// cheap request each) rather than trusted: the SEC does not promise they never change. A
// copy that is garbled or no longer parses is reported with a warning and fetched again.
// Every request, data.sec.gov included, goes through `client` (its User-Agent, rate limiter
// and retries).
struct FetchRequest {
  std::vector<std::string> tickers;
  std::vector<std::uint64_t> ciks;
  std::vector<std::string> forms{"10-K"};
  bool include_amendments = false;
  std::string date_from;
  std::string date_to;
  std::vector<int> fiscal_years;
  std::size_t limit = 0;
  FetchWhat what = FetchWhat::kSubmission;
  std::filesystem::path out;
  std::string base_url = "https://www.sec.gov";
  std::string data_base_url = "https://data.sec.gov";
  int threads = 4;
  // Every company's filings of `forms` in the quarters of [date_from, date_to] (the full-index
  // way of sampling a whole form), instead of named tickers or CIKs; `limit` is then a total.
  // Not with fiscal_years (kInvalidArgument: the submissions JSON is per company).
  bool all_companies = false;
};

// One selected filing and what happened to it. The submission fields are empty when `what` is
// kPrimary, the primary ones when it is kSubmission.
struct FetchedFiling {
  IndexEntry entry;  // report_date / primary_document filled when the submissions JSON had them
  std::string company_dir;     // the ticker (upper case) or the 10-digit CIK
  std::string url;             // full submission
  std::filesystem::path path;  // full-submission.txt
  DownloadResult result;       // result.skipped: it was already there
  std::string primary_url;
  std::filesystem::path primary_path;  // primary-document.<ext>
  DownloadResult primary_result;
  // Empty on success; else what failed (a download, or a primary document the submissions JSON
  // does not name or names unusably). The other file of the filing and the other filings still
  // run.
  std::string error;
};

// Before anything else, temp files of downloads killed earlier ("<name>.tmp-<pid>-<n>" whose
// process is dead) are removed from everywhere under `out`. A full submission that does not
// end with </SEC-DOCUMENT> (cut off by a closed connection) is retried, then reported as a
// failure, never saved.
// Fetches as described above and returns every selected filing in selection order (by
// company as requested, then most recent first). Failures of single filings are recorded in
// FetchedFiling::error; a 403 (HttpError::forbidden()) stops all threads and is rethrown, as
// are failures to read the ticker file, an index or a submissions JSON (HttpError, or
// Error(kParse) naming its URL). Throws Error(kInvalidArgument) on a bad request (unknown
// ticker, no company, bad dates, fiscal years outside 1900..9999 or with all_companies).
// `progress`, if set, is called (from worker threads, serialized) after each filing.
std::vector<FetchedFiling> fetch_filings(
    HttpClient& client, const FetchRequest& request,
    const std::function<void(const FetchedFiling&)>& progress = {});

// The (year, quarter) pairs that cover [date_from, date_to] (YYYY-MM-DD), in order.
// Throws Error(kInvalidArgument) on a malformed date or date_from > date_to.
std::vector<std::pair<int, int>> quarters_between(std::string_view date_from,
                                                  std::string_view date_to);

}  // namespace secnlp::corpora
