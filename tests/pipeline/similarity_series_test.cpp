// Year-over-year similarity end to end: filings processed into a store, paired, scored, cached,
// invalidated on rewrite; nearest filings through the cached index.
#include "pipeline/similarity/similarity_series.h"

#include <fstream>

#include <gtest/gtest.h>

#include "common/error.h"
#include "pipeline/runner.h"
#include "pipeline/similarity/nearest_filings.h"
#include "pipeline/store/database.h"
#include "tests/support/test_data.h"

namespace secnlp::similarity {
namespace {

namespace fs = std::filesystem;

std::string ten_k(const std::string& business, const std::string& risks) {
  return "FORM 10-K\n\nITEM 1.  BUSINESS\n\n" + business + "\n\nITEM 1A.  RISK FACTORS\n\n" +
         risks + "\n\nITEM 7.  MANAGEMENT'S DISCUSSION AND ANALYSIS\n\nRevenue grew.\n";
}

class SimilaritySeriesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string risks =
        "Competition may reduce our margins and our market share could decline. Our suppliers "
        "may fail to deliver components on time, and litigation could be costly. ";
    write("ACME_10k_2020.txt", ten_k("We make anvils for customers worldwide.", risks));
    write("ACME_10k_2021.txt", ten_k("We make anvils for customers worldwide.", risks));
    write("ACME_10k_2022.txt",
          ten_k("We make anvils and rockets.",
                "A cyberattack could disrupt our systems. New regulation of rockets may limit "
                "sales, and interest rates could raise our borrowing costs."));
    write("ZETA_10k_2021.txt", ten_k("We sell anvils to coyotes.", risks + "Weather hurts."));
    // Filing dates: scores and nearest filings are point in time.
    write("FILINGS_METADATA.csv",
          "filename,Filing Date\nACME_10k_2020.txt,2021-03-01\nACME_10k_2021.txt,2022-03-01\n"
          "ACME_10k_2022.txt,2023-03-01\nZETA_10k_2021.txt,2022-02-01\n");
    pipeline::ProcessOptions o;
    o.inputs = {dir_.path() / "in"};
    o.db = db_;
    o.threads = 1;
    o.progress = pipeline::ProgressMode::kOff;
    pipeline::process_documents(o);
  }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories(dir_.path() / "in");
    std::ofstream(dir_.path() / "in" / name) << text;
  }
  std::map<std::pair<std::int64_t, std::string>, double> scores(const pipeline::ResultTable& t) {
    std::map<std::pair<std::int64_t, std::string>, double> out;
    for (const auto& row : t.rows)
      out[{std::get<std::int64_t>(row[6]), std::get<std::string>(row[11])}] =
          std::get<double>(row[12]);
    return out;
  }
  testing::TempDir dir_;
  fs::path db_ = dir_.path() / "s.db";
};

TEST_F(SimilaritySeriesTest, PairsScoresAndCaches) {
  SeriesQuery q;
  q.db = db_;
  q.filter.ticker = "ACME";
  q.scope = "1A";
  const auto first = similarity_series(q);
  auto s = scores(first);
  // 2021 vs 2020 (identical risk factors) and 2022 vs 2021 (rewritten); 2020 has no previous.
  ASSERT_EQ(first.rows.size(), 2 * default_measures().size());
  for (const auto& m : default_measures()) {
    EXPECT_NEAR(s.at({2021, m}), 1.0, 1e-12) << m;
    EXPECT_LT(s.at({2022, m}), 0.6) << m;
    EXPECT_GE(s.at({2022, m}), 0.0) << m;
  }
  // Cached: the same values, and rows in the table.
  EXPECT_EQ(scores(similarity_series(q)), s);
  store::Connection db(db_.string());
  store::Statement count = db.prepare("SELECT count(*) FROM similarity");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.column_int(0), static_cast<std::int64_t>(first.rows.size()));
}

TEST_F(SimilaritySeriesTest, RewritingAFilingDropsItsCachedScores) {
  SeriesQuery q;
  q.db = db_;
  q.all = true;
  q.measures = {"jaccard"};
  similarity_series(q);
  write("ACME_10k_2021.txt", ten_k("We make anvils.", "Everything changed this year entirely."));
  pipeline::ProcessOptions o;
  o.inputs = {dir_.path() / "in"};
  o.db = db_;
  o.progress = pipeline::ProgressMode::kOff;
  pipeline::process_documents(o);
  store::Connection db(db_.string());
  store::Statement count = db.prepare("SELECT count(*) FROM similarity");
  ASSERT_TRUE(count.step());
  EXPECT_EQ(count.column_int(0), 0);  // both ACME pairs involved the 2021 filing
  auto s = scores(similarity_series(q));
  EXPECT_LT(s.at({2021, "jaccard"}), 0.5);
}

TEST_F(SimilaritySeriesTest, RejectsUnknownMeasuresAndUnnamedCompanies) {
  SeriesQuery q;
  q.db = db_;
  EXPECT_THROW(similarity_series(q), Error);  // neither a company nor --all
  q.all = true;
  q.measures = {"cosine"};
  EXPECT_THROW(similarity_series(q), Error);
}

TEST_F(SimilaritySeriesTest, NearestFilingsFromTheCachedIndex) {
  NearestQuery q;
  q.db = db_;
  q.to = "ACME_10k_2021";  // as of its filing date: ACME 2020 and ZETA 2021 were public
  q.scope = "1A";
  q.top = 3;
  const auto first = nearest_filings(q);
  ASSERT_EQ(first.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(first.rows[0][2]), "ACME_10k_2020.txt");  // identical text
  EXPECT_NEAR(std::get<double>(first.rows[0][1]), 1.0, 1e-6);
  EXPECT_TRUE(fs::exists(db_.string() + ".nearest-1A.pit"));
  const auto cached = nearest_filings(q);
  EXPECT_EQ(cached.rows, first.rows);
  q.to = "NO_SUCH_FILING";
  EXPECT_THROW(nearest_filings(q), Error);
}

}  // namespace
}  // namespace secnlp::similarity
