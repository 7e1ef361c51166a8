// Normalizer over real Item 1A text that carries cp1252 mojibake (U+0092 for an apostrophe).

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nlp/encoding/encoding.h"
#include "nlp/normalize/normalizer.h"
#include "tests/support/test_data.h"

namespace secnlp::nlp {
namespace {

namespace fs = std::filesystem;

bool has_c1(const std::string& s) {
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    const auto a = static_cast<unsigned char>(s[i]), b = static_cast<unsigned char>(s[i + 1]);
    if (a == 0xC2 && b >= 0x80 && b <= 0x9F) return true;
  }
  return false;
}

TEST(NormalizerCorpusTest, RepairsMojibakeInRiskFactors) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/text-only/risk-factors-2013-2017");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 15u);
  const Normalizer norm;
  std::size_t with_mojibake = 0;
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    const DecodedText d = decode_to_utf8(testing::read_file(f));
    EXPECT_EQ(d.source_encoding, "utf-8");
    const std::string out = norm.normalize(d.utf8);
    with_mojibake += has_c1(d.utf8);
    EXPECT_FALSE(has_c1(out));
    EXPECT_EQ(out.find("\xE2\x80\x99"), std::string::npos);  // every ’ became '
    EXPECT_EQ(out.find("\xC2\xA0"), std::string::npos);
    EXPECT_TRUE(is_valid_utf8(out));
    // The text survives: same words, only punctuation changed.
    EXPECT_GT(out.size(), d.utf8.size() * 9 / 10);
    EXPECT_NE(out.find("'s "), std::string::npos);
    // Idempotent.
    EXPECT_EQ(norm.normalize(out), out);
  }
  EXPECT_GE(with_mojibake, 6u);  // AAPL 2013-2016, SHLDQ 2013-2014
}

TEST(NormalizerCorpusTest, AppleApostropheFromMojibake) {
  SECNLP_REQUIRE_CORPUS(file, "filings/text-only/risk-factors-2013-2017/AAPL_10k_2013.txt");
  const std::string out = Normalizer().normalize(decode_to_utf8(testing::read_file(file)).utf8);
  EXPECT_NE(out.find("Company's"), std::string::npos);
}

}  // namespace
}  // namespace secnlp::nlp
