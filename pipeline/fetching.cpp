#include "pipeline/fetching.h"

#include <string_view>

#include <fmt/format.h>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"
#include "common/json.h"
#include "common/log.h"
#include "common/threads.h"
#include "corpora/fetch/http_client.h"
#include "pipeline/store/document_store.h"
#include "pipeline/store/run_records.h"

namespace secnlp::pipeline {

namespace {

// True when download() left the file in place (fetched now or found present).
bool present(const std::string& url, const corpora::DownloadResult& r) {
  return !url.empty() && (r.skipped || (r.status >= 200 && r.status < 300));
}

// Inserts or refreshes the fetches row of one file of a filing.
void record_fetch(store::DocumentStore& store, const corpora::FetchedFiling& f,
                  std::string_view kind, const std::string& url, const std::filesystem::path& path,
                  const corpora::DownloadResult& result) {
  // The download hashed the file; a file found present is hashed in pieces (never held whole).
  const std::string hash =
      result.content_hash.empty() ? hex_digest_file(path.string()) : result.content_hash;
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw Error(ErrorCode::kIo, "cannot determine size: " + ec.message(), path.string());
  store::FetchRecord record;
  record.accession = f.entry.accession();
  record.kind = std::string(kind);
  record.company = f.company_dir;
  record.cik = std::to_string(f.entry.cik);
  record.form = f.entry.form;
  record.filed = f.entry.date_filed;
  record.url = url;
  record.path = path.string();
  record.bytes = static_cast<std::int64_t>(size);
  record.content_hash = hash;
  store::record_fetch(store.connection(), record);
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

// What the index or submissions JSON said about a filing, kept beside its files as
// filing-metadata.json so that `process` dates a fetched primary document (which carries no
// filing date of its own) and knows its accession, CIK, ticker and form.
void write_filing_metadata(const corpora::FetchedFiling& f, const std::filesystem::path& folder) {
  std::string out = "{";
  auto field = [&](const char* key, const std::string& value) {
    if (value.empty()) return;
    if (out.size() > 1) out += ",\n ";
    out += json_quote(key) + ": " + json_quote(value);
  };
  field("accession", f.entry.accession());
  field("cik", std::to_string(f.entry.cik));
  field("company", f.entry.company);
  if (!all_digits(f.company_dir)) field("ticker", f.company_dir);
  field("form", f.entry.form);
  field("filed", f.entry.date_filed);
  field("accepted", f.entry.acceptance);
  field("period", f.entry.report_date);
  field("primary_document", f.entry.primary_document);
  out += "}\n";
  write_file_atomically(folder / "filing-metadata.json", out);
}

}  // namespace

FetchSummary fetch_and_record(const FetchOptions& options) {
  corpora::HttpOptions http;
  http.user_agent = options.user_agent;
  corpora::HttpClient client(http);
  std::optional<store::DocumentStore> store;
  if (options.db) store.emplace(*options.db);

  FetchSummary summary;
  const auto filings = corpora::fetch_filings(client, options.request, [](const auto& f) {
    if (present(f.url, f.result))
      log_info("{} {}", f.result.skipped ? "present " : "fetched ", f.path.string());
    if (present(f.primary_url, f.primary_result))
      log_info("{} {}", f.primary_result.skipped ? "present " : "fetched ",
               f.primary_path.string());
    if (!f.error.empty()) log_warn("{}: {}", f.entry.accession(), f.error);
  });
  summary.selected = filings.size();
  for (const auto& f : filings) {
    if (!f.error.empty()) summary.failed.push_back(f);
    const bool submission = present(f.url, f.result);
    const bool primary = present(f.primary_url, f.primary_result);
    for (const auto& [here, result] :
         {std::pair{submission, &f.result}, std::pair{primary, &f.primary_result}})
      if (here) (result->skipped ? summary.skipped : summary.downloaded) += 1;
    if (!submission && !primary) continue;
    try {
      write_filing_metadata(f, (submission ? f.path : f.primary_path).parent_path());
    } catch (const Error& e) {
      log_warn("{} (the filing's dates are not kept beside it)", e.what());
    }
    // The job processes each filing once: the full submission when it is there, else the
    // primary document. Both files are recorded.
    summary.paths.push_back(submission ? f.path : f.primary_path);
    if (!store) continue;
    if (submission) record_fetch(*store, f, "submission", f.url, f.path, f.result);
    if (primary)
      record_fetch(*store, f, "primary", f.primary_url, f.primary_path, f.primary_result);
  }
  return summary;
}

corpora::FetchRequest fetch_request_from_fields(
    const std::map<std::string, std::vector<std::string>>& fields,
    const std::filesystem::path& out) {
  corpora::FetchRequest r;
  r.out = out;
  auto one = [&](const std::string& key) -> std::string {
    auto it = fields.find(key);
    return it == fields.end() || it->second.empty() ? std::string() : it->second.front();
  };
  for (const auto& [key, values] : fields) {
    try {
      if (key == "ticker") {
        r.tickers = values;
      } else if (key == "cik") {
        for (const auto& v : values)
          r.ciks.push_back(std::stoull(v));
      } else if (key == "forms" || key == "form") {
        r.forms = values;
      } else if (key == "from") {
        r.date_from = one(key);
      } else if (key == "to") {
        r.date_to = one(key);
      } else if (key == "limit") {
        r.limit = std::stoull(one(key));
      } else if (key == "amendments") {
        r.include_amendments = one(key) == "true";
      } else if (key == "threads") {
        r.threads = std::stoi(one(key));
        check_thread_count(r.threads, "threads");
      } else if (key == "all_companies") {
        r.all_companies = one(key) == "true";
      } else if (key == "base_url") {
        r.base_url = one(key);
      } else if (key == "data_base_url") {
        r.data_base_url = one(key);
      } else if (key == "fiscal_years") {
        for (const auto& v : values) {
          const auto years = corpora::parse_fiscal_years(v);
          r.fiscal_years.insert(r.fiscal_years.end(), years.begin(), years.end());
        }
      } else if (key == "what") {
        r.what = corpora::parse_fetch_what(one(key));
      } else if (key != "out" && key != "user_agent") {
        throw Error(ErrorCode::kConfig, fmt::format("fetch source: unknown key '{}'", key));
      }
    } catch (const Error& e) {
      if (e.code() == ErrorCode::kConfig) throw;
      throw Error(ErrorCode::kConfig, fmt::format("fetch source: '{}': {}", key, e.message()));
    } catch (const std::logic_error&) {
      throw Error(ErrorCode::kConfig, fmt::format("fetch source: '{}' must be a number", key));
    }
  }
  return r;
}

}  // namespace secnlp::pipeline
