#include "nlp/tagging/entity_spans.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace secnlp::nlp {
namespace {

using Tags = std::vector<std::string>;
using Spans = std::vector<EntitySpan>;

TEST(EntitySpansTest, TagsToSpansFollowsConlleval) {
  struct Case {
    Tags tags;
    Spans spans;
  };
  const std::vector<Case> cases = {
      {{}, {}},
      {{"O", "O"}, {}},
      // IO: a run of one type is one entity; a change of type starts another.
      {{"I-PER", "I-PER", "O", "I-ORG"}, {{0, 2, "PER"}, {3, 4, "ORG"}}},
      {{"I-PER", "I-ORG", "I-ORG"}, {{0, 1, "PER"}, {1, 3, "ORG"}}},
      // BIO: B starts an entity even after I of the same type.
      {{"B-PER", "I-PER", "B-PER", "O"}, {{0, 2, "PER"}, {2, 3, "PER"}}},
      // Ill-formed BIO, read leniently: O I-X starts an entity; I-Y after B-X starts another.
      {{"O", "I-LOC", "I-LOC"}, {{1, 3, "LOC"}}},
      {{"B-LOC", "I-ORG"}, {{0, 1, "LOC"}, {1, 2, "ORG"}}},
      // IOBES.
      {{"S-PER", "B-ORG", "I-ORG", "E-ORG", "S-ORG"},
       {{0, 1, "PER"}, {1, 4, "ORG"}, {4, 5, "ORG"}}},
      // An E after E starts a new one-token entity (conlleval).
      {{"B-X", "E-X", "E-X"}, {{0, 2, "X"}, {2, 3, "X"}}},
      // Ends at the sentence end; invalid tags count as O.
      {{"O", "B-MISC"}, {{1, 2, "MISC"}}},
      {{"B-PER", "junk", "I-PER"}, {{0, 1, "PER"}, {2, 3, "PER"}}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(tags_to_spans(c.tags), c.spans) << ::testing::PrintToString(c.tags);
}

TEST(EntitySpansTest, SpansToTagsInEachScheme) {
  const Spans spans = {{0, 1, "PER"}, {1, 4, "ORG"}, {5, 7, "LOC"}};
  EXPECT_EQ(spans_to_tags(spans, 7, TagScheme::kIo),
            (Tags{"I-PER", "I-ORG", "I-ORG", "I-ORG", "O", "I-LOC", "I-LOC"}));
  EXPECT_EQ(spans_to_tags(spans, 7, TagScheme::kBio),
            (Tags{"B-PER", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "I-LOC"}));
  EXPECT_EQ(spans_to_tags(spans, 7, TagScheme::kIobes),
            (Tags{"S-PER", "B-ORG", "I-ORG", "E-ORG", "O", "B-LOC", "E-LOC"}));
  // Round trips (IO merges adjacent same-type entities, so it is checked without them).
  for (auto scheme : {TagScheme::kBio, TagScheme::kIobes})
    EXPECT_EQ(tags_to_spans(spans_to_tags(spans, 7, scheme)), spans);
  EXPECT_EQ(convert_tags({"B-X", "B-X"}, TagScheme::kIo), (Tags{"I-X", "I-X"}));
  EXPECT_EQ(convert_tags({"I-X", "I-X", "O", "I-Y"}, TagScheme::kIobes),
            (Tags{"B-X", "E-X", "O", "S-Y"}));
  EXPECT_THROW(spans_to_tags({{2, 2, "X"}}, 3, TagScheme::kBio), Error);
  EXPECT_THROW(spans_to_tags({{0, 4, "X"}}, 3, TagScheme::kBio), Error);
  EXPECT_THROW(spans_to_tags({{0, 2, "X"}, {1, 3, "Y"}}, 3, TagScheme::kBio), Error);
}

TEST(EntitySpansTest, SchemesParseAndDetect) {
  EXPECT_EQ(parse_tag_scheme("IOB2"), TagScheme::kBio);
  EXPECT_EQ(parse_tag_scheme("bioes"), TagScheme::kIobes);
  EXPECT_EQ(parse_tag_scheme("io"), TagScheme::kIo);
  EXPECT_THROW(parse_tag_scheme("bilou2"), Error);
  EXPECT_EQ(detect_tag_scheme({"O", "I-X"}), TagScheme::kIo);
  EXPECT_EQ(detect_tag_scheme({"B-X", "I-X"}), TagScheme::kBio);
  EXPECT_EQ(detect_tag_scheme({"B-X", "E-X"}), TagScheme::kIobes);
  EXPECT_EQ(detect_tag_scheme({"S-X"}), TagScheme::kIobes);
  EXPECT_FALSE(parse_tag("X-ORG").valid);
  EXPECT_FALSE(parse_tag("B-").valid);
  EXPECT_FALSE(parse_tag("").valid);
  EXPECT_EQ(parse_tag("I-ORG").type, "ORG");
}

TEST(EntitySpansTest, TransitionTables) {
  const auto bio = scheme_labels({"LOC", "PER"}, TagScheme::kBio);
  EXPECT_EQ(bio, (Tags{"O", "B-LOC", "I-LOC", "B-PER", "I-PER"}));
  const TransitionTable t(bio, TagScheme::kBio);
  EXPECT_TRUE(t.can_start(0));
  EXPECT_TRUE(t.can_start(1));
  EXPECT_FALSE(t.can_start(2));
  EXPECT_TRUE(t.allowed(1, 2));   // B-LOC I-LOC
  EXPECT_TRUE(t.allowed(2, 2));   // I-LOC I-LOC
  EXPECT_FALSE(t.allowed(0, 2));  // O I-LOC
  EXPECT_FALSE(t.allowed(3, 2));  // B-PER I-LOC
  EXPECT_TRUE(t.allowed(2, 3));   // I-LOC B-PER
  EXPECT_TRUE(t.valid_sequence({0, 1, 2, 2, 0, 3}));
  EXPECT_FALSE(t.valid_sequence({2}));
  EXPECT_FALSE(t.valid_sequence({0, 4}));

  const auto iobes = scheme_labels({"X"}, TagScheme::kIobes);
  EXPECT_EQ(iobes, (Tags{"O", "B-X", "I-X", "E-X", "S-X"}));
  const TransitionTable e(iobes, TagScheme::kIobes);
  EXPECT_TRUE(e.valid_sequence({1, 2, 3, 0, 4}));  // B I E O S
  EXPECT_FALSE(e.valid_sequence({1}));             // ends open
  EXPECT_FALSE(e.valid_sequence({1, 0}));          // B O
  EXPECT_FALSE(e.valid_sequence({3}));             // starts with E
  EXPECT_FALSE(e.valid_sequence({4, 2, 3}));       // S I E

  const TransitionTable io(scheme_labels({"X"}, TagScheme::kIo), TagScheme::kIo);
  EXPECT_TRUE(io.valid_sequence({1, 0, 1, 1}));
}

}  // namespace
}  // namespace secnlp::nlp
