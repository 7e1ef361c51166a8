#pragma once
// The run lock of a PostgreSQL database (jobs::RunLock uses it for postgresql:// databases): a
// session-level advisory lock, keyed by the schema (a secnlp database), held by a connection of
// its own for as long as this object lives. PostgreSQL drops it when the session ends, so a
// killed run never leaves a stale lock. The holder's description ("secnlp [run KEY] pid P host H
// since T") is its session's application_name, which a refused run reads back from
// pg_stat_activity to say who holds the lock.
//
// Processes of one run share the lock by naming one run key: a process with a key joins when
// every holder has the same key (a shared lock), and is refused otherwise; a process without a
// key needs the lock alone (an exclusive lock). Checking and taking are one step: a
// transaction-scoped lock makes two runs take turns at it.

#include <string>

#include "pipeline/store/database.h"

namespace secnlp::store {

class SessionLock {
 public:
  // Throws Error(kDatabase, "database is locked by another run (HOLDER); try again when it
  // ends") when refused, and Error(kDatabase) when the database cannot be reached.
  SessionLock(const std::string& url, const std::string& run_key, const std::string& holder);
  SessionLock(const SessionLock&) = delete;
  SessionLock& operator=(const SessionLock&) = delete;

 private:
  Connection session_;
};

}  // namespace secnlp::store
