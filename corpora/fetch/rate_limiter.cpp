#include "corpora/fetch/rate_limiter.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <thread>

#include <fmt/format.h>

#include "common/error.h"
#include "common/log.h"

namespace secnlp::corpora {

RateLimiter::RateLimiter(std::size_t max_requests, std::chrono::milliseconds period,
                         std::chrono::milliseconds guard, std::filesystem::path shared_file)
    : window_(period + guard), shared_file_(std::move(shared_file)) {
  if (max_requests == 0 || period.count() <= 0 || guard.count() < 0)
    throw Error(ErrorCode::kInvalidArgument,
                "rate limiter needs max_requests > 0, period > 0 and guard >= 0", "RateLimiter");
  slots_.resize(max_requests);
  if (!shared_file_.empty()) {
    std::error_code ec;
    if (shared_file_.has_parent_path())
      std::filesystem::create_directories(shared_file_.parent_path(), ec);
    fd_ = ::open(shared_file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0)
      throw Error(ErrorCode::kIo,
                  fmt::format("cannot open the shared rate-limit file: {}", std::strerror(errno)),
                  shared_file_.string());
  }
}

RateLimiter::~RateLimiter() {
  if (fd_ >= 0) ::close(fd_);
}

// The next slot after `now` given the grants in slots_; records it. Caller holds the locks.
RateLimiter::Clock::time_point RateLimiter::reserve_locked(Clock::time_point now) {
  Clock::time_point slot = now;
  if (granted_ >= slots_.size()) slot = std::max(slot, slots_[next_] + window_);
  // Grants are monotonic even if the clock reading above raced with a later reservation.
  if (granted_ > 0) {
    const auto last = slots_[(next_ + slots_.size() - 1) % slots_.size()];
    slot = std::max(slot, last);
  }
  slots_[next_] = slot;
  next_ = (next_ + 1) % slots_.size();
  ++granted_;
  return slot;
}

// File format (text, one line): "secnlp-rate-limit 1 <n> <window_ns> <granted> <next> t0 ..
// t(n-1)" with times in steady_clock nanoseconds. Anything else (another n or window, garbage,
// empty) starts afresh: no grants known.
void RateLimiter::load_shared() {
  char buffer[4096];
  const ssize_t n = ::pread(fd_, buffer, sizeof buffer - 1, 0);
  granted_ = 0;
  next_ = 0;
  if (n <= 0) return;
  buffer[n] = '\0';
  std::istringstream in(std::string(buffer, static_cast<std::size_t>(n)));
  std::string magic;
  int version = 0;
  std::size_t count = 0, granted = 0, next = 0;
  long long window = 0;
  if (!(in >> magic >> version >> count >> window >> granted >> next) ||
      magic != "secnlp-rate-limit" || version != 1 || count != slots_.size() ||
      window != std::chrono::duration_cast<std::chrono::nanoseconds>(window_).count() ||
      next >= count)
    return;
  std::vector<Clock::time_point> slots(count);
  for (auto& t : slots) {
    long long ns = 0;
    if (!(in >> ns)) return;
    t = Clock::time_point(
        std::chrono::duration_cast<Clock::duration>(std::chrono::nanoseconds(ns)));
  }
  slots_ = std::move(slots);
  granted_ = granted;
  next_ = next;
}

void RateLimiter::store_shared() {
  std::string text =
      fmt::format("secnlp-rate-limit 1 {} {} {} {}", slots_.size(),
                  std::chrono::duration_cast<std::chrono::nanoseconds>(window_).count(),
                  std::min(granted_, slots_.size()), next_);
  for (const auto& t : slots_)
    text += fmt::format(
        " {}", std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count());
  text += "\n";
  // Best effort: a failed write only loses the other processes' view of these grants.
  if (::pwrite(fd_, text.data(), text.size(), 0) == static_cast<ssize_t>(text.size()))
    static_cast<void>(::ftruncate(fd_, static_cast<off_t>(text.size())));
}

RateLimiter::Clock::time_point RateLimiter::acquire() {
  Clock::time_point slot;
  {
    std::lock_guard lock(mutex_);
    if (fd_ < 0) {
      slot = reserve_locked(Clock::now());
    } else {
      while (::flock(fd_, LOCK_EX) != 0 && errno == EINTR) {
      }
      load_shared();
      slot = reserve_locked(Clock::now());
      store_shared();
      ::flock(fd_, LOCK_UN);
    }
  }
  std::this_thread::sleep_until(slot);
  return slot;
}

std::filesystem::path RateLimiter::default_shared_file() {
  if (const char* file = std::getenv("SECNLP_RATE_LIMIT_FILE"); file != nullptr && *file != '\0')
    return file;
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache != nullptr && *cache == '/')
    return std::filesystem::path(cache) / "secnlp" / "sec-rate-limit";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home == '/')
    return std::filesystem::path(home) / ".cache" / "secnlp" / "sec-rate-limit";
  return fmt::format("/tmp/secnlp-sec-rate-limit-{}", ::getuid());
}

std::shared_ptr<RateLimiter> RateLimiter::shared_default() {
  static std::mutex mutex;
  static std::weak_ptr<RateLimiter> current;
  std::lock_guard lock(mutex);
  if (auto limiter = current.lock()) return limiter;
  std::shared_ptr<RateLimiter> limiter;
  const auto file = default_shared_file();
  try {
    limiter = std::make_shared<RateLimiter>(10, std::chrono::milliseconds(1000),
                                            std::chrono::milliseconds(100), file);
  } catch (const Error& e) {
    log_warn("{}; the 10 requests/s limit then holds for this process only", e.what());
    limiter = std::make_shared<RateLimiter>();
  }
  current = limiter;
  return limiter;
}

}  // namespace secnlp::corpora
