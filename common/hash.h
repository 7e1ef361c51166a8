#pragma once
// Content hashing for change detection (not for security). Both functions are stable across
// platforms and versions: stored hashes depend on them.

#include <cstddef>
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

// hash64 of bytes that arrive in pieces. hash64 starts from the total length, so it must be
// known up front: update() with exactly `total_length` bytes in all, in any split, then
// digest() equals hash64 of their concatenation (Error(kInvalidArgument) when the count
// differs). Memory: 8 bytes.
class Hash64Stream {
 public:
  explicit Hash64Stream(std::uint64_t total_length);
  void update(std::string_view bytes);
  std::uint64_t digest() const;

 private:
  std::uint64_t total_;
  std::uint64_t seen_ = 0;
  std::uint64_t h_;
  char pending_[8] = {};
  std::size_t pending_size_ = 0;
};

// hex_digest of the file at `path`, read in 1 MiB pieces (constant memory, however large the
// file). Throws Error(kIo) naming the file when it cannot be read or changes size meanwhile.
std::string hex_digest_file(const std::string& path);

}  // namespace secnlp
