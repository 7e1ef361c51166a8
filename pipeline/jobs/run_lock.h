#pragma once
// An exclusive lock on a results database, so that two scheduled runs never overlap.
//
// The lock is flock(LOCK_EX | LOCK_NB) on "<db>.lock", a small file that also holds the
// holder's pid, host and start time ("pid 1234 host h since 2026-11-21T02:00:00Z"), so that a
// refused run can say who holds it. Why flock makes stale locks harmless: the kernel attaches
// the lock to the open file description and drops it when the last descriptor closes, which
// happens when the holder exits for any reason, SIGKILL and OOM kill included. A lock file left
// by a dead process therefore still exists, still names the dead pid, but is not locked; the
// next run acquires it at once and logs that it broke the stale lock (see stale_holder()). No
// pid probing (kill(pid, 0)) is needed, and a recycled pid cannot keep a lock alive.
//
// The file is never deleted, only emptied on release: unlinking a lock file races with a
// process that has opened but not yet locked it (two holders on two inodes).
// Limits: locks are per host; on NFS, Linux emulates flock with byte-range locks (works with
// NFSv4 lock state, not across hosts on old NFSv3 setups). A second RunLock on the same file in
// the same process is refused too (each RunLock opens its own description).

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "pipeline/store/session_lock.h"

namespace secnlp::jobs {

// The lock file of a database: "<db>.lock" beside the file the path resolves to (absolute,
// symlinks followed), so every spelling of one database takes the same lock. (Hard links to a
// SQLite database are unsafe anyway: SQLite's journal is found by name.)
std::filesystem::path lock_path_for(const std::filesystem::path& db);

// PostgreSQL (`db` a postgresql:// URL): the lock is a session-level advisory lock held by a
// connection the RunLock keeps open; PostgreSQL drops it when that session ends, so a killed
// run leaves nothing stale behind. The holder's "secnlp pid P host H since T" is its session's
// application_name, which a refused run reads back from pg_stat_activity.
//
// Runs of several processes (the ranks of `mpirun`, `--shard K/N` array jobs, Dask tasks)
// share one lock by naming one `run_key`: a process with a key joins when every holder has the
// same key, and is refused otherwise; a process without a key needs the lock alone.
// (PostgreSQL only: a SQLite database has one writer, and its run lock stays exclusive.)
class RunLock {
 public:
  // Takes the lock on `db` without waiting. When another live process (or another RunLock in
  // this process) holds it, throws Error(kDatabase, "database is locked by another run (pid P
  // host H since T)", lock file). Throws Error(kIo, lock file) when the file cannot be opened.
  explicit RunLock(const std::filesystem::path& db, const std::string& run_key = {});
  // Releases the lock (empties the file, then closes it).
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // What the lock file said when it was acquired, when a previous holder died without
  // releasing it ("pid 1234 host h since ..."); the constructor has logged a warning.
  const std::optional<std::string>& stale_holder() const { return stale_holder_; }

 private:
  void lock_postgres(const std::string& url, const std::string& run_key);

  std::filesystem::path path_;
  int fd_ = -1;
  std::unique_ptr<store::SessionLock> session_;  // PostgreSQL: the session holding the lock
  std::optional<std::string> stale_holder_;
};

}  // namespace secnlp::jobs
