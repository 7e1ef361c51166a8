#pragma once
// Runs left 'running' in the runs table by a process that died (kill -9, OOM, power loss).
//
// Only a caller that holds the database's run lock (pipeline/jobs/run_lock.h) may call this:
// with the lock held no other run is live on the database, so a 'running' row is a dead one.

#include <string_view>

#include "pipeline/store/database.h"

namespace secnlp::store {

// Sets status = `status` (and finished_at, when empty, to now) on every 'running' row of runs
// whose command matches `command_like` (SQL LIKE, e.g. "process" or "job:%"); with `and_later`
// also on every 'running' row begun after the first of them (a dead job's own process run).
// Logs one warning naming the database and the count when it marked any. Returns the count.
// Throws Error(kDatabase) on SQLite errors. One indexed query; cheap.
int mark_dead_runs(Connection& db, std::string_view command_like, std::string_view status,
                   bool and_later = false);

}  // namespace secnlp::store
