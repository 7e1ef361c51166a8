// Every row of tests/data/features/tfidf_fixture.tsv (made by make_tfidf_fixture.py with
// scikit-learn) replayed through CountVectorizer + TfidfTransformer.

#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "nlp/features/count_vectorizer.h"
#include "nlp/features/numpy_argsort.h"
#include "nlp/features/tfidf.h"
#include "tests/support/test_data.h"

namespace secnlp::nlp {
namespace {

constexpr double kTolerance = 1e-9;

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return fields;
}

DocumentFrequencyBound parse_bound(const std::string& s) {
  if (s.find('.') != std::string::npos) return DocumentFrequencyBound(std::stod(s));
  return DocumentFrequencyBound(std::stoi(s));
}

Norm parse_norm(const std::string& s) {
  if (s == "l1") return Norm::kL1;
  if (s == "l2") return Norm::kL2;
  return Norm::kNone;
}

struct Case {
  int id = 0;
  std::string corpus;
  CountOptions count;
  TfidfOptions tfidf;
  std::string scheme;  // sklearn | lognorm | vocab
  std::vector<std::string> vocab;
  std::vector<double> idf;
  std::vector<std::vector<double>> rows;
};

struct Reject {
  int id = 0;
  std::string corpus;
  std::vector<std::string> fields;  // NGMIN NGMAX MIN_DF MAX_DF MAX_FEATURES
  bool match = false;
  std::string message;
};

struct Fixture {
  std::map<std::string, std::vector<std::vector<std::string>>> corpora;
  std::vector<Case> cases;
  std::vector<Reject> rejects;
  std::vector<std::pair<std::vector<std::int64_t>, std::vector<std::size_t>>> argsorts;
};

// Fields 2..7 of case/reject: NGMIN NGMAX MIN_DF MAX_DF MAX_FEATURES [BINARY].
CountOptions parse_count(const std::vector<std::string>& f, std::size_t at, bool with_binary) {
  CountOptions o;
  o.ngram_min = std::stoi(f[at]);
  o.ngram_max = std::stoi(f[at + 1]);
  o.min_df = parse_bound(f[at + 2]);
  o.max_df = parse_bound(f[at + 3]);
  if (f[at + 4] != "None") o.max_features = std::stoul(f[at + 4]);
  if (with_binary) o.binary = f[at + 5] == "1";
  return o;
}

std::vector<double> parse_doubles(const std::vector<std::string>& f, std::size_t from) {
  std::vector<double> out;
  for (std::size_t i = from; i < f.size(); ++i)
    out.push_back(std::strtod(f[i].c_str(), nullptr));
  return out;
}

const Fixture& fixture() {
  static const Fixture loaded = [] {
    Fixture fx;
    std::istringstream in(testing::read_file(testing::fixture_path("features/tfidf_fixture.tsv")));
    std::string line;
    std::map<int, std::size_t> case_index;
    while (std::getline(in, line)) {
      const auto f = split_tabs(line);
      const std::string& kind = f[0];
      if (kind == "doc") {
        fx.corpora[f[1]].emplace_back(f.begin() + 2, f.end());
        // A document without tokens is "doc\tNAME" (no empty third field).
      } else if (kind == "case") {
        Case c;
        c.id = std::stoi(f[1]);
        c.corpus = f[2];
        c.count = parse_count(f, 3, true);
        c.tfidf.norm = parse_norm(f[9]);
        c.tfidf.use_idf = f[10] == "1";
        c.tfidf.smooth_idf = f[11] == "1";
        c.tfidf.sublinear_tf = f[12] == "1";
        c.scheme = f[13];
        if (c.scheme == "lognorm") c.tfidf = TfidfOptions::log_normalized(c.tfidf.norm);
        case_index[c.id] = fx.cases.size();
        fx.cases.push_back(std::move(c));
      } else if (kind == "vocab") {
        fx.cases[case_index.at(std::stoi(f[1]))].vocab.assign(f.begin() + 2, f.end());
      } else if (kind == "idf") {
        fx.cases[case_index.at(std::stoi(f[1]))].idf = parse_doubles(f, 2);
      } else if (kind == "row") {
        fx.cases[case_index.at(std::stoi(f[1]))].rows.push_back(parse_doubles(f, 2));
      } else if (kind == "reject") {
        fx.rejects.push_back(Reject{std::stoi(f[1]), f[2],
                                    std::vector<std::string>(f.begin() + 3, f.begin() + 8),
                                    f[8] == "1", f[9]});
      } else if (kind == "argsort") {
        std::vector<std::int64_t> keys;
        std::vector<std::size_t> order;
        std::size_t i = 1;
        for (; f[i] != "|"; ++i)
          keys.push_back(std::stoll(f[i]));
        for (++i; i < f.size(); ++i)
          order.push_back(std::stoul(f[i]));
        fx.argsorts.emplace_back(std::move(keys), std::move(order));
      }
    }
    return fx;
  }();
  return loaded;
}

TEST(SklearnFixture, LoadsAllSections) {
  const Fixture& fx = fixture();
  EXPECT_EQ(fx.corpora.size(), 4u);
  EXPECT_GE(fx.cases.size(), 800u);
  EXPECT_EQ(fx.rejects.size(), 10u);
  EXPECT_EQ(fx.argsorts.size(), 30u);
}

TEST(SklearnFixture, EveryCaseMatchesSklearn) {
  std::size_t values_checked = 0;
  for (const Case& c : fixture().cases) {
    SCOPED_TRACE("fixture case " + std::to_string(c.id) + " corpus " + c.corpus);
    const auto& docs = fixture().corpora.at(c.corpus);
    CountVectorizer cv(c.count);
    const SparseMatrix counts = cv.fit_transform(docs);
    ASSERT_EQ(cv.vocabulary(), c.vocab);
    ASSERT_EQ(counts.rows(), docs.size());
    ASSERT_EQ(counts.cols(), c.vocab.size());
    if (c.scheme == "vocab") continue;
    // transform() of the training documents equals fit_transform().
    EXPECT_EQ(cv.transform(docs), counts);

    TfidfTransformer tt(c.tfidf);
    const SparseMatrix weights = tt.fit_transform(counts);
    if (c.scheme == "sklearn" && c.tfidf.use_idf) {
      ASSERT_EQ(tt.idf().size(), c.idf.size());
      for (std::size_t j = 0; j < c.idf.size(); ++j)
        EXPECT_NEAR(tt.idf()[j], c.idf[j], kTolerance);
    }
    ASSERT_EQ(c.rows.size(), docs.size());
    const std::vector<double> dense = weights.to_dense();
    for (std::size_t r = 0; r < c.rows.size(); ++r) {
      ASSERT_EQ(c.rows[r].size(), c.vocab.size());
      for (std::size_t j = 0; j < c.vocab.size(); ++j) {
        EXPECT_NEAR(dense[r * c.vocab.size() + j], c.rows[r][j], kTolerance)
            << "row " << r << " term '" << c.vocab[j] << "'";
        ++values_checked;
      }
    }

    // The streaming path (df -> idf -> apply per document) gives the same numbers.
    std::vector<std::uint32_t> df;
    for (std::size_t r = 0; r < counts.rows(); ++r)
      add_document_frequencies(counts.row(r), df);
    df.resize(counts.cols(), 0);
    const std::vector<double> idf = idf_from_df(df, counts.rows(), c.tfidf);
    for (std::size_t r = 0; r < counts.rows(); ++r) {
      SparseVector v = counts.row(r).to_vector();
      apply_tfidf(v, idf, c.tfidf);
      for (std::size_t k = 0; k < v.size(); ++k) {
        EXPECT_NEAR(v.values[k], c.rows[r][v.ids[k]], kTolerance);
      }
    }
  }
  EXPECT_GT(values_checked, 50000u);
}

TEST(SklearnFixture, RejectsWhatSklearnRejects) {
  for (const Reject& r : fixture().rejects) {
    SCOPED_TRACE("fixture reject " + std::to_string(r.id) + ": " + r.message);
    const auto& docs = fixture().corpora.at(r.corpus);
    try {
      CountVectorizer cv(parse_count(r.fields, 0, false));
      cv.fit(docs);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
      if (r.match) {
        EXPECT_EQ(e.message(), r.message);
      }
    }
  }
}

TEST(SklearnFixture, ArgsortMatchesNumpy) {
  for (const auto& [keys, order] : fixture().argsorts) {
    SCOPED_TRACE("argsort of " + std::to_string(keys.size()) + " keys");
    EXPECT_EQ(numpy_argsort(keys), order);
  }
}

}  // namespace
}  // namespace secnlp::nlp
