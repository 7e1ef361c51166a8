// --shard K/N (issue 21): parsing, the balanced deterministic split, and shards run one after
// another storing exactly what one full run stores; the work hand-out's message codec.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "common/error.h"
#include "pipeline/distributed/shard.h"
#include "pipeline/distributed/work_handout.h"
#include "pipeline/runner.h"
#include "tests/pipeline/store_dump.h"
#include "tests/support/test_data.h"

namespace secnlp::distributed {
namespace {

namespace fs = std::filesystem;

TEST(ShardTest, ParsesKOfNAndRefusesTheRest) {
  struct Case {
    const char* text;
    int index;  // 0: refused
    int count;
    const char* why;  // part of the message when refused
  };
  const Case cases[] = {
      {"1/1", 1, 1, ""},
      {"1/2", 1, 2, ""},
      {"2/2", 2, 2, ""},
      {"7/1000", 7, 1000, ""},
      {"0/2", 0, 0, "K counts from 1"},
      {"3/2", 0, 0, "K must not exceed N"},
      {"1/0", 0, 0, "N must be at least 1"},
      {"2", 0, 0, "no '/'"},
      {"", 0, 0, "no '/'"},
      {"a/2", 0, 0, "whole numbers"},
      {"1/b", 0, 0, "whole numbers"},
      {"-1/2", 0, 0, "whole numbers"},
      {"1/2/3", 0, 0, "whole numbers"},
      {" 1/2", 0, 0, "whole numbers"},
      {"1/", 0, 0, "whole numbers"},
      {"1/2000000", 0, 0, "at most"},
      {"1/99999999999999999999", 0, 0, "whole numbers"},
  };
  for (const auto& c : cases) {
    if (c.index > 0) {
      const Shard s = parse_shard(c.text);
      EXPECT_EQ(s.index, c.index) << c.text;
      EXPECT_EQ(s.count, c.count) << c.text;
      EXPECT_EQ(shard_name(s), c.text);
      continue;
    }
    try {
      parse_shard(c.text);
      ADD_FAILURE() << "accepted '" << c.text << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << c.text;
      EXPECT_NE(e.message().find(c.why), std::string::npos) << c.text << ": " << e.message();
      EXPECT_NE(e.message().find("--shard"), std::string::npos) << e.message();
    }
  }
}

TEST(ShardTest, SharesCoverEveryItemOnceBalancedByWeightWhateverTheInputOrder) {
  std::vector<WeightedItem> items;
  for (int i = 0; i < 200; ++i)
    items.push_back({"f" + std::to_string(i), static_cast<std::uint64_t>((i * 7919) % 1000 + 1)});
  items.push_back({"empty-a", 0});
  items.push_back({"empty-b", 0});
  for (int n : {1, 2, 3, 8, 500}) {
    std::vector<int> owner(items.size(), -1);
    std::vector<std::uint64_t> load(static_cast<std::size_t>(n), 0);
    for (int k = 1; k <= n; ++k) {
      for (std::size_t i : select_shard(items, Shard{k, n})) {
        EXPECT_EQ(owner[i], -1) << items[i].name << " in two shards of " << n;
        owner[i] = k;
        load[static_cast<std::size_t>(k - 1)] += items[i].weight;
      }
    }
    EXPECT_EQ(std::count(owner.begin(), owner.end(), -1), 0) << n << " shards left items out";
    // Largest-first greedy: no shard exceeds another by more than the largest item.
    const auto [lo, hi] = std::minmax_element(load.begin(), load.end());
    if (n <= 8) {
      EXPECT_LE(*hi - *lo, 1000u) << n << " shards";
    }
  }
  // Every shard computes the same split from the same inputs in any order.
  std::vector<WeightedItem> reversed(items.rbegin(), items.rend());
  const auto a = assign_shards(items, 3);
  const auto b = assign_shards(reversed, 3);
  for (std::size_t i = 0; i < items.size(); ++i)
    EXPECT_EQ(a[i], b[items.size() - 1 - i]) << items[i].name;
}

TEST(WorkHandoutTest, MessagesReadBackAsWrittenAndShortOnesAreRefused) {
  Writer w;
  w.u64(0).u64(~0ull).i64(-5).f64(2.5).str("").str(std::string("a\0b", 3)).strings({"x", "yz"});
  Reader r(w.bytes());
  EXPECT_EQ(r.u64(), 0u);
  EXPECT_EQ(r.u64(), ~0ull);
  EXPECT_EQ(r.i64(), -5);
  EXPECT_EQ(r.f64(), 2.5);
  EXPECT_EQ(r.str(), "");
  EXPECT_EQ(r.str(), std::string("a\0b", 3));
  EXPECT_EQ(r.strings(), (std::vector<std::string>{"x", "yz"}));
  EXPECT_THROW(r.u64(), Error);
  const std::string cut = w.bytes().substr(0, 36);
  Reader short_one(cut);
  for (int i = 0; i < 4; ++i)
    short_one.u64();
  EXPECT_THROW(short_one.str(), Error);  // the empty string's length is cut off
}

std::string filing(int i) {
  std::string s = "<html><body><p><b>Item 1A. Risk Factors</b></p>";
  for (int p = 0; p < 5 + (i * 37) % 60; ++p)
    s += "<p>Paragraph " + std::to_string(p) + " of filing " + std::to_string(i) +
         ": revenue term" + std::to_string(i % 7) + " grew while risk" + std::to_string(p % 11) +
         " remained uncertain.</p>";
  return s + "</body></html>";
}

TEST(ShardRunTest, ShardsOneAfterAnotherStoreWhatOneFullRunStores) {
  testing::TempDir dir;
  for (int i = 0; i < 12; ++i)
    testing::write_file(dir.path() / "in" / ("f" + std::to_string(i) + ".htm"), filing(i));
  testing::write_file(dir.path() / "in" / "broken.htm", "");  // an error row in one shard
  pipeline::ProcessOptions options;
  options.inputs = {dir.path() / "in", fs::path(SECNLP_SOURCE_DIR) / "samples"};
  options.threads = 2;
  options.progress = pipeline::ProgressMode::kOff;

  options.db = dir.path() / "full.db";
  const auto full = pipeline::process_documents(options);
  options.db = dir.path() / "shards.db";
  std::uint64_t total = 0;
  for (int k = 1; k <= 2; ++k) {
    options.shard = Shard{k, 2};
    const auto part = pipeline::process_documents(options);
    EXPECT_GT(part.counts.total, 0u) << "shard " << k;
    EXPECT_LT(part.counts.total, full.counts.total) << "shard " << k;
    total += part.counts.total;
  }
  EXPECT_EQ(total, full.counts.total);
  EXPECT_EQ(full.counts.failed, 1u);
  const auto expected = testing::dump_store(dir.path() / "full.db");
  EXPECT_EQ(expected.at("documents").size(), 17u);
  EXPECT_EQ(testing::diff_dumps(expected, testing::dump_store(dir.path() / "shards.db")), "");

  // A third shard run of the same share stores nothing new.
  options.shard = Shard{1, 2};
  const auto again = pipeline::process_documents(options);
  EXPECT_EQ(again.counts.processed, 0u);
  EXPECT_EQ(again.counts.failed, 1u);  // the empty file is tried again, and logged again
  auto after = testing::dump_store(dir.path() / "shards.db");
  EXPECT_EQ(after.at("errors").size(), 2u);
  after.erase("errors");
  auto without_errors = expected;
  without_errors.erase("errors");
  EXPECT_EQ(testing::diff_dumps(without_errors, after), "");
}

}  // namespace
}  // namespace secnlp::distributed
