#include "corpora/fetch/filing_fetcher.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/corpora/fetch/fixture_server.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

namespace fs = std::filesystem;
using secnlp::testing::FixtureServer;
using secnlp::testing::TempDir;

void write(const fs::path& path, std::string_view bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string body(std::string_view accession) {
  return "<SEC-DOCUMENT>" + std::string(accession) + "\n</SEC-DOCUMENT>\n";
}

TEST(QuartersBetween, CoversTheRange) {
  using Q = std::vector<std::pair<int, int>>;
  EXPECT_EQ(quarters_between("2020-01-01", "2020-03-31"), (Q{{2020, 1}}));
  EXPECT_EQ(quarters_between("2019-11-15", "2020-04-01"), (Q{{2019, 4}, {2020, 1}, {2020, 2}}));
  EXPECT_EQ(quarters_between("2020-12-31", "2020-12-31"), (Q{{2020, 4}}));
  for (auto [from, to] :
       {std::pair{"2020-02-01", "2020-01-01"}, std::pair{"2020-13-01", "2021-01-01"},
        std::pair{"", "2020-01-01"}, std::pair{"2020/01/01", "2020-02-01"}}) {
    try {
      quarters_between(from, to);
      ADD_FAILURE() << from << ".." << to;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    }
  }
}

class FetchFilings : public ::testing::Test {
 protected:
  void SetUp() override {
    FETCH_SERVER_OR_SKIP();
    const fs::path r = root_.path();
    write(r / "files/company_tickers.json",
          R"({"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},)"
          R"("1":{"cik_str":789019,"ticker":"MSFT","title":"MICROSOFT CORP"}})");
    const std::string header = "CIK|Company Name|Form Type|Date Filed|Filename\n-----\n";
    write(r / "Archives/edgar/full-index/2020/QTR1/master.idx",
          header +
              "320193|Apple Inc.|10-K|2020-01-03|edgar/data/320193/0000320193-20-000001.txt\n"
              "320193|Apple Inc.|8-K|2020-01-28|edgar/data/320193/0000320193-20-000002.txt\n"
              "320193|Apple Inc.|10-K/A|2020-02-03|edgar/data/320193/0000320193-20-000003.txt\n"
              "789019|MICROSOFT CORP|10-K|2020-02-01|edgar/data/789019/0000789019-20-000001.txt\n");
    write(r / "Archives/edgar/full-index/2020/QTR2/master.idx",
          header +
              "320193|Apple Inc.|10-K|2020-05-03|edgar/data/320193/0000320193-20-000004.txt\n"
              "789019|MICROSOFT CORP|10-K|2020-05-01|edgar/data/789019/0000789019-20-000002.txt\n");
    for (auto [cik, acc] :
         {std::pair{"320193", "0000320193-20-000001"}, std::pair{"320193", "0000320193-20-000003"},
          std::pair{"320193", "0000320193-20-000004"}, std::pair{"789019", "0000789019-20-000001"},
          std::pair{"789019", "0000789019-20-000002"}}) {
      std::string dir = acc;
      std::erase(dir, '-');
      write(r / "Archives/edgar/data" / cik / dir / (std::string(acc) + ".txt"), body(acc));
    }
    server_ = std::make_unique<FixtureServer>(r);
    HttpOptions o;
    o.user_agent = "secnlp-tests tests@example.com";
    o.initial_backoff = std::chrono::milliseconds(100);
    o.max_attempts = 2;
    client_ = std::make_unique<HttpClient>(o);
  }
  FetchRequest request() const {
    FetchRequest q;
    q.date_from = "2020-01-01";
    q.date_to = "2020-06-30";
    q.out = out_.path();
    q.base_url = server_->base();
    return q;
  }
  std::size_t requests_for(std::string_view part) {
    std::size_t n = 0;
    for (const auto& r : server_->log())
      n += r.path.find(part) != std::string::npos;
    return n;
  }

  TempDir root_, out_;
  std::unique_ptr<FixtureServer> server_;
  std::unique_ptr<HttpClient> client_;
};

TEST_F(FetchFilings, SelectsByTickerFormAndDatesThenSkipsOnRerun) {
  FetchRequest q = request();
  q.tickers = {"aapl"};
  const auto got = fetch_filings(*client_, q);
  ASSERT_EQ(got.size(), 2u);  // the 10-Ks of both quarters; no 8-K, no 10-K/A, no MSFT
  EXPECT_EQ(got[0].entry.accession(), "0000320193-20-000004");  // most recent first
  EXPECT_EQ(got[1].entry.accession(), "0000320193-20-000001");
  for (const auto& f : got) {
    EXPECT_TRUE(f.error.empty()) << f.error;
    EXPECT_FALSE(f.result.skipped);
    EXPECT_EQ(f.company_dir, "AAPL");
    EXPECT_EQ(secnlp::testing::read_file(f.path), body(f.entry.accession()));
  }
  EXPECT_EQ(got[1].path, out_.path() /
                             "sec-edgar-filings/AAPL/10-K/0000320193-20-000001/"
                             "full-submission.txt");
  // Closed quarters' indexes are cached beside the filings.
  EXPECT_TRUE(fs::exists(out_.path() / "full-index/2020/QTR1/master.idx"));

  server_->clear_log();
  const auto again = fetch_filings(*client_, q);
  ASSERT_EQ(again.size(), 2u);
  for (const auto& f : again)
    EXPECT_TRUE(f.result.skipped);
  EXPECT_EQ(requests_for("/Archives/"), 0u);  // neither indexes nor filings were requested
}

TEST_F(FetchFilings, ByCikWithAmendmentsLimitAndARecordedFailure) {
  fs::remove(root_.path() /
             "Archives/edgar/data/320193/000032019320000003/0000320193-20-000003.txt");
  FetchRequest q = request();
  q.ciks = {320193, 789019};
  q.include_amendments = true;
  q.limit = 2;
  const auto got = fetch_filings(*client_, q);
  std::vector<std::string> accessions, errors;
  for (const auto& f : got) {
    accessions.push_back(f.entry.accession());
    errors.push_back(f.error.empty() ? "" : "error");
  }
  EXPECT_EQ(accessions, (std::vector<std::string>{"0000320193-20-000004", "0000320193-20-000003",
                                                  "0000789019-20-000002", "0000789019-20-000001"}));
  EXPECT_EQ(errors, (std::vector<std::string>{"", "error", "", ""}));  // the 404, recorded
  EXPECT_EQ(got[1].path, out_.path() /
                             "sec-edgar-filings/0000320193/10-K-A/"
                             "0000320193-20-000003/full-submission.txt");
  EXPECT_FALSE(fs::exists(got[1].path));
}

TEST_F(FetchFilings, A403StopsTheRun) {
  FetchRequest q = request();
  q.ciks = {789019};  // two filings
  q.threads = 1;
  FetchRequest prime = request();
  prime.ciks = {1};  // selects nothing, but caches both quarters' indexes
  EXPECT_TRUE(fetch_filings(*client_, prime).empty());
  server_->clear_log();
  server_->fault("403", 1);
  try {
    fetch_filings(*client_, q);
    ADD_FAILURE() << "no error";
  } catch (const HttpError& e) {
    EXPECT_TRUE(e.forbidden());
  }
  const auto log = server_->log();
  ASSERT_EQ(log.size(), 1u);  // the first filing got the 403; the second was never requested
  EXPECT_NE(log[0].path.find("/Archives/edgar/data/789019/"), std::string::npos);
  std::size_t files = 0;  // folders may have been made; no file, not even a temp one
  for (const auto& e : fs::recursive_directory_iterator(out_.path() / "sec-edgar-filings"))
    files += e.is_regular_file();
  EXPECT_EQ(files, 0u);
}

TEST_F(FetchFilings, RejectsBadRequests) {
  FetchRequest none = request();
  FetchRequest unknown = request();
  unknown.tickers = {"NOPE"};
  FetchRequest dates = request();
  dates.ciks = {320193};
  dates.date_to = "2019-01-01";
  FetchRequest threads = request();
  threads.ciks = {320193};
  threads.threads = 0;
  for (const auto* q : {&none, &unknown, &dates, &threads}) {
    try {
      fetch_filings(*client_, *q);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << e.what();
    }
  }
}

}  // namespace
}  // namespace secnlp::corpora

namespace secnlp::corpora {
namespace {

TEST_F(FetchFilings, EveryCompanyOfAFormInTheQuarters) {
  FetchRequest q = request();
  q.all_companies = true;
  q.date_to = "2020-03-31";
  const auto filings = fetch_filings(*client_, q);
  std::vector<std::string> got;
  for (const auto& f : filings) {
    EXPECT_TRUE(f.error.empty()) << f.error;
    got.push_back(f.company_dir + " " + f.entry.accession());
  }
  std::sort(got.begin(), got.end());
  // Q1's 10-Ks of both companies; not the 8-K, not the 10-K/A, not Q2's.
  EXPECT_EQ(got, (std::vector<std::string>{"0000320193 0000320193-20-000001",
                                           "0000789019 0000789019-20-000001"}));
  q.date_from.clear();
  EXPECT_THROW(fetch_filings(*client_, q), Error);  // the quarters must be named
}

TEST_F(FetchFilings, QuartersThatHaveNotBegunAreNotRequested) {
  FetchRequest q = request();
  q.ciks = {320193};
  q.date_from = "2090-01-01";
  q.date_to = "2099-12-31";
  EXPECT_TRUE(fetch_filings(*client_, q).empty());
  EXPECT_TRUE(server_->log().empty());
}

}  // namespace
}  // namespace secnlp::corpora
