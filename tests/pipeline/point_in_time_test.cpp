// Numbers a backtest can trust (issue 14): point-in-time scores, dates from every source, one
// document per filing, results that follow their inputs, and no silent empty answers. Runs on
// the project's own samples (samples/northwind) and on files the tests write.
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <map>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "pipeline/jobs/run_lock.h"
#include "pipeline/names.h"
#include "pipeline/pipeline.h"
#include "pipeline/runner.h"
#include "pipeline/similarity/nearest_filings.h"
#include "pipeline/similarity/similarity_series.h"
#include "pipeline/store/database.h"
#include "pipeline/store/document_store.h"
#include "pipeline/store/point_in_time.h"
#include "pipeline/store/queries.h"
#include "tests/support/scratch_database.h"
#include "tests/support/test_data.h"

namespace secnlp {
namespace {

namespace fs = std::filesystem;
using testing::TempDir;
using testing::write_file;

const char* const k1999 = "9990001_10K_1999_0009990001-00-000004.txt";
const char* const k2022 = "9990001_10K_2022_0009990001-23-000011.htm";
const char* const k2023 = "9990001_10K_2023_0009990001-24-000009.htm";
const char* const k2024 = "9990001_10K_2024_0009990001-25-000012.htm";

fs::path samples() {
  return testing::fixture_path("x").parent_path().parent_path().parent_path() / "samples" /
         "northwind";
}

// Copies sample filings (and, when `with_metadata`, their FILINGS_METADATA.csv) into `dir`.
void copy_samples(const fs::path& dir, const std::vector<std::string>& names,
                  bool with_metadata = true) {
  fs::create_directories(dir);
  for (const auto& n : names)
    fs::copy_file(samples() / n, dir / n);
  if (with_metadata)
    fs::copy_file(samples() / "FILINGS_METADATA.csv", dir / "FILINGS_METADATA.csv");
}

pipeline::ProcessSummary process(const std::vector<fs::path>& inputs, const fs::path& db,
                                 int threads = 1, std::optional<fs::path> lexicon = std::nullopt) {
  pipeline::ProcessOptions o;
  o.inputs = inputs;
  o.db = db;
  o.threads = threads;
  o.progress = pipeline::ProgressMode::kOff;
  o.resources.lexicon = std::move(lexicon);
  return pipeline::process_documents(o);
}

std::int64_t scalar(const fs::path& db, const std::string& sql) {
  store::Connection c(db.string());
  store::Statement st = c.prepare(sql);
  return st.step() ? st.column_int(0) : -1;
}

// Row cells as text, doubles as their exact bits: equal strings mean bit-identical values.
std::string cell_text(const pipeline::Cell& c) {
  if (auto d = std::get_if<double>(&c)) {
    std::uint64_t bits;
    std::memcpy(&bits, d, sizeof bits);
    return fmt::format("{:016x}", bits);
  }
  if (auto i = std::get_if<std::int64_t>(&c)) return std::to_string(*i);
  if (auto s = std::get_if<std::string>(&c)) return *s;
  return "<null>";
}

std::map<std::string, std::string> rows_by_key(const pipeline::ResultTable& t,
                                               const std::vector<std::string>& key_columns) {
  std::map<std::string, std::string> out;
  for (const auto& row : t.rows) {
    std::string key, all;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const std::string v = cell_text(row[c]);
      all += t.columns[c] + "=" + v + " ";
      for (const auto& k : key_columns)
        if (t.columns[c] == k) key += v + "|";
    }
    out[key] = all;
  }
  return out;
}

// ---- the rule ------------------------------------------------------------------------------

TEST(PointInTime, AcceptanceTimes) {
  struct Row {
    const char* in;
    const char* out;  // "" = rejected
  } rows[] = {
      {"20231102180827", "2023-11-02T18:08:27"},
      {"2023-11-02T18:08:27.000Z", "2023-11-02T18:08:27"},
      {"2023-11-02 18:08:27", "2023-11-02T18:08:27"},
      {" 19970102090000 ", "1997-01-02T09:00:00"},
      {"20230230120000", ""},  // no 30 February
      {"2023-11-02T25:00:00", ""},
      {"2023-11-02", ""},
      {"", ""},
  };
  for (const auto& r : rows) {
    auto got = store::normalize_acceptance(r.in);
    EXPECT_EQ(got.value_or(""), r.out) << r.in;
  }
}

TEST(PointInTime, AvailabilityAndTradingDate) {
  EXPECT_EQ(store::available_at("20231102180827", "2023-11-03"), "2023-11-02T18:08:27");
  EXPECT_EQ(store::available_at("", "2023-11-03"), "2023-11-03T23:59:59");
  EXPECT_EQ(store::available_at("", ""), "");
  EXPECT_EQ(store::as_of_bound("2024-01-31"), "2024-01-31T23:59:59");
  EXPECT_EQ(store::as_of_bound("2024-01-31T09:30:00"), "2024-01-31T09:30:00");
  EXPECT_THROW(store::as_of_bound("last tuesday"), Error);
  struct Row {
    const char* available;
    const char* tradable;
  } rows[] = {
      {"2023-11-02T09:00:00", "2023-11-02"},  // Thursday, before the close
      {"2023-11-02T16:00:00", "2023-11-03"},  // at the close: next day
      {"2023-11-03T18:08:27", "2023-11-06"},  // Friday evening: Monday
      {"2023-11-04T23:59:59", "2023-11-06"},  // Saturday
      {"2024-02-28T20:00:00", "2024-02-29"},  // leap day
      {"", ""},
  };
  for (const auto& r : rows)
    EXPECT_EQ(store::tradable_from(r.available), r.tradable) << r.available;
  // Same second: ordered by accession, whatever the insertion order.
  store::PitKey a{"2023-11-02T18:08:27", "0000000001-23-000001", "x"};
  store::PitKey b{"2023-11-02T18:08:27", "0000000001-23-000002", "a"};
  EXPECT_TRUE(a < b);
  EXPECT_FALSE(b < a);
}

// The same earlier filings in two databases, one of them also holding a later filing (stored
// first, so every term id differs): every earlier score and `similar` answer is bit-identical.
// The backtest rule on both store engines (issue 21): PostgreSQL orders, sums and dates the
// same way, so a later filing changes no earlier score there either.
class PointInTimeBackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { SECNLP_REQUIRE_BACKEND(GetParam()); }
};

INSTANTIATE_TEST_SUITE_P(Backends, PointInTimeBackendTest,
                         ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& param_info) { return param_info.param; });

TEST_P(PointInTimeBackendTest, LaterFilingsNeverChangeEarlierScores) {
  TempDir dir;
  copy_samples(dir.path() / "early", {k1999, k2022, k2023});
  copy_samples(dir.path() / "all", {k1999, k2022, k2023, k2024});
  const testing::ScratchDatabase early_store(GetParam()), all_store(GetParam());
  const fs::path early_db = early_store.path(), all_db = all_store.path();
  process({dir.path() / "early"}, early_db, 1);
  process({dir.path() / "all" / k2024}, all_db, 1);  // the later filing's terms get ids first
  process({dir.path() / "all"}, all_db, 2);
  ASSERT_NE(scalar(early_db, "SELECT id FROM vocabulary WHERE term = 'revenu'"),
            scalar(all_db, "SELECT id FROM vocabulary WHERE term = 'revenu'"));

  for (const std::string scope : {"", "1A", "7"}) {
    for (auto idf : {similarity::IdfScope::kCorpus, similarity::IdfScope::kCompany}) {
      similarity::SeriesQuery q;
      q.all = true;
      q.scope = scope;
      q.idf = idf;
      q.db = early_db;
      const auto early = rows_by_key(similarity::similarity_series(q), {"accession", "measure"});
      q.db = all_db;
      const auto all = rows_by_key(similarity::similarity_series(q), {"accession", "measure"});
      ASSERT_FALSE(early.empty()) << scope;
      EXPECT_GT(all.size(), early.size()) << scope;
      for (const auto& [key, row] : early) {
        ASSERT_TRUE(all.count(key)) << key;
        EXPECT_EQ(all.at(key), row) << "scope '" << scope << "'";
      }
      // Cached values are read back identically.
      EXPECT_EQ(rows_by_key(similarity::similarity_series(q), {"accession", "measure"}), all);
    }
  }

  similarity::NearestQuery n;
  n.to = "0009990001-24-000009";  // FY2023: as of its own date by default
  n.top = 5;
  for (const std::string scope : {"", "1A"}) {
    n.scope = scope;
    n.db = early_db;
    const auto early = similarity::nearest_filings(n);
    n.db = all_db;
    const auto all = similarity::nearest_filings(n);
    ASSERT_EQ(early.rows.size(), scope.empty() ? 2u : 1u) << scope;  // earlier filings only
    EXPECT_EQ(rows_by_key(all, {"rank"}), rows_by_key(early, {"rank"})) << scope;
  }
  n.scope = "";
  n.as_of = "2024-12-31";
  n.db = early_db;
  const auto early = similarity::nearest_filings(n);
  n.db = all_db;
  EXPECT_EQ(rows_by_key(similarity::nearest_filings(n), {"rank"}), rows_by_key(early, {"rank"}));
  n.as_of = "2025-03-01";  // now FY2024 is available too
  EXPECT_EQ(similarity::nearest_filings(n).rows.size(), 3u);

  // terms --as-of reads only what was available then.
  store::TermsQuery t;
  t.top = 20;
  t.order = store::TermOrder::kTfidf;
  t.filter.as_of = "2024-12-31";
  t.db = early_db;
  const auto early_terms = store::query_terms(t);
  t.db = all_db;
  EXPECT_EQ(rows_by_key(store::query_terms(t), {"term"}), rows_by_key(early_terms, {"term"}));

  // The document-term matrix (export --what dtm, Python dtm()) --as-of: vocabulary, document
  // frequencies and TF-IDF cells from the filings available then only, bit for bit.
  for (const std::string scope : {"", "1A"}) {
    t.scope = scope;
    t.db = early_db;
    const store::DocumentTermMatrix a = store::query_dtm(t, true);
    t.db = all_db;
    const store::DocumentTermMatrix b = store::query_dtm(t, true);
    ASSERT_FALSE(a.vocabulary.empty()) << scope;
    EXPECT_EQ(b.vocabulary, a.vocabulary) << scope;
    EXPECT_EQ(b.df, a.df) << scope;
    EXPECT_EQ(b.indptr, a.indptr) << scope;
    EXPECT_EQ(b.indices, a.indices) << scope;
    ASSERT_EQ(b.data.size(), a.data.size()) << scope;
    EXPECT_EQ(std::memcmp(b.data.data(), a.data.data(), a.data.size() * sizeof(a.data[0])), 0)
        << scope;
  }
}

// ---- dates ----------------------------------------------------------------------------------

TEST(PointInTime, UndatedFilingsAreNamedAndMetadataDatesThem) {
  TempDir dir;
  copy_samples(dir.path() / "in", {k2022, k2023}, /*with_metadata=*/false);
  const fs::path db = dir.path() / "x.db";
  auto s = process({dir.path() / "in"}, db);
  ASSERT_EQ(s.undated.size(), 2u);
  EXPECT_NE(s.undated[0].find(k2022), std::string::npos);
  EXPECT_EQ(scalar(db,
                   "SELECT count(*) FROM documents WHERE flags LIKE '%undated%' AND "
                   "available_at IS NULL"),
            2);
  similarity::SeriesQuery q;
  q.db = db;
  q.all = true;
  q.measures = {"cosine_tfidf"};
  auto undated_rows = similarity::similarity_series(q);
  ASSERT_EQ(undated_rows.rows.size(), 1u);
  EXPECT_TRUE(std::holds_alternative<std::monostate>(undated_rows.rows[0][1]));  // available_at

  write_file(dir.path() / "dates.csv",
             fmt::format("path,filed,accepted\nin/{},2023-02-24,\nin/{},2024-02-23,"
                         "20240223171500\n",
                         k2022, k2023));
  pipeline::ProcessOptions o;
  o.inputs = {dir.path() / "in"};
  o.db = db;
  o.threads = 1;
  o.progress = pipeline::ProgressMode::kOff;
  o.metadata_file = dir.path() / "dates.csv";
  s = pipeline::process_documents(o);
  EXPECT_TRUE(s.undated.empty());
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM documents WHERE available_at IS NOT NULL"), 2);
  {
    store::Connection c(db.string());
    store::Statement st =
        c.prepare("SELECT available_at FROM documents WHERE accession = '0009990001-24-000009'");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.column_text(0), "2024-02-23T17:15:00");
  }
  auto dated = similarity::similarity_series(q);
  ASSERT_EQ(dated.rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(dated.rows[0][1]), "2024-02-23T17:15:00");
  EXPECT_EQ(std::get<std::string>(dated.rows[0][2]), "2024-02-26");  // after the close, Friday
}

// Hostile metadata inputs: a --metadata file that cannot be used stops the run naming the file
// and line (before anything is processed); a damaged filing-metadata.json beside a filing is
// ignored with a warning and never costs the filing its results.
TEST(PointInTime, BadMetadataFilesAreRefusedOrIgnoredNamingThem) {
  TempDir dir;
  copy_samples(dir.path() / "in", {k2022}, /*with_metadata=*/false);
  struct Case {
    const char* name;
    std::string csv;
    std::string fragment;
  } cases[] = {
      {"no key column", "filed,accepted\n2023-02-24,\n", "no key column"},
      {"not a date", "filename,filed\nx.htm,yesterday\n", "line 2: filed 'yesterday'"},
      {"bad accession", "accession,filed\n12345,2023-02-24\n", "line 2: accession '12345'"},
      {"unterminated quote", "filename,filed\n\"x.htm,2023-02-24\n", "quote"},
      {"empty", "", "line 1"},
  };
  for (const auto& c : cases) {
    write_file(dir.path() / "bad.csv", c.csv);
    pipeline::ProcessOptions o;
    o.inputs = {dir.path() / "in"};
    o.db = dir.path() / "x.db";
    o.progress = pipeline::ProgressMode::kOff;
    o.metadata_file = dir.path() / "bad.csv";
    try {
      pipeline::process_documents(o);
      ADD_FAILURE() << c.name << ": accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kParse) << c.name;
      EXPECT_EQ(e.path(), (dir.path() / "bad.csv").string()) << c.name;
      EXPECT_NE(e.message().find(c.fragment), std::string::npos) << c.name << ": " << e.message();
    }
  }
  EXPECT_FALSE(fs::exists(dir.path() / "x.db"));  // refused before the database was touched
  const std::vector<std::string> garbage_files = {"", "{\"filed\": 2023}", "[1, 2]",
                                                  std::string("\0\xff{", 3)};
  for (const std::string& garbage : garbage_files) {
    write_file(dir.path() / "in" / "filing-metadata.json", garbage);
    const auto s = process({dir.path() / "in"}, dir.path() / "y.db");
    EXPECT_EQ(s.counts.processed + s.counts.skipped, 1u);
    EXPECT_EQ(s.counts.failed, 0u);
  }
}

TEST(PointInTime, AcceptanceTimeFromTheSecHeader) {
  TempDir dir;
  std::string body;
  for (int i = 0; i < 300; ++i)
    body += "The company sells widgets and reports revenue every quarter. ";
  write_file(dir.path() / "in" / "sub.txt",
             "<SEC-DOCUMENT>0000320193-23-000106.txt : 20231103\n<SEC-HEADER>\n"
             "<ACCEPTANCE-DATETIME>20231102180827\nACCESSION NUMBER:\t\t0000320193-23-000106\n"
             "CONFORMED SUBMISSION TYPE:\t8-K\nFILED AS OF DATE:\t\t20231103\n"
             "CENTRAL INDEX KEY:\t\t\t0000320193\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>8-K\n"
             "<SEQUENCE>1\n<TEXT>\n" +
                 body + "\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n");
  const fs::path db = dir.path() / "x.db";
  process({dir.path() / "in"}, db);
  store::Connection c(db.string());
  store::Statement st = c.prepare("SELECT accepted, available_at, filed, kind FROM documents");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_text(0), "2023-11-02T18:08:27");
  EXPECT_EQ(st.column_text(1), "2023-11-02T18:08:27");
  EXPECT_EQ(st.column_text(2), "2023-11-03");
  EXPECT_EQ(st.column_text(3), "submission");
}

// ---- one filing, one document ----------------------------------------------------------------

TEST(Identity, EveryPathSpellingIsOneDocument) {
  TempDir dir;
  copy_samples(dir.path() / "in", {k2022, k2023});
  fs::create_directory_symlink(dir.path() / "in", dir.path() / "link");
  const fs::path db = dir.path() / "x.db";
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  auto first = process({"in"}, db);  // relative
  fs::current_path(cwd);
  EXPECT_EQ(first.counts.processed, 2u);
  auto again = process({dir.path() / "in"}, db);  // absolute
  EXPECT_EQ(again.counts.skipped, 2u);
  auto linked = process({dir.path() / "link"}, db);  // through a symlink
  EXPECT_EQ(linked.counts.skipped, 2u);
  // A copy of the same filing elsewhere is the same document.
  fs::create_directories(dir.path() / "copy");
  fs::copy_file(dir.path() / "in" / k2022, dir.path() / "copy" / k2022);
  auto copy = process({dir.path() / "copy"}, db);
  EXPECT_EQ(copy.counts.skipped + copy.counts.linked, 1u);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM documents"), 2);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM document_files"), 3);
}

TEST(Identity, FullSubmissionAndPrimaryDocumentAreOneFiling) {
  TempDir dir;
  // sec-edgar-downloader's layout, as `fetch --what both` leaves it.
  const fs::path folder = dir.path() / "edgar" / "NWHL" / "10-K" / "0009990001-00-000004";
  fs::create_directories(folder);
  fs::copy_file(samples() / k1999, folder / "full-submission.txt");
  std::string html = "<html><body>";
  for (int i = 0; i < 300; ++i)
    html += "<p>Northwind Harbor Logistics moves freight through its terminals.</p>";
  write_file(folder / "primary-document.html", html + "</body></html>");
  const fs::path db = dir.path() / "x.db";
  auto s = process({dir.path() / "edgar"}, db, 2);
  EXPECT_EQ(s.counts.processed, 1u);
  EXPECT_EQ(s.counts.linked, 1u);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM documents"), 1);
  EXPECT_EQ(scalar(db,
                   "SELECT count(*) FROM documents WHERE kind = 'submission' AND "
                   "path LIKE '%full-submission.txt'"),
            1);
  EXPECT_EQ(scalar(db,
                   "SELECT count(*) FROM document_files WHERE role = 'linked' AND "
                   "path LIKE '%primary-document.html'"),
            1);
  auto again = process({dir.path() / "edgar"}, db, 2);
  EXPECT_EQ(again.counts.skipped, 2u);
  similarity::NearestQuery n;
  n.db = db;
  n.to = "0009990001-00-000004";
  n.as_of = "2030-01-01";
  EXPECT_NO_THROW(similarity::nearest_filings(n));  // one filing: no "matches several"
}

// ---- results that follow their inputs -------------------------------------------------------

TEST(Freshness, ChangedLexiconOrResourceFileRecomputes) {
  TempDir dir;
  copy_samples(dir.path() / "in", {k2022});
  const fs::path db = dir.path() / "x.db";
  process({dir.path() / "in"}, db);
  write_file(dir.path() / "lm" / "LM_Negative.txt", "LOSS\nDECLINE\nLITIGATION\n");
  auto with = process({dir.path() / "in"}, db, 1, dir.path() / "lm");
  EXPECT_EQ(with.counts.processed, 1u);
  EXPECT_EQ(with.recomputed, 1u);
  ASSERT_FALSE(with.changes.empty());
  EXPECT_NE(with.changes.back().find("resource lexicon"), std::string::npos);
  // A partial lexicon: the categories it lacks are absent, not zero.
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM metrics WHERE name = 'lm_negative'"),
            scalar(db, "SELECT count(DISTINCT scope) FROM metrics"));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM metrics WHERE name LIKE 'lm_positive%'"), 0);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM metrics WHERE name = 'lm_negations'"), 0);
  // Same lexicon again: nothing to do. The file edited in place: recomputed.
  EXPECT_EQ(process({dir.path() / "in"}, db, 1, dir.path() / "lm").counts.skipped, 1u);
  write_file(dir.path() / "lm" / "LM_Negative.txt", "LOSS\n");
  EXPECT_EQ(process({dir.path() / "in"}, db, 1, dir.path() / "lm").counts.processed, 1u);

  // A stop-word file named in the pipeline: its content is part of the configuration.
  write_file(dir.path() / "stop.txt", "northwind\n");
  write_file(dir.path() / "p.toml", fmt::format("[terms]\nstopword_files = [\"{}\"]\n",
                                                (dir.path() / "stop.txt").string()));
  pipeline::ProcessOptions o;
  o.inputs = {dir.path() / "in"};
  o.db = db;
  o.threads = 1;
  o.progress = pipeline::ProgressMode::kOff;
  o.pipeline_file = dir.path() / "p.toml";
  EXPECT_EQ(pipeline::process_documents(o).counts.processed, 1u);
  EXPECT_EQ(pipeline::process_documents(o).counts.skipped, 1u);
  write_file(dir.path() / "stop.txt", "northwind\nharbor\n");
  auto changed = pipeline::process_documents(o);
  EXPECT_EQ(changed.counts.processed, 1u);
  EXPECT_EQ(changed.recomputed, 1u);
}

TEST(Freshness, StageVersionIsPartOfTheConfigurationHash) {
  const pipeline::StageRegistry builtin = pipeline::builtin_stages();
  auto registry_with = [&](int version) {
    pipeline::StageRegistry r;
    for (auto info : builtin.stages()) {
      if (info.name == "tokens") info.version = version;
      r.add(std::move(info));
    }
    return r;
  };
  pipeline::Resources r1, r2, r3;
  const auto config = pipeline::default_pipeline_config();
  const auto a = pipeline::Pipeline::build(config, registry_with(1), r1);
  const auto b = pipeline::Pipeline::build(config, registry_with(2), r2);
  const auto c = pipeline::Pipeline::build(config, registry_with(1), r3);
  EXPECT_NE(a.config_hash(), b.config_hash());
  EXPECT_EQ(a.config_hash(), c.config_hash());
  EXPECT_NE(b.description().find("stage tokens v2"), std::string::npos);
}

// ---- no silent empty answers ----------------------------------------------------------------

TEST(NoSilentEmpty, UnknownNamesAreErrorsAndItemsIgnoreCase) {
  TempDir dir;
  copy_samples(dir.path() / "in", {k2022});
  const fs::path db = dir.path() / "x.db";
  process({dir.path() / "in"}, db);
  store::MetricsQuery m;
  m.db = db;
  m.names = {"lm_negativ"};
  try {
    store::query_metrics(m);
    ADD_FAILURE() << "unknown metric accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(e.message().find("lm_negative_prop"), std::string::npos) << e.message();
  }
  m.names = {"words"};
  m.scope = "1A";
  const auto upper = store::query_metrics(m);
  m.scope = "1a";
  const auto lower = store::query_metrics(m);
  ASSERT_EQ(upper.rows.size(), 1u);
  EXPECT_EQ(rows_by_key(lower, {"document"}), rows_by_key(upper, {"document"}));
  m.scope = "filing";
  const auto whole = store::query_metrics(m);
  m.scope = "";
  EXPECT_EQ(rows_by_key(store::query_metrics(m), {"document"}), rows_by_key(whole, {"document"}));
  m.scope = "1Z";
  EXPECT_THROW(store::query_metrics(m), Error);

  store::TermsQuery t;
  t.db = db;
  t.scope = "7a";
  EXPECT_FALSE(store::query_terms(t).rows.empty());
  t.scope = "item seven";
  EXPECT_THROW(store::query_terms(t), Error);

  similarity::SeriesQuery q;
  q.db = db;
  q.all = true;
  q.measures = {"cosine"};
  EXPECT_THROW(similarity::similarity_series(q), Error);
}

TEST(NoSilentEmpty, NearEmptyFilingIsFlagged) {
  TempDir dir;
  // The head of a 10-K: the cover page and nothing else.
  const std::string full = testing::read_file(samples() / k2022);
  write_file(dir.path() / "in" / "9990001_10K_2022_0009990001-23-000011.htm",
             full.substr(0, 30000));
  const fs::path db = dir.path() / "x.db";
  auto s = process({dir.path() / "in"}, db);
  ASSERT_EQ(s.near_empty.size(), 1u);
  EXPECT_EQ(scalar(db,
                   "SELECT count(*) FROM documents WHERE flags LIKE '%near-empty%' AND "
                   "warnings LIKE '%words%'"),
            1);
}

TEST(NoSilentEmpty, TruncatedSubmissionIsFlaggedToItsLastSection) {
  TempDir dir;
  const std::string full = testing::read_file(samples() / k1999);
  write_file(dir.path() / "in" / k1999, full.substr(0, full.size() * 6 / 10));  // cut inside
  const fs::path db = dir.path() / "x.db";
  auto s = process({dir.path() / "in"}, db);
  ASSERT_EQ(s.truncated.size(), 1u);
  EXPECT_EQ(scalar(db,
                   "SELECT count(*) FROM documents WHERE flags LIKE '%truncated%' AND "
                   "warnings LIKE '%has no </%'"),
            1);
  // Only the last section ends at the cut, with its confidence lowered.
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM sections WHERE (flags & 256) <> 0"), 1);
  EXPECT_EQ(scalar(db,
                   "SELECT count(*) FROM sections WHERE (flags & 256) <> 0 AND "
                   "confidence <= 0.5 AND end_offset = (SELECT max(end_offset) FROM "
                   "sections)"),
            1);
  EXPECT_GT(s.flagged_sections, 0u);
}

// Issue 15: half of an HTML 10-K was stored ok, its last item at full confidence.
TEST(NoSilentEmpty, HtmlCutOffIsFlaggedToItsLastSection) {
  TempDir dir;
  const std::string full = testing::read_file(samples() / k2022);
  write_file(dir.path() / "in" / "9990001_10K_2022_0009990001-23-000011.htm",
             full.substr(0, full.size() / 2));
  const fs::path db = dir.path() / "x.db";
  auto s = process({dir.path() / "in"}, db);
  ASSERT_EQ(s.truncated.size(), 1u);
  EXPECT_EQ(scalar(db,
                   "SELECT count(*) FROM documents WHERE flags LIKE '%truncated%' AND "
                   "warnings LIKE '%no </html>%'"),
            1);
  EXPECT_EQ(
      scalar(db, "SELECT count(*) FROM sections WHERE (flags & 256) <> 0 AND confidence <= 0.5"),
      1);
  // The whole file is not flagged.
  write_file(dir.path() / "in" / "9990001_10K_2022_0009990001-23-000011.htm", full);
  s = process({dir.path() / "in"}, db);
  EXPECT_TRUE(s.truncated.empty());
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM documents WHERE flags LIKE '%truncated%'"), 0);
}

TEST(NoSilentEmpty, MissingInputIsAnIoError) {
  TempDir dir;
  try {
    process({"/nonexistent/filings"}, dir.path() / "x.db");
    ADD_FAILURE() << "a missing input was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_EQ(e.path(), "/nonexistent/filings");
  }
}

TEST(NoSilentEmpty, RegistryNamesAreDocumented) {
  const std::string doc = testing::read_file(
      testing::fixture_path("x").parent_path().parent_path().parent_path() / "docs" / "names.md");
  for (const auto& m : pipeline::metric_names())
    EXPECT_NE(doc.find("`" + m.name + "`"), std::string::npos) << m.name;
  for (const auto& f : pipeline::document_flags())
    EXPECT_NE(doc.find("`" + f.name + "`"), std::string::npos) << f.name;
  for (const auto& f : pipeline::section_flags())
    EXPECT_NE(doc.find("`" + f.name + "`"), std::string::npos) << f.name;
}

// ---- faults of the store (issue 15, fault 1) ------------------------------------------------

TEST(StoreFaults, LockFollowsTheDatabaseNotItsSpelling) {
  TempDir dir;
  const fs::path db = dir.path() / "x.db";
  write_file(db, "");
  fs::create_symlink(db, dir.path() / "link.db");
  jobs::RunLock held(db);
  try {
    jobs::RunLock second(dir.path() / "link.db");
    ADD_FAILURE() << "a second run through a symlink was not refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kDatabase);
  }
  const fs::path cwd = fs::current_path();
  fs::current_path(dir.path());
  EXPECT_THROW(jobs::RunLock("x.db"), Error);
  fs::current_path(cwd);
}

TEST(StoreFaults, StoreFailureNeverReplacesAGoodDocument) {
  TempDir dir;
  copy_samples(dir.path() / "in", {k2022});
  const fs::path db = dir.path() / "x.db";
  process({dir.path() / "in"}, db);
  const auto metrics = scalar(db, "SELECT count(*) FROM metrics");
  store::DocumentStore store(db);
  pipeline::Document doc;
  doc.path = fs::canonical(dir.path() / "in" / k2022).string();
  store.write_error(doc, 1, "x", Error(ErrorCode::kDatabase, "disk I/O error", db.string()));
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM documents WHERE status = 'ok'"), 1);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM metrics"), metrics);
  EXPECT_EQ(scalar(db, "SELECT count(*) FROM errors"), 1);
}

TEST(StoreFaults, AStatementThatFailedStillWorksAfterwards) {
  TempDir dir;
  store::Connection c((dir.path() / "x.db").string());
  c.exec("CREATE TABLE t(x TEXT UNIQUE)");
  store::Statement insert = c.prepare("INSERT INTO t(x) VALUES(?)");
  insert.bind(1, "a").run();
  EXPECT_THROW(insert.bind(1, "a").run(), Error);
  EXPECT_NO_THROW(insert.bind(1, "b").run());  // not "bad parameter or other API misuse"
  // Two writers that both add a term: the second takes the first one's id.
  store::DocumentStore one(dir.path() / "y.db");
  store::DocumentStore two(dir.path() / "y.db");
  pipeline::Document a, b;
  a.path = "/a";
  a.content_hash = "1";
  a.counts[""] = {{"revenue", 2}};
  b.path = "/b";
  b.content_hash = "2";
  b.counts[""] = {{"revenue", 3}};
  const auto run = one.begin_run("process", "h", "", 1);
  one.write_document(a, run, "h", false);
  EXPECT_NO_THROW(two.write_document(b, run, "h", false));
  EXPECT_EQ(scalar(dir.path() / "y.db", "SELECT count(*) FROM vocabulary"), 1);
}

}  // namespace
}  // namespace secnlp
