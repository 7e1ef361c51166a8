#include "corpora/inputs/input_files.h"

#include <fstream>

#include <gtest/gtest.h>

#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

using Meta = std::map<std::string, std::string>;

TEST(InputFilesTest, MetadataFromFileNames) {
  const std::vector<std::pair<std::string, Meta>> rows = {
      {"320193_10K_2022_0000320193-22-000108.htm",
       {{"cik", "320193"},
        {"form", "10-K"},
        {"fiscal_year", "2022"},
        {"accession", "0000320193-22-000108"}}},
      {"1000180_8K_2010_0000950123-10-078896.htm",
       {{"cik", "1000180"},
        {"form", "8-K"},
        {"fiscal_year", "2010"},
        {"accession", "0000950123-10-078896"}}},
      {"AAPL_10-K_FY2024_0000320193-24-000123.htm",
       {{"ticker", "AAPL"},
        {"form", "10-K"},
        {"fiscal_year", "2024"},
        {"accession", "0000320193-24-000123"}}},
      {"NVDA_10-K_FY2023_acc-unknown.htm",
       {{"ticker", "NVDA"}, {"form", "10-K"}, {"fiscal_year", "2023"}}},
      {"AAPL_10k_2013.txt", {{"ticker", "AAPL"}, {"form", "10-K"}, {"fiscal_year", "2013"}}},
      {"SHLDQ_10k_2017.txt", {{"ticker", "SHLDQ"}, {"form", "10-K"}, {"fiscal_year", "2017"}}},
      {"0000950153-99-001234.html", {{"accession", "0000950153-99-001234"}}},
      {"annual-report.htm", {}},
      {"10K_2022.htm", {}},
      {"", {}},
  };
  for (const auto& [name, expected] : rows) {
    EXPECT_EQ(metadata_from_filename(name), expected) << name;
  }
}

TEST(InputFilesTest, DiscoveryWalksFoldersSkipsHiddenAndNonDocuments) {
  testing::TempDir dir;
  const auto root = dir.path();
  for (const char* f : {"a/x.htm", "a/y.TXT", "a/notes.csv", "a/.hidden.htm", ".git/z.htm",
                        "b/c/deep.html", "b/FILINGS_METADATA.csv"}) {
    std::filesystem::create_directories((root / f).parent_path());
    std::ofstream(root / f) << "x";
  }
  const auto found = discover_inputs({root / "a", root / "b", root / "a/x.htm"});
  std::vector<std::string> names;
  for (const auto& p : found)
    names.push_back(p.lexically_relative(root).string());
  EXPECT_EQ(names, (std::vector<std::string>{"a/x.htm", "a/y.TXT", "b/c/deep.html"}));
  // A missing path is kept, so the run reports it as a per-document error.
  EXPECT_EQ(discover_inputs({root / "missing.htm"}).size(), 1u);
}

}  // namespace
}  // namespace secnlp::corpora
