#pragma once
// EDGAR addresses and listings: URL builders (with a configurable base so tests can point at
// 127.0.0.1), parsers for company_tickers.json, master.idx and form.idx, the selection of
// filings from an index, and the local layout shared with sec-edgar-downloader.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::corpora {

// Which full-index listing.
enum class IndexKind { kForm, kMaster };

// EDGAR URLs under a base ("https://www.sec.gov" by default; no trailing slash needed).
class EdgarUrls {
 public:
  explicit EdgarUrls(std::string base = "https://www.sec.gov");

  // <base>/Archives/edgar/data/<cik>/<accession-no-dashes>/<accession>.txt
  // Throws Error(kInvalidArgument) when the accession is not NNNNNNNNNN-NN-NNNNNN.
  std::string submission(std::uint64_t cik, std::string_view accession) const;
  // <base>/Archives/edgar/full-index/<year>/QTR<quarter>/{form,master}.idx; quarter in 1..4 and
  // year in 1993..9999, else kInvalidArgument.
  std::string full_index(int year, int quarter, IndexKind kind) const;
  // <base>/files/company_tickers.json
  std::string company_tickers() const;
  // <base>/Archives/edgar/data/<cik>/<accession-no-dashes>/<document>, for a primary document
  // named by the submissions JSON ("aapl-20200926.htm"; a few forms name a rendering such as
  // "xslF345X03/doc.xml", kept as given). Bytes outside [A-Za-z0-9._/-] are percent-encoded.
  // Throws kInvalidArgument on a malformed accession, or a document name that is empty, starts
  // with '/', has an empty, "." or ".." segment, a backslash or a control character.
  std::string document(std::uint64_t cik, std::string_view accession,
                       std::string_view document) const;
  // <base>/<path>, for an index entry's filename ("edgar/data/.../x.txt" -> <base>/Archives/...).
  std::string archive(std::string_view filename) const;

  const std::string& base() const { return base_; }

 private:
  std::string base_;
};

// True for NNNNNNNNNN-NN-NNNNNN (10, 2 and 6 digits).
bool is_accession(std::string_view accession);
// "0000320193-20-000096" -> "000032019320000096". Throws kInvalidArgument when malformed.
std::string accession_without_dashes(std::string_view accession);

// One row of company_tickers.json.
struct CompanyTicker {
  std::uint64_t cik = 0;
  std::string ticker;  // as the SEC writes it (upper case, e.g. "BRK-B")
  std::string title;
};

// Parses company_tickers.json ({"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},
// ...}). A small hand-written reader for this flat shape: objects of objects whose values are
// strings, numbers, true/false/null; \uXXXX escapes decoded to UTF-8. Rows keep file order.
// Throws Error(kParse, ..., resource) when malformed or a row lacks cik_str/ticker. O(n).
std::vector<CompanyTicker> parse_company_tickers(
    std::string_view json, std::string_view resource = "company_tickers.json");

// The CIK of `ticker` (case-insensitive; '.' matches '-', so "brk.b" finds "BRK-B"), if listed.
std::optional<std::uint64_t> find_cik(const std::vector<CompanyTicker>& tickers,
                                      std::string_view ticker);

// One filing listed in master.idx or form.idx.
struct IndexEntry {
  std::uint64_t cik = 0;
  std::string company;
  std::string form;        // "10-K", "10-K/A", "SC 13G", ...
  std::string date_filed;  // YYYY-MM-DD
  std::string filename;    // "edgar/data/320193/0000320193-20-000096.txt"
  // From the submissions JSON only (empty when read from master.idx / form.idx):
  std::string report_date;       // YYYY-MM-DD period of report, may be empty
  std::string primary_document;  // "aapl-20200926.htm", may be empty
  std::string acceptance;        // acceptanceDateTime as the JSON lists it, may be empty

  // The accession number: the filename's stem when it is one, else empty.
  std::string accession() const;
};

// master.idx: header lines, a line of dashes, then CIK|Company Name|Form Type|Date Filed|Filename.
// A '|' inside the company name is kept (the last three fields are taken from the right).
// Throws Error(kParse, "line N: ...", resource) on a malformed row or a missing header. O(n).
std::vector<IndexEntry> parse_master_idx(std::string_view text,
                                         std::string_view resource = "master.idx");

// form.idx: fixed-width columns under the "Form Type   Company Name ... CIK  Date Filed  File
// Name" header. Form and company are cut at the header's column positions; CIK, date and file
// name are the last three blank-separated fields (robust to over-long company names).
// Throws Error(kParse, "line N: ...", resource) as parse_master_idx. O(n).
std::vector<IndexEntry> parse_form_idx(std::string_view text,
                                       std::string_view resource = "form.idx");

// Which filings to fetch from an index. Empty lists select everything.
struct FilingSelection {
  std::vector<std::uint64_t> ciks;
  // Exact form types; amendments ("10-K/A") are selected only when include_amendments is set,
  // in which case "<form>/A" of every listed form is selected too.
  std::vector<std::string> forms;
  bool include_amendments = false;
  std::string date_from;  // YYYY-MM-DD inclusive, empty = open
  std::string date_to;    // YYYY-MM-DD inclusive, empty = open
  std::size_t limit = 0;  // 0 = no limit; most recent first when limited
  // Fiscal years (see fiscal_year() in submissions.h: the year of report_date); empty = any.
  // When set, entries without a report date are not selected.
  std::vector<int> fiscal_years;
};

// The entries matching `selection`, sorted by date filed descending (then accession), truncated
// to selection.limit. O(n log n).
std::vector<IndexEntry> select_filings(const std::vector<IndexEntry>& entries,
                                       const FilingSelection& selection);

// sec-edgar-downloader's layout:
// <root>/sec-edgar-filings/<ticker-or-cik>/<form>/<accession>/full-submission.txt.
// `ticker_or_cik` is used as given (pass the ticker upper-cased, or format_cik()). A '/' in the
// form ("10-K/A") is kept as the same string with '/' replaced by '-' ("10-K-A") so that the
// form stays one directory. Throws kInvalidArgument on a malformed accession or an empty /
// "."/".." / path-separator-containing ticker_or_cik.
std::filesystem::path submission_path(const std::filesystem::path& root,
                                      std::string_view ticker_or_cik, std::string_view form,
                                      std::string_view accession);

// <root>/sec-edgar-filings/<ticker_or_cik>/<form>/<accession>/primary-document<suffix>, beside
// submission_path() (same checks), with primary_document_suffix(primary_document).
std::filesystem::path primary_document_path(const std::filesystem::path& root,
                                            std::string_view ticker_or_cik, std::string_view form,
                                            std::string_view accession,
                                            std::string_view primary_document);

// The file-name suffix sec-edgar-downloader gives a primary document: the lower-cased
// extension of its last path segment with ".htm" written ".html" ("a.htm" -> ".html",
// "b.XML" -> ".xml", "c.txt" -> ".txt", "d.html" -> ".html"); "" when the name has no
// extension or one that is not 1-8 letters and digits.
std::string primary_document_suffix(std::string_view primary_document);

// The CIK zero-padded to 10 digits, as sec-edgar-downloader names folders ("0000320193").
std::string format_cik(std::uint64_t cik);

}  // namespace secnlp::corpora
