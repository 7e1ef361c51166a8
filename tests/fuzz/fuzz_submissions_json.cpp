// The SEC's submissions JSON (data.sec.gov/submissions/CIK##########.json) and its pages.
#include "common/error.h"
#include "corpora/fetch/submissions.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace secnlp::corpora;
  try {
    const auto subs = parse_submissions(secnlp::fuzz::as_view(data, size), "fuzz.json");
    for (const auto& f : subs.filings)
      (void)fiscal_year(f.report_date);
    (void)to_index_entries(subs, 320193);
    for (const auto& p : subs.pages)
      (void)submissions_page_url("https://data.sec.gov", p.name);
  } catch (const secnlp::Error&) {
  }
  return 0;
}
