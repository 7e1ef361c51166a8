// `similar` (similarity::nearest_filings) over the point-in-time index: the answer is the exact
// top k of a brute-force TF-IDF cosine over the filings available at the bound, for any bound,
// and the cached index follows every change of the store.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "common/error.h"
#include "pipeline/runner.h"
#include "pipeline/similarity/nearest_filings.h"
#include "pipeline/similarity/pit_corpus.h"
#include "pipeline/store/database.h"
#include "pipeline/store/point_in_time.h"
#include "pipeline/store/term_vector_codec.h"
#include "tests/support/test_data.h"

namespace secnlp::similarity {
namespace {

namespace fs = std::filesystem;

// 24 filings of 6 companies over 4 years, each a mix of a company vocabulary, a year vocabulary
// and common words, so that scores differ and change with the corpus.
class NearestFilingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937 rng(7);
    const std::vector<std::string> common = {"revenue", "customers", "market", "costs",
                                             "growth",  "products",  "risk",   "supply"};
    std::string metadata = "filename,Filing Date\n";
    for (int company = 0; company < 6; ++company) {
      for (int year = 2019; year < 2023; ++year) {
        std::string text;
        for (int s = 0; s < 40; ++s) {
          std::string sentence = "The";
          for (int w = 0; w < 8; ++w) {
            const int pick = static_cast<int>(rng() % 10);
            if (pick < 4) {
              sentence += " company" + std::to_string(company) + "word" + std::to_string(rng() % 6);
            } else if (pick < 6) {
              sentence += " era" + std::to_string(year) + "term" + std::to_string(rng() % 4);
            } else {
              sentence += " " + common[rng() % common.size()];
            }
          }
          text += sentence + ". ";
        }
        const std::string name =
            "C" + std::to_string(company) + "_10k_" + std::to_string(year) + ".txt";
        write(name, "FORM 10-K\n\nITEM 1.  BUSINESS\n\n" + text + "\n");
        // Same day for two companies each year: ties in time are broken by the key.
        metadata += name + "," + std::to_string(year + 1) + "-03-0" +
                    std::to_string(1 + company % 3) + "\n";
      }
    }
    write("FILINGS_METADATA.csv", metadata);
    process();
  }
  void write(const std::string& name, const std::string& text) {
    fs::create_directories(dir_.path() / "in");
    std::ofstream(dir_.path() / "in" / name) << text;
  }
  void process() {
    pipeline::ProcessOptions o;
    o.inputs = {dir_.path() / "in"};
    o.db = db_;
    o.threads = 1;
    o.progress = pipeline::ProgressMode::kOff;
    pipeline::process_documents(o);
  }

  struct Stored {
    std::int64_t id;
    store::PitKey key;
    std::string name;
    nlp::SparseVector v;
  };
  std::vector<Stored> stored() {
    store::Connection db(db_.string());
    store::Statement st = db.prepare(
        "SELECT d.id, d.available_at, d.accession, d.content_hash, d.path, v.data "
        "FROM documents d JOIN term_vectors v ON v.doc_id = d.id AND v.scope = '' "
        "WHERE d.status = 'ok'");
    std::vector<Stored> out;
    while (st.step()) {
      Stored s{st.column_int(0),
               {st.column_text(1), st.column_text(2), st.column_text(3)},
               fs::path(st.column_text(4)).filename().string(),
               {}};
      for (const auto& [id, count] : store::decode_term_vector(st.column_blob(5)))
        s.v.push_back(id, count);
      out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
    return out;
  }
  // (file name, score) of the brute-force top k as of `bound`, excluding `target`.
  std::vector<std::pair<std::string, double>> brute_force(const Stored& target,
                                                          const store::PitKey& bound,
                                                          std::size_t k) {
    const auto all = stored();
    PitCorpus corpus;
    for (const auto& s : all)
      if (s.key <= bound) corpus.add(s.v, s.name);
    std::vector<std::tuple<double, store::PitKey, std::string>> scored;
    for (const auto& s : all) {
      if (!(s.key <= bound) || s.id == target.id) continue;
      const double score = tfidf_cosine(target.v, s.v, corpus);
      if (score > 0) scored.emplace_back(score, s.key, s.name);
    }
    std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
      if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
      return std::get<1>(a) < std::get<1>(b);
    });
    std::vector<std::pair<std::string, double>> out;
    for (std::size_t i = 0; i < std::min(k, scored.size()); ++i)
      out.emplace_back(std::get<2>(scored[i]), std::get<0>(scored[i]));
    return out;
  }
  std::vector<std::pair<std::string, double>> nearest(const std::string& to,
                                                      const std::string& as_of, std::size_t k) {
    NearestQuery q;
    q.db = db_;
    q.to = to;
    q.as_of = as_of;
    q.top = k;
    std::vector<std::pair<std::string, double>> out;
    for (const auto& row : nearest_filings(q).rows)
      out.emplace_back(std::get<std::string>(row[2]), std::get<double>(row[1]));
    return out;
  }

  testing::TempDir dir_;
  fs::path db_ = dir_.path() / "n.db";
};

TEST_F(NearestFilingsTest, ExactTopKOfThePointInTimeCorpusForEveryBound) {
  const auto all = stored();
  ASSERT_EQ(all.size(), 24u);
  int compared = 0;
  for (const Stored& target : all) {
    // As of the filing itself (the default), and as of fixed dates before and after it.
    for (const std::string as_of : {"", "2020-12-31", "2022-03-02", "2030-01-01"}) {
      const store::PitKey bound =
          as_of.empty() ? target.key : store::PitKey{store::as_of_bound(as_of), "\x7f", ""};
      for (std::size_t k : {1u, 3u, 10u}) {
        const auto expected = brute_force(target, bound, k);
        const auto got = nearest(target.name, as_of, k);
        ASSERT_EQ(got, expected) << target.name << " as of '" << as_of << "' top " << k;
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 24 * 4 * 3);
}

TEST_F(NearestFilingsTest, TheIndexFollowsTheStore) {
  const fs::path index = db_.string() + ".nearest-filing.pit";
  const auto before = nearest("C0_10k_2022.txt", "2030-01-01", 30);
  ASSERT_TRUE(fs::exists(index));
  ASSERT_EQ(before.size(), 23u);
  const auto written = fs::last_write_time(index);
  // Unchanged store: the cached index answers, unchanged.
  EXPECT_EQ(nearest("C0_10k_2022.txt", "2030-01-01", 30), before);
  EXPECT_EQ(fs::last_write_time(index), written);
  // A new filing, then a rewritten one: both show in the next answer.
  write("C9_10k_2022.txt", "FORM 10-K\n\nITEM 1.  BUSINESS\n\nThe company0word1 revenue.\n");
  std::ofstream(dir_.path() / "in" / "FILINGS_METADATA.csv", std::ios::app)
      << "C9_10k_2022.txt,2023-01-05\n";
  process();
  const auto added = nearest("C0_10k_2022.txt", "2030-01-01", 30);
  EXPECT_EQ(added.size(), 24u);
  for (const auto& s : stored()) {
    if (s.name == "C0_10k_2022.txt") {
      EXPECT_EQ(added, brute_force(s, {store::as_of_bound("2030-01-01"), "\x7f", ""}, 30));
    }
  }
  EXPECT_NE(fs::last_write_time(index), written);
}

TEST_F(NearestFilingsTest, ADamagedIndexIsRebuilt) {
  const auto before = nearest("C3_10k_2021.txt", "", 5);
  const fs::path index = db_.string() + ".nearest-filing.pit";
  fs::resize_file(index, fs::file_size(index) / 2);
  EXPECT_EQ(nearest("C3_10k_2021.txt", "", 5), before);
  std::ofstream(index, std::ios::trunc) << "not an index";
  EXPECT_EQ(nearest("C3_10k_2021.txt", "", 5), before);
}

TEST_F(NearestFilingsTest, UnknownOrAmbiguousTargetsAreRefused) {
  EXPECT_THROW(nearest("NO_SUCH", "", 5), Error);
  EXPECT_THROW(nearest("_10k_2021", "", 5), Error);  // several paths hold it
}

}  // namespace
}  // namespace secnlp::similarity
