#include "corpora/inputs/input_files.h"

#include <algorithm>
#include <set>

#include <re2/re2.h>

namespace secnlp::corpora {

bool is_document_file(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".htm" || ext == ".html" || ext == ".txt" || ext == ".xhtml";
}

std::vector<std::filesystem::path> discover_inputs(
    const std::vector<std::filesystem::path>& inputs) {
  std::set<std::filesystem::path> found;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (std::filesystem::is_directory(input, ec)) {
      auto options = std::filesystem::directory_options::skip_permission_denied;
      for (auto it = std::filesystem::recursive_directory_iterator(input, options, ec);
           it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        const auto& p = it->path();
        if (p.filename().string().starts_with(".")) {
          if (it->is_directory(ec)) it.disable_recursion_pending();
          continue;
        }
        // Not only regular files: a FIFO, a device, a dangling link or a symlink loop with a
        // document name is returned too, so that reading it fails with an error row that says
        // what it is, instead of the file vanishing from the run. Directories (also through a
        // symlink) are walked or skipped as before.
        std::error_code type_ec;
        if (is_document_file(p) && !it->is_directory(type_ec)) found.insert(p.lexically_normal());
      }
    } else {
      found.insert(input.lexically_normal());
    }
  }
  return {found.begin(), found.end()};
}

std::map<std::string, std::string> metadata_from_filename(const std::filesystem::path& path) {
  static const RE2 kCrawler(R"(^(\d{1,10})_([0-9A-Z\-]+?)_(\d{4})_(\d{10}-\d{2}-\d{6})$)");
  static const RE2 kTicker(R"(^([A-Z][A-Z.\-]{0,9})_([0-9A-Z\-]+?)_FY(\d{4})(?:_(.*))?$)");
  static const RE2 kTickerFormYear(R"(^([A-Za-z][A-Za-z.\-]{0,9})_(10-?[KkQq]|8-?[Kk])_(\d{4})$)");
  static const RE2 kAccession(R"(^(\d{10}-\d{2}-\d{6}))");
  static const RE2 kAccessionInside(R"((\d{10}-\d{2}-\d{6}))");
  const std::string stem = path.stem().string();
  std::map<std::string, std::string> meta;
  std::string cik, form, year, accession, ticker, rest;
  auto normalise_form = [](std::string f) {
    if (f == "10K") return std::string("10-K");
    if (f == "10Q") return std::string("10-Q");
    if (f == "8K") return std::string("8-K");
    return f;
  };
  if (RE2::FullMatch(stem, kCrawler, &cik, &form, &year, &accession)) {
    meta["cik"] = cik;
    meta["form"] = normalise_form(form);
    meta["fiscal_year"] = year;
    meta["accession"] = accession;
  } else if (RE2::FullMatch(stem, kTicker, &ticker, &form, &year, &rest)) {
    meta["ticker"] = ticker;
    meta["form"] = normalise_form(form);
    meta["fiscal_year"] = year;
    if (RE2::PartialMatch(rest, kAccessionInside, &accession)) meta["accession"] = accession;
    // "..._filed-2025-02-07": the filing date, when the name gives the whole date.
    static const RE2 kFiled(R"((?:^|_)filed-(\d{4}-\d{2}-\d{2})(?:_|$))");
    std::string filed;
    if (RE2::PartialMatch(rest, kFiled, &filed)) meta["filed"] = filed;
  } else if (RE2::FullMatch(stem, kTickerFormYear, &ticker, &form, &year)) {
    std::transform(ticker.begin(), ticker.end(), ticker.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    std::transform(form.begin(), form.end(), form.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    meta["ticker"] = ticker;
    meta["form"] = normalise_form(form);
    meta["fiscal_year"] = year;
  } else if (RE2::PartialMatch(stem, kAccession, &accession)) {
    meta["accession"] = accession;
  }
  return meta;
}

}  // namespace secnlp::corpora
