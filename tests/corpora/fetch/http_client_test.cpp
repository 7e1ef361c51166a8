#include "corpora/fetch/http_client.h"

#include <curl/curl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <set>
#include <thread>

#include "common/hash.h"
#include "corpora/fetch/edgar_paths.h"
#include "tests/corpora/fetch/fixture_server.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

namespace fs = std::filesystem;
using secnlp::testing::FixtureServer;
using secnlp::testing::TempDir;
using std::chrono::milliseconds;

constexpr const char* kAgent = "secnlp-tests tests@example.com";

using secnlp::testing::write_file;

// A body big enough that half of it is a real partial transfer.
std::string submission_body(int n) {
  std::string s = "<SEC-DOCUMENT>" + std::to_string(n) + "\n";
  for (int i = 0; i < 4000; ++i)
    s += "line " + std::to_string(i * n) + " of a filing\n";
  return s + "</SEC-DOCUMENT>\n";
}

HttpOptions fast_options() {
  HttpOptions o;
  o.user_agent = kAgent;
  o.max_attempts = 3;
  o.initial_backoff = milliseconds(200);
  o.max_backoff = milliseconds(2000);
  o.stall_timeout = std::chrono::seconds(1);
  o.total_timeout = milliseconds(20'000);
  return o;
}

// Names of the files in `dir` (no temp files may be left beside a download).
std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  if (!fs::exists(dir)) return names;
  for (const auto& e : fs::directory_iterator(dir))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class Fetch : public ::testing::Test {
 protected:
  void SetUp() override {
    FETCH_SERVER_OR_SKIP();
    write_file(root_.path() / "Archives/a.txt", submission_body(1));
    for (int i = 0; i < 40; ++i)
      write_file(root_.path() / ("Archives/f" + std::to_string(i) + ".txt"), submission_body(i));
    server_ = std::make_unique<FixtureServer>(root_.path());
  }
  std::string url(std::string_view path) const { return server_->base() + std::string(path); }

  TempDir root_;  // what the server serves
  TempDir out_;   // where downloads land
  std::unique_ptr<FixtureServer> server_;
};

TEST(HttpClientOptions, RequiresANameAndAnEmailInTheUserAgent) {
  struct Case {
    std::string_view agent;
    bool ok;
  };
  const Case cases[] = {
      {"Jane Doe jane@example.com", true},
      {"Acme Corp admin@acme.co.uk", true},
      {"", false},
      {"Jane Doe", false},
      {"jane@example.com", false},
      {"Jane jane@localhost", false},
      {"python-requests/2.31", false},
  };
  for (const auto& c : cases) {
    HttpOptions o;
    o.user_agent = c.agent;
    if (c.ok) {
      EXPECT_NO_THROW(HttpClient{o}) << c.agent;
      continue;
    }
    try {
      HttpClient client(o);
      ADD_FAILURE() << "accepted " << c.agent;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      EXPECT_NE(std::string(e.what()).find("email"), std::string::npos) << e.what();
      EXPECT_NE(std::string(e.what()).find("10 requests per second"), std::string::npos);
    }
  }
  HttpOptions zero = fast_options();
  zero.max_attempts = 0;
  EXPECT_THROW(HttpClient{zero}, Error);
}

TEST_F(Fetch, DownloadsGzippedWithTheUserAgentThenSkipsWhatIsPresent) {
  HttpClient client(fast_options());
  const fs::path dest = out_.path() / "x/full-submission.txt";
  const auto r = client.download(url("/Archives/a.txt"), dest);
  EXPECT_FALSE(r.skipped);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.attempts, 1);
  EXPECT_EQ(secnlp::testing::read_file(dest), submission_body(1));
  EXPECT_EQ(r.bytes, submission_body(1).size());
  EXPECT_EQ(listing(dest.parent_path()), std::vector<std::string>{"full-submission.txt"});

  const auto again = client.download(url("/Archives/a.txt"), dest);
  EXPECT_TRUE(again.skipped);
  const auto log = server_->log();
  ASSERT_EQ(log.size(), 1u);  // the second call sent nothing
  EXPECT_TRUE(log[0].gzip);
  EXPECT_EQ(log[0].user_agent, kAgent);
}

TEST_F(Fetch, GetReturnsStatusBodyAndHeaders) {
  HttpClient client(fast_options());
  const auto ok = client.get(url("/Archives/a.txt"));
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, submission_body(1));
  EXPECT_EQ(ok.header("Content-Encoding"), "gzip");
  const auto missing = client.get(url("/Archives/none.txt"));
  EXPECT_EQ(missing.status, 404);
  const auto log = server_->log();
  ASSERT_EQ(log.size(), 2u);                          // a 404 is an answer, not retried
  EXPECT_EQ(log[0].client_port, log[1].client_port);  // one kept-alive connection
  try {
    client.download(url("/Archives/none.txt"), out_.path() / "none.txt");
    ADD_FAILURE() << "a 404 was stored";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 404);
  }
  EXPECT_TRUE(listing(out_.path()).empty());
}

TEST_F(Fetch, ConditionalGetSendsTheHeadersAndReturns304) {
  HttpClient client(fast_options());
  const auto first = client.get(url("/Archives/a.txt"));
  ASSERT_EQ(first.status, 200);
  ASSERT_TRUE(first.header("ETag").has_value());
  ASSERT_TRUE(first.header("Last-Modified").has_value());
  const std::string etag(*first.header("ETag"));
  const std::string modified(*first.header("Last-Modified"));
  struct Case {
    HttpHeaders headers;
    long status;
  };
  const Case cases[] = {
      {{{"If-None-Match", etag}}, 304},
      {{{"If-Modified-Since", modified}}, 304},
      {{{"If-None-Match", "\"stale\""}}, 200},
      {{{"If-None-Match", "\"stale\""}, {"If-Modified-Since", modified}}, 200},  // ETag decides
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.headers.front().second);
    server_->clear_log();
    const auto r = client.get(url("/Archives/a.txt"), c.headers);
    EXPECT_EQ(r.status, c.status);
    EXPECT_EQ(r.body, c.status == 304 ? "" : submission_body(1));
    const auto log = server_->log();
    ASSERT_EQ(log.size(), 1u);  // a 304 is an answer: not retried
    EXPECT_EQ(log[0].status, c.status);
    for (const auto& [name, value] : c.headers)
      EXPECT_EQ(name == "If-None-Match" ? log[0].if_none_match : log[0].if_modified_since, value);
  }

  // A retried conditional request carries its header on every attempt.
  server_->clear_log();
  server_->fault("503", 1);
  EXPECT_EQ(client.get(url("/Archives/a.txt"), {{"If-None-Match", etag}}).status, 304);
  const auto log = server_->log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].status, 503);
  EXPECT_EQ(log[1].status, 304);
  EXPECT_EQ(log[0].if_none_match, etag);
  EXPECT_EQ(log[1].if_none_match, etag);

  // A plain GET on the same (reused) handle sends none of them.
  server_->clear_log();
  EXPECT_EQ(client.get(url("/Archives/a.txt")).status, 200);
  ASSERT_EQ(server_->log().size(), 1u);
  EXPECT_EQ(server_->log()[0].if_none_match, "");
}

TEST_F(Fetch, RejectsHeadersThatWouldSplitTheRequest) {
  HttpClient client(fast_options());
  const HttpHeaders bad[] = {
      {{"", "x"}},
      {{"X-A: b", "c"}},
      {{"X-A", "b\r\nX-Injected: 1"}},
      {{"X-A\nB", "c"}},
      {{"X-A", std::string("b\0c", 3)}},
  };
  for (const auto& headers : bad) {
    try {
      client.get(url("/Archives/a.txt"), headers);
      ADD_FAILURE() << "accepted " << headers.front().first;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    }
  }
  EXPECT_TRUE(server_->log().empty());
}

TEST_F(Fetch, RetriesWithExponentialBackoffThenSucceeds) {
  struct Case {
    std::string kind;
    int failures;
  };
  const Case cases[] = {{"429", 2}, {"500", 2}, {"503", 1}, {"truncate", 2}, {"slow", 1}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.kind);
    server_->clear_log();
    server_->fault(c.kind, c.failures, "&hang=3");
    HttpClient client(fast_options());
    const fs::path dest = out_.path() / c.kind / "f.txt";
    const auto r = client.download(url("/Archives/a.txt"), dest);
    EXPECT_EQ(r.attempts, c.failures + 1);
    EXPECT_EQ(secnlp::testing::read_file(dest), submission_body(1));
    EXPECT_EQ(listing(dest.parent_path()), std::vector<std::string>{"f.txt"});
    const auto log = server_->log();
    ASSERT_EQ(log.size(), static_cast<std::size_t>(c.failures + 1));
    // Retry k waits at least initial_backoff * 2^(k-1) after attempt k (lower bounds only).
    for (int k = 1; k <= c.failures; ++k) {
      EXPECT_EQ(log[k - 1].fault, c.kind);
      EXPECT_GE(log[k].t - log[k - 1].t, 0.2 * (1 << (k - 1))) << "retry " << k;
    }
    EXPECT_EQ(log.back().status, 200);
  }
}

TEST_F(Fetch, HonoursRetryAfterOn429) {
  server_->fault("429", 1, "&retry_after=1");
  HttpClient client(fast_options());
  EXPECT_EQ(client.get(url("/Archives/a.txt")).status, 200);
  const auto log = server_->log();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_GE(log[1].t - log[0].t, 1.0);
}

TEST_F(Fetch, GivesUpAfterMaxAttempts) {
  server_->fault("500", 10);
  HttpClient client(fast_options());
  try {
    client.get(url("/Archives/a.txt"));
    ADD_FAILURE() << "no error";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_EQ(e.status(), 500);
    EXPECT_FALSE(e.forbidden());
  }
  EXPECT_EQ(server_->log().size(), 3u);
}

TEST(HttpClientRetries, RetriesRefusedConnectionsThenGivesUp) {
  HttpOptions o = fast_options();
  o.initial_backoff = milliseconds(10);
  HttpClient client(o);
  try {
    client.get("http://127.0.0.1:1/nothing");  // port 1: nothing listens
    ADD_FAILURE() << "no error";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.curl_code(), CURLE_COULDNT_CONNECT) << e.what();
    EXPECT_EQ(e.status(), 0);
    EXPECT_NE(std::string(e.what()).find("after 3 attempt(s)"), std::string::npos) << e.what();
  }
}

TEST_F(Fetch, StopsOn403WithTheFairAccessAdvice) {
  HttpClient client(fast_options());
  const fs::path dest = out_.path() / "forbidden/f.txt";
  for (bool use_download : {false, true}) {
    server_->clear_log();
    server_->fault("403", 1);
    try {
      if (use_download)
        client.download(url("/Archives/a.txt"), dest);
      else
        client.get(url("/Archives/a.txt"));
      ADD_FAILURE() << "no error";
    } catch (const HttpError& e) {
      EXPECT_TRUE(e.forbidden());
      EXPECT_EQ(e.code(), ErrorCode::kIo);
      const std::string what = e.what();
      EXPECT_NE(what.find("User-Agent"), std::string::npos) << what;
      EXPECT_NE(what.find("10 requests per second"), std::string::npos) << what;
    }
    EXPECT_EQ(server_->log().size(), 1u);  // not retried
  }
  EXPECT_TRUE(listing(dest.parent_path()).empty());
}

TEST_F(Fetch, TruncatedBodyLeavesNoFile) {
  server_->fault("truncate", 3);
  HttpClient client(fast_options());
  const fs::path dest = out_.path() / "t/f.txt";
  try {
    client.download(url("/Archives/a.txt"), dest);
    ADD_FAILURE() << "a truncated body was accepted";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.curl_code(), CURLE_PARTIAL_FILE) << e.what();
  }
  EXPECT_FALSE(fs::exists(dest));
  EXPECT_TRUE(listing(dest.parent_path()).empty());  // the temp file is gone too
  EXPECT_EQ(server_->log().size(), 3u);
}

// Hostile server: redirect hops used to bypass the rate limiter (60 requests in one second
// through 5-hop redirects). Every hop now waits for a grant, and the file holds only the final
// answer.
TEST_F(Fetch, RedirectHopsWaitForTheRateLimiter) {
  HttpOptions o = fast_options();
  o.rate_limiter = std::make_shared<RateLimiter>(3, milliseconds(250), milliseconds(50));
  HttpClient client(o);
  for (const char* name : {"a.txt", "f1.txt"}) {
    server_->fault("redirect", 4);
    const auto r = client.download(url(std::string("/Archives/") + name), out_.path() / name);
    EXPECT_EQ(r.status, 200);
  }
  EXPECT_EQ(secnlp::testing::read_file(out_.path() / "a.txt"), submission_body(1));
  EXPECT_EQ(secnlp::testing::read_file(out_.path() / "f1.txt"), submission_body(1));
  const auto log = server_->log();
  ASSERT_EQ(log.size(), 10u);  // 2 x (4 hops + the file)
  EXPECT_EQ(log[0].status, 302);
  // The limiter's guard (50 ms) covers network jitter: the server sees <= 3 per 250 ms.
  EXPECT_LE(secnlp::testing::max_in_window(log, 0.25), 3u) << [&] {
    std::string times;
    for (const auto& r : log)
      times += std::to_string(r.t - log[0].t) + " " + std::to_string(r.status) + "\n";
    return times;
  }();
}

TEST_F(Fetch, LongOrNonHttpRedirectChainsAreRefused) {
  HttpClient client(fast_options());
  struct Case {
    const char* kind;
    int count;
    int curl_code;
  };
  const Case cases[] = {{"redirect", 6, CURLE_TOO_MANY_REDIRECTS},
                        {"offsite", 1, CURLE_UNSUPPORTED_PROTOCOL}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.kind);
    server_->fault(c.kind, c.count);
    const fs::path dest = out_.path() / c.kind / "a.txt";
    try {
      client.download(url("/Archives/a.txt"), dest);
      ADD_FAILURE() << "followed";
    } catch (const HttpError& e) {
      EXPECT_EQ(e.curl_code(), c.curl_code) << e.what();
    }
    EXPECT_TRUE(listing(dest.parent_path()).empty());
    server_->clear_faults();
  }
}

// Hostile server: a body cut off by a closed connection, without Content-Length, looked
// complete and was saved. The submission's own end marker tells: retried, then refused.
TEST_F(Fetch, BodyCutByAClosedConnectionIsRetriedAndNeverSaved) {
  HttpClient client(fast_options());
  const DownloadCheck check{"</SEC-DOCUMENT>"};
  server_->fault("close", 1);
  const auto r = client.download(url("/Archives/a.txt"), out_.path() / "ok/a.txt", check);
  EXPECT_EQ(r.attempts, 2);
  EXPECT_EQ(secnlp::testing::read_file(out_.path() / "ok/a.txt"), submission_body(1));
  EXPECT_EQ(r.content_hash, hex_digest(submission_body(1)));

  server_->fault("close", 3);
  const fs::path dest = out_.path() / "cut/a.txt";
  try {
    client.download(url("/Archives/a.txt"), dest, check);
    ADD_FAILURE() << "a cut body was saved";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.curl_code(), CURLE_PARTIAL_FILE) << e.what();
    EXPECT_NE(std::string(e.what()).find("</SEC-DOCUMENT>"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(listing(dest.parent_path()).empty());
}

// Hostile server: a gzip body that expands far beyond what get() should hold in memory.
TEST_F(Fetch, GetRefusesBodiesAboveTheMemoryCap) {
  write_file(root_.path() / "files/company_tickers.json", std::string(200'000, ' '));
  HttpOptions o = fast_options();
  o.max_body_bytes = 50'000;
  HttpClient client(o);
  try {
    client.get(url("/files/company_tickers.json"));
    ADD_FAILURE() << "held a body above the cap";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kLimit) << e.what();
    EXPECT_NE(std::string(e.what()).find("larger than 50000 bytes"), std::string::npos);
  }
  EXPECT_EQ(server_->log().size(), 1u);  // not retried
  EXPECT_TRUE(server_->log()[0].gzip);   // ~200 bytes on the wire
}

TEST_F(Fetch, StalledDownloadTimesOutLeavesNoFileAndARerunCompletes) {
  server_->fault("slow", 1, "&hang=10");
  HttpOptions o = fast_options();
  o.max_attempts = 1;
  HttpClient client(o);
  const fs::path dest = out_.path() / "s/f.txt";
  try {
    client.download(url("/Archives/a.txt"), dest);
    ADD_FAILURE() << "a stalled body was accepted";
  } catch (const HttpError& e) {
    EXPECT_EQ(e.curl_code(), CURLE_OPERATION_TIMEDOUT) << e.what();
  }
  EXPECT_TRUE(listing(dest.parent_path()).empty());
  const auto r = client.download(url("/Archives/a.txt"), dest);
  EXPECT_FALSE(r.skipped);
  EXPECT_EQ(secnlp::testing::read_file(dest), submission_body(1));
}

TEST_F(Fetch, KilledMidDownloadLeavesNoPartialFileAndARerunCompletes) {
  server_->fault("slow", 1, "&hang=30");
  const fs::path dest = out_.path() / "k/f.txt";
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    try {
      HttpClient client(fast_options());
      client.download(url("/Archives/a.txt"), dest);
    } catch (...) {
    }
    ::_exit(0);
  }
  // Wait until the child has written part of the body into its temp file, then kill it.
  bool partial = false;
  for (int i = 0; i < 500 && !partial; ++i) {
    std::this_thread::sleep_for(milliseconds(20));
    for (const auto& name : listing(dest.parent_path()))
      if (name.starts_with("f.txt.tmp-") && fs::file_size(dest.parent_path() / name) > 0)
        partial = true;
  }
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  ASSERT_TRUE(partial) << "the child never started writing";
  EXPECT_FALSE(fs::exists(dest));
  ASSERT_EQ(listing(dest.parent_path()).size(), 1u);  // the dead process's temp file

  HttpClient client(fast_options());
  const auto r = client.download(url("/Archives/a.txt"), dest);
  EXPECT_FALSE(r.skipped);
  EXPECT_EQ(secnlp::testing::read_file(dest), submission_body(1));
  EXPECT_EQ(listing(dest.parent_path()), std::vector<std::string>{"f.txt"});  // stale temp gone
}

TEST_F(Fetch, EightThreadsStayUnderTenRequestsPerSecondPerTheServerLog) {
  HttpOptions o = fast_options();
  o.rate_limiter = std::make_shared<RateLimiter>(10);  // the SEC's limit, shared
  HttpClient client(o);
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = t; i < 40; i += 8) {
        try {
          client.download(url("/Archives/f" + std::to_string(i) + ".txt"),
                          out_.path() / ("f" + std::to_string(i) + ".txt"));
        } catch (...) {
          ++failures;
        }
      }
    });
  }
  for (auto& t : threads)
    t.join();
  EXPECT_EQ(failures.load(), 0);
  const auto log = server_->log();
  ASSERT_EQ(log.size(), 40u);
  EXPECT_LE(secnlp::testing::max_in_window(log, 1.0), 10u) << [&] {
    std::string times;
    for (const auto& r : log)
      times += std::to_string(r.t - log[0].t) + " " + std::to_string(r.client_port) + "\n";
    return times;
  }();
  std::set<long> connections;
  for (const auto& r : log)
    connections.insert(r.client_port);
  EXPECT_LE(connections.size(), 8u);  // one reused connection per thread at most
  EXPECT_EQ(listing(out_.path()).size(), 40u);
}

TEST_F(Fetch, SelectsByTickerFormAndYearAndLandsInTheDownloaderLayout) {
  write_file(root_.path() / "files/company_tickers.json",
             R"({"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},)"
             R"("1":{"cik_str":789019,"ticker":"MSFT","title":"MICROSOFT CORP"}})");
  write_file(root_.path() / "Archives/edgar/full-index/2020/QTR1/master.idx",
             "CIK|Company Name|Form Type|Date Filed|Filename\n----\n"
             "320193|Apple Inc.|10-K|2020-01-03|edgar/data/320193/0000320193-20-000096.txt\n"
             "320193|Apple Inc.|8-K|2020-01-28|edgar/data/320193/0000320193-20-000005.txt\n"
             "789019|MICROSOFT CORP|10-K|2020-02-01|edgar/data/789019/0000789019-20-000001.txt\n"
             "320193|Apple Inc.|10-K|2019-12-30|edgar/data/320193/0000320193-19-000200.txt\n");
  write_file(
      root_.path() / "Archives/edgar/data/320193/000032019320000096/0000320193-20-000096.txt",
      submission_body(96));
  HttpClient client(fast_options());
  const EdgarUrls urls(server_->base());

  const auto tickers = parse_company_tickers(client.get(urls.company_tickers()).body);
  const auto cik = find_cik(tickers, "aapl");
  ASSERT_EQ(cik, 320193u);
  const auto index = client.get(urls.full_index(2020, 1, IndexKind::kMaster));
  ASSERT_EQ(index.status, 200);
  const auto picked = select_filings(
      parse_master_idx(index.body),
      {.ciks = {*cik}, .forms = {"10-K"}, .date_from = "2020-01-01", .date_to = "2020-12-31"});
  ASSERT_EQ(picked.size(), 1u);
  const fs::path dest = submission_path(out_.path(), "AAPL", "10-K", picked[0].accession());
  EXPECT_FALSE(
      client.download(urls.submission(picked[0].cik, picked[0].accession()), dest).skipped);
  EXPECT_EQ(
      secnlp::testing::read_file(out_.path() / "sec-edgar-filings/AAPL/10-K/0000320193-20-000096/"
                                               "full-submission.txt"),
      submission_body(96));
  EXPECT_TRUE(client.download(urls.submission(picked[0].cik, picked[0].accession()), dest).skipped);
}

}  // namespace
}  // namespace secnlp::corpora
