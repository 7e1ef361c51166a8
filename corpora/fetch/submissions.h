#pragma once
// The SEC's submissions JSON (https://data.sec.gov/submissions/CIK##########.json): one
// company's filings with their period of report and primary document, in pages. The fetch
// layer reads it to select filings by fiscal year and to name primary documents.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "corpora/fetch/edgar_paths.h"

namespace secnlp::corpora {

// One filing as the submissions JSON lists it (one index of its parallel arrays).
struct SubmissionFiling {
  std::string accession;         // NNNNNNNNNN-NN-NNNNNN
  std::string filing_date;       // YYYY-MM-DD
  std::string report_date;       // YYYY-MM-DD period of report; empty when the SEC lists none
  std::string form;              // "10-K", "10-K/A", ...
  std::string primary_document;  // "aapl-20200926.htm"; empty when the SEC lists none
  std::string acceptance;        // acceptanceDateTime as listed ("2023-11-02T18:08:27.000Z",
                                 // Eastern time despite the Z); empty when absent
};

// An older-filings page named under filings.files (a company with more than ~1000 filings).
struct SubmissionsPage {
  std::string name;         // "CIK0000320193-submissions-001.json"
  std::string filing_from;  // YYYY-MM-DD of its oldest filing; empty when not given
  std::string filing_to;    // YYYY-MM-DD of its newest filing; empty when not given
};

// A parsed submissions file: the main one or one of its pages.
struct Submissions {
  std::string company;  // "name"; empty in a page
  std::vector<SubmissionFiling> filings;
  std::vector<SubmissionsPage> pages;  // filings.files of the main file; empty in a page
};

// Parses the main file ({"name": ..., "filings": {"recent": {<arrays>}, "files": [{"name":
// ..., "filingFrom": ..., "filingTo": ...}]}}) or a page (the arrays at the top level). The
// arrays accessionNumber, filingDate, reportDate, form and primaryDocument must all be there,
// hold strings and have one length; other keys are ignored. Accessions must be
// NNNNNNNNNN-NN-NNNNNN, filing dates YYYY-MM-DD, report dates YYYY-MM-DD or empty, page names
// plain file names ending in ".json". Anything else, malformed JSON, or nesting deeper than 64
// throws Error(kParse, what and where, resource). O(n) (nlohmann::json).
Submissions parse_submissions(std::string_view json,
                              std::string_view resource = "submissions.json");

// <data_base>/submissions/CIK##########.json (data_base "https://data.sec.gov" in use; a
// trailing '/' is ignored).
std::string submissions_url(std::string_view data_base, std::uint64_t cik);
// <data_base>/submissions/<name> for a page named in filings.files. Throws kInvalidArgument
// when `name` is not a plain file name ending in ".json".
std::string submissions_page_url(std::string_view data_base, std::string_view name);

// The fiscal year of a filing: the calendar year of its period of report ("2024-01-28" ->
// 2024), nullopt when the report date is empty or malformed. So a retailer's year ending in
// January 2024 counts as 2024 (as the companies name it: NVIDIA's "fiscal 2024"), a 10-Q counts
// in the year its quarter ends, and a 52/53-week year that ends in the first days of January
// counts in the new year. Compustat's fyear differs (years ending January-May count in the
// year before). The rule is the report date's year so that anyone can check it against the
// JSON; widen the range by one year for 52/53-week December filers.
std::optional<int> fiscal_year(std::string_view report_date);

// The filings as index entries of company `cik` (filename "edgar/data/<cik>/<accession>.txt",
// report_date and primary_document filled), in the file's order, for select_filings().
std::vector<IndexEntry> to_index_entries(const Submissions& submissions, std::uint64_t cik);

}  // namespace secnlp::corpora
