#pragma once
// Content hashing for change detection (not for security): 128-bit XXH3-style digests are
// overkill here; a 64-bit FNV-1a over bytes is stable across platforms and versions, which is
// what the store needs to decide "unchanged since last run".

#include <cstdint>
#include <string>
#include <string_view>

namespace secnlp {

// 64-bit FNV-1a of `bytes`. Stable forever: stored hashes depend on it.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed = 0xcbf29ce484222325ULL);

// fnv1a64 as 16 lowercase hex digits.
std::string hex_digest(std::string_view bytes);

}  // namespace secnlp
