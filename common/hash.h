#pragma once
// Content hashing for change detection (not for security). Both functions are stable across
// platforms and versions: stored hashes depend on them.

#include <cstdint>
#include <string>
#include <string_view>

namespace secnlp {

// 64-bit FNV-1a of `bytes`: simple and byte-at-a-time; for short keys.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ULL);

// A 64-bit digest that consumes 8 bytes per step (xxHash64's round and avalanche on one lane,
// little-endian words on every platform): ~8x faster than FNV-1a on whole documents.
std::uint64_t hash64(std::string_view bytes);

// hash64 as 16 lowercase hex digits: the stored content and config hashes.
std::string hex_digest(std::string_view bytes);

}  // namespace secnlp
