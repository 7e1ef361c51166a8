#include "pipeline/jobs/run_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"
#include "pipeline/store/document_store.h"

namespace secnlp::jobs {
namespace {

std::string read_holder(int fd) {
  std::string text(512, '\0');
  const ssize_t n = ::pread(fd, text.data(), text.size(), 0);
  text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
  while (!text.empty() && (text.back() == '\n' || text.back() == '\0'))
    text.pop_back();
  return text;
}

std::string host_name() {
  char buffer[256] = {};
  if (::gethostname(buffer, sizeof buffer - 1) != 0) return "?";
  return buffer;
}

}  // namespace

std::filesystem::path lock_path_for(const std::filesystem::path& db) {
  // The database's identity, not its spelling: a relative path, an absolute one and a symlink
  // to the same file share one lock.
  std::error_code ec;
  std::filesystem::path resolved =
      std::filesystem::weakly_canonical(std::filesystem::absolute(db, ec), ec);
  if (ec) resolved = db;
  return std::filesystem::path(resolved.string() + ".lock");
}

void RunLock::lock_postgres(const std::string& url, const std::string& run_key) {
  const std::string me =
      fmt::format("secnlp{} pid {} host {} since {}", run_key.empty() ? "" : " run " + run_key,
                  ::getpid(), host_name(), store::utc_now());
  session_ = std::make_unique<store::SessionLock>(url, run_key, me);
}

RunLock::RunLock(const std::filesystem::path& db, const std::string& run_key)
    : path_(store::is_postgres_url(db.string())
                ? std::filesystem::path(store::display_location(db.string()))
                : lock_path_for(db)) {
  if (store::is_postgres_url(db.string())) {
    lock_postgres(db.string(), run_key);
    return;
  }
  fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw Error(ErrorCode::kIo, fmt::format("cannot open lock file: {}", std::strerror(errno)),
                path_.string());
  int rc;
  do {
    rc = ::flock(fd_, LOCK_EX | LOCK_NB);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    const int err = errno;
    std::string holder = read_holder(fd_);
    ::close(fd_);
    fd_ = -1;
    if (err == EWOULDBLOCK) {
      if (holder.empty()) holder = "holder unknown";
      throw Error(
          ErrorCode::kDatabase,
          fmt::format("database is locked by another run ({}); try again when it ends", holder),
          path_.string());
    }
    throw Error(ErrorCode::kIo, fmt::format("cannot lock: {}", std::strerror(err)), path_.string());
  }
  // Locked. Text left in the file means its writer died holding the lock (a clean release
  // empties it); the kernel dropped that lock when the process ended.
  if (std::string previous = read_holder(fd_); !previous.empty()) {
    log_warn("{}: breaking a stale lock left by a dead run ({})", path_.string(), previous);
    stale_holder_ = std::move(previous);
  }
  const std::string me =
      fmt::format("pid {} host {} since {}\n", ::getpid(), host_name(), store::utc_now());
  if (::ftruncate(fd_, 0) != 0 ||
      ::pwrite(fd_, me.data(), me.size(), 0) != static_cast<ssize_t>(me.size())) {
    const int err = errno;
    ::close(fd_);
    fd_ = -1;
    throw Error(ErrorCode::kIo, fmt::format("cannot write lock file: {}", std::strerror(err)),
                path_.string());
  }
}

RunLock::~RunLock() {
  if (fd_ < 0) return;  // PostgreSQL: closing the session (session_) releases the lock
  // Empty before unlocking, so the next holder does not mistake a clean release for a crash.
  if (::ftruncate(fd_, 0) != 0) log_warn("{}: cannot empty lock file", path_.string());
  ::close(fd_);  // releases the flock
}

}  // namespace secnlp::jobs
