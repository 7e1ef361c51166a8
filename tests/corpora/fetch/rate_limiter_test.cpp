#include "corpora/fetch/rate_limiter.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "common/error.h"

namespace secnlp::corpora {
namespace {

using std::chrono::milliseconds;
using Clock = RateLimiter::Clock;

TEST(RateLimiter, RejectsImpossibleSettings) {
  struct Case {
    std::size_t n;
    long period_ms;
    long guard_ms;
    bool ok;
  };
  const Case cases[] = {
      {10, 1000, 100, true}, {1, 1, 0, true},      {0, 1000, 100, false},
      {10, 0, 100, false},   {10, -5, 100, false}, {10, 1000, -1, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::Message() << c.n << " " << c.period_ms << " " << c.guard_ms);
    auto make = [&] { RateLimiter r(c.n, milliseconds(c.period_ms), milliseconds(c.guard_ms)); };
    if (c.ok) {
      EXPECT_NO_THROW(make());
    } else {
      try {
        make();
        ADD_FAILURE() << "accepted";
      } catch (const Error& e) {
        EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      }
    }
  }
}

// Largest number of time points within any half-open window [t, t + window).
std::size_t max_in_window(std::vector<Clock::time_point> t, Clock::duration window) {
  std::sort(t.begin(), t.end());
  std::size_t best = 0, lo = 0;
  for (std::size_t hi = 0; hi < t.size(); ++hi) {
    while (t[hi] - t[lo] >= window)
      ++lo;
    best = std::max(best, hi - lo + 1);
  }
  return best;
}

TEST(RateLimiter, EightThreadsNeverExceedTheLimitInAnyWindow) {
  struct Case {
    std::size_t n;
    long period_ms;
    int per_thread;
  };
  // The SEC's default (10 per second) and a tighter one; 8 threads each.
  const Case cases[] = {{10, 1000, 4}, {3, 300, 3}};
  for (const auto& c : cases) {
    SCOPED_TRACE(testing::Message() << c.n << " per " << c.period_ms << " ms");
    RateLimiter limiter(c.n, milliseconds(c.period_ms));
    std::mutex mutex;
    std::vector<Clock::time_point> granted, observed;
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&] {
        for (int i = 0; i < c.per_thread; ++i) {
          const auto slot = limiter.acquire();
          const auto now = Clock::now();
          std::lock_guard lock(mutex);
          granted.push_back(slot);
          observed.push_back(now);
        }
      });
    }
    for (auto& t : threads)
      t.join();
    ASSERT_EQ(granted.size(), static_cast<std::size_t>(8 * c.per_thread));
    // The grants themselves: never more than n in one window (period + guard), deterministic.
    EXPECT_LE(max_in_window(granted, limiter.window()), c.n);
    // What callers saw when acquire() returned, against the plain period.
    EXPECT_LE(max_in_window(observed, milliseconds(c.period_ms)), c.n);
    // And the limiter was actually the bottleneck: more than n grants over all.
    EXPECT_GT(max_in_window(granted, std::chrono::hours(1)), c.n);
  }
}

// Two `fetch` processes used to run at 20 requests/s together: limiters sharing a file share
// one limit. Each limiter here has its own descriptor of the file, exactly as two processes do
// (flock locks open file descriptions), and steady_clock is the machine-wide CLOCK_MONOTONIC.
TEST(RateLimiter, LimitersSharingAFileShareOneLimit) {
  const auto file = std::filesystem::temp_directory_path() /
                    ("secnlp_rate_limit_test_" + std::to_string(::getpid()));
  std::filesystem::remove(file);
  {
    std::FILE* f = std::fopen(file.c_str(), "w");  // a garbled file is started afresh
    ASSERT_NE(f, nullptr);
    std::fputs("not a rate limit file\n", f);
    std::fclose(f);
  }
  const auto window = milliseconds(300);
  RateLimiter first(3, milliseconds(250), milliseconds(50), file);
  RateLimiter second(3, milliseconds(250), milliseconds(50), file);
  std::mutex mutex;
  std::vector<Clock::time_point> granted;
  std::vector<std::thread> threads;
  for (RateLimiter* limiter : {&first, &second, &first, &second}) {
    threads.emplace_back([&, limiter] {
      for (int i = 0; i < 3; ++i) {
        const auto slot = limiter->acquire();
        std::lock_guard lock(mutex);
        granted.push_back(slot);
      }
    });
  }
  for (auto& t : threads)
    t.join();
  ASSERT_EQ(granted.size(), 12u);
  EXPECT_LE(max_in_window(granted, window), 3u);
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace secnlp::corpora
