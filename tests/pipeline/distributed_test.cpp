// --shard K/N (issue 21): parsing, the balanced deterministic split, and shards run one after
// another storing exactly what one full run stores; the work hand-out's message codec.
#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <numeric>
#include <set>
#include <thread>

#include "common/error.h"
#include "pipeline/distributed/shard.h"
#include "pipeline/distributed/work_handout.h"
#include "pipeline/runner.h"
#include "pipeline/store/database.h"
#include "pipeline/store/run_ranks.h"
#include "pipeline/store/schema.h"
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

// An in-process cluster: ranks are threads, each with a mailbox; sends never block.
class FakeWorld {
 public:
  explicit FakeWorld(int size) : boxes_(static_cast<std::size_t>(size)) {}
  int size() const { return static_cast<int>(boxes_.size()); }
  void post(int to, Message m) {
    Box& b = boxes_[static_cast<std::size_t>(to)];
    std::lock_guard lock(b.mutex);
    b.messages.push_back(std::move(m));
    b.ready.notify_all();
  }
  Message take(int me, int from, int tag) {
    Box& b = boxes_[static_cast<std::size_t>(me)];
    std::unique_lock lock(b.mutex);
    for (;;) {
      for (auto it = b.messages.begin(); it != b.messages.end(); ++it) {
        if ((from == kAnySource || it->source == from) && (tag == kAnyTag || it->tag == tag)) {
          Message m = std::move(*it);
          b.messages.erase(it);
          return m;
        }
      }
      b.ready.wait(lock);
    }
  }
  std::size_t pending(int me) {
    Box& b = boxes_[static_cast<std::size_t>(me)];
    std::lock_guard lock(b.mutex);
    return b.messages.size();
  }

 private:
  struct Box {
    std::mutex mutex;
    std::condition_variable ready;
    std::deque<Message> messages;
  };
  std::vector<Box> boxes_;
};

struct Aborted {
  int code;
};

class FakeCluster final : public Cluster {
 public:
  FakeCluster(FakeWorld& world, int rank) : world_(world), rank_(rank) {}
  int rank() const override { return rank_; }
  int size() const override { return world_.size(); }
  std::string host() const override { return "host" + std::to_string(rank_); }
  void send(int to, int tag, std::string_view bytes) override {
    world_.post(to, Message{rank_, tag, std::string(bytes)});
  }
  Message receive(int from, int tag) override { return world_.take(rank_, from, tag); }
  [[noreturn]] void abort(int code) override { throw Aborted{code}; }
  void finalize() override { ++finalized; }
  int finalized = 0;

 private:
  FakeWorld& world_;
  int rank_;
};

TEST(WorkHandoutTest, EveryItemGoesToExactlyOneRankAndRankZeroCollectsEveryResult) {
  constexpr int kRanks = 4;
  constexpr int kItems = 500;
  FakeWorld world(kRanks);
  std::vector<std::unique_ptr<FakeCluster>> ranks;
  for (int r = 0; r < kRanks; ++r)
    ranks.push_back(std::make_unique<FakeCluster>(world, r));
  std::vector<std::string> items;
  for (int i = 0; i < kItems; ++i)
    items.push_back("doc" + std::to_string(i));

  std::vector<std::vector<std::string>> got(kRanks);
  std::vector<std::thread> workers;
  for (int r = 1; r < kRanks; ++r) {
    workers.emplace_back([&, r] {
      auto& me = *ranks[static_cast<std::size_t>(r)];
      const auto start = await_start(me);
      ASSERT_TRUE(start.has_value());
      EXPECT_EQ(*start, "run 7");
      while (auto item = request_work(me))
        got[static_cast<std::size_t>(r)].push_back(*item);
      me.send(0, kTagResult, Writer().u64(got[static_cast<std::size_t>(r)].size()).bytes());
    });
  }
  announce_start(*ranks[0], "run 7");
  EXPECT_TRUE(ranks[0]->announced());
  WorkServer server(*ranks[0], items);
  server.start();
  while (auto item = server.next())
    got[0].push_back(item->second);
  const std::vector<std::string> results = server.collect();
  for (auto& w : workers)
    w.join();

  std::multiset<std::string> all;
  for (const auto& list : got)
    all.insert(list.begin(), list.end());
  EXPECT_EQ(all, std::multiset<std::string>(items.begin(), items.end()));
  ASSERT_EQ(results.size(), static_cast<std::size_t>(kRanks));
  EXPECT_TRUE(results[0].empty());
  for (int r = 0; r < kRanks; ++r) {
    EXPECT_EQ(server.handed_out()[static_cast<std::size_t>(r)],
              got[static_cast<std::size_t>(r)].size())
        << "rank " << r;
    if (r > 0) {
      Reader reader(results[static_cast<std::size_t>(r)]);
      EXPECT_EQ(reader.u64(), got[static_cast<std::size_t>(r)].size()) << "rank " << r;
    }
  }
  // Each rank's items come in the order given (largest first, as rank 0 sorted them).
  for (const auto& list : got)
    EXPECT_TRUE(std::is_sorted(list.begin(), list.end(), [&](const auto& a, const auto& b) {
      return std::stoi(a.substr(3)) < std::stoi(b.substr(3));
    }));
  for (int r = 0; r < kRanks; ++r)
    EXPECT_EQ(world.pending(r), 0u) << "rank " << r << " has unread messages";
}

TEST(WorkHandoutTest, RunOnClusterReleasesWaitingRanksAndEndsTheJobOnAFailureMidRun) {
  FakeWorld world(2);
  FakeCluster root(world, 0), other(world, 1);
  // Rank 0 fails before announcing: the other rank hears a stop; MPI is finalized; the error
  // goes on.
  EXPECT_THROW(run_on_cluster(&root, [] { throw Error(ErrorCode::kDatabase, "locked"); }), Error);
  EXPECT_EQ(root.finalized, 1);
  EXPECT_FALSE(await_start(other).has_value());
  // Rank 0 ends well without starting a run: a stop too.
  FakeCluster root2(world, 0);
  run_on_cluster(&root2, [] {});
  EXPECT_EQ(root2.finalized, 1);
  EXPECT_FALSE(await_start(other).has_value());
  // A failure while the ranks work together ends the job (abort), with no stop sent.
  FakeCluster root3(world, 0);
  try {
    run_on_cluster(&root3, [&] {
      announce_start(root3, "x");
      root3.set_working(true);
      throw Error(ErrorCode::kResource, "lexicon vanished");
    });
    ADD_FAILURE() << "no abort";
  } catch (const Aborted& a) {
    EXPECT_EQ(a.code, 1);
  }
  EXPECT_EQ(await_start(other), std::optional<std::string>("x"));
  EXPECT_EQ(world.pending(1), 0u);
  // Without a cluster the body just runs.
  int ran = 0;
  run_on_cluster(nullptr, [&] { ++ran; });
  EXPECT_EQ(ran, 1);
}

// Version 11 adds run_ranks: a database of version 10 upgrades, and the rows read back.
TEST(RunRanksTest, AVersion10DatabaseUpgradesAndRecordsRanks) {
  testing::TempDir dir;
  const fs::path db = dir.path() / "old.db";
  {
    store::Connection old(db.string());
    store::migrate(old, 10);
  }
  store::DocumentStore store(db);
  const std::int64_t run = store.begin_run("process", "h", "config", 1);
  store::RunCounts zero, one;
  one.total = 3;
  one.processed = 2;
  one.failed = 1;
  one.bytes = 2'500'000;
  store.record_rank(run, 1, "node-b", one);
  store.record_rank(run, 0, "node-a", zero);
  store.record_rank(run, 0, "node-a", one);  // replaces rank 0's row
  const pipeline::ResultTable t = store::query_run_ranks(db, 10);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][1]), 0);
  EXPECT_EQ(std::get<std::string>(t.rows[0][2]), "node-a");
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][3]), 3);
  EXPECT_EQ(std::get<std::int64_t>(t.rows[1][1]), 1);
  EXPECT_EQ(std::get<std::int64_t>(t.rows[1][6]), 1);
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[1][8]), 2.5);
  EXPECT_THROW(store::query_run_ranks(dir.path() / "none.db", 10), Error);
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
