#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "common/error.h"
#include "nlp/features/count_vectorizer.h"
#include "nlp/features/tfidf.h"
#include "nlp/sec/section_map.h"
#include "pipeline/store/document_store.h"
#include "pipeline/store/queries.h"
#include "pipeline/store/schema.h"
#include "pipeline/store/term_vector_codec.h"
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

TEST(DocumentStoreTest, WritesAndReadsBack) {
  testing::TempDir dir;
  const auto db = dir.path() / "t.db";
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

TEST(DocumentStoreTest, RewriteReplacesOldResults) {
  testing::TempDir dir;
  DocumentStore store(dir.path() / "t.db");
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

TEST(DocumentStoreTest, ErrorMarksDocumentAndDropsStaleResults) {
  testing::TempDir dir;
  DocumentStore store(dir.path() / "t.db");
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
TEST(QueriesTest, TermsTfidfEqualsVectorizerOnTheSameDocuments) {
  const std::vector<std::vector<std::string>> docs = {
      {"risk", "risk", "market", "loss", "loss", "loss", "rate"},
      {"risk", "growth", "growth", "market", "rate"},
      {"litigation", "risk", "loss", "tariff", "tariff"},
      {"growth", "market", "market", "market", "rate", "rate"}};
  testing::TempDir dir;
  const auto db = dir.path() / "t.db";
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

TEST(SchemaTest, RefusesNewerDatabase) {
  testing::TempDir dir;
  const auto path = (dir.path() / "t.db").string();
  {
    Connection db(path);
    db.exec("PRAGMA user_version = 99");
  }
  Connection db(path);
  EXPECT_THROW(migrate(db), Error);
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

TEST(DocumentStoreTest, SectionsStoreCodePointOffsets) {
  testing::TempDir dir;
  const auto db = dir.path() / "t.db";
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

TEST(SchemaTest, MigrationIsIdempotent) {
  testing::TempDir dir;
  Connection db((dir.path() / "t.db").string());
  migrate(db);
  migrate(db);
  Statement st = db.prepare("PRAGMA user_version");
  ASSERT_TRUE(st.step());
  EXPECT_EQ(st.column_int(0), kSchemaVersion);
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

}  // namespace
}  // namespace secnlp::store
