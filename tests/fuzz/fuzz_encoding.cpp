// Encoding detection and decoding: decode_to_utf8, repair_utf8, looks_binary.
#include "nlp/encoding/encoding.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = secnlp::fuzz::as_view(data, size);
  (void)secnlp::nlp::looks_binary(bytes);
  const auto decoded = secnlp::nlp::decode_to_utf8(bytes);
  // Documented: well-formed UTF-8 without NUL bytes.
  if (!secnlp::is_valid_utf8(decoded.utf8)) __builtin_trap();
  if (decoded.utf8.find('\0') != std::string::npos) __builtin_trap();
  std::size_t replaced = 0;
  const auto repaired = secnlp::nlp::repair_utf8(bytes, &replaced);
  if (!secnlp::is_valid_utf8(repaired)) __builtin_trap();
  return 0;
}
