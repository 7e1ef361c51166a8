#include "pipeline/store/session_lock.h"

#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "common/error.h"

namespace secnlp::store {

SessionLock::SessionLock(const std::string& url, const std::string& run_key,
                         const std::string& holder)
    : session_(url) {
  Connection& c = session_;
  c.prepare("SELECT set_config('application_name', ?, false)").bind(1, holder).run();
  // A secnlp database is a PostgreSQL schema (the first of the search path): one key each.
  constexpr std::string_view kKey = "hashtextextended('secnlp run lock ' || current_schema(), 0)";
  // Joining is check-then-lock: take turns so that two runs never both see "no holder".
  Transaction tx(c);
  c.lock_in_transaction("secnlp run lock: joining");
  std::vector<std::string> holders;
  // A bigint advisory key shows in pg_locks as classid (high 32 bits) and objid (low).
  Statement who = c.prepare(fmt::format(
      "WITH k AS (SELECT {} AS v) SELECT a.application_name FROM pg_locks l "
      "JOIN pg_stat_activity a ON a.pid = l.pid, k WHERE l.locktype = 'advisory' AND "
      "l.granted AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE "
      "datname = current_database()) AND l.classid::BIGINT = ((k.v >> 32) & 4294967295) AND "
      "l.objid::BIGINT = (k.v & 4294967295) AND a.pid <> pg_backend_pid()",
      kKey));
  while (who.step())
    holders.push_back(who.column_text(0));
  const std::string mine = "secnlp run " + run_key + " ";
  bool joinable = !run_key.empty();
  for (const auto& h : holders)
    joinable = joinable && h.starts_with(mine);
  bool locked = false;
  if (holders.empty() || joinable) {
    Statement take = c.prepare(fmt::format(
        "SELECT {}({})", run_key.empty() ? "pg_try_advisory_lock" : "pg_try_advisory_lock_shared",
        kKey));
    locked = take.step() && take.column_int(0) == 1;
  }
  tx.commit();
  if (!locked)
    throw Error(ErrorCode::kDatabase,
                fmt::format("database is locked by another run ({}); try again when it ends",
                            holders.empty() ? "holder unknown" : holders.front()),
                c.path());
}

}  // namespace secnlp::store
