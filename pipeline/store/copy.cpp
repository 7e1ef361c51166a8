#include "pipeline/store/copy.h"

#include <fmt/format.h>

#include "common/error.h"
#include "pipeline/store/database.h"
#include "pipeline/store/schema.h"

namespace secnlp::store {

const std::vector<std::string>& store_tables() {
  static const std::vector<std::string> tables = {
      "runs",       "documents",     "document_text",   "document_files",  "sections",   "metrics",
      "vocabulary", "term_vectors",  "errors",          "exhibits",        "similarity", "entities",
      "fetches",    "training_runs", "training_epochs", "store_generation"};
  return tables;
}

namespace {

std::int64_t count_rows(Connection& db, const std::string& table) {
  Statement st = db.prepare(fmt::format("SELECT count(*) FROM {}", table));
  st.step();
  return st.column_int(0);
}

}  // namespace

CopySummary copy_database(const std::string& from, const std::string& to) {
  require_database(from);
  Connection source(from);
  migrate(source);
  Connection target(to);
  migrate(target);
  for (const char* table : {"documents", "runs", "training_runs"})
    if (count_rows(target, table) > 0)
      throw Error(ErrorCode::kInvalidArgument,
                  fmt::format("the destination already holds {} rows: import copies into an "
                              "empty database only (it never merges two)",
                              table),
                  target.path());
  CopySummary summary;
  Transaction tx(target);
  // The generation row the schema creates is replaced by the source's.
  target.exec("DELETE FROM store_generation");
  for (const auto& table : store_tables()) {
    Statement rows = source.prepare(fmt::format("SELECT * FROM {}", table));
    std::optional<Statement> insert;
    int columns = 0;
    std::uint64_t n = 0;
    while (rows.step()) {
      if (!insert) {
        columns = rows.column_count();
        std::string names, marks;
        for (int c = 0; c < columns; ++c) {
          names += (c ? ", " : "") + rows.column_name(c);
          marks += c ? ", ?" : "?";
        }
        insert.emplace(target, fmt::format("INSERT INTO {}({}) VALUES({})", table, names, marks));
      }
      for (int c = 0; c < columns; ++c) {
        switch (rows.column_kind(c)) {
          case ValueKind::kNull:
            insert->bind_null(c + 1);
            break;
          case ValueKind::kInteger:
            insert->bind(c + 1, rows.column_int(c));
            break;
          case ValueKind::kReal:
            insert->bind(c + 1, rows.column_double(c));
            break;
          case ValueKind::kBlob:
            insert->bind_blob(c + 1, rows.column_blob(c));
            break;
          case ValueKind::kText:
            insert->bind(c + 1, rows.column_text(c));
            break;
        }
      }
      insert->run();
      ++n;
    }
    summary.rows.emplace_back(table, n);
  }
  if (target.backend() == Backend::kPostgres) {
    // Identity columns were given explicit ids: continue after the largest.
    for (const char* table : {"runs", "documents", "vocabulary", "errors", "training_runs"})
      target.exec(fmt::format(
          "SELECT setval(pg_get_serial_sequence('{0}', 'id'), coalesce(max(id), 0) + 1, false) "
          "FROM {0}",
          table));
  }
  tx.commit();
  return summary;
}

}  // namespace secnlp::store
