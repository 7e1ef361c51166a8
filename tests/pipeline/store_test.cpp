#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <latch>
#include <map>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "common/error.h"
#include "nlp/features/count_vectorizer.h"
#include "nlp/features/tfidf.h"
#include "nlp/sec/section_map.h"
#include "pipeline/jobs/run_lock.h"
#include "pipeline/store/copy.h"
#include "pipeline/store/document_store.h"
#include "pipeline/store/queries.h"
#include "pipeline/store/schema.h"
#include "pipeline/store/term_vector_codec.h"
#include "tests/support/scratch_database.h"
#include "tests/support/test_data.h"

namespace secnlp::store {
namespace {

TEST(TermVectorCodecTest, RoundTrips) {
  const std::vector<std::vector<TermIdCount>> cases = {
      {}, {{0, 1}}, {{1, 1}, {2, 300}, {70000, 5}, {4000000000u, 4000000000u}}};
  for (const auto& entries : cases) {
    EXPECT_EQ(decode_term_vector(encode_term_vector(entries)), entries);
  }
}

TEST(TermVectorCodecTest, RejectsMalformedBytes) {
  const std::string good = encode_term_vector({{1, 2}, {5, 9}});
  for (const std::string& bad : {good.substr(0, good.size() - 1), good + "x", std::string("\x05"),
                                 std::string("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff")}) {
    EXPECT_THROW(decode_term_vector(bad), Error);
  }
}

TEST(TermVectorCodecTest, RejectsUnsortedIds) {
  EXPECT_THROW(encode_term_vector({{5, 1}, {5, 1}}), Error);
}

pipeline::Document sample_doc(const std::string& path) {
  pipeline::Document doc;
  doc.path = path;
  doc.size = 100;
  doc.content_hash = "abc" + path;  // different files: different content
  doc.metadata = {{"cik", "0000320193"}, {"form", "10-K"}, {"fiscal_year", "2023"}};
  doc.text = "Some text.";
  doc.set_metric("", "words", 2);
  doc.set_metric("", "gunning_fog", 12.5);
  doc.set_metric("1A", "words", 1);
  doc.counts[""] = {{"risk", 3}, {"text", 1}};
  doc.counts["1A"] = {{"risk", 1}};
  doc.sections.push_back(
      {"1A", "Item 1A. Risk Factors", "Risk Factors", {0, 10}, "heading", 0.9, 0});
  return doc;
}

// The store suite, on every backend (issue 21): one description, two engines.
class StoreBackendTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    SECNLP_REQUIRE_BACKEND(GetParam());
    scratch_ = std::make_unique<testing::ScratchDatabase>(GetParam());
  }
  std::filesystem::path db() const { return scratch_->path(); }
  std::string location() const { return scratch_->location(); }
  std::unique_ptr<testing::ScratchDatabase> scratch_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreBackendTest, ::testing::ValuesIn(testing::store_backends()),
                         [](const auto& param_info) { return param_info.param; });

TEST_P(StoreBackendTest, WritesAndReadsBack) {
  const auto db = this->db();
  {
    DocumentStore store(db);
    const auto run = store.begin_run("process", "cfg", "config text", 2);
    store.write_document(sample_doc("/a.htm"), run, "cfg", true);
    store.write_document(sample_doc("/b.htm"), run, "cfg", true);
    store.finish_run(run, {2, 2, 0, 0, 0, 200}, "ok");
    auto states = store.file_states();
    ASSERT_EQ(states.size(), 2u);
    EXPECT_EQ(states["/a.htm"].status, "ok");
    EXPECT_EQ(states["/a.htm"].config_hash, "cfg");
  }
  MetricsQuery q;
  q.db = db;
  q.names = {"words", "gunning_fog"};
  q.filter.cik = "320193";  // leading zeros optional
  auto table = query_metrics(q);
  ASSERT_EQ(table.rows.size(), 2u);
  EXPECT_EQ(std::get<double>(table.rows[0][10]), 12.5);

  TermsQuery t;
  t.db = db;
  auto terms = query_terms(t);
  ASSERT_EQ(terms.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(terms.rows[0][0]), "risk");
  EXPECT_EQ(std::get<std::int64_t>(terms.rows[0][1]), 6);
  EXPECT_EQ(std::get<std::int64_t>(terms.rows[0][2]), 2);

  t.scope = "1A";
  terms = query_terms(t);
  ASSERT_EQ(terms.rows.size(), 1u);
  EXPECT_EQ(std::get<std::int64_t>(terms.rows[0][1]), 2);
}

TEST_P(StoreBackendTest, RewriteReplacesOldResults) {
  DocumentStore store(db());
  const auto run = store.begin_run("process", "cfg", "", 1);
  auto doc = sample_doc("/a.htm");
  store.write_document(doc, run, "cfg", true);
  doc.metrics.clear();
  doc.set_metric("", "words", 7);
  doc.counts.clear();
  store.write_document(doc, run, "cfg2", true);
  Statement st = store.connection().prepare("SELECT count(*) FROM metrics");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_int(0), 1);
  Statement tv = store.connection().prepare("SELECT count(*) FROM term_vectors");
  ASSERT_TRUE(tv.step());
  EXPECT_EQ(tv.column_int(0), 0);
}

TEST_P(StoreBackendTest, ErrorMarksDocumentAndDropsStaleResults) {
  DocumentStore store(db());
  const auto run = store.begin_run("process", "cfg", "", 1);
  auto doc = sample_doc("/a.htm");
  store.write_document(doc, run, "cfg", true);
  store.write_error(doc, run, "cfg", Error(ErrorCode::kParse, "binary content", doc.path));
  EXPECT_EQ(store.file_states()["/a.htm"].status, "error");
  Statement st = store.connection().prepare("SELECT code, message FROM errors");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_text(0), "parse");
  EXPECT_EQ(st.column_text(1), "binary content");
  Statement m = store.connection().prepare("SELECT count(*) FROM metrics");
  ASSERT_TRUE(m.step());
  EXPECT_EQ(m.column_int(0), 0);
}

// The stored-count path of `secnlp terms` must weight exactly as scikit-learn's vectorizer does
// (nlp/features is itself checked against scikit-learn): same vocabulary pruning, same weights.
TEST_P(StoreBackendTest, TermsTfidfEqualsVectorizerOnTheSameDocuments) {
  const std::vector<std::vector<std::string>> docs = {
      {"risk", "risk", "market", "loss", "loss", "loss", "rate"},
      {"risk", "growth", "growth", "market", "rate"},
      {"litigation", "risk", "loss", "tariff", "tariff"},
      {"growth", "market", "market", "market", "rate", "rate"}};
  const auto db = this->db();
  {
    DocumentStore store(db);
    const auto run = store.begin_run("process", "cfg", "", 1);
    for (std::size_t i = 0; i < docs.size(); ++i) {
      pipeline::Document doc;
      doc.path = "/d" + std::to_string(i);
      std::map<std::string, std::uint32_t> counts;
      for (const auto& t : docs[i])
        ++counts[t];
      doc.counts[""].assign(counts.begin(), counts.end());
      store.write_document(doc, run, "cfg", false);
    }
  }
  struct Row {
    nlp::CountOptions vocabulary;
    nlp::TfidfOptions tfidf;
  };
  std::vector<Row> rows;
  for (nlp::Norm norm : {nlp::Norm::kL2, nlp::Norm::kL1, nlp::Norm::kNone}) {
    for (int flags = 0; flags < 8; ++flags) {
      Row r;
      r.tfidf.norm = norm;
      r.tfidf.use_idf = flags & 1;
      r.tfidf.smooth_idf = flags & 2;
      r.tfidf.sublinear_tf = flags & 4;
      rows.push_back(r);
    }
  }
  Row pruned;
  pruned.vocabulary.min_df = 2;
  pruned.vocabulary.max_df = 0.9;
  rows.push_back(pruned);
  Row top;
  top.vocabulary.max_features = 3;
  top.vocabulary.binary = true;
  rows.push_back(top);
  Row lognorm;
  lognorm.tfidf = nlp::TfidfOptions::log_normalized();
  rows.push_back(lognorm);

  for (const Row& r : rows) {
    nlp::CountVectorizer vectorizer(r.vocabulary);
    const nlp::SparseMatrix counts = vectorizer.fit_transform(docs);
    nlp::TfidfTransformer transformer(r.tfidf);
    const std::vector<double> weights = transformer.fit_transform(counts).to_dense();  // row-major
    TermsQuery q;
    q.db = db;
    q.top = 100;
    q.vocabulary = r.vocabulary;
    q.tfidf = r.tfidf;
    const auto table = query_terms(q);
    ASSERT_EQ(table.rows.size(), vectorizer.vocabulary().size());
    for (const auto& row : table.rows) {
      const auto column = vectorizer.id(std::get<std::string>(row[0]));
      ASSERT_TRUE(column.has_value()) << std::get<std::string>(row[0]);
      const std::size_t cols = vectorizer.vocabulary().size();
      double mean = 0;
      for (std::size_t d = 0; d < docs.size(); ++d)
        mean += weights[d * cols + column->value];
      mean /= static_cast<double>(docs.size());
      EXPECT_NEAR(std::get<double>(row[4]), mean, 1e-12) << std::get<std::string>(row[0]);
    }
    // The matrix itself (export --what dtm, the Python dtm()): the vectorizer's, cell by cell.
    const DocumentTermMatrix m = query_dtm(q, true);
    ASSERT_EQ(m.vocabulary, vectorizer.vocabulary());
    ASSERT_EQ(m.indptr.size(), docs.size() + 1);
    std::vector<double> dense(weights.size(), 0.0);
    for (std::size_t d = 0; d < docs.size(); ++d)
      for (auto i = m.indptr[d]; i < m.indptr[d + 1]; ++i)
        dense[d * m.vocabulary.size() + m.indices[static_cast<std::size_t>(i)]] =
            m.data[static_cast<std::size_t>(i)];
    for (std::size_t k = 0; k < dense.size(); ++k)
      EXPECT_NEAR(dense[k], weights[k], 1e-12) << k;
  }
}

TEST_P(StoreBackendTest, RefusesNewerDatabase) {
  const std::string path = location();
  {
    Connection db(path);
    db.set_schema_version(99);
  }
  Connection db(path);
  EXPECT_THROW(migrate(db), Error);
}

// Processes that open a new database at once (the Dask workers of one run, MPI ranks) take turns
// at creating its tables: the ones that wait then find them made. On PostgreSQL a lock taken
// inside the migration's transaction left the waiter's catalog cache from before the first
// one's commit, and it failed on "relation "runs" already exists".
TEST_P(StoreBackendTest, ConcurrentFirstOpensAllMigrate) {
  constexpr int kOpeners = 4;
  std::latch ready(kOpeners);
  std::vector<std::string> errors(kOpeners);
  std::vector<std::thread> openers;
  for (int i = 0; i < kOpeners; ++i)
    openers.emplace_back([&, i] {
      std::string& error = errors[static_cast<std::size_t>(i)];
      std::optional<Connection> db;
      try {
        db.emplace(location());
        (void)db->schema_version();  // each session looks before any has migrated
      } catch (const Error& e) {
        error = std::string("opening: ") + e.what();
      }
      ready.arrive_and_wait();
      if (!error.empty()) return;
      try {
        migrate(*db);
        EXPECT_EQ(db->schema_version(), kSchemaVersion);
      } catch (const Error& e) {
        error = std::string("migrating: ") + e.what();
      }
    });
  for (auto& t : openers)
    t.join();
  for (const auto& e : errors)
    EXPECT_EQ(e, "");
}

TEST(SchemaTest, VersionOneDatabaseUpgradesKeepingItsRows) {
  testing::TempDir dir;
  const auto path = (dir.path() / "t.db").string();
  {
    Connection db(path);
    migrate(db, 1);
    db.exec(
        "INSERT INTO documents(path, status) VALUES('/old.htm', 'ok');"
        "INSERT INTO sections(doc_id, item, begin_offset, end_offset) VALUES(1, '7', 0, 10);");
  }
  Connection db(path);
  migrate(db);
  Statement version = db.prepare("PRAGMA user_version");
  ASSERT_TRUE(version.step());
  EXPECT_EQ(version.column_int(0), kSchemaVersion);
  Statement section = db.prepare("SELECT item, title FROM sections");
  ASSERT_TRUE(section.step());
  EXPECT_EQ(section.column_text(0), "7");
  EXPECT_TRUE(section.column_is_null(1));
  db.exec("INSERT INTO exhibits(doc_id, sequence, type) VALUES(1, 2, 'EX-21')");
}

// Version 6 keys fetches by (accession, kind); version-5 rows get their kind from their path.
TEST(SchemaTest, VersionFiveFetchesGetTheirKind) {
  testing::TempDir dir;
  const auto path = (dir.path() / "t.db").string();
  {
    Connection db(path);
    migrate(db, 5);
    db.exec(
        "INSERT INTO fetches(accession, url, path, bytes, fetched_at) VALUES"
        "('a-1', 'u1', 'x/a-1/full-submission.txt', 10, 't'),"
        "('a-2', 'u2', 'x/a-2/primary-document.html', 20, 't')");
  }
  Connection db(path);
  migrate(db);
  Statement rows = db.prepare("SELECT accession, kind, bytes FROM fetches ORDER BY accession");
  ASSERT_TRUE(rows.step());
  EXPECT_EQ(rows.column_text(0), "a-1");
  EXPECT_EQ(rows.column_text(1), "submission");
  EXPECT_EQ(rows.column_int(2), 10);
  ASSERT_TRUE(rows.step());
  EXPECT_EQ(rows.column_text(1), "primary");
  EXPECT_FALSE(rows.step());
  // Both files of one filing now have a row each; a kind outside the two is refused.
  db.exec(
      "INSERT INTO fetches(accession, kind, url, path, fetched_at) "
      "VALUES('a-1', 'primary', 'u3', 'x/a-1/primary-document.html', 't')");
  EXPECT_THROW(db.exec("INSERT INTO fetches(accession, kind, url, path, fetched_at) "
                       "VALUES('a-3', 'exhibit', 'u', 'p', 't')"),
               Error);
}

// Version 8: code-point offsets and flag names, backfilled from the stored text.
TEST(SchemaTest, VersionSevenSectionsGetCharacterOffsetsAndFlagNames) {
  testing::TempDir dir;
  const auto path = (dir.path() / "t.db").string();
  {
    Connection db(path);
    migrate(db, 7);
    // "Café " is 6 bytes and 5 code points; the section starts after it.
    db.exec(
        "INSERT INTO documents(path, status) VALUES('/old.htm', 'ok');"
        "INSERT INTO document_text(doc_id, text) VALUES(1, 'Café Item 1A. Risks ü.');"
        "INSERT INTO sections(doc_id, item, begin_offset, end_offset, flags) "
        "VALUES(1, '1A', 6, 24, 40);");
  }
  Connection db(path);
  migrate(db);
  Statement st = db.prepare("SELECT begin_char, end_char, flag_names FROM sections");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_int(0), 5);
  EXPECT_EQ(st.column_int(1), 22);
  EXPECT_EQ(st.column_text(2), "too-short,toc-only");
}

// The migration spells the flag names in SQL; they must be the writer's, bit by bit and together.
TEST(SchemaTest, MigratedFlagNamesAreTheWritersNames) {
  testing::TempDir dir;
  const auto path = (dir.path() / "t.db").string();
  std::vector<std::uint32_t> flags;
  for (std::uint32_t bit = 0; bit < 9; ++bit)
    flags.push_back(1u << bit);
  flags.push_back(0);
  flags.push_back((1u << 9) - 1);
  {
    Connection db(path);
    migrate(db, 7);
    db.exec(
        "INSERT INTO documents(path, status) VALUES('/old.htm', 'ok');"
        "INSERT INTO document_text(doc_id, text) VALUES(1, 'text');");
    for (std::size_t i = 0; i < flags.size(); ++i) {
      db.exec("INSERT INTO sections(doc_id, item, begin_offset, end_offset, flags) VALUES(1, 'i" +
              std::to_string(i) + "', 0, 4, " + std::to_string(flags[i]) + ")");
    }
  }
  Connection db(path);
  migrate(db);
  Statement st = db.prepare("SELECT flags, flag_names FROM sections");
  std::size_t n = 0;
  while (st.step()) {
    const auto f = static_cast<std::uint32_t>(st.column_int(0));
    EXPECT_EQ(st.column_text(1), nlp::sec::section_flag_names(f)) << f;
    ++n;
  }
  EXPECT_EQ(n, flags.size());
}

TEST_P(StoreBackendTest, SectionsStoreCodePointOffsets) {
  const auto db = this->db();
  pipeline::Document doc = sample_doc("/u.htm");
  doc.text = "Zürich — Item 1A. Risks €5.";  // ü 2 bytes, — 3 bytes, € 3 bytes
  doc.sections.clear();
  doc.sections.push_back(
      {"1A", "Item 1A.", "Risk Factors", {12, 32}, "heading", 0.9, nlp::sec::kSectionTooShort});
  {
    DocumentStore store(db);
    store.write_document(doc, store.begin_run("process", "cfg", "", 1), "cfg", true);
  }
  SectionsQuery q;
  q.db = db;
  const auto table = query_sections(q);
  ASSERT_EQ(table.rows.size(), 1u);
  auto column = [&](const std::string& name) {
    const auto it = std::find(table.columns.begin(), table.columns.end(), name);
    return table.rows[0][static_cast<std::size_t>(it - table.columns.begin())];
  };
  EXPECT_EQ(std::get<std::int64_t>(column("begin")), 12);
  EXPECT_EQ(std::get<std::int64_t>(column("begin_char")), 9);
  EXPECT_EQ(std::get<std::int64_t>(column("end_char")), 27);
  EXPECT_EQ(std::get<std::int64_t>(column("fiscal_year")), 2023);
  EXPECT_EQ(std::get<std::string>(column("flags")), "too-short");
}

TEST(QueriesTest, EdgarCrawlerKeys) {
  EXPECT_EQ(edgar_crawler_key("1A"), "item_1A");
  EXPECT_EQ(edgar_crawler_key("16"), "item_16");
  EXPECT_EQ(edgar_crawler_key("part1item2"), "part_1_item_2");
  EXPECT_EQ(edgar_crawler_key("part2item1a"), "part_2_item_1A");
  EXPECT_EQ(edgar_crawler_key("2.02"), "item_2.02");
  EXPECT_EQ(edgar_crawler_key("item5"), "item_5");
  EXPECT_EQ(edgar_crawler_key("signatures"), "item_SIGNATURE");
  EXPECT_EQ(edgar_crawler_key("executive_officers"), "");
  EXPECT_EQ(edgar_crawler_key("financial_statements"), "");
}

TEST_P(StoreBackendTest, MigrationIsIdempotent) {
  Connection db(location());
  migrate(db);
  migrate(db);
  EXPECT_EQ(db.schema_version(), kSchemaVersion);
}

TEST(QueriesTest, MissingDatabaseIsAnIoError) {
  MetricsQuery q;
  q.db = "/nonexistent/secnlp.db";
  try {
    query_metrics(q);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_EQ(e.path(), "/nonexistent/secnlp.db");
  }
}

// A new SQLite file starts from the consolidated baseline; it must be the schema the migration
// history builds: same tables, columns (name, type, order, default, key), indexes and triggers.
TEST(SchemaTest, BaselineEqualsMigrations) {
  testing::TempDir dir;
  const auto history = (dir.path() / "history.db").string();
  const auto baseline = (dir.path() / "baseline.db").string();
  {
    Connection db(history);
    migrate(db, 9);  // the history, one migration at a time
    migrate(db);
  }
  {
    Connection db(baseline);
    migrate(db);  // from nothing: the baseline
  }
  auto describe = [](const std::string& path) {
    Connection db(path);
    std::vector<std::string> out;
    Statement objects = db.prepare(
        "SELECT type, name, tbl_name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
        "ORDER BY type, name");
    while (objects.step()) {
      const std::string type = objects.column_text(0), name = objects.column_text(1);
      out.push_back(type + " " + name + " on " + objects.column_text(2));
      const std::string pragma = type == "table"   ? "table_xinfo"
                                 : type == "index" ? "index_xinfo"
                                                   : "";
      if (pragma.empty()) continue;
      Statement columns = db.prepare("SELECT * FROM pragma_" + pragma + "(?)");
      columns.bind(1, name);
      while (columns.step()) {
        std::string row = "  ";
        for (int c = 0; c < columns.column_count(); ++c)
          row += columns.column_text(c) + "|";
        out.push_back(row);
      }
    }
    Statement version = db.prepare("SELECT value FROM store_generation");
    while (version.step())
      out.push_back("generation " + version.column_text(0));
    out.push_back("version " + std::to_string(db.schema_version()));
    return out;
  };
  EXPECT_EQ(describe(baseline), describe(history));
}

TEST(DatabaseTest, UrlsNeverShowTheirPassword) {
  EXPECT_TRUE(is_postgres_url("postgresql://u@h/db"));
  EXPECT_TRUE(is_postgres_url("postgres://h/db"));
  EXPECT_FALSE(is_postgres_url("results.db"));
  EXPECT_EQ(display_location("postgresql://ann:s3cret@db.example:5432/sec"),
            "postgresql://ann:***@db.example:5432/sec");
  EXPECT_EQ(display_location("postgresql://ann@h/sec?sslmode=require&password=s3cret&x=1"),
            "postgresql://ann@h/sec?sslmode=require&password=***&x=1");
  EXPECT_EQ(display_location("postgresql://h/sec"), "postgresql://h/sec");
  EXPECT_EQ(display_location("/data/x:y@z.db"), "/data/x:y@z.db");  // a file keeps its name
}

TEST(DatabaseTest, OneStatementServesBothDialects) {
  EXPECT_EQ(postgres_parameters("SELECT a FROM t WHERE b = ? AND c = '?' AND d = ?"),
            "SELECT a FROM t WHERE b = $1 AND c = '?' AND d = $2");
  EXPECT_EQ(postgres_parameters("DELETE FROM s WHERE doc_id=?1 OR prev_doc_id=?1 AND x=?"),
            "DELETE FROM s WHERE doc_id=$1 OR prev_doc_id=$1 AND x=$2");
  EXPECT_EQ(postgres_parameters("SELECT \"odd?name\", 'it''s ?' FROM t WHERE x = ?3"),
            "SELECT \"odd?name\", 'it''s ?' FROM t WHERE x = $3");
  EXPECT_EQ(postgres_null_order("SELECT a FROM t ORDER BY a, b DESC LIMIT 3"),
            "SELECT a FROM t ORDER BY a NULLS FIRST, b DESC NULLS LAST LIMIT 3");
  EXPECT_EQ(postgres_null_order("SELECT x FROM (SELECT x FROM t ORDER BY x) s ORDER BY x desc"),
            "SELECT x FROM (SELECT x FROM t ORDER BY x NULLS FIRST) s ORDER BY x desc NULLS LAST");
  EXPECT_EQ(postgres_null_order("SELECT f(a, b) FROM t ORDER BY f(a, b), 'order by' NULLS LAST"),
            "SELECT f(a, b) FROM t ORDER BY f(a, b) NULLS FIRST, 'order by' NULLS LAST");
  EXPECT_EQ(postgres_null_order("SELECT row_number() OVER (ORDER BY d) FROM t WHERE border = 1"),
            "SELECT row_number() OVER (ORDER BY d NULLS FIRST) FROM t WHERE border = 1");
  EXPECT_EQ(upsert_sql("metrics", "doc_id, scope, name, value", "doc_id, scope, name"),
            "INSERT INTO metrics(doc_id, scope, name, value) VALUES(?, ?, ?, ?) ON "
            "CONFLICT(doc_id, scope, name) DO UPDATE SET value = excluded.value");
  EXPECT_EQ(upsert_sql("v", "term", "term"),
            "INSERT INTO v(term) VALUES(?) ON CONFLICT(term) DO NOTHING");
  const std::string ddl =
      "CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  n INTEGER NOT NULL,\n  x REAL,\n  s TEXT,\n"
      "  b BLOB,\n  PRIMARY KEY (n, s)\n) WITHOUT ROWID;";
  EXPECT_EQ(ddl_for(Backend::kSqlite, ddl), ddl);
  EXPECT_EQ(ddl_for(Backend::kPostgres, ddl),
            "CREATE TABLE t (\n  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n  n "
            "BIGINT NOT NULL,\n  x DOUBLE PRECISION,\n  s TEXT COLLATE \"C\",\n  b BYTEA,\n  "
            "PRIMARY KEY (n, s)\n);");
}

// The functions the shared SQL calls mean the same on both engines.
TEST_P(StoreBackendTest, SharedFunctionsAgree) {
  Connection db(location());
  migrate(db);
  Statement st = db.prepare(
      "SELECT byte_slice(?, 2, 4), instr(?, 'lo'), json_extract(?, '$.company'), "
      "json_extract(?, '$.missing')");
  st.bind(1, "Zürich!").bind(2, "hello").bind(3, R"({"company": "Acme", "n": 3})");
  st.bind(4, "{}");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_blob(0), "\xc3\xbcri");  // bytes 2..5: ü is two bytes
  EXPECT_EQ(st.column_text(0), "\xc3\xbcri");
  EXPECT_EQ(st.column_int(1), 4);
  EXPECT_EQ(st.column_text(2), "Acme");
  EXPECT_TRUE(st.column_is_null(3));
  // NULLs sort first ascending and last descending on both engines.
  Statement order = db.prepare(
      "SELECT v FROM (SELECT NULL AS v UNION ALL SELECT 'b' UNION ALL SELECT 'a') s ORDER BY v");
  std::vector<std::string> seen;
  while (order.step())
    seen.push_back(order.column_is_null(0) ? "NULL" : order.column_text(0));
  EXPECT_EQ(seen, (std::vector<std::string>{"NULL", "a", "b"}));
  // Blobs and text round-trip byte for byte (NUL and invalid UTF-8 in a blob included).
  db.exec(ddl_for(db.backend(), "CREATE TABLE scratch (k INTEGER PRIMARY KEY, b BLOB, r REAL)"));
  const std::string bytes(
      "\0\x01\xff\xfe"
      "abc\\x",
      9);
  db.prepare("INSERT INTO scratch(k, b, r) VALUES(?, ?, ?)")
      .bind(1, 7)
      .bind_blob(2, bytes)
      .bind(3, 0.1)
      .run();
  Statement back = db.prepare("SELECT b, r, k FROM scratch WHERE k = ?");
  back.bind(1, 7);
  ASSERT_TRUE(back.step());
  EXPECT_EQ(back.column_blob(0), bytes);
  EXPECT_EQ(back.column_double(1), 0.1);  // exactly: shortest round-trip text
  EXPECT_EQ(back.column_kind(0), ValueKind::kBlob);
  EXPECT_EQ(back.column_kind(2), ValueKind::kInteger);
  db.prepare("UPDATE scratch SET r = 2 WHERE k >= ?").bind(1, 0).run();
  EXPECT_EQ(db.changes(), 1);
}

// Writers racing on the same documents (two workers given one filing, the ranks of one run)
// leave one row per document, one id per term, and term vectors that decode to the terms.
TEST_P(StoreBackendTest, RacingWritersLeaveOneRowPerDocument) {
  { DocumentStore create(db()); }
  auto writer = [&](int which) {
    DocumentStore store(db());
    const auto run = store.begin_run("process", "cfg", "", 1);
    for (int i = 0; i < 12; ++i) {
      const int n = which == 0 ? i : 11 - i;  // opposite orders
      auto doc = sample_doc("/d" + std::to_string(n) + ".htm");
      doc.counts[""] = {
          {"shared", 1}, {"t" + std::to_string(n), 2}, {"w" + std::to_string(which), 3}};
      doc.counts["1A"].clear();
      std::sort(doc.counts[""].begin(), doc.counts[""].end());
      store.write_document(doc, run, "cfg", true);
    }
  };
  std::thread a(writer, 0), b(writer, 1);
  a.join();
  b.join();
  Connection c(location());
  auto count = [&](const char* sql) {
    Statement st = c.prepare(sql);
    EXPECT_TRUE(st.step());
    return st.column_int(0);
  };
  EXPECT_EQ(count("SELECT count(*) FROM documents"), 12);
  EXPECT_EQ(count("SELECT count(DISTINCT doc_key) FROM documents"), 12);
  EXPECT_EQ(count("SELECT count(*) FROM vocabulary"),
            count("SELECT count(DISTINCT term) FROM vocabulary"));
  EXPECT_EQ(count("SELECT count(*) FROM term_vectors WHERE scope = ''"), 12);
  std::map<std::int64_t, std::string> terms;
  Statement vocabulary = c.prepare("SELECT id, term FROM vocabulary");
  while (vocabulary.step())
    terms[vocabulary.column_int(0)] = vocabulary.column_text(1);
  Statement vectors = c.prepare(
      "SELECT d.path, v.data FROM term_vectors v JOIN documents d ON d.id = v.doc_id WHERE v.scope "
      "= ''");
  while (vectors.step()) {
    const std::string path = vectors.column_text(0);
    std::vector<std::string> got;
    for (const auto& [id, n] : decode_term_vector(vectors.column_blob(1)))
      got.push_back(terms.at(id));
    std::sort(got.begin(), got.end());
    const std::string number = path.substr(2, path.size() - 6);
    ASSERT_EQ(got.size(), 3u) << path;
    EXPECT_EQ(got[0], "shared");
    EXPECT_EQ(got[1], "t" + number);
    EXPECT_TRUE(got[2] == "w0" || got[2] == "w1") << got[2];
  }
}

// One run at a time per database; on PostgreSQL the processes of one run (same run key) share
// the lock, and another run is refused while they hold it.
TEST_P(StoreBackendTest, RunLockRefusesASecondRun) {
  { DocumentStore create(db()); }
  {
    jobs::RunLock first(db());
    try {
      jobs::RunLock second(db());
      FAIL() << "a second run took the lock";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kDatabase);
      EXPECT_NE(std::string(e.what()).find("locked by another run"), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).find("password"), std::string::npos);
    }
  }
  jobs::RunLock again(db());  // released with its holder
  if (GetParam() != "postgresql") return;
}

TEST_P(StoreBackendTest, RunLockIsSharedByTheProcessesOfOneRun) {
  if (GetParam() != "postgresql") GTEST_SKIP() << "run keys join a lock on PostgreSQL only";
  { DocumentStore create(db()); }
  jobs::RunLock rank0(db(), "job-42");
  jobs::RunLock rank1(db(), "job-42");
  EXPECT_THROW(jobs::RunLock other(db(), "job-43"), Error);
  EXPECT_THROW(jobs::RunLock alone(db()), Error);
}

// `secnlp import`: a SQLite file moves into either backend table for table with its ids, later
// writes continue the numbering, and a database that already holds results is never merged into.
TEST_P(StoreBackendTest, ImportCopiesEveryTableAndKeepsIds) {
  testing::ScratchDatabase source("sqlite");
  {
    DocumentStore store(source.path());
    const auto run = store.begin_run("process", "cfg", "config", 1);
    store.write_document(sample_doc("/a.htm"), run, "cfg", true);
    store.write_document(sample_doc("/b.htm"), run, "cfg", true);
    store.finish_run(run, {2, 2, 0, 0, 0, 200}, "ok");
  }
  const CopySummary summary = copy_database(source.location(), location());
  std::map<std::string, std::uint64_t> copied(summary.rows.begin(), summary.rows.end());
  EXPECT_EQ(copied.size(), store_tables().size());
  EXPECT_EQ(copied["documents"], 2u);
  EXPECT_EQ(copied["runs"], 1u);
  EXPECT_EQ(copied["metrics"], 6u);
  Connection from(source.location()), to(location());
  for (const auto& table : store_tables()) {
    Statement a = from.prepare("SELECT count(*) FROM " + table);
    Statement b = to.prepare("SELECT count(*) FROM " + table);
    ASSERT_TRUE(a.step() && b.step());
    EXPECT_EQ(a.column_int(0), b.column_int(0)) << table;
  }
  Statement ids = to.prepare("SELECT path, id FROM documents ORDER BY path");
  std::vector<std::pair<std::string, std::int64_t>> got;
  while (ids.step())
    got.emplace_back(ids.column_text(0), ids.column_int(1));
  Statement want = from.prepare("SELECT path, id FROM documents ORDER BY path");
  std::vector<std::pair<std::string, std::int64_t>> expected;
  while (want.step())
    expected.emplace_back(want.column_text(0), want.column_int(1));
  EXPECT_EQ(got, expected);
  {
    DocumentStore store(db());  // the imported results read and grow like any others
    EXPECT_EQ(store.file_states().size(), 2u);
    const auto run = store.begin_run("process", "cfg", "", 1);
    EXPECT_EQ(run, 2);
    store.write_document(sample_doc("/c.htm"), run, "cfg", true);
  }
  Statement max = to.prepare("SELECT count(DISTINCT id), max(id) FROM documents");
  ASSERT_TRUE(max.step());
  EXPECT_EQ(max.column_int(0), 3);
  EXPECT_EQ(max.column_int(1), 3);
  try {
    copy_database(source.location(), location());
    FAIL() << "imported into a database that holds results";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

}  // namespace
}  // namespace secnlp::store
