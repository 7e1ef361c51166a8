#pragma once
// A byte range of a UTF-8 text.

#include <cstdint>

namespace secnlp::nlp {

// Byte offsets into the text it was produced from, half-open: [begin, end).
struct Span {
  std::uint32_t begin;
  std::uint32_t end;
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace secnlp::nlp
