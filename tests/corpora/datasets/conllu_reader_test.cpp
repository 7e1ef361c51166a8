#include "corpora/datasets/conllu_reader.h"

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

// Two sentences: a multiword range (3-4) and an empty node (8.1 style) are skipped.
constexpr char kTwoSentences[] =
    "\xEF\xBB\xBF# newdoc id = d1\n"
    "# sent_id = s-1\n"
    "# text = I can't go.\n"
    "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n"
    "2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "2\tca\tcan\tAUX\tMD\t_\t4\taux\t_\t_\n"
    "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n"
    "4\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n"
    "4.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t_\t_\n"
    "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n"
    "\n"
    "# sent_id = s-2\r\n"
    "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\r\n"
    "\r\n";

TEST(ConlluReaderTest, ReadsWordsSkippingRangesAndEmptyNodes) {
  const auto sentences = parse_conllu(kTwoSentences, "<text>");
  ASSERT_EQ(sentences.size(), 2u);
  const auto& s = sentences[0];
  EXPECT_EQ(s.id, "s-1");
  ASSERT_EQ(s.words.size(), 5u);
  EXPECT_EQ(s.words[1].form, "ca");
  EXPECT_EQ(s.words[1].lemma, "can");
  EXPECT_EQ(s.words[1].upos, "AUX");
  EXPECT_EQ(s.words[1].xpos, "MD");
  EXPECT_EQ(s.words[1].line, 6u);
  EXPECT_EQ(s.words[4].form, ".");
  EXPECT_EQ(sentences[1].id, "s-2");
  ASSERT_EQ(sentences[1].words.size(), 1u);
  EXPECT_EQ(sentences[1].words[0].form, "Yes");

  const auto upos = tagged_sentences(sentences, TagColumn::kUpos, "<text>");
  EXPECT_EQ(upos[0].words, (std::vector<std::string>{"I", "ca", "n't", "go", "."}));
  EXPECT_EQ(upos[0].tags, (std::vector<std::string>{"PRON", "AUX", "PART", "VERB", "PUNCT"}));
  const auto xpos = tagged_sentences(sentences, TagColumn::kXpos, "<text>");
  EXPECT_EQ(xpos[0].tags, (std::vector<std::string>{"PRP", "MD", "RB", "VB", "."}));
  EXPECT_EQ(xpos[1].tags, (std::vector<std::string>{"UH"}));
}

TEST(ConlluReaderTest, NoTrailingBlankLineAndTagColumnNames) {
  EXPECT_EQ(parse_conllu("1\ta\ta\tDET\tDT\t_\t0\troot\t_\t_", "<text>").size(), 1u);
  EXPECT_TRUE(parse_conllu("", "<text>").empty());
  EXPECT_EQ(parse_tag_column("UPOS"), TagColumn::kUpos);
  EXPECT_EQ(parse_tag_column("xpos"), TagColumn::kXpos);
  EXPECT_EQ(tag_column_name(TagColumn::kXpos), "xpos");
  EXPECT_THROW(parse_tag_column("penn"), Error);
}

// Malformed input: each row must throw kParse naming the source and the line.
TEST(ConlluReaderTest, RejectsMalformedLinesNamingFileAndLine) {
  struct Case {
    const char* text;
    const char* line;
  };
  const Case cases[] = {
      {"1\ta\ta\tDET\tDT\t_\t0\troot\t_\n", "line 1:"},        // 9 fields
      {"1\ta\ta\tDET\tDT\t_\t0\troot\t_\t_\t_\n", "line 1:"},  // 11 fields
      {"# c\n1\ta\ta\tDET\tDT\t_\t0\troot\t_\t_\nx\tb\tb\tX\tX\t_\t_\t_\t_\t_\n", "line 3:"},
      {"1\ta\ta\tDET\tDT\t_\t0\troot\t_\t_\n3\tb\tb\tX\tX\t_\t_\t_\t_\t_\n", "line 2:"},
      {"\n\n1\t\ta\tDET\tDT\t_\t0\troot\t_\t_\n", "line 3:"},       // empty form
      {"# sent_id = 1\n\n", "line 2:"},                             // comments, no words
      {"1\ta\ta\tDET\tDT\t_\t0\troot\t_\t_\n# late\n", "line 2:"},  // comment inside
  };
  for (const auto& c : cases) {
    try {
      parse_conllu(c.text, "f.conllu");
      ADD_FAILURE() << "accepted: " << c.text;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kParse) << c.text;
      EXPECT_EQ(e.path(), "f.conllu");
      EXPECT_TRUE(e.message().starts_with(c.line)) << e.message();
    }
  }
}

TEST(ConlluReaderTest, MissingTagNamesTheWordLine) {
  const auto s = parse_conllu(
      "# x\n1\ta\ta\tDET\tDT\t_\t0\troot\t_\t_\n"
      "2\tb\tb\tNOUN\t_\t_\t0\troot\t_\t_\n",
      "f.conllu");
  EXPECT_NO_THROW(tagged_sentences(s, TagColumn::kUpos, "f.conllu"));
  try {
    tagged_sentences(s, TagColumn::kXpos, "f.conllu");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.message(), "line 3: word 'b' has no xpos tag");
  }
}

TEST(ConlluReaderTest, ReadsAFileAndNamesAMissingOne) {
  testing::TempDir dir;
  testing::write_file(dir.path() / "a.conllu", kTwoSentences);
  EXPECT_EQ(read_conllu(dir.path() / "a.conllu").size(), 2u);
  try {
    read_conllu(dir.path() / "none.conllu");
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
  }
}

}  // namespace
}  // namespace secnlp::corpora
