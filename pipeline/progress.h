#pragma once
// Progress of a run on stderr: a redrawn bar (documents, MB/s, ETA) when stderr is a terminal,
// plain lines every few seconds otherwise (logs, cron mail). Thread-safe.

#include <chrono>
#include <cstdint>
#include <mutex>

namespace secnlp::pipeline {

enum class ProgressMode { kAuto, kBar, kLines, kOff };

class Progress {
 public:
  Progress(std::uint64_t total_docs, std::uint64_t total_bytes, ProgressMode mode);
  // One document finished (processed, skipped or failed) with `bytes` of input.
  void advance(std::uint64_t bytes, bool failed);
  // Final redraw and newline.
  void finish();

 private:
  void draw(bool final);

  std::mutex mutex_;
  ProgressMode mode_;
  std::uint64_t total_docs_;
  std::uint64_t total_bytes_;
  std::uint64_t docs_ = 0;
  std::uint64_t bytes_ = 0;
  std::uint64_t failed_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace secnlp::pipeline
