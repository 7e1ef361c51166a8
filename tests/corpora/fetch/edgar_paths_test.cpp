#include "corpora/fetch/edgar_paths.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace secnlp::corpora {
namespace {

template <class F>
void expect_error(ErrorCode code, F&& f, std::string_view what = {}) {
  try {
    f();
    ADD_FAILURE() << "accepted: " << what;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), code) << what << ": " << e.what();
  }
}

TEST(EdgarUrls, BuildsSubmissionIndexAndTickerUrls) {
  const EdgarUrls sec;
  const EdgarUrls local("http://127.0.0.1:8080/");
  struct Case {
    std::string got, want;
  };
  const Case cases[] = {
      {sec.submission(320193, "0000320193-20-000096"),
       "https://www.sec.gov/Archives/edgar/data/320193/000032019320000096/"
       "0000320193-20-000096.txt"},
      {sec.full_index(2020, 1, IndexKind::kForm),
       "https://www.sec.gov/Archives/edgar/full-index/2020/QTR1/form.idx"},
      {sec.full_index(1993, 4, IndexKind::kMaster),
       "https://www.sec.gov/Archives/edgar/full-index/1993/QTR4/master.idx"},
      {sec.company_tickers(), "https://www.sec.gov/files/company_tickers.json"},
      {local.company_tickers(), "http://127.0.0.1:8080/files/company_tickers.json"},
      {local.archive("edgar/data/1/0000000001-20-000001.txt"),
       "http://127.0.0.1:8080/Archives/edgar/data/1/0000000001-20-000001.txt"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(c.got, c.want);
}

TEST(EdgarUrls, RejectsBadArguments) {
  const EdgarUrls sec;
  expect_error(ErrorCode::kInvalidArgument, [&] { sec.full_index(2020, 0, IndexKind::kForm); });
  expect_error(ErrorCode::kInvalidArgument, [&] { sec.full_index(2020, 5, IndexKind::kForm); });
  expect_error(ErrorCode::kInvalidArgument, [&] { sec.full_index(1992, 1, IndexKind::kForm); });
  expect_error(ErrorCode::kInvalidArgument, [&] { EdgarUrls(""); });
  expect_error(ErrorCode::kInvalidArgument, [&] { sec.submission(1, "0000320193-20-00009"); });
}

TEST(Accession, ValidatesAndStripsDashes) {
  struct Case {
    std::string_view in;
    bool ok;
  };
  const Case cases[] = {
      {"0000320193-20-000096", true},
      {"000032019320000096", false},
      {"0000320193-20-00009a", false},
      {"000320193-20-0000961", false},
      {"", false},
      {"0000320193_20_000096", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(is_accession(c.in), c.ok) << c.in;
    if (c.ok) {
      EXPECT_EQ(accession_without_dashes(c.in), "000032019320000096");
    } else {
      expect_error(
          ErrorCode::kInvalidArgument, [&] { accession_without_dashes(c.in); }, c.in);
    }
  }
}

TEST(CompanyTickers, ParsesTheSecShape) {
  const std::string_view json =
      R"({"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."},)"
      R"( "1": {"cik_str": 1067983, "ticker": "BRK-B", "title": "BERKSHIRE HATHAWAY INC"},)"
      "\n"
      R"("2":{"cik_str":"789019","ticker":"MSFT","title":"MICROSOFT CORP \u0026 \"co\" \u00e9"}})";
  const auto rows = parse_company_tickers(json);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cik, 320193u);
  EXPECT_EQ(rows[0].ticker, "AAPL");
  EXPECT_EQ(rows[0].title, "Apple Inc.");
  EXPECT_EQ(rows[2].cik, 789019u);
  EXPECT_EQ(rows[2].title, "MICROSOFT CORP & \"co\" \xC3\xA9");
  struct Case {
    std::string_view ticker;
    std::optional<std::uint64_t> cik;
  };
  const Case cases[] = {{"AAPL", 320193},   {"aapl", 320193},       {"brk.b", 1067983},
                        {"BRK-B", 1067983}, {"GOOG", std::nullopt}, {"", std::nullopt}};
  for (const auto& c : cases)
    EXPECT_EQ(find_cik(rows, c.ticker), c.cik) << c.ticker;
  EXPECT_TRUE(parse_company_tickers("{}").empty());
}

TEST(CompanyTickers, RejectsMalformedJson) {
  const std::string_view cases[] = {
      "",
      "[]",
      R"({"0":{"cik_str":320193,"ticker":"AAPL"})",            // unterminated
      R"({"0":{"cik_str":320193}})",                           // no ticker
      R"({"0":{"ticker":"AAPL"}})",                            // no cik
      R"({"0":{"cik_str":"x1","ticker":"AAPL"}})",             // cik not a number
      R"({"0":{"cik_str":320193,"ticker":"AAPL","x":[1]}})",   // nested array
      R"({"0":{"cik_str":320193,"ticker":"A\qPL"}})",          // bad escape
      R"({"0":{"cik_str":320193,"ticker":"AAPL"}} trailing)",  // trailing text
      R"({"0":{"cik_str":12345678901,"ticker":"AAPL"}})",      // CIK longer than 10 digits
  };
  for (const auto json : cases)
    expect_error(
        ErrorCode::kParse, [&] { parse_company_tickers(json); }, json);
}

constexpr std::string_view kMasterIdx =
    "Description:           Master Index of EDGAR Dissemination Feed\n"
    "Last Data Received:    March 31, 2020\n"
    "Comments:              webmaster@sec.gov\n"
    "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n"
    "Cloud HTTP:            https://www.sec.gov/Archives/\n"
    " \n \n \n"
    "CIK|Company Name|Form Type|Date Filed|Filename\n"
    "--------------------------------------------------------------------------------\n"
    "1000045|NICHOLAS FINANCIAL INC|10-Q|2020-02-14|edgar/data/1000045/0001564590-20-005113.txt\n"
    "320193|Apple Inc.|10-K|2020-01-03|edgar/data/320193/0000320193-20-000096.txt\r\n"
    "320193|A|B Co|10-K/A|2020-03-02|edgar/data/320193/0000320193-20-000101.txt\n";

TEST(MasterIdx, ParsesRows) {
  const auto rows = parse_master_idx(kMasterIdx);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].cik, 1000045u);
  EXPECT_EQ(rows[0].company, "NICHOLAS FINANCIAL INC");
  EXPECT_EQ(rows[0].form, "10-Q");
  EXPECT_EQ(rows[0].date_filed, "2020-02-14");
  EXPECT_EQ(rows[0].accession(), "0001564590-20-005113");
  EXPECT_EQ(rows[1].filename, "edgar/data/320193/0000320193-20-000096.txt");
  EXPECT_EQ(rows[2].company, "A|B Co");
  EXPECT_EQ(rows[2].form, "10-K/A");
}

TEST(MasterIdx, RejectsMalformedRows) {
  const std::string header = "CIK|Company Name|Form Type|Date Filed|Filename\n-----\n";
  const std::string cases[] = {
      "no header at all\n",
      header + "320193|Apple|10-K|2020-01-03\n",        // 4 fields
      header + "CIK320|Apple|10-K|2020-01-03|f.txt\n",  // CIK not a number
      header + "320193|Apple|10-K|2020/01/03|f.txt\n",  // date format
      header + "320193|Apple||2020-01-03|f.txt\n",      // empty form
      header + "320193|Apple|10-K|2020-01-03|\n",       // empty file name
  };
  for (const auto& text : cases)
    expect_error(
        ErrorCode::kParse, [&] { parse_master_idx(text); }, text);
}

constexpr std::string_view kFormIdx =
    "Description:           Daily Index of EDGAR Dissemination Feed by Form Type\n"
    "Last Data Received:    March 31, 2020\n"
    " \n"
    "Form Type   Company Name                                                  CIK         Date "
    "Filed  File Name\n"
    "---------------------------------------------------------------------------------------------"
    "------------------------------------------------\n"
    "10-K        APPLE INC                                                     320193      "
    "2019-10-31  edgar/data/320193/0000320193-19-000119.txt\n"
    "10-K/A      SOME VERY LONG COMPANY NAME THAT OVERFLOWS ITS COLUMN WIDTH INC 12345 "
    "2020-02-01  edgar/data/12345/0000012345-20-000001.txt\n"
    "SC 13G      APPLE INC                                                     320193      "
    "2020-02-14  edgar/data/320193/0000320193-20-000010.txt\n";

TEST(FormIdx, ParsesFixedWidthRows) {
  const auto rows = parse_form_idx(kFormIdx);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].form, "10-K");
  EXPECT_EQ(rows[0].company, "APPLE INC");
  EXPECT_EQ(rows[0].cik, 320193u);
  EXPECT_EQ(rows[0].date_filed, "2019-10-31");
  EXPECT_EQ(rows[0].accession(), "0000320193-19-000119");
  EXPECT_EQ(rows[1].form, "10-K/A");
  EXPECT_EQ(rows[1].company, "SOME VERY LONG COMPANY NAME THAT OVERFLOWS ITS COLUMN WIDTH INC");
  EXPECT_EQ(rows[1].cik, 12345u);
  EXPECT_EQ(rows[2].form, "SC 13G");
}

TEST(FormIdx, RejectsMalformedRows) {
  const std::string header = "Form Type   Company Name   CIK  Date Filed  File Name\n----\n";
  const std::string cases[] = {
      "no header\n",
      header + "10-K        APPLE  320193 2019-10-31\n",        // missing a field
      header + "10-K        APPLE  CIK1 2019-10-31 f.txt\n",    // CIK not a number
      header + "10-K        APPLE  320193 31-10-2019 f.txt\n",  // date format
      header + "10-K 320193 2019-10-31 f.txt\n",                // shorter than columns
  };
  for (const auto& text : cases)
    expect_error(
        ErrorCode::kParse, [&] { parse_form_idx(text); }, text);
}

TEST(SelectFilings, FiltersByCikFormDatesAndLimit) {
  const auto rows = parse_master_idx(kMasterIdx);
  struct Case {
    FilingSelection sel;
    std::vector<std::string> accessions;
  };
  const Case cases[] = {
      {{}, {"0001564590-20-005113", "0000320193-20-000096"}},  // amendments off by default
      {{.include_amendments = true},
       {"0000320193-20-000101", "0001564590-20-005113", "0000320193-20-000096"}},
      {{.ciks = {320193}, .forms = {"10-K"}}, {"0000320193-20-000096"}},
      {{.ciks = {320193}, .forms = {"10-K"}, .include_amendments = true},
       {"0000320193-20-000101", "0000320193-20-000096"}},
      {{.forms = {"10-Q"}}, {"0001564590-20-005113"}},
      {{.forms = {"8-K"}}, {}},
      {{.date_from = "2020-01-04", .date_to = "2020-02-14"}, {"0001564590-20-005113"}},
      {{.date_to = "2020-01-03"}, {"0000320193-20-000096"}},
      {{.include_amendments = true, .limit = 1}, {"0000320193-20-000101"}},
  };
  for (const auto& c : cases) {
    std::vector<std::string> got;
    for (const auto& e : select_filings(rows, c.sel))
      got.push_back(e.accession());
    EXPECT_EQ(got, c.accessions);
  }
}

TEST(SubmissionPath, FollowsSecEdgarDownloaderLayout) {
  EXPECT_EQ(submission_path("/data", "AAPL", "10-K", "0000320193-20-000096"),
            "/data/sec-edgar-filings/AAPL/10-K/0000320193-20-000096/full-submission.txt");
  EXPECT_EQ(submission_path("out", format_cik(320193), "10-K/A", "0000320193-20-000101"),
            "out/sec-edgar-filings/0000320193/10-K-A/0000320193-20-000101/full-submission.txt");
  struct Bad {
    std::string_view who, form, accession;
  };
  const Bad bad[] = {
      {"", "10-K", "0000320193-20-000096"},    {"..", "10-K", "0000320193-20-000096"},
      {"a/b", "10-K", "0000320193-20-000096"}, {"AAPL", "", "0000320193-20-000096"},
      {"AAPL", "..", "0000320193-20-000096"},  {"AAPL", "10-K", "../../etc"}};
  for (const auto& b : bad)
    expect_error(
        ErrorCode::kInvalidArgument, [&] { submission_path("/data", b.who, b.form, b.accession); },
        b.who);
}

TEST(PrimaryDocument, UrlPathAndSuffix) {
  const EdgarUrls sec;
  struct Case {
    std::string_view document, url_tail, file;
  };
  const Case cases[] = {
      {"aapl-20200926.htm", "aapl-20200926.htm", "primary-document.html"},
      {"d10k.html", "d10k.html", "primary-document.html"},
      {"FORM10K.TXT", "FORM10K.TXT", "primary-document.txt"},
      {"xslF345X03/wf-form4.xml", "xslF345X03/wf-form4.xml", "primary-document.xml"},
      {"annual report.htm", "annual%20report.htm", "primary-document.html"},
      {"README", "README", "primary-document"},
      {"a.h-t-m", "a.h-t-m", "primary-document"},  // not a plain extension: none
      {"a.verylongext", "a.verylongext", "primary-document"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(sec.document(320193, "0000320193-20-000096", c.document),
              "https://www.sec.gov/Archives/edgar/data/320193/000032019320000096/" +
                  std::string(c.url_tail));
    EXPECT_EQ(primary_document_path("/d", "AAPL", "10-K/A", "0000320193-20-000096", c.document),
              "/d/sec-edgar-filings/AAPL/10-K-A/0000320193-20-000096/" + std::string(c.file));
  }
  const std::string_view bad_names[] = {"",           "/etc/passwd", "../x.htm",
                                        "a/../b.htm", "a//b.htm",    "a/./b",
                                        "a\\b.htm",   "a\nb.htm",    "x/"};
  for (const std::string_view bad : bad_names)
    expect_error(
        ErrorCode::kInvalidArgument, [&] { sec.document(320193, "0000320193-20-000096", bad); },
        bad);
  expect_error(ErrorCode::kInvalidArgument,
               [&] { sec.document(320193, "0000320193-20-00009", "a.htm"); });
}

}  // namespace
}  // namespace secnlp::corpora
