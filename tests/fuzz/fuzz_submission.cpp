// EDGAR full-submission parser: parse_submission, then every document's body.
#include "common/error.h"
#include "corpora/edgar/submission.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = secnlp::fuzz::as_view(data, size);
  (void)secnlp::corpora::looks_like_submission(bytes);
  try {
    const auto sub = secnlp::corpora::parse_submission(bytes, "fuzz.txt");
    for (std::size_t i = 0; i < sub.documents.size(); ++i) {
      const auto body = secnlp::corpora::document_body(bytes, sub, i);
      if (body.data() < bytes.data() || body.data() + body.size() > bytes.data() + bytes.size())
        __builtin_trap();  // a body must be a view into the input
    }
    if (sub.main_document && *sub.main_document >= sub.documents.size()) __builtin_trap();
  } catch (const secnlp::Error&) {
  }
  return 0;
}
