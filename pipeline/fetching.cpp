#include "pipeline/fetching.h"

#include <fmt/format.h>

#include "common/error.h"
#include "common/file_io.h"
#include "common/hash.h"
#include "common/log.h"
#include "corpora/fetch/http_client.h"
#include "pipeline/store/document_store.h"

namespace secnlp::pipeline {

FetchSummary fetch_and_record(const FetchOptions& options) {
  corpora::HttpOptions http;
  http.user_agent = options.user_agent;
  corpora::HttpClient client(http);
  std::optional<store::DocumentStore> store;
  if (options.db) store.emplace(*options.db);

  FetchSummary summary;
  const auto filings = corpora::fetch_filings(client, options.request, [](const auto& f) {
    if (!f.error.empty()) {
      log_warn("{}: {}", f.url, f.error);
    } else {
      log_info("{} {}", f.result.skipped ? "present " : "fetched ", f.path.string());
    }
  });
  summary.selected = filings.size();
  for (const auto& f : filings) {
    if (!f.error.empty()) {
      summary.failed.push_back(f);
      continue;
    }
    (f.result.skipped ? summary.skipped : summary.downloaded) += 1;
    summary.paths.push_back(f.path);
    if (!store) continue;
    const std::string bytes = read_file_bytes(f.path);
    store->connection()
        .prepare(
            "INSERT INTO fetches(accession, company, cik, form, filed, url, path, bytes, "
            "content_hash, fetched_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(accession) DO UPDATE SET path=excluded.path, bytes=excluded.bytes, "
            "content_hash=excluded.content_hash, fetched_at=excluded.fetched_at")
        .bind(1, f.entry.accession())
        .bind(2, f.company_dir)
        .bind(3, std::to_string(f.entry.cik))
        .bind(4, f.entry.form)
        .bind(5, f.entry.date_filed)
        .bind(6, f.url)
        .bind(7, f.path.string())
        .bind(8, static_cast<std::int64_t>(bytes.size()))
        .bind(9, hex_digest(bytes))
        .bind(10, store::utc_now())
        .run();
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
      } else if (key == "all_companies") {
        r.all_companies = one(key) == "true";
      } else if (key == "base_url") {
        r.base_url = one(key);
      } else if (key != "out" && key != "user_agent") {
        throw Error(ErrorCode::kConfig, fmt::format("fetch source: unknown key '{}'", key));
      }
    } catch (const std::logic_error&) {
      throw Error(ErrorCode::kConfig, fmt::format("fetch source: '{}' must be a number", key));
    }
  }
  return r;
}

}  // namespace secnlp::pipeline
