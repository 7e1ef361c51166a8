#pragma once
// Fixed-width values in and out of the compact binary files the project writes itself (tagger and
// NER models): host byte order (little-endian on every supported machine), no padding. Writing
// appends to a std::string; reading is bounds-checked and fails with Error(kResource) naming the
// file, so a truncated or damaged file is refused instead of read past its end.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "common/error.h"

namespace secnlp::binary_io {

template <typename T>
void put(std::string& out, const T& v) {
  static_assert(std::is_trivially_copyable_v<T>);
  char b[sizeof(T)];
  std::memcpy(b, &v, sizeof(T));
  out.append(b, sizeof(T));
}

template <typename T>
void put_array(std::string& out, const std::vector<T>& v) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

// Reads values in order from `bytes` (which must outlive the reader). Every failure throws
// Error(kResource, "<what>: <why>", path), e.g. "not a usable tagger model: truncated".
class Reader {
 public:
  Reader(std::string_view bytes, std::string what, std::string path)
      : bytes_(bytes), what_(std::move(what)), path_(std::move(path)) {}

  template <typename T>
  T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    need(1, sizeof(T));
    T v;
    std::memcpy(&v, bytes_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }

  // Replaces `out` with the next `n` values (n is checked before anything is allocated).
  template <typename T>
  void get_array(std::vector<T>& out, std::uint64_t n) {
    static_assert(std::is_trivially_copyable_v<T>);
    need(n, sizeof(T));
    out.resize(static_cast<std::size_t>(n));
    if (n == 0) return;  // memcpy from or to a null pointer is undefined, even for 0 bytes
    std::memcpy(out.data(), bytes_.data() + pos_, static_cast<std::size_t>(n) * sizeof(T));
    pos_ += static_cast<std::size_t>(n) * sizeof(T);
  }

  std::string_view get_bytes(std::size_t n) {
    need(n, 1);
    const auto s = bytes_.substr(pos_, n);
    pos_ += n;
    return s;
  }

  bool at_end() const { return pos_ == bytes_.size(); }

  [[noreturn]] void fail(std::string_view why) const {
    throw Error(ErrorCode::kResource, what_ + ": " + std::string(why), path_);
  }

 private:
  // Room for `n` values of `size` bytes; overflow-safe.
  void need(std::uint64_t n, std::size_t size) const {
    if (n > (bytes_.size() - pos_) / size) fail("truncated");
  }

  std::string_view bytes_;
  std::size_t pos_ = 0;
  std::string what_;
  std::string path_;
};

}  // namespace secnlp::binary_io
