// The labelled-text readers on the real datasets in ../shared/data/sentiment. Expected numbers
// come from tests/data/datasets/corpus_counts.py (Python's own decoding and splitting).

#include <gtest/gtest.h>

#include "common/error.h"
#include "common/utf8.h"
#include "corpora/datasets/labelled_text.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

struct CorpusCase {
  std::string relative;  // under sentiment/
  std::vector<std::string> classes;
  std::vector<std::size_t> counts;  // rows per class, in class order
  std::size_t text_bytes;           // total UTF-8 bytes of all texts
  std::size_t skipped;              // lines left out with skip_bad_lines
  std::string first_text;
};

TEST(LabelledTextCorpusTest, RealDatasetsMatchPython) {
  SECNLP_REQUIRE_CORPUS(root, "sentiment/financial_phrasebank_v1.0");
  const std::vector<CorpusCase> cases = {
      // Line 38 of the shared copy is a stray "1": 2264 lines, 2263 sentences.
      {"financial_phrasebank_v1.0/Sentences_AllAgree.txt",
       {"negative", "neutral", "positive"},
       {303, 1390, 570},
       275913,
       1,
       "According to Gran , the company has no plans to move all production to Russia , although "
       "that is where the company is growing ."},
      {"financial_phrasebank_v1.0/Sentences_50Agree.txt",
       {"negative", "neutral", "positive"},
       {604, 2879, 1363},
       621088,
       0,
       ""},
      {"stocktwits_udacity_subset/twits.json",
       {"-2", "-1", "0", "1", "2"},
       {179, 141, 754, 243, 183},
       169761,
       0,
       "$FITB great buy at 26.00...ill wait"},
      {"sms_spam_collection/SMSSpamCollection",
       {"ham", "spam"},
       {4827, 747},
       449096,
       0,
       "Go until jurong point, crazy.. Available only in bugis n great world la e buffet... Cine "
       "there got amore wat..."},
      {"rt_polaritydata_v1.0",
       {"neg", "pos"},
       {5331, 5331},
       601865 + 615754,
       0,
       "simplistic , silly and tedious ."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.relative);
    const auto path = root.parent_path() / c.relative;
    TextDatasetOptions options;
    options.skip_bad_lines = true;
    const auto data = read_labelled_texts(path, options);
    EXPECT_EQ(data.classes, c.classes);
    EXPECT_EQ(data.skipped.size(), c.skipped);
    std::vector<std::size_t> counts(data.classes.size());
    for (int l : data.labels)
      ++counts.at(static_cast<std::size_t>(l));
    EXPECT_EQ(counts, c.counts);
    std::size_t bytes = 0;
    std::size_t invalid = 0;
    for (const auto& t : data.texts) {
      bytes += t.size();
      invalid += is_valid_utf8(t) ? 0 : 1;
    }
    EXPECT_EQ(bytes, c.text_bytes);
    EXPECT_EQ(invalid, 0u);
    EXPECT_TRUE(data.ids.empty());
    if (!c.first_text.empty()) {
      EXPECT_EQ(data.texts.at(0), c.first_text);
    }
  }
}

TEST(LabelledTextCorpusTest, StrayPhrasebankLineIsAnErrorWithoutSkipping) {
  SECNLP_REQUIRE_CORPUS(file, "sentiment/financial_phrasebank_v1.0/Sentences_AllAgree.txt");
  try {
    read_labelled_texts(file);
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kParse);
    EXPECT_EQ(e.path(), file.string());
    EXPECT_EQ(e.message(), "line 38: no '@' before the label");
  }
}

}  // namespace
}  // namespace secnlp::corpora
