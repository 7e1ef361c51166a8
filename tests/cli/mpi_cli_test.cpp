// `mpirun -n 2 secnlp process` and `secnlp process --shard K/N` (issue 21), as a user runs them.
// The MPI tests skip, saying why, when mpirun or libsecnlp_mpi.so (not built without MPI or in
// sanitized builds) is absent.
#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fcntl.h>
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>
#include <thread>

#include <gtest/gtest.h>

#include "pipeline/jobs/run_lock.h"
#include "pipeline/store/database.h"
#include "tests/cli/cli_run.h"
#include "tests/pipeline/store_dump.h"
#include "tests/support/scratch_database.h"
#include "tests/support/test_data.h"

namespace secnlp {
namespace {

namespace fs = std::filesystem;

using testing::run_cli;
using testing::write_file;

const std::string kMpirun = "mpirun -n 2 --oversubscribe --allow-run-as-root";

// Why the MPI tests cannot run here, or "".
std::string mpi_missing() {
  if (std::system("command -v mpirun >/dev/null 2>&1") != 0)
    return "mpirun not found (Debian: openmpi-bin)";
  const fs::path module = fs::path(SECNLP_BINARY).parent_path() / "libsecnlp_mpi.so";
  if (!fs::exists(module))
    return module.string() + " not built (CMake found no MPI, or a sanitized build)";
  // mpirun itself must work here (a container without shared memory or a hostname can break
  // it): that is the machine's problem, not secnlp's.
  static const std::string launch = [] {
    const std::string command = kMpirun + " true >/dev/null 2>&1";
    return std::system(command.c_str()) == 0 ? std::string()
                                             : "`" + kMpirun + " true` fails on this machine";
  }();
  return launch;
}

std::string filing(int i) {
  std::string s = "<html><body><p><b>Item 1A. Risk Factors</b></p>";
  for (int p = 0; p < 10 + (i * 37) % 80; ++p)
    s += "<p>Paragraph " + std::to_string(p) + " of filing " + std::to_string(i) +
         ": revenue term" + std::to_string(i % 13) + " grew while risk" + std::to_string(p % 17) +
         " remained uncertain and litigation continued.</p>";
  return s + "</body></html>";
}

std::int64_t scalar(const fs::path& db, const std::string& sql) {
  store::Connection conn(db.string(), /*read_only=*/true);
  store::Statement st = conn.prepare(sql);
  return st.step() ? st.column_int(0) : -1;
}

// The pid of rank `rank` of the mpirun started with SECNLP_TEST_MARK=`mark`, or -1.
pid_t rank_pid(const std::string& mark, int rank) {
  DIR* proc = opendir("/proc");
  if (proc == nullptr) return -1;
  pid_t found = -1;
  while (dirent* e = readdir(proc)) {
    const std::string name = e->d_name;
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream in(fs::path("/proc") / name / "environ", std::ios::binary);
    if (!in) continue;  // gone, or another user's process
    const std::string env((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto has = [&](const std::string& entry) {
      return env.find(std::string(1, '\0') + entry + '\0') != std::string::npos ||
             env.rfind(entry + '\0', 0) == 0;
    };
    if (has("SECNLP_TEST_MARK=" + mark) && has("OMPI_COMM_WORLD_RANK=" + std::to_string(rank))) {
      found = static_cast<pid_t>(std::stol(name));
      break;
    }
  }
  closedir(proc);
  return found;
}

class MpiCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 40; ++i)
      write_file(dir_.path() / "in" / ("f" + std::to_string(i) + ".htm"), filing(i));
    write_file(dir_.path() / "in" / "empty.htm", "");  // one failure, recorded by its rank
  }
  std::string inputs() const {
    return (dir_.path() / "in").string() + " " + std::string(SECNLP_SOURCE_DIR) + "/samples";
  }
  testing::CliResult mpi(const std::string& args, const std::string& env = "") {
    return run_cli_with_prefix(kMpirun, args, env);
  }
  testing::CliResult run_cli_with_prefix(const std::string& prefix, const std::string& args,
                                         const std::string& env) {
    const fs::path out = dir_.path() / "mpi-stdout.txt";
    const fs::path err = dir_.path() / "mpi-stderr.txt";
    const std::string command = (env.empty() ? "" : env + " ") + prefix + " " +
                                std::string(SECNLP_BINARY) + " " + args + " >" + out.string() +
                                " 2>" + err.string() + " </dev/null";
    const int status = std::system(command.c_str());
    testing::CliResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = testing::read_file(out);
    r.err = testing::read_file(err);
    return r;
  }
  // SIGKILL rank 0 of `mpirun -n 2 secnlp process` into `killed_db` as soon as a document is
  // stored; the rerun must leave what one uninterrupted run leaves.
  void kill_rank_then_rerun(const fs::path& killed_db) {
    constexpr int kDocs = 400;
    for (int i = 0; i < kDocs; ++i)
      write_file(dir_.path() / "many" / ("m" + std::to_string(i) + ".htm"),
                 filing(i) + filing(i + 1) + filing(i + 2));
    const std::string many = (dir_.path() / "many").string();
    const fs::path killed = killed_db;
    const std::string mark = dir_.path().filename().string();
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      // Its output to a file: an mpirun left behind must not hold the test's stdout open.
      const int log = open((dir_.path() / "killed-run.txt").c_str(), O_WRONLY | O_CREAT, 0644);
      dup2(log, 1);
      dup2(log, 2);
      setenv("SECNLP_TEST_MARK", mark.c_str(), 1);
      const std::string dbpath = killed.string();
      execlp("mpirun", "mpirun", "-n", "2", "--oversubscribe", "--allow-run-as-root", "-x",
             "SECNLP_TEST_MARK", SECNLP_BINARY, "process", many.c_str(), "--db", dbpath.c_str(),
             "--threads", "1", "--progress", "off", static_cast<char*>(nullptr));
      _exit(127);
    }
    // Whatever happens below, no mpirun outlives the test.
    struct Reaper {
      pid_t pid;
      bool done = false;
      ~Reaper() {
        if (done) return;
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
      }
    } reaper{child};
    // Find rank 0 first (a /proc scan is slow), then kill it as soon as a document is stored.
    pid_t victim = -1;
    for (int attempt = 0; attempt < 3000 && victim < 0; ++attempt) {
      victim = rank_pid(mark, 0);
      if (victim < 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    std::int64_t stored = 0;
    for (int attempt = 0; attempt < 30000 && stored < 1; ++attempt) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      try {
        stored = scalar(killed, "SELECT count(*) FROM documents");
      } catch (...) {
      }
    }
    ASSERT_GT(victim, 0) << "rank 0 not found";
    ASSERT_EQ(kill(victim, SIGKILL), 0);
    int status = 0;
    waitpid(child, &status, 0);
    reaper.done = true;
    EXPECT_FALSE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "mpirun ended well";
    const std::int64_t after_kill = scalar(killed, "SELECT count(*) FROM documents");
    EXPECT_GT(after_kill, 0);
    EXPECT_LT(after_kill, kDocs) << "the run ended before the kill; the test proves nothing";

    const auto rerun =
        mpi("process " + many + " --db '" + killed.string() + "' --threads 1 --progress off");
    ASSERT_EQ(rerun.exit_code, 0) << rerun.err;
    EXPECT_EQ(scalar(killed, "SELECT count(*) FROM runs WHERE status = 'killed'"), 1);
    const fs::path whole = dir_.path() / "whole.db";
    ASSERT_EQ(
        run_cli("process " + many + " --db " + whole.string() + " --progress off", dir_.path())
            .exit_code,
        0);
    EXPECT_EQ(testing::diff_dumps(testing::dump_store(whole), testing::dump_store(killed)), "");
  }
  testing::TempDir dir_;
};

// Two ranks store exactly what one process stores (ids mapped to natural keys), in one runs row
// with a run_ranks row per rank; rank 0 prints the one summary and the failure of either rank.
TEST_F(MpiCliTest, TwoRanksStoreWhatOneProcessStores) {
  if (const std::string why = mpi_missing(); !why.empty()) GTEST_SKIP() << why;
  const fs::path single = dir_.path() / "single.db";
  const fs::path spread = dir_.path() / "mpi.db";
  const auto one = run_cli("process " + inputs() + " --db " + single.string() +
                               " --threads 1 --progress off --format csv",
                           dir_.path());
  ASSERT_EQ(one.exit_code, 1) << one.err;  // the empty file
  const auto two = mpi("process " + inputs() + " --db " + spread.string() +
                       " --threads 1 --progress off --format csv");
  ASSERT_EQ(two.exit_code, 1) << two.out << two.err;
  EXPECT_NE(two.out.find("MPI ranks,2"), std::string::npos) << two.out;
  EXPECT_NE(two.out.find("documents,45"), std::string::npos) << two.out;
  EXPECT_NE(two.out.find("empty.htm"), std::string::npos) << two.out;
  EXPECT_EQ(two.out.find("item,value"), two.out.rfind("item,value")) << "two summaries\n"
                                                                     << two.out;
  EXPECT_EQ(testing::diff_dumps(testing::dump_store(single), testing::dump_store(spread)), "");
  EXPECT_EQ(scalar(spread, "SELECT count(*) FROM runs"), 1);
  EXPECT_EQ(scalar(spread, "SELECT docs_total FROM runs"), 45);
  EXPECT_EQ(scalar(spread, "SELECT count(*) FROM run_ranks WHERE run_id = 1"), 2);
  EXPECT_EQ(scalar(spread, "SELECT sum(total) FROM run_ranks"), 45);
  EXPECT_EQ(scalar(spread, "SELECT sum(failed) FROM run_ranks"), 1);
  EXPECT_EQ(scalar(spread, "SELECT sum(bytes) FROM run_ranks"),
            scalar(spread, "SELECT bytes FROM runs"));
  const auto runs = run_cli("runs --ranks --db " + spread.string() + " --format csv", dir_.path());
  ASSERT_EQ(runs.exit_code, 0) << runs.err;
  EXPECT_EQ(runs.out.rfind("run,rank,host,documents,processed,skipped,failed,linked,MB\n", 0), 0u)
      << runs.out;
  EXPECT_NE(runs.out.find("\n1,0,"), std::string::npos) << runs.out;
  EXPECT_NE(runs.out.find("\n1,1,"), std::string::npos) << runs.out;

  // Rerun: everything is stored; nothing is processed again.
  const auto again = mpi("process " + inputs() + " --db " + spread.string() +
                         " --threads 1 --progress off --format csv");
  EXPECT_NE(again.out.find("processed,0"), std::string::npos) << again.out << again.err;
  EXPECT_NE(again.out.find("skipped (unchanged),44"), std::string::npos) << again.out;
}

// SIGKILL one rank mid-run: mpirun ends the job; the rerun marks the dead run, skips what is
// stored and does the rest, and the database equals one uninterrupted run. The rank killed is
// rank 0, the one that hands out the work, so the run surely stops early: a killed rank 1 only
// loses what it had in flight, and rank 0 may finish the rest before mpirun ends it.
TEST_F(MpiCliTest, KilledRankThenRerunEqualsAnUninterruptedRun) {
  if (const std::string why = mpi_missing(); !why.empty()) GTEST_SKIP() << why;
  kill_rank_then_rerun(dir_.path() / "killed.db");
}

// The same on PostgreSQL, where the ranks write concurrently (issue 21).
TEST_F(MpiCliTest, KilledRankThenRerunEqualsAnUninterruptedRunOnPostgres) {
  if (const std::string why = mpi_missing(); !why.empty()) GTEST_SKIP() << why;
  SECNLP_REQUIRE_BACKEND("postgresql");
  testing::ScratchDatabase pg("postgresql");
  kill_rank_then_rerun(pg.path());
}

// Launched by mpirun without the module: a clear error naming the file, not a crash.
TEST_F(MpiCliTest, WithoutTheModuleMpirunSaysWhatIsMissing) {
  if (std::system("command -v mpirun >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "mpirun not found (Debian: openmpi-bin)";
  const std::string missing = (dir_.path() / "none" / "libsecnlp_mpi.so").string();
  const auto r = run_cli_with_prefix(
      kMpirun + " -x SECNLP_MPI_LIB=" + missing,
      "process " + inputs() + " --db " + (dir_.path() / "x.db").string() + " --progress off", "");
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find(missing), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_.path() / "x.db"));
}

std::string ten_k(const std::string& company, int year) {
  std::string risks;
  for (int i = 0; i < 6 + year % 4; ++i)
    risks += "Competition in " + company + " market " + std::to_string(i) +
             " may reduce margins; suppliers may fail in " + std::to_string(year - i) + ". ";
  return "FORM 10-K\n\nITEM 1.  BUSINESS\n\n" + company + " makes things in " +
         std::to_string(year) + ".\n\nITEM 1A.  RISK FACTORS\n\n" + risks +
         "\n\nITEM 7.  MANAGEMENT'S DISCUSSION AND ANALYSIS\n\nRevenue grew.\n";
}

// Lines of `text` but the first (the CSV header), sorted.
std::vector<std::string> body_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t p = text.find('\n');
  while (p != std::string::npos && p + 1 < text.size()) {
    const std::size_t nl = text.find('\n', p + 1);
    out.push_back(text.substr(p + 1, (nl == std::string::npos ? text.size() : nl) - p - 1));
    p = nl;
  }
  std::sort(out.begin(), out.end());
  return out;
}

// similarity --all split by --shard (one after another) or over MPI ranks gives the series and
// the cached scores of one full run.
TEST_F(MpiCliTest, SimilarityAllSplitByShardsOrRanksEqualsOneRun) {
  const fs::path filings = dir_.path() / "filings";
  for (const char* company : {"ACME", "BETA", "CORE", "DYNA", "ECHO"})
    for (int year = 2019; year <= 2022; ++year)
      write_file(filings / (std::string(company) + "_10k_" + std::to_string(year) + ".txt"),
                 ten_k(company, year));
  auto processed = [&](const std::string& name) {
    const fs::path db = dir_.path() / name;
    const auto r = run_cli(
        "process " + filings.string() + " --db " + db.string() + " --threads 1 --progress off",
        dir_.path());
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return db;
  };
  const fs::path full_db = processed("full.db");
  const auto full =
      run_cli("similarity --all --db " + full_db.string() + " --format csv", dir_.path());
  ASSERT_EQ(full.exit_code, 0) << full.err;
  const std::vector<std::string> all_rows = body_lines(full.out);
  ASSERT_GE(all_rows.size(), 15u * 5) << full.out;  // 5 companies x 3 pairs x the measures
  const auto expected = testing::dump_store(full_db);
  ASSERT_FALSE(expected.at("similarity").empty());

  const fs::path shard_db = processed("shards.db");
  std::vector<std::string> union_rows;
  for (const char* shard : {"1/2", "2/2"}) {
    const auto r = run_cli("similarity --all --shard " + std::string(shard) + " --db " +
                               shard_db.string() + " --format csv",
                           dir_.path());
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = body_lines(r.out);
    EXPECT_FALSE(rows.empty()) << shard;
    EXPECT_LT(rows.size(), all_rows.size()) << shard;
    union_rows.insert(union_rows.end(), rows.begin(), rows.end());
  }
  std::sort(union_rows.begin(), union_rows.end());
  EXPECT_EQ(union_rows, all_rows);
  EXPECT_EQ(testing::diff_dumps(expected, testing::dump_store(shard_db)), "");
  const auto no_all =
      run_cli("similarity --shard 1/2 --cik 1 --db " + shard_db.string(), dir_.path());
  EXPECT_EQ(no_all.exit_code, 2) << no_all.err;

  if (const std::string why = mpi_missing(); !why.empty()) GTEST_SKIP() << why;
  const fs::path mpi_db = processed("mpi.db");
  const auto spread = mpi("similarity --all --db " + mpi_db.string() + " --format csv");
  ASSERT_EQ(spread.exit_code, 0) << spread.err;
  EXPECT_EQ(spread.out, full.out);
  EXPECT_EQ(testing::diff_dumps(expected, testing::dump_store(mpi_db)), "");
}

// `secnlp run JOB.toml` under mpirun: the job's processing over both ranks, its follow-ups on
// rank 0; the database equals a one-process run of the same job.
TEST_F(MpiCliTest, JobUnderMpirunEqualsOneProcessJob) {
  if (const std::string why = mpi_missing(); !why.empty()) GTEST_SKIP() << why;
  for (const char* company : {"ACME", "BETA"})
    for (int year = 2019; year <= 2021; ++year)
      write_file(
          dir_.path() / "in" / (std::string(company) + "_10k_" + std::to_string(year) + ".txt"),
          ten_k(company, year));
  auto job = [&](const std::string& name) {
    const fs::path file = dir_.path() / (name + ".toml");
    write_file(file, "[job]\nname = \"" + name + "\"\ndb = \"" + name +
                         ".db\"\nthreads = 1\n[[source]]\npath = \"in\"\n[followups]\n"
                         "similarity = {}\n");
    return file.string();
  };
  const auto one = run_cli("run " + job("one") + " --progress off --format csv", dir_.path());
  ASSERT_EQ(one.exit_code, 1) << one.err;  // the empty file
  const auto two = mpi("run " + job("two") + " --progress off --format csv");
  ASSERT_EQ(two.exit_code, 1) << two.out << two.err;
  EXPECT_EQ(two.out.find("item,value"), two.out.rfind("item,value")) << two.out;
  EXPECT_NE(two.out.find("companies with new filings,2"), std::string::npos) << two.out;
  // The follow-ups of both companies, wherever computed, add up to the one-process count.
  const auto rows_line = [](const std::string& out) {
    const auto at = out.find("similarity rows,");
    return at == std::string::npos ? std::string("none") : out.substr(at, out.find('\n', at) - at);
  };
  EXPECT_EQ(rows_line(two.out), rows_line(one.out));
  EXPECT_NE(rows_line(one.out), "similarity rows,0");
  const fs::path two_db = dir_.path() / "two.db";
  EXPECT_EQ(
      testing::diff_dumps(testing::dump_store(dir_.path() / "one.db"), testing::dump_store(two_db)),
      "");
  EXPECT_EQ(scalar(two_db, "SELECT count(*) FROM runs"), 2);  // the job and its processing
  EXPECT_EQ(scalar(two_db, "SELECT count(*) FROM run_ranks"), 2);

  // A job whose sources hold nothing: rank 0 releases the other rank; no hang.
  write_file(dir_.path() / "nothing.toml",
             "[job]\nname = \"nothing\"\ndb = \"nothing.db\"\n[[source]]\npath = \"empty\"\n");
  fs::create_directories(dir_.path() / "empty");
  const auto idle = run_cli_with_prefix("timeout 120 " + kMpirun,
                                        "run " + (dir_.path() / "nothing.toml").string(), "");
  EXPECT_EQ(idle.exit_code, 0) << idle.err;
}

// Rank 0 refused by the run lock: the job ends with the lock's exit code and message, and the
// other rank does not wait forever.
TEST_F(MpiCliTest, LockedDatabaseStopsEveryRank) {
  if (const std::string why = mpi_missing(); !why.empty()) GTEST_SKIP() << why;
  const fs::path db = dir_.path() / "locked.db";
  const jobs::RunLock held(db);
  const auto r = run_cli_with_prefix("timeout 120 " + kMpirun,
                                     "process " + inputs() + " --db " + db.string(), "");
  EXPECT_EQ(r.exit_code, 4) << r.err;
  EXPECT_NE(r.err.find("locked by another run"), std::string::npos) << r.err;
}

// mpirun -n 2 into PostgreSQL stores exactly what one process stores into SQLite: every table,
// ids mapped to natural keys (inside the term vectors too), runs and times left out (issue 21).
TEST_F(MpiCliTest, TwoRanksIntoPostgresStoreWhatOneProcessStoresIntoSqlite) {
  if (const std::string why = mpi_missing(); !why.empty()) GTEST_SKIP() << why;
  SECNLP_REQUIRE_BACKEND("postgresql");
  testing::ScratchDatabase pg("postgresql");
  const fs::path single = dir_.path() / "single.db";
  const auto one = run_cli("process " + inputs() + " --db " + single.string() +
                               " --threads 1 --progress off --format csv",
                           dir_.path());
  ASSERT_EQ(one.exit_code, 1) << one.err;  // the empty file
  const auto two = mpi("process " + inputs() + " --db '" + pg.location() +
                       "' --threads 2 --progress off --format csv");
  ASSERT_EQ(two.exit_code, 1) << two.out << two.err;
  EXPECT_NE(two.out.find("MPI ranks,2"), std::string::npos) << two.out;
  EXPECT_EQ(testing::diff_dumps(testing::dump_store(single), testing::dump_store(pg.path())), "");
  EXPECT_EQ(scalar(pg.path(), "SELECT count(*) FROM runs"), 1);
  EXPECT_EQ(scalar(pg.path(), "SELECT count(*) FROM run_ranks"), 2);
  const auto ranks = run_cli("runs --ranks --format csv --db '" + pg.location() + "'", dir_.path());
  ASSERT_EQ(ranks.exit_code, 0) << ranks.err;
  EXPECT_NE(ranks.out.find("\n1,0,"), std::string::npos) << ranks.out;
  EXPECT_NE(ranks.out.find("\n1,1,"), std::string::npos) << ranks.out;
  // The queries read the same numbers from both engines.
  for (const std::string query : {"metrics", "sections", "terms --top 30", "similarity --all",
                                  "similar --to f7.htm --as-of 2030-01-01 --top 5"}) {
    const auto a = run_cli(query + " --format csv --db " + single.string(), dir_.path());
    const auto b = run_cli(query + " --format csv --db '" + pg.location() + "'", dir_.path(),
                           "XDG_CACHE_HOME=" + (dir_.path() / "cache").string());
    EXPECT_EQ(a.exit_code, b.exit_code) << query << b.err;
    EXPECT_EQ(a.out, b.out) << query;
  }
  // The index of `similar` went to the cache folder, not to a file named like the URL.
  EXPECT_FALSE(fs::exists(dir_.path() / "postgresql:"));
  EXPECT_TRUE(fs::exists(dir_.path() / "cache" / "secnlp"));
}

// Two jobs on one PostgreSQL database: the second is refused while the first holds the lock,
// whether it runs alone or under mpirun, and the refusal names the holder.
TEST_F(MpiCliTest, SecondJobOnAPostgresDatabaseIsRefused) {
  SECNLP_REQUIRE_BACKEND("postgresql");
  testing::ScratchDatabase pg("postgresql");
  ASSERT_EQ(
      run_cli("process " + inputs() + " --db '" + pg.location() + "' --progress off", dir_.path())
          .exit_code,
      1);
  const jobs::RunLock held(pg.path());
  const auto alone =
      run_cli("process " + inputs() + " --db '" + pg.location() + "' --progress off", dir_.path());
  EXPECT_EQ(alone.exit_code, 4) << alone.err;
  EXPECT_NE(alone.err.find("locked by another run (secnlp pid"), std::string::npos) << alone.err;
  if (!mpi_missing().empty()) return;
  const auto ranks = run_cli_with_prefix(
      "timeout 120 " + kMpirun, "process " + inputs() + " --db '" + pg.location() + "'", "");
  EXPECT_EQ(ranks.exit_code, 4) << ranks.err;
  EXPECT_NE(ranks.err.find("locked by another run"), std::string::npos) << ranks.err;
}

// Bad --shard values are usage errors; a second shard on a locked SQLite database is refused
// and told that shards of one database run one after another; no MPI is loaded without mpirun.
TEST_F(MpiCliTest, ShardValuesAndTheLockOfASQLiteDatabase) {
  const std::string db = (dir_.path() / "s.db").string();
  for (const char* bad : {"0/2", "3/2", "2", "a/b", "1/0", "-1/2"}) {
    const auto r = run_cli("process " + inputs() + " --db " + db + " --shard " + bad, dir_.path());
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    EXPECT_NE(r.err.find("K/N"), std::string::npos) << bad << ": " << r.err;
  }
  EXPECT_FALSE(fs::exists(db));
  {
    const jobs::RunLock held(db);
    const auto r = run_cli("process " + inputs() + " --db " + db + " --shard 2/2", dir_.path());
    EXPECT_EQ(r.exit_code, 4) << r.err;
    EXPECT_NE(r.err.find("one after another"), std::string::npos) << r.err;
  }
  const auto r = run_cli("process " + inputs() + " --db " + db + " --shard 2/2 --format csv",
                         dir_.path(), "LD_DEBUG=libs");
  EXPECT_EQ(r.exit_code, 0) << r.err.substr(0, 3000);
  EXPECT_NE(r.out.find("shard,2/2"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("libsqlite3"), std::string::npos) << "no LD_DEBUG report";
  EXPECT_EQ(r.err.find("libmpi"), std::string::npos);
  EXPECT_EQ(r.err.find("libsecnlp_mpi"), std::string::npos);
  // More shards than files: an empty share is an empty run, not an error.
  const auto empty =
      run_cli("process " + inputs() + " --db " + db + " --shard 99/100 --format csv", dir_.path());
  EXPECT_EQ(empty.exit_code, 0) << empty.err;
  EXPECT_NE(empty.out.find("documents,0"), std::string::npos) << empty.out;
}

}  // namespace
}  // namespace secnlp
