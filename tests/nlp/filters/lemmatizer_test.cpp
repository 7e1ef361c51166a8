#include "nlp/filters/lemmatizer.h"

#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "common/error.h"
#include "corpora/resources/wordnet.h"

namespace secnlp::nlp {
namespace {

// WordNet 3.0 from Debian's wordnet-base, an installed build dependency.
const WordNetLemmatizer& lemmatizer() {
  static const WordNetLemmatizer instance(corpora::load_wordnet());
  return instance;
}

constexpr auto N = PartOfSpeech::kNoun;
constexpr auto V = PartOfSpeech::kVerb;
constexpr auto A = PartOfSpeech::kAdjective;
constexpr auto R = PartOfSpeech::kAdverb;

struct Row {
  const char* word;
  PartOfSpeech pos;
  const char* lemma;
};

// Expected values are NLTK 3.8's WordNetLemmatizer().lemmatize(word, pos).
const Row kRows[] = {
    // Exception lists.
    {"geese", N, "goose"},
    {"mice", N, "mouse"},
    {"axes", N, "ax"},  // exceptions {ax, axis}: the shorter wins
    {"ran", V, "run"},
    {"went", V, "go"},
    {"better", A, "good"},
    {"best", A, "best"},  // "best" is itself an adjective; ties keep the first
    {"better", R, "well"},
    {"aboideaux", N, "aboideaux"},  // listed, but "aboideau" is not in the index: unchanged
    {"ran", N, "ran"},              // exceptions are per part of speech
    // Detachment rules.
    {"dogs", N, "dog"},
    {"churches", N, "church"},
    {"boxes", N, "box"},
    {"leaves", N, "leaf"},
    {"flies", N, "fly"},
    {"flies", V, "fly"},
    {"firemen", N, "fireman"},
    {"running", V, "run"},
    {"running", N, "running"},
    {"loved", V, "love"},
    {"walked", V, "walk"},
    {"bigger", A, "big"},
    {"nicest", A, "nice"},
    {"earnings", N, "earnings"},  // a lemma itself, and no shorter candidate is a noun
    {"liabilities", N, "liability"},
    {"securities", N, "security"},
    {"as", N, "a"},  // "a" (vitamin A) is a noun: NLTK's well-known quirk
    {"was", V, "be"},
    {"has", V, "have"},
    {"was", N, "wa"},  // "wa" (Washington) is a noun
    {"quickly", R, "quickly"},
    {"quicklies", R, "quicklies"},  // adverbs have no detachment rules
    // Repeated rounds of rewriting ("dogs" + "s" + "s").
    {"dogsss", N, "dog"},
    // Not in WordNet, case-sensitive, multi-word expressions, empty.
    {"ebitda", N, "ebitda"},
    {"xyzzies", N, "xyzzies"},
    {"Dogs", N, "Dogs"},
    {"DOGS", N, "DOGS"},
    {"hot_dogs", N, "hot_dog"},
    {"hot dogs", N, "hot dogs"},
    {"", N, ""},
    {"", V, ""},
    {"s", N, "s"},
};

TEST(WordNetLemmatizer, Table) {
  for (const Row& r : kRows) {
    EXPECT_EQ(lemmatizer().lemmatize(r.word, r.pos), r.lemma)
        << r.word << " pos " << static_cast<int>(r.pos);
  }
}

TEST(WordNetLemmatizer, ThreadsShareOneLemmatizer) {
  const WordNetLemmatizer& l = lemmatizer();
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      std::string out;
      for (std::size_t i = 0; i < 5000; ++i) {
        const Row& r = kRows[(i + t) % std::size(kRows)];
        l.lemmatize_into(r.word, r.pos, out);
        if (out != r.lemma) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads)
    th.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(WordNetLemmatizer, DefaultIsNoun) {
  EXPECT_EQ(lemmatizer().lemmatize("geese"), "goose");
  EXPECT_EQ(lemmatizer().lemmatize("running"), "running");
}

TEST(WordNetLemmatizer, LemmatizeIntoReplacesOutput) {
  std::string out = "previous contents";
  lemmatizer().lemmatize_into("dogs", N, out);
  EXPECT_EQ(out, "dog");
  lemmatizer().lemmatize_into("ebitda", N, out);
  EXPECT_EQ(out, "ebitda");
  lemmatizer().lemmatize_into("", N, out);
  EXPECT_EQ(out, "");
}

TEST(WordNetLemmatizer, HostileWordsFinishQuickly) {
  // NLTK's candidate list grows exponentially on these; ours visits each form once.
  const std::string rows[] = {
      std::string(5000, 's'),
      [] {
        std::string w;
        for (int i = 0; i < 2000; ++i)
          w += "es";
        return w + "ing";
      }(),
      [] {
        std::string w;
        for (int i = 0; i < 1000; ++i)
          w += "shesiesmen";
        return w;
      }(),
  };
  for (const std::string& w : rows) {
    for (PartOfSpeech pos : {N, V, A, R}) {
      const std::string lemma = lemmatizer().lemmatize(w, pos);
      EXPECT_LE(lemma.size(), w.size());
    }
  }
}

TEST(WordNetLemmatizer, NullDataRejected) {
  try {
    WordNetLemmatizer l(nullptr);
    FAIL() << "accepted null data";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
  }
}

TEST(PartOfSpeech, ParseTags) {
  struct TagRow {
    const char* tag;
    std::optional<PartOfSpeech> pos;
  };
  const TagRow rows[] = {
      {"n", N},
      {"v", V},
      {"a", A},
      {"s", A},
      {"r", R},
      {"", std::nullopt},
      {"N", std::nullopt},
      {"noun", std::nullopt},
      {"j", std::nullopt},
  };
  for (const TagRow& r : rows)
    EXPECT_EQ(parse_part_of_speech(r.tag), r.pos) << r.tag;
}

TEST(PartOfSpeech, FromPenn) {
  const Row rows[] = {
      {"NN", N, ""},  {"NNS", N, ""}, {"NNP", N, ""}, {"VB", V, ""}, {"VBD", V, ""},
      {"VBG", V, ""}, {"JJ", A, ""},  {"JJR", A, ""}, {"RB", R, ""}, {"RBS", R, ""},
      {"IN", N, ""},  {"", N, ""},    {"vb", N, ""},
  };
  for (const Row& r : rows)
    EXPECT_EQ(part_of_speech_from_penn(r.word), r.pos) << r.word;
}

}  // namespace
}  // namespace secnlp::nlp
