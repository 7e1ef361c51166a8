#include "corpora/datasets/conll_columns_reader.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

using Strings = std::vector<std::string>;

TEST(ConllColumnsReaderTest, ReadsCoNLL2003Layout) {
  const std::string text =
      "-DOCSTART- -X- O O\n"
      "\n"
      "SILICON NNP - I-ORG\n"
      "VALLEY NNP - I-ORG\n"
      "BANK NNP - I-ORG\n"
      "lends VBZ - O\r\n"
      "\n"
      "\n"
      "Borrower NNP - I-PER\n"
      "-DOCSTART- -X- O O\n"
      "Paris\tNNP\t-\tI-LOC\n";
  const TaggedCorpus c = parse_conll_columns(text, "a.txt");
  ASSERT_EQ(c.sentences.size(), 3u);
  EXPECT_EQ(c.sentences[0].tokens, (Strings{"SILICON", "VALLEY", "BANK", "lends"}));
  EXPECT_EQ(c.sentences[0].tags, (Strings{"I-ORG", "I-ORG", "I-ORG", "O"}));
  EXPECT_EQ(c.sentences[0].line, 3u);
  EXPECT_EQ(c.sentences[1].tokens, (Strings{"Borrower"}));
  EXPECT_EQ(c.sentences[1].line, 9u);
  EXPECT_EQ(c.sentences[1].document, 0u);
  EXPECT_EQ(c.sentences[2].document, 1u);
  EXPECT_EQ(c.documents, 2u);
  EXPECT_EQ(c.scheme, nlp::TagScheme::kIo);
  EXPECT_EQ(c.types, (Strings{"LOC", "ORG", "PER"}));
  EXPECT_EQ(c.tokens(), 6u);
}

TEST(ConllColumnsReaderTest, SchemesAndTagColumn) {
  EXPECT_EQ(parse_conll_columns("a B-X\nb I-X\n", "f").scheme, nlp::TagScheme::kBio);
  EXPECT_EQ(parse_conll_columns("a B-X\nb E-X\nc S-Y\n", "f").scheme, nlp::TagScheme::kIobes);
  // Tag in column 2 (0-based 1) of three; the last column is ignored.
  const TaggedCorpus c =
      parse_conll_columns("\xEF\xBB\xBFJohn B-PER x\nran O y\n", "f", {.tag_column = 1});
  EXPECT_EQ(c.sentences[0].tags, (Strings{"B-PER", "O"}));
  EXPECT_EQ(c.sentences[0].tokens[0], "John");
  EXPECT_EQ(parse_conll_columns("a I-X x\n", "f", {.tag_column = -2}).sentences[0].tags[0], "I-X");
  // An explicit scheme is kept even when the tags would be detected as another.
  EXPECT_EQ(parse_conll_columns("a I-X\n", "f", {.scheme = nlp::TagScheme::kBio}).scheme,
            nlp::TagScheme::kBio);
}

TEST(ConllColumnsReaderTest, ErrorsNameFileAndLine) {
  struct Case {
    std::string text;
    ConllColumnsOptions options;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"a O\nlonely\n", {}, "line 2: 1 column"},
      {"a O\nb X-ORG\n", {}, "line 2: 'X-ORG' is not an entity tag"},
      {"a O\n\nb B-\n", {}, "line 3: 'B-' is not an entity tag"},
      {"a O b\n", {.tag_column = 5}, "line 1: 3 columns but the tag is in column 6"},
      {"a O b\n", {.tag_column = 0}, "line 1: 3 columns but the tag is in column 1"},
      {"a O\nb B-X\n", {.scheme = nlp::TagScheme::kIo}, "line 2: tag 'B-X' is not in the io"},
      {"a S-X\n", {.scheme = nlp::TagScheme::kBio}, "line 1: tag 'S-X' is not in the bio"},
      {"\n-DOCSTART- O\n\n", {}, "no tagged tokens"},
  };
  for (const auto& c : cases) {
    try {
      parse_conll_columns(c.text, "data/ner.txt", c.options);
      ADD_FAILURE() << "accepted: " << c.text;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kParse);
      EXPECT_EQ(e.path(), "data/ner.txt");
      EXPECT_NE(std::string(e.what()).find("data/ner.txt: " + c.message), std::string::npos)
          << e.what();
    }
  }
}

TEST(ConllColumnsReaderTest, ReadsFilesAndNamesMissingOnes) {
  testing::TempDir dir;
  const auto path = dir.path() / "train.txt";
  testing::write_file(path, "Acme I-ORG\n");
  EXPECT_EQ(read_conll_columns(path).sentences.size(), 1u);
  try {
    read_conll_columns(dir.path() / "missing.txt");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_NE(std::string(e.what()).find("missing.txt"), std::string::npos);
  }
}

}  // namespace
}  // namespace secnlp::corpora
