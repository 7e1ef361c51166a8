#pragma once
// A request-rate limiter shared by every thread that talks to one server (the SEC asks for at
// most 10 requests per second per client, across all threads).

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

namespace secnlp::corpora {

// Sliding-window limiter: at most `max_requests` grants in any window of `period + guard`.
// acquire() reserves the next free slot under a mutex and sleeps outside it, so grants are
// handed out in order and the limit holds across threads. Slots are monotonic, hence any
// max_requests + 1 consecutive grants are at least period + guard apart.
//
// Options (constructor): max_requests (default 10), period (default 1 s), guard (default 100 ms,
// margin for network jitter so that the *server* still sees at most max_requests per period),
// shared_file (default none). Thread-safe; share one instance (std::shared_ptr) between all
// clients of one server.
//
// Across processes: with a shared_file, the ring of the last grants lives in that file and is
// read and rewritten under flock(LOCK_EX) at every acquire(), so every process using the same
// file (e.g. two `secnlp fetch` run at once) shares one limit. Times are CLOCK_MONOTONIC
// (steady_clock), which all processes of one machine share. A missing, foreign or garbled file
// is started afresh; the lock dies with its holder (flock), so a killed process blocks nobody.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // Throws Error(kInvalidArgument) when max_requests == 0 or period <= 0 or guard < 0.
  // Throws Error(kIo) when shared_file cannot be created or opened (its folder is created).
  explicit RateLimiter(std::size_t max_requests = 10,
                       std::chrono::milliseconds period = std::chrono::milliseconds(1000),
                       std::chrono::milliseconds guard = std::chrono::milliseconds(100),
                       std::filesystem::path shared_file = {});
  ~RateLimiter();
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  // Blocks until the caller may send one request; returns the granted slot (<= now on return).
  // O(1) besides the sleep.
  Clock::time_point acquire();

  // The limiter every HttpClient gets by default: the SEC's 10 requests/s, shared by all secnlp
  // processes of this user through $SECNLP_RATE_LIMIT_FILE, else
  // $XDG_CACHE_HOME/secnlp/sec-rate-limit (default ~/.cache/...), else
  // /tmp/secnlp-sec-rate-limit-<uid>. Falls back to a per-process limiter (with a warning) when
  // no such file can be opened. One instance per process.
  static std::shared_ptr<RateLimiter> shared_default();
  // The file shared_default() uses.
  static std::filesystem::path default_shared_file();

  std::size_t max_requests() const { return slots_.size(); }
  // period + guard: the window in which at most max_requests() grants fall.
  Clock::duration window() const { return window_; }

 private:
  std::mutex mutex_;
  Clock::duration window_;
  std::vector<Clock::time_point> slots_;  // ring of the last max_requests grants
  std::size_t next_ = 0;                  // oldest grant, overwritten by the next one
  std::size_t granted_ = 0;
  std::filesystem::path shared_file_;
  int fd_ = -1;  // shared_file_, open while the limiter lives

  Clock::time_point reserve_locked(Clock::time_point now);
  void load_shared();
  void store_shared();
};

}  // namespace secnlp::corpora
