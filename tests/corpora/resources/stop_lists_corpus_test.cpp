// read_word_list over the stop lists in ../shared/data/lexicons/stopwords.
#include <iostream>
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "corpora/resources/word_list.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

TEST(StopListsCorpus, CountsAndContents) {
  SECNLP_REQUIRE_CORPUS(dir, "lexicons/stopwords");
  struct Row {
    const char* file;
    std::size_t entries;   // non-blank lines
    std::size_t distinct;  // SMART lists "would" twice
    const char* first;
    const char* last;
  };
  const Row rows[] = {
      {"nltk-english-179.txt", 179, 179, "i", "wouldn't"},
      {"smart-571.txt", 571, 570, "a", "zero"},
      {"lemur-431.txt", 431, 431, ".", "yourselves"},
      {"loughran-mcdonald-generic-121.txt", 121, 121, "ABOUT", "YOURSELVES"},  // CRLF
  };
  for (const Row& r : rows) {
    const auto words = read_word_list(dir / r.file);
    ASSERT_EQ(words.size(), r.entries) << r.file;
    EXPECT_EQ(std::set<std::string>(words.begin(), words.end()).size(), r.distinct) << r.file;
    EXPECT_EQ(words.front(), r.first) << r.file;
    EXPECT_EQ(words.back(), r.last) << r.file;
    for (const std::string& w : words) {
      EXPECT_FALSE(w.empty()) << r.file;
      EXPECT_EQ(w.find_first_of(" \t\r\n"), std::string::npos) << r.file << ": " << w;
    }
    std::cout << r.file << ": " << words.size() << " entries\n";
  }
}

}  // namespace
}  // namespace secnlp::corpora
