#include "corpora/fetch/submissions.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace secnlp::corpora {
namespace {

// A main submissions file with the SEC's shape (fields trimmed to those read, plus a few
// ignored ones).
constexpr std::string_view kMain = R"({
  "cik": "320193", "name": "Apple Inc.", "fiscalYearEnd": "0926", "tickers": ["AAPL"],
  "filings": {
    "recent": {
      "accessionNumber": ["0000320193-21-000105", "0000320193-21-000010", "0000320193-20-000096"],
      "filingDate": ["2021-10-29", "2021-01-29", "2020-10-30"],
      "reportDate": ["2021-09-25", "2020-12-26", ""],
      "acceptanceDateTime": ["x", "y", "z"],
      "form": ["10-K", "10-Q", "8-K"],
      "primaryDocument": ["aapl-20210925.htm", "aapl-20201226.htm", ""],
      "isXBRL": [1, 1, 0]
    },
    "files": [{"name": "CIK0000320193-submissions-001.json", "filingCount": 1,
               "filingFrom": "1994-01-26", "filingTo": "2015-07-22"}]
  }
})";

TEST(Submissions, ParsesTheMainFileAndItsPages) {
  const Submissions s = parse_submissions(kMain, "CIK0000320193.json");
  EXPECT_EQ(s.company, "Apple Inc.");
  ASSERT_EQ(s.filings.size(), 3u);
  EXPECT_EQ(s.filings[0].accession, "0000320193-21-000105");
  EXPECT_EQ(s.filings[0].filing_date, "2021-10-29");
  EXPECT_EQ(s.filings[0].report_date, "2021-09-25");
  EXPECT_EQ(s.filings[0].form, "10-K");
  EXPECT_EQ(s.filings[0].primary_document, "aapl-20210925.htm");
  EXPECT_EQ(s.filings[2].report_date, "");
  EXPECT_EQ(s.filings[2].primary_document, "");
  ASSERT_EQ(s.pages.size(), 1u);
  EXPECT_EQ(s.pages[0].name, "CIK0000320193-submissions-001.json");
  EXPECT_EQ(s.pages[0].filing_from, "1994-01-26");
  EXPECT_EQ(s.pages[0].filing_to, "2015-07-22");

  // A page holds the arrays at the top level.
  const Submissions page = parse_submissions(
      R"({"accessionNumber":["0000320193-15-000001"],"filingDate":["2015-01-02"],)"
      R"("reportDate":["2014-12-27"],"form":["10-Q"],"primaryDocument":["q.htm"]})",
      "page");
  ASSERT_EQ(page.filings.size(), 1u);
  EXPECT_EQ(page.filings[0].report_date, "2014-12-27");
  EXPECT_TRUE(page.pages.empty());

  const auto entries = to_index_entries(s, 320193);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[1].filename, "edgar/data/320193/0000320193-21-000010.txt");
  EXPECT_EQ(entries[1].accession(), "0000320193-21-000010");
  EXPECT_EQ(entries[1].company, "Apple Inc.");
  EXPECT_EQ(entries[1].report_date, "2020-12-26");
  EXPECT_EQ(entries[1].primary_document, "aapl-20201226.htm");
}

TEST(Submissions, RejectsMalformedFilesNamingTheResource) {
  const std::string arrays5 =
      R"("accessionNumber":["0000320193-21-000105"],"filingDate":["2021-10-29"],)"
      R"("reportDate":["2021-09-25"],"form":["10-K"],"primaryDocument":["a.htm"])";
  struct Case {
    std::string json;
    std::string_view message;  // a part of the error message
  };
  const Case cases[] = {
      {"", "malformed JSON"},
      {R"({"filings": {"recent": {)", "malformed JSON"},
      {"[1, 2]", "not a JSON object"},
      {R"({"filings": []})", "filings is not an object"},
      {R"({"filings": {"files": []}})", "no 'recent'"},
      {R"({"filings": {"recent": {"accessionNumber": []}}})", "no 'filingDate' array"},
      {R"({"accessionNumber":["0000320193-21-000105","0000320193-21-000106"],)"
       R"("filingDate":["2021-10-29"],"reportDate":["",""],"form":["a","b"],)"
       R"("primaryDocument":["",""]})",
       "filingDate has 1 entries but page.accessionNumber has 2"},
      {R"({"filings":{"recent":{"accessionNumber":["0000320193-21-000105"],)"
       R"("filingDate":["2021-10-29"],"reportDate":["2021-09-25"],"form":["10-K","8-K"],)"
       R"("primaryDocument":["a.htm"]}}})",
       "filings.recent.form has 2 entries but filings.recent.accessionNumber has 1"},
      {R"({"accessionNumber":"x","filingDate":[],"reportDate":[],"form":[],)"
       R"("primaryDocument":[]})",
       "accessionNumber is not an array"},
      {R"({"accessionNumber":["0000320193-21-00010"],"filingDate":["2021-10-29"],)"
       R"("reportDate":[""],"form":["10-K"],"primaryDocument":["a.htm"]})",
       "is not NNNNNNNNNN-NN-NNNNNN"},
      {R"({"accessionNumber":["0000320193-21-000105"],"filingDate":["2021/10/29"],)"
       R"("reportDate":[""],"form":["10-K"],"primaryDocument":["a.htm"]})",
       "filingDate[0] '2021/10/29' is not YYYY-MM-DD"},
      {R"({"accessionNumber":["0000320193-21-000105"],"filingDate":["2021-10-29"],)"
       R"("reportDate":["Sept"],"form":["10-K"],"primaryDocument":["a.htm"]})",
       "reportDate[0] 'Sept'"},
      {R"({"accessionNumber":["0000320193-21-000105"],"filingDate":["2021-10-29"],)"
       R"("reportDate":[""],"form":[10],"primaryDocument":["a.htm"]})",
       "form[0] is not a string"},
      {R"({"filings":{"recent":{)" + arrays5 + R"(},"files":[{"name":"../../etc/passwd"}]}})",
       "is not a file name ending in .json"},
      {R"({"filings":{"recent":{)" + arrays5 + R"(},"files":[{"name":"x.json","filingTo":5}]}})",
       "filingTo is not a string"},
      {R"({"filings":{"recent":{)" + arrays5 + R"(},"files":{}}})",
       "filings.files is not an array"},
      {std::string(200, '[') + std::string(200, ']'), "nested deeper than 64"},
  };
  for (const auto& c : cases) {
    try {
      parse_submissions(c.json, "https://data.sec.gov/submissions/CIK0000320193.json");
      ADD_FAILURE() << "accepted: " << c.json;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kParse) << c.json;
      EXPECT_EQ(e.path(), "https://data.sec.gov/submissions/CIK0000320193.json");
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos)
          << c.json << " -> " << e.what();
    }
  }
}

TEST(Submissions, Urls) {
  EXPECT_EQ(submissions_url("https://data.sec.gov", 320193),
            "https://data.sec.gov/submissions/CIK0000320193.json");
  EXPECT_EQ(submissions_url("http://127.0.0.1:9/", 1),
            "http://127.0.0.1:9/submissions/CIK0000000001.json");
  EXPECT_EQ(submissions_page_url("https://data.sec.gov", "CIK0000320193-submissions-001.json"),
            "https://data.sec.gov/submissions/CIK0000320193-submissions-001.json");
  for (const std::string_view bad : {"", "../x.json", "a/b.json", ".json", "x.txt", "x y.json"})
    EXPECT_THROW(submissions_page_url("https://data.sec.gov", bad), Error) << bad;
  EXPECT_THROW(submissions_url("", 1), Error);
}

TEST(FiscalYear, IsTheYearOfThePeriodOfReport) {
  struct Case {
    std::string_view report_date;
    std::optional<int> year;
  };
  const Case cases[] = {
      {"2020-09-26", 2020},  // Apple's fiscal 2020
      {"2024-01-28", 2024},  // NVIDIA's fiscal 2024 ends in January 2024
      {"2020-12-26", 2020},  // a 10-Q counts in the year its quarter ends
      {"2021-01-02", 2021},  // a 52/53-week year ending in early January: the new year
      {"", std::nullopt},         {"2020-9-26", std::nullopt},
      {"20200926", std::nullopt}, {"year-01-01", std::nullopt},
  };
  for (const auto& c : cases)
    EXPECT_EQ(fiscal_year(c.report_date), c.year) << c.report_date;
}

TEST(SelectFilings, ByFiscalYear) {
  const Submissions s = parse_submissions(kMain, "main");
  const auto entries = to_index_entries(s, 320193);
  struct Case {
    std::vector<int> years;
    std::vector<std::string> forms;
    std::vector<std::string> accessions;
  };
  const Case cases[] = {
      {{2021}, {"10-K"}, {"0000320193-21-000105"}},
      {{2020}, {"10-K"}, {}},  // the 10-Q of 2020 is no 10-K; the 8-K has no period
      {{2020}, {"10-Q"}, {"0000320193-21-000010"}},  // filed 2021, period 2020
      {{2020, 2021}, {"10-K", "10-Q"}, {"0000320193-21-000105", "0000320193-21-000010"}},
      {{2019}, {}, {}},
      {{}, {"8-K"}, {"0000320193-20-000096"}},  // no fiscal years: no period needed
  };
  for (const auto& c : cases) {
    FilingSelection sel;
    sel.forms = c.forms;
    sel.fiscal_years = c.years;
    std::vector<std::string> got;
    for (const auto& e : select_filings(entries, sel))
      got.push_back(e.accession());
    EXPECT_EQ(got, c.accessions) << c.years.size() << " years, " << c.forms.size() << " forms";
  }
}

}  // namespace
}  // namespace secnlp::corpora
