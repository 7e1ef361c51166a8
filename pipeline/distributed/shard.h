#pragma once
// `--shard K/N`: one of N independent runs over the same inputs, for a Slurm job array, a
// Kubernetes indexed Job or an AWS Batch array job. Every shard discovers the same inputs and
// keeps a deterministic share of them, so the N shards together cover each input exactly once
// with no coordination between them.
//
// Shares are balanced by weight (bytes for files, pairs for companies): items sorted by weight,
// largest first (ties by name), each given to the shard with the least weight so far (ties to
// the lowest shard). Adding or removing one input may move others between shards; a shard is
// only meaningful for one fixed set of inputs (re-running a finished shard skips what is stored).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::distributed {

struct Shard {
  int index = 1;  // K, 1-based
  int count = 1;  // N
};

// Parses "K/N" (1 <= K <= N, whole numbers, N at most 1,000,000). Throws
// Error(kInvalidArgument) naming `flag` and saying what is wrong otherwise.
Shard parse_shard(std::string_view text, std::string_view flag = "--shard");

// "K/N".
std::string shard_name(const Shard& shard);

struct WeightedItem {
  std::string name;  // breaks ties and makes the order independent of the input order
  std::uint64_t weight = 0;
};

// The shard (0-based) of each item, in the order given: the balanced assignment above.
// O(n log n + n log N).
std::vector<int> assign_shards(const std::vector<WeightedItem>& items, int count);

// The indexes (into `items`, ascending) that `shard` keeps.
std::vector<std::size_t> select_shard(const std::vector<WeightedItem>& items, const Shard& shard);

}  // namespace secnlp::distributed
