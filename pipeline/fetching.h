#pragma once
// `secnlp fetch` and job fetch sources: download a selection of EDGAR filings
// (corpora/fetch) and record every one in the database's fetches table (accession, URL, path,
// bytes, hash, time) so that `process` and later runs know what is there.

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "corpora/fetch/filing_fetcher.h"

namespace secnlp::pipeline {

struct FetchOptions {
  corpora::FetchRequest request;
  std::string user_agent;                   // required by the SEC: "Name email"
  std::optional<std::filesystem::path> db;  // where to record; none: nothing recorded
};

struct FetchSummary {
  std::size_t selected = 0;    // filings
  std::size_t downloaded = 0;  // files (a filing fetched with FetchWhat::kBoth counts twice)
  std::size_t skipped = 0;     // files already present
  // Filings with an error (a file that failed, or no usable primary document); their other
  // file, when present, is still recorded and listed in `paths`.
  std::vector<corpora::FetchedFiling> failed;
  // One per filing with a file present, downloaded or skipped: the full submission when
  // fetched, else the primary document (so a job processes each filing once).
  std::vector<std::filesystem::path> paths;
};

// Downloads (rate-limited, retried, atomic; see corpora/fetch) and records one row per file in
// the fetches table, keyed by (accession, kind): kind "submission" for the full submission,
// "primary" for the primary document (both for FetchWhat::kBoth). Throws
// corpora::HttpError (kIo) when the SEC answers 403, with its fair-access advice, and
// Error(kInvalidArgument) for a missing or malformed User-Agent.
FetchSummary fetch_and_record(const FetchOptions& options);

// A FetchRequest from a job file's fetch fields (ticker, cik, forms, from, to, limit,
// amendments, all_companies, threads, base_url, data_base_url, fiscal_years: "2021-2023" /
// "2021,2023" / numbers, what: submission|primary|both); `out` is where files land. Error(kConfig)
// names a bad field.
corpora::FetchRequest fetch_request_from_fields(
    const std::map<std::string, std::vector<std::string>>& fields,
    const std::filesystem::path& out);

}  // namespace secnlp::pipeline
