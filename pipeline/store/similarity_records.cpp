#include "pipeline/store/similarity_records.h"

#include "pipeline/store/document_store.h"

namespace secnlp::store {

namespace {

constexpr char kFilingColumns[] =
    "SELECT id, path, cik, ticker, form, fiscal_year, period, filed, accession, available_at, "
    "accepted, doc_key, content_hash, config_hash FROM documents ";

StoredFiling filing_row(const Statement& st) {
  StoredFiling f;
  f.doc_id = st.column_int(0);
  f.path = st.column_text(1);
  f.cik = st.column_text(2);
  f.ticker = st.column_text(3);
  f.form = st.column_text(4);
  if (!st.column_is_null(5)) f.fiscal_year = static_cast<int>(st.column_int(5));
  f.period = st.column_text(6);
  f.filed = st.column_text(7);
  f.accession = st.column_text(8);
  f.available_at = st.column_text(9);
  f.accepted = st.column_text(10);
  f.doc_key = st.column_text(11);
  f.content_hash = st.column_text(12);
  f.config_hash = st.column_text(13);
  return f;
}

}  // namespace

std::vector<StoredFiling> stored_filings(Connection& db) {
  std::vector<StoredFiling> out;
  Statement st = db.prepare(std::string(kFilingColumns) + "WHERE status = 'ok'");
  while (st.step())
    out.push_back(filing_row(st));
  return out;
}

std::optional<StoredFiling> stored_filing(Connection& db, std::int64_t doc_id) {
  Statement st = db.prepare(std::string(kFilingColumns) + "WHERE id = ?");
  st.bind(1, doc_id);
  if (!st.step()) return std::nullopt;
  return filing_row(st);
}

TermVectorReader::TermVectorReader(Connection& db, std::string scope)
    : scope_(std::move(scope)),
      read_(db.prepare("SELECT data FROM term_vectors WHERE doc_id = ? AND scope = ?")) {}

std::optional<std::string> TermVectorReader::read(std::int64_t doc_id) {
  read_.bind(1, doc_id).bind(2, scope_);
  std::optional<std::string> out;
  if (read_.step()) out = std::string(read_.column_blob(0));
  read_.reset();
  return out;
}

std::string scope_text(Connection& db, std::int64_t doc_id, const std::string& scope) {
  if (scope.empty()) {
    Statement st = db.prepare("SELECT text FROM document_text WHERE doc_id = ?");
    st.bind(1, doc_id);
    return st.step() ? st.column_text(0) : std::string();
  }
  Statement st = db.prepare(
      "SELECT byte_slice(t.text, s.begin_offset + 1, s.end_offset - s.begin_offset) "
      "FROM sections s JOIN document_text t ON t.doc_id = s.doc_id "
      "WHERE s.doc_id = ? AND s.item = ?");
  st.bind(1, doc_id).bind(2, scope);
  return st.step() ? st.column_text(0) : std::string();
}

namespace {

std::vector<VectorFiling> vector_filings(Statement& st, bool with_data) {
  std::vector<VectorFiling> out;
  while (st.step()) {
    VectorFiling f;
    f.doc_id = st.column_int(0);
    f.key = {st.column_text(1), st.column_text(2), st.column_text(3)};
    if (with_data) f.data = std::string(st.column_blob(4));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace

std::vector<VectorFiling> find_vector_filings(Connection& db, const std::string& scope,
                                              const std::string& to) {
  auto collect = [&](const char* condition) {
    Statement st = db.prepare(
        std::string("SELECT d.id, d.available_at, d.accession, d.content_hash FROM documents d "
                    "JOIN term_vectors v ON v.doc_id = d.id AND v.scope = ?1 "
                    "WHERE d.status = 'ok' AND ") +
        condition + " LIMIT 2");
    st.bind(1, scope).bind(2, to);
    return vector_filings(st, false);
  };
  std::vector<VectorFiling> found = collect("d.accession = ?2");
  if (found.empty() && !to.empty()) found = collect("instr(d.path, ?2) > 0");
  return found;
}

std::vector<VectorFiling> dated_vector_filings(Connection& db, const std::string& scope) {
  Statement st = db.prepare(
      "SELECT d.id, d.available_at, d.accession, d.content_hash, v.data FROM documents d "
      "JOIN term_vectors v ON v.doc_id = d.id AND v.scope = ? "
      "WHERE d.status = 'ok' AND d.available_at IS NOT NULL AND d.available_at <> ''");
  st.bind(1, scope);
  return vector_filings(st, true);
}

std::int64_t undated_vector_filings(Connection& db, const std::string& scope) {
  Statement st = db.prepare(
      "SELECT count(*) FROM documents d JOIN term_vectors v ON v.doc_id = d.id AND v.scope = ? "
      "WHERE d.status = 'ok' AND (d.available_at IS NULL OR d.available_at = '')");
  st.bind(1, scope);
  return st.step() ? st.column_int(0) : 0;
}

std::int64_t term_vectors_generation(Connection& db) {
  Statement g = db.prepare("SELECT value FROM store_generation WHERE name = 'term_vectors'");
  return g.step() ? g.column_int(0) : -1;
}

SimilarityCache::SimilarityCache(Connection& db)
    : db_(db),
      lookup_(db.prepare(
          "SELECT value, inputs_hash FROM similarity WHERE doc_id = ? AND prev_doc_id = ? AND "
          "scope = ? AND measure = ? AND idf = ?")) {}

std::optional<double> SimilarityCache::lookup(const CachedScore& s, const std::string& inputs) {
  lookup_.bind(1, s.doc_id)
      .bind(2, s.prev_doc_id)
      .bind(3, s.scope)
      .bind(4, s.measure)
      .bind(5, s.idf);
  std::optional<double> value;
  if (lookup_.step() && lookup_.column_text(1) == inputs) value = lookup_.column_double(0);
  lookup_.reset();
  return value;
}

void SimilarityCache::put(const std::vector<Entry>& entries) {
  if (entries.empty()) return;
  Statement insert = db_.prepare(upsert_sql(
      "similarity",
      "doc_id, prev_doc_id, scope, measure, idf, value, corpus_size, computed_at, inputs_hash",
      "doc_id, prev_doc_id, scope, measure, idf"));
  const std::string now = utc_now();
  Transaction tx(db_);
  for (const Entry& e : entries) {
    insert.bind(1, e.score.doc_id)
        .bind(2, e.score.prev_doc_id)
        .bind(3, e.score.scope)
        .bind(4, e.score.measure)
        .bind(5, e.score.idf)
        .bind(6, e.value)
        .bind(7, e.corpus_size)
        .bind(8, now)
        .bind(9, e.inputs_hash)
        .run();
  }
  tx.commit();
}

}  // namespace secnlp::store
