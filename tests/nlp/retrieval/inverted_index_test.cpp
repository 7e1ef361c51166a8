// Table-driven unit tests for nlp/retrieval: top_k against a brute-force cosine over all rows,
// keys, exclusion, ties and edge cases, builder errors, save/load round trips and rejected files.

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "common/hash.h"
#include "nlp/features/sparse.h"
#include "nlp/features/tfidf.h"
#include "nlp/retrieval/inverted_index.h"
#include "tests/support/test_data.h"

namespace secnlp::nlp {
namespace {

using Result = std::vector<std::pair<std::uint64_t, double>>;

SparseVector vec(std::vector<std::uint32_t> ids, std::vector<double> values) {
  return SparseVector{std::move(ids), std::move(values)};
}

// Random count rows (some empty), TF-IDF weighted with the project's helpers when `tfidf`.
std::vector<SparseVector> random_rows(std::size_t rows, std::uint32_t terms, double density,
                                      unsigned seed, bool tfidf) {
  std::mt19937 rng(seed);
  std::bernoulli_distribution present(density);
  std::uniform_int_distribution<int> count(1, 5);
  std::vector<SparseVector> out(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    if (r % 17 == 3) continue;  // an empty row now and then
    for (std::uint32_t t = 0; t < terms; ++t)
      if (present(rng)) out[r].push_back(t, count(rng));
  }
  if (tfidf) {
    std::vector<std::uint32_t> df;
    for (const auto& row : out)
      add_document_frequencies(row, df);
    df.resize(terms, 0);
    const TfidfOptions options;
    const auto idf = idf_from_df(df, rows, options);
    for (auto& row : out)
      apply_tfidf(row, idf, options);
  }
  return out;
}

// Cosine of the query with every row (keys = row numbers), positive scores only.
std::map<std::uint64_t, double> brute_force(const std::vector<SparseVector>& rows,
                                            SparseView query) {
  std::map<std::uint64_t, double> scores;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const double s = cosine_similarity(rows[r], query);
    if (s > 0) scores[r] = s;
  }
  return scores;
}

// `got` is a valid top-k of `expected` up to float precision: right length, each score is that
// row's cosine, best first (ties by key), and the i-th score is the i-th best brute-force score.
void expect_top_k(const Result& got, std::map<std::uint64_t, double> expected, std::size_t k,
                  std::optional<std::uint64_t> exclude) {
  constexpr double kTol = 1e-5;
  if (exclude) expected.erase(*exclude);
  std::vector<double> best;
  for (const auto& [key, s] : expected)
    best.push_back(s);
  std::sort(best.rbegin(), best.rend());
  ASSERT_EQ(got.size(), std::min(k, best.size()));
  for (std::size_t i = 0; i < got.size(); ++i) {
    const auto [key, score] = got[i];
    ASSERT_TRUE(expected.count(key)) << "key " << key << " scores 0 or is excluded";
    EXPECT_NEAR(score, expected[key], kTol) << "key " << key;
    EXPECT_NEAR(score, best[i], kTol) << "rank " << i;
    if (i > 0) {
      EXPECT_TRUE(got[i - 1].second > score ||
                  (got[i - 1].second == score && got[i - 1].first < key))
          << "order at rank " << i;
    }
  }
}

struct RandomCase {
  const char* name;
  std::size_t rows;
  std::uint32_t terms;
  double density;
  std::size_t k;
  bool tfidf;
  unsigned seed;
};

TEST(InvertedIndexTest, TopKMatchesBruteForceCosine) {
  const RandomCase cases[] = {
      {"small dense tfidf k=5", 40, 12, 0.5, 5, true, 1},
      {"sparse tfidf k=10", 300, 200, 0.04, 10, true, 2},
      {"raw counts, unnormalised rows", 200, 50, 0.1, 7, false, 3},
      {"k larger than N", 25, 30, 0.2, 100, true, 4},
      {"k = 1", 500, 400, 0.02, 1, true, 5},
      {"many ties (few terms, counts)", 150, 4, 0.5, 20, false, 6},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto rows = random_rows(c.rows, c.terms, c.density, c.seed, c.tfidf);
    const auto index = InvertedIndex::build(rows);
    ASSERT_EQ(index.size(), c.rows);
    // Queries: stored rows (with and without excluding themselves) and fresh random vectors.
    const auto fresh = random_rows(10, c.terms + 3, c.density * 2, c.seed + 100, false);
    for (std::size_t q = 0; q < std::min<std::size_t>(c.rows, 15); ++q) {
      expect_top_k(index.top_k(rows[q], c.k), brute_force(rows, rows[q]), c.k, std::nullopt);
      expect_top_k(index.top_k(rows[q], c.k, q), brute_force(rows, rows[q]), c.k, q);
    }
    for (const auto& query : fresh)
      expect_top_k(index.top_k(query, c.k), brute_force(rows, query), c.k, std::nullopt);
  }
}

TEST(InvertedIndexTest, SparseMatrixBuildMatchesSpanBuild) {
  const auto rows = random_rows(60, 40, 0.1, 7, true);
  SparseMatrix m(40);
  for (const auto& r : rows)
    m.append_row(r);
  const auto a = InvertedIndex::build(rows);
  const auto b = InvertedIndex::build(m);
  EXPECT_EQ(a.posting_count(), b.posting_count());
  for (std::size_t q = 0; q < 10; ++q)
    EXPECT_EQ(a.top_k(rows[q], 8), b.top_k(rows[q], 8));
}

TEST(InvertedIndexTest, EdgeCases) {
  // Rows: key 0 = {0:1}, 1 = {0:1, 1:1}, 2 = {} (empty), 3 = {2:0} (all zero), 4 = {1:2}.
  const std::vector<SparseVector> rows = {vec({0}, {1}), vec({0, 1}, {1, 1}), vec({}, {}),
                                          vec({2}, {0}), vec({1}, {2})};
  const auto index = InvertedIndex::build(rows);
  const double h = 1 / std::sqrt(2.0);
  struct Case {
    const char* name;
    SparseVector query;
    std::size_t k;
    std::optional<std::uint64_t> exclude;
    Result expected;
  };
  const Case cases[] = {
      {"term 0", vec({0}, {3}), 10, {}, {{0, 1.0}, {1, h}}},
      {"term 0, k=1", vec({0}, {3}), 1, {}, {{0, 1.0}}},
      {"term 0, exclude best", vec({0}, {3}), 1, 0, {{1, h}}},
      {"exclude a key that matches nothing", vec({0}, {3}), 10, 4, {{0, 1.0}, {1, h}}},
      {"exclude an absent key", vec({0}, {3}), 10, 99, {{0, 1.0}, {1, h}}},
      {"terms 0+1: tie of 0 and 4 by key", vec({0, 1}, {1, 1}), 10, {}, {{1, 1.0}, {0, h}, {4, h}}},
      {"k = 0", vec({0}, {1}), 0, {}, {}},
      {"empty query", vec({}, {}), 10, {}, {}},
      {"all-zero query", vec({0, 1}, {0, 0}), 10, {}, {}},
      {"term of the zero row only", vec({2}, {1}), 10, {}, {}},
      {"term beyond the index", vec({7}, {1}), 10, {}, {}},
      {"known and unknown terms", vec({1, 9}, {1, 1}), 10, {}, {{4, h}, {1, 0.5}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto got = index.top_k(c.query, c.k, c.exclude);
    ASSERT_EQ(got.size(), c.expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].first, c.expected[i].first) << "rank " << i;
      EXPECT_NEAR(got[i].second, c.expected[i].second, 1e-6) << "rank " << i;
    }
  }
  EXPECT_EQ(index.row_norm(2), 0.0);
  EXPECT_EQ(index.row_norm(3), 0.0);
  EXPECT_NEAR(index.row_norm(4), 2.0, 1e-12);
  EXPECT_EQ(index.term_count(), 2u);     // term 2 only has an explicit zero
  EXPECT_EQ(index.posting_count(), 4u);  // the explicit zero is not stored

  const InvertedIndex empty;
  EXPECT_EQ(empty.size(), 0u);
  EXPECT_TRUE(empty.top_k(vec({0}, {1}), 5).empty());
}

TEST(InvertedIndexTest, TiesAreOrderedByKey) {
  // Identical rows under scrambled keys score exactly alike; they come back by increasing key.
  InvertedIndex::Builder b;
  const std::uint64_t keys[] = {42, 7, 1000000000000ULL, 8, 3};
  for (auto key : keys)
    b.add(key, vec({1, 5, 9}, {0.2, 0.7, 0.1}));
  b.add(99, vec({1}, {1}));  // scores lower
  const auto index = b.build();
  EXPECT_EQ(b.size(), 0u);  // build() empties the builder
  const auto got = index.top_k(vec({1, 5}, {1, 1}), 10);
  const std::vector<std::uint64_t> order = {3, 7, 8, 42, 1000000000000ULL, 99};
  ASSERT_EQ(got.size(), order.size());
  for (std::size_t i = 0; i < order.size(); ++i)
    EXPECT_EQ(got[i].first, order[i]) << i;
  for (std::size_t i = 1; i < 5; ++i)
    EXPECT_EQ(got[i].second, got[0].second);
  // k cuts inside the tie: the lowest keys win.
  const auto top2 = index.top_k(vec({1, 5}, {1, 1}), 2, 3);
  ASSERT_EQ(top2.size(), 2u);
  EXPECT_EQ(top2[0].first, 7u);
  EXPECT_EQ(top2[1].first, 8u);
}

TEST(InvertedIndexTest, BuilderRejectsBadRows) {
  struct Case {
    const char* name;
    std::vector<std::uint32_t> ids;
    std::vector<double> values;
  };
  const Case cases[] = {
      {"ids decreasing", {3, 1}, {1, 1}},  {"ids repeated", {2, 2}, {1, 1}},
      {"NaN weight", {1}, {std::nan("")}}, {"infinite weight", {1}, {INFINITY}},
      {"lengths differ", {1, 2}, {1}},     {"reserved term id", {0xFFFFFFFFu}, {1}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    InvertedIndex::Builder b;
    try {
      b.add(1, SparseView(c.ids, c.values));
      FAIL() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    }
  }
  InvertedIndex::Builder dup;
  dup.add(5, vec({1}, {1}));
  dup.add(6, vec({1}, {1}));
  dup.add(5, vec({2}, {1}));
  try {
    dup.build();
    FAIL() << "duplicate key accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(std::string(e.what()).find("duplicate key"), std::string::npos);
  }
}

TEST(InvertedIndexTest, ConcurrentQueriesAgreeWithSerial) {
  const auto rows = random_rows(400, 300, 0.03, 11, true);
  const auto index = InvertedIndex::build(rows);
  std::vector<Result> serial;
  for (std::size_t q = 0; q < 40; ++q)
    serial.push_back(index.top_k(rows[q], 5, q));
  std::vector<std::vector<Result>> parallel(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int rep = 0; rep < 5; ++rep)
        for (std::size_t q = 0; q < 40; ++q) {
          auto r = index.top_k(rows[q], 5, q);
          if (rep == 0) parallel[t].push_back(std::move(r));
        }
    });
  }
  for (auto& th : threads)
    th.join();
  for (const auto& p : parallel)
    EXPECT_EQ(p, serial);
}

// ---- save / load ----

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}
void spit(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc).write(bytes.data(), bytes.size());
}

TEST(InvertedIndexTest, SaveLoadRoundTrip) {
  testing::TempDir dir;
  const auto rows = random_rows(120, 80, 0.08, 21, true);
  InvertedIndex::Builder b;
  for (std::size_t r = 0; r < rows.size(); ++r)
    b.add(1000 + 3 * r, rows[r]);
  const auto index = b.build();
  const auto path = dir.path() / "index.bin";
  index.save(path);
  EXPECT_EQ(std::filesystem::file_size(path), index.memory_bytes());
  const auto loaded = InvertedIndex::load(path);
  EXPECT_EQ(loaded.size(), index.size());
  EXPECT_EQ(loaded.term_count(), index.term_count());
  EXPECT_EQ(loaded.posting_count(), index.posting_count());
  for (std::size_t r = 0; r < index.size(); ++r) {
    EXPECT_EQ(loaded.key(r), index.key(r));
    EXPECT_EQ(loaded.row_norm(r), index.row_norm(r));
  }
  for (std::size_t q = 0; q < rows.size(); q += 7)
    EXPECT_EQ(loaded.top_k(rows[q], 6, 1000 + 3 * q), index.top_k(rows[q], 6, 1000 + 3 * q));
  EXPECT_EQ(loaded.stamp(), 0u);
  loaded.save(dir.path() / "again.bin");
  EXPECT_EQ(slurp(dir.path() / "again.bin"), slurp(path));

  // Empty index and a moved index survive too.
  InvertedIndex moved = std::move(const_cast<InvertedIndex&>(loaded));
  EXPECT_EQ(moved.top_k(rows[0], 3), index.top_k(rows[0], 3));
  InvertedIndex().save(dir.path() / "empty.bin");
  EXPECT_EQ(InvertedIndex::load(dir.path() / "empty.bin").size(), 0u);
}

// Rewrites the header checksum after a header edit, so that the later checks are reached.
void reseal_header(std::string& bytes) {
  const std::uint64_t h = hash64(std::string_view(bytes.data(), 56));
  std::memcpy(bytes.data() + 56, &h, 8);
}
void reseal_payload(std::string& bytes) {
  const std::uint64_t h = hash64(std::string_view(bytes).substr(64));
  std::memcpy(bytes.data() + 40, &h, 8);
  reseal_header(bytes);
}

TEST(InvertedIndexTest, StampTravelsInTheHeader) {
  testing::TempDir dir;
  const struct {
    const char* name;
    std::uint64_t stamp;
  } cases[] = {
      {"zero", 0}, {"small", 7}, {"all bits", ~0ULL}, {"hash-like", 0x9e3779b97f4a7c15ULL}};
  const std::vector<SparseVector> rows = {vec({0, 4}, {1, 2}), vec({4}, {1})};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto index = InvertedIndex::build(rows);
    index.set_stamp(c.stamp);
    const auto path = dir.path() / "stamped.bin";
    index.save(path);
    EXPECT_EQ(InvertedIndex::read_stamp(path), c.stamp);
    const auto loaded = InvertedIndex::load(path);  // the header checksum covers the stamp
    EXPECT_EQ(loaded.stamp(), c.stamp);
    EXPECT_EQ(loaded.top_k(rows[0], 2), index.top_k(rows[0], 2));
  }
  // read_stamp checks the header like load().
  std::string bytes = slurp(dir.path() / "stamped.bin");
  bytes[48] ^= 1;  // the stamp, without resealing the header
  spit(dir.path() / "edited.bin", bytes);
  for (const auto* what : {"read_stamp", "load"}) {
    SCOPED_TRACE(what);
    try {
      if (std::string(what) == "load")
        InvertedIndex::load(dir.path() / "edited.bin");
      else
        InvertedIndex::read_stamp(dir.path() / "edited.bin");
      FAIL() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kParse);
      EXPECT_EQ(e.path(), (dir.path() / "edited.bin").string());
    }
  }
}

TEST(InvertedIndexTest, LoadRejectsBadFiles) {
  testing::TempDir dir;
  // 3 rows, terms 0..2: rows have 1, 2, 1 postings. Payload: keys 24, norms 24, offsets 32,
  // postings 32 = 112 bytes; postings start at 64 + 80 = 144.
  const std::vector<SparseVector> rows = {vec({0}, {1}), vec({1, 2}, {1, 1}), vec({2}, {3})};
  const auto good_path = dir.path() / "good.bin";
  InvertedIndex::build(rows).save(good_path);
  const std::string good = slurp(good_path);
  ASSERT_EQ(good.size(), 64u + 112u);

  struct Case {
    const char* name;
    std::function<void(std::string&)> damage;
    ErrorCode code;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"wrong magic", [](std::string& b) { b[0] = 'X'; }, ErrorCode::kParse, "wrong magic"},
      {"other file type", [](std::string& b) { b = "SQLite format 3" + std::string(100, '\0'); },
       ErrorCode::kParse, "wrong magic"},
      {"newer version",
       [](std::string& b) {
         b[8] = 2;
         reseal_header(b);
       },
       ErrorCode::kParse, "unsupported index version 2"},
      {"other byte order",
       [](std::string& b) {
         std::swap(b[12], b[15]);
         std::swap(b[13], b[14]);
         reseal_header(b);
       },
       ErrorCode::kParse, "byte order"},
      {"empty file", [](std::string& b) { b.clear(); }, ErrorCode::kParse, "truncated"},
      {"header cut", [](std::string& b) { b.resize(40); }, ErrorCode::kParse, "truncated"},
      {"payload cut", [](std::string& b) { b.resize(b.size() - 1); }, ErrorCode::kParse,
       "truncated"},
      {"only the header", [](std::string& b) { b.resize(64); }, ErrorCode::kParse, "truncated"},
      {"padded", [](std::string& b) { b += "x"; }, ErrorCode::kParse, "padded"},
      {"header count edited", [](std::string& b) { b[16] = 4; }, ErrorCode::kParse,
       "header is corrupted"},
      {"absurd counts",
       [](std::string& b) {
         std::memset(b.data() + 16, 0xFF, 24);
         reseal_header(b);
       },
       ErrorCode::kParse, "impossible sizes"},
      {"payload bit flip", [](std::string& b) { b[150] ^= 0x10; }, ErrorCode::kParse,
       "checksum mismatch"},
      {"last byte flip", [](std::string& b) { b.back() ^= 1; }, ErrorCode::kParse,
       "checksum mismatch"},
      {"posting row out of range, checksums redone",
       [](std::string& b) {
         b[144] = 9;
         reseal_payload(b);
       },
       ErrorCode::kParse, "out of bounds"},
      {"offsets decreasing, checksums redone",
       [](std::string& b) {
         b[64 + 48 + 8] = 4;  // offsets 0,1,2,4 become 0,4,2,4
         reseal_payload(b);
       },
       ErrorCode::kParse, "out of bounds"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::string bytes = good;
    c.damage(bytes);
    const auto path = dir.path() / "bad.bin";
    spit(path, bytes);
    try {
      InvertedIndex::load(path);
      FAIL() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), c.code) << e.what();
      EXPECT_EQ(e.path(), path.string());
      EXPECT_NE(std::string(e.what()).find(c.message), std::string::npos) << e.what();
    }
  }
  // Missing file and a directory.
  for (const auto& path : {dir.path() / "missing.bin", dir.path()}) {
    try {
      InvertedIndex::load(path);
      FAIL() << "accepted " << path;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kIo);
      EXPECT_EQ(e.path(), path.string());
    }
  }
  EXPECT_NO_THROW(InvertedIndex::load(good_path));
}

}  // namespace
}  // namespace secnlp::nlp
