// Corpus tests: real EDGAR submissions, edgar-crawler's raw 8-Ks and metadata CSV, and real
// inline-XBRL 10-Ks from ../shared/data. Each test prints a table of what it read.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "corpora/edgar/filing_metadata.h"
#include "corpora/edgar/submission.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> files_under(const fs::path& dir, std::string_view ext) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

bool is_date(const std::string& s) {
  return s.size() == 10 && s[4] == '-' && s[7] == '-' && normalize_date(s) == s;
}

std::string base_form(std::string f) {
  if (f.ends_with("/A")) f.resize(f.size() - 2);
  if (f.ends_with("405")) f.resize(f.size() - 3);
  return f;
}

// Checks every submission-level invariant that holds for any well-formed filing.
void check_invariants(const std::string& bytes, const Submission& sub, const std::string& name) {
  SCOPED_TRACE(name);
  ASSERT_FALSE(sub.documents.empty());
  ASSERT_TRUE(sub.main_document.has_value());
  const SubmissionDocument& main = sub.documents[*sub.main_document];
  EXPECT_FALSE(main.exhibit);
  EXPECT_TRUE(main.kind == "html" || main.kind == "text") << main.kind;
  EXPECT_EQ(base_form(main.type), base_form(sub.header.form));
  const LmSummary& s = sub.summary;
  EXPECT_EQ(s.gross_size, bytes.size());
  EXPECT_LE(s.net_size, s.gross_size);
  EXPECT_GT(s.html_chars + s.ascii_chars, 0u);
  EXPECT_LE(s.html_chars + s.ascii_chars, s.net_size);
  std::uint64_t removed = 0;
  std::size_t previous_end = 0;
  for (const SubmissionDocument& d : sub.documents) {
    EXPECT_LE(d.begin, d.end);
    EXPECT_LE(d.end, bytes.size());
    EXPECT_GE(d.begin, previous_end) << "documents overlap";
    previous_end = d.end;
    if (d.kind != "html" && d.kind != "text") removed += d.end - d.begin;
  }
  EXPECT_EQ(s.net_size, s.gross_size - removed);
}

TEST(EdgarCorpus, FullSubmissionFiles) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/full-submission-txt");
  const std::vector<fs::path> files = files_under(dir, ".txt");
  ASSERT_GE(files.size(), 19u);
  std::printf("%-52s %-6s %-10s %-10s %-4s %-4s %-3s %-3s %-8s %-5s %9s %9s %4s %3s %s\n", "file",
              "form", "period", "filed", "sic", "fye", "st", "doc", "main", "kind", "gross", "net",
              "tbl", "ex", "warn");
  for (const fs::path& path : files) {
    const std::string bytes = testing::read_file(path);
    const std::string name = path.filename().string();
    SCOPED_TRACE(name);
    ASSERT_TRUE(looks_like_submission(bytes));
    const Submission sub = parse_submission(bytes, path.string());
    check_invariants(bytes, sub, name);
    const SubmissionHeader& h = sub.header;
    EXPECT_NE(name.find(h.accession), std::string::npos) << h.accession;
    EXPECT_EQ(h.accession.size(), 20u);
    EXPECT_TRUE(is_date(h.period)) << h.period;
    EXPECT_TRUE(is_date(h.filed)) << h.filed;
    EXPECT_LE(h.period, h.filed);
    EXPECT_FALSE(h.company.empty());
    EXPECT_FALSE(h.cik.empty());
    EXPECT_NE(h.cik.front(), '0');
    EXPECT_EQ(h.fiscal_year_end.size(), 4u);
    EXPECT_FALSE(h.sic.empty());
    EXPECT_NE(name.find(h.form.substr(0, h.form.find('/'))), std::string::npos) << h.form;
    EXPECT_TRUE(sub.warnings.empty()) << sub.warnings.front();
    const SubmissionDocument& main = sub.documents[*sub.main_document];
    std::printf(
        "%-52s %-6s %-10s %-10s %-4s %-4s %-3s %-3zu %-8s %-5s %9llu %9llu %4llu %3llu %zu\n",
        name.substr(0, 52).c_str(), h.form.c_str(), h.period.c_str(), h.filed.c_str(),
        h.sic.c_str(), h.fiscal_year_end.c_str(), h.state.c_str(), sub.documents.size(),
        main.type.c_str(), main.kind.c_str(),
        static_cast<unsigned long long>(sub.summary.gross_size),
        static_cast<unsigned long long>(sub.summary.net_size),
        static_cast<unsigned long long>(sub.summary.tables),
        static_cast<unsigned long long>(sub.summary.exhibits), sub.warnings.size());
  }
}

// Known values of particular filings, checked field by field.
TEST(EdgarCorpus, KnownSubmissions) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/full-submission-txt");
  struct Case {
    const char* file;
    const char* form;
    const char* period;
    const char* filed;
    const char* company;
    std::size_t documents;
    const char* main_kind;
    std::size_t exhibits;
    bool uuencoded, xbrl;
  };
  const Case cases[] = {
      {"AAPL_10-K/AAPL_10-K_FY1994_0000320193-94-000016.txt", "10-K", "1994-09-30", "1994-12-13",
       "APPLE COMPUTER INC", 5, "text", 4, false, false},
      {"AAPL_10-K/AAPL_10-K_FY1997_0001047469-97-006960.txt", "10-K", "1997-09-26", "1997-12-05",
       "APPLE COMPUTER INC", 15, "text", 14, false, false},
      {"AAPL_10-Q/AAPL_10-Q_A_period19971007_0000320193-97-000021.txt", "10-Q/A", nullptr, nullptr,
       "APPLE COMPUTER INC", 0, "text", 0, false, false},
      {"sgml-examples/AAPL_8-K_0001193125-19-292676_full-submission.txt", "8-K", "2019-11-07",
       "2019-11-15", "Apple Inc.", 19, "html", 3, true, true},
      {"sgml-examples/TSLA_10-K_FY2019_0001564590-20-004475-minimal.txt", "10-K", "2019-12-31",
       "2020-02-13", "Tesla, Inc.", 2, "html", 1, false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    const std::string bytes = testing::read_file(dir / c.file);
    const Submission sub = parse_submission(bytes, c.file);
    EXPECT_EQ(sub.header.form, c.form);
    if (c.period) {
      EXPECT_EQ(sub.header.period, c.period);
    }
    if (c.filed) {
      EXPECT_EQ(sub.header.filed, c.filed);
    }
    EXPECT_EQ(sub.header.company, c.company);
    if (c.documents) {
      EXPECT_EQ(sub.documents.size(), c.documents);
    }
    ASSERT_TRUE(sub.main_document);
    EXPECT_EQ(*sub.main_document, 0u);
    EXPECT_EQ(sub.documents[0].kind, c.main_kind);
    if (c.documents) {
      EXPECT_EQ(sub.summary.exhibits, c.exhibits);
    }
    EXPECT_EQ(sub.summary.uuencoded_chars > 0, c.uuencoded);
    EXPECT_EQ(sub.summary.xbrl_chars > 0, c.xbrl);
    // The main body never carries the SGML wrapper.
    const std::string_view body = document_body(bytes, sub, 0);
    EXPECT_EQ(body.find("<TEXT>"), std::string_view::npos);
    EXPECT_EQ(body.find("</TEXT>"), std::string_view::npos);
    EXPECT_EQ(body.find("<XBRL>"), std::string_view::npos);
  }
}

TEST(EdgarCorpus, TagStrippedApple10Ks) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/text-only/apple-10k-1995-2009");
  const std::vector<fs::path> files = files_under(dir, ".txt");
  ASSERT_EQ(files.size(), 13u);
  for (const fs::path& path : files) {
    const std::string name = path.filename().string();
    SCOPED_TRACE(name);
    const std::string bytes = testing::read_file(path);
    ASSERT_TRUE(looks_like_submission(bytes));
    const Submission sub = parse_submission(bytes, path.string());
    EXPECT_EQ(sub.header.form, "10-K");
    EXPECT_EQ(sub.header.cik, "320193");
    EXPECT_NE(name.find(sub.header.accession), std::string::npos);
    // AAPL_10-K_period19950929_...: the period in the name is the header's.
    const std::string period = name.substr(name.find("period") + 6, 8);
    EXPECT_EQ(sub.header.period, normalize_date(period).value());
    // The exhibits are documents of their own (their TYPE and SEQUENCE lines are left), so the
    // main document ends with the 10-K: no exhibit's text runs into its last section.
    ASSERT_GE(sub.documents.size(), 3u);
    EXPECT_EQ(sub.main_document, 0u);
    EXPECT_EQ(sub.documents[0].kind, "text");
    EXPECT_EQ(sub.documents[0].type, "10-K");
    // Sequence numbers rise (the 2002 and 2003 files skip one: a document their publisher left
    // out).
    for (std::size_t i = 1; i < sub.documents.size(); ++i) {
      EXPECT_GT(sub.documents[i].sequence, sub.documents[i - 1].sequence) << sub.documents[i].type;
      EXPECT_TRUE(sub.documents[i].exhibit || sub.documents[i].kind != "text")
          << sub.documents[i].type;
    }
    const std::string_view main = document_body(bytes, sub, 0);
    EXPECT_NE(main.find("SIGNATURE"), std::string_view::npos);
    EXPECT_GT(main.size(), bytes.size() / 5);
  }
}

// edgar-crawler's 553 raw 8-Ks: 452 are <DOCUMENT>-wrapped primary documents or whole PEM
// submissions, the rest bare (inline-XBRL) HTML pages that are not submissions.
TEST(EdgarCorpus, EdgarCrawlerRaw8Ks) {
  SECNLP_REQUIRE_CORPUS(zip, "gold/edgar-crawler/RAW_FILINGS_8-K.zip");
  if (!fs::exists("/usr/bin/python3")) GTEST_SKIP() << "/usr/bin/python3 absent: cannot unzip";
  testing::TempDir tmp;
  const std::string command = fmt::format(
      "/usr/bin/python3 -c \"import zipfile,sys; zipfile.ZipFile(sys.argv[1])"
      ".extractall(sys.argv[2])\" '{}' '{}'",
      zip.string(), tmp.path().string());
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  const std::vector<fs::path> htm = files_under(tmp.path(), ".htm");
  std::vector<fs::path> files = files_under(tmp.path(), ".txt");
  files.insert(files.end(), htm.begin(), htm.end());
  ASSERT_EQ(files.size(), 553u);
  std::size_t submissions = 0, bare = 0, bare_with_dei = 0, with_header = 0, warned = 0;
  for (const fs::path& path : files) {
    const std::string name = path.filename().string();
    SCOPED_TRACE(name);
    const std::string bytes = testing::read_file(path);
    if (!looks_like_submission(bytes)) {
      ++bare;
      EXPECT_THROW(parse_submission(bytes, name), Error);
      const auto meta = inline_xbrl_metadata(bytes);
      if (!meta.empty()) {
        ++bare_with_dei;
        EXPECT_EQ(base_form(meta.at("form")), "8-K");
      }
      continue;
    }
    ++submissions;
    const Submission sub = parse_submission(bytes, name);
    check_invariants(bytes, sub, name);
    EXPECT_EQ(base_form(sub.header.form), "8-K");
    EXPECT_EQ(base_form(sub.documents[*sub.main_document].type), "8-K");
    if (!sub.header.accession.empty()) {
      ++with_header;
      EXPECT_NE(name.find(sub.header.accession), std::string::npos);
    }
    if (!sub.warnings.empty()) {
      ++warned;
      std::printf("  %s: %s\n", name.c_str(), sub.warnings.front().c_str());
    }
  }
  std::printf(
      "raw 8-Ks: %zu submissions (%zu with a header, %zu with warnings), %zu bare pages "
      "(%zu with dei facts)\n",
      submissions, with_header, warned, bare, bare_with_dei);
  EXPECT_EQ(submissions + bare, 553u);
  EXPECT_GE(submissions, 450u);
}

TEST(EdgarCorpus, InlineXbrlTenKs) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/10k-html");
  SECNLP_REQUIRE_CORPUS(csv, "filings/10k-html/edgar-crawler-set/FILINGS_METADATA.csv");
  const DirectoryMetadata listed = read_filings_metadata_csv(csv);
  std::size_t with_dei = 0;
  std::printf("%-50s %-6s %-10s %-5s %-4s %-7s %-8s %s\n", "file", "form", "period", "fy", "fye",
              "cik", "ticker", "company");
  for (const fs::path& path : files_under(dir, ".htm")) {
    const std::string name = path.filename().string();
    SCOPED_TRACE(name);
    const auto meta = inline_xbrl_metadata(testing::read_file(path));
    auto get = [&](const char* k) { return meta.contains(k) ? meta.at(k) : std::string("-"); };
    std::printf("%-50s %-6s %-10s %-5s %-4s %-7s %-8s %s\n", name.substr(0, 50).c_str(),
                get("form").c_str(), get("period").c_str(), get("fiscal_year").c_str(),
                get("fiscal_year_end").c_str(), get("cik").c_str(), get("ticker").c_str(),
                get("company").c_str());
    if (path.parent_path().filename() == "older") continue;
    if (meta.empty()) continue;  // a few edgar-crawler-set filers are not inline XBRL
    ++with_dei;
    EXPECT_EQ(base_form(meta.at("form")), "10-K");
    EXPECT_TRUE(is_date(meta.at("period"))) << get("period");
    EXPECT_EQ(get("fiscal_year_end").size(), 4u);
    EXPECT_FALSE(get("company").empty());
    if (auto it = listed.by_file.find(name); it != listed.by_file.end()) {
      EXPECT_EQ(meta.at("cik"), it->second.at("cik"));
      EXPECT_EQ(meta.at("period"), it->second.at("period"));
      // 52-53-week filers (Tyson, Costco) tag the year's actual last day; the header has 0930.
      const bool week_based = it->second.at("cik") == "100493" || it->second.at("cik") == "909832";
      if (!week_based) {
        EXPECT_EQ(get("fiscal_year_end"), it->second.at("fiscal_year_end"));
      }
    } else {
      EXPECT_EQ(meta.at("fiscal_year"), name.substr(name.find("FY") + 2, 4));
      EXPECT_NE(get("ticker"), "-");
    }
  }
  EXPECT_GE(with_dei, 30u);
}

TEST(EdgarCorpus, EdgarCrawlerMetadataCsv) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/10k-html/edgar-crawler-set");
  const DirectoryMetadata listed = read_filings_metadata_csv(dir / "FILINGS_METADATA.csv");
  EXPECT_EQ(listed.by_file.size(), 23u);
  for (const auto& [file, meta] : listed.by_file) {
    SCOPED_TRACE(file);
    EXPECT_TRUE(fs::exists(dir / file));
    for (const char* key : {"cik", "company", "form", "filed", "period", "sic", "state",
                            "fiscal_year_end", "fiscal_year", "accession"})
      EXPECT_TRUE(meta.contains(key)) << key;
    EXPECT_TRUE(is_date(meta.at("filed")));
    EXPECT_EQ(meta.at("form"), "10-K");
    EXPECT_EQ(file.substr(0, file.find('_')), meta.at("cik"));
  }
}

}  // namespace
}  // namespace secnlp::corpora
