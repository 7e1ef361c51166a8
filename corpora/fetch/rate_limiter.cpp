#include "corpora/fetch/rate_limiter.h"

#include <algorithm>
#include <thread>

#include "common/error.h"

namespace secnlp::corpora {

RateLimiter::RateLimiter(std::size_t max_requests, std::chrono::milliseconds period,
                         std::chrono::milliseconds guard)
    : window_(period + guard) {
  if (max_requests == 0 || period.count() <= 0 || guard.count() < 0)
    throw Error(ErrorCode::kInvalidArgument,
                "rate limiter needs max_requests > 0, period > 0 and guard >= 0", "RateLimiter");
  slots_.resize(max_requests);
}

RateLimiter::Clock::time_point RateLimiter::acquire() {
  Clock::time_point slot;
  {
    std::lock_guard lock(mutex_);
    slot = Clock::now();
    if (granted_ >= slots_.size()) slot = std::max(slot, slots_[next_] + window_);
    // Grants are monotonic even if the clock reading above raced with a later reservation.
    if (granted_ > 0) {
      const auto last = slots_[(next_ + slots_.size() - 1) % slots_.size()];
      slot = std::max(slot, last);
    }
    slots_[next_] = slot;
    next_ = (next_ + 1) % slots_.size();
    ++granted_;
  }
  std::this_thread::sleep_until(slot);
  return slot;
}

}  // namespace secnlp::corpora
