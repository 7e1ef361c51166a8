#include "corpora/fetch/filing_fetcher.h"

#include <gtest/gtest.h>

#include <array>
#include <fstream>
#include <functional>

#include "corpora/fetch/http_cache.h"
#include "tests/corpora/fetch/fixture_server.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

namespace fs = std::filesystem;
using secnlp::testing::FixtureServer;
using secnlp::testing::TempDir;

using secnlp::testing::write_file;

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

TEST(ParseFiscalYears, RangesAndLists) {
  using V = std::vector<int>;
  struct Case {
    std::string_view spec;
    V years;  // empty: rejected
  };
  const Case cases[] = {
      {"2021-2023", V{2021, 2022, 2023}},
      {"2021,2023", V{2021, 2023}},
      {"2020", V{2020}},
      {"2019, 2021-2022", V{2019, 2021, 2022}},
      {"2021,2021-2022", V{2021, 2022}},
      {"", V{}},
      {"2023-2021", V{}},
      {"21", V{}},
      {"2021,", V{}},
      {"2021-", V{}},
      {"1850", V{}},
      {"20x1", V{}},
      {"2021--2022", V{}},
  };
  for (const auto& c : cases) {
    if (!c.years.empty()) {
      EXPECT_EQ(parse_fiscal_years(c.spec), c.years) << c.spec;
      continue;
    }
    try {
      parse_fiscal_years(c.spec);
      ADD_FAILURE() << "accepted: " << c.spec;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << c.spec;
    }
  }
}

class FetchFilings : public ::testing::Test {
 protected:
  void SetUp() override {
    FETCH_SERVER_OR_SKIP();
    const fs::path r = root_.path();
    write_file(r / "files/company_tickers.json",
               R"({"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},)"
               R"("1":{"cik_str":789019,"ticker":"MSFT","title":"MICROSOFT CORP"}})");
    const std::string header = "CIK|Company Name|Form Type|Date Filed|Filename\n-----\n";
    write_file(
        r / "Archives/edgar/full-index/2020/QTR1/master.idx",
        header +
            "320193|Apple Inc.|10-K|2020-01-03|edgar/data/320193/0000320193-20-000001.txt\n"
            "320193|Apple Inc.|8-K|2020-01-28|edgar/data/320193/0000320193-20-000002.txt\n"
            "320193|Apple Inc.|10-K/A|2020-02-03|edgar/data/320193/0000320193-20-000003.txt\n"
            "789019|MICROSOFT CORP|10-K|2020-02-01|edgar/data/789019/0000789019-20-000001.txt\n");
    write_file(
        r / "Archives/edgar/full-index/2020/QTR2/master.idx",
        header +
            "320193|Apple Inc.|10-K|2020-05-03|edgar/data/320193/0000320193-20-000004.txt\n"
            "789019|MICROSOFT CORP|10-K|2020-05-01|edgar/data/789019/0000789019-20-000002.txt\n");
    for (auto [cik, acc] :
         {std::pair{"320193", "0000320193-20-000001"}, std::pair{"320193", "0000320193-20-000003"},
          std::pair{"320193", "0000320193-20-000004"}, std::pair{"789019", "0000789019-20-000001"},
          std::pair{"789019", "0000789019-20-000002"}}) {
      std::string dir = acc;
      std::erase(dir, '-');
      write_file(r / "Archives/edgar/data" / cik / dir / (std::string(acc) + ".txt"), body(acc));
    }
    write_submissions(r);
    server_ = std::make_unique<FixtureServer>(r);
    HttpOptions o;
    o.user_agent = "secnlp-tests tests@example.com";
    o.initial_backoff = std::chrono::milliseconds(100);
    o.max_attempts = 2;
    client_ = std::make_unique<HttpClient>(o);
  }
  // The submissions JSON of both companies under <root>/data (served as data_base_url), with a
  // page of older AAPL filings, and the filings and primary documents it names.
  // AAPL's 10-K 0000320193-20-000001 was filed in 2020 for fiscal 2019.
  static void write_submissions(const fs::path& r) {
    auto arrays = [](std::initializer_list<std::array<const char*, 5>> rows) {
      std::string cols[5];
      for (const auto& row : rows)
        for (int k = 0; k < 5; ++k)
          cols[k] += std::string(cols[k].empty() ? "" : ",") + "\"" + row[k] + "\"";
      return R"("accessionNumber":[)" + cols[0] + R"(],"filingDate":[)" + cols[1] +
             R"(],"reportDate":[)" + cols[2] + R"(],"form":[)" + cols[3] +
             R"(],"primaryDocument":[)" + cols[4] + "]";
    };
    write_file(
        r / "data/submissions/CIK0000320193.json",
        R"({"cik":"320193","name":"Apple Inc.","filings":{"recent":{)" +
            arrays(
                {{"0000320193-21-000105", "2021-10-29", "2021-09-25", "10-K", "aapl-20210925.htm"},
                 {"0000320193-20-000004", "2020-05-03", "2020-03-28", "10-K", "aapl-20200328.htm"},
                 {"0000320193-20-000003", "2020-02-03", "2019-09-28", "10-K/A", "aapl-10ka.htm"},
                 {"0000320193-20-000002", "2020-01-28", "2020-01-28", "8-K", "aapl-8k.htm"},
                 {"0000320193-20-000001", "2020-01-03", "2019-09-28", "10-K",
                  "aapl-20190928.htm"}}) +
            R"(},"files":[{"name":"CIK0000320193-submissions-001.json","filingCount":2,)"
            R"("filingFrom":"2018-11-05","filingTo":"2019-01-30"}]}})");
    write_file(r / "data/submissions/CIK0000320193-submissions-001.json",
               "{" +
                   arrays({{"0000320193-19-000001", "2019-01-30", "2018-12-29", "10-Q",
                            "aapl-20181229.htm"},
                           {"0000320193-18-000145", "2018-11-05", "2018-09-29", "10-K",
                            "aapl-20180929.HTM"}}) +
                   "}");
    // MSFT names no usable primary document: none, then one that climbs out of the folder.
    write_file(r / "data/submissions/CIK0000789019.json",
               R"({"name":"MICROSOFT CORP","filings":{"recent":{)" +
                   arrays({{"0000789019-20-000002", "2020-05-01", "2020-03-31", "10-K",
                            "../../../../../secret.htm"},
                           {"0000789019-20-000001", "2020-02-01", "2019-12-31", "10-K", ""}}) +
                   "}}}");
    for (auto [acc, doc] : {std::pair{"0000320193-21-000105", "aapl-20210925.htm"},
                            std::pair{"0000320193-20-000004", "aapl-20200328.htm"},
                            std::pair{"0000320193-20-000001", "aapl-20190928.htm"},
                            std::pair{"0000320193-18-000145", "aapl-20180929.HTM"},
                            std::pair{"0000320193-19-000001", "aapl-20181229.htm"}}) {
      std::string dir = acc;
      std::erase(dir, '-');
      const fs::path folder = r / "Archives/edgar/data/320193" / dir;
      write_file(folder / doc, primary(acc));
      if (!fs::exists(folder / (std::string(acc) + ".txt")))
        write_file(folder / (std::string(acc) + ".txt"), body(acc));
    }
    write_file(r / "secret.htm", "outside the filing");
  }
  static std::string primary(std::string_view accession) {
    return "<html><body>primary document of " + std::string(accession) + "</body></html>";
  }
  FetchRequest request() const {
    FetchRequest q;
    q.data_base_url = server_->base() + "/data";
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

namespace secnlp::corpora {
namespace {

std::vector<std::string> accessions_of(const std::vector<FetchedFiling>& filings) {
  std::vector<std::string> out;
  for (const auto& f : filings)
    out.push_back(f.entry.accession());
  return out;
}

TEST_F(FetchFilings, SelectsByTickerFormAndFiscalYearFromTheSubmissionsJson) {
  using V = std::vector<std::string>;
  struct Case {
    std::vector<int> years;
    std::vector<std::string> forms;
    std::string from, to;
    bool amendments;
    V accessions;
    bool reads_page;
  };
  const Case cases[] = {
      // Filed in 2020 for fiscal 2019: by fiscal year, not by filing year.
      {{2019}, {"10-K"}, "", "", false, V{"0000320193-20-000001"}, true},
      {{2020}, {"10-K"}, "", "", false, V{"0000320193-20-000004"}, false},
      {{2019, 2021},
       {"10-K"},
       "",
       "",
       true,
       V{"0000320193-21-000105", "0000320193-20-000003", "0000320193-20-000001"},
       true},
      // The page of older filings: a 10-Q filed in 2019 for a quarter of 2018.
      {{2018},
       {"10-K", "10-Q"},
       "",
       "",
       false,
       V{"0000320193-19-000001", "0000320193-18-000145"},
       true},
      // With dates the filing date must fit too.
      {{2018}, {"10-K", "10-Q"}, "2019-01-01", "", false, V{"0000320193-19-000001"}, true},
      {{2019, 2020, 2021},
       {"10-K"},
       "2020-01-01",
       "2020-12-31",
       false,
       V{"0000320193-20-000004", "0000320193-20-000001"},
       false},
      {{2022}, {"10-K"}, "", "", false, V{}, false},
  };
  for (const auto& c : cases) {
    FetchRequest q = request();
    q.tickers = {"AAPL"};
    q.date_from = c.from;
    q.date_to = c.to;
    q.fiscal_years = c.years;
    q.forms = c.forms;
    q.include_amendments = c.amendments;
    q.what = FetchWhat::kPrimary;
    server_->clear_log();
    const auto got = fetch_filings(*client_, q);
    EXPECT_EQ(accessions_of(got), c.accessions) << c.years.front() << " " << c.from;
    EXPECT_EQ(requests_for("/Archives/edgar/full-index/"), 0u);  // the JSON drives it
    EXPECT_EQ(requests_for("/data/submissions/CIK0000320193.json"), 1u);
    EXPECT_EQ(requests_for("submissions-001.json"), c.reads_page ? 1u : 0u) << c.years.front();
  }
}

TEST_F(FetchFilings, PrimaryDocumentsLandBesideTheSubmissionThenAreSkipped) {
  FetchRequest q = request();
  q.tickers = {"aapl"};
  q.date_from.clear();
  q.date_to.clear();
  q.fiscal_years = {2018, 2019};
  q.what = FetchWhat::kBoth;
  const auto got = fetch_filings(*client_, q);
  ASSERT_EQ(accessions_of(got),
            (std::vector<std::string>{"0000320193-20-000001", "0000320193-18-000145"}));
  const fs::path folder = out_.path() / "sec-edgar-filings/AAPL/10-K";
  const fs::path want_primary[] = {
      folder / "0000320193-20-000001/primary-document.html",   // from .htm
      folder / "0000320193-18-000145/primary-document.html"};  // from .HTM
  for (std::size_t i = 0; i < got.size(); ++i) {
    const auto& f = got[i];
    const std::string acc = f.entry.accession();
    EXPECT_TRUE(f.error.empty()) << f.error;
    EXPECT_EQ(f.path, folder / acc / "full-submission.txt");
    EXPECT_EQ(f.primary_path, want_primary[i]);
    EXPECT_EQ(secnlp::testing::read_file(f.path), body(acc));
    EXPECT_EQ(secnlp::testing::read_file(f.primary_path), primary(acc));
    EXPECT_FALSE(f.result.skipped);
    EXPECT_FALSE(f.primary_result.skipped);
    EXPECT_NE(f.primary_url.find("/Archives/edgar/data/320193/" +
                                 [&] {
                                   std::string d = acc;
                                   std::erase(d, '-');
                                   return d;
                                 }() +
                                 "/aapl-"),
              std::string::npos);
  }
  EXPECT_EQ(got[0].entry.report_date, "2019-09-28");
  EXPECT_EQ(got[0].entry.date_filed, "2020-01-03");

  // A rerun finds both files of both filings present and requests none of them.
  fs::remove(got[1].primary_path);  // ... except one deleted in between
  server_->clear_log();
  const auto again = fetch_filings(*client_, q);
  ASSERT_EQ(again.size(), 2u);
  EXPECT_TRUE(again[0].result.skipped);
  EXPECT_TRUE(again[0].primary_result.skipped);
  EXPECT_TRUE(again[1].result.skipped);
  EXPECT_FALSE(again[1].primary_result.skipped);
  EXPECT_EQ(requests_for("/Archives/"), 1u);
  EXPECT_EQ(requests_for("aapl-20180929.HTM"), 1u);
  EXPECT_EQ(secnlp::testing::read_file(got[1].primary_path), primary("0000320193-18-000145"));
}

TEST_F(FetchFilings, PrimaryDocumentsOfIndexSelectionsComeFromTheSubmissionsJson) {
  FetchRequest q = request();  // 2020-01-01 .. 2020-06-30 from master.idx
  q.tickers = {"AAPL"};
  q.what = FetchWhat::kPrimary;
  const auto got = fetch_filings(*client_, q);
  ASSERT_EQ(accessions_of(got),
            (std::vector<std::string>{"0000320193-20-000004", "0000320193-20-000001"}));
  for (const auto& f : got) {
    EXPECT_TRUE(f.error.empty()) << f.error;
    EXPECT_TRUE(f.url.empty());  // no full submission asked for
    EXPECT_FALSE(fs::exists(submission_path(out_.path(), "AAPL", "10-K", f.entry.accession())));
    EXPECT_EQ(secnlp::testing::read_file(f.primary_path), primary(f.entry.accession()));
  }
  EXPECT_EQ(requests_for("submissions-001.json"), 0u);  // the page ends before the range

  // MSFT's JSON names no primary document for one filing and an unusable one for the other:
  // both are recorded as failures, the full submissions still land, nothing leaves the tree.
  FetchRequest m = request();
  m.ciks = {789019};
  m.what = FetchWhat::kBoth;
  const auto msft = fetch_filings(*client_, m);
  ASSERT_EQ(msft.size(), 2u);
  for (const auto& f : msft) {
    EXPECT_NE(f.error.find(f.entry.accession()), std::string::npos) << f.error;
    EXPECT_TRUE(f.primary_url.empty());
    EXPECT_TRUE(fs::exists(f.path));
  }
  EXPECT_EQ(requests_for("secret"), 0u);
}

TEST_F(FetchFilings, RejectsBadFiscalYearRequestsAndBrokenSubmissions) {
  FetchRequest all = request();
  all.all_companies = true;
  all.fiscal_years = {2020};
  FetchRequest year = request();
  year.ciks = {320193};
  year.fiscal_years = {20};
  for (const auto* q : {&all, &year}) {
    try {
      fetch_filings(*client_, *q);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << e.what();
    }
  }
  EXPECT_THROW(parse_fetch_what("all"), Error);
  EXPECT_EQ(parse_fetch_what("both"), FetchWhat::kBoth);

  // A submissions JSON that is broken stops the run with an error naming its URL.
  write_file(root_.path() / "data/submissions/CIK0000789019.json",
             R"({"filings":{"recent":{"accessionNumber":["0000789019-20-000001"],)"
             R"("filingDate":[],"reportDate":[],"form":[],"primaryDocument":[]}}})");
  FetchRequest broken = request();
  broken.ciks = {789019};
  broken.fiscal_years = {2019};
  try {
    fetch_filings(*client_, broken);
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kParse);
    EXPECT_NE(e.path().find("/data/submissions/CIK0000789019.json"), std::string::npos) << e.path();
  }
  FetchRequest missing = request();
  missing.ciks = {1};  // no submissions JSON: a 404
  missing.fiscal_years = {2019};
  EXPECT_THROW(fetch_filings(*client_, missing), HttpError);
}

}  // namespace
}  // namespace secnlp::corpora

namespace secnlp::corpora {
namespace {

// The "etag: " line of a cache sidecar, "" when none.
std::string cached_etag(const fs::path& json) {
  const auto copy = read_cached_copy(json);
  return copy ? copy->etag : "";
}

// The server's log entries for paths ending in `name`.
std::vector<secnlp::testing::ServerRequest> requests_of(FixtureServer& server,
                                                        std::string_view name) {
  std::vector<secnlp::testing::ServerRequest> out;
  for (auto& r : server.log())
    if (r.path.ends_with(name)) out.push_back(std::move(r));
  return out;
}

constexpr std::string_view kMain = "CIK0000320193.json";
constexpr std::string_view kPage = "CIK0000320193-submissions-001.json";

TEST_F(FetchFilings, SubmissionsJsonIsCachedThenRevalidatedWithItsEtag) {
  FetchRequest q = request();
  q.tickers = {"AAPL"};
  q.date_from.clear();
  q.date_to.clear();
  q.fiscal_years = {2018, 2019};  // reads the main file and the page
  const auto first = accessions_of(fetch_filings(*client_, q));
  ASSERT_EQ(first, (std::vector<std::string>{"0000320193-20-000001", "0000320193-18-000145"}));
  const fs::path cache = out_.path() / "submissions";
  for (const auto name : {kMain, kPage}) {
    SCOPED_TRACE(name);
    EXPECT_EQ(secnlp::testing::read_file(cache / name),
              secnlp::testing::read_file(root_.path() / "data/submissions" / name));
    EXPECT_NE(cached_etag(cache / name), "");
    const auto log = requests_of(*server_, name);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].if_none_match, "");  // nothing cached yet: a plain GET
    EXPECT_EQ(log[0].status, 200);
  }

  server_->clear_log();
  EXPECT_EQ(accessions_of(fetch_filings(*client_, q)), first);
  for (const auto name : {kMain, kPage}) {
    SCOPED_TRACE(name);
    const auto log = requests_of(*server_, name);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].if_none_match, cached_etag(cache / name));
    EXPECT_EQ(log[0].status, 304);
  }
}

// A new filing in the JSON is seen and the cache replaced, whichever validators the server
// sends; unchanged, the JSON is not sent again.
TEST_F(FetchFilings, ChangedSubmissionsJsonIsFetchedAgainAndRecached) {
  struct Case {
    bool etag, last_modified;
  };
  for (const Case c : {Case{true, true}, Case{true, false}, Case{false, true}}) {
    SCOPED_TRACE(::testing::Message() << "etag " << c.etag << " last-modified " << c.last_modified);
    write_submissions(root_.path());
    server_->validators(c.etag, c.last_modified);
    TempDir out;
    FetchRequest q = request();
    q.out = out.path();
    q.ciks = {320193};
    q.date_from.clear();
    q.date_to.clear();
    q.fiscal_years = {2021, 2022};
    EXPECT_EQ(accessions_of(fetch_filings(*client_, q)),
              (std::vector<std::string>{"0000320193-21-000105"}));
    const fs::path cached = out.path() / "submissions" / kMain;
    const auto before = read_cached_copy(cached);
    ASSERT_TRUE(before.has_value());
    EXPECT_EQ(before->etag.empty(), !c.etag);
    EXPECT_EQ(before->last_modified.empty(), !c.last_modified);

    server_->clear_log();
    EXPECT_EQ(accessions_of(fetch_filings(*client_, q)),
              (std::vector<std::string>{"0000320193-21-000105"}));
    auto log = requests_of(*server_, kMain);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].status, 304);

    // A new 10-K is filed: a new body (new ETag) and a later mtime (new Last-Modified).
    const fs::path served = root_.path() / "data/submissions" / kMain;
    std::string json = secnlp::testing::read_file(served);
    for (auto [key, value] :
         {std::pair{"\"accessionNumber\":[", "\"0000320193-22-000108\","},
          std::pair{"\"filingDate\":[", "\"2022-10-28\","},
          std::pair{"\"reportDate\":[", "\"2022-09-24\","}, std::pair{"\"form\":[", "\"10-K\","},
          std::pair{"\"primaryDocument\":[", "\"aapl-20220924.htm\","}})
      json.insert(json.find(key) + std::string_view(key).size(), value);
    const auto mtime = fs::last_write_time(served);
    write_file(served, json);
    fs::last_write_time(served, mtime + std::chrono::minutes(5));
    write_file(
        root_.path() / "Archives/edgar/data/320193/000032019322000108/0000320193-22-000108.txt",
        body("0000320193-22-000108"));

    server_->clear_log();
    const auto after = fetch_filings(*client_, q);
    EXPECT_EQ(accessions_of(after),
              (std::vector<std::string>{"0000320193-22-000108", "0000320193-21-000105"}));
    log = requests_of(*server_, kMain);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_EQ(log[0].status, 200);
    EXPECT_EQ(log[0].if_none_match, before->etag);  // the request was conditional
    EXPECT_EQ(log[0].if_modified_since, before->last_modified);
    const auto now = read_cached_copy(cached);
    ASSERT_TRUE(now.has_value());
    EXPECT_EQ(now->body, json);
    if (c.etag) {
      EXPECT_NE(now->etag, before->etag);
    }
    if (c.last_modified) {
      EXPECT_NE(now->last_modified, before->last_modified);
    }
    EXPECT_TRUE(after[0].error.empty()) << after[0].error;
  }
}

TEST_F(FetchFilings, AGarbledCacheIsFetchedAgainWithAWarning) {
  struct Case {
    std::string name;
    std::function<void(const fs::path&)> spoil;
    std::size_t requests;  // for the main file on the rerun
  };
  const Case cases[] = {
      {"body overwritten", [](const fs::path& p) { write_file(p, "{\"garbage"); }, 1},
      {"body truncated", [](const fs::path& p) { fs::resize_file(p, fs::file_size(p) / 2); }, 1},
      {"sidecar garbled",
       [](const fs::path& p) { write_file(fs::path(p.string() + ".meta"), "\x01\x02 nonsense"); },
       1},
      // Consistent with its sidecar but no submissions JSON: the server says 304, the copy
      // does not parse, so the file is fetched again without a validator.
      {"copy unparsable",
       [](const fs::path& p) {
         const auto copy = read_cached_copy(p);
         HttpResponse r;
         r.body = "{\"filings\": 7}";
         r.headers = {{"etag", copy->etag}};
         write_cached_copy(p, r);
       },
       2},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    TempDir out;
    FetchRequest q = request();
    q.out = out.path();
    q.tickers = {"AAPL"};
    q.date_from.clear();
    q.date_to.clear();
    q.fiscal_years = {2019, 2020};
    const auto want = accessions_of(fetch_filings(*client_, q));
    ASSERT_EQ(want, (std::vector<std::string>{"0000320193-20-000004", "0000320193-20-000001"}));
    const fs::path cached = out.path() / "submissions" / kMain;
    c.spoil(cached);

    server_->clear_log();
    ::testing::internal::CaptureStderr();
    std::vector<std::string> got;
    try {
      got = accessions_of(fetch_filings(*client_, q));
    } catch (...) {
      ::testing::internal::GetCapturedStderr();
      throw;
    }
    const std::string err = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(got, want);
    EXPECT_NE(err.find("warning: "), std::string::npos) << err;
    EXPECT_NE(err.find(cached.string()), std::string::npos) << err;
    const auto log = requests_of(*server_, kMain);
    ASSERT_EQ(log.size(), c.requests);
    EXPECT_EQ(log.back().if_none_match, "");  // unconditional
    EXPECT_EQ(log.back().status, 200);
    // The cache is whole again: the next run revalidates it.
    const auto copy = read_cached_copy(cached);
    ASSERT_TRUE(copy.has_value());
    EXPECT_EQ(copy->body, secnlp::testing::read_file(root_.path() / "data/submissions" / kMain));
  }
}

}  // namespace
}  // namespace secnlp::corpora
