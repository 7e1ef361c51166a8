// Unit tests for nlp/similarity/word_diff.h and levenshtein.h: tables of small diffs with known
// distances, seeded property tests against the O(N·M) dynamic programs (both the Myers path and
// the bit-parallel/Hirschberg path), and a 100,000-word diff with 1% random edits (timings are
// printed, never asserted).

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nlp/similarity/levenshtein.h"
#include "nlp/similarity/token_interning.h"
#include "nlp/similarity/word_diff.h"

namespace secnlp::nlp {
namespace {

using Ids = std::vector<std::uint32_t>;

std::size_t dp_lcs(const Ids& a, const Ids& b) {
  std::vector<std::size_t> prev(b.size() + 1, 0), cur(b.size() + 1, 0);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] = a[i - 1] == b[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], cur[j - 1]);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::size_t dp_levenshtein(const Ids& a, const Ids& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j)
      cur[j] =
          std::min({prev[j - 1] + (a[i - 1] == b[j - 1] ? 0u : 1u), prev[j] + 1, cur[j - 1] + 1});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// The script must walk both sequences from start to end, equal runs must match, and applying it
// to a must give b.
::testing::AssertionResult script_valid(const Ids& a, const Ids& b,
                                        const std::vector<EditRun>& script) {
  std::size_t i = 0;
  std::size_t j = 0;
  Ids rebuilt;
  for (std::size_t r = 0; r < script.size(); ++r) {
    const EditRun& run = script[r];
    if (run.length == 0) return ::testing::AssertionFailure() << "empty run " << r;
    if (run.a_pos != i || run.b_pos != j)
      return ::testing::AssertionFailure() << "run " << r << " at (" << run.a_pos << ","
                                           << run.b_pos << ") expected (" << i << "," << j << ")";
    if (r > 0 && script[r - 1].op == run.op)
      return ::testing::AssertionFailure() << "unmerged runs at " << r;
    switch (run.op) {
      case EditOp::kEqual:
        for (std::size_t k = 0; k < run.length; ++k) {
          if (i + k >= a.size() || j + k >= b.size() || a[i + k] != b[j + k])
            return ::testing::AssertionFailure() << "equal run " << r << " mismatches";
          rebuilt.push_back(a[i + k]);
        }
        i += run.length;
        j += run.length;
        break;
      case EditOp::kDelete:
        i += run.length;
        break;
      case EditOp::kInsert:
        for (std::size_t k = 0; k < run.length; ++k)
          rebuilt.push_back(b[j + k]);
        j += run.length;
        break;
    }
  }
  if (i != a.size() || j != b.size()) return ::testing::AssertionFailure() << "does not end";
  if (rebuilt != b) return ::testing::AssertionFailure() << "does not rebuild b";
  return ::testing::AssertionSuccess();
}

struct DiffCase {
  const char* name;
  Ids a;
  Ids b;
  std::size_t common;
  std::size_t levenshtein;
  ChangeCounts changes;  // for a script with this unique grouping
};

TEST(WordDiff, Table) {
  const std::vector<DiffCase> cases = {
      {"both empty", {}, {}, 0, 0, {0, 0, 0, 0}},
      {"a empty", {}, {1, 2, 3}, 0, 3, {3, 0, 0, 1}},
      {"b empty", {1, 2}, {}, 0, 2, {0, 2, 0, 1}},
      {"identical", {5, 6, 7, 5}, {5, 6, 7, 5}, 4, 0, {0, 0, 0, 0}},
      {"disjoint", {1, 2, 3}, {4, 5}, 0, 3, {0, 0, 3, 1}},
      {"one substitution", {1, 2, 3, 4}, {1, 2, 9, 4}, 3, 1, {0, 0, 1, 1}},
      {"insert in middle", {1, 2, 3}, {1, 2, 7, 8, 3}, 3, 2, {2, 0, 0, 1}},
      {"delete at start", {9, 1, 2}, {1, 2}, 2, 1, {0, 1, 0, 1}},
      {"two regions", {1, 2, 3, 4, 5}, {1, 8, 3, 5}, 3, 2, {0, 1, 1, 2}},
      {"Myers' paper ABCABBA/CBABAC", {0, 1, 2, 0, 1, 1, 0}, {2, 1, 0, 1, 0, 2}, 4, 4, {}},
      // "We expect demand to increase" -> "We expect weakness in sales" (Lazy Prices' example):
      // three words deleted, three inserted: D = 6, Levenshtein 3.
      {"lazy prices example", {0, 1, 2, 3, 4}, {0, 1, 5, 6, 7}, 2, 3, {0, 0, 3, 1}},
  };
  for (const DiffCase& c : cases) {
    const DiffStats s = diff_stats(c.a, c.b);
    const std::size_t d = c.a.size() + c.b.size() - 2 * c.common;
    EXPECT_EQ(s, (DiffStats{c.a.size(), c.b.size(), c.common, c.a.size() - c.common,
                            c.b.size() - c.common}))
        << c.name;
    EXPECT_EQ(edit_distance(c.a, c.b), d) << c.name;
    const std::vector<EditRun> script = edit_script(c.a, c.b);
    EXPECT_TRUE(script_valid(c.a, c.b, script)) << c.name;
    EXPECT_EQ(stats_of(script), s) << c.name;
    EXPECT_EQ(levenshtein_distance(c.a, c.b), c.levenshtein) << c.name;
    EXPECT_EQ(levenshtein_distance(c.b, c.a), c.levenshtein) << c.name << " (swapped)";
    const double total = static_cast<double>(c.a.size() + c.b.size());
    EXPECT_DOUBLE_EQ(edit_similarity(c.a, c.b), total == 0 ? 1.0 : 1.0 - d / total) << c.name;
    if (std::string(c.name) != "Myers' paper ABCABBA/CBABAC") {
      const ChangeCounts cc = count_changes(script);
      EXPECT_EQ(cc, c.changes) << c.name;
      const double avg = total / 2.0;
      EXPECT_DOUBLE_EQ(simple_similarity(c.a, c.b),
                       total == 0 ? 1.0 : std::max(0.0, 1.0 - cc.total() / avg))
          << c.name;
    }
  }
}

TEST(WordDiff, ScoresOfKnownPairs) {
  const Ids a = {1, 2, 3, 4};
  EXPECT_DOUBLE_EQ(edit_similarity(a, a), 1.0);
  EXPECT_DOUBLE_EQ(simple_similarity(a, a), 1.0);
  EXPECT_DOUBLE_EQ(levenshtein_similarity(a, a), 1.0);
  EXPECT_DOUBLE_EQ(edit_similarity(a, Ids{5, 6, 7, 8}), 0.0);
  EXPECT_DOUBLE_EQ(simple_similarity(a, Ids{5, 6, 7, 8}), 0.0);
  EXPECT_DOUBLE_EQ(levenshtein_similarity(a, Ids{5, 6, 7, 8}), 0.0);
  EXPECT_DOUBLE_EQ(edit_similarity(Ids{}, Ids{}), 1.0);
  EXPECT_DOUBLE_EQ(levenshtein_similarity(Ids{}, Ids{}), 1.0);
  EXPECT_DOUBLE_EQ(edit_similarity(a, Ids{}), 0.0);
  // One substituted word out of 4: D = 2 of 8 words; Levenshtein 1 of 4; one change of 1 word
  // over an average length of 4.
  const Ids b = {1, 2, 9, 4};
  EXPECT_DOUBLE_EQ(edit_similarity(a, b), 0.75);
  EXPECT_DOUBLE_EQ(levenshtein_similarity(a, b), 0.75);
  EXPECT_DOUBLE_EQ(simple_similarity(a, b), 0.75);
  // Appending 4 words to 4: D = 4 of 12; one addition of 4 words over an average of 6.
  const Ids c = {1, 2, 3, 4, 5, 6, 7, 8};
  EXPECT_DOUBLE_EQ(edit_similarity(a, c), 1.0 - 4.0 / 12.0);
  EXPECT_DOUBLE_EQ(simple_similarity(a, c), 1.0 - 4.0 / 6.0);
  EXPECT_DOUBLE_EQ(simple_similarity(ChangeCounts{1, 1, 1, 3}, 3, 3), 0.0);
}

TEST(WordDiff, HugeIdsAreRenumbered) {
  const Ids a = {0xFFFFFFF0u, 7, 0xFFFFFFF1u, 9, 0xFFFFFFF0u};
  const Ids b = {7, 0xFFFFFFF1u, 0xFFFFFFF0u, 9};
  EXPECT_EQ(diff_stats(a, b).common, dp_lcs(a, b));
  EXPECT_TRUE(script_valid(a, b, edit_script(a, b)));
}

TEST(WordDiff, WorksOnInternedTokens) {
  const std::vector<std::string> a = {"we", "expect", "demand", "to", "increase"};
  const std::vector<std::string> b = {"we", "expect", "weakness", "in", "sales"};
  const InternedPair p = intern_tokens(a, b);
  EXPECT_EQ(edit_distance(p.a, p.b), 6u);
  EXPECT_EQ(levenshtein_distance(p.a, p.b), 3u);
  EXPECT_DOUBLE_EQ(edit_similarity(p.a, p.b), 0.4);
  EXPECT_DOUBLE_EQ(simple_similarity(p.a, p.b), 0.4);
}

Ids random_ids(std::mt19937_64& rng, std::size_t n, std::uint32_t alphabet) {
  std::uniform_int_distribution<std::uint32_t> pick(0, alphabet - 1);
  Ids out(n);
  for (auto& x : out)
    x = pick(rng);
  return out;
}

// Random edits of a: deletions, insertions and substitutions at random places.
Ids mutate(std::mt19937_64& rng, const Ids& a, std::size_t edits, std::uint32_t alphabet) {
  Ids b = a;
  std::uniform_int_distribution<std::uint32_t> pick(0, alphabet - 1);
  for (std::size_t e = 0; e < edits; ++e) {
    const std::size_t pos = b.empty() ? 0 : rng() % (b.size() + 1);
    switch (rng() % 3) {
      case 0:
        if (pos < b.size()) b.erase(b.begin() + static_cast<std::ptrdiff_t>(pos));
        break;
      case 1:
        b.insert(b.begin() + static_cast<std::ptrdiff_t>(pos), pick(rng));
        break;
      default:
        if (pos < b.size()) b[pos] = pick(rng);
        break;
    }
  }
  return b;
}

TEST(WordDiff, PropertyAgainstDynamicProgramming) {
  std::mt19937_64 rng(20240501);
  for (int trial = 0; trial < 600; ++trial) {
    const std::uint32_t alphabet = 1 + static_cast<std::uint32_t>(rng() % 8);
    const Ids a = random_ids(rng, rng() % 40, alphabet);
    const Ids b = trial % 2 == 0 ? mutate(rng, a, rng() % 10, alphabet)
                                 : random_ids(rng, rng() % 40, alphabet);
    const std::size_t lcs = dp_lcs(a, b);
    const DiffStats s = diff_stats(a, b);
    ASSERT_EQ(s.common, lcs) << "trial " << trial;
    const std::vector<EditRun> script = edit_script(a, b);
    ASSERT_TRUE(script_valid(a, b, script)) << "trial " << trial;
    ASSERT_EQ(stats_of(script), s) << "trial " << trial;
    ASSERT_EQ(levenshtein_distance(a, b), dp_levenshtein(a, b)) << "trial " << trial;
  }
}

// Sizes where Myers gives up and the bit-parallel LCS (several strips, partial last words) and
// Hirschberg's split take over.
TEST(WordDiff, PropertyOnTheBitParallelPath) {
  std::mt19937_64 rng(7);
  const std::size_t sizes[][2] = {{3000, 2900}, {4200, 5000}, {64, 4097}, {2049, 130}};
  for (const auto& sz : sizes) {
    for (std::uint32_t alphabet : {4u, 50u, 2000u}) {
      const Ids a = random_ids(rng, sz[0], alphabet);
      const Ids b = random_ids(rng, sz[1], alphabet);
      const std::size_t lcs = dp_lcs(a, b);
      EXPECT_EQ(diff_stats(a, b).common, lcs) << sz[0] << "x" << sz[1] << " alphabet " << alphabet;
      const std::vector<EditRun> script = edit_script(a, b);
      EXPECT_TRUE(script_valid(a, b, script));
      EXPECT_EQ(stats_of(script).common, lcs) << sz[0] << "x" << sz[1] << " alphabet " << alphabet;
    }
  }
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// 100,000 words with a Zipf-like vocabulary, 1% random edits: D is at most 2 per edit (a
// substitution is a deletion plus an insertion) and, edits being far apart, at least about one
// per edit. Timings go to stdout.
TEST(WordDiff, HundredThousandWords) {
  std::mt19937_64 rng(42);
  constexpr std::size_t kWords = 100000;
  constexpr std::uint32_t kVocabulary = 20000;
  std::vector<double> weights(kVocabulary);
  for (std::uint32_t r = 0; r < kVocabulary; ++r)
    weights[r] = 1.0 / (r + 1.0);
  std::discrete_distribution<std::uint32_t> zipf(weights.begin(), weights.end());
  Ids a(kWords);
  for (auto& x : a)
    x = zipf(rng);
  constexpr std::size_t kEdits = kWords / 100;
  const Ids b = mutate(rng, a, kEdits, kVocabulary);

  auto t0 = std::chrono::steady_clock::now();
  const DiffStats s = diff_stats(a, b);
  const double t_stats = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  const std::vector<EditRun> script = edit_script(a, b);
  const double t_script = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  const std::size_t lev = levenshtein_distance(a, b);
  const double t_lev = seconds_since(t0);
  EXPECT_LE(s.distance(), 2 * kEdits);
  EXPECT_GE(s.distance(), kEdits * 6 / 10);  // some edits cancel or hit the same place
  EXPECT_LE(lev, kEdits);
  EXPECT_LE(lev, s.distance());
  EXPECT_TRUE(script_valid(a, b, script));
  EXPECT_EQ(stats_of(script), s);

  // Very different: two independent documents from the same vocabulary.
  Ids c(kWords);
  for (auto& x : c)
    x = zipf(rng);
  t0 = std::chrono::steady_clock::now();
  const DiffStats far = diff_stats(a, c);
  const double t_far_stats = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  const std::vector<EditRun> far_script = edit_script(a, c);
  const double t_far_script = seconds_since(t0);
  EXPECT_TRUE(script_valid(a, c, far_script));
  EXPECT_EQ(stats_of(far_script), far);

  const double words = 2.0 * kWords;
  std::cout << "similar (1% edits): D=" << s.distance() << " Levenshtein=" << lev << "  diff_stats "
            << t_stats * 1e3 << " ms (" << words / t_stats / 1e6 << " Mwords/s), edit_script "
            << t_script * 1e3 << " ms, levenshtein " << t_lev * 1e3 << " ms\n"
            << "very different: D=" << far.distance() << " LCS=" << far.common << "  diff_stats "
            << t_far_stats * 1e3 << " ms (" << words / t_far_stats / 1e6
            << " Mwords/s), edit_script " << t_far_script * 1e3 << " ms\n";
}

}  // namespace
}  // namespace secnlp::nlp
