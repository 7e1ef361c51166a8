#pragma once
// Minimal JSON text helpers for the places that write JSON (CLI output, stored metadata).

#include <string>
#include <string_view>

namespace secnlp {

// `text` as a JSON string literal, quotes included: ", \ and control characters escaped.
// Bytes >= 0x80 are copied as they are (the text is UTF-8).
std::string json_quote(std::string_view text);

}  // namespace secnlp
