#pragma once
// Finding the documents to process, and the metadata their file names carry.
//
// File-name conventions recognised (metadata_from_filename):
//   edgar-crawler      <CIK>_<FORM>_<YEAR>_<accession>.htm   e.g.
//   320193_10K_2022_0000320193-22-000108.htm ticker style       <TICKER>_<FORM>_FY<YEAR>_<rest>.htm
//   e.g. AAPL_10-K_FY2024_0000320193-24-000123.htm accession only     <accession>.htm / .txt e.g.
//   0000950153-99-001234.html
// Anything else yields no metadata; the document is still processed.

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace secnlp::corpora {

// Extensions processed when walking directories (files named explicitly are always taken).
bool is_document_file(const std::filesystem::path& path);

// Expands directories recursively (skipping hidden entries and non-document files), keeps files
// as given, removes duplicates, and returns paths sorted for a deterministic order. A path that
// does not exist is returned as is, and so is every entry with a document name in a directory
// that is not a regular file or directory (a FIFO, a device, a dangling symlink, a symlink
// loop): reading it later yields a per-document error row (see why_not_regular_file in
// common/file_io.h), so nothing vanishes silently. Symlinked directories are not followed.
std::vector<std::filesystem::path> discover_inputs(
    const std::vector<std::filesystem::path>& inputs);

// Metadata from the file name: cik, ticker, form, fiscal_year, accession, and filed (from a
// "_filed-YYYY-MM-DD" part of the ticker style), whichever are present.
std::map<std::string, std::string> metadata_from_filename(const std::filesystem::path& path);

}  // namespace secnlp::corpora
