#include "corpora/resources/string_table.h"

#include <algorithm>
#include <cstring>
#include <functional>
#include <utility>

#include "common/error.h"

namespace secnlp::corpora {

std::uint64_t StringTable::hash_of(std::string_view key) noexcept {
  return std::hash<std::string_view>{}(key);
}

void StringTable::reserve(std::size_t keys, std::size_t bytes) {
  arena_.reserve(bytes);
  if (keys * 2 > slots_.size()) grow(keys * 2);
}

void StringTable::grow(std::size_t min_slots) {
  std::size_t n = 16;
  while (n < min_slots)
    n *= 2;
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(n, Slot{});
  const std::size_t mask = n - 1;
  for (const Slot& s : old) {
    if (s.offset == kEmpty) continue;
    const std::string_view key(arena_.data() + s.offset, s.length);
    std::size_t i = static_cast<std::size_t>(hash_of(key)) & mask;
    while (slots_[i].offset != kEmpty)
      i = (i + 1) & mask;
    slots_[i] = s;
  }
}

bool StringTable::insert(std::string_view key) {
  if (arena_.size() + key.size() >= kEmpty) {
    throw Error(ErrorCode::kLimit, "string table larger than 4 GiB", "StringTable");
  }
  if ((size_ + 1) * 2 > slots_.size()) grow((size_ + 1) * 2);
  const std::uint64_t h = hash_of(key);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(h) & mask;
  for (;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.offset == kEmpty) break;
    if (s.hash == static_cast<std::uint32_t>(h) && s.length == key.size() &&
        std::memcmp(arena_.data() + s.offset, key.data(), key.size()) == 0) {
      return false;
    }
  }
  slots_[i] = Slot{static_cast<std::uint32_t>(h), static_cast<std::uint32_t>(arena_.size()),
                   static_cast<std::uint32_t>(key.size())};
  arena_.append(key);
  ++size_;
  return true;
}

bool StringTable::contains(std::string_view key) const noexcept {
  if (size_ == 0) return false;
  const std::uint64_t h = hash_of(key);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = static_cast<std::size_t>(h) & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.offset == kEmpty) return false;
    if (s.hash == static_cast<std::uint32_t>(h) && s.length == key.size() &&
        std::memcmp(arena_.data() + s.offset, key.data(), key.size()) == 0) {
      return true;
    }
  }
}

std::vector<std::string> StringTable::keys() const {
  // The arena holds keys back to back; the slots give their boundaries.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> spans;
  spans.reserve(size_);
  for (const Slot& s : slots_) {
    if (s.offset != kEmpty) spans.emplace_back(s.offset, s.length);
  }
  std::sort(spans.begin(), spans.end());
  std::vector<std::string> out;
  out.reserve(spans.size());
  for (const auto& [offset, length] : spans)
    out.emplace_back(arena_.data() + offset, length);
  return out;
}

}  // namespace secnlp::corpora
