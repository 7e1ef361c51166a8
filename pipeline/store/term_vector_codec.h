#pragma once
// Compact encoding of a sparse term-count vector for the term_vectors table:
// varint(n), then n pairs of varint(term id delta from the previous id), varint(count).
// Ids must be strictly increasing. About 3 bytes per distinct term on filings.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace secnlp::store {

using TermIdCount = std::pair<std::uint32_t, std::uint32_t>;

// Encodes `entries`, which must be sorted by strictly increasing id.
std::string encode_term_vector(const std::vector<TermIdCount>& entries);
// Decodes; throws Error(kDatabase) on truncated or malformed bytes.
std::vector<TermIdCount> decode_term_vector(std::string_view bytes);

}  // namespace secnlp::store
