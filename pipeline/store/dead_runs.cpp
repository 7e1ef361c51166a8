#include "pipeline/store/dead_runs.h"

#include <fmt/format.h>

#include "common/log.h"
#include "pipeline/store/document_store.h"

namespace secnlp::store {

int mark_dead_runs(Connection& db, std::string_view command_like, std::string_view status,
                   bool and_later) {
  Statement first =
      db.prepare("SELECT min(id) FROM runs WHERE status = 'running' AND command LIKE ?");
  first.bind(1, command_like);
  if (!first.step() || first.column_is_null(0)) return 0;
  const std::int64_t from = first.column_int(0);
  Statement mark =
      db.prepare(and_later ? "UPDATE runs SET status = ?, finished_at = coalesce(finished_at, ?) "
                             "WHERE status = 'running' AND id >= ?"
                           : "UPDATE runs SET status = ?, finished_at = coalesce(finished_at, ?) "
                             "WHERE status = 'running' AND id >= ? AND command LIKE ?");
  mark.bind(1, status).bind(2, utc_now()).bind(3, from);
  if (!and_later) mark.bind(4, command_like);
  mark.run();
  const int marked = db.changes();
  log_warn("{}: {} run(s) left 'running' by a dead process marked '{}'", db.path(), marked, status);
  return marked;
}

}  // namespace secnlp::store
