#pragma once
// A compact, build-once set of strings for large read-mostly dictionaries (WordNet's 118k noun
// lemmas): all keys live in one character arena and the hash index is a flat open-addressing
// array, so building costs one allocation per growth instead of one per key, and a lookup
// touches one slot and one arena position (std::unordered_set chases a node pointer per probe).
//
// Not thread-safe while inserting; after that, concurrent contains() calls are safe.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace secnlp::corpora {

class StringTable {
 public:
  StringTable() = default;

  // Prepares for `keys` keys whose lengths sum to about `bytes`, avoiding rehashes.
  void reserve(std::size_t keys, std::size_t bytes = 0);

  // Adds `key` (any bytes, any length below 4 GiB); returns false when it was already present.
  // Amortised O(|key|).
  bool insert(std::string_view key);

  // True when `key` was inserted. O(|key|) expected, no allocation.
  bool contains(std::string_view key) const noexcept;

  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }

  // Every key, in insertion order (a copy; for tests and diagnostics).
  std::vector<std::string> keys() const;

 private:
  struct Slot {
    std::uint32_t hash = 0;  // low 32 bits of the key's hash
    std::uint32_t offset = kEmpty;
    std::uint32_t length = 0;
  };
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;

  static std::uint64_t hash_of(std::string_view key) noexcept;
  void grow(std::size_t min_slots);

  std::string arena_;        // keys back to back, in insertion order
  std::vector<Slot> slots_;  // power-of-two size, at most half full
  std::size_t size_ = 0;
};

}  // namespace secnlp::corpora
