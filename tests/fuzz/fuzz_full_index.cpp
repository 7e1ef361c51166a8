// EDGAR full-index listings: master.idx and form.idx.
#include "common/error.h"
#include "corpora/fetch/edgar_paths.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace secnlp::corpora;
  const auto text = secnlp::fuzz::as_view(data, size);
  for (int form = 0; form < 2; ++form) {
    try {
      const auto entries = form ? parse_form_idx(text, "form.idx") : parse_master_idx(text);
      for (const auto& e : entries)
        (void)e.accession();
      (void)select_filings(entries, {});
    } catch (const secnlp::Error&) {
    }
  }
  return 0;
}
