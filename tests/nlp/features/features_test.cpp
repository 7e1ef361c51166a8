// Table-driven unit tests for nlp/features: sparse algebra, n-grams, CountVectorizer options and
// errors, TF-IDF formulas (sklearn and log-normalised) and the streaming helpers.

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "nlp/features/count_vectorizer.h"
#include "nlp/features/ngrams.h"
#include "nlp/features/numpy_argsort.h"
#include "nlp/features/sparse.h"
#include "nlp/features/tfidf.h"
#include "tests/support/word_tokens.h"

namespace secnlp::nlp {
namespace {

using Docs = std::vector<std::vector<std::string>>;
using Dense = std::vector<std::vector<double>>;

std::vector<std::string> words(std::string_view text) {
  return testing::split_spaces(text);
}

const Docs& classic() {
  static const Docs docs = {words("this is a document"),
                            words("this document is the second document"), words("last one")};
  return docs;
}

Dense dense_rows(const SparseMatrix& m) {
  const std::vector<double> flat = m.to_dense();
  Dense out(m.rows(), std::vector<double>(m.cols()));
  for (std::size_t r = 0; r < m.rows(); ++r) {
    for (std::size_t c = 0; c < m.cols(); ++c)
      out[r][c] = flat[r * m.cols() + c];
  }
  return out;
}

void expect_near(const Dense& got, const Dense& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t r = 0; r < got.size(); ++r) {
    ASSERT_EQ(got[r].size(), want[r].size()) << "row " << r;
    for (std::size_t c = 0; c < got[r].size(); ++c) {
      EXPECT_NEAR(got[r][c], want[r][c], 1e-12) << "row " << r << " col " << c;
    }
  }
}

// ---------------------------------------------------------------------------------- sparse

TEST(Sparse, VectorAlgebra) {
  struct Row {
    SparseVector a, b;
    double dot, l1_a, l2_a, cosine;
  };
  const std::vector<Row> rows = {
      {{{0, 2}, {3, 4}}, {{2}, {2}}, 8, 7, 5, 0.8},
      {{{1}, {-2}}, {{1}, {3}}, -6, 2, 2, -1},
      {{{0, 1}, {1, 1}}, {{2, 3}, {1, 1}}, 0, 2, std::sqrt(2.0), 0},
      {{}, {{0}, {1}}, 0, 0, 0, 0},  // zero vector: cosine 0, not NaN
      {{{5}, {0}}, {{5}, {1}}, 0, 0, 0, 0},
  };
  for (const Row& r : rows) {
    EXPECT_DOUBLE_EQ(dot(r.a, r.b), r.dot);
    EXPECT_DOUBLE_EQ(dot(r.b, r.a), r.dot);
    EXPECT_DOUBLE_EQ(l1_norm(r.a), r.l1_a);
    EXPECT_DOUBLE_EQ(l2_norm(r.a), r.l2_a);
    EXPECT_DOUBLE_EQ(cosine_similarity(r.a, r.b), r.cosine);
  }
}

TEST(Sparse, Normalize) {
  struct Row {
    std::vector<double> in;
    Norm norm;
    std::vector<double> out;
  };
  const std::vector<Row> rows = {
      {{3, 4}, Norm::kL2, {0.6, 0.8}},
      {{3, -1}, Norm::kL1, {0.75, -0.25}},
      {{3, 4}, Norm::kNone, {3, 4}},
      {{0, 0}, Norm::kL2, {0, 0}},
      {{}, Norm::kL1, {}},
  };
  for (Row r : rows) {
    normalize(std::span<double>(r.in), r.norm);
    ASSERT_EQ(r.in.size(), r.out.size());
    for (std::size_t i = 0; i < r.in.size(); ++i)
      EXPECT_DOUBLE_EQ(r.in[i], r.out[i]);
  }
}

TEST(Sparse, MatrixRowsAndLookups) {
  SparseMatrix m(4);
  m.append_row(SparseVector{{1, 3}, {2, 5}});
  m.append_row(SparseVector{});
  m.append_row(SparseVector{{0}, {7}});
  EXPECT_EQ(m.rows(), 3u);
  EXPECT_EQ(m.cols(), 4u);
  EXPECT_EQ(m.nnz(), 3u);
  EXPECT_EQ(m.at(0, 3), 5);
  EXPECT_EQ(m.at(0, 2), 0);
  EXPECT_TRUE(m.row(1).empty());
  EXPECT_EQ(m.to_dense(), (std::vector<double>{0, 2, 0, 5, 0, 0, 0, 0, 7, 0, 0, 0}));
  const SparseMatrix copy(4, m.indptr(), m.indices(), m.data());
  EXPECT_EQ(copy, m);
  EXPECT_EQ(std::hash<TermId>{}(TermId{3}), std::hash<TermId>{}(TermId{3}));
  EXPECT_LT(TermId{2}, TermId{3});
}

TEST(Sparse, RejectsBrokenRows) {
  struct Row {
    const char* what;
    SparseVector row;
  };
  const std::vector<Row> rows = {
      {"id equal to cols", {{4}, {1}}},
      {"decreasing ids", {{2, 1}, {1, 1}}},
      {"repeated id", {{1, 1}, {1, 1}}},
      {"length mismatch", {{1, 2}, {1}}},
  };
  for (const Row& r : rows) {
    SparseMatrix m(4);
    try {
      m.append_row(r.row);
      ADD_FAILURE() << r.what << " accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << r.what;
    }
    EXPECT_EQ(m.rows(), 0u) << r.what;
  }
  EXPECT_THROW(SparseMatrix(2, {0, 2}, {0}, {1}), Error);           // indptr end != nnz
  EXPECT_THROW(SparseMatrix(2, {1, 1}, {0}, {1}), Error);           // indptr start != 0
  EXPECT_THROW(SparseMatrix(2, {0, 1}, {0}, {1, 2}), Error);        // data length
  EXPECT_THROW(SparseMatrix(2, {0, 2, 1}, {0, 1}, {1, 1}), Error);  // decreasing indptr
}

// ---------------------------------------------------------------------------------- n-grams

TEST(Ngrams, SklearnOrder) {
  struct Row {
    std::string text;
    int min_n, max_n;
    std::vector<std::string> want;
  };
  const std::vector<Row> rows = {
      {"a b c", 1, 1, {"a", "b", "c"}},
      {"a b c", 1, 2, {"a", "b", "c", "a b", "b c"}},
      {"a b c", 2, 3, {"a b", "b c", "a b c"}},
      {"a b c", 1, 3, {"a", "b", "c", "a b", "b c", "a b c"}},
      {"a b", 3, 4, {}},
      {"a b", 2, 5, {"a b"}},
      {"", 1, 2, {}},
      {"x x x", 2, 2, {"x x", "x x"}},
      {"café 日本", 1, 2, {"café", "日本", "café 日本"}},
  };
  for (const Row& r : rows) {
    std::vector<std::string> got{"kept"};
    const auto tokens = words(r.text);
    append_ngrams(tokens, r.min_n, r.max_n, got);
    std::vector<std::string> want{"kept"};
    want.insert(want.end(), r.want.begin(), r.want.end());
    EXPECT_EQ(got, want) << r.text << " (" << r.min_n << "," << r.max_n << ")";
  }
}

TEST(Ngrams, RejectsBadRanges) {
  const std::vector<std::pair<int, int>> rows = {{0, 1}, {2, 1}, {-1, 2}, {0, 0}};
  for (const auto& [lo, hi] : rows) {
    std::vector<std::string> out;
    const auto tokens = words("a b");
    EXPECT_THROW(append_ngrams(tokens, lo, hi, out), Error) << lo << "," << hi;
  }
}

// ------------------------------------------------------------------------- numpy argsort

TEST(NumpyArgsort, SmallArraysAreInsertionSorted) {
  // Up to 16 elements numpy runs a stable insertion sort.
  struct Row {
    std::vector<std::int64_t> keys;
    std::vector<std::size_t> want;
  };
  const std::vector<Row> rows = {
      {{}, {}},
      {{5}, {0}},
      {{2, 1, 2, 1}, {1, 3, 0, 2}},
      {{-3, -3, -1, -5}, {3, 0, 1, 2}},
  };
  for (const Row& r : rows)
    EXPECT_EQ(numpy_argsort(r.keys), r.want);
}

// ------------------------------------------------------------------------ CountVectorizer

TEST(CountVectorizer, ClassicRestrictedVocabulary) {
  const auto cv = CountVectorizer::with_vocabulary({"last", "one", "second"});
  const SparseMatrix counts = cv.transform(classic());
  expect_near(dense_rows(counts), {{0, 0, 0}, {0, 0, 1}, {1, 1, 0}});
  EXPECT_EQ(cv.id("one"), TermId{1});
  EXPECT_EQ(cv.id("this"), std::nullopt);
}

TEST(CountVectorizer, FitOptions) {
  struct Row {
    const char* what;
    CountOptions options;
    std::vector<std::string> vocab;
    Dense counts;
  };
  const std::vector<Row> rows = {
      {"defaults",
       {},
       {"a", "document", "is", "last", "one", "second", "the", "this"},
       {{1, 1, 1, 0, 0, 0, 0, 1}, {0, 2, 1, 0, 0, 1, 1, 1}, {0, 0, 0, 1, 1, 0, 0, 0}}},
      {"min_df=2", {.min_df = 2}, {"document", "is", "this"}, {{1, 1, 1}, {2, 1, 1}, {0, 0, 0}}},
      {"max_df=1 (int: one document)",
       {.max_df = 1},
       {"a", "last", "one", "second", "the"},
       {{1, 0, 0, 0, 0}, {0, 0, 0, 1, 1}, {0, 1, 1, 0, 0}}},
      {"max_df=0.5 (proportion: 1.5 documents)",
       {.max_df = 0.5},
       {"a", "last", "one", "second", "the"},
       {{1, 0, 0, 0, 0}, {0, 0, 0, 1, 1}, {0, 1, 1, 0, 0}}},
      {"min_df=0.6 (1.8 documents)",
       {.min_df = 0.6},
       {"document", "is", "this"},
       {{1, 1, 1}, {2, 1, 1}, {0, 0, 0}}},
      {"binary, min_df=2",
       {.min_df = 2, .binary = true},
       {"document", "is", "this"},
       {{1, 1, 1}, {1, 1, 1}, {0, 0, 0}}},
      // corpus frequency: document 3, is 2, this 2, the rest 1; ties keep sorted order (<16).
      {"max_features=2", {.max_features = 2}, {"document", "is"}, {{1, 1}, {2, 1}, {0, 0}}},
      {"max_features=4",
       {.max_features = 4},
       {"a", "document", "is", "this"},
       {{1, 1, 1, 1}, {0, 2, 1, 1}, {0, 0, 0, 0}}},
      {"binary max_features=1 ranks by df",
       {.max_features = 1, .binary = true},
       {"document"},
       {{1}, {1}, {0}}},
      {"bigrams, min_df=2",
       {.ngram_min = 1, .ngram_max = 2, .min_df = 2},
       {"document", "is", "this"},
       {{1, 1, 1}, {2, 1, 1}, {0, 0, 0}}},
      {"bigrams only, max_features=3",
       {.ngram_min = 2, .ngram_max = 2, .max_features = 3},
       {"a document", "document is", "is a"},
       {{1, 0, 1}, {0, 1, 0}, {0, 0, 0}}},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.what);
    CountVectorizer cv(r.options);
    const SparseMatrix counts = cv.fit_transform(classic());
    EXPECT_EQ(cv.vocabulary(), r.vocab);
    expect_near(dense_rows(counts), r.counts);
    EXPECT_EQ(cv.transform(classic()), counts);
  }
}

TEST(CountVectorizer, UnicodeSortsByCodePoint) {
  const Docs docs = {words("zebra Zebra é café 😀 Ａ a é é")};
  CountVectorizer cv;
  const SparseMatrix counts = cv.fit_transform(docs);
  // Python: sorted(["zebra","Zebra","é","café","😀","Ａ","a"])
  EXPECT_EQ(cv.vocabulary(),
            (std::vector<std::string>{"Zebra", "a", "café", "zebra", "é", "Ａ", "😀"}));
  expect_near(dense_rows(counts), {{1, 1, 1, 1, 3, 1, 1}});
}

TEST(CountVectorizer, TransformIgnoresUnknownTerms) {
  CountVectorizer cv;
  cv.fit(classic());
  const SparseVector v = cv.transform_one(words("unknown document document last zzz"));
  EXPECT_EQ(v, (SparseVector{{1, 3}, {2, 1}}));
  EXPECT_TRUE(cv.transform_one({}).empty());
}

TEST(CountVectorizer, Rejections) {
  struct Row {
    const char* what;
    CountOptions options;
    Docs docs;
    std::string message;  // empty: only the code is checked
  };
  const std::vector<Row> rows = {
      {"ngram 2..1", {.ngram_min = 2, .ngram_max = 1}, classic(), ""},
      {"ngram 0..1", {.ngram_min = 0}, classic(), ""},
      {"min_df -1", {.min_df = -1}, classic(), ""},
      {"min_df 1.5", {.min_df = 1.5}, classic(), ""},
      {"max_df -0.1", {.max_df = -0.1}, classic(), ""},
      {"max_df NaN", {.max_df = std::nan("")}, classic(), ""},
      {"max_features 0", {.max_features = 0}, classic(), ""},
      {"min_df 3 > max_df 2",
       {.min_df = 3, .max_df = 2},
       classic(),
       "max_df corresponds to < documents than min_df"},
      {"min_df 0.9 > max_df 0.1",
       {.min_df = 0.9, .max_df = 0.1},
       classic(),
       "max_df corresponds to < documents than min_df"},
      {"nothing survives",
       {.min_df = 3},
       classic(),
       "After pruning, no terms remain. Try a lower min_df or a higher max_df."},
      {"min_df=0, max_df=0",
       {.min_df = 0, .max_df = 0},
       classic(),
       "After pruning, no terms remain. Try a lower min_df or a higher max_df."},
      {"max_df=0 < min_df=1",
       {.max_df = 0},
       classic(),
       "max_df corresponds to < documents than min_df"},
      {"no documents", {}, {}, "empty vocabulary; perhaps the documents only contain stop words"},
      {"empty documents",
       {},
       {{}, {}},
       "empty vocabulary; perhaps the documents only contain stop words"},
      {"bigrams of one-token documents",
       {.ngram_min = 2, .ngram_max = 2},
       {{"a"}, {"b"}},
       "empty vocabulary; perhaps the documents only contain stop words"},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.what);
    try {
      CountVectorizer cv(r.options);
      cv.fit(r.docs);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      if (!r.message.empty()) {
        EXPECT_EQ(e.message(), r.message);
      }
    }
  }
  const CountVectorizer unfitted;
  EXPECT_THROW((void)unfitted.transform(classic()), Error);
  EXPECT_THROW((void)CountVectorizer::with_vocabulary({}), Error);
  EXPECT_THROW((void)CountVectorizer::with_vocabulary({"a", "b", "a"}), Error);
}

// ------------------------------------------------------------------------------- TF-IDF

TEST(Tfidf, IdfFormulas) {
  struct Row {
    TfidfOptions options;
    std::vector<double> want;
  };
  const std::vector<std::uint32_t> df = {1, 2, 4};
  const std::vector<Row> rows = {
      {{}, {std::log(5.0 / 2) + 1, std::log(5.0 / 3) + 1, 1}},
      {{.smooth_idf = false}, {std::log(4.0) + 1, std::log(2.0) + 1, 1}},
      {{.use_idf = false}, {}},
      {TfidfOptions::log_normalized(), {std::log(4.0) + 1, std::log(2.0) + 1, 1}},
  };
  for (const Row& r : rows) {
    const auto idf = idf_from_df(df, 4, r.options);
    ASSERT_EQ(idf.size(), r.want.size());
    for (std::size_t i = 0; i < idf.size(); ++i)
      EXPECT_DOUBLE_EQ(idf[i], r.want[i]);
  }
  EXPECT_TRUE(std::isinf(idf_from_df(std::vector<std::uint32_t>{0}, 3, {.smooth_idf = false})[0]));
}

TEST(Tfidf, ApplyFormulas) {
  // counts {id 0: 1, id 2: 4}; idf {2, 5, 3}.
  const std::vector<double> idf = {2, 5, 3};
  const double l4 = 1 + std::log(4.0);
  const double avg = 1 + std::log(2.5);  // mean count of the present terms
  struct Row {
    const char* what;
    TfidfOptions options;
    std::vector<double> want;
  };
  const std::vector<Row> rows = {
      {"raw tf", {.norm = Norm::kNone, .use_idf = false}, {1, 4}},
      {"tf*idf", {.norm = Norm::kNone}, {2, 12}},
      {"tf*idf l1", {.norm = Norm::kL1}, {2.0 / 14, 12.0 / 14}},
      {"tf*idf l2", {}, {2 / std::sqrt(148.0), 12 / std::sqrt(148.0)}},
      {"sublinear", {.norm = Norm::kNone, .sublinear_tf = true}, {2, 3 * l4}},
      {"log-normalized", TfidfOptions::log_normalized(), {1 / avg * 2, l4 / avg * 3}},
      {"log-normalized no idf",
       {.norm = Norm::kNone, .use_idf = false, .tf_scheme = TfScheme::kLogNormalized},
       {1 / avg, l4 / avg}},
  };
  for (const Row& r : rows) {
    SCOPED_TRACE(r.what);
    SparseVector v{{0, 2}, {1, 4}};
    apply_tfidf(v, idf, r.options);
    ASSERT_EQ(v.values.size(), r.want.size());
    for (std::size_t i = 0; i < r.want.size(); ++i)
      EXPECT_NEAR(v.values[i], r.want[i], 1e-15);
  }
}

TEST(Tfidf, TransformerMatchesSklearnOnClassicCorpus) {
  // sklearn: TfidfTransformer().fit_transform(CountVectorizer(analyzer=str.split)...) rows.
  CountVectorizer cv({.min_df = 2});
  const SparseMatrix counts = cv.fit_transform(classic());
  TfidfTransformer tt;
  const SparseMatrix w = tt.fit_transform(counts);
  const double idf = std::log(4.0 / 3.0) + 1;  // every kept term is in 2 of 3 documents
  EXPECT_EQ(tt.idf(), (std::vector<double>{idf, idf, idf}));
  const double n1 = std::sqrt(3.0) * idf;
  const double n2 = std::sqrt(6.0) * idf;
  expect_near(dense_rows(w),
              {{idf / n1, idf / n1, idf / n1}, {2 * idf / n2, idf / n2, idf / n2}, {0, 0, 0}});
  EXPECT_EQ(document_frequencies(counts), (std::vector<std::uint32_t>{2, 2, 2}));
}

TEST(Tfidf, Rejections) {
  EXPECT_THROW(TfidfTransformer({.sublinear_tf = true, .tf_scheme = TfScheme::kLogNormalized}),
               Error);
  const TfidfTransformer unfitted;
  EXPECT_THROW((void)unfitted.transform(SparseMatrix(2)), Error);
  TfidfTransformer tt;
  tt.fit(SparseMatrix(3));
  EXPECT_THROW((void)tt.transform(SparseMatrix(2)), Error);
  SparseVector v{{5}, {1}};
  EXPECT_THROW(apply_tfidf(v, std::vector<double>{1, 1}, {}), Error);
  // Without idf no fit is needed.
  const TfidfTransformer tf_only({.use_idf = false});
  SparseMatrix m(2);
  m.append_row(SparseVector{{0, 1}, {3, 4}});
  EXPECT_EQ(tf_only.transform(m).data(), (std::vector<double>{0.6, 0.8}));
}

}  // namespace
}  // namespace secnlp::nlp
