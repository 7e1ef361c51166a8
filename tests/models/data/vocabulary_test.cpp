#include "models/data/vocabulary.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/error.h"

namespace secnlp::models {
namespace {

using Docs = std::vector<std::vector<std::string>>;
using Ids = std::vector<std::int64_t>;

// Counts: a 3, b 2 (seen first), c 2, d 1, e 1. Keras' order: a, b, c, d, e.
const Docs kCorpus = {{"b", "a", "c", "a"}, {"c", "d", "a"}, {"e", "b"}};

VocabularyOptions opts(std::size_t num_words, std::size_t min_frequency, std::size_t skip_top,
                       std::string oov = "<oov>") {
  return {num_words, min_frequency, skip_top, std::move(oov)};
}

std::vector<std::string> all_tokens(const Vocabulary& v) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < v.size(); ++i)
    out.push_back(v.token(static_cast<std::int64_t>(i)));
  return out;
}

TEST(VocabularyTest, BuildsKerasOrder) {
  const struct {
    const char* name;
    Docs docs;
    VocabularyOptions options;
    std::vector<std::string> tokens;  // in id order
  } cases[] = {
      {"all", kCorpus, {}, {"<pad>", "<oov>", "a", "b", "c", "d", "e"}},
      {"num_words", kCorpus, opts(4, 1, 0), {"<pad>", "<oov>", "a", "b"}},
      {"num_words_larger_than_corpus",
       kCorpus,
       opts(100, 1, 0),
       {"<pad>", "<oov>", "a", "b", "c", "d", "e"}},
      {"num_words_2", kCorpus, opts(2, 1, 0), {"<pad>", "<oov>"}},
      {"min_frequency", kCorpus, opts(0, 2, 0), {"<pad>", "<oov>", "a", "b", "c"}},
      {"min_frequency_0_keeps_all",
       kCorpus,
       opts(0, 0, 0),
       {"<pad>", "<oov>", "a", "b", "c", "d", "e"}},
      {"min_frequency_above_all", kCorpus, opts(0, 4, 0), {"<pad>", "<oov>"}},
      {"skip_top", kCorpus, opts(0, 1, 1), {"<pad>", "<oov>", "b", "c", "d", "e"}},
      {"skip_top_then_num_words", kCorpus, opts(4, 1, 1), {"<pad>", "<oov>", "b", "c"}},
      {"skip_top_all", kCorpus, opts(0, 1, 9), {"<pad>", "<oov>"}},
      {"all_options", kCorpus, opts(3, 2, 1), {"<pad>", "<oov>", "b"}},
      {"ties_by_first_occurrence", {{"z", "y", "x"}, {"x"}}, {}, {"<pad>", "<oov>", "x", "z", "y"}},
      {"custom_oov", kCorpus, opts(3, 1, 0, "[UNK]"), {"<pad>", "[UNK]", "a"}},
      {"reserved_tokens_not_ranked",
       {{"<pad>", "<oov>", "", "<oov>", "w"}},
       {},
       {"<pad>", "<oov>", "w"}},
      {"empty_corpus", {}, {}, {"<pad>", "<oov>"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const Vocabulary v = Vocabulary::build(c.docs, c.options);
    EXPECT_EQ(all_tokens(v), c.tokens);
    EXPECT_EQ(v.size(), c.tokens.size());
    for (std::size_t i = 2; i < c.tokens.size(); ++i)
      EXPECT_EQ(v.id(c.tokens[i]), static_cast<std::int64_t>(i));
  }
}

TEST(VocabularyTest, EncodesUnknownAndSkippedAsOov) {
  const Vocabulary v = Vocabulary::build(kCorpus, opts(5, 1, 1));  // <pad> <oov> b c d
  EXPECT_EQ(v.encode({"a", "b", "c", "d", "e", "zz", "<pad>", "<oov>", ""}),
            (Ids{1, 2, 3, 4, 1, 1, 1, 1, 1}));
  EXPECT_EQ(v.encode({}), Ids{});
}

TEST(VocabularyTest, RejectsBadOptionsAndIds) {
  const struct {
    const char* name;
    VocabularyOptions options;
  } cases[] = {
      {"num_words_1", opts(1, 1, 0)},
      {"empty_oov", opts(0, 1, 0, "")},
      {"oov_is_padding", opts(0, 1, 0, "<pad>")},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      Vocabulary::build(kCorpus, c.options);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    }
  }
  const Vocabulary v = Vocabulary::build(kCorpus, {});
  for (const std::int64_t id : {std::int64_t{-1}, static_cast<std::int64_t>(v.size())}) {
    SCOPED_TRACE(id);
    try {
      (void)v.token(id);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    }
  }
}

class VocabularyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("secnlp_vocab_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::filesystem::path write(const std::string& name, const std::string& content) {
    const auto path = dir_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  std::filesystem::path dir_;
};

TEST_F(VocabularyFileTest, RoundTripsWithEscapes) {
  const Docs docs = {
      {"x\ny", "tab\there", "back\\slash", "cr\rx", "\\n", "\xC3\xA9t\xC3\xA9", "plain", "plain"}};
  const Vocabulary v = Vocabulary::build(docs, opts(0, 1, 0, "[UNK]"));
  const auto path = dir_ / "vocab.txt";
  v.save(path);
  const Vocabulary r = Vocabulary::load(path, v.size());
  EXPECT_EQ(all_tokens(r), all_tokens(v));
  EXPECT_EQ(r.options().oov_token, "[UNK]");
  for (const auto& t : docs[0])
    EXPECT_EQ(r.id(t), v.id(t)) << t;

  std::ifstream in(path, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text,
            "secnlp-vocabulary 1\n<pad>\n[UNK]\nplain\nx\\ny\ntab\\there\nback\\\\slash\n"
            "cr\\rx\n\\\\n\n\xC3\xA9t\xC3\xA9\n");
}

TEST_F(VocabularyFileTest, RejectsCorruptFiles) {
  const struct {
    const char* name;
    std::string content;
    std::size_t expected_size;
  } cases[] = {
      {"empty", "", 0},
      {"wrong_magic", "secnlp-vocab 1\n<pad>\n<oov>\n", 0},
      {"wrong_version", "secnlp-vocabulary 2\n<pad>\n<oov>\n", 0},
      {"version_prefix", "secnlp-vocabulary 10\n<pad>\n<oov>\n", 0},
      {"header_only", "secnlp-vocabulary 1\n", 0},
      {"header_without_newline", "secnlp-vocabulary 1", 0},
      {"only_padding", "secnlp-vocabulary 1\n<pad>\n", 0},
      {"truncated_mid_line", "secnlp-vocabulary 1\n<pad>\n<oov>\nprof", 0},
      {"duplicate", "secnlp-vocabulary 1\n<pad>\n<oov>\na\nb\na\n", 0},
      {"oov_is_padding", "secnlp-vocabulary 1\n<pad>\n<pad>\n", 0},
      {"first_not_padding", "secnlp-vocabulary 1\n<oov>\n<pad>\na\n", 0},
      {"empty_line", "secnlp-vocabulary 1\n<pad>\n<oov>\n\na\n", 0},
      {"unknown_escape", "secnlp-vocabulary 1\n<pad>\n<oov>\na\\q\n", 0},
      {"dangling_escape", "secnlp-vocabulary 1\n<pad>\n<oov>\na\\\n", 0},
      {"crlf", "secnlp-vocabulary 1\r\n<pad>\r\n<oov>\r\n", 0},
      {"raw_cr_in_token", "secnlp-vocabulary 1\n<pad>\n<oov>\na\rb\n", 0},
      {"cut_at_line_boundary", "secnlp-vocabulary 1\n<pad>\n<oov>\na\n", 5},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto path = write(std::string(c.name) + ".txt", c.content);
    try {
      Vocabulary::load(path, c.expected_size);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kResource) << e.what();
      EXPECT_EQ(e.path(), path.string());
    }
  }
}

TEST_F(VocabularyFileTest, AcceptsMinimalFileAndReportsMissingFile) {
  const auto path = write("min.txt", "secnlp-vocabulary 1\n<pad>\n<oov>\n");
  EXPECT_EQ(Vocabulary::load(path, 2).size(), 2u);
  try {
    Vocabulary::load(dir_ / "missing.txt");
    ADD_FAILURE() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
    EXPECT_EQ(e.path(), (dir_ / "missing.txt").string());
  }
}

TEST(PaddingTest, ParsesNames) {
  EXPECT_EQ(parse_padding("pre"), Padding::kPre);
  EXPECT_EQ(parse_padding("post"), Padding::kPost);
  for (const char* bad : {"", "Pre", "POST", "both", "pre "}) {
    SCOPED_TRACE(bad);
    EXPECT_THROW(parse_padding(bad), Error);
  }
}

// Expected rows by hand from Keras' pad_sequences documentation: truncating "pre" keeps the
// last `maxlen` values, "post" the first; padding "pre" puts the zeros first, "post" last.
TEST(PaddingTest, PadsAndTruncatesLikeKeras) {
  const Ids five = {11, 12, 13, 14, 15};
  const struct {
    const char* name;
    Ids ids;
    std::size_t length;
    Padding padding, truncating;
    Ids expected;
    std::size_t kept;
  } cases[] = {
      {"truncate_pre_pad_pre", five, 3, Padding::kPre, Padding::kPre, {13, 14, 15}, 3},
      {"truncate_pre_pad_post", five, 3, Padding::kPost, Padding::kPre, {13, 14, 15}, 3},
      {"truncate_post_pad_pre", five, 3, Padding::kPre, Padding::kPost, {11, 12, 13}, 3},
      {"truncate_post_pad_post", five, 3, Padding::kPost, Padding::kPost, {11, 12, 13}, 3},
      {"pad_pre", five, 7, Padding::kPre, Padding::kPre, {0, 0, 11, 12, 13, 14, 15}, 5},
      {"pad_post", five, 7, Padding::kPost, Padding::kPre, {11, 12, 13, 14, 15, 0, 0}, 5},
      {"pad_post_truncate_post",
       five,
       7,
       Padding::kPost,
       Padding::kPost,
       {11, 12, 13, 14, 15, 0, 0},
       5},
      {"exact", five, 5, Padding::kPre, Padding::kPost, five, 5},
      {"length_1_pre", five, 1, Padding::kPost, Padding::kPre, {15}, 1},
      {"length_1_post", five, 1, Padding::kPre, Padding::kPost, {11}, 1},
      {"empty_row", {}, 3, Padding::kPre, Padding::kPre, {0, 0, 0}, 0},
      {"length_0", five, 0, Padding::kPre, Padding::kPre, {}, 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Ids out(c.length, -7);
    std::size_t kept = 99;
    pad_sequence(c.ids, c.length, c.padding, c.truncating, out, &kept);
    EXPECT_EQ(out, c.expected);
    EXPECT_EQ(kept, c.kept);
    Ids again(c.length, -7);
    pad_sequence(c.ids, c.length, c.padding, c.truncating, again, nullptr);
    EXPECT_EQ(again, c.expected);
  }
}

TEST(PaddingTest, RejectsWrongOutputSize) {
  const Ids ids = {1, 2, 3};
  for (const std::size_t size : {0u, 2u, 4u}) {
    SCOPED_TRACE(size);
    Ids out(size);
    try {
      pad_sequence(ids, 3, Padding::kPre, Padding::kPre, out, nullptr);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument);
    }
  }
}

std::vector<Ids> rows_of_lengths(std::initializer_list<std::size_t> lengths) {
  std::vector<Ids> rows;
  for (const std::size_t n : lengths)
    rows.emplace_back(n, 2);
  return rows;
}

TEST(LengthPercentileTest, NearestRank) {
  std::vector<Ids> one_to_twenty;
  for (std::size_t n = 20; n >= 1; --n)
    one_to_twenty.emplace_back(n, 3);
  const struct {
    const char* name;
    std::vector<Ids> rows;
    double p;
    std::size_t expected;
  } cases[] = {
      {"p95_of_1_to_20", one_to_twenty, 95, 19},
      {"p100_is_max", one_to_twenty, 100, 20},
      {"p50", one_to_twenty, 50, 10},
      {"p0_is_min", one_to_twenty, 0, 1},
      {"p50_even", rows_of_lengths({3, 1, 2, 4}), 50, 2},
      {"p51_even", rows_of_lengths({3, 1, 2, 4}), 51, 3},
      {"single", rows_of_lengths({5}), 95, 5},
      {"no_rows_gives_1", {}, 95, 1},
      {"empty_rows_give_1", rows_of_lengths({0, 0, 0}), 95, 1},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(length_percentile(c.rows, c.p), c.expected);
  }
  for (const double p : {-1.0, 100.5, std::nan("")}) {
    SCOPED_TRACE(p);
    EXPECT_THROW(length_percentile(one_to_twenty, p), Error);
  }
}

}  // namespace
}  // namespace secnlp::models
