// WordNetLemmatizer against NLTK 3.8 on the pairs in tests/data/filters/lemma_pairs.tsv (made by
// make_lemma_fixture.py beside it). Reads WordNet from /usr/share/wordnet, an installed build
// dependency, like NLTK did.
#include <map>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "corpora/resources/wordnet.h"
#include "nlp/filters/lemmatizer.h"
#include "tests/support/test_data.h"

namespace secnlp::nlp {
namespace {

TEST(WordNetLemmatizerVsNltk, EveryFixturePairMatches) {
  const WordNetLemmatizer lemmatizer(corpora::load_wordnet());
  const std::string text = testing::read_file(testing::fixture_path("filters/lemma_pairs.tsv"));
  std::map<std::string, std::size_t> rows_per_tag;
  std::size_t rows = 0, changed = 0, mismatches = 0;
  std::string_view rest = text;
  std::string lemma;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t t1 = line.find('\t');
    const std::size_t t2 = line.find('\t', t1 + 1);
    ASSERT_NE(t2, std::string_view::npos) << line;
    const std::string_view word = line.substr(0, t1);
    const std::string_view tag = line.substr(t1 + 1, t2 - t1 - 1);
    const std::string_view expected = line.substr(t2 + 1);
    const auto pos = parse_part_of_speech(tag);
    ASSERT_TRUE(pos.has_value()) << line;
    lemmatizer.lemmatize_into(word, *pos, lemma);
    if (lemma != expected) {
      if (++mismatches <= 20) {
        ADD_FAILURE() << "'" << word << "' " << tag << ": got '" << lemma << "', NLTK '" << expected
                      << "'";
      }
    }
    ++rows;
    ++rows_per_tag[std::string(tag)];
    if (word != expected) ++changed;
  }
  EXPECT_EQ(mismatches, 0u) << "of " << rows;
  EXPECT_GE(rows, 20000u);
  EXPECT_GE(changed, 5000u);  // the fixture exercises real lemmatization, not only identity
  for (const char* tag : {"n", "v", "a", "r", "s"})
    EXPECT_GE(rows_per_tag[tag], 500u) << tag;
}

}  // namespace
}  // namespace secnlp::nlp
