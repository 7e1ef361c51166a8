// End-to-end runs of the default pipeline over files the test writes, including hostile ones.
#include "pipeline/runner.h"

#include <fstream>

#include <gtest/gtest.h>

#include "common/error.h"
#include "pipeline/store/database.h"
#include "pipeline/store/queries.h"
#include "tests/support/test_data.h"

namespace secnlp::pipeline {
namespace {

namespace fs = std::filesystem;

using secnlp::testing::write_file;

const char* kHtml = R"(<html><head><title>Form 10-K</title></head><body>
<div style="display:none"><ix:header>dei:EntityRegistrantName Hidden Corp</ix:header></div>
<p><b>Item 1A. Risk Factors</b></p>
<p>Our business faces significant risks. We may not achieve profitability, and losses could
increase. Litigation against the Company could be costly.</p>
<p>Northwind Harbor Logistics, Inc. operates ports in the U.S. and abroad.</p>
<table><tr><td>Revenue</td><td>1,234</td><td>5,678</td></tr></table>
</body></html>)";

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    inputs_ = dir_.path() / "in";
    write_file(inputs_ / "good.htm", kHtml);
    write_file(inputs_ / "plain.txt",
               "ANNUAL REPORT\n\nThe company reported strong growth this year. Demand was good.\n"
               "Management believes the outlook is uncertain.\n");
    // Mostly valid UTF-8 with one broken sequence: stays UTF-8, the bad byte is replaced.
    write_file(inputs_ / "broken_utf8.txt",
               "Caf\xc3\xa9 na\xc3\xaf"
               "ve r\xc3\xa9sum\xc3\xa9 \xc2\xa7 5. Revenue grew \xff strongly.\n");
    // Legacy cp1252 (0x92 apostrophe, 0x93/0x94 quotes): decoded as windows-1252.
    write_file(inputs_ / "cp1252.txt",
               "The Company\x92s \x93"
               "core\x94 business grew. Costs fell.\n");
    // Text with scattered NUL bytes (under the binary threshold): NULs are dropped.
    std::string nuls;
    static constexpr char kNulLine[] = "Text with a NUL\0 inside a sentence. ";
    for (int i = 0; i < 30; ++i)
      nuls += std::string(kNulLine, sizeof kNulLine - 1);
    write_file(inputs_ / "nuls.txt", nuls);
    std::string deep;
    for (int i = 0; i < 100000; ++i)
      deep += "<div>";
    deep += "deep text survives";
    write_file(inputs_ / "deep.htm", "<html><body>" + deep + "</body></html>");
    write_file(inputs_ / "empty.txt", "");
    static constexpr char kPng[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
    write_file(inputs_ / "binary.htm", std::string(kPng, sizeof kPng - 1));
    write_file(inputs_ / "notes.csv", "ignored,because,extension\n");
    options_.inputs = {inputs_};
    options_.db = dir_.path() / "out.db";
    options_.threads = 2;
    options_.progress = ProgressMode::kOff;
  }

  std::int64_t scalar(const std::string& sql) {
    store::Connection db(options_.db.string());
    store::Statement st = db.prepare(sql);
    return st.step() ? st.column_int(0) : -1;
  }

  testing::TempDir dir_;
  fs::path inputs_;
  ProcessOptions options_;
};

TEST_F(RunnerTest, BadDocumentsBecomeErrorRowsAndOthersSucceed) {
  ProcessSummary s = process_documents(options_);
  EXPECT_EQ(s.counts.total, 8u);  // the .csv is not a document
  EXPECT_EQ(s.counts.processed, 6u);
  EXPECT_EQ(s.counts.failed, 2u);
  ASSERT_EQ(s.failures.size(), 2u);
  for (const auto& f : s.failures) {
    const bool empty = f.path.ends_with("empty.txt") && f.message == "empty file";
    const bool binary =
        f.path.ends_with("binary.htm") && f.message.find("binary") != std::string::npos;
    EXPECT_TRUE(empty || binary) << f.path << ": " << f.message;
  }
  EXPECT_EQ(scalar("SELECT count(*) FROM errors"), 2);
  EXPECT_EQ(scalar("SELECT count(*) FROM documents WHERE status='ok'"), 6);
  EXPECT_EQ(scalar("SELECT docs_failed FROM runs"), 2);
}

TEST_F(RunnerTest, HostileButValidInputsGiveResults) {
  process_documents(options_);
  store::Connection db(options_.db.string());
  auto metric = [&](const std::string& file, const std::string& name) {
    store::Statement st = db.prepare(
        "SELECT m.value FROM metrics m JOIN documents d ON d.id = m.doc_id "
        "WHERE d.path LIKE ? AND m.scope = '' AND m.name = ?");
    st.bind(1, "%" + file).bind(2, name);
    return st.step() ? st.column_double(0) : -1.0;
  };
  EXPECT_EQ(metric("broken_utf8.txt", "invalid_bytes_replaced"), 1);
  EXPECT_EQ(scalar("SELECT count(*) FROM documents WHERE path LIKE '%broken_utf8.txt' AND "
                   "encoding = 'utf-8'"),
            1);
  EXPECT_EQ(scalar("SELECT count(*) FROM documents WHERE path LIKE '%cp1252.txt' AND "
                   "encoding = 'windows-1252'"),
            1);
  EXPECT_GT(metric("nuls.txt", "words"), 100);
  EXPECT_GE(metric("deep.htm", "words"), 3);
  EXPECT_GT(metric("good.htm", "words"), 20);
  EXPECT_GT(metric("good.htm", "gunning_fog"), 0);
  store::Statement text = db.prepare(
      "SELECT t.text FROM document_text t JOIN documents d ON d.id = t.doc_id WHERE d.path LIKE ?");
  text.bind(1, "%good.htm");
  ASSERT_TRUE(text.step());
  const std::string clean = text.column_text(0);
  EXPECT_EQ(clean.find("Hidden Corp"), std::string::npos) << clean;
  EXPECT_EQ(clean.find('<'), std::string::npos) << clean;
  EXPECT_NE(clean.find("Risk Factors"), std::string::npos) << clean;
}

TEST_F(RunnerTest, RerunSkipsUnchangedAndRetriesFailures) {
  process_documents(options_);
  ProcessSummary second = process_documents(options_);
  EXPECT_EQ(second.counts.skipped, 6u);
  EXPECT_EQ(second.counts.processed, 0u);
  EXPECT_EQ(second.counts.failed, 2u);  // failures are retried, and fail again

  write_file(inputs_ / "plain.txt", "A changed document. It has new words.\n");
  ProcessSummary third = process_documents(options_);
  EXPECT_EQ(third.counts.processed, 1u);
  EXPECT_EQ(third.counts.skipped, 5u);

  options_.force = true;
  ProcessSummary forced = process_documents(options_);
  EXPECT_EQ(forced.counts.processed, 6u);
  EXPECT_EQ(scalar("SELECT count(*) FROM documents"), 8);  // no duplicates
  EXPECT_EQ(scalar("SELECT count(*) FROM runs"), 4);
}

TEST_F(RunnerTest, ConfigChangeRecomputes) {
  process_documents(options_);
  write_file(dir_.path() / "p.toml", "[terms]\nstem = \"none\"\n");
  options_.pipeline_file = dir_.path() / "p.toml";
  ProcessSummary s = process_documents(options_);
  EXPECT_EQ(s.counts.processed, 6u);
  EXPECT_EQ(s.counts.skipped, 0u);
}

TEST_F(RunnerTest, BothHtmlParsersGiveTheSameMetrics) {
  auto words_of_good = [&](const std::string& parser) {
    write_file(dir_.path() / (parser + ".toml"), "[html]\nparser = \"" + parser + "\"\n");
    options_.pipeline_file = dir_.path() / (parser + ".toml");
    options_.inputs = {inputs_ / "good.htm", inputs_ / "deep.htm"};
    process_documents(options_);
    store::MetricsQuery q;
    q.db = options_.db;
    q.names = {"words", "syllables", "tables"};
    return store::query_metrics(q).rows;
  };
  const auto fast = words_of_good("fast");
  const auto libxml2 = words_of_good("libxml2");
  ASSERT_EQ(fast.size(), 2u);
  EXPECT_EQ(fast, libxml2);
}

TEST_F(RunnerTest, InterruptedRunIsCompletedWithoutDuplicates) {
  // A run that stopped after some documents (as after SIGKILL: each document is its own
  // transaction) is completed by the next run, which only does what is missing.
  options_.inputs = {inputs_ / "good.htm", inputs_ / "plain.txt"};
  process_documents(options_);
  options_.inputs = {inputs_};
  ProcessSummary s = process_documents(options_);
  EXPECT_EQ(s.counts.skipped, 2u);
  EXPECT_EQ(s.counts.processed, 4u);
  EXPECT_EQ(scalar("SELECT count(*) FROM documents"), 8);
  EXPECT_EQ(scalar("SELECT count(DISTINCT doc_id) FROM term_vectors"), 6);
}

TEST_F(RunnerTest, LimitsAndMissingFilesAreErrorsNamingTheFile) {
  options_.inputs = {inputs_ / "good.htm", inputs_ / "does-not-exist.htm"};
  options_.max_document_bytes = 100;
  ProcessSummary s = process_documents(options_);
  EXPECT_EQ(s.counts.failed, 2u);
  ASSERT_EQ(s.failures.size(), 2u);
  EXPECT_EQ(s.failures[0].code, "io");  // sorted paths: does-not-exist first
  EXPECT_EQ(s.failures[1].code, "limit");
}

TEST_F(RunnerTest, LexiconAddsLoughranMcDonaldMetrics) {
  write_file(dir_.path() / "lm" / "LM2018_Negative.txt", "LOSSES\nLITIGATION\nCOSTLY\n");
  write_file(dir_.path() / "lm" / "LM2018_Positive.txt", "STRONG\nACHIEVE\nPROFITABILITY\n");
  write_file(dir_.path() / "lm" / "LM2018_Uncertainty.txt", "MAY\nUNCERTAIN\n");
  options_.resources.lexicon = dir_.path() / "lm";
  ProcessSummary s = process_documents(options_);
  EXPECT_TRUE(s.lexicon);
  store::MetricsQuery q;
  q.db = options_.db;
  q.names = {"lm_negative", "lm_positive", "lm_negations"};
  q.filter.path_contains = "good.htm";
  auto table = store::query_metrics(q);
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(std::get<double>(table.rows[0][9]), 3);   // losses, litigation, costly
  EXPECT_EQ(std::get<double>(table.rows[0][10]), 2);  // achieve, profitability
  EXPECT_EQ(std::get<double>(table.rows[0][11]), 2);  // "not achieve profitability"
}

// The readability stage loads CMUdict in the background; a dictionary that fails to parse must
// still stop the run with the file's error, not store that error once per document.
TEST_F(RunnerTest, BrokenPronouncingDictionaryStopsTheRun) {
  write_file(dir_.path() / "broken.dict", "company K AH1 M P AH0 N IY0\nnophones\n");
  options_.resources.cmudict = dir_.path() / "broken.dict";
  try {
    process_documents(options_);
    FAIL() << "a broken dictionary was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kResource);
    EXPECT_NE(std::string(e.what()).find("broken.dict"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("line 2"), std::string::npos) << e.what();
  }
  EXPECT_EQ(scalar("SELECT count(*) FROM documents WHERE status = 'ok'"), 0);
  EXPECT_EQ(scalar("SELECT count(*) FROM documents WHERE error LIKE '%phones%'"), 0);
  EXPECT_EQ(scalar("SELECT status = 'failed' FROM runs ORDER BY id DESC LIMIT 1"), 1);
}

TEST_F(RunnerTest, MissingPronouncingDictionaryFailsBeforeReadingAnything) {
  options_.resources.cmudict = dir_.path() / "no-such.dict";
  EXPECT_THROW(process_documents(options_), Error);
  EXPECT_FALSE(fs::exists(options_.db));
}

TEST_F(RunnerTest, BadPipelineFailsBeforeReadingAnything) {
  write_file(dir_.path() / "bad.toml", "stages = [\"tokens\"]\n");
  options_.pipeline_file = dir_.path() / "bad.toml";
  EXPECT_THROW(process_documents(options_), Error);
  EXPECT_FALSE(fs::exists(options_.db));
}

}  // namespace
}  // namespace secnlp::pipeline
