#include "common/hash.h"

#include <fmt/format.h>

namespace secnlp {

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string hex_digest(std::string_view bytes) {
  return fmt::format("{:016x}", fnv1a64(bytes));
}

}  // namespace secnlp
