// The training corpus of `secnlp embed` from text files: sentences and tokens as `process`
// makes them, one sentence per line.
#include "pipeline/sentence_corpus.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "common/error.h"
#include "tests/support/test_data.h"

namespace secnlp::pipeline {
namespace {

TEST(SentenceCorpus, TextFilesGiveOneTokenizedSentencePerLine) {
  const testing::TempDir dir;
  const auto path = dir.path() / "sentence_corpus_test.txt";
  testing::write_file(path,
                      "Revenue rose 5% in 2023. The Company's litigation\ncontinued.\n\n"
                      "Item 1A. Risk Factors\n\nWe don't expect impairment.\n");
  struct Case {
    bool lowercase;
    std::string want;
  };
  const Case cases[] = {
      {false,
       "Revenue rose 5 % in 2023 .\nThe Company 's litigation continued .\n"
       "Item 1A. Risk Factors\nWe do n't expect impairment .\n"},
      {true,
       "revenue rose 5 % in 2023 .\nthe company 's litigation continued .\n"
       "item 1a. risk factors\nwe do n't expect impairment .\n"},
  };
  for (const auto& c : cases) {
    SentenceCorpusQuery q;
    q.lowercase = c.lowercase;
    std::ostringstream out;
    const auto stats = write_text_file_corpus({path}, q, out);
    EXPECT_EQ(out.str(), c.want);
    EXPECT_EQ(stats.texts, 1u);
    EXPECT_EQ(stats.sentences, 4u);
  }
  std::filesystem::remove(path);
  std::ostringstream out;
  EXPECT_THROW(write_text_file_corpus({path}, {}, out), Error);
}

}  // namespace
}  // namespace secnlp::pipeline
