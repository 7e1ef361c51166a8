#include "nlp/tagging/ner_model.h"

#include <random>

#include <gtest/gtest.h>

#include "common/error.h"
#include "nlp/tagging/entity_scorer.h"
#include "nlp/tagging/ner_features.h"

namespace secnlp::nlp {
namespace {

std::vector<std::string_view> views(const std::vector<std::string>& v) {
  return {v.begin(), v.end()};
}

// A few dozen sentences written for this test: people, companies and places in fixed frames.
std::vector<NerExample> tiny_corpus() {
  const std::vector<std::string> people = {"John Smith", "Mary Jones", "Alan Brown",
                                           "Ruth Green", "Peter Gray", "Susan White"};
  const std::vector<std::string> orgs = {"Acme Corp",     "Globex Inc", "Initech LLC",
                                         "Umbrella Bank", "Hooli Inc",  "Vandelay Corp"};
  const std::vector<std::string> places = {"Boston",   "Texas", "New York",
                                           "Delaware", "Ohio",  "California"};
  auto split = [](const std::string& s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= s.size()) {
      const auto sp = s.find(' ', i);
      out.push_back(s.substr(i, sp == std::string::npos ? std::string::npos : sp - i));
      if (sp == std::string::npos) break;
      i = sp + 1;
    }
    return out;
  };
  std::vector<NerExample> out;
  for (std::size_t k = 0; k < 36; ++k) {
    const auto p = split(people[k % 6]), o = split(orgs[(k / 2) % 6]),
               l = split(places[(k / 3) % 6]);
    NerExample ex;
    auto add = [&](const std::vector<std::string>& words, const std::string& type) {
      for (std::size_t i = 0; i < words.size(); ++i) {
        ex.tokens.push_back(words[i]);
        ex.tags.push_back(type.empty() ? "O" : (i == 0 ? "B-" : "I-") + type);
      }
    };
    if (k % 2 == 0) {
      add(p, "PER");
      add({"joined"}, "");
      add(o, "ORG");
      add({"in"}, "");
      add(l, "LOC");
      add({"."}, "");
    } else {
      add({"The", "loan", "from"}, "");
      add(o, "ORG");
      add({"to"}, "");
      add(p, "PER");
      add({"is", "governed", "by", "the", "laws", "of"}, "");
      add(l, "LOC");
    }
    out.push_back(std::move(ex));
  }
  return out;
}

TEST(NerModelTest, TrainingConvergesOnTinyCorpus) {
  const auto data = tiny_corpus();
  std::vector<double> f1;
  const NerModel m = train_ner_model(
      data, TagScheme::kBio, {.epochs = 8, .seed = 3}, [&](int, const NerModel& avg) {
        EntityScorer s;
        for (const auto& ex : data)
          s.add(ex.tags, avg.predict_tags(views(ex.tokens), TagScheme::kBio));
        f1.push_back(s.scores().micro.f1());
        return true;
      });
  ASSERT_EQ(f1.size(), 8u);
  EXPECT_DOUBLE_EQ(f1.back(), 1.0);
  EXPECT_EQ(m.types(), (std::vector<std::string>{"LOC", "ORG", "PER"}));
  // Unseen names in a seen frame.
  const std::vector<std::string> s = {"Karen", "Black", "joined", "Zenith",
                                      "Corp",  "in",    "Ohio",   "."};
  const auto tags = m.predict_tags(views(s), TagScheme::kBio);
  EXPECT_EQ(tags[3], "B-ORG");
  EXPECT_EQ(tags[4], "I-ORG");
  EXPECT_EQ(tags[6], "B-LOC");
  const auto ents = m.predict_entities(views(s));
  ASSERT_FALSE(ents.empty());
  for (const auto& e : ents) {
    EXPECT_GE(e.score, 0.5);
    EXPECT_LE(e.score, 1.0);
  }
  // IO output of the same decode.
  EXPECT_EQ(m.predict_tags(views(s), TagScheme::kIo)[3], "I-ORG");
}

TEST(NerModelTest, BytesRoundTripAndDamageIsRefused) {
  const NerModel m = train_ner_model(tiny_corpus(), TagScheme::kIo, {.epochs = 3});
  const std::string bytes = m.to_bytes();
  const NerModel back = NerModel::from_bytes(bytes, "model.bin");
  EXPECT_EQ(back.to_bytes(), bytes);
  EXPECT_EQ(back.file_scheme(), TagScheme::kIo);
  const std::vector<std::string> s = {"Mary", "Jones", "joined", "Acme", "Corp"};
  EXPECT_EQ(back.decode(views(s)), m.decode(views(s)));
  for (std::size_t cut : {std::size_t{0}, std::size_t{5}, std::size_t{20}, bytes.size() - 1}) {
    try {
      NerModel::from_bytes(bytes.substr(0, cut), "model.bin");
      ADD_FAILURE() << "accepted " << cut << " bytes";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kResource);
      EXPECT_EQ(e.path(), "model.bin");
    }
  }
  EXPECT_THROW(NerModel::from_bytes(bytes + "x", "m"), Error);
}

TEST(NerModelTest, DecodingNeverEmitsAnInvalidSequenceOnRandomWeights) {
  // Random weights, large enough to make invalid paths attractive, on random sentences: every
  // decoded sequence must respect the BIO transition table.
  std::mt19937_64 rng(42);
  std::normal_distribution<float> normal(0.f, 5.f);
  const std::vector<std::string> vocabulary = {"Acme", "Corp", "the",      "Bank", "of",  "New",
                                               "York", ",",    "Borrower", "1999", "and", "Ms."};
  NerModel m({"LOC", "MISC", "ORG", "PER"}, TagScheme::kIo);
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint32_t> offsets;
  ner_features(views(vocabulary), hashes, offsets);
  for (int round = 0; round < 200; ++round) {
    m.fill_weights_for_test(hashes, [&] { return normal(rng); });
    const std::size_t n = 1 + rng() % 12;
    std::vector<std::string> sentence;
    for (std::size_t i = 0; i < n; ++i)
      sentence.push_back(vocabulary[rng() % vocabulary.size()]);
    const std::vector<int> labels = m.decode(views(sentence));
    ASSERT_EQ(labels.size(), n);
    const TransitionTable table(m.labels(), TagScheme::kBio);
    EXPECT_TRUE(table.valid_sequence(labels)) << "round " << round;
    for (auto scheme : {TagScheme::kBio, TagScheme::kIobes}) {
      const auto tags = m.predict_tags(views(sentence), scheme);
      std::vector<int> idx;
      const auto labels2 = scheme_labels(m.types(), scheme);
      for (const auto& t : tags)
        idx.push_back(
            static_cast<int>(std::find(labels2.begin(), labels2.end(), t) - labels2.begin()));
      EXPECT_TRUE(TransitionTable(labels2, scheme).valid_sequence(idx)) << "round " << round;
    }
  }
  EXPECT_TRUE(m.decode({}).empty());
}

TEST(NerModelTest, FeaturesAndShapes) {
  EXPECT_EQ(word_shape("Borrower"), "Xxx");
  EXPECT_EQ(word_shape("BANK"), "XX");
  EXPECT_EQ(word_shape("1999"), "dd");
  EXPECT_EQ(word_shape("U.S."), "X.X.");
  EXPECT_EQ(word_shape("McDonald"), "XxXxx");
  std::vector<std::uint64_t> a, b;
  std::vector<std::uint32_t> oa, ob;
  ner_features(views({"Acme", "Corp"}), a, oa);
  ner_features(views({"Acme", "Inc"}), b, ob);
  ASSERT_EQ(oa.size(), 3u);
  EXPECT_EQ(oa.back(), a.size());
  EXPECT_NE(a, b);        // the next word differs
  EXPECT_EQ(a[0], b[0]);  // bias
}

TEST(NerModelTest, BadTrainingDataIsRefused) {
  EXPECT_THROW(train_ner_model({}, TagScheme::kIo, {}), Error);
  EXPECT_THROW(train_ner_model({{{"a"}, {"O"}}}, TagScheme::kIo, {}), Error);  // no entities
  EXPECT_THROW(train_ner_model({{{"a", "b"}, {"I-X"}}}, TagScheme::kIo, {}), Error);
}

}  // namespace
}  // namespace secnlp::nlp
