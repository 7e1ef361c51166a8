#include "pipeline/progress.h"

#include <cstdio>

#include <unistd.h>

#include <fmt/format.h>

namespace secnlp::pipeline {

Progress::Progress(std::uint64_t total_docs, std::uint64_t total_bytes, ProgressMode mode)
    : mode_(mode), total_docs_(total_docs), total_bytes_(total_bytes) {
  if (mode_ == ProgressMode::kAuto) {
    mode_ = ::isatty(STDERR_FILENO) ? ProgressMode::kBar : ProgressMode::kLines;
  }
  start_ = last_draw_ = std::chrono::steady_clock::now();
}

void Progress::advance(std::uint64_t bytes, bool failed) {
  std::lock_guard lock(mutex_);
  ++docs_;
  bytes_ += bytes;
  failed_ += failed ? 1 : 0;
  const auto now = std::chrono::steady_clock::now();
  const auto interval = mode_ == ProgressMode::kBar ? std::chrono::milliseconds(100)
                                                    : std::chrono::milliseconds(5000);
  if (now - last_draw_ >= interval) {
    last_draw_ = now;
    draw(false);
  }
}

void Progress::finish() {
  std::lock_guard lock(mutex_);
  if (mode_ == ProgressMode::kOff) return;
  draw(true);
}

void Progress::draw(bool final) {
  if (mode_ == ProgressMode::kOff) return;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double mb = static_cast<double>(bytes_) / 1e6;
  const double rate = seconds > 0 ? mb / seconds : 0.0;
  const double fraction =
      total_bytes_ ? static_cast<double>(bytes_) / static_cast<double>(total_bytes_) : 1.0;
  const double eta = fraction > 0 && fraction < 1 ? seconds * (1 - fraction) / fraction : 0.0;
  const std::string failed = failed_ ? fmt::format(", {} failed", failed_) : "";
  if (mode_ == ProgressMode::kBar) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    fmt::print(stderr, "\r[{:=<{}}{: <{}}] {}/{} docs{}, {:.1f} MB, {:.1f} MB/s, ETA {:.0f}s ", "",
               filled, "", kWidth - filled, docs_, total_docs_, failed, mb, rate, eta);
    if (final) fmt::print(stderr, "\n");
  } else {
    fmt::print(stderr, "progress: {}/{} docs{}, {:.1f} MB, {:.1f} MB/s{}\n", docs_, total_docs_,
               failed, mb, rate, final ? "" : fmt::format(", ETA {:.0f}s", eta));
  }
  std::fflush(stderr);
}

}  // namespace secnlp::pipeline
