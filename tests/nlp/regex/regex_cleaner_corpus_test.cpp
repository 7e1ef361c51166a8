// Default cleanup rules over real tag-stripped 10-K text: never grow the text, remove page-number
// lines and URLs, leave no runs of 3+ newlines; prints throughput (not asserted).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "nlp/regex/regex_cleaner.h"
#include "tests/support/test_data.h"

namespace secnlp::nlp {
namespace {

TEST(RegexCleanerCorpus, TextOnlyFilings) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/text-only");
  const RegexCleaner cleaner(RegexCleaner::default_rules());
  const RegexCleaner url_check({{"url", R"((?i)\b(?:https?://|www\.)\w)", "X"}});
  std::size_t bytes = 0;
  double seconds = 0;
  int files = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    const std::string text = testing::read_file(entry.path());
    const auto start = std::chrono::steady_clock::now();
    const std::string out = cleaner.apply(text);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    bytes += text.size();
    ++files;
    EXPECT_LE(out.size(), text.size()) << entry.path();
    EXPECT_EQ(out.find("\n\n\n"), std::string::npos) << entry.path();
    EXPECT_EQ(out.find("  "), std::string::npos) << entry.path();
    EXPECT_EQ(url_check.apply(out), out) << entry.path() << ": a URL survived";
    // Idempotent: cleaning clean text changes nothing.
    EXPECT_EQ(cleaner.apply(out), out) << entry.path();
  }
  ASSERT_GT(files, 0);
  std::cout << "[ regex   ] default rules: " << files << " files, " << bytes / 1e6 << " MB, "
            << (seconds > 0 ? bytes / 1e6 / seconds : 0) << " MB/s\n";
}

}  // namespace
}  // namespace secnlp::nlp
