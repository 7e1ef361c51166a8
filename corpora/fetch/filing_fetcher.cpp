#include "corpora/fetch/filing_fetcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <ctime>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

#include "common/error.h"
#include "common/file_io.h"
#include "common/log.h"
#include "common/threads.h"
#include "corpora/fetch/http_cache.h"
#include "corpora/fetch/submissions.h"

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

// The submissions file at `url`, through its copy in `cache_dir` (see http_cache.h): a
// conditional GET, and the copy when it is not modified. A broken answer throws Error(kParse)
// naming the URL; a broken copy is fetched again.
Submissions submissions_file(HttpClient& client, const std::string& url,
                             const std::filesystem::path& cache_dir, std::string_view name) {
  Submissions out;
  get_through_cache(client, url, cache_dir / name, "submissions JSON",
                    [&](std::string_view body, std::string_view source) {
                      out = parse_submissions(body, source);
                    });
  return out;
}

// Every filing the submissions JSON of `cik` lists, from the main file and the pages whose
// filing dates can overlap [from, to] (empty: open), as index entries. Main file and pages are
// cached under <out>/submissions/ and revalidated on every call.
std::vector<IndexEntry> company_submissions(HttpClient& client, const FetchRequest& request,
                                            std::uint64_t cik, std::string_view from,
                                            std::string_view to) {
  const std::filesystem::path cache_dir = request.out / "submissions";
  const std::string url = submissions_url(request.data_base_url, cik);
  const Submissions main =
      submissions_file(client, url, cache_dir, fmt::format("CIK{}.json", format_cik(cik)));
  std::vector<IndexEntry> out = to_index_entries(main, cik);
  for (const auto& page : main.pages) {
    if (!from.empty() && !page.filing_to.empty() && page.filing_to < from) continue;
    if (!to.empty() && !page.filing_from.empty() && page.filing_from > to) continue;
    // parse_submissions() admits only plain file names: page.name stays inside cache_dir.
    const std::string page_url = submissions_page_url(request.data_base_url, page.name);
    Submissions older = submissions_file(client, page_url, cache_dir, page.name);
    older.company = main.company;
    auto rows = to_index_entries(older, cik);
    out.insert(out.end(), std::make_move_iterator(rows.begin()),
               std::make_move_iterator(rows.end()));
  }
  return out;
}

// Fills entry.primary_document and entry.report_date of filings selected from master.idx from
// their companies' submissions JSON (one company at a time, pages limited to the filings'
// dates). Filings the JSON does not list keep them empty.
void fill_primary_documents(HttpClient& client, const FetchRequest& request,
                            std::vector<FetchedFiling>& filings) {
  std::map<std::uint64_t, std::pair<std::string, std::string>> ranges;  // cik -> dates
  for (const auto& f : filings) {
    auto [it, fresh] = ranges.try_emplace(f.entry.cik, f.entry.date_filed, f.entry.date_filed);
    if (!fresh) {
      it->second.first = std::min(it->second.first, f.entry.date_filed);
      it->second.second = std::max(it->second.second, f.entry.date_filed);
    }
  }
  for (const auto& [cik, range] : ranges) {
    std::map<std::string, IndexEntry> by_accession;
    for (auto& e : company_submissions(client, request, cik, range.first, range.second))
      by_accession.emplace(e.accession(), std::move(e));
    for (auto& f : filings) {
      if (f.entry.cik != cik) continue;
      const auto it = by_accession.find(f.entry.accession());
      if (it == by_accession.end()) continue;
      f.entry.primary_document = it->second.primary_document;
      f.entry.report_date = it->second.report_date;
      f.entry.acceptance = it->second.acceptance;
    }
  }
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

FetchWhat parse_fetch_what(std::string_view what) {
  if (what == "submission") return FetchWhat::kSubmission;
  if (what == "primary") return FetchWhat::kPrimary;
  if (what == "both") return FetchWhat::kBoth;
  throw Error(ErrorCode::kInvalidArgument,
              fmt::format("'{}' is not submission, primary or both", what), "what");
}

std::vector<int> parse_fiscal_years(std::string_view spec) {
  auto bad = [&](std::string_view why) {
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("'{}' is not a list of fiscal years like 2021-2023 or 2019,2021: {}",
                            spec, why),
                "fiscal years");
  };
  auto year = [&](std::string_view s) {
    while (!s.empty() && s.front() == ' ')
      s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
      s.remove_suffix(1);
    if (s.size() != 4 ||
        !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
      bad(fmt::format("'{}' is not a year", s));
    const int y = std::stoi(std::string(s));
    if (y < 1900) bad(fmt::format("{} is before 1900", y));
    return y;
  };
  std::vector<int> out;
  std::string_view rest = spec;
  if (rest.empty()) bad("empty");
  while (true) {
    const auto comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    const auto dash = item.find('-');
    const int first = year(item.substr(0, dash));
    const int last = dash == std::string_view::npos ? first : year(item.substr(dash + 1));
    if (last < first) bad(fmt::format("{}-{} is not ascending", first, last));
    for (int y = first; y <= last; ++y)
      if (std::find(out.begin(), out.end(), y) == out.end()) out.push_back(y);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

std::vector<FetchedFiling> fetch_filings(
    HttpClient& client, const FetchRequest& request,
    const std::function<void(const FetchedFiling&)>& progress) {
  if (request.tickers.empty() && request.ciks.empty() && !request.all_companies)
    throw Error(ErrorCode::kInvalidArgument,
                "name at least one ticker or CIK, or select all companies", "fetch");
  if (request.all_companies && request.date_from.empty())
    throw Error(ErrorCode::kInvalidArgument,
                "selecting all companies needs a date range (the quarters to read)", "fetch");
  if (request.all_companies && !request.fiscal_years.empty())
    throw Error(ErrorCode::kInvalidArgument,
                "fiscal years need named companies (the submissions JSON is per company)", "fetch");
  for (const int year : request.fiscal_years)
    if (year < 1900 || year > 9999)
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("fiscal year {} is not in 1900..9999", year), "fetch");
  if (request.threads < 1)
    throw Error(ErrorCode::kInvalidArgument, "threads must be >= 1", "fetch");
  check_thread_count(request.threads, "threads");
  // Temp files of killed downloads ("<file>.tmp-<pid>-<n>", writer dead) anywhere under --out.
  if (const std::size_t swept = remove_stale_temp_files(request.out); swept > 0)
    log_info("removed {} temporary file(s) left in {} by interrupted downloads", swept,
             request.out.string());
  const std::string now = today();
  for (const auto* date : {&request.date_from, &request.date_to}) {
    int year, month;
    if (!date->empty() && !parse_date(*date, year, month))
      throw Error(ErrorCode::kInvalidArgument, fmt::format("date '{}' is not YYYY-MM-DD", *date),
                  "dates");
  }
  if (!request.date_from.empty() && !request.date_to.empty() && request.date_from > request.date_to)
    throw Error(
        ErrorCode::kInvalidArgument,
        fmt::format("date range '{}'..'{}' is not in order", request.date_from, request.date_to),
        "dates");
  const bool from_submissions =
      !request.all_companies && (!request.fiscal_years.empty() || request.date_from.empty());
  const EdgarUrls urls(request.base_url);
  // Submissions JSON validates its base too; fail before any request when it is empty.
  (void)submissions_url(request.data_base_url, 0);

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

  FilingSelection base_selection{.ciks = {},
                                 .forms = request.forms,
                                 .include_amendments = request.include_amendments,
                                 .date_from = request.date_from,
                                 .date_to = request.date_to,
                                 .limit = request.limit,
                                 .fiscal_years = request.fiscal_years};

  std::vector<IndexEntry> entries;  // from master.idx
  if (!from_submissions) {
    const auto quarters =
        quarters_between(request.date_from, request.date_to.empty() ? now : request.date_to);
    for (const auto& [year, quarter] : quarters) {
      if (fmt::format("{:04}-{:02}-01", year, quarter * 3 - 2) > now) break;  // not published
      const std::string text = index_text(client, urls, request, year, quarter);
      auto rows = parse_master_idx(text, urls.full_index(year, quarter, IndexKind::kMaster));
      entries.insert(entries.end(), std::make_move_iterator(rows.begin()),
                     std::make_move_iterator(rows.end()));
    }
  }

  std::vector<FetchedFiling> filings;
  auto add = [&](std::string folder, IndexEntry e) {
    if (e.accession().empty()) return;  // not a submission file name; nothing to fetch
    FetchedFiling f;
    f.company_dir = std::move(folder);
    f.entry = std::move(e);
    filings.push_back(std::move(f));
  };
  if (request.all_companies) {
    for (auto& e : select_filings(entries, base_selection))
      add(format_cik(e.cik), std::move(e));
  }
  for (const auto& [folder, cik] : companies) {
    FilingSelection selection = base_selection;
    selection.ciks = {cik};
    if (from_submissions) {
      // Pages older than the range cannot match: a period of report precedes its filing.
      std::string lower = request.date_from;
      if (!request.fiscal_years.empty()) {
        const int first =
            *std::min_element(request.fiscal_years.begin(), request.fiscal_years.end());
        lower = std::max(lower, fmt::format("{:04}-01-01", first));
      }
      const auto listed = company_submissions(client, request, cik, lower, request.date_to);
      for (auto& e : select_filings(listed, selection))
        add(folder, std::move(e));
    } else {
      for (auto& e : select_filings(entries, selection))
        add(folder, std::move(e));
    }
  }

  const bool want_submission = request.what != FetchWhat::kPrimary;
  const bool want_primary = request.what != FetchWhat::kSubmission;
  if (want_primary && !from_submissions) fill_primary_documents(client, request, filings);
  for (auto& f : filings) {
    const std::string accession = f.entry.accession();
    if (want_submission) {
      f.url = urls.submission(f.entry.cik, accession);
      f.path = submission_path(request.out, f.company_dir, f.entry.form, accession);
    }
    if (!want_primary) continue;
    if (f.entry.primary_document.empty()) {
      f.error = fmt::format("{}: the submissions JSON names no primary document", accession);
      continue;
    }
    try {
      f.primary_url = urls.document(f.entry.cik, accession, f.entry.primary_document);
      f.primary_path = primary_document_path(request.out, f.company_dir, f.entry.form, accession,
                                             f.entry.primary_document);
    } catch (const Error& e) {
      f.error = fmt::format("{}: {}", accession, e.what());
      f.primary_url.clear();
    }
  }

  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::exception_ptr fatal;
  std::mutex mutex;
  // Downloads one file; false when a 403 stopped the run.
  // A full submission ends with its own end marker: one without it was cut off.
  auto get = [&](FetchedFiling& f, const std::string& url, const std::filesystem::path& path,
                 DownloadResult& result) {
    if (url.empty()) return true;
    try {
      result =
          client.download(url, path, DownloadCheck{&result == &f.result ? "</SEC-DOCUMENT>" : ""});
    } catch (const HttpError& e) {
      if (e.forbidden()) {
        std::lock_guard lock(mutex);
        if (!fatal) fatal = std::current_exception();
        stop = true;
        return false;
      }
      f.error += (f.error.empty() ? "" : "; ") + std::string(e.what());
    } catch (const std::exception& e) {
      f.error += (f.error.empty() ? "" : "; ") + std::string(e.what());
    }
    return true;
  };
  auto work = [&] {
    while (!stop) {
      const std::size_t i = next++;
      if (i >= filings.size()) return;
      FetchedFiling& f = filings[i];
      if (!get(f, f.url, f.path, f.result)) return;
      if (stop || !get(f, f.primary_url, f.primary_path, f.primary_result)) return;
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
