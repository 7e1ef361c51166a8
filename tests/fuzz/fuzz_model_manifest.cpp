// Model directory manifests (manifest.json).
#include "common/error.h"
#include "models/data/model_manifest.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)secnlp::models::parse_model_manifest(secnlp::fuzz::as_view(data, size), "manifest.json");
  } catch (const secnlp::Error&) {
  }
  return 0;
}
