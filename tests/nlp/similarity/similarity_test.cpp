// Table-driven unit tests for nlp/similarity/set_similarity.h and token_interning.h, including
// the reference vectors of the course material and scikit-learn's classic three documents.

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "nlp/features/count_vectorizer.h"
#include "nlp/features/sparse.h"
#include "nlp/features/tfidf.h"
#include "nlp/similarity/set_similarity.h"
#include "nlp/similarity/token_interning.h"
#include "tests/support/word_tokens.h"

namespace secnlp::nlp {
namespace {

SparseVector dense_to_sparse(const std::vector<double>& dense) {
  SparseVector v;
  for (std::size_t i = 0; i < dense.size(); ++i)
    if (dense[i] != 0.0) v.push_back(static_cast<std::uint32_t>(i), dense[i]);
  return v;
}

SparseVector sv(std::vector<std::uint32_t> ids, std::vector<double> values) {
  return SparseVector{std::move(ids), std::move(values)};
}

struct SetCase {
  const char* name;
  SparseVector a;
  SparseVector b;
  double jaccard;
  double weighted;
};

TEST(SetSimilarity, Table) {
  const std::vector<SetCase> cases = {
      {"both empty", {}, {}, 0.0, 0.0},
      {"one empty", sv({1, 2}, {1, 1}), {}, 0.0, 0.0},
      {"identical", sv({0, 3, 9}, {2, 1, 5}), sv({0, 3, 9}, {2, 1, 5}), 1.0, 1.0},
      {"disjoint", sv({0, 2}, {1, 1}), sv({1, 3}, {1, 1}), 0.0, 0.0},
      {"half overlap", sv({0, 1}, {1, 3}), sv({1, 2}, {1, 1}), 1.0 / 3.0, 1.0 / 5.0},
      {"stored zero is absent", sv({0, 1}, {0.0, 2}), sv({0, 1}, {4, 2}), 0.5, 2.0 / 6.0},
      {"subset", sv({1}, {2}), sv({1, 4, 7}, {1, 1, 1}), 1.0 / 3.0, 1.0 / 4.0},
  };
  for (const SetCase& c : cases) {
    EXPECT_DOUBLE_EQ(jaccard(c.a, c.b), c.jaccard) << c.name;
    EXPECT_DOUBLE_EQ(jaccard(c.b, c.a), c.jaccard) << c.name << " (swapped)";
    EXPECT_DOUBLE_EQ(weighted_jaccard(c.a, c.b), c.weighted) << c.name;
  }
}

// The course's binary rows: its "Jaccard" of neighbours is accuracy over all 7 columns
// (0.7142857, 0.0); the true Jaccard index is (0.6, 0.0).
TEST(SetSimilarity, CourseReferenceVectors) {
  const std::vector<std::vector<double>> rows = {
      {0, 1, 1, 0, 0, 0, 1}, {0, 1, 2, 0, 1, 1, 1}, {1, 0, 0, 1, 0, 0, 0}};
  std::vector<SparseVector> v;
  for (const auto& r : rows)
    v.push_back(dense_to_sparse(r));
  const double course[] = {0.7142857, 0.0};
  const double true_jaccard[] = {0.6, 0.0};
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_NEAR(binary_match_ratio(v[i], v[i + 1], 7), course[i], 1e-7) << i;
    EXPECT_DOUBLE_EQ(jaccard(v[i], v[i + 1]), true_jaccard[i]) << i;
  }
  EXPECT_DOUBLE_EQ(binary_match_ratio(v[0], v[1], 7), 5.0 / 7.0);
  // Shared zeros inflate the course score as the vocabulary grows; Jaccard does not move.
  EXPECT_DOUBLE_EQ(binary_match_ratio(v[0], v[1], 70), 68.0 / 70.0);
  EXPECT_DOUBLE_EQ(binary_match_ratio({}, {}, 3), 1.0);
}

std::vector<std::string> words(std::string_view text) {
  return testing::split_spaces(text);
}

// sklearn's classic corpus. With vocabulary=["one", "last", "second"] CountVectorizer gives the
// counts [[0,0,0],[0,0,1],[1,1,0]] (columns in the given order; the issue listed them as
// [[0,0,0],[1,0,0],[0,1,1]], i.e. column order second, one, last) and TfidfTransformer
// [[0,0,0],[0,0,1],[0.7071,0.7071,0]]: neighbour cosines 0 and 0. The reference cosine of
// neighbours given in the issue, [0.75093766927, 0.0], is TfidfVectorizer() with its default,
// fitted vocabulary (the \w\w+ tokens: "a" is dropped); scikit-learn 1.2 prints
// 0.7509376679182768 (the figure differs from the 10th digit on), which this test
// reproduces:
//   python3 -c "from sklearn.feature_extraction.text import TfidfVectorizer as T;
//     from sklearn.metrics.pairwise import cosine_similarity as c;
//     X=T().fit_transform(['this is a document','this document is the second document',
//     'last one']); print(c(X)[0,1], c(X)[1,2])"   ->  0.7509376679182768 0.0
TEST(SetSimilarity, SklearnClassicCorpus) {
  const std::vector<std::vector<std::string>> docs = {words("this is document"),
                                                      words("this document is the second document"),
                                                      words("last one")};  // "a" removed: \w\w+
  {
    CountVectorizer fixed = CountVectorizer::with_vocabulary({"one", "last", "second"});
    const SparseMatrix counts = fixed.fit_transform(docs);
    const std::vector<double> want_counts = {0, 0, 0, 0, 0, 1, 1, 1, 0};
    EXPECT_EQ(counts.to_dense(), want_counts);
    TfidfTransformer tfidf;
    const SparseMatrix w = tfidf.fit_transform(counts);
    const double r = std::sqrt(0.5);
    const std::vector<double> want_tfidf = {0, 0, 0, 0, 0, 1, r, r, 0};
    const std::vector<double> got = w.to_dense();
    for (std::size_t i = 0; i < got.size(); ++i)
      EXPECT_NEAR(got[i], want_tfidf[i], 1e-12) << i;
  }
  CountVectorizer cv;
  const SparseMatrix counts = cv.fit_transform(docs);
  TfidfTransformer tfidf;
  const SparseMatrix w = tfidf.fit_transform(counts);
  EXPECT_NEAR(cosine_similarity(w.row(0), w.row(1)), 0.7509376679182768, 1e-15);
  EXPECT_EQ(cosine_similarity(w.row(1), w.row(2)), 0.0);
  // Jaccard on the same vocabulary: {this,is,document} vs {this,document,is,the,second}.
  EXPECT_DOUBLE_EQ(jaccard(counts.row(0), counts.row(1)), 3.0 / 5.0);
  EXPECT_DOUBLE_EQ(jaccard(counts.row(1), counts.row(2)), 0.0);
}

struct RejectCase {
  const char* name;
  SparseVector a;
  SparseVector b;
};

TEST(SetSimilarity, RejectsBrokenVectors) {
  const std::vector<RejectCase> cases = {
      {"unsorted a", sv({3, 1}, {1, 1}), sv({1}, {1})},
      {"duplicate id in b", sv({1}, {1}), sv({2, 2}, {1, 1})},
      {"unsorted tail of b", sv({}, {}), sv({1, 5, 4}, {1, 1, 1})},
      {"length mismatch", SparseVector{{1, 2}, {1.0}}, sv({1}, {1})},
  };
  for (const RejectCase& c : cases) {
    EXPECT_THROW(jaccard(c.a, c.b), Error) << c.name;
    EXPECT_THROW(weighted_jaccard(c.a, c.b), Error) << c.name;
    EXPECT_THROW(binary_match_ratio(c.a, c.b, 100), Error) << c.name;
  }
  EXPECT_THROW(weighted_jaccard(sv({1}, {-1.0}), sv({1}, {1})), Error);
  EXPECT_THROW(binary_match_ratio(sv({1}, {1}), sv({7}, {1}), 7), Error);  // id >= vocabulary
  EXPECT_THROW(binary_match_ratio({}, {}, 0), Error);
  try {
    jaccard(sv({2, 1}, {1, 1}), {});
    FAIL() << "no throw";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

TEST(TokenInterning, Table) {
  const std::vector<std::string> a = {"risk", "the", "risk", "of"};
  const std::vector<std::string> b = {"of", "new", "risk", ""};
  const InternedPair p = intern_tokens(a, b);
  EXPECT_EQ(p.a, (std::vector<std::uint32_t>{0, 1, 0, 2}));
  EXPECT_EQ(p.b, (std::vector<std::uint32_t>{2, 3, 0, 4}));
  EXPECT_EQ(p.vocabulary_size, 5u);

  const std::vector<std::string_view> va = {"x"};
  const std::vector<std::string_view> vb = {};
  const InternedPair q = intern_tokens(va, vb);
  EXPECT_EQ(q.a, (std::vector<std::uint32_t>{0}));
  EXPECT_TRUE(q.b.empty());
  EXPECT_EQ(q.vocabulary_size, 1u);

  const InternedPair e = intern_tokens(std::vector<std::string>{}, std::vector<std::string>{});
  EXPECT_EQ(e.vocabulary_size, 0u);
}

}  // namespace
}  // namespace secnlp::nlp
