// t-SNE against scikit-learn's exact TSNE on the same points (tests/data/embeddings/
// make_tsne_fixture.py), and the word map's SVG structure.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "models/embeddings/tsne.h"
#include "models/embeddings/word_map.h"
#include "tests/support/test_data.h"

namespace secnlp::models {
namespace {

std::vector<float> clusters() {
  std::istringstream in(testing::read_file(testing::fixture_path("embeddings/clusters.txt")));
  std::vector<float> values;
  float v = 0;
  while (in >> v)
    values.push_back(v);
  return values;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

TEST(Tsne, KlWithinTenPercentOfScikitLearn) {
  const auto values = clusters();
  ASSERT_EQ(values.size(), 150u * 10);
  const auto result = tsne(values, 10);
  const auto want = nlohmann::json::parse(
      testing::read_file(testing::fixture_path("embeddings/tsne_expected.json")));
  const double sklearn = want["exact_kl"].get<double>();
  EXPECT_LE(result.kl_divergence, sklearn * 1.1);
  EXPECT_GE(result.kl_divergence, sklearn * 0.9);
  EXPECT_EQ(result.points.size(), 300u);
  // Points of one cluster sit nearer each other than points of different clusters, on average.
  auto dist = [&](std::size_t a, std::size_t b) {
    return std::hypot(result.points[2 * a] - result.points[2 * b],
                      result.points[2 * a + 1] - result.points[2 * b + 1]);
  };
  double within = 0, between = 0;
  std::size_t nw = 0, nb = 0;
  for (std::size_t a = 0; a < 150; ++a)
    for (std::size_t b = a + 1; b < 150; ++b)
      (a / 25 == b / 25 ? (within += dist(a, b), ++nw) : (between += dist(a, b), ++nb));
  EXPECT_LT(within / static_cast<double>(nw), 0.5 * between / static_cast<double>(nb));
}

TEST(Tsne, SeededAndReproducible) {
  const auto values = clusters();
  TsneOptions o;
  o.iterations = 300;
  const auto a = tsne(values, 10, o), b = tsne(values, 10, o);
  EXPECT_EQ(a.points, b.points);
  EXPECT_EQ(a.kl_divergence, b.kl_divergence);
  EXPECT_EQ(a.iterations, 300);
}

TEST(Tsne, RefusesBadInput) {
  const std::vector<float> two = {0, 1, 2, 3};
  TsneOptions o;
  EXPECT_THROW(tsne(two, 2, o), Error);  // perplexity 30 >= 2 points
  o.perplexity = 1;
  EXPECT_NO_THROW(tsne(two, 2, o));
  EXPECT_THROW(tsne(std::vector<float>{1, 2}, 2, o), Error);  // one point
  EXPECT_THROW(tsne(two, 3, o), Error);                       // not rows of dim
  o.iterations = 100;
  EXPECT_THROW(tsne(two, 2, o), Error);
}

TEST(WordMap, SvgHasAPointAndALabelPerWordAndAGroupLegend) {
  WordVectors v;
  v.dim = 10;
  v.values = clusters();
  v.values.resize(60 * 10);
  for (int i = 0; i < 60; ++i)
    v.words.push_back(i == 3 ? "<&a>" : i == 5 ? "1,234" : "w" + std::to_string(i));
  const VectorSpace space(v);
  WordMapOptions o;
  o.top = 40;
  o.tsne.perplexity = 10;
  o.groups = {{"first", {"w0", "w1", "w2"}}, {"second", {"w30", "nosuch"}}};
  const auto map = word_map(space, o);
  ASSERT_EQ(map.words.size(), 40u);  // "1,234" has no letter: skipped
  EXPECT_EQ(map.words[3], "<&a>");
  EXPECT_EQ(map.words[5], "w6");
  EXPECT_EQ(count(map.svg, "<circle class=\"point\""), 40u);
  EXPECT_EQ(count(map.svg, "<text class=\"label\""), 40u);
  EXPECT_EQ(count(map.svg, "<g class=\"legend\">"), 2u);
  EXPECT_NE(map.svg.find(">&lt;&amp;a&gt;</text>"), std::string::npos);
  EXPECT_EQ(count(map.svg, "fill=\"#1f77b4\""), 3u + 3u + 1u);  // 3 points, 3 labels, legend
  EXPECT_TRUE(map.svg.starts_with("<?xml"));
  EXPECT_TRUE(map.svg.ends_with("</svg>\n"));

  o.top = 40;
  o.words = {"w1", "w2", "nosuch", "w9"};
  o.tsne.perplexity = 1;
  EXPECT_EQ(word_map(space, o).words, (std::vector<std::string>{"w1", "w2", "w9"}));
  o.words = {"nosuch", "w1"};
  EXPECT_THROW(word_map(space, o), Error);
}

}  // namespace
}  // namespace secnlp::models
