#include "nlp/filters/stemmer.h"

#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "tests/nlp/filters/snowball3_changes.h"

namespace secnlp::nlp {
namespace {

struct StemRow {
  const char* word;
  const char* porter2;
  const char* porter;
};

// Expected values from Snowball's published outputs for the two algorithms; on these words
// Snowball 2.2 (porter2-libstemmer) and 3.x (porter2) agree.
const StemRow kRows[] = {
    {"", "", ""},
    {"caresses", "caress", "caress"},
    {"ponies", "poni", "poni"},
    {"cats", "cat", "cat"},
    {"running", "run", "run"},
    {"generously", "generous", "gener"},
    {"generalization", "general", "gener"},
    {"consolidated", "consolid", "consolid"},
    {"earnings", "earn", "earn"},
    {"liabilities", "liabil", "liabil"},
    {"fairly", "fair", "fairli"},
    {"sky", "sky", "sky"},
    {"dying", "die", "dy"},
    {"news", "news", "new"},
    {"happy", "happi", "happi"},
    {"relational", "relat", "relat"},
    {"a", "a", "a"},
    {"10-k", "10-k", "10-k"},
};

TEST(Stemmer, Porter2Table) {
  const Stemmer s;
  EXPECT_EQ(s.algorithm(), "porter2");
  for (const StemRow& r : kRows)
    EXPECT_EQ(s.stem(r.word), r.porter2) << r.word;
}

TEST(Stemmer, Porter2LibstemmerTable) {
  const Stemmer s("porter2-libstemmer");
  EXPECT_EQ(s.algorithm(), "porter2-libstemmer");
  for (const StemRow& r : kRows)
    EXPECT_EQ(s.stem(r.word), r.porter2) << r.word;
}

// Where Snowball 3 changed a stem, "porter2" gives the new one and "porter2-libstemmer" the
// one of Snowball 2.2 (checked equal to python3-snowballstemmer 2.2.0 on all 57 words).
TEST(Stemmer, Porter2VersusLibstemmerOnSnowball3Changes) {
  const Stemmer current("porter2");
  const Stemmer old("porter2-libstemmer");
  for (const fixtures::Snowball3Change& c : fixtures::kSnowball3Changes) {
    EXPECT_EQ(current.stem(c.word), c.current_stem) << c.word;
    EXPECT_EQ(old.stem(c.word), c.stem_2_2) << c.word;
  }
}

TEST(Stemmer, StemIntoReusedString) {
  for (const char* name : {"porter2", "porter2-libstemmer", "porter"}) {
    const Stemmer s(name);
    std::string out = "left over from before";
    for (const StemRow& r : kRows) {
      s.stem(r.word, out);
      EXPECT_EQ(out, s.stem(r.word)) << name << " " << r.word;
    }
  }
}

TEST(Stemmer, PorterTable) {
  const Stemmer s("porter");
  EXPECT_EQ(s.algorithm(), "porter");
  for (const StemRow& r : kRows)
    EXPECT_EQ(s.stem(r.word), r.porter) << r.word;
}

TEST(Stemmer, UnknownAlgorithmsRejected) {
  for (const char* name : {"", "english", "Porter2", "lancaster", "porter3", "snowball",
                           "porter2_libstemmer", "libstemmer", "porter2-snowball", "PORTER"}) {
    try {
      Stemmer s(name);
      ADD_FAILURE() << "accepted " << name;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kConfig) << name;
      EXPECT_NE(std::string(e.what()).find("(valid: porter2, porter2-libstemmer, porter)"),
                std::string::npos)
          << e.what();
    }
  }
}

TEST(Stemmer, ThreadsShareOneStemmer) {
  for (const char* name : {"porter2", "porter2-libstemmer"}) {
    const Stemmer s(name);
    std::vector<std::thread> threads;
    std::vector<int> mismatches(4, 0);
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < 2000; ++i) {
          const StemRow& r = kRows[static_cast<std::size_t>(i + t) % std::size(kRows)];
          if (s.stem(r.word) != r.porter2) ++mismatches[static_cast<std::size_t>(t)];
        }
      });
    }
    for (auto& th : threads)
      th.join();
    EXPECT_EQ(mismatches, std::vector<int>(4, 0)) << name;
  }
}

}  // namespace
}  // namespace secnlp::nlp
