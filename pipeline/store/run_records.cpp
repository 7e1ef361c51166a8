#include "pipeline/store/run_records.h"

#include <set>

#include "pipeline/store/document_store.h"

namespace secnlp::store {

void record_run_error(Connection& db, std::int64_t run_id, const std::string& what,
                      const Error& error) {
  db.prepare("INSERT INTO errors (run_id, path, code, message, at) VALUES (?, ?, ?, ?, ?)")
      .bind(1, run_id)
      .bind(2, what)
      .bind(3, error_code_name(error.code()))
      .bind(4, error.message())
      .bind(5, utc_now())
      .run();
}

void set_run_config(Connection& db, std::int64_t run_id, std::string_view config) {
  db.prepare("UPDATE runs SET config = ? WHERE id = ?").bind(1, config).bind(2, run_id).run();
}

std::vector<std::pair<std::string, bool>> companies_stored_by_run(Connection& db,
                                                                  std::int64_t run_id) {
  Statement st = db.prepare(
      "SELECT DISTINCT coalesce(nullif(cik, ''), ''), coalesce(nullif(ticker, ''), '') "
      "FROM documents WHERE run_id = ? AND status = 'ok'");
  st.bind(1, run_id);
  std::set<std::pair<std::string, bool>> out;  // (id, is_cik)
  while (st.step()) {
    std::string cik = st.column_text(0);
    std::string ticker = st.column_text(1);
    if (!cik.empty())
      out.emplace(std::move(cik), true);
    else if (!ticker.empty())
      out.emplace(std::move(ticker), false);
  }
  return {out.begin(), out.end()};
}

std::vector<std::int64_t> documents_stored_by_run(Connection& db, std::int64_t run_id) {
  Statement st =
      db.prepare("SELECT id FROM documents WHERE run_id = ? AND status = 'ok' ORDER BY id");
  st.bind(1, run_id);
  std::vector<std::int64_t> ids;
  while (st.step())
    ids.push_back(st.column_int(0));
  return ids;
}

void record_fetch(Connection& db, const FetchRecord& f) {
  db.prepare(
        "INSERT INTO fetches(accession, kind, company, cik, form, filed, url, path, bytes, "
        "content_hash, fetched_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(accession, kind) DO UPDATE SET url=excluded.url, path=excluded.path, "
        "bytes=excluded.bytes, content_hash=excluded.content_hash, "
        "fetched_at=excluded.fetched_at")
      .bind(1, f.accession)
      .bind(2, f.kind)
      .bind(3, f.company)
      .bind(4, f.cik)
      .bind(5, f.form)
      .bind(6, f.filed)
      .bind(7, f.url)
      .bind(8, f.path)
      .bind(9, f.bytes)
      .bind(10, f.content_hash)
      .bind(11, utc_now())
      .run();
}

}  // namespace secnlp::store
