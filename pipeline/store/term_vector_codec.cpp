#include "pipeline/store/term_vector_codec.h"

#include "common/error.h"

namespace secnlp::store {
namespace {

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

std::uint64_t get_varint(std::string_view bytes, std::size_t& pos) {
  std::uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (pos >= bytes.size()) throw Error(ErrorCode::kDatabase, "truncated term vector");
    const auto b = static_cast<unsigned char>(bytes[pos++]);
    v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
  throw Error(ErrorCode::kDatabase, "malformed varint in term vector");
}

}  // namespace

std::string encode_term_vector(const std::vector<TermIdCount>& entries) {
  std::string out;
  out.reserve(entries.size() * 3 + 4);
  put_varint(out, entries.size());
  std::uint32_t previous = 0;
  bool first = true;
  for (const auto& [id, count] : entries) {
    if (!first && id <= previous) throw Error(ErrorCode::kInternal, "term ids not increasing");
    put_varint(out, first ? id : id - previous);
    put_varint(out, count);
    previous = id;
    first = false;
  }
  return out;
}

std::vector<TermIdCount> decode_term_vector(std::string_view bytes) {
  std::size_t pos = 0;
  const std::uint64_t n = get_varint(bytes, pos);
  if (n > bytes.size()) throw Error(ErrorCode::kDatabase, "term vector length exceeds its bytes");
  std::vector<TermIdCount> out;
  out.reserve(n);
  std::uint64_t id = 0;
  for (std::uint64_t i = 0; i < n; ++i) {
    const std::uint64_t delta = get_varint(bytes, pos);
    id = i == 0 ? delta : id + delta;
    const std::uint64_t count = get_varint(bytes, pos);
    if (id > UINT32_MAX || count > UINT32_MAX)
      throw Error(ErrorCode::kDatabase, "term vector value out of range");
    out.emplace_back(static_cast<std::uint32_t>(id), static_cast<std::uint32_t>(count));
  }
  if (pos != bytes.size()) throw Error(ErrorCode::kDatabase, "trailing bytes in term vector");
  return out;
}

}  // namespace secnlp::store
