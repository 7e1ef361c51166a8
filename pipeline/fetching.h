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
  std::size_t selected = 0;
  std::size_t downloaded = 0;
  std::size_t skipped = 0;  // already present
  std::vector<corpora::FetchedFiling> failed;
  std::vector<std::filesystem::path> paths;  // every present file, downloaded or skipped
};

// Downloads (rate-limited, retried, atomic; see corpora/fetch) and records. Throws
// corpora::HttpError (kIo) when the SEC answers 403, with its fair-access advice, and
// Error(kInvalidArgument) for a missing or malformed User-Agent.
FetchSummary fetch_and_record(const FetchOptions& options);

// A FetchRequest from a job file's fetch fields (ticker, cik, forms, from, to, limit,
// amendments, all_companies); `out` is where files land. Error(kConfig) names a bad field.
corpora::FetchRequest fetch_request_from_fields(
    const std::map<std::string, std::vector<std::string>>& fields,
    const std::filesystem::path& out);

}  // namespace secnlp::pipeline
