#include "corpora/resources/wordnet.h"

#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

using Strings = std::vector<std::string>;

// WordNet 3.0 from Debian's wordnet-base, an installed build dependency.
const WordNetData& installed() {
  static const auto data = load_wordnet();
  return *data;
}

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// A miniature WordNet: each index has a licence-style header line starting with spaces.
void write_tiny_wordnet(const std::filesystem::path& dir) {
  const char* header = "  1 This software and database is being provided\n";
  write(dir / "index.noun",
        std::string(header) + "dog n 1 0 1 0 02084071\n" + "hot_dog n 1 0 1 0 07697537\n");
  write(dir / "index.verb", std::string(header) + "run v 1 0 1 0 01926311\n");
  write(dir / "index.adj", std::string(header) + "good a 1 0 1 0 01123148\n");
  write(dir / "index.adv", std::string(header) + "well r 1 0 1 0 00011093\n");
  write(dir / "noun.exc", "geese goose\naurar eyir\naurar eyrir\n");
  write(dir / "verb.exc", "ran run\n\n");
  write(dir / "adj.exc", "better good well\n");
  write(dir / "adv.exc", "");
}

TEST(LoadWordNet, InstalledCounts) {
  const WordNetData& wn = installed();
  struct Row {
    WordNetPos pos;
    std::size_t lemmas;
    std::size_t exceptions;
  };
  // Lemma counts are the non-header lines of index.*; exception counts are distinct first
  // words of *.exc (noun.exc and adj.exc repeat a few).
  const Row rows[] = {
      {WordNetPos::kNoun, 117798, 2050},
      {WordNetPos::kVerb, 11529, 2401},
      {WordNetPos::kAdjective, 21479, 1489},
      {WordNetPos::kAdverb, 4481, 7},
  };
  for (const Row& r : rows) {
    EXPECT_EQ(wn[r.pos].lemmas.size(), r.lemmas) << static_cast<int>(r.pos);
    EXPECT_EQ(wn[r.pos].exceptions.size(), r.exceptions) << static_cast<int>(r.pos);
    EXPECT_GT(wn[r.pos].max_lemma_length, 10u);
  }
}

TEST(LoadWordNet, InstalledEntries) {
  const WordNetData& wn = installed();
  struct Row {
    WordNetPos pos;
    const char* word;
    bool is_lemma;
  };
  const Row lemma_rows[] = {
      {WordNetPos::kNoun, "dog", true},       {WordNetPos::kNoun, "hot_dog", true},
      {WordNetPos::kNoun, "a", true},         {WordNetPos::kNoun, "hot dog", false},
      {WordNetPos::kNoun, "Dog", false},      {WordNetPos::kNoun, "dogs", false},
      {WordNetPos::kVerb, "run", true},       {WordNetPos::kVerb, "dog", true},
      {WordNetPos::kAdjective, "good", true}, {WordNetPos::kAdjective, "run", false},
      {WordNetPos::kAdverb, "well", true},    {WordNetPos::kAdverb, "", false},
      {WordNetPos::kNoun, "  1", false},  // header lines are not lemmas
  };
  for (const Row& r : lemma_rows) {
    EXPECT_EQ(wn[r.pos].lemmas.contains(std::string_view(r.word)), r.is_lemma) << r.word;
  }
  struct ExcRow {
    WordNetPos pos;
    const char* form;
    Strings bases;
  };
  const ExcRow exc_rows[] = {
      {WordNetPos::kNoun, "geese", {"goose"}},
      {WordNetPos::kNoun, "axes", {"ax", "axis"}},
      {WordNetPos::kNoun, "aurar", {"eyrir"}},  // repeated form: the last line wins
      {WordNetPos::kVerb, "ran", {"run"}},
      {WordNetPos::kAdjective, "better", {"good", "well"}},
      {WordNetPos::kAdjective, "offer", {"offer"}},
      {WordNetPos::kAdverb, "better", {"well"}},
  };
  for (const ExcRow& r : exc_rows) {
    const auto it = wn[r.pos].exceptions.find(std::string_view(r.form));
    ASSERT_NE(it, wn[r.pos].exceptions.end()) << r.form;
    EXPECT_EQ(it->second, r.bases) << r.form;
  }
  EXPECT_EQ(wn[WordNetPos::kVerb].exceptions.count("geese"), 0u);
}

TEST(LoadWordNet, TinyDirectory) {
  testing::TempDir dir;
  write_tiny_wordnet(dir.path());
  const auto wn = load_wordnet(dir.path());
  EXPECT_EQ((*wn)[WordNetPos::kNoun].lemmas.keys(), (Strings{"dog", "hot_dog"}));
  EXPECT_EQ((*wn)[WordNetPos::kNoun].max_lemma_length, 7u);
  EXPECT_EQ((*wn)[WordNetPos::kNoun].exceptions.at("aurar"), Strings{"eyrir"});
  EXPECT_EQ((*wn)[WordNetPos::kVerb].exceptions.size(), 1u);  // the blank line is skipped
  EXPECT_TRUE((*wn)[WordNetPos::kAdverb].exceptions.empty());
  EXPECT_EQ(wn->dir, dir.path());
}

TEST(LoadWordNet, MissingDirectoryIsResourceError) {
  testing::TempDir dir;
  const auto missing = dir.path() / "no-wordnet-here";
  try {
    load_wordnet(missing);
    FAIL() << "expected secnlp::Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kResource);
    EXPECT_EQ(e.path(), missing.string());
  }
}

TEST(LoadWordNet, MissingOrMalformedFileIsResourceErrorNamingIt) {
  struct Row {
    const char* file;
    const char* contents;  // nullptr: remove the file
  };
  const Row rows[] = {
      {"index.noun", nullptr},
      {"index.adv", nullptr},
      {"verb.exc", nullptr},
      {"adv.exc", nullptr},
      {"index.verb", "run n 1 0 1 0 01926311\n"},  // wrong part of speech
      {"index.adj", "good\n"},                     // no part of speech
  };
  for (const Row& r : rows) {
    testing::TempDir dir;
    write_tiny_wordnet(dir.path());
    if (r.contents == nullptr) {
      std::filesystem::remove(dir.path() / r.file);
    } else {
      write(dir.path() / r.file, r.contents);
    }
    try {
      load_wordnet(dir.path());
      ADD_FAILURE() << "expected secnlp::Error for " << r.file;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kResource) << r.file;
      EXPECT_EQ(e.path(), (dir.path() / r.file).string());
    }
  }
}

}  // namespace
}  // namespace secnlp::corpora
