// Job files (`secnlp run JOB.toml`): parse and describe.
#include "common/error.h"
#include "pipeline/jobs/job_file.h"
#include "tests/fuzz/fuzz_support.h"

// A copy of pipeline/similarity/similarity_series.cpp's list (that library needs the whole
// store); job_file.cpp only checks measure names against it.
namespace secnlp::similarity {
const std::vector<std::string>& measure_names() {
  static const std::vector<std::string> kNames = {"cosine_tf",        "cosine_tfidf",   "jaccard",
                                                  "weighted_jaccard", "jaccard_course", "edit",
                                                  "levenshtein",      "simple"};
  return kNames;
}
}  // namespace secnlp::similarity

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto job =
        secnlp::jobs::parse_job_file(secnlp::fuzz::as_view(data, size), "/fuzz/jobs", "fuzz.toml");
    (void)secnlp::jobs::job_json(job);
  } catch (const secnlp::Error&) {
  }
  return 0;
}
