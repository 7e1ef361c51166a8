#include "pipeline/store/run_ranks.h"

#include "common/error.h"
#include "pipeline/store/database.h"
#include "pipeline/store/schema.h"

namespace secnlp::store {

pipeline::ResultTable query_run_ranks(const std::filesystem::path& db, std::size_t limit) {
  require_database(db.string());
  Connection conn(db.string());
  migrate(conn);
  Statement st = conn.prepare(
      "SELECT run_id, rank, host, total, processed, skipped, failed, linked, bytes / 1e6 "
      "FROM run_ranks WHERE run_id IN (SELECT id FROM runs ORDER BY id DESC LIMIT ?) "
      "ORDER BY run_id DESC, rank");
  st.bind(1, static_cast<std::int64_t>(limit));
  pipeline::ResultTable table;
  table.columns = {"run",     "rank",   "host",   "documents", "processed",
                   "skipped", "failed", "linked", "MB"};
  while (st.step()) {
    std::vector<pipeline::Cell> row;
    row.emplace_back(st.column_int(0));
    row.emplace_back(st.column_int(1));
    row.emplace_back(st.column_text(2));
    for (int c : {3, 4, 5, 6, 7})
      row.emplace_back(st.column_int(c));
    row.emplace_back(st.column_double(8));
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace secnlp::store
