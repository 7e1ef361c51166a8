#include "common/log.h"

#include "common/escape.h"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace secnlp {
namespace {
std::atomic<LogLevel> g_level{LogLevel::kInfo};
std::mutex g_mutex;
}  // namespace

void set_log_level(LogLevel level) {
  g_level = level;
}
LogLevel log_level() {
  return g_level;
}

void log_line(LogLevel level, std::string_view message) {
  static constexpr const char* kPrefix[] = {"error: ", "warning: ", "", "debug: "};
  // One line per call whatever the message holds: file names with newlines or terminal escape
  // codes are printed escaped (common/escape.h).
  const std::string line = escape_control(message);
  std::lock_guard lock(g_mutex);
  std::fprintf(stderr, "%s%.*s\n", kPrefix[static_cast<int>(level)], static_cast<int>(line.size()),
               line.data());
}

}  // namespace secnlp
