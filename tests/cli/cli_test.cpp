// Runs the secnlp binary as a user would and checks exit codes, stdout and stderr.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>

#include "pipeline/store/database.h"
#include "tests/cli/cli_run.h"
#include "tests/corpora/fetch/fixture_server.h"
#include "tests/support/test_data.h"

namespace secnlp {
namespace {

namespace fs = std::filesystem;

using Result = testing::CliResult;

Result run(const std::string& args, const fs::path& dir) {
  return testing::run_cli(args, dir);
}

using secnlp::testing::write_file;

std::string good_doc(int i) {
  std::string s = "<html><body>";
  for (int p = 0; p < 40; ++p) {
    s += "<p>Paragraph " + std::to_string(p) + " of filing " + std::to_string(i) +
         ". Revenue increased while costs were uncertain and litigation continued.</p>";
  }
  return s + "</body></html>";
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write_file(dir_.path() / "in" / "a.htm", good_doc(1));
    write_file(dir_.path() / "in" / "b.txt", "Plain text filing. It has two sentences.\n");
  }
  std::string db() const { return (dir_.path() / "out.db").string(); }
  std::string in() const { return (dir_.path() / "in").string(); }
  testing::TempDir dir_;
};

TEST_F(CliTest, EveryCommandHasHelp) {
  for (const char* command : {"", "process", "metrics", "terms", "stages"}) {
    Result r = run(std::string(command) + " --help", dir_.path());
    EXPECT_EQ(r.exit_code, 0) << command;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << command << r.out;
  }
}

TEST_F(CliTest, ProcessThenQueryInEachFormat) {
  Result p = run("process " + in() + " --db " + db() + " --progress off", dir_.path());
  ASSERT_EQ(p.exit_code, 0) << p.err;
  EXPECT_NE(p.out.find("processed"), std::string::npos);
  EXPECT_NE(p.err.find("processing 2 documents"), std::string::npos) << p.err;

  Result csv = run("metrics --db " + db() + " --format csv --metric words", dir_.path());
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.substr(0, csv.out.find('\n')),
            "document,cik,ticker,form,fiscal_year,accession,filed,available_at,section,words");
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 3);

  Result json = run("terms --db " + db() + " --format json --top 3", dir_.path());
  ASSERT_EQ(json.exit_code, 0) << json.err;
  EXPECT_EQ(json.out.front(), '[');
  EXPECT_NE(json.out.find("\"term\": "), std::string::npos) << json.out;
  EXPECT_EQ(std::count(json.out.begin(), json.out.end(), '{'), 3);
}

TEST_F(CliTest, ExitCodesAreDocumented) {
  struct Row {
    std::string args;
    int code;
    std::string stderr_part;
  };
  write_file(dir_.path() / "bad.toml", "stages = [\"tokens\"]\n");
  static constexpr char kPdf[] = "%PDF-1.4\n\0\0\0binary";
  write_file(dir_.path() / "bin" / "x.htm", std::string(kPdf, sizeof kPdf - 1));
  const std::vector<Row> rows = {
      {"nosuchcommand", 2, ""},
      {"process " + in() + " --db " + db() + " --pipeline " + (dir_.path() / "bad.toml").string(),
       2, "needs text, sentences"},
      {"process " + in() + " --db " + db() + " --lexicon /nonexistent/lm.csv", 3,
       "/nonexistent/lm.csv"},
      {"metrics --db /nonexistent/x.db", 3, "no such database"},
      {"process " + (dir_.path() / "bin").string() + " --db " + db() + " --progress off", 1,
       "x.htm"},
      // No silent empty answers: a typo is a usage error naming the valid names.
      {"process /nonexistent/filings --db " + db(), 3, "/nonexistent/filings"},
      {"metrics --db " + db() + " --metric lm_negativ", 2, "lm_negative_prop"},
      {"metrics --db " + db() + " --section 1Z", 2, "unknown section '1Z'"},
      {"terms --db " + db() + " --section risk", 2, "unknown section 'risk'"},
      {"similarity --db " + db() + " --all --measure cosine", 2, "unknown measure 'cosine'"},
      {"similar --db " + db() + " --to x --as-of yesterday", 2, ""},
      {"metrics --db " + db() + " --section 1a", 0, ""},
      {"metrics --db " + db() + " --section filing", 0, ""},
      {"metrics --db " + (dir_.path() / "garbage.db").string(), 4, "garbage.db"},
  };
  write_file(dir_.path() / "garbage.db", std::string(4096, 'x'));
  for (const auto& row : rows) {
    Result r = run(row.args, dir_.path());
    EXPECT_EQ(r.exit_code, row.code) << row.args << "\n" << r.err;
    EXPECT_NE(r.err.find(row.stderr_part), std::string::npos) << row.args << "\n" << r.err;
  }
}

// Hostile values and files (issue 15): each a clear message and its documented exit code.
TEST_F(CliTest, HostileValuesAndDamagedDatabasesGetTheirExitCodes) {
  Result first = run("-q process " + in() + " --db " + db() + " --progress off", dir_.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  Result sound = run("check --db " + db(), dir_.path());
  EXPECT_EQ(sound.exit_code, 0) << sound.err;
  EXPECT_NE(sound.out.find("ok"), std::string::npos) << sound.out;

  write_file(dir_.path() / "garbage.db", std::string(8192, 'x'));
  write_file(dir_.path() / "empty.toml", "stages = []\n");
  write_file(dir_.path() / "bad_option.toml",
             "stages = [\"decode\", \"html\"]\n[html]\nnumeric_table_threshold = -5\n");
  struct Row {
    std::string args;
    int code;
    std::string stderr_part;
  };
  const std::vector<Row> rows = {
      {"process " + in() + " --db " + db() + " --threads 2147483647", 2, "--threads"},
      {"process " + in() + " --db " + db() + " --threads=-3", 2, "--threads"},
      {"fetch --user-agent 'A b@c.de' --cik 1 --threads 100000", 2, "--threads"},
      {"check --db " + (dir_.path() / "garbage.db").string(), 4, "secnlp check"},
      {"metrics --db " + (dir_.path() / "garbage.db").string(), 4, "damaged"},
      {"check --db " + (dir_.path() / "none.db").string(), 3, "no such database"},
      {"process " + in() + " --db " + db() + " --pipeline " + (dir_.path() / "empty.toml").string(),
       2, "'stages' is empty"},
      {"process " + in() + " --db " + db() + " --pipeline " +
           (dir_.path() / "bad_option.toml").string(),
       2, "stage 'html': option 'numeric_table_threshold' must be from 0 to 1, not -5"},
  };
  for (const auto& row : rows) {
    Result r = run(row.args, dir_.path());
    EXPECT_EQ(r.exit_code, row.code) << row.args << "\n" << r.err;
    EXPECT_NE(r.err.find(row.stderr_part), std::string::npos) << row.args << "\n" << r.err;
  }
}

// A killed `process` left its run 'running' forever; file names with newlines or escape codes
// were printed raw to stderr.
TEST_F(CliTest, DeadRunsAreMarkedAndHostileFileNamesAreEscaped) {
  Result first = run("-q process " + in() + " --db " + db() + " --progress off", dir_.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  {
    store::Connection c(db());
    c.exec(
        "INSERT INTO runs(command, started_at, status) VALUES('process', '2026-01-01', "
        "'running')");
  }
  static constexpr char kEvil[] = "evil\nerror: forged \x1b[2J.htm";
  write_file(dir_.path() / "in" / kEvil, std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  Result second = run("process " + in() + " --db " + db() + " --progress off", dir_.path());
  EXPECT_EQ(second.exit_code, 1) << second.err;
  EXPECT_EQ(second.err.find('\x1b'), std::string::npos) << second.err;
  EXPECT_NE(second.err.find("evil\\nerror: forged \\x1b[2J.htm"), std::string::npos) << second.err;
  EXPECT_EQ(second.err.find("\nerror: forged"), std::string::npos) << second.err;
  store::Connection c(db());
  store::Statement st = c.prepare("SELECT count(*) FROM runs WHERE status = 'killed'");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_int(0), 1);
}

TEST_F(CliTest, ExamplePipelineFromTheDocsRuns) {
  const std::string example = std::string(SECNLP_SOURCE_DIR) + "/docs/pipeline.example.toml";
  Result dry = run("process " + in() + " --dry-run --pipeline " + example, dir_.path());
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("pipeline ok"), std::string::npos);
  Result r = run("process " + in() + " --db " + db() + " --progress off --pipeline " + example,
                 dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  Result terms = run("terms --db " + db() + " --format csv --top 50", dir_.path());
  EXPECT_NE(terms.out.find("\nlitigation continued,"), std::string::npos) << terms.out;
}

// The samples are the project's own filings (samples/northwind): three iXBRL 10-Ks and a 1999
// full-submission text 10-K.
TEST_F(CliTest, InspectShowsDocumentsAndSectionMapWithoutADatabase) {
  const std::string sample = std::string(SECNLP_SOURCE_DIR) +
                             "/samples/northwind/9990001_10K_2023_0009990001-24-000009.htm";
  Result r = run("inspect " + sample + " --format csv", dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* item : {"\n1A,", "\n1C,", "\n7,", "\n7A,", "\n8,"}) {
    EXPECT_NE(r.out.find(item), std::string::npos) << item << "\n" << r.out;
  }
  EXPECT_NE(r.out.find("company,\"Northwind Harbor Logistics, Inc.\""), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir_.path() / "secnlp.db"));

  const std::string submission = std::string(SECNLP_SOURCE_DIR) +
                                 "/samples/northwind/9990001_10K_1999_0009990001-00-000004.txt";
  Result old = run("inspect " + submission + " --format csv", dir_.path());
  ASSERT_EQ(old.exit_code, 0) << old.err;
  EXPECT_NE(old.out.find("main_type,10-K"), std::string::npos) << old.out;
  EXPECT_NE(old.out.find("\n7,"), std::string::npos) << old.out;
}

TEST_F(CliTest, SectionsByItemAcrossYears) {
  const std::string samples = std::string(SECNLP_SOURCE_DIR) + "/samples";
  Result p = run("process " + samples + " --db " + db() + " --progress off", dir_.path());
  ASSERT_EQ(p.exit_code, 0) << p.err;
  Result r = run("sections --db " + db() + " --cik 9990001 --item 1A --format csv", dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Risk Factors in each of the three HTML years (the 1999 filing predates Item 1A).
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 4) << r.out;
  for (const char* year : {",2022,", ",2023,", ",2024,"}) {
    EXPECT_NE(r.out.find(year), std::string::npos) << year << "\n" << r.out;
  }
  Result text =
      run("sections --db " + db() + " --cik 9990001 --item 7 --year 2024 --text", dir_.path());
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("== 9990001_10K_2024"), std::string::npos) << text.out;
  EXPECT_GT(text.out.size(), 10000u);
}

// Only the model commands load libtorch (through libsecnlp_models_cli.so): the dynamic loader
// reports every library the process opens (LD_DEBUG=libs, on stderr), and libtorch is not among
// them for --version, --help of the model commands, process and the queries.
TEST_F(CliTest, ProcessQueriesAndHelpLoadNoLibtorch) {
  const std::string samples = std::string(SECNLP_SOURCE_DIR) + "/samples";
  const std::vector<std::string> commands = {
      "--version",
      "process " + samples + " --db " + db() + " --progress off",
      "metrics --db " + db(),
      "sections --db " + db() + " --item 1A",
      "terms --db " + db() + " --top 5",
      "train --help",
      "predict --help",
  };
  for (const auto& args : commands) {
    Result r = testing::run_cli(args, dir_.path(), "LD_DEBUG=libs");
    ASSERT_EQ(r.exit_code, 0) << args << "\n" << r.err.substr(0, 4000);
    EXPECT_NE(r.err.find("libsqlite3"), std::string::npos) << args << ": no LD_DEBUG report";
    EXPECT_EQ(r.err.find("libtorch"), std::string::npos) << args;
    EXPECT_EQ(r.err.find("libsecnlp_models_cli"), std::string::npos) << args;
  }
}

// Without their library the model commands stop with exit 3 and name the file they looked for;
// a build without libtorch says they are not built in (exit 5). A job with a predict follow-up
// stops before it processes anything.
TEST_F(CliTest, ModelCommandsWithoutTheirLibrary) {
  const std::string missing = (dir_.path() / "nowhere" / "libsecnlp_models_cli.so").string();
  write_file(dir_.path() / "job.toml",
             "[job]\nname = \"nightly\"\ndb = \"out.db\"\n[[source]]\npath = \"in\"\n"
             "[followups]\npredict = { model = \"m\" }\n");
  write_file(dir_.path() / "lm.txt", "The company reported strong results this year.\n");
  const std::vector<std::string> commands = {
      "train --data " + in() + " --model bow --out " + (dir_.path() / "m").string(),
      "train --task lm --data " + (dir_.path() / "lm.txt").string() + " --out " +
          (dir_.path() / "lm").string(),
      "evaluate --model m --data " + in(), "predict --model m --text hello",
      "run " + (dir_.path() / "job.toml").string()};
  for (const auto& args : commands) {
    Result r = testing::run_cli(args, dir_.path(), "SECNLP_MODELS_LIB=" + missing);
#ifdef SECNLP_WITH_TORCH
    EXPECT_EQ(r.exit_code, 3) << args << "\n" << r.err;
    EXPECT_NE(r.err.find(missing + ": not found"), std::string::npos) << args << "\n" << r.err;
#else
    EXPECT_EQ(r.exit_code, 5) << args << "\n" << r.err;
    EXPECT_NE(r.err.find("libtorch"), std::string::npos) << args << "\n" << r.err;
#endif
  }
  // Nothing was processed: the job stopped before its sources.
  EXPECT_FALSE(fs::exists(db()));
}

TEST_F(CliTest, SubmissionMainDocumentExhibitsAndHeaderMetadata) {
  const std::string submission = R"(<SEC-DOCUMENT>0000012345-24-000001.txt : 20240301
<SEC-HEADER>0000012345-24-000001.hdr.sgml : 20240301
ACCESSION NUMBER:		0000012345-24-000001
CONFORMED SUBMISSION TYPE:	10-K
CONFORMED PERIOD OF REPORT:	20231231
FILED AS OF DATE:		20240301
FILER:
	COMPANY DATA:
		COMPANY CONFORMED NAME:			EXAMPLE WIDGETS INC
		CENTRAL INDEX KEY:			0000012345
		STANDARD INDUSTRIAL CLASSIFICATION:	MISC [3990]
</SEC-HEADER>
<DOCUMENT>
<TYPE>10-K
<SEQUENCE>1
<FILENAME>widgets-10k.txt
<TEXT>
FORM 10-K

ITEM 1.  BUSINESS

Example Widgets makes widgets. Demand for widgets grew strongly this year and the company
expanded its plants. Customers value durable widgets.

ITEM 1A.  RISK FACTORS

Competition may reduce our margins. Litigation could be costly and uncertain.

ITEM 7.  MANAGEMENT'S DISCUSSION AND ANALYSIS OF FINANCIAL CONDITION

Revenue increased because more widgets were sold. Costs rose less than revenue.
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>EX-21
<SEQUENCE>2
<FILENAME>ex21.txt
<DESCRIPTION>SUBSIDIARIES
<TEXT>
Widget Holdings LLC (Delaware)
</TEXT>
</DOCUMENT>
<DOCUMENT>
<TYPE>GRAPHIC
<SEQUENCE>3
<FILENAME>logo.gif
<TEXT>
begin 644 logo.gif
M1TE&.#EA`0`!`(```/___P```"'Y!`$`````+``````!``$```("1`$`.S\`
end
</TEXT>
</DOCUMENT>
</SEC-DOCUMENT>
)";
  write_file(dir_.path() / "edgar" / "0000012345-24-000001.txt", submission);
  const std::string file = (dir_.path() / "edgar" / "0000012345-24-000001.txt").string();

  Result inspect = run("inspect " + file + " --format csv", dir_.path());
  ASSERT_EQ(inspect.exit_code, 0) << inspect.err;
  for (const char* part :
       {"company,EXAMPLE WIDGETS INC", "cik,12345", "period,2023-12-31", "main_type,10-K",
        "2,EX-21,ex21.txt,text", "3,GRAPHIC,logo.gif", "\n1A,Risk Factors"}) {
    EXPECT_NE(inspect.out.find(part), std::string::npos) << part << "\n" << inspect.out;
  }

  Result p =
      run("process " + (dir_.path() / "edgar").string() + " --db " + db() + " --progress off",
          dir_.path());
  ASSERT_EQ(p.exit_code, 0) << p.err;
  Result ex = run("exhibits --db " + db() + " --type EX-21 --text --format csv", dir_.path());
  ASSERT_EQ(ex.exit_code, 0) << ex.err;
  EXPECT_NE(ex.out.find("Widget Holdings LLC"), std::string::npos) << ex.out;
  EXPECT_NE(ex.out.find("ex21.txt"), std::string::npos) << ex.out;
  EXPECT_EQ(ex.out.find("logo.gif"), std::string::npos) << ex.out;  // --type filters
  // The main document's text excludes the exhibit and the uuencoded graphic.
  Result text = run("sections --db " + db() + " --cik 12345 --item 1 --text", dir_.path());
  EXPECT_NE(text.out.find("makes widgets"), std::string::npos) << text.out;
  Result metrics = run("metrics --db " + db() +
                           " --metric lm_exhibits --metric lm_net_size "
                           "--metric lm_gross_size --format csv",
                       dir_.path());
  EXPECT_NE(metrics.out.find(",1,"), std::string::npos) << metrics.out;  // one exhibit
}

// The samples' Risk Factors were written so that FY2024 changes more than FY2023.
TEST_F(CliTest, SimilaritySeriesSimilarAndExportOnTheSamples) {
  const std::string samples = std::string(SECNLP_SOURCE_DIR) + "/samples";
  ASSERT_EQ(run("process " + samples + " --db " + db() + " --progress off", dir_.path()).exit_code,
            0);
  Result r = run("similarity --db " + db() +
                     " --cik 9990001 --section 1A --measure cosine_tfidf "
                     "--measure edit --format csv",
                 dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, double> value;  // "2023 edit" -> score
  std::istringstream lines(r.out);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line,
            "filed,available_at,tradable_from,cik,ticker,form,fiscal_year,accession,"
            "prev_fiscal_year,prev_accession,section,measure,value");
  while (std::getline(lines, line)) {
    std::vector<std::string> f;
    std::stringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');)
      f.push_back(cell);
    ASSERT_EQ(f.size(), 13u) << line;
    EXPECT_EQ(f[10], "1A");
    EXPECT_FALSE(f[1].empty()) << line;  // the samples are dated
    value[f[6] + " " + f[11]] = std::stod(f[12]);
  }
  ASSERT_EQ(value.size(), 4u) << r.out;  // 2023 and 2024, two measures each
  EXPECT_LT(value["2024 edit"], value["2023 edit"]);
  EXPECT_LT(value["2024 cosine_tfidf"], value["2023 cosine_tfidf"]);

  Result none = run("similarity --db " + db(), dir_.path());
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_NE(none.err.find("--all"), std::string::npos) << none.err;

  Result near = run("similar --db " + db() +
                        " --to 0009990001-25-000012 --section 1A --top 2 "
                        "--format csv",
                    dir_.path());
  ASSERT_EQ(near.exit_code, 0) << near.err;
  EXPECT_NE(near.out.find("\n1,"), std::string::npos) << near.out;
  EXPECT_NE(near.out.find("9990001_10K_2023"), std::string::npos) << near.out;

  Result exported = run("export --db " + db() + " --what similarity", dir_.path());
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_EQ(std::count(exported.out.begin(), exported.out.end(), '\n'), 5) << exported.out;
  Result metrics =
      run("export --db " + db() + " --what metrics --year 2024 --format json", dir_.path());
  ASSERT_EQ(metrics.exit_code, 0) << metrics.err;
  EXPECT_NE(metrics.out.find("\"section\": \"1A\", \"measure\": \"gunning_fog\""),
            std::string::npos);
}

// The exports for notebooks (the pytest suite reads them back with pandas and scipy; this runs
// in the sanitized build too, where the Python package is not built).
TEST_F(CliTest, ExportFilingsJsonlDtmAndOneJsonDocument) {
  const std::string samples = std::string(SECNLP_SOURCE_DIR) + "/samples";
  ASSERT_EQ(run("process " + samples + " --db " + db() + " --progress off", dir_.path()).exit_code,
            0);
  Result filings = run("export --db " + db() + " --what filings --format jsonl", dir_.path());
  ASSERT_EQ(filings.exit_code, 0) << filings.err;
  std::istringstream lines(filings.out);
  std::vector<std::string> records;
  for (std::string line; std::getline(lines, line);)
    records.push_back(line);
  ASSERT_EQ(records.size(), 4u) << filings.out.substr(0, 2000);
  for (const auto& r : records) {
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(r.front(), '{');
    EXPECT_EQ(r.back(), '}');
    EXPECT_NE(r.find("\"filing_type\": \"10-K\""), std::string::npos) << r.substr(0, 300);
    EXPECT_NE(r.find("\"item_7\": \""), std::string::npos) << r.substr(0, 300);
  }
  EXPECT_NE(records.back().find("\"item_1A\": \""), std::string::npos);
  EXPECT_NE(records.back().find("\"fiscal_year\": 2024"), std::string::npos);

  const fs::path out = dir_.path() / "dtm";
  Result dtm =
      run("export --db " + db() + " --what dtm --section 1A --out " + out.string(), dir_.path());
  ASSERT_EQ(dtm.exit_code, 0) << dtm.err;
  std::ifstream mtx(out / "dtm.mtx");
  std::string header;
  std::getline(mtx, header);
  EXPECT_EQ(header, "%%MatrixMarket matrix coordinate real general");
  std::string line;
  while (std::getline(mtx, line) && line.starts_with('%')) {
  }
  std::size_t rows = 0, columns = 0, entries = 0;
  std::istringstream(line) >> rows >> columns >> entries;
  EXPECT_EQ(rows, 3u);  // Item 1A in 2022-2024
  auto count_lines = [](const fs::path& p) {
    std::ifstream in(p);
    std::size_t n = 0;
    for (std::string l; std::getline(in, l);)
      ++n;
    return n;
  };
  EXPECT_EQ(count_lines(out / "vocabulary.csv"), columns + 1);
  EXPECT_EQ(count_lines(out / "rows.csv"), rows + 1);
  std::size_t cells = 0;
  while (std::getline(mtx, line))
    ++cells;
  EXPECT_EQ(cells, entries);

  // inspect --format json: one document (it used to print three back to back).
  Result inspect = run(
      "inspect " + samples + "/northwind/9990001_10K_2023_0009990001-24-000009.htm --format json",
      dir_.path());
  ASSERT_EQ(inspect.exit_code, 0) << inspect.err;
  ASSERT_FALSE(inspect.out.empty());
  EXPECT_EQ(inspect.out.front(), '{');
  EXPECT_EQ(inspect.out[inspect.out.find_last_not_of(" \n")], '}');
  EXPECT_EQ(inspect.out.find("}\n{"), std::string::npos);
  EXPECT_EQ(inspect.out.find("]\n["), std::string::npos);
  for (const char* key : {"\"metadata\": ", "\"documents\": ", "\"sections\": "})
    EXPECT_NE(inspect.out.find(key), std::string::npos) << key;
}

TEST_F(CliTest, JobRunsOnlyWhatIsNewAndRefusesToOverlap) {
  write_file(dir_.path() / "job.toml",
             "[job]\nname = \"nightly\"\ndb = \"out.db\"\n[[source]]\npath = \"in\"\n");
  const std::string job = (dir_.path() / "job.toml").string();
  Result first = run("run " + job + " --progress off --format csv", dir_.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("processed (new or changed),2"), std::string::npos) << first.out;
  write_file(dir_.path() / "in" / "c.txt", "A third filing arrived overnight. It is short.\n");
  Result second = run("run " + job + " --progress off --format csv", dir_.path());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("processed (new or changed),1"), std::string::npos) << second.out;
  EXPECT_NE(second.out.find("skipped (unchanged),2"), std::string::npos) << second.out;

  Result runs =
      run("runs --db " + (dir_.path() / "out.db").string() + " --format csv", dir_.path());
  ASSERT_EQ(runs.exit_code, 0) << runs.err;
  EXPECT_EQ(std::count(runs.out.begin(), runs.out.end(), '\n'), 5) << runs.out;  // 2 jobs x 2 rows
  EXPECT_NE(runs.out.find("job:nightly"), std::string::npos) << runs.out;

  // While another process holds the database's lock, both entry points refuse (exit 4).
  const pid_t holder = fork();
  ASSERT_GE(holder, 0);
  if (holder == 0) {
    const std::string lock = (dir_.path() / "out.db.lock").string();
    execl("/usr/bin/flock", "flock", "-o", lock.c_str(), "sleep", "5", static_cast<char*>(nullptr));
    _exit(127);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  Result locked = run("run " + job + " --progress off", dir_.path());
  EXPECT_EQ(locked.exit_code, 4) << locked.err;
  EXPECT_NE(locked.err.find("locked by another run"), std::string::npos) << locked.err;
  Result process =
      run("process " + in() + " --db " + (dir_.path() / "out.db").string(), dir_.path());
  EXPECT_EQ(process.exit_code, 4) << process.err;
  kill(holder, SIGKILL);
  waitpid(holder, nullptr, 0);
  EXPECT_EQ(run("run " + job + " --progress off", dir_.path()).exit_code, 0);
}

TEST_F(CliTest, FetchFromALocalEdgarThenProcess) {
  FETCH_SERVER_OR_SKIP();
  const fs::path tree = dir_.path() / "server";
  write_file(tree / "Archives/edgar/full-index/2020/QTR1/master.idx",
             "CIK|Company Name|Form Type|Date Filed|Filename\n-----\n"
             "320193|Apple Inc.|10-K|2020-01-03|edgar/data/320193/0000320193-20-000001.txt\n"
             "320193|Apple Inc.|10-K/A|2020-02-03|edgar/data/320193/0000320193-20-000003.txt\n"
             "320193|Apple Inc.|8-K|2020-02-28|edgar/data/320193/0000320193-20-000002.txt\n");
  for (const char* acc : {"0000320193-20-000001", "0000320193-20-000003"}) {
    std::string folder = acc;
    std::erase(folder, '-');
    write_file(
        tree / "Archives/edgar/data/320193" / folder / (std::string(acc) + ".txt"),
        std::string("<SEC-DOCUMENT>\n<SEC-HEADER>\nACCESSION NUMBER: ") + acc +
            "\nCONFORMED SUBMISSION TYPE: 10-K\nCONFORMED PERIOD OF REPORT: 20190930\n"
            "FILED AS OF DATE: 20200103\nCOMPANY CONFORMED NAME: APPLE INC\n"
            "CENTRAL INDEX KEY: 0000320193\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>10-K\n"
            "<SEQUENCE>1\n<TEXT>\nFORM 10-K\n\nITEM 1.  BUSINESS\n\nWe design phones.\n\n"
            "ITEM 1A.  RISK FACTORS\n\nDemand may fall.\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n");
  }
  testing::FixtureServer server(tree);
  const std::string out = (dir_.path() / "edgar").string();
  const std::string fetch =
      "fetch --user-agent \"secnlp tests tests@example.com\" --cik 320193 "
      "--form 10-K --from 2020-01-01 --to 2020-03-31 --out " +
      out + " --db " + db() + " --base-url " + server.base() + " --format csv";
  Result first = run(fetch, dir_.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("downloaded,1"), std::string::npos) << first.out;  // no 10-K/A, no 8-K
  EXPECT_TRUE(fs::exists(dir_.path() / "edgar/sec-edgar-filings/0000320193/10-K/"
                                       "0000320193-20-000001/full-submission.txt"));
  {
    store::Connection conn(db());
    store::Statement st =
        conn.prepare("SELECT accession, bytes > 0, length(content_hash), kind FROM fetches");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.column_text(0), "0000320193-20-000001");
    EXPECT_EQ(st.column_text(3), "submission");
    EXPECT_EQ(st.column_int(1), 1);
    EXPECT_EQ(st.column_int(2), 16);
    EXPECT_FALSE(st.step());
  }
  server.clear_log();
  Result again = run(fetch, dir_.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("already present,1"), std::string::npos) << again.out;
  EXPECT_TRUE(server.log().empty());  // the finished quarter's index is cached, the file present

  Result p = run("process " + out + " --db " + db() + " --progress off", dir_.path());
  ASSERT_EQ(p.exit_code, 0) << p.err;
  Result sections =
      run("sections --db " + db() + " --cik 320193 --item 1A --format csv", dir_.path());
  EXPECT_NE(sections.out.find("Risk Factors"), std::string::npos) << sections.out;
}

TEST_F(CliTest, FetchByFiscalYearBothFilesFromALocalEdgar) {
  FETCH_SERVER_OR_SKIP();
  const fs::path tree = dir_.path() / "server";
  write_file(tree / "files/company_tickers.json",
             R"({"0":{"cik_str":320193,"ticker":"AAPL","title":"Apple Inc."}})");
  // Fiscal 2020's 10-K was filed in 2021; fiscal 2019's in 2020; the 10-Q is no 10-K.
  write_file(tree / "submissions/CIK0000320193.json",
             R"({"name":"Apple Inc.","filings":{"recent":{)"
             R"("accessionNumber":["0000320193-21-000001","0000320193-20-000090",)"
             R"("0000320193-20-000001"],)"
             R"("filingDate":["2021-01-05","2020-08-01","2020-01-03"],)"
             R"("reportDate":["2020-12-26","2020-06-27","2019-09-28"],)"
             R"("form":["10-K","10-Q","10-K"],)"
             R"("primaryDocument":["aapl-20201226.htm","q.htm","aapl-20190928.htm"],)"
             R"("acceptanceDateTime":["2021-01-04T18:30:00.000Z","2020-07-31T16:05:00.000Z",)"
             R"("2020-01-02T08:00:00.000Z"]},"files":[]}})");
  const std::string acc = "0000320193-21-000001";
  // A full submission whose header names neither the filing date nor the acceptance time:
  // `process` takes them from what fetch learnt (filing-metadata.json).
  std::string body;
  for (int i = 0; i < 400; ++i)
    body += "Apple designs, manufactures and markets smartphones and personal computers. ";
  const std::string submission = "<SEC-DOCUMENT>" + acc +
                                 ".txt\n<SEC-HEADER>\nACCESSION NUMBER:\t" + acc +
                                 "\nCONFORMED SUBMISSION TYPE:\t10-K\n</SEC-HEADER>\n"
                                 "<DOCUMENT>\n<TYPE>10-K\n<SEQUENCE>1\n<TEXT>\n" +
                                 body + "\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n";
  write_file(tree / "Archives/edgar/data/320193/000032019321000001" / (acc + ".txt"), submission);
  write_file(tree / "Archives/edgar/data/320193/000032019321000001/aapl-20201226.htm",
             "<html><body>fiscal 2020</body></html>");
  testing::FixtureServer server(tree);
  const std::string fetch =
      "fetch --user-agent \"secnlp tests tests@example.com\" --ticker AAPL --form 10-K "
      "--fiscal-years 2020-2021 --what both --out " +
      (dir_.path() / "edgar").string() + " --db " + db() + " --base-url " + server.base() +
      " --data-base-url " + server.base() + " --format csv";
  Result first = run(fetch, dir_.path());
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("selected,1"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("downloaded,2"), std::string::npos) << first.out;
  const fs::path folder = dir_.path() / "edgar/sec-edgar-filings/AAPL/10-K" / acc;
  EXPECT_EQ(testing::read_file(folder / "full-submission.txt"), submission);
  EXPECT_EQ(testing::read_file(folder / "primary-document.html"),
            "<html><body>fiscal 2020</body></html>");
  EXPECT_FALSE(fs::exists(dir_.path() / "edgar/sec-edgar-filings/AAPL/10-K/0000320193-20-000001"));
  {
    store::Connection conn(db());
    store::Statement st =
        conn.prepare("SELECT accession, form, filed, path, kind FROM fetches ORDER BY kind");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.column_text(0), acc);
    EXPECT_EQ(st.column_text(1), "10-K");
    EXPECT_EQ(st.column_text(2), "2021-01-05");
    EXPECT_EQ(st.column_text(3), (folder / "primary-document.html").string());
    EXPECT_EQ(st.column_text(4), "primary");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.column_text(0), acc);
    EXPECT_EQ(st.column_text(3), (folder / "full-submission.txt").string());
    EXPECT_EQ(st.column_text(4), "submission");
    EXPECT_FALSE(st.step());
  }
  server.clear_log();
  Result again = run(fetch, dir_.path());
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("already present,2"), std::string::npos) << again.out;
  for (const auto& r : server.log())
    EXPECT_EQ(r.path.find("/Archives/"), std::string::npos) << r.path;

  // `process` on what fetch left: one document for the filing (the full submission, the
  // primary document linked to it), with the dates and identity fetch learnt.
  const std::string processed_db = (dir_.path() / "processed.db").string();
  Result processed = run("process " + (dir_.path() / "edgar").string() + " --db " + processed_db +
                             " --progress off --format csv",
                         dir_.path());
  ASSERT_EQ(processed.exit_code, 0) << processed.err;
  EXPECT_NE(processed.out.find("linked (same filing as another file),1"), std::string::npos)
      << processed.out;
  {
    store::Connection conn(processed_db);
    store::Statement st = conn.prepare(
        "SELECT accession, cik, ticker, form, filed, accepted, available_at, kind, "
        "(SELECT count(*) FROM documents) FROM documents");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.column_text(0), acc);
    EXPECT_EQ(st.column_text(1), "320193");
    EXPECT_EQ(st.column_text(2), "AAPL");
    EXPECT_EQ(st.column_text(3), "10-K");
    EXPECT_EQ(st.column_text(4), "2021-01-05");
    EXPECT_EQ(st.column_text(5), "2021-01-04T18:30:00");
    EXPECT_EQ(st.column_text(6), "2021-01-04T18:30:00");
    EXPECT_EQ(st.column_text(7), "submission");
    EXPECT_EQ(st.column_int(8), 1);
  }

  // Rejected: an unknown --what, and fiscal years that are no range.
  struct Bad {
    std::string args;
    int exit_code;
    std::string_view message;
  };
  const Bad bad[] = {
      {"--ticker AAPL --what everything", 2, "--what"},
      {"--ticker AAPL --fiscal-years 2023-2021", 2, "2023-2021"},
      {"--all-companies --from 2020-01-01 --fiscal-years 2020", 2, "fiscal years"},
  };
  for (const auto& b : bad) {
    Result r =
        run("fetch --user-agent \"secnlp tests tests@example.com\" --out " +
                (dir_.path() / "edgar").string() + " --base-url " + server.base() + " " + b.args,
            dir_.path());
    EXPECT_EQ(r.exit_code, b.exit_code) << b.args << "\n" << r.err;
    EXPECT_NE(r.err.find(b.message), std::string::npos) << b.args << "\n" << r.err;
  }
}

TEST_F(CliTest, KilledRunLeavesConsistentDatabaseAndNextRunFinishes) {
  const int kDocs = 300;
  for (int i = 0; i < kDocs; ++i)
    write_file(dir_.path() / "many" / (std::to_string(i) + ".htm"), good_doc(i));
  const std::string many = (dir_.path() / "many").string();
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const std::string dbpath = db();
    execl(SECNLP_BINARY, SECNLP_BINARY, "process", many.c_str(), "--db", dbpath.c_str(),
          "--threads", "2", "--progress", "off", "-q", static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it once some, but not all, documents are stored.
  std::int64_t stored = 0;
  for (int attempt = 0; attempt < 2000 && stored == 0; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    try {
      store::Connection conn(db());
      store::Statement st = conn.prepare("SELECT count(*) FROM documents");
      stored = st.step() ? st.column_int(0) : 0;
    } catch (...) {
    }
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);

  Result second =
      run("process " + many + " --db " + db() + " --progress off --format csv", dir_.path());
  ASSERT_EQ(second.exit_code, 0) << second.err;
  store::Connection conn(db());
  auto scalar = [&](const char* sql) {
    store::Statement st = conn.prepare(sql);
    return st.step() ? st.column_int(0) : -1;
  };
  EXPECT_EQ(scalar("SELECT count(*) FROM documents WHERE status = 'ok'"), kDocs);
  EXPECT_EQ(scalar("SELECT count(DISTINCT doc_id) FROM term_vectors WHERE scope = ''"), kDocs);
  EXPECT_EQ(scalar("SELECT count(*) FROM (SELECT path FROM documents GROUP BY path "
                   "HAVING count(*) > 1)"),
            0);
  // Every stored document has its metrics: no half-written rows survived the kill.
  EXPECT_EQ(scalar("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                   "(SELECT 1 FROM metrics m WHERE m.doc_id = d.id AND m.name = 'words')"),
            0);
}

// Named entities (issue 18) run in the binary itself, without the model commands' library or
// libtorch: train --task ner, evaluate on a ner directory, the entities stage, query, export.
TEST_F(CliTest, NerTrainEvaluateStageAndQueryWithoutLibtorch) {
  std::string conll = "-DOCSTART- -X- O O\n\n";
  for (const char* org : {"Acme", "Globex", "Initech", "Hooli"})
    for (const char* place : {"Boston", "Texas", "Ohio"})
      conll +=
          std::string(org) + " I-ORG\nCorp I-ORG\nopened O\nin O\n" + place + " I-LOC\n. O\n\n";
  write_file(dir_.path() / "ner.txt", conll);
  const std::string model = (dir_.path() / "ner-model").string();
  const std::string missing = "SECNLP_MODELS_LIB=" + (dir_.path() / "none.so").string();
  Result r = testing::run_cli("train --task ner --data " + (dir_.path() / "ner.txt").string() +
                                  " --out " + model + " --epochs 3",
                              dir_.path(), missing + " LD_DEBUG=libs");
  ASSERT_EQ(r.exit_code, 0) << r.err.substr(0, 4000);
  EXPECT_EQ(r.err.find("libtorch"), std::string::npos);
  EXPECT_TRUE(fs::exists(dir_.path() / "ner-model" / "manifest.json"));
  r = testing::run_cli(
      "evaluate --model " + model + " --data " + (dir_.path() / "ner.txt").string(), dir_.path(),
      missing);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("micro"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ORG"), std::string::npos) << r.out;
  // `tag` dispatches on the directory's task: entity spans with character offsets.
  r = testing::run_cli(
      "tag --model " + model + " --format json --text \"Globex Corp opened in Ohio.\"", dir_.path(),
      missing);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"ORG\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Globex Corp"), std::string::npos) << r.out;
  // A damaged training file: exit code of a parse error, file and line named.
  write_file(dir_.path() / "bad.txt", "Acme I-ORG\nlonely\n");
  r = run("train --task ner --data " + (dir_.path() / "bad.txt").string() + " --out " +
              (dir_.path() / "m2").string(),
          dir_.path());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("bad.txt: line 2"), std::string::npos) << r.err;

  write_file(dir_.path() / "p.toml",
             "stages = [\"submission\", \"decode\", \"html\", \"normalize\", \"clean\", "
             "\"sections\", \"sentences\", \"tokens\", \"entities\"]\n");
  write_file(dir_.path() / "in" / "c.txt",
             "Globex Corp opened in Ohio. Acme Corp opened in Texas. Hooli Corp opened in Ohio.\n");
  r = run("process " + in() + " --db " + db() + " --pipeline " + (dir_.path() / "p.toml").string() +
              " --ner-model " + model + " --progress off",
          dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run("entities --db " + db() + " --type ORG --top 5 --format csv", dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("type,text,count,documents,mean_score", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("ORG,"), std::string::npos) << r.out;
  // An entity type nothing stored has is refused with the stored types, not an empty table.
  r = run("entities --db " + db() + " --type ORGANISATION", dir_.path());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.err.find("unknown entity type 'ORGANISATION' (stored: "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("ORG"), std::string::npos) << r.err;
  r = run("export --db " + db() + " --what entities", dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("char_begin"), std::string::npos) << r.out;
  // Without a model the stage is a configuration error.
  r = run("process " + in() + " --db " + db() + " --pipeline " + (dir_.path() / "p.toml").string() +
              " --progress off",
          dir_.path());
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("--ner-model"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace secnlp
