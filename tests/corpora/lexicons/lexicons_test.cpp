// Unit tests: fixtures are written by the tests themselves; the libhyphen and pocketsphinx
// dictionaries are Debian build dependencies (tests skip with a message when they are absent).
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "corpora/lexicons/cmudict.h"
#include "corpora/lexicons/hyphenation.h"
#include "corpora/lexicons/lm_lexicon_reader.h"
#include "corpora/lexicons/syllable_sources.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

using nlp::LmCategory;

void write(const std::filesystem::path& path, const std::string& contents) {
  std::ofstream out(path, std::ios::binary);
  out << contents;
}

template <typename F>
ErrorCode error_code_of(F&& f, std::string* path = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (path) *path = e.path();
    return e.code();
  }
  ADD_FAILURE() << "no secnlp::Error thrown";
  return ErrorCode::kInternal;
}

TEST(PronouncingDictionary, ParsesBothLayouts) {
  const std::string text =
      ";;; comment line\n"
      "'bout B AW1 T\n"
      "a AH0\n"
      "a(2) EY1\n"                                 // alternate: ignored, first wins
      "aalborg AO1 L B AO0 R G # place, danish\n"  // trailing comment
      "hmm HH M\n"                                 // no vowel
      "FIRE  F AY1 ER0\n"                          // CMU 0.7 layout: uppercase, two spaces
      "fire(2) F AY1 R\n"
      "family F AE M AH L IY\r\n"  // pocketsphinx layout, CRLF
      "\n";
  const PronouncingDictionary dict = PronouncingDictionary::parse(text, "inline");
  struct Case {
    const char* word;
    std::optional<int> syllables;
  };
  const Case cases[] = {
      {"'bout", 1},          {"a", 1},           {"aalborg", 2}, {"hmm", 0},
      {"fire", 2},           {"FIRE", 2},        {"family", 3},  {"a(2)", std::nullopt},
      {"fam", std::nullopt}, {"", std::nullopt},
  };
  for (const Case& c : cases)
    EXPECT_EQ(dict.syllables(c.word), c.syllables) << c.word;
  EXPECT_EQ(dict.size(), 6u);
}

// The table is sized from the text's length (about 24 bytes a line) and must grow when the
// lines are much shorter: 5,000 words of 6 to 9 bytes a line, every one found again.
TEST(PronouncingDictionary, GrowsPastItsSizeEstimate) {
  std::string text;
  for (int i = 0; i < 5000; ++i)
    text += "w" + std::to_string(i) + (i % 2 ? " AH\n" : " K\n");
  const PronouncingDictionary dict = PronouncingDictionary::parse(text, "dense");
  EXPECT_EQ(dict.size(), 5000u);
  for (int i = 0; i < 5000; ++i)
    ASSERT_EQ(dict.syllables("W" + std::to_string(i)), i % 2) << i;
  EXPECT_EQ(dict.syllables("w5000"), std::nullopt);
  // A last line without its '\n', with a comment, and a comment line that ends the text.
  EXPECT_EQ(PronouncingDictionary::parse("last L AE1 S T # one", "x").syllables("last"), 1);
  EXPECT_EQ(PronouncingDictionary::parse("area EH1 R IY0 AH0\n;;; end", "x").syllables("area"), 3);
}

TEST(PronouncingDictionary, RejectsBadInput) {
  const char* bad[] = {"", ";;; only comments\n\n", "word\n", "ok OW1 K EY1\nbroken   \n"};
  for (const char* text : bad) {
    std::string path;
    EXPECT_EQ(error_code_of([&] { (void)PronouncingDictionary::parse(text, "bad.dict"); }, &path),
              ErrorCode::kResource)
        << text;
    EXPECT_EQ(path, "bad.dict");
  }
  std::string path;
  EXPECT_EQ(error_code_of([] { (void)load_cmudict("/nonexistent/cmudict.dict"); }, &path),
            ErrorCode::kResource);
  EXPECT_EQ(path, "/nonexistent/cmudict.dict");
}

TEST(PronouncingDictionary, DebianCopy) {
  if (!std::filesystem::exists(kDefaultCmudictPath)) GTEST_SKIP() << "pocketsphinx-en-us absent";
  const auto dict = load_cmudict();
  EXPECT_GT(dict->size(), 120000u);  // 134,723 lines, 125,945 distinct words
  struct Case {
    const char* word;
    int syllables;
  };
  // Expected values from textstat's syllable tests where CMUdict has the word.
  const Case cases[] = {
      {"relived", 2},     {"couple", 2},    {"enriched", 2},      {"us", 1},
      {"monopoly", 4},    {"without", 2},   {"creative", 3},      {"every", 3},
      {"stimulating", 4}, {"cupboards", 2}, {"day's", 1},         {"forgotten", 3},
      {"through", 1},     {"marriage", 2},  {"interpersonal", 5}, {"company", 3}};
  for (const Case& c : cases)
    EXPECT_EQ(dict->syllables(c.word), c.syllables) << c.word;
}

TEST(Hyphenator, CountsLikePyphen) {
  if (!std::filesystem::exists(kDefaultHyphenationPath)) GTEST_SKIP() << "hyphen-en-us absent";
  const Hyphenator h;
  struct Case {
    const char* word;
    int syllables;
  };
  const Case cases[] = {
      {"hyphenation", 3},  // TeX patterns: hy-phen-ation
      {"sunglasses", 3},   // sun-glass-es
      {"songwriter", 3},   // song-writer... pyphen: song-writ-er
      {"the", 1},         {"a", 1}, {"", 0}, {"UPPERCASE", 3},  // lowered before hyphenation
      {"2023", 1},
  };
  for (const Case& c : cases)
    EXPECT_EQ(h.syllables(c.word), c.syllables) << c.word;
  EXPECT_EQ(h.positions("hyphenation"), (std::vector<std::size_t>{2, 6}));
  // Invalid UTF-8 and huge tokens are not passed to libhyphen.
  EXPECT_EQ(h.syllables("\x80\x80"), 1);
  EXPECT_EQ(h.syllables(std::string(5000, 'a')), 1);
}

TEST(Hyphenator, ConcurrentUseGivesSameAnswers) {
  if (!std::filesystem::exists(kDefaultHyphenationPath)) GTEST_SKIP() << "hyphen-en-us absent";
  const auto h = load_hyphenator();
  const std::vector<std::string> words = {"hyphenation",   "sunglasses",    "administration",
                                          "comprehensive", "unprecedented", "the"};
  std::vector<int> expected;
  for (const auto& w : words)
    expected.push_back(h->syllables(w));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 2000; ++round) {
        for (std::size_t i = 0; i < words.size(); ++i) {
          if (h->syllables(words[i]) != expected[i]) ++mismatches[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (auto& th : threads)
    th.join();
  for (int m : mismatches)
    EXPECT_EQ(m, 0);
}

TEST(Hyphenator, MissingFileIsAResourceError) {
  std::string path;
  EXPECT_EQ(error_code_of([] { Hyphenator h("/nonexistent/hyph_xx.dic"); }, &path),
            ErrorCode::kResource);
  EXPECT_EQ(path, "/nonexistent/hyph_xx.dic");
  EXPECT_EQ(error_code_of([] { Hyphenator h(kDefaultHyphenationPath, 0, 2); }),
            ErrorCode::kInvalidArgument);
}

TEST(SyllableSources, CmudictFirstThenHyphenation) {
  if (!std::filesystem::exists(kDefaultHyphenationPath) ||
      !std::filesystem::exists(kDefaultCmudictPath)) {
    GTEST_SKIP() << "Debian dictionaries absent";
  }
  const nlp::SyllableCounter counter = load_default_syllable_counter();
  EXPECT_EQ(counter.count("every"), 3);                      // CMUdict (pyphen would say 2)
  EXPECT_EQ(counter.count_textstat("singersongwriter"), 4);  // not in CMUdict: sing-er-song-writer
  const nlp::SyllableCounter hyphen_only = make_syllable_counter(nullptr, load_hyphenator());
  EXPECT_EQ(hyphen_only.count("every"), 2);
  const nlp::SyllableCounter none = make_syllable_counter(nullptr, nullptr);
  EXPECT_EQ(none.count("every"), 3);  // vowel-group estimate
}

TEST(LmReaders, MasterDictionaryColumns) {
  testing::TempDir dir;
  const auto csv = dir.path() / "master.csv";
  write(csv,
        "\xEF\xBB\xBFWord,Seq,Negative,Positive,Uncertainty,Litigious,Strong_Modal,Weak_Modal,"
        "Constraining,Syllables\r\n"
        "ABANDON,1,2009,0,0,0,0,0,0,3\r\n"
        "GOOD,2,0,2009,0,0,0,0,0,1\r\n"
        "REMOVED,3,-2020,0,0,0,0,0,0,2\r\n"  // removed from the list: not a member
        "MAY,4,0,0,2009,0,0,2009,0,1\r\n"
        "MUST,5,0,0,0,0,2009,0,,1\r\n"  // empty field = 0
        "COURT,6,0,0,0,2009,0,0,0,1\r\n"
        "REQUIRED,7,0,0,0,0,0,0,2009,2\r\n");
  const nlp::SentimentLexicon lex = read_lm_master_dictionary(csv);
  EXPECT_EQ(lex.categories("abandon"), nlp::lm_bit(LmCategory::kNegative));
  EXPECT_EQ(lex.categories("removed"), 0);
  EXPECT_TRUE(lex.contains("may", LmCategory::kUncertainty));
  EXPECT_TRUE(lex.contains("may", LmCategory::kWeakModal));
  EXPECT_TRUE(lex.contains("must", LmCategory::kStrongModal));
  EXPECT_TRUE(lex.contains("court", LmCategory::kLitigious));
  EXPECT_TRUE(lex.contains("required", LmCategory::kConstraining));
  EXPECT_TRUE(lex.contains("good", LmCategory::kPositive));
  EXPECT_EQ(lex.size(), 6u);
  EXPECT_EQ(load_lm_lexicon(csv).size(), 6u);
}

TEST(LmReaders, Master2018ModalColumnAndCondensedScores) {
  testing::TempDir dir;
  const auto y2018 = dir.path() / "LM_2018.csv";
  write(y2018,
        "Word,Negative,Positive,Uncertainty,Litigious,Constraining,Modal\n"
        "MUST,0,0,0,0,0,1\nSHOULD,0,0,0,0,0,2\nMIGHT,0,0,2009,0,0,3\n");
  const auto lex = read_lm_master_dictionary(y2018);
  EXPECT_EQ(lex.categories("must"), nlp::lm_bit(LmCategory::kStrongModal));
  EXPECT_EQ(lex.categories("should"), 0);
  EXPECT_TRUE(lex.contains("might", LmCategory::kWeakModal));
  EXPECT_TRUE(lex.contains("might", LmCategory::kUncertainty));

  const auto condensed = dir.path() / "condensed.csv";
  write(condensed, "Token,SentimentScore\nloss,-1\ngain,1\ntable,0\n");
  const auto c = read_lm_master_dictionary(condensed);
  EXPECT_EQ(c.categories("LOSS"), nlp::lm_bit(LmCategory::kNegative));
  EXPECT_EQ(c.categories("gain"), nlp::lm_bit(LmCategory::kPositive));
  EXPECT_EQ(c.categories("table"), 0);
}

TEST(LmReaders, MalformedMasterDictionaries) {
  testing::TempDir dir;
  struct Case {
    const char* name;
    const char* contents;
    ErrorCode code;
  };
  const Case cases[] = {
      {"empty.csv", "", ErrorCode::kParse},
      {"noword.csv", "Term,Negative\nloss,2009\n", ErrorCode::kParse},
      {"nocategory.csv", "Word,Syllables,Source\nloss,1,x\n", ErrorCode::kParse},
      {"notnumber.csv", "Word,Negative\nloss,yes\n", ErrorCode::kParse},
  };
  for (const Case& c : cases) {
    const auto path = dir.path() / c.name;
    write(path, c.contents);
    std::string where;
    EXPECT_EQ(error_code_of([&] { (void)read_lm_master_dictionary(path); }, &where), c.code)
        << c.name;
    EXPECT_EQ(where, path.string());
  }
  EXPECT_EQ(error_code_of([&] { (void)read_lm_master_dictionary(dir.path() / "absent.csv"); }),
            ErrorCode::kResource);
}

TEST(LmReaders, WordListDirectory) {
  testing::TempDir dir;
  write(dir.path() / "LM2018_Negative.txt", "LOSS\nABANDON\r\n\n");
  write(dir.path() / "LM2018_StrongModal.txt", "MUST\n");
  write(dir.path() / "Loughran-McDonald_Weak_Modal.txt", "MAY\tsome note\n");
  write(dir.path() / "Documentation.txt", "not a list\n");
  write(dir.path() / "lists.xlsx", "binary");
  const auto lex = read_lm_word_lists(dir.path());
  EXPECT_EQ(lex.size(LmCategory::kNegative), 2u);
  EXPECT_EQ(lex.size(LmCategory::kStrongModal), 1u);
  EXPECT_TRUE(lex.contains("may", LmCategory::kWeakModal));
  EXPECT_EQ(lex.categories("not"), 0);
  EXPECT_EQ(load_lm_lexicon(dir.path()).size(), 4u);

  // A single list file, category from its name.
  EXPECT_EQ(load_lm_lexicon(dir.path() / "LM2018_Negative.txt").size(LmCategory::kNegative), 2u);

  // An unknown category file makes the directory unreadable, naming the file.
  write(dir.path() / "LM2018_Superfluous.txt", "WORD\n");
  std::string where;
  EXPECT_EQ(error_code_of([&] { (void)read_lm_word_lists(dir.path()); }, &where),
            ErrorCode::kResource);
  EXPECT_EQ(where, (dir.path() / "LM2018_Superfluous.txt").string());
}

TEST(LmReaders, WordListErrors) {
  testing::TempDir dir;
  write(dir.path() / "LM_Positive.txt", "\n\n  \n");
  EXPECT_EQ(error_code_of([&] { (void)load_lm_lexicon(dir.path() / "LM_Positive.txt"); }),
            ErrorCode::kParse);
  write(dir.path() / "words.txt", "GOOD\n");
  EXPECT_EQ(error_code_of([&] { (void)load_lm_lexicon(dir.path() / "words.txt"); }),
            ErrorCode::kResource);
  EXPECT_EQ(error_code_of([&] { (void)load_lm_lexicon(dir.path() / "missing_Negative.txt"); }),
            ErrorCode::kResource);
  testing::TempDir empty;
  EXPECT_EQ(error_code_of([&] { (void)read_lm_word_lists(empty.path()); }), ErrorCode::kResource);
  EXPECT_EQ(error_code_of([&] { (void)read_lm_word_lists(empty.path() / "nope"); }),
            ErrorCode::kResource);
}

TEST(LmReaders, CategoryFromFileName) {
  struct Case {
    const char* name;
    std::optional<LmCategory> category;
  };
  const Case cases[] = {
      {"LM2018_Negative.txt", LmCategory::kNegative},
      {"LM2018_StrongModal.txt", LmCategory::kStrongModal},
      {"Loughran-McDonald_Strong_Modal.txt", LmCategory::kStrongModal},
      {"constraining.txt", LmCategory::kConstraining},
      {"LM2018_Superfluous.txt", std::nullopt},
      {"Documentation.txt", std::nullopt},
  };
  for (const Case& c : cases)
    EXPECT_EQ(lm_category_from_file_name(c.name), c.category) << c.name;
}

}  // namespace
}  // namespace secnlp::corpora
