#include "corpora/fetch/submissions.h"

#include <fmt/format.h>

#include <array>
#include <nlohmann/json.hpp>

#include "common/error.h"

namespace secnlp::corpora {
namespace {

using nlohmann::json;

constexpr int kMaxDepth = 64;

[[noreturn]] void fail(std::string_view resource, std::string_view what) {
  throw Error(ErrorCode::kParse, std::string(what), std::string(resource));
}

bool digits(std::string_view s) {
  for (const char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool is_date(std::string_view s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(s.substr(0, 4)) &&
         digits(s.substr(5, 2)) && digits(s.substr(8, 2));
}

bool is_page_name(std::string_view name) {
  if (name.empty() || name.front() == '.' || !name.ends_with(".json")) return false;
  for (const char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string trimmed_base(std::string_view base) {
  while (!base.empty() && base.back() == '/')
    base.remove_suffix(1);
  if (base.empty())
    throw Error(ErrorCode::kInvalidArgument, "empty data.sec.gov base URL", "submissions");
  return std::string(base);
}

// The string at `key` of object `o`, "" when absent or null; kParse when another type.
std::string optional_string(const json& o, const char* key, std::string_view where,
                            std::string_view resource) {
  const auto it = o.find(key);
  if (it == o.end() || it->is_null()) return "";
  if (!it->is_string()) fail(resource, fmt::format("{}.{} is not a string", where, key));
  return it->get<std::string>();
}

std::vector<SubmissionFiling> read_arrays(const json& arrays, std::string_view where,
                                          std::string_view resource) {
  if (!arrays.is_object()) fail(resource, fmt::format("{} is not an object", where));
  static constexpr std::array<const char*, 5> kKeys = {"accessionNumber", "filingDate",
                                                       "reportDate", "form", "primaryDocument"};
  std::array<const json*, 5> columns{};
  for (std::size_t k = 0; k < kKeys.size(); ++k) {
    const auto it = arrays.find(kKeys[k]);
    if (it == arrays.end()) fail(resource, fmt::format("{} has no '{}' array", where, kKeys[k]));
    if (!it->is_array()) fail(resource, fmt::format("{}.{} is not an array", where, kKeys[k]));
    columns[k] = &*it;
    if (it->size() != columns[0]->size())
      fail(resource, fmt::format("{}.{} has {} entries but {}.accessionNumber has {}", where,
                                 kKeys[k], it->size(), where, columns[0]->size()));
  }
  // acceptanceDateTime is optional (pages and older fixtures lack it); used when complete.
  const json* acceptance = nullptr;
  if (const auto it = arrays.find("acceptanceDateTime");
      it != arrays.end() && it->is_array() && it->size() == columns[0]->size())
    acceptance = &*it;
  std::vector<SubmissionFiling> out;
  out.reserve(columns[0]->size());
  for (std::size_t i = 0; i < columns[0]->size(); ++i) {
    std::array<std::string, 5> v;
    for (std::size_t k = 0; k < kKeys.size(); ++k) {
      const json& cell = (*columns[k])[i];
      if (!cell.is_string())
        fail(resource, fmt::format("{}.{}[{}] is not a string", where, kKeys[k], i));
      v[k] = cell.get<std::string>();
    }
    if (!is_accession(v[0]))
      fail(resource,
           fmt::format("{}.accessionNumber[{}] '{}' is not NNNNNNNNNN-NN-NNNNNN", where, i, v[0]));
    if (!is_date(v[1]))
      fail(resource, fmt::format("{}.filingDate[{}] '{}' is not YYYY-MM-DD", where, i, v[1]));
    if (!v[2].empty() && !is_date(v[2]))
      fail(resource, fmt::format("{}.reportDate[{}] '{}' is not YYYY-MM-DD", where, i, v[2]));
    out.push_back(SubmissionFiling{.accession = std::move(v[0]),
                                   .filing_date = std::move(v[1]),
                                   .report_date = std::move(v[2]),
                                   .form = std::move(v[3]),
                                   .primary_document = std::move(v[4]),
                                   .acceptance = acceptance && (*acceptance)[i].is_string()
                                                     ? (*acceptance)[i].get<std::string>()
                                                     : std::string()});
  }
  return out;
}

}  // namespace

Submissions parse_submissions(std::string_view text, std::string_view resource) {
  // The callback drops values nested deeper than kMaxDepth, so a hostile file cannot build a
  // deep tree (whose destruction recurses); the flag turns that into an error.
  bool too_deep = false;
  json doc;
  try {
    doc = json::parse(
        text.begin(), text.end(),
        [&too_deep](int depth, json::parse_event_t, json&) {
          if (depth > kMaxDepth) too_deep = true;
          return depth <= kMaxDepth;
        },
        /*allow_exceptions=*/true);
  } catch (const json::exception& e) {
    fail(resource, fmt::format("malformed JSON: {}", e.what()));
  }
  if (too_deep) fail(resource, fmt::format("JSON nested deeper than {}", kMaxDepth));
  if (!doc.is_object()) fail(resource, "not a JSON object");

  Submissions out;
  const auto filings = doc.find("filings");
  if (filings == doc.end()) {  // a page: the arrays at the top level
    out.filings = read_arrays(doc, "page", resource);
    return out;
  }
  out.company = optional_string(doc, "name", "top", resource);
  if (!filings->is_object()) fail(resource, "filings is not an object");
  const auto recent = filings->find("recent");
  if (recent == filings->end()) fail(resource, "filings has no 'recent' object");
  out.filings = read_arrays(*recent, "filings.recent", resource);
  if (const auto files = filings->find("files"); files != filings->end() && !files->is_null()) {
    if (!files->is_array()) fail(resource, "filings.files is not an array");
    for (std::size_t i = 0; i < files->size(); ++i) {
      const json& f = (*files)[i];
      const std::string where = fmt::format("filings.files[{}]", i);
      if (!f.is_object()) fail(resource, where + " is not an object");
      SubmissionsPage page;
      page.name = optional_string(f, "name", where, resource);
      if (!is_page_name(page.name))
        fail(resource,
             fmt::format("{}.name '{}' is not a file name ending in .json", where, page.name));
      page.filing_from = optional_string(f, "filingFrom", where, resource);
      page.filing_to = optional_string(f, "filingTo", where, resource);
      for (const auto* d : {&page.filing_from, &page.filing_to})
        if (!d->empty() && !is_date(*d))
          fail(resource, fmt::format("{} has a date '{}' that is not YYYY-MM-DD", where, *d));
      out.pages.push_back(std::move(page));
    }
  }
  return out;
}

std::string submissions_url(std::string_view data_base, std::uint64_t cik) {
  return fmt::format("{}/submissions/CIK{:010}.json", trimmed_base(data_base), cik);
}

std::string submissions_page_url(std::string_view data_base, std::string_view name) {
  if (!is_page_name(name))
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("'{}' is not a submissions page name", name), "submissions");
  return fmt::format("{}/submissions/{}", trimmed_base(data_base), name);
}

std::optional<int> fiscal_year(std::string_view report_date) {
  if (!is_date(report_date)) return std::nullopt;
  return (report_date[0] - '0') * 1000 + (report_date[1] - '0') * 100 +
         (report_date[2] - '0') * 10 + (report_date[3] - '0');
}

std::vector<IndexEntry> to_index_entries(const Submissions& submissions, std::uint64_t cik) {
  std::vector<IndexEntry> out;
  out.reserve(submissions.filings.size());
  for (const auto& f : submissions.filings) {
    IndexEntry e;
    e.cik = cik;
    e.company = submissions.company;
    e.form = f.form;
    e.date_filed = f.filing_date;
    e.filename = fmt::format("edgar/data/{}/{}.txt", cik, f.accession);
    e.report_date = f.report_date;
    e.acceptance = f.acceptance;
    e.primary_document = f.primary_document;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace secnlp::corpora
