#include "pipeline/distributed/shard.h"

#include <algorithm>
#include <charconv>
#include <numeric>
#include <queue>

#include <fmt/format.h>

#include "common/error.h"

namespace secnlp::distributed {
namespace {

constexpr long kMaxShards = 1'000'000;

// A whole decimal number, or -1.
long whole_number(std::string_view text) {
  long value = -1;
  if (text.empty() || text.size() > 9) return -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return -1;
  return value;
}

}  // namespace

Shard parse_shard(std::string_view text, std::string_view flag) {
  const auto fail = [&](std::string_view why) {
    return Error(
        ErrorCode::kInvalidArgument,
        fmt::format("{} '{}': {} (expected K/N with 1 <= K <= N, e.g. 3/8)", flag, text, why));
  };
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) throw fail("no '/'");
  const long k = whole_number(text.substr(0, slash));
  const long n = whole_number(text.substr(slash + 1));
  if (k < 0 || n < 0) throw fail("K and N must be whole numbers");
  if (n < 1) throw fail("N must be at least 1");
  if (n > kMaxShards) throw fail(fmt::format("N must be at most {}", kMaxShards));
  if (k < 1) throw fail("K counts from 1");
  if (k > n) throw fail("K must not exceed N");
  return Shard{static_cast<int>(k), static_cast<int>(n)};
}

std::string shard_name(const Shard& shard) {
  return fmt::format("{}/{}", shard.index, shard.count);
}

std::vector<int> assign_shards(const std::vector<WeightedItem>& items, int count) {
  if (count < 1) throw Error(ErrorCode::kInvalidArgument, "shard count must be at least 1");
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (items[a].weight != items[b].weight) return items[a].weight > items[b].weight;
    if (items[a].name != items[b].name) return items[a].name < items[b].name;
    return a < b;
  });
  // (load, shard): the least loaded shard on top, the lowest index among equals.
  using Load = std::pair<std::uint64_t, int>;
  std::priority_queue<Load, std::vector<Load>, std::greater<>> loads;
  for (int s = 0; s < count; ++s)
    loads.emplace(0, s);
  std::vector<int> out(items.size(), 0);
  for (std::size_t i : order) {
    auto [load, s] = loads.top();
    loads.pop();
    out[i] = s;
    // Every item counts at least 1, so empty files are dealt round-robin too.
    loads.emplace(load + std::max<std::uint64_t>(items[i].weight, 1), s);
  }
  return out;
}

std::vector<std::size_t> select_shard(const std::vector<WeightedItem>& items, const Shard& shard) {
  const std::vector<int> assigned = assign_shards(items, shard.count);
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (assigned[i] == shard.index - 1) out.push_back(i);
  return out;
}

}  // namespace secnlp::distributed
