#pragma once
// Filing metadata from places other than the SEC header: inline-XBRL dei facts inside a primary
// document, edgar-crawler's FILINGS_METADATA.csv, and sec-edgar-downloader's directory layout.
//
// Metadata maps use the same keys everywhere (those present only): cik (no leading zeros),
// company, form, period and filed (YYYY-MM-DD), fiscal_year (YYYY), fiscal_year_end (MMDD), sic,
// state (of incorporation), ticker, accession. They merge with metadata_from_filename
// (corpora/inputs) and SubmissionHeader fields without translation.
//
// Pure functions except the CSV reader (reads one file). All linear; safe from any thread.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace secnlp::corpora {

// dei facts of an inline-XBRL (iXBRL) document, from ix:nonNumeric elements anywhere (ix:header /
// ix:hidden or visible text); the first occurrence of each wins. Keys produced:
//   dei:EntityRegistrantName    -> company          dei:EntityCentralIndexKey -> cik
//   dei:DocumentType            -> form             dei:TradingSymbol         -> ticker
//   dei:DocumentPeriodEndDate   -> period (normalize_date; omitted when not a date)
//   dei:DocumentFiscalYearFocus -> fiscal_year (4 digits)
//   dei:CurrentFiscalYearEndDate-> fiscal_year_end ("--12-31", "12/31", "December 31" -> "1231";
//                                  52-53-week filers give the actual day, e.g. "10/1" -> "1001")
// A fact's value is its text content, nested facts included, tags removed, character references
// (&#160; &amp; &nbsp; ...) decoded, whitespace collapsed. Attributes in either quote style, any
// attribute order, tag names in any case. No DOM: one pass over '<'; each captured fact reads at
// most 64 KiB. Returns an empty map for documents without dei facts (pre-2019 HTML, text).
std::map<std::string, std::string> inline_xbrl_metadata(std::string_view html);

// "2023-12-31", "20231231", "December 31, 2023", "Dec. 31, 2023", "31 December 2023",
// "12/31/2023" (surrounding whitespace ignored) -> "2023-12-31"; nullopt for anything else or an
// impossible month/day.
std::optional<std::string> normalize_date(std::string_view text);

// Per-file metadata read from a directory's metadata file, keyed by the file's name (no folder).
struct DirectoryMetadata {
  std::map<std::string /*file name*/, std::map<std::string, std::string>> by_file;
};

// Reads edgar-crawler's FILINGS_METADATA.csv (RFC 4180: quoted fields, "" escapes, CRLF or LF,
// newlines inside quotes). Columns are found by header name, in any order; required: filename.
// Mapped: CIK -> cik, Company -> company, Type -> form, Filing Date (else Date) -> filed,
// Period of Report -> period, SIC -> sic, State of Inc -> state, Fiscal Year End ->
// fiscal_year_end (a 3-digit value such as "930" is zero-padded), plus fiscal_year and accession
// from a file name of the form <CIK>_<FORM>_<YEAR>_<accession>.<ext>. Empty cells are omitted.
// Throws Error(kIo/kParse, ..., path) for an unreadable file; Error(kParse, "line N: ...", path)
// for a missing filename column, an unterminated quote, or a row with more cells than the
// header. Rows with fewer cells are padded (edgar-crawler leaves trailing cells out).
DirectoryMetadata read_filings_metadata_csv(const std::filesystem::path& csv);

// A metadata file a user supplies (`secnlp process --metadata FILE.csv`), for files from
// anywhere. RFC 4180 CSV with a header row; column names are matched case-insensitively, with
// spaces, dashes and underscores ignored. Each row names its file by one of these key columns:
//   path       the file's path (absolute, or relative to the CSV's folder)
//   filename   the file's name without folder (edgar-crawler's column)
//   accession  the filing's accession number (matches files whose own metadata has it)
// and supplies any of: cik, ticker, company, form (or type), filed (or filing date, filingdate,
// date), accepted (or acceptance datetime, acceptancedatetime: EDGAR acceptance time, US
// Eastern, e.g. 2023-11-02T18:08:27 or 20231102180827), period (or period of report,
// reportdate), fiscal_year, sic. Dates are normalized as normalize_date; empty cells are left out.
// Throws Error(kParse, "line N: ...", path) when no key column exists, on a malformed row or a
// date that is not a date; Error(kIo) when unreadable.
struct UserMetadata {
  std::map<std::string, std::map<std::string, std::string>> by_path;  // absolute, canonical
  std::map<std::string, std::map<std::string, std::string>> by_filename;
  std::map<std::string, std::map<std::string, std::string>> by_accession;
  std::size_t rows = 0;
};
UserMetadata read_user_metadata_csv(const std::filesystem::path& csv);

// The fields of `filing-metadata.json` that `secnlp fetch` writes beside the files of each
// filing (accession, cik, company, ticker, form, filed, accepted, period, primary_document).
// Empty map when the file is absent; Error(kParse, path) when it is not such a JSON object.
std::map<std::string, std::string> read_fetch_metadata(const std::filesystem::path& json_file);

// Metadata from sec-edgar-downloader's layout:
//   .../<TICKER or CIK>/<FORM>/<accession>/full-submission.txt        (v4+)
//   .../<TICKER or CIK>/<FORM>/<accession>/primary-document.<ext>     (v4+, html/htm/xml/txt)
//   .../<TICKER or CIK>/<FORM>/<accession>.txt                          (v3)
// -> ticker (or cik when the folder is all digits, leading zeros removed), form (the folder
// name as is, e.g. "10-K"), accession (NNNNNNNNNN-NN-NNNNNN; an 18-digit folder name is
// hyphenated). Empty map when the path does not match. Does not touch the file system.
std::map<std::string, std::string> metadata_from_layout(const std::filesystem::path& file);

}  // namespace secnlp::corpora
