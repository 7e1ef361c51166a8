// Similarity measures on real 10-K Item 1A text (AAPL, EBAY, SHLDQ, 2013-2017) against
// scikit-learn: the test tokenizes the 15 documents, builds count and TF-IDF vectors with
// nlp/features, hands the same token lists to tests/data/similarity/sklearn_similarity.py (run
// with /usr/bin/python3) and compares cosine (counts and TF-IDF), Jaccard and the course-style
// match ratio for every pair within 1e-9. Then prints the year-over-year scores of each company
// (cosine TF-IDF, Jaccard, edit similarity, simple similarity, Levenshtein) and diff timings.
// Skips when the corpus, python3 or scikit-learn is absent.

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nlp/features/count_vectorizer.h"
#include "nlp/features/sparse.h"
#include "nlp/features/tfidf.h"
#include "nlp/similarity/levenshtein.h"
#include "nlp/similarity/set_similarity.h"
#include "nlp/similarity/token_interning.h"
#include "nlp/similarity/word_diff.h"
#include "tests/support/test_data.h"
#include "tests/support/word_tokens.h"

namespace secnlp::nlp {
namespace {

namespace fs = std::filesystem;
using Docs = std::vector<std::vector<std::string>>;

constexpr double kTolerance = 1e-9;
constexpr const char* kPython = "/usr/bin/python3";

std::vector<std::string> tokenize(const std::string& text) {
  return testing::word_tokens(text);
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

TEST(SimilarityCorpus, MatchesSklearnAndPrintsYearOverYear) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/text-only/risk-factors-2013-2017");
  const std::string probe = std::string(kPython) + " -c 'import sklearn' >/dev/null 2>&1";
  if (std::system(probe.c_str()) != 0) GTEST_SKIP() << kPython << " with scikit-learn absent";

  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  ASSERT_EQ(files.size(), 15u);
  Docs docs;
  std::size_t bytes = 0;
  for (const fs::path& f : files) {
    const std::string text = testing::read_file(f);
    bytes += text.size();
    docs.push_back(tokenize(text));
  }

  testing::TempDir tmp;
  {
    std::ofstream out(tmp.path() / "tokens.txt", std::ios::binary);
    for (const auto& doc : docs) {
      for (std::size_t i = 0; i < doc.size(); ++i)
        out << (i ? " " : "") << doc[i];
      out << '\n';
    }
  }
  const fs::path reference_script = testing::fixture_path("similarity/sklearn_similarity.py");
  const fs::path ref = tmp.path() / "pairs.tsv";
  const std::string command = std::string(kPython) + " '" + reference_script.string() + "' '" +
                              (tmp.path() / "tokens.txt").string() + "' '" + ref.string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;

  CountVectorizer cv;
  const SparseMatrix counts = cv.fit_transform(docs);
  TfidfTransformer transformer;
  const SparseMatrix tfidf = transformer.fit_transform(counts);
  const std::size_t vocabulary = counts.cols();

  std::istringstream lines(testing::read_file(ref));
  std::size_t pairs = 0;
  for (std::string line; std::getline(lines, line);) {
    std::istringstream f(line);
    std::size_t i = 0;
    std::size_t j = 0;
    double cos_counts = 0, cos_tfidf = 0, jac = 0, match = 0;
    ASSERT_TRUE(f >> i >> j >> cos_counts >> cos_tfidf >> jac >> match) << line;
    SCOPED_TRACE(files[i].filename().string() + " vs " + files[j].filename().string());
    EXPECT_NEAR(cosine_similarity(counts.row(i), counts.row(j)), cos_counts, kTolerance);
    EXPECT_NEAR(cosine_similarity(tfidf.row(i), tfidf.row(j)), cos_tfidf, kTolerance);
    EXPECT_NEAR(jaccard(counts.row(i), counts.row(j)), jac, kTolerance);
    EXPECT_NEAR(binary_match_ratio(counts.row(i), counts.row(j), vocabulary), match, kTolerance);
    ++pairs;
  }
  EXPECT_EQ(pairs, 15u * 14u / 2u);

  // Year over year, files sorted as TICKER_10k_YEAR.txt.
  std::printf("%-22s %8s %8s %8s %8s %8s %8s %9s\n", "pair", "words", "cos_tfidf", "jaccard",
              "edit", "simple", "levensh", "diff_ms");
  double diff_seconds = 0;
  std::size_t diff_words = 0;
  for (std::size_t k = 0; k + 1 < files.size(); ++k) {
    const std::string prev = files[k].stem().string();
    const std::string next = files[k + 1].stem().string();
    if (prev.substr(0, prev.find('_')) != next.substr(0, next.find('_'))) continue;
    const InternedPair p = intern_tokens(docs[k], docs[k + 1]);
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<EditRun> script = edit_script(p.a, p.b);
    const double dt = seconds_since(t0);
    diff_seconds += dt;
    diff_words += p.a.size() + p.b.size();
    const DiffStats s = stats_of(script);
    EXPECT_EQ(s, diff_stats(p.a, p.b));
    const double edit = 1.0 - static_cast<double>(s.distance()) / (s.a_size + s.b_size);
    EXPECT_DOUBLE_EQ(edit, edit_similarity(p.a, p.b));
    const double simple = simple_similarity(count_changes(script), s.a_size, s.b_size);
    const double lev = levenshtein_similarity(p.a, p.b);
    std::printf("%-22s %8zu %8.4f %8.4f %8.4f %8.4f %8.4f %9.2f\n",
                (prev + "->" + next.substr(next.rfind('_') + 1)).c_str(), p.b.size(),
                cosine_similarity(tfidf.row(k), tfidf.row(k + 1)),
                jaccard(counts.row(k), counts.row(k + 1)), edit, simple, lev, dt * 1e3);
    EXPECT_GE(edit, 0.0);
    EXPECT_LE(edit, 1.0);
  }
  std::printf("word diff (edit_script) on %zu words: %.1f ms, %.2f Mwords/s; corpus %zu bytes\n",
              diff_words, diff_seconds * 1e3, diff_words / diff_seconds / 1e6, bytes);
}

}  // namespace
}  // namespace secnlp::nlp
