// Point in time on real filings (../shared/data): earlier scores do not move when later filings
// are added, and every year-over-year row is dated or its filing is named as undated.
#include <cstring>
#include <map>
#include <set>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "pipeline/runner.h"
#include "pipeline/similarity/nearest_filings.h"
#include "pipeline/similarity/similarity_series.h"
#include "pipeline/store/database.h"
#include "tests/support/test_data.h"

namespace secnlp {
namespace {

namespace fs = std::filesystem;

pipeline::ProcessSummary process(const std::vector<fs::path>& inputs, const fs::path& db,
                                 std::optional<fs::path> metadata = std::nullopt) {
  pipeline::ProcessOptions o;
  o.inputs = inputs;
  o.db = db;
  o.progress = pipeline::ProgressMode::kOff;
  o.metadata_file = std::move(metadata);
  return pipeline::process_documents(o);
}

std::string bits(const pipeline::Cell& c) {
  if (auto d = std::get_if<double>(&c)) {
    std::uint64_t b;
    std::memcpy(&b, d, sizeof b);
    return fmt::format("{:016x}", b);
  }
  if (auto i = std::get_if<std::int64_t>(&c)) return std::to_string(*i);
  if (auto s = std::get_if<std::string>(&c)) return *s;
  return "<null>";
}

// accession|measure -> the whole row, values as exact bits.
std::map<std::string, std::string> by_pair(const pipeline::ResultTable& t) {
  std::map<std::string, std::string> out;
  std::size_t accession = 0, measure = 0;
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c] == "accession") accession = c;
    if (t.columns[c] == "measure") measure = c;
  }
  for (const auto& row : t.rows) {
    std::string all;
    for (const auto& cell : row)
      all += bits(cell) + " ";
    out[bits(row[accession]) + "|" + bits(row[measure])] = all;
  }
  return out;
}

TEST(PointInTimeCorpus, LaterFilingsNeverMoveEarlierScores) {
  SECNLP_REQUIRE_CORPUS(set, "filings/10k-html/edgar-crawler-set");
  SECNLP_REQUIRE_CORPUS(apple, "filings/10k-html/AAPL");
  testing::TempDir dir;
  // Early: everything filed in 2022 (the FY2022 10-Ks and the five 10-Ks one filer filed on one
  // day); later: the FY2023 10-Ks and Apple's FY2024-25.
  const fs::path early_in = dir.path() / "early";
  fs::create_directories(early_in);
  fs::copy_file(set / "FILINGS_METADATA.csv", early_in / "FILINGS_METADATA.csv");
  for (const auto& f : fs::directory_iterator(set)) {
    const std::string name = f.path().filename().string();
    if (name.find("_2022_") != std::string::npos || name.find("1387998_") == 0)
      fs::copy_file(f.path(), early_in / name);
  }
  // Dates for Apple's later filings, which their primary documents do not carry.
  testing::write_file(dir.path() / "apple.csv",
                      "filename,filed\nAAPL_10-K_FY2024_0000320193-24-000123.htm,2024-11-01\n"
                      "AAPL_10-K_FY2025_filed-2025-10.htm,2025-10-31\n");
  const fs::path early_db = dir.path() / "early.db", all_db = dir.path() / "all.db";
  process({early_in}, early_db);
  process({apple}, all_db, dir.path() / "apple.csv");  // later filings' terms get ids first
  process({set, apple}, all_db, dir.path() / "apple.csv");

  for (const std::string scope : {"", "1A"}) {
    similarity::SeriesQuery q;
    q.all = true;
    q.scope = scope;
    q.measures = {"cosine_tf", "cosine_tfidf", "jaccard_course", "jaccard"};
    q.db = early_db;
    const auto early = by_pair(similarity::similarity_series(q));
    q.db = all_db;
    const auto all = by_pair(similarity::similarity_series(q));
    ASSERT_GE(early.size(), 16u) << scope;  // 1387998 FY2018-21, four measures each
    EXPECT_GT(all.size(), early.size());
    for (const auto& [key, row] : early) {
      ASSERT_TRUE(all.count(key)) << key;
      EXPECT_EQ(all.at(key), row) << key << " scope '" << scope << "'";
    }
  }
  similarity::NearestQuery n;
  n.to = "0000320193-22-000108";  // Apple FY2022, as of its own date
  n.scope = "1A";
  n.db = early_db;
  const auto early = similarity::nearest_filings(n);
  n.db = all_db;
  const auto all = similarity::nearest_filings(n);
  ASSERT_FALSE(early.rows.empty());
  ASSERT_EQ(all.rows.size(), early.rows.size());
  for (std::size_t r = 0; r < early.rows.size(); ++r)
    for (std::size_t c = 0; c < early.columns.size(); ++c)
      EXPECT_EQ(bits(all.rows[r][c]), bits(early.rows[r][c])) << r << " " << early.columns[c];
}

TEST(PointInTimeCorpus, EveryRowIsDatedOrItsFilingNamed) {
  SECNLP_REQUIRE_CORPUS(filings, "filings/10k-html");
  testing::TempDir dir;
  const fs::path db = dir.path() / "x.db";
  const auto summary = process({filings}, db);
  const std::set<std::string> undated(summary.undated.begin(), summary.undated.end());
  similarity::SeriesQuery q;
  q.db = db;
  q.all = true;
  q.scope = "1A";
  q.measures = {"cosine_tfidf"};
  // (cik, fiscal year) -> path: the rows name a filing by those.
  auto paths = [&] {
    std::map<std::string, std::string> out;
    store::Connection c(db.string());
    store::Statement st = c.prepare("SELECT cik, fiscal_year, path FROM documents");
    while (st.step())
      out[st.column_text(0) + "|" + st.column_text(1)] = st.column_text(2);
    return out;
  }();
  const auto rows = similarity::similarity_series(q);
  ASSERT_GE(rows.rows.size(), 20u);
  std::size_t undated_rows = 0;
  for (const auto& row : rows.rows) {
    if (!std::holds_alternative<std::monostate>(row[1])) continue;
    ++undated_rows;
    const std::string key = bits(row[3]) + "|" + bits(row[6]);
    EXPECT_TRUE(undated.count(paths[key]))
        << key << " has an undated row but is not named in the run summary";
  }
  EXPECT_GT(undated_rows, 0u);  // primary documents carry no filing date

  // The user supplies the missing dates (here: period end + 60 days, as a stand-in).
  std::string csv = "path,filed\n";
  {
    store::Connection c(db.string());
    store::Statement st = c.prepare(
        "SELECT path, date(coalesce(period, fiscal_year || '-12-31'), '+60 days') FROM documents "
        "WHERE available_at IS NULL");
    while (st.step())
      csv += fmt::format("\"{}\",{}\n", st.column_text(0), st.column_text(1));
  }
  testing::write_file(dir.path() / "dates.csv", csv);
  const auto dated = process({filings}, db, dir.path() / "dates.csv");
  EXPECT_TRUE(dated.undated.empty());
  for (const auto& row : similarity::similarity_series(q).rows)
    EXPECT_FALSE(std::holds_alternative<std::monostate>(row[1])) << bits(row[7]);
}

}  // namespace
}  // namespace secnlp
