#include "corpora/resources/word_list.h"

#include "common/utf8.h"

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

using Words = std::vector<std::string>;

struct ParseCase {
  const char* name;
  std::string bytes;
  Words expected;
};

TEST(ParseWordList, Table) {
  const ParseCase cases[] = {
      {"empty", "", {}},
      {"lf", "a\nb\nc\n", {"a", "b", "c"}},
      {"no_final_newline", "a\nb", {"a", "b"}},
      {"crlf", "ABOUT\r\nABOVE\r\n", {"ABOUT", "ABOVE"}},
      {"trims", "  a \t\n\tb\r\n \f c\v\n", {"a", "b", "c"}},
      {"blank_lines", "\n\n a\n   \n\r\nb\n\n", {"a", "b"}},
      {"comments", "# header\na\n  # indented comment\nb # kept\n", {"a", "b # kept"}},
      {"hash_inside", "c#\n#\n", {"c#"}},
      {"duplicates_kept", "would\nwould\n", {"would", "would"}},
      {"punctuation", ".\n,\n'\na's\n", {".", ",", "'", "a's"}},
      {"utf8_kept", "caf\xC3\xA9\nna\xC3\xAFve\n", {"caf\xC3\xA9", "na\xC3\xAFve"}},
      {"utf8_bom", "\xEF\xBB\xBFthe\nof\n", {"the", "of"}},
      {"latin1_decoded", "caf\xE9\nna\xEFve\n", {"caf\xC3\xA9", "na\xC3\xAFve"}},
      // One invalid byte makes the whole file Latin-1, including the valid-looking pair.
      {"mixed_is_latin1", "\xC3\xA9\n\xFF\n", {"\xC3\x83\xC2\xA9", "\xC3\xBF"}},
      {"only_comments", "# a\n#b\n", {}},
  };
  for (const ParseCase& c : cases)
    EXPECT_EQ(parse_word_list(c.bytes), c.expected) << c.name;
}

struct Utf8Case {
  std::string bytes;
  bool valid;
};

TEST(IsValidUtf8, Table) {
  const Utf8Case cases[] = {
      {"", true},
      {"plain ascii", true},
      {"\xC3\xA9", true},
      {"\xE2\x80\x99", true},       // U+2019
      {"\xF0\x9F\x98\x80", true},   // U+1F600
      {"\xF4\x8F\xBF\xBF", true},   // U+10FFFF
      {"\xC3", false},              // truncated
      {"\xC0\xAF", false},          // overlong
      {"\xE0\x80\xAF", false},      // overlong
      {"\xED\xA0\x80", false},      // surrogate
      {"\xF4\x90\x80\x80", false},  // above U+10FFFF
      {"\xF5\x80\x80\x80", false},  // invalid lead
      {"\x80", false},              // lone continuation
      {"\xE2\x28\xA1", false},      // bad continuation
  };
  for (const Utf8Case& c : cases) {
    EXPECT_EQ(is_valid_utf8(c.bytes), c.valid) << ::testing::PrintToString(c.bytes);
  }
}

TEST(ReadWordList, ReadsFileWithCommentsCrlfAndLatin1) {
  testing::TempDir dir;
  const auto path = dir.path() / "list.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "# stop list\r\nthe\r\n\r\nna\xEFve\r\n  of  \r\n";
  }
  EXPECT_EQ(read_word_list(path), (Words{"the", "na\xC3\xAFve", "of"}));
}

TEST(ReadWordList, MissingFileIsResourceErrorNamingTheFile) {
  testing::TempDir dir;
  const auto path = dir.path() / "absent.txt";
  try {
    read_word_list(path);
    FAIL() << "expected secnlp::Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kResource);
    EXPECT_EQ(e.path(), path.string());
  }
}

TEST(ReadWordList, DirectoryIsRejected) {
  testing::TempDir dir;
  try {
    read_word_list(dir.path());
    FAIL() << "expected secnlp::Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kResource);
    EXPECT_EQ(e.path(), dir.path().string());
  }
}

TEST(ReadWordList, ReadsCommittedFixture) {
  EXPECT_EQ(read_word_list(testing::fixture_path("resources/latin1_list.txt")),
            (Words{"r\xC3\xA9sum\xC3\xA9", "the", "and"}));
}

}  // namespace
}  // namespace secnlp::corpora
