#include "common/hash.h"

#include <bit>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <vector>

#include "common/error.h"

#include <fmt/format.h>

namespace secnlp {
namespace {

constexpr std::uint64_t kPrime1 = 0x9E3779B185EBCA87ULL;
constexpr std::uint64_t kPrime2 = 0xC2B2AE3D27D4EB4FULL;
constexpr std::uint64_t kPrime3 = 0x165667B19E3779F9ULL;
constexpr std::uint64_t kPrime4 = 0x85EBCA77C2B2AE63ULL;
constexpr std::uint64_t kPrime5 = 0x27D4EB2F165667C5ULL;

std::uint64_t load_le64(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

std::uint64_t round(std::uint64_t acc, std::uint64_t input) {
  acc += input * kPrime2;
  acc = std::rotl(acc, 31);
  return acc * kPrime1;
}

}  // namespace

std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t seed) {
  std::uint64_t h = seed;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t hash64(std::string_view bytes) {
  const char* p = bytes.data();
  const std::size_t n = bytes.size();
  std::uint64_t h = kPrime5 + n;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    h ^= round(0, load_le64(p + i));
    h = std::rotl(h, 27) * kPrime1 + kPrime4;
  }
  for (; i < n; ++i) {
    h ^= static_cast<unsigned char>(p[i]) * kPrime5;
    h = std::rotl(h, 11) * kPrime1;
  }
  h ^= h >> 33;
  h *= kPrime2;
  h ^= h >> 29;
  h *= kPrime3;
  h ^= h >> 32;
  return h;
}

std::string hex_digest(std::string_view bytes) {
  return fmt::format("{:016x}", hash64(bytes));
}

Hash64Stream::Hash64Stream(std::uint64_t total_length)
    : total_(total_length), h_(kPrime5 + total_length) {}

void Hash64Stream::update(std::string_view bytes) {
  seen_ += bytes.size();
  std::size_t i = 0;
  if (pending_size_ > 0) {
    while (pending_size_ < 8 && i < bytes.size())
      pending_[pending_size_++] = bytes[i++];
    if (pending_size_ < 8) return;
    h_ ^= round(0, load_le64(pending_));
    h_ = std::rotl(h_, 27) * kPrime1 + kPrime4;
    pending_size_ = 0;
  }
  for (; i + 8 <= bytes.size(); i += 8) {
    h_ ^= round(0, load_le64(bytes.data() + i));
    h_ = std::rotl(h_, 27) * kPrime1 + kPrime4;
  }
  for (; i < bytes.size(); ++i)
    pending_[pending_size_++] = bytes[i];
}

std::uint64_t Hash64Stream::digest() const {
  if (seen_ != total_)
    throw Error(ErrorCode::kInvalidArgument,
                fmt::format("hash stream got {} bytes, {} announced", seen_, total_), "hash");
  std::uint64_t h = h_;
  for (std::size_t i = 0; i < pending_size_; ++i) {
    h ^= static_cast<unsigned char>(pending_[i]) * kPrime5;
    h = std::rotl(h, 11) * kPrime1;
  }
  h ^= h >> 33;
  h *= kPrime2;
  h ^= h >> 29;
  h *= kPrime3;
  h ^= h >> 32;
  return h;
}

std::string hex_digest_file(const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) throw Error(ErrorCode::kIo, "cannot open to hash", path);
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw Error(ErrorCode::kIo, "cannot determine size: " + ec.message(), path);
  Hash64Stream stream(size);
  std::vector<char> buffer(std::size_t{1} << 20);
  std::uint64_t read = 0;
  while (true) {
    const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file.get());
    if (n == 0) break;
    read += n;
    if (read > size) break;
    stream.update(std::string_view(buffer.data(), n));
  }
  if (std::ferror(file.get())) throw Error(ErrorCode::kIo, "read error while hashing", path);
  if (read != size) throw Error(ErrorCode::kIo, "file changed size while being hashed", path);
  return fmt::format("{:016x}", stream.digest());
}

}  // namespace secnlp
