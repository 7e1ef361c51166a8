#include "corpora/fetch/filing_fetcher.h"

#include <fmt/format.h>

#include <atomic>
#include <ctime>
#include <exception>
#include <mutex>
#include <thread>

#include "common/error.h"
#include "common/file_io.h"

namespace secnlp::corpora {
namespace {

bool parse_date(std::string_view s, int& year, int& month) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  year = std::stoi(std::string(s.substr(0, 4)));
  month = std::stoi(std::string(s.substr(5, 2)));
  const int day = std::stoi(std::string(s.substr(8, 2)));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// Today as YYYY-MM-DD (UTC).
std::string today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string index_text(HttpClient& client, const EdgarUrls& urls, const FetchRequest& request,
                       int year, int quarter) {
  const std::string url = urls.full_index(year, quarter, IndexKind::kMaster);
  // A quarter is closed once the first day of the next one has passed.
  const int next_year = quarter == 4 ? year + 1 : year;
  const int next_month = quarter == 4 ? 1 : quarter * 3 + 1;
  const bool closed = fmt::format("{:04}-{:02}-01", next_year, next_month) <= today();
  if (closed) {
    const auto cached = request.out / "full-index" / std::to_string(year) /
                        fmt::format("QTR{}", quarter) / "master.idx";
    client.download(url, cached);
    return read_file_bytes(cached);
  }
  auto response = client.get(url);
  if (response.status != 200)
    throw HttpError(fmt::format("index answered HTTP {}", response.status), url, response.status,
                    0);
  return std::move(response.body);
}

}  // namespace

std::vector<std::pair<int, int>> quarters_between(std::string_view date_from,
                                                  std::string_view date_to) {
  int y0, m0, y1, m1;
  if (!parse_date(date_from, y0, m0) || !parse_date(date_to, y1, m1) || date_from > date_to)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("date range '{}'..'{}' is not YYYY-MM-DD..YYYY-MM-DD in order",
                            date_from, date_to),
                "dates");
  std::vector<std::pair<int, int>> out;
  for (int y = y0, q = (m0 - 1) / 3 + 1; y < y1 || (y == y1 && q <= (m1 - 1) / 3 + 1);) {
    out.emplace_back(y, q);
    if (++q == 5) q = 1, ++y;
  }
  return out;
}

std::vector<FetchedFiling> fetch_filings(
    HttpClient& client, const FetchRequest& request,
    const std::function<void(const FetchedFiling&)>& progress) {
  if (request.tickers.empty() && request.ciks.empty() && !request.all_companies)
    throw Error(ErrorCode::kInvalidArgument,
                "name at least one ticker or CIK, or select all companies", "fetch");
  if (request.all_companies && (request.date_from.empty() || request.date_to.empty()))
    throw Error(ErrorCode::kInvalidArgument,
                "selecting all companies needs a date range (the quarters to read)", "fetch");
  if (request.threads < 1)
    throw Error(ErrorCode::kInvalidArgument, "threads must be >= 1", "fetch");
  const auto quarters = quarters_between(request.date_from, request.date_to);
  const EdgarUrls urls(request.base_url);

  // Companies in request order: (folder name, CIK).
  std::vector<std::pair<std::string, std::uint64_t>> companies;
  if (!request.tickers.empty()) {
    const std::string url = urls.company_tickers();
    const auto response = client.get(url);
    if (response.status != 200)
      throw HttpError(fmt::format("ticker file answered HTTP {}", response.status), url,
                      response.status, 0);
    const auto tickers = parse_company_tickers(response.body, url);
    for (const auto& t : request.tickers) {
      const auto cik = find_cik(tickers, t);
      if (!cik)
        throw Error(ErrorCode::kInvalidArgument, fmt::format("unknown ticker '{}'", t), url);
      std::string folder = t;
      for (char& c : folder)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      companies.emplace_back(folder, *cik);
    }
  }
  for (const auto cik : request.ciks)
    companies.emplace_back(format_cik(cik), cik);

  std::vector<IndexEntry> entries;
  const std::string now = today();
  for (const auto& [year, quarter] : quarters) {
    if (fmt::format("{:04}-{:02}-01", year, quarter * 3 - 2) > now) break;  // not published yet
    const std::string text = index_text(client, urls, request, year, quarter);
    auto rows = parse_master_idx(text, urls.full_index(year, quarter, IndexKind::kMaster));
    entries.insert(entries.end(), std::make_move_iterator(rows.begin()),
                   std::make_move_iterator(rows.end()));
  }

  std::vector<FetchedFiling> filings;
  if (request.all_companies) {
    FilingSelection selection{.ciks = {},
                              .forms = request.forms,
                              .include_amendments = request.include_amendments,
                              .date_from = request.date_from,
                              .date_to = request.date_to,
                              .limit = request.limit};
    for (auto& e : select_filings(entries, selection)) {
      const std::string accession = e.accession();
      if (accession.empty()) continue;
      FetchedFiling f;
      f.company_dir = format_cik(e.cik);
      f.url = urls.submission(e.cik, accession);
      f.path = submission_path(request.out, f.company_dir, e.form, accession);
      f.entry = std::move(e);
      filings.push_back(std::move(f));
    }
  }
  for (const auto& [folder, cik] : companies) {
    FilingSelection selection{.ciks = {cik},
                              .forms = request.forms,
                              .include_amendments = request.include_amendments,
                              .date_from = request.date_from,
                              .date_to = request.date_to,
                              .limit = request.limit};
    for (auto& e : select_filings(entries, selection)) {
      const std::string accession = e.accession();
      if (accession.empty()) continue;  // not a submission file name; nothing to fetch
      FetchedFiling f;
      f.company_dir = folder;
      f.url = urls.submission(e.cik, accession);
      f.path = submission_path(request.out, folder, e.form, accession);
      f.entry = std::move(e);
      filings.push_back(std::move(f));
    }
  }

  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::exception_ptr fatal;
  std::mutex mutex;
  auto work = [&] {
    while (!stop) {
      const std::size_t i = next++;
      if (i >= filings.size()) return;
      FetchedFiling& f = filings[i];
      try {
        f.result = client.download(f.url, f.path);
      } catch (const HttpError& e) {
        if (e.forbidden()) {
          std::lock_guard lock(mutex);
          if (!fatal) fatal = std::current_exception();
          stop = true;
          return;
        }
        f.error = e.what();
      } catch (const std::exception& e) {
        f.error = e.what();
      }
      if (progress) {
        std::lock_guard lock(mutex);
        progress(f);
      }
    }
  };
  std::vector<std::thread> threads;
  const int n = std::min<int>(request.threads, static_cast<int>(filings.size()));
  for (int t = 0; t < n; ++t)
    threads.emplace_back(work);
  for (auto& t : threads)
    t.join();
  if (fatal) std::rethrow_exception(fatal);
  return filings;
}

}  // namespace secnlp::corpora
