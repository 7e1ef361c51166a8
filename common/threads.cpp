#include "common/threads.h"

#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include "common/error.h"

namespace secnlp {

int max_thread_count() {
  const unsigned cores = std::thread::hardware_concurrency();
  if (cores == 0) return 1024;
  return static_cast<int>(std::min<unsigned long long>(1024, 16ull * cores));
}

void check_thread_count(long long threads, std::string_view option) {
  const int most = max_thread_count();
  if (threads < 0 || threads > most)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("{} {} is out of range: use 0 (all cores) up to {} (16 x the {} "
                            "cores, at most 1024)",
                            option, threads, most, std::thread::hardware_concurrency()));
}

}  // namespace secnlp
