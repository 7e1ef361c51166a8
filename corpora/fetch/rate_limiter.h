#pragma once
// A request-rate limiter shared by every thread that talks to one server (the SEC asks for at
// most 10 requests per second per client, across all threads).

#include <chrono>
#include <cstddef>
#include <mutex>
#include <vector>

namespace secnlp::corpora {

// Sliding-window limiter: at most `max_requests` grants in any window of `period + guard`.
// acquire() reserves the next free slot under a mutex and sleeps outside it, so grants are
// handed out in order and the limit holds across threads. Slots are monotonic, hence any
// max_requests + 1 consecutive grants are at least period + guard apart.
//
// Options (constructor): max_requests (default 10), period (default 1 s), guard (default 100 ms,
// margin for network jitter so that the *server* still sees at most max_requests per period).
// Thread-safe; share one instance (std::shared_ptr) between all clients of one server.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // Throws Error(kInvalidArgument) when max_requests == 0 or period <= 0 or guard < 0.
  explicit RateLimiter(std::size_t max_requests = 10,
                       std::chrono::milliseconds period = std::chrono::milliseconds(1000),
                       std::chrono::milliseconds guard = std::chrono::milliseconds(100));
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  // Blocks until the caller may send one request; returns the granted slot (<= now on return).
  // O(1) besides the sleep.
  Clock::time_point acquire();

  std::size_t max_requests() const { return slots_.size(); }
  // period + guard: the window in which at most max_requests() grants fall.
  Clock::duration window() const { return window_; }

 private:
  std::mutex mutex_;
  Clock::duration window_;
  std::vector<Clock::time_point> slots_;  // ring of the last max_requests grants
  std::size_t next_ = 0;                  // oldest grant, overwritten by the next one
  std::size_t granted_ = 0;
};

}  // namespace secnlp::corpora
