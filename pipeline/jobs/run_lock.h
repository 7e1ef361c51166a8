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
#include <optional>
#include <string>

namespace secnlp::jobs {

// The lock file of a database: "<db>.lock" beside the file the path resolves to (absolute,
// symlinks followed), so every spelling of one database takes the same lock. (Hard links to a
// SQLite database are unsafe anyway: SQLite's journal is found by name.)
std::filesystem::path lock_path_for(const std::filesystem::path& db);

class RunLock {
 public:
  // Takes the lock on `db` without waiting. When another live process (or another RunLock in
  // this process) holds it, throws Error(kDatabase, "database is locked by another run (pid P
  // host H since T)", lock file). Throws Error(kIo, lock file) when the file cannot be opened.
  explicit RunLock(const std::filesystem::path& db);
  // Releases the lock (empties the file, then closes it).
  ~RunLock();
  RunLock(const RunLock&) = delete;
  RunLock& operator=(const RunLock&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // What the lock file said when it was acquired, when a previous holder died without
  // releasing it ("pid 1234 host h since ..."); the constructor has logged a warning.
  const std::optional<std::string>& stale_holder() const { return stale_holder_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::optional<std::string> stale_holder_;
};

}  // namespace secnlp::jobs
