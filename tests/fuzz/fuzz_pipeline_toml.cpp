// Pipeline TOML files: parse, then the canonical form and every stage's options.
#include "common/error.h"
#include "pipeline/config.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto config =
        secnlp::pipeline::parse_pipeline_config(secnlp::fuzz::as_view(data, size), "fuzz.toml");
    (void)config.canonical();
    (void)config.hash();
  } catch (const secnlp::Error&) {
  }
  return 0;
}
