// Item segmenters of 10-K, 10-Q and 8-K on the same clean text; every section must lie inside it.
#include "nlp/sec/eight_k.h"
#include "nlp/sec/ten_k.h"
#include "nlp/sec/ten_q.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

void check(const secnlp::nlp::sec::SectionMap& map, std::size_t size) {
  std::uint32_t last_end = 0;
  for (const auto& s : map.sections) {  // documented: in text order, non-overlapping, inside
    if (s.begin > s.end || s.end > size || s.begin < last_end) __builtin_trap();
    if (!(s.confidence >= 0.0 && s.confidence <= 1.0)) __builtin_trap();
    last_end = s.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = secnlp::fuzz::as_view(data, size);
  check(secnlp::nlp::sec::segment_10k(text), size);
  check(secnlp::nlp::sec::segment_10q(text), size);
  check(secnlp::nlp::sec::segment_8k(text), size);
  return 0;
}
