#include "pipeline/similarity/filing_pairs.h"

#include <gtest/gtest.h>

namespace secnlp::similarity {
namespace {

FilingRef filing(std::int64_t id, std::string company, std::string form, std::string period,
                 std::string filed = "") {
  FilingRef f;
  f.doc_id = id;
  f.company = std::move(company);
  f.form = std::move(form);
  f.period = std::move(period);
  f.filed = std::move(filed);
  return f;
}

std::vector<std::pair<std::int64_t, std::int64_t>> ids(const std::vector<FilingPair>& pairs) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& p : pairs)
    out.emplace_back(p.current.doc_id, p.previous.doc_id);
  return out;
}

TEST(FilingPairsTest, AnnualReportsPairWithThePreviousFiscalYear) {
  auto pairs = pair_filings({
      filing(3, "1", "10-K", "2023-12-31"), filing(1, "1", "10-K", "2021-12-31"),
      filing(2, "1", "10-K405", "2022-12-31"),
      filing(4, "1", "10-K/A", "2023-12-31"),  // amendments are left out
      filing(5, "2", "10-K", "2022-09-30"),    // another company: its own series
      filing(6, "2", "10-K", "2023-09-30"), filing(7, "1", "8-K", "2023-03-01"),  // not paired
  });
  EXPECT_EQ(ids(pairs),
            (std::vector<std::pair<std::int64_t, std::int64_t>>{{2, 1}, {3, 2}, {6, 5}}));
}

TEST(FilingPairsTest, QuarterlyReportsPairWithTheSameQuarterAYearEarlier) {
  auto pairs = pair_filings({
      filing(1, "1", "10-Q", "2022-03-31"), filing(2, "1", "10-Q", "2022-06-30"),
      filing(3, "1", "10-Q", "2022-09-30"),
      filing(4, "1", "10-Q", "2023-04-01"),  // 52-53-week quarter: 366 days after (1)
      filing(5, "1", "10-Q", "2023-07-01"),
      filing(6, "1", "10-Q", "2024-09-28"),  // the 2023 Q3 is missing: 2022 Q3 is too old
  });
  EXPECT_EQ(ids(pairs), (std::vector<std::pair<std::int64_t, std::int64_t>>{{4, 1}, {5, 2}}));
}

TEST(FilingPairsTest, NeverLooksAheadAndNeedsAPeriod) {
  FilingRef only_year = filing(2, "9", "10-K", "");
  only_year.fiscal_year = 2021;
  auto pairs = pair_filings({filing(1, "9", "10-K", "2020-12-31"), only_year,
                             filing(3, "9", "10-K", ""),             // no period, no year: skipped
                             filing(4, "", "10-K", "2019-12-31")});  // no company: skipped
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].current.doc_id, 2);
  EXPECT_EQ(pairs[0].previous.doc_id, 1);
}

TEST(FilingPairsTest, DayNumbers) {
  EXPECT_EQ(*day_number("2024-03-01") - *day_number("2024-02-28"), 2);  // leap year
  EXPECT_EQ(*day_number("2023-03-01") - *day_number("2023-02-28"), 1);
  EXPECT_EQ(*day_number("2024-01-01") - *day_number("2023-01-01"), 365);
  for (const char* bad : {"", "2024", "2024-13-01", "2024-1-1", "abcd-ef-gh"}) {
    EXPECT_FALSE(day_number(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace secnlp::similarity
