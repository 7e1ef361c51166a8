// CountVectorizer + TfidfTransformer against scikit-learn on real 10-K risk-factor text:
// the test tokenizes the documents, hands the token lists to tests/data/features/sklearn_tfidf.py
// (run with /usr/bin/python3) and compares every weight of every option combination.
// Skips when the corpus, python3 or scikit-learn is absent. Also prints throughput.

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nlp/features/count_vectorizer.h"
#include "nlp/features/tfidf.h"
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

template <typename T>
std::vector<T> read_array(const fs::path& path) {
  const std::string bytes = testing::read_file(path);
  std::vector<T> out(bytes.size() / sizeof(T));
  std::memcpy(out.data(), bytes.data(), out.size() * sizeof(T));
  return out;
}

std::vector<std::string> read_lines(const fs::path& path) {
  std::istringstream in(testing::read_file(path));
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  for (std::string f; std::getline(in, f, '\t');)
    fields.push_back(f);
  return fields;
}

DocumentFrequencyBound parse_bound(const std::string& s) {
  if (s.find('.') != std::string::npos) return DocumentFrequencyBound(std::stod(s));
  return DocumentFrequencyBound(std::stoi(s));
}

Docs load_corpus(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  Docs docs;
  for (const auto& f : files)
    docs.push_back(tokenize(testing::read_file(f)));
  return docs;
}

TEST(FeaturesCorpus, MatchesSklearnOnRiskFactors) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/text-only/risk-factors-2013-2017");
  const std::string probe = std::string(kPython) + " -c 'import sklearn' >/dev/null 2>&1";
  if (std::system(probe.c_str()) != 0) GTEST_SKIP() << kPython << " with scikit-learn absent";

  const Docs docs = load_corpus(dir);
  ASSERT_GE(docs.size(), 10u);
  testing::TempDir tmp;
  {
    std::ofstream out(tmp.path() / "tokens.txt", std::ios::binary);
    for (const auto& doc : docs) {
      for (std::size_t i = 0; i < doc.size(); ++i)
        out << (i ? " " : "") << doc[i];
      out << '\n';
    }
  }
  const fs::path script = testing::fixture_path("features/sklearn_tfidf.py");
  const std::string command = std::string(kPython) + " '" + script.string() + "' '" +
                              (tmp.path() / "tokens.txt").string() + "' '" + tmp.path().string() +
                              "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;

  std::map<std::string, std::pair<CountVectorizer, SparseMatrix>> fitted;  // by vocab file
  std::size_t combos = 0;
  std::size_t values = 0;
  for (const std::string& line : read_lines(tmp.path() / "manifest.tsv")) {
    const auto f = split_tabs(line);
    ASSERT_EQ(f.size(), 13u) << line;
    SCOPED_TRACE(line);
    CountOptions co;
    co.ngram_min = std::stoi(f[1]);
    co.ngram_max = std::stoi(f[2]);
    co.min_df = parse_bound(f[3]);
    co.max_df = parse_bound(f[4]);
    if (f[5] != "None") co.max_features = std::stoul(f[5]);
    co.binary = f[6] == "1";
    TfidfOptions to;
    to.norm = f[7] == "l1" ? Norm::kL1 : f[7] == "l2" ? Norm::kL2 : Norm::kNone;
    to.use_idf = f[8] == "1";
    to.smooth_idf = f[9] == "1";
    to.sublinear_tf = f[10] == "1";
    if (f[11] == "lognorm") to = TfidfOptions::log_normalized(to.norm);

    auto it = fitted.find(f[12]);
    if (it == fitted.end()) {
      CountVectorizer cv(co);
      SparseMatrix counts = cv.fit_transform(docs);
      ASSERT_EQ(cv.vocabulary(), read_lines(tmp.path() / f[12]));
      it = fitted.emplace(f[12], std::make_pair(std::move(cv), std::move(counts))).first;
    }
    const SparseMatrix& counts = it->second.second;
    const SparseMatrix w = TfidfTransformer(to).fit_transform(counts);

    const fs::path base = tmp.path() / f[0];
    const auto indptr = read_array<std::int64_t>(base.string() + ".indptr");
    const auto indices = read_array<std::int32_t>(base.string() + ".indices");
    const auto data = read_array<double>(base.string() + ".data");
    ASSERT_EQ(indptr.size(), w.rows() + 1);
    for (std::size_t r = 0; r <= w.rows(); ++r) {
      ASSERT_EQ(static_cast<std::size_t>(indptr[r]), w.indptr()[r]) << "row " << r;
    }
    ASSERT_EQ(indices.size(), w.nnz());
    std::size_t bad = 0;
    for (std::size_t k = 0; k < w.nnz(); ++k) {
      if (static_cast<std::uint32_t>(indices[k]) != w.indices()[k] ||
          !(std::abs(data[k] - w.data()[k]) <= kTolerance)) {
        if (++bad <= 5) {
          ADD_FAILURE() << "entry " << k << ": sklearn (" << indices[k] << ", " << data[k]
                        << ") secnlp (" << w.indices()[k] << ", " << w.data()[k] << ")";
        }
      }
    }
    EXPECT_EQ(bad, 0u);
    values += w.nnz();
    ++combos;
  }
  EXPECT_EQ(combos, 5u * 25u);
  std::cout << "[ features ] " << combos << " option combinations, " << values
            << " weights equal to sklearn within " << kTolerance << "\n";
}

// Throughput of fit_transform (printed, not asserted): 50 documents x 50k tokens made from the
// risk-factor vocabulary.
TEST(FeaturesCorpus, Throughput) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/text-only/risk-factors-2013-2017");
  const Docs source = load_corpus(dir);
  std::vector<std::string> pool;
  for (const auto& d : source)
    pool.insert(pool.end(), d.begin(), d.end());
  ASSERT_GT(pool.size(), 1000u);
  Docs docs(50);
  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (std::size_t i = 0; i < 50000; ++i)
      docs[d].push_back(pool[(d * 7919 + i) % pool.size()]);
  }
  for (int max_n : {1, 2}) {
    CountVectorizer cv({.ngram_min = 1, .ngram_max = max_n});
    const auto start = std::chrono::steady_clock::now();
    const SparseMatrix counts = cv.fit_transform(docs);
    const SparseMatrix w = TfidfTransformer().fit_transform(counts);
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(w.rows(), docs.size());
    const auto again = std::chrono::steady_clock::now();
    EXPECT_EQ(cv.transform(docs), counts);
    const double t =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - again).count();
    std::cout << "[ features ] ngram (1," << max_n << "): 50 docs x 50k tokens, vocabulary "
              << cv.vocabulary().size() << ", fit_transform + tfidf " << s * 1e3
              << " ms = " << 50 * 50000 / s / 1e6 << " M tokens/s, " << 50 / s
              << " docs/s; transform " << 50 * 50000 / t / 1e6 << " M tokens/s\n";
  }
}

}  // namespace
}  // namespace secnlp::nlp
