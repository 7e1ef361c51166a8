// Scheduled jobs: job files, the database run lock, incremental runs, concurrency, crash
// recovery (a real SIGKILL of a child process mid-run) and stale locks.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "pipeline/jobs/job_file.h"
#include "pipeline/jobs/job_runner.h"
#include "pipeline/jobs/run_lock.h"
#include "pipeline/store/database.h"
#include "tests/support/scratch_database.h"
#include "tests/support/test_data.h"

extern char** environ;

namespace secnlp::jobs {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCrashJobVariable = "SECNLP_JOBS_TEST_CRASH_JOB";

using secnlp::testing::write_file;

std::string ten_k(const std::string& business, const std::string& risks) {
  return "FORM 10-K\n\nITEM 1.  BUSINESS\n\n" + business + "\n\nITEM 1A.  RISK FACTORS\n\n" +
         risks + "\n\nITEM 7.  MANAGEMENT'S DISCUSSION AND ANALYSIS\n\nRevenue grew.\n";
}

std::int64_t scalar(const fs::path& db, const std::string& sql) {
  store::Connection connection(db.string(), /*read_only=*/true);
  store::Statement st = connection.prepare(sql);
  return st.step() ? st.column_int(0) : -1;
}

std::string text(const fs::path& db, const std::string& sql) {
  store::Connection connection(db.string(), /*read_only=*/true);
  store::Statement st = connection.prepare(sql);
  return st.step() ? st.column_text(0) : "";
}

// ---- job files ----------------------------------------------------------------------------

TEST(JobFile, ParsesEveryKeyAndResolvesPathsAgainstTheJobFolder) {
  const JobFile job = parse_job_file(R"(
[job]
name = "nightly"
db = "data/secnlp.db"
pipeline = "/etc/secnlp/pipeline.toml"
lexicon = "../lm/master.csv"
threads = 4

[[source]]
path = "filings"

[[source]]
[source.fetch]
ticker = ["AAPL", "MSFT"]
cik = 320193
forms = "10-K"
from = "2020-01-01"
to = "2024-12-31"
limit = 10
out = "edgar"
user_agent = "Jo jo@example.com"

[followups]
similarity = { sections = ["", "1A", "7"], measures = ["cosine_tf", "jaccard"] }
predict = { model = "models/risk" }
)",
                                     "/srv/jobs", "/srv/jobs/nightly.toml");
  EXPECT_EQ(job.name, "nightly");
  EXPECT_EQ(job.db, fs::path("/srv/jobs/data/secnlp.db"));
  EXPECT_EQ(job.pipeline, fs::path("/etc/secnlp/pipeline.toml"));
  EXPECT_EQ(job.lexicon, fs::path("/srv/lm/master.csv"));
  EXPECT_EQ(job.threads, 4);
  ASSERT_EQ(job.sources.size(), 2u);
  EXPECT_EQ(job.sources[0].path, fs::path("/srv/jobs/filings"));
  EXPECT_FALSE(job.sources[0].fetch);
  ASSERT_TRUE(job.sources[1].fetch);
  const auto& fields = job.sources[1].fetch->fields;
  EXPECT_EQ(fields.at("ticker"), (std::vector<std::string>{"AAPL", "MSFT"}));
  EXPECT_EQ(fields.at("cik"), (std::vector<std::string>{"320193"}));
  EXPECT_EQ(fields.at("forms"), (std::vector<std::string>{"10-K"}));
  EXPECT_EQ(fields.at("limit"), (std::vector<std::string>{"10"}));
  EXPECT_EQ(fields.at("user_agent"), (std::vector<std::string>{"Jo jo@example.com"}));
  EXPECT_EQ(job.sources[1].fetch->out_dir, fs::path("/srv/jobs/edgar"));
  ASSERT_TRUE(job.similarity);
  EXPECT_EQ(job.similarity->sections, (std::vector<std::string>{"", "1A", "7"}));
  EXPECT_EQ(job.similarity->measures, (std::vector<std::string>{"cosine_tf", "jaccard"}));
  ASSERT_TRUE(job.predict);
  EXPECT_EQ(job.predict->model, fs::path("/srv/jobs/models/risk"));
  EXPECT_NE(job_json(job).find("\"sections\":[\"\",\"1A\",\"7\"]"), std::string::npos);
}

TEST(JobFile, DefaultsAndNameFromFileName) {
  const JobFile job =
      parse_job_file("[job]\ndb = \"x.db\"\n[[source]]\npath = \"in\"\n", "/j", "/j/weekly.toml");
  EXPECT_EQ(job.name, "weekly");
  EXPECT_EQ(job.threads, 0);
  EXPECT_FALSE(job.pipeline);
  EXPECT_FALSE(job.lexicon);
  EXPECT_FALSE(job.similarity);
  EXPECT_FALSE(job.predict);
  const JobFile defaults = parse_job_file(
      "[job]\ndb = \"x.db\"\n[[source]]\npath = \"in\"\n[followups]\nsimilarity = {}\n", "/j",
      "j.toml");
  ASSERT_TRUE(defaults.similarity);
  EXPECT_EQ(defaults.similarity->sections, std::vector<std::string>{""});
  EXPECT_TRUE(defaults.similarity->measures.empty());
}

// A PostgreSQL database in a job file is a URL, not a path beside the job file, and the job's
// description (stored with its runs) never shows the password.
TEST(JobFile, PostgresDatabaseIsAUrlAndItsPasswordIsNotStored) {
  const JobFile job = parse_job_file(
      "[job]\ndb = \"postgresql://ann:s3cret@db.example/edgar\"\n[[source]]\npath = \"in\"\n", "/j",
      "/j/nightly.toml");
  EXPECT_EQ(job.db.string(), "postgresql://ann:s3cret@db.example/edgar");
  const std::string json = job_json(job);
  EXPECT_EQ(json.find("s3cret"), std::string::npos) << json;
  EXPECT_NE(json.find("postgresql://ann:***@db.example/edgar"), std::string::npos) << json;
}

TEST(JobFile, RejectsUnknownKeysBadTypesAndIncompleteJobs) {
  const std::string head = "[job]\ndb = \"x.db\"\n[[source]]\npath = \"in\"\n";
  struct Case {
    std::string toml;
    std::string message;  // a part of the error message
  };
  const Case cases[] = {
      {head + "[jobs]\n", "unknown key 'jobs'"},
      {"[job]\ndb = \"x.db\"\nthreds = 2\n[[source]]\npath = \"in\"\n", "unknown key 'job.threds'"},
      {"[job]\ndb = \"x.db\"\n[[source]]\npath = \"in\"\nglob = \"*.htm\"\n",
       "unknown key 'source[0].glob'"},
      {"[job]\ndb = \"x.db\"\n[[source]]\nfetch = { tickers = \"A\" }\n",
       "unknown key 'source[0].fetch.tickers'"},
      {head + "[followups]\nsimilarity = { section = [\"1A\"] }\n",
       "unknown key 'followups.similarity.section'"},
      {head + "[followups]\nclassify = {}\n", "unknown key 'followups.classify'"},
      {head + "[followups]\npredict = { model = \"m\", device = \"cuda\" }\n",
       "unknown key 'followups.predict.device'"},
      {head + "[followups]\npredict = {}\n", "'followups.predict' needs 'model'"},
      {head + "[followups]\nsimilarity = { measures = [\"cosine\"] }\n",
       "unknown measure 'cosine'"},
      {head + "[followups]\nsimilarity = { sections = [] }\n", "must not be empty"},
      {head + "[followups]\nsimilarity = { sections = [1] }\n", "must be a string"},
      {"[job]\ndb = \"x.db\"\nthreads = \"4\"\n[[source]]\npath = \"in\"\n", "'job.threads'"},
      {"[job]\ndb = \"x.db\"\nthreads = -1\n[[source]]\npath = \"in\"\n", "'job.threads'"},
      {"[job]\ndb = 7\n[[source]]\npath = \"in\"\n", "'job.db' must be a string"},
      {"[job]\ndb = \"\"\n[[source]]\npath = \"in\"\n", "'job.db' must not be empty"},
      {"job = 3\n", "'job' must be a table"},
      {"[job]\ndb = \"x.db\"\nsource = \"in\"\n", "unknown key 'job.source'"},
      {"[job]\ndb = \"x.db\"\n[source]\npath = \"in\"\n", "array of tables"},
      {"[[source]]\npath = \"in\"\n", "'job.db' is required"},
      {"[job]\ndb = \"x.db\"\n", "at least one [[source]]"},
      {"[job]\ndb = \"x.db\"\n[[source]]\n", "exactly one of 'path' or 'fetch'"},
      {"[job]\ndb = \"x.db\"\n[[source]]\npath = \"a\"\nfetch = {}\n",
       "exactly one of 'path' or 'fetch'"},
      {"[job]\ndb = \"x.db\"\n[[source]]\nfetch = { limit = 1.5 }\n", "must be a string"},
      {"[job\n", "line 1"},
  };
  for (const Case& c : cases) {
    try {
      parse_job_file(c.toml, "/j", "/j/bad.toml");
      ADD_FAILURE() << "accepted:\n" << c.toml;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kConfig) << c.toml;
      EXPECT_EQ(e.path(), "/j/bad.toml") << c.toml;
      EXPECT_NE(e.message().find(c.message), std::string::npos)
          << c.toml << "\ngot: " << e.message() << "\nwanted: " << c.message;
    }
  }
}

TEST(JobFile, LoadResolvesAgainstTheFileNotTheWorkingDirectory) {
  testing::TempDir dir;
  write_file(dir.path() / "jobs" / "daily.toml",
             "[job]\ndb = \"../db/s.db\"\n[[source]]\npath = \"in\"\n");
  const JobFile job = load_job_file(dir.path() / "jobs" / "daily.toml");
  EXPECT_EQ(job.name, "daily");
  EXPECT_EQ(job.file, dir.path() / "jobs" / "daily.toml");
  EXPECT_EQ(job.db, dir.path() / "db" / "s.db");
  EXPECT_EQ(job.sources.at(0).path, dir.path() / "jobs" / "in");
  try {
    load_job_file(dir.path() / "missing.toml");
    ADD_FAILURE() << "a missing job file was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
  }
}

// ---- the run lock -------------------------------------------------------------------------

TEST(RunLock, SecondHolderIsRefusedWithTheHolderNamedThenLockIsReusable) {
  testing::TempDir dir;
  const fs::path db = dir.path() / "s.db";
  {
    RunLock first(db);
    EXPECT_EQ(first.path(), dir.path() / "s.db.lock");
    EXPECT_FALSE(first.stale_holder());
    try {
      RunLock second(db);
      ADD_FAILURE() << "two holders of one lock";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kDatabase);
      EXPECT_EQ(e.path(), first.path().string());
      EXPECT_NE(e.message().find(fmt::format("pid {} ", ::getpid())), std::string::npos)
          << e.message();
      EXPECT_NE(e.message().find("since 20"), std::string::npos) << e.message();
    }
  }
  RunLock again(db);  // released cleanly: not stale
  EXPECT_FALSE(again.stale_holder());
}

TEST(RunLock, LockOfAKilledProcessIsBroken) {
  testing::TempDir dir;
  const fs::path db = dir.path() / "s.db";
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    RunLock held(db);
    ::kill(::getpid(), SIGKILL);  // dies holding the lock, without the destructor
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGKILL);
  RunLock lock(db);
  ASSERT_TRUE(lock.stale_holder());
  EXPECT_EQ(lock.stale_holder()->rfind(fmt::format("pid {} ", child), 0), 0u)
      << *lock.stale_holder();
}

TEST(RunLock, UnwritableFolderIsAnIoError) {
  try {
    RunLock lock("/nonexistent-folder/s.db");
    ADD_FAILURE() << "locked a database in a missing folder";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_EQ(e.path(), "/nonexistent-folder/s.db.lock");
  }
}

// ---- job runs -----------------------------------------------------------------------------

const std::string kRisks =
    "Competition may reduce our margins and our market share could decline. Our suppliers may "
    "fail to deliver components on time, and litigation could be costly. ";

class JobRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.progress = pipeline::ProgressMode::kOff;
    write_job(
        "[followups]\nsimilarity = { sections = [\"\", \"1A\"], measures = [\"cosine_tf\", "
        "\"jaccard\"] }\n");
  }
  void write_job(const std::string& extra) {
    write_file(dir_.path() / "nightly.toml",
               "[job]\ndb = \"out/s.db\"\nthreads = 1\n[[source]]\npath = \"in\"\n" + extra);
  }
  void add(const std::string& name, const std::string& text) {
    write_file(dir_.path() / "in" / name, text);
  }
  JobSummary run() { return run_job(load_job_file(dir_.path() / "nightly.toml"), options_); }
  fs::path db() const { return dir_.path() / "out" / "s.db"; }

  testing::TempDir dir_;
  RunJobOptions options_;
};

TEST_F(JobRunTest, SecondRunProcessesOnlyTheFilingAddedInBetween) {
  add("ACME_10k_2020.txt", ten_k("We make anvils for customers worldwide.", kRisks));
  add("ACME_10k_2021.txt", ten_k("We make anvils for customers worldwide.", kRisks));
  add("ZETA_10k_2021.txt", ten_k("We sell anvils to coyotes.", kRisks + "Weather hurts."));
  const JobSummary first = run();
  EXPECT_EQ(first.status, "ok");
  EXPECT_EQ(first.counts.processed, 3u);
  EXPECT_EQ(first.counts.skipped, 0u);
  EXPECT_EQ(first.failed(), 0u);
  EXPECT_EQ(first.companies, (std::vector<std::string>{"ACME", "ZETA"}));
  // ACME 2021 vs 2020: 2 sections x 2 measures; ZETA has no previous filing.
  EXPECT_EQ(first.similarity_rows, 4u);

  add("ACME_10k_2022.txt", ten_k("We make anvils and rockets.", "A cyberattack could hurt us."));
  const JobSummary second = run();
  EXPECT_EQ(second.status, "ok");
  EXPECT_EQ(second.counts.total, 4u);
  EXPECT_EQ(second.counts.processed, 1u);
  EXPECT_EQ(second.counts.skipped, 3u);
  EXPECT_EQ(second.companies, std::vector<std::string>{"ACME"});
  EXPECT_EQ(second.similarity_rows, 8u);  // ACME's two pairs, the new one computed
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM documents WHERE run_id = " +
                             std::to_string(second.process_run_id)),
            1);
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM similarity"), 8);

  const JobSummary third = run();  // nothing new
  EXPECT_EQ(third.counts.processed, 0u);
  EXPECT_EQ(third.counts.skipped, 4u);
  EXPECT_TRUE(third.companies.empty());
  EXPECT_EQ(third.similarity_rows, 0u);

  EXPECT_EQ(scalar(db(),
                   "SELECT count(*) FROM runs WHERE command = 'job:nightly' AND status = "
                   "'ok'"),
            3);
  EXPECT_EQ(scalar(db(), "SELECT docs_processed FROM runs WHERE id = " +
                             std::to_string(second.job_run_id)),
            1);
  const std::string config =
      text(db(), "SELECT config FROM runs WHERE id = " + std::to_string(second.job_run_id));
  EXPECT_NE(config.find(fmt::format("\"process_run_id\":{}", second.process_run_id)),
            std::string::npos)
      << config;
  EXPECT_NE(config.find("\"companies\":[\"ACME\"]"), std::string::npos) << config;
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM documents"), 4);
}

// A job whose db is a PostgreSQL URL runs, follows up and skips on the next run like one on a
// file, and makes no folder named after the URL (it took the URL's "parent" for a folder).
TEST_F(JobRunTest, RunsIntoAPostgresDatabase) {
  SECNLP_REQUIRE_BACKEND("postgresql");
  testing::ScratchDatabase pg("postgresql");
  write_file(dir_.path() / "nightly.toml",
             "[job]\ndb = \"" + pg.location() +
                 "\"\nthreads = 1\n[[source]]\npath = \"in\"\n[followups]\nsimilarity = {}\n");
  add("ACME_10k_2020.txt", ten_k("We make anvils for customers worldwide.", kRisks));
  add("ACME_10k_2021.txt", ten_k("We make anvils and rockets.", kRisks));
  const JobSummary first = run();
  EXPECT_EQ(first.status, "ok");
  EXPECT_EQ(first.counts.processed, 2u);
  EXPECT_GT(first.similarity_rows, 0u);
  EXPECT_FALSE(fs::exists(fs::current_path() / "postgresql:"));
  EXPECT_FALSE(fs::exists(dir_.path() / "postgresql:"));
  const JobSummary second = run();
  EXPECT_EQ(second.counts.processed, 0u);
  EXPECT_EQ(second.counts.skipped, 2u);
}

TEST_F(JobRunTest, ConcurrentRunIsRefusedWhileTheLockIsHeld) {
  add("ACME_10k_2020.txt", ten_k("We make anvils.", kRisks));
  fs::create_directories(db().parent_path());
  {
    RunLock other(db());
    try {
      run();
      ADD_FAILURE() << "a second run started while the lock was held";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kDatabase);
      EXPECT_NE(e.message().find("locked by another run"), std::string::npos) << e.message();
      EXPECT_NE(e.message().find(fmt::format("pid {} ", ::getpid())), std::string::npos);
    }
    EXPECT_FALSE(fs::exists(db())) << "the refused run touched the database";
  }
  const JobSummary after = run();
  EXPECT_EQ(after.counts.processed, 1u);
  EXPECT_FALSE(after.broke_stale_lock);
}

TEST_F(JobRunTest, FailedDocumentsMakeThePartialStatus) {
  add("ACME_10k_2020.txt", ten_k("We make anvils.", kRisks));
  add("empty.txt", "");
  const JobSummary s = run();
  EXPECT_EQ(s.status, "partial");
  EXPECT_EQ(s.counts.failed, 1u);
  EXPECT_EQ(s.failed(), 1u);
  EXPECT_EQ(scalar(db(),
                   "SELECT count(*) FROM runs WHERE command = 'job:nightly' AND status = "
                   "'partial' AND docs_failed = 1"),
            1);
}

TEST_F(JobRunTest, RunStoppedByAnErrorIsRecordedAsFailedAndReleasesTheLock) {
  add("ACME_10k_2020.txt", ten_k("We make anvils.", kRisks));
  write_file(dir_.path() / "nightly.toml",
             "[job]\ndb = \"out/s.db\"\npipeline = \"missing.toml\"\n[[source]]\npath = \"in\"\n");
  try {
    run();
    ADD_FAILURE() << "ran with a missing pipeline file";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_EQ(e.path(), (dir_.path() / "missing.toml").string());
  }
  EXPECT_EQ(scalar(db(),
                   "SELECT count(*) FROM runs WHERE command = 'job:nightly' AND status = "
                   "'failed'"),
            1);
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM errors WHERE code = 'io'"), 1);
  RunLock lock(db());
  EXPECT_FALSE(lock.stale_holder());
}

TEST_F(JobRunTest, EmptySourcesAreAnOkRunWithNothingToDo) {
  fs::create_directories(dir_.path() / "in");
  const JobSummary s = run();
  EXPECT_EQ(s.status, "ok");
  EXPECT_EQ(s.process_run_id, 0);
  EXPECT_EQ(s.counts.total, 0u);
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM runs"), 1);
}

TEST_F(JobRunTest, UnsupportedJobsAreRefusedBeforeAnythingIsTouched) {
  add("ACME_10k_2020.txt", ten_k("We make anvils.", kRisks));
  const std::string cases[] = {
      "[followups]\npredict = { model = \"models/risk\" }\n",
      "[[source]]\nfetch = { ticker = \"ACME\", out = \"edgar\" }\n",
  };
  for (const std::string& extra : cases) {
    write_job(extra);
    try {
      run();
      ADD_FAILURE() << "ran an unsupported job:\n" << extra;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kUnsupported) << extra;
      EXPECT_EQ(e.path(), (dir_.path() / "nightly.toml").string());
    }
    EXPECT_FALSE(fs::exists(db())) << extra;
    EXPECT_FALSE(fs::exists(lock_path_for(db()))) << extra;
  }
}

TEST_F(JobRunTest, FetchSourcesGoThroughTheHookAndItsFailuresAreRecorded) {
  write_job(
      "[[source]]\nfetch = { ticker = \"ACME\", out = \"edgar\" }\n"
      "[[source]]\nfetch = { ticker = \"FAIL\" }\n");
  fs::create_directories(dir_.path() / "in");
  options_.fetch = [&](const FetchSource& fetch) -> std::vector<fs::path> {
    if (fetch.fields.at("ticker").at(0) == "FAIL")
      throw Error(ErrorCode::kIo, "HTTP 403 from EDGAR", "https://www.sec.gov/");
    write_file(*fetch.out_dir / "ACME_10k_2020.txt", ten_k("We make anvils.", kRisks));
    return {*fetch.out_dir};
  };
  const JobSummary s = run();
  EXPECT_EQ(s.counts.processed, 1u);
  ASSERT_EQ(s.job_failures.size(), 1u);
  EXPECT_EQ(s.job_failures[0].what, "fetch[2]");
  EXPECT_EQ(s.job_failures[0].code, "io");
  EXPECT_EQ(s.status, "partial");
  EXPECT_EQ(s.failed(), 1u);
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM errors WHERE path = 'fetch[2]' AND run_id = " +
                             std::to_string(s.job_run_id)),
            1);
}

TEST_F(JobRunTest, PredictFollowupScoresOnlyThisRunsFilings) {
  add("ACME_10k_2020.txt", ten_k("We make anvils.", kRisks));
  write_job("[followups]\npredict = { model = \"models/risk\", sections = [\"1A\", \"7\"] }\n");
  std::vector<std::pair<std::string, std::size_t>> calls;
  options_.predict = [&](const PredictFollowup& p, const std::vector<std::int64_t>& ids,
                         const std::string& section) -> std::size_t {
    EXPECT_EQ(p.model.filename(), "risk");
    calls.emplace_back(section, ids.size());
    if (section == "7") throw Error(ErrorCode::kResource, "model damaged", "models/risk");
    return ids.size();
  };
  JobSummary s = run();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0], (std::pair<std::string, std::size_t>{"1A", 1}));
  EXPECT_EQ(s.predicted_sections, 1u);
  ASSERT_EQ(s.job_failures.size(), 1u);
  EXPECT_EQ(s.job_failures[0].what, "followups.predict:7");
  // A second run with nothing new scores nothing.
  add("ZETA_10k_2021.txt", ten_k("We sell anvils.", kRisks));
  calls.clear();
  s = run();
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[0].second, 1u);  // only ZETA's filing
}

// Run by CrashMidRunIsCompletedWithoutDuplicates in a child process; skipped otherwise.
TEST(JobCrashHelper, RunsTheJobNamedByTheEnvironment) {
  const char* job = std::getenv(kCrashJobVariable);
  if (job == nullptr) GTEST_SKIP() << "helper of CrashMidRunIsCompletedWithoutDuplicates";
  RunJobOptions options;
  options.progress = pipeline::ProgressMode::kOff;
  run_job(load_job_file(job), options);
}

std::int64_t stored_documents(const fs::path& db) {
  try {
    if (!fs::exists(db)) return 0;
    return scalar(db, "SELECT count(*) FROM documents WHERE status = 'ok'");
  } catch (const Error&) {
    return 0;  // created but not migrated yet, or busy
  }
}

TEST_F(JobRunTest, CrashMidRunIsCompletedWithoutDuplicates) {
  constexpr int kFilings = 120;
  std::string body;
  for (int i = 0; i < 150; ++i)
    body += kRisks;
  for (int i = 0; i < kFilings; ++i)
    add(fmt::format("C{:03}_10k_2020.txt", i), ten_k(fmt::format("Company {} sells.", i), body));

  // A child runs the job and is SIGKILLed as soon as it has committed a document.
  const std::string variable =
      fmt::format("{}={}", kCrashJobVariable, (dir_.path() / "nightly.toml").string());
  std::vector<char*> env;
  for (char** e = environ; *e != nullptr; ++e)
    env.push_back(*e);
  env.push_back(const_cast<char*>(variable.c_str()));
  env.push_back(nullptr);
  std::string exe = fs::read_symlink("/proc/self/exe").string();
  std::string filter = "--gtest_filter=JobCrashHelper.*";
  char* argv[] = {exe.data(), filter.data(), nullptr};
  pid_t child = 0;
  ASSERT_EQ(::posix_spawn(&child, exe.c_str(), nullptr, nullptr, argv, env.data()), 0);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  int status = 0;
  bool exited = false;
  while (std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(child, &status, WNOHANG) == child) {
      exited = true;
      break;
    }
    if (stored_documents(db()) >= 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  if (!exited) {
    ::kill(child, SIGKILL);
    ASSERT_EQ(::waitpid(child, &status, 0), child);
  }
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child ended before it could be killed";
  const std::int64_t before = stored_documents(db());
  ASSERT_GE(before, 1);
  ASSERT_LT(before, kFilings) << "the child finished before the kill";
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM runs WHERE status = 'running'"), 2)
      << "the killed job and its process run";

  const JobSummary s = run();
  ASSERT_TRUE(s.broke_stale_lock);
  EXPECT_EQ(s.status, "ok");
  EXPECT_EQ(s.counts.processed + s.counts.skipped, static_cast<std::uint64_t>(kFilings));
  EXPECT_EQ(s.counts.skipped, static_cast<std::uint64_t>(before));
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM runs WHERE status = 'running'"), 0);
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM runs WHERE status = 'interrupted'"), 2);

  // Nothing duplicated: the same rows as one uninterrupted run over the same filings.
  testing::TempDir clean;
  write_file(clean.path() / "job.toml",
             fmt::format("[job]\ndb = \"c.db\"\nthreads = 1\n[[source]]\n"
                         "path = \"{}\"\n",
                         (dir_.path() / "in").string()));
  run_job(load_job_file(clean.path() / "job.toml"), options_);
  for (const char* table :
       {"documents", "term_vectors", "metrics", "sections", "document_text", "vocabulary"}) {
    const std::string sql = fmt::format("SELECT count(*) FROM {}", table);
    EXPECT_EQ(scalar(db(), sql), scalar(clean.path() / "c.db", sql)) << table;
  }
  EXPECT_EQ(scalar(db(), "SELECT count(*) FROM documents"), kFilings);
  EXPECT_EQ(scalar(db(),
                   "SELECT count(*) FROM (SELECT doc_id, scope FROM term_vectors GROUP BY "
                   "doc_id, scope HAVING count(*) > 1)"),
            0);
}

}  // namespace
}  // namespace secnlp::jobs
