#include "corpora/datasets/labelled_text.h"

#include <fstream>
#include <optional>

#include <gtest/gtest.h>

#include "common/error.h"
#include "common/utf8.h"
#include "tests/support/test_data.h"

namespace secnlp::corpora {
namespace {

using Strings = std::vector<std::string>;

// The rows of `data` as "class|text" strings, for compact expectations.
Strings rows_of(const LabelledTexts& data) {
  Strings out;
  for (std::size_t i = 0; i < data.size(); ++i)
    out.push_back(data.classes.at(static_cast<std::size_t>(data.labels.at(i))) + "|" +
                  data.texts[i]);
  return out;
}

void write_bytes(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<long>(bytes.size()));
}

TEST(LabelledTextTest, FormatNamesRoundTripAndUnknownNamesAreRejected) {
  for (const auto f : {TextFormat::kAuto, TextFormat::kCsv, TextFormat::kTsv, TextFormat::kJsonl,
                       TextFormat::kPhrasebank, TextFormat::kStocktwits, TextFormat::kSmsSpam,
                       TextFormat::kPolarity})
    EXPECT_EQ(parse_text_format(text_format_name(f)), f) << text_format_name(f);
  EXPECT_EQ(parse_text_format("SMS"), TextFormat::kSmsSpam);
  EXPECT_EQ(text_format_name(TextFormat::kSmsSpam), "sms");
  for (const char* bad : {"", "json", "xlsx", "csvx"}) {
    try {
      parse_text_format(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kInvalidArgument) << bad;
    }
  }
}

// One committed fixture per format, read with kAuto (format from the name) and checked whole.
struct FixtureCase {
  std::string file;
  Strings classes;
  Strings rows;  // "class|text"
  Strings ids;
  std::string id_column;
};

TEST(LabelledTextTest, ReadsEachFormatFromCommittedFixtures) {
  const std::vector<FixtureCase> cases = {
      {"quoted.csv",
       {"negative", "neutral", "positive"},
       {"negative|Revenue rose, margins fell", "positive|He said \"buy\" twice",
        "neutral|two\r\nlines", "positive|plain caf\u00e9"},
       {"a1", "a2", "a3", "a4"},
       "id"},
      {"reviews.tsv", {"0", "1", "10"}, {"1|good movie", "0|bad movie", "10|best movie"}, {}, ""},
      {"rows.jsonl",
       {"neg", "pos"},
       {"pos|up big", "neg|down \u2193", "pos|flat"},
       {"7", "x8", "9"},
       "id"},
      {"Sentences_tiny.txt",
       {"negative", "neutral", "positive"},
       {"positive|Sales rose 5 % in Espa\u00f1a .", "neutral|Contact us @ info .",
        "negative|Loss widened to \u00a33m .", "neutral|Caf\u00e9 results were flat ."},
       {},
       ""},
      {"twits.json",
       {"-2", "-1", "0", "1", "2"},
       {"2|$AAPL to the moon", "0|$TSLA \u2019meh\u2019", "-2|$X dump"},
       {"t1", "t2", "t3"},
       "timestamp"},
      {"SMSSpamCollection",
       {"ham", "spam"},
       {"ham|See you at 5\tok", "spam|WIN a prize now!!", "ham|Fine, thanks"},
       {},
       ""},
      {"polarity",
       {"neg", "pos"},
       {"neg|dull , and \u2013 worse \u2026 long .", "neg|flat .", "pos|a caf\u00e9 gem .",
        "pos|warm and \u201cfunny\u201d ."},
       {},
       ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    TextDatasetOptions options;
    options.id_column = c.id_column;
    const auto data = read_labelled_texts(testing::fixture_path("datasets/" + c.file), options);
    EXPECT_EQ(data.classes, c.classes);
    EXPECT_EQ(rows_of(data), c.rows);
    EXPECT_EQ(data.ids, c.ids);
    EXPECT_EQ(data.labels.size(), data.texts.size());
    EXPECT_TRUE(data.skipped.empty());
    for (const auto& t : data.texts)
      EXPECT_TRUE(is_valid_utf8(t)) << t;
  }
}

// Files written by the test: content in, rows or an error out.
struct ContentCase {
  std::string name;     // file name (decides the format under kAuto)
  std::string content;  // bytes
  TextFormat format = TextFormat::kAuto;
  Strings classes_option;
  std::string encoding = "auto";
  Strings classes;  // expected; empty when an error is expected
  Strings rows;
  std::optional<ErrorCode> error = std::nullopt;
  std::string message_part;  // the error message must contain it (e.g. "line 3")
};

// NUL bytes are dropped while decoding.
constexpr char kNulCsv[] = "text,label\na\0b,c\n";

TEST(LabelledTextTest, ContentTable) {
  const std::vector<ContentCase> cases = {
      // --- accepted ---
      {"a.csv",
       "text,label\n\"x\ny\",b\n\n\n\"q\",a",
       {},
       {},
       "auto",
       {"a", "b"},
       {"b|x\ny", "a|q"}},
      {"lone_cr.csv", "text,label\r\"x\",a\rz,b\r", {}, {}, "auto", {"a", "b"}, {"a|x", "b|z"}},
      // Python csv: a quote inside an unquoted field is literal; text after a closing quote stays.
      {"lenient.csv",
       "text,label\nsay \"hi\" now,a\n\"ab\"c,a\n",
       {},
       {},
       "auto",
       {"a"},
       {"a|say \"hi\" now", "a|abc"}},
      {"empty_text.csv", "text,label\n,a\n", {}, {}, "auto", {"a"}, {"a|"}},
      {"spaces.csv", " text , label \nx, pos \n", {}, {}, "auto", {"pos"}, {"pos|x"}},
      {"numeric.csv",
       "text,label\na,2\nb,-1\nc,10\nd,1.5\n",
       {},
       {},
       "auto",
       {"-1", "1.5", "2", "10"},
       {"2|a", "-1|b", "10|c", "1.5|d"}},
      {"mixed.csv",
       "text,label\na,2\nb,x\nc,10\n",
       {},
       {},
       "auto",
       {"10", "2", "x"},
       {"2|a", "x|b", "10|c"}},
      {"order.csv",
       "text,label\na,pos\nb,neg\n",
       {},
       {"pos", "neg", "neutral"},
       "auto",
       {"pos", "neg", "neutral"},
       {"pos|a", "neg|b"}},
      {"quoted.tsv",
       "text\tlabel\n\"a\tb\"\tx\nit's \"fine\"\ty\n",
       {},
       {},
       "auto",
       {"x", "y"},
       {"x|a\tb", "y|it's \"fine\""}},
      {"nums.jsonl",
       "{\"text\":\"a\",\"label\":1}\r\n{\"text\":\"b\",\"label\":-2}\n"
       "{\"text\":\"c\",\"label\":0.5}\n{\"text\":\"d\",\"label\":true}\n",
       {},
       {},
       "auto",
       {"-2", "0.5", "1", "true"},
       {"1|a", "-2|b", "0.5|c", "true|d"}},
      {"list.json",
       "[{\"message_body\":\"m\",\"sentiment\":1}]",
       {},
       {},
       "auto",
       {"-2", "-1", "0", "1", "2"},
       {"1|m"}},
      {"data.txt",
       "good@pos\nbad@neg\n",
       TextFormat::kPhrasebank,
       {"neg", "pos"},
       "auto",
       {"neg", "pos"},
       {"pos|good", "neg|bad"}},
      // Invalid UTF-8 in a UTF-8 file is repaired, not fatal.
      {"bad_utf8.csv",
       "text,label\ncaf\xc3\xa9 \xff ok \xc3\xa9,a\n",
       {},
       {},
       "utf-8",
       {"a"},
       {"a|caf\u00e9 \ufffd ok \u00e9"}},
      {"latin.csv",
       "text,label\ncaf\xe9 \x93q\x94,a\n",
       {},
       {},
       "latin-1",
       {"a"},
       {"a|caf\u00e9 \u0093q\u0094"}},
      {"cp.csv",
       "text,label\ncaf\xe9 \x93q\x94,a\n",
       {},
       {},
       "cp1252",
       {"a"},
       {"a|caf\u00e9 \u201cq\u201d"}},
      {"auto.csv",
       "text,label\ncaf\xe9 \x93q\x94,a\n",
       {},
       {},
       "auto",
       {"a"},
       {"a|caf\u00e9 \u201cq\u201d"}},
      {"Sentences_utf8.txt",
       "caf\xc3\xa9@neutral\n",
       {},
       {},
       "auto",
       {"negative", "neutral", "positive"},
       {"neutral|caf\u00e9"}},
      {"nul.csv", std::string(kNulCsv, sizeof(kNulCsv) - 1), {}, {}, "auto", {"c"}, {"c|ab"}},
      {"SMSSpamCollection.txt",
       "ham\t  hi  \r\nspam\tbuy\r\n",
       {},
       {},
       "auto",
       {"ham", "spam"},
       {"ham|hi", "spam|buy"}},
      // --- rejected: the message names the 1-based line ---
      {"unterminated.csv",
       "text,label\na,b\n\"open,b\nmore\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 3: unterminated"},
      {"missing_col.csv",
       "\n\nbody,label\nx,y\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 3: no text column 'text'"},
      {"fields.csv",
       "text,label\na,b\nc,d,e\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 3: expected 2 fields"},
      {"short.csv",
       "text,label\n\"a\nb\",x\nc\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 4: expected 2 fields"},
      {"empty_label.csv",
       "text,label\na, \n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 2: empty label"},
      {"unknown.csv",
       "text,label\na,pos\nb,meh\n",
       {},
       {"pos", "neg"},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 3: unknown label 'meh'"},
      {"header_only.csv",
       "text,label\n\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "no labelled rows"},
      {"empty.csv", "", {}, {}, "auto", {}, {}, ErrorCode::kParse, "no header row"},
      {"bad.jsonl",
       "{\"text\":\"a\",\"label\":1}\n{\"text\":\"b\",\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 2: bad JSON"},
      {"nolabel.jsonl",
       "\n{\"text\":\"a\"}\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 2: no field 'label'"},
      {"notstr.jsonl",
       "{\"text\":5,\"label\":1}\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 1: field 'text' is not a string"},
      {"arraylabel.jsonl",
       "{\"text\":\"a\",\"label\":[1]}\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 1: field 'label' is not"},
      {"notobj.jsonl",
       "[1,2]\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 1: not a JSON object"},
      {"deep.jsonl",
       std::string(100000, '[') + std::string(100000, ']') + "\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 1:"},
      {"broken.json",
       "{\"data\": [\n{\"message_body\": \"a\", \n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 3: bad JSON"},
      {"nodata.json",
       "{\"messages\": []}",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "no \"data\" array"},
      {"range.json",
       "[{\"message_body\":\"a\",\"sentiment\":1},{\"message_body\":\"b\","
       "\"sentiment\":3}]",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "entry 2: unknown label '3'"},
      {"nobody.json",
       "[{\"sentiment\":1}]",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "entry 1: no field 'message_body'"},
      {"Sentences_x.txt",
       "good@positive\n1\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 2: no '@' before the label"},
      {"Sentences_y.txt",
       "good@positive\nbad@awful\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 2: unknown label 'awful'"},
      {"SMSSpamCollection",
       "ham\thi\nspam hi\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 2: no tab"},
      {"SMSSpamCollection2",
       "ham\thi\nphish\thi\n",
       {},
       {},
       "auto",
       {},
       {},
       ErrorCode::kParse,
       "line 2: unknown label 'phish'"},
      {"blank.jsonl", "\n \n", {}, {}, "auto", {}, {}, ErrorCode::kParse, "no labelled rows"},
      // --- rejected: options ---
      {"notes.txt", "a@b\n", {}, {}, "auto", {}, {}, ErrorCode::kInvalidArgument, "--format"},
      {"enc.csv",
       "text,label\na,b\n",
       {},
       {},
       "ebcdic",
       {},
       {},
       ErrorCode::kInvalidArgument,
       "unknown encoding"},
      {"dup.csv",
       "text,label\na,b\n",
       {},
       {"b", "b"},
       "auto",
       {},
       {},
       ErrorCode::kInvalidArgument,
       "listed twice"},
  };
  testing::TempDir dir;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const auto path = dir.path() / c.name;
    write_bytes(path, c.content);
    TextDatasetOptions options;
    options.format = c.format;
    options.classes = c.classes_option;
    options.encoding = c.encoding;
    if (!c.error) {
      try {
        const auto data = read_labelled_texts(path, options);
        EXPECT_EQ(data.classes, c.classes);
        EXPECT_EQ(rows_of(data), c.rows);
        EXPECT_TRUE(data.ids.empty());
      } catch (const Error& e) {
        ADD_FAILURE() << "unexpected error: " << e.what();
      }
      continue;
    }
    try {
      read_labelled_texts(path, options);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), *c.error) << e.what();
      EXPECT_NE(std::string(e.message()).find(c.message_part), std::string::npos) << e.what();
      if (*c.error == ErrorCode::kParse) {
        EXPECT_EQ(e.path(), path.string());
        EXPECT_NE(std::string(e.what()).find(c.name), std::string::npos) << e.what();
      }
    }
  }
}

// Found by fuzz_labelled_text: a StockTwits file whose number overflows a double made
// nlohmann::json throw out_of_range (not a parse_error), which escaped as an internal error.
TEST(LabelledTextTest, StocktwitsNumberTooLargeIsAParseError) {
  const secnlp::testing::TempDir dir;
  const auto path = dir.path() / "big.json";
  write_bytes(path, std::string("{\"data\": ") + std::string(68, '4') + "E" + std::string(47, '4') +
                        "Entiment\":");
  for (const bool skip : {false, true}) {
    TextDatasetOptions options;
    options.format = TextFormat::kStocktwits;
    options.skip_bad_lines = skip;
    try {
      read_labelled_texts(path, options);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kParse) << e.what();
      EXPECT_EQ(e.path(), path.string());
      EXPECT_NE(e.message().find("bad JSON"), std::string::npos) << e.message();
    }
  }
}

TEST(LabelledTextTest, SkipBadLinesRecordsThemInsteadOfThrowing) {
  struct Case {
    std::string name;
    std::string content;
    Strings classes_option;
    Strings rows;
    Strings skipped;
  };
  const std::vector<Case> cases = {
      {"Sentences_s.txt",
       "good@positive\n1\nbad@negative\nx@awful\n",
       {},
       {"positive|good", "negative|bad"},
       {"line 2: no '@' before the label",
        "line 4: unknown label 'awful' (classes: negative, neutral, positive)"}},
      {"s.csv",
       "text,label\na,b\nc,d,e\nf,\n",
       {},
       {"b|a"},
       {"line 3: expected 2 fields as in the header, found 3", "line 4: empty label"}},
      {"s.jsonl",
       "{\"text\":\"a\",\"label\":\"x\"}\n{oops\n{\"text\":\"b\",\"label\":\"y\"}\n",
       {"x"},
       {"x|a"},
       {}},  // skipped messages carry nlohmann's text; counted below
  };
  testing::TempDir dir;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    write_bytes(dir.path() / c.name, c.content);
    TextDatasetOptions options;
    options.skip_bad_lines = true;
    options.classes = c.classes_option;
    const auto data = read_labelled_texts(dir.path() / c.name, options);
    EXPECT_EQ(rows_of(data), c.rows);
    if (c.name == "s.jsonl") {
      ASSERT_EQ(data.skipped.size(), 2u);
      EXPECT_TRUE(data.skipped[0].starts_with("line 2: bad JSON")) << data.skipped[0];
      EXPECT_TRUE(data.skipped[1].starts_with("line 3: unknown label 'y'")) << data.skipped[1];
    } else {
      EXPECT_EQ(data.skipped, c.skipped);
    }
  }
  // An unterminated quote cannot be skipped: nothing after it can be trusted.
  write_bytes(dir.path() / "u.csv", "text,label\n\"a,b\n");
  TextDatasetOptions options;
  options.skip_bad_lines = true;
  EXPECT_THROW(read_labelled_texts(dir.path() / "u.csv", options), Error);
}

TEST(LabelledTextTest, PolarityDirectories) {
  testing::TempDir dir;
  const auto root = dir.path();
  write_bytes(root / "p/b.pos", "nice\n");
  write_bytes(root / "p/a.neg", "awful\n\n");
  write_bytes(root / "p/more.neg", "worse\n");
  write_bytes(root / "p/.hidden", "x\n");
  write_bytes(root / "p/README.txt", "x\n");
  write_bytes(root / "p/LICENSE.txt", "x\n");
  write_bytes(root / "p/sub/c.pos", "x\n");
  write_bytes(root / "stems/neutral.txt", "meh\n");
  write_bytes(root / "stems/angry", "grr\n");
  std::filesystem::create_directories(root / "empty");
  write_bytes(root / "only_readme/README.txt", "x\n");
  write_bytes(root / "file.neg", "x\n");

  auto data = read_labelled_texts(root / "p");
  EXPECT_EQ(data.classes, (Strings{"neg", "pos"}));
  EXPECT_EQ(rows_of(data), (Strings{"neg|awful", "neg|worse", "pos|nice"}));

  data = read_labelled_texts(root / "stems");
  EXPECT_EQ(data.classes, (Strings{"angry", "neutral"}));
  EXPECT_EQ(rows_of(data), (Strings{"angry|grr", "neutral|meh"}));

  TextDatasetOptions order;
  order.classes = {"pos", "neg"};
  data = read_labelled_texts(root / "p", order);
  EXPECT_EQ(data.classes, (Strings{"pos", "neg"}));
  EXPECT_EQ(data.labels, (std::vector<int>{1, 1, 0}));

  struct Rejected {
    std::filesystem::path path;
    TextDatasetOptions options;
    ErrorCode code;
    std::string path_in_error;
    std::string message_part;
  };
  TextDatasetOptions only_pos;
  only_pos.classes = {"pos"};
  TextDatasetOptions polarity;
  polarity.format = TextFormat::kPolarity;
  TextDatasetOptions csv;
  csv.format = TextFormat::kCsv;
  const std::vector<Rejected> rejected = {
      {root / "empty", {}, ErrorCode::kParse, (root / "empty").string(), "no class files"},
      {root / "only_readme",
       {},
       ErrorCode::kParse,
       (root / "only_readme").string(),
       "no class files"},
      {root / "p", only_pos, ErrorCode::kParse, (root / "p/a.neg").string(),
       "line 1: unknown label 'neg'"},
      {root / "file.neg", polarity, ErrorCode::kIo, (root / "file.neg").string(), "directory"},
      {root / "p", csv, ErrorCode::kIo, (root / "p").string(), ""},
      {root / "missing.csv", {}, ErrorCode::kIo, (root / "missing.csv").string(), ""},
  };
  for (const auto& r : rejected) {
    SCOPED_TRACE(r.path.string());
    try {
      read_labelled_texts(r.path, r.options);
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), r.code) << e.what();
      EXPECT_EQ(e.path(), r.path_in_error) << e.what();
      EXPECT_NE(e.message().find(r.message_part), std::string::npos) << e.what();
    }
  }
}

TEST(LabelledTextTest, JoinLabelsById) {
  testing::TempDir dir;
  write_bytes(dir.path() / "labels.csv",
              "accession,sentiment,note\n0001-22-1, neg ,x\n0001-22-2,pos,\"a, b\"\n"
              "0001-22-9,neutral,unused\n0001-22-1,neg,again\n");
  write_bytes(dir.path() / "labels.tsv", "id\tlabel\nk1\t2\nk2\t10\n");
  const std::vector<std::pair<std::string, std::string>> sections = {
      {"0001-22-2", "item 7 text"},
      {"0001-22-3", "unlabelled"},
      {" 0001-22-1", "item 1a text"},
      {"0001-22-2", "item 1 text"},
  };
  auto data = join_labels_by_id(sections, dir.path() / "labels.csv", "accession", "sentiment");
  EXPECT_EQ(data.classes, (Strings{"neg", "neutral", "pos"}));
  EXPECT_EQ(rows_of(data), (Strings{"pos|item 7 text", "neg|item 1a text", "pos|item 1 text"}));
  EXPECT_EQ(data.ids, (Strings{"0001-22-2", "0001-22-1", "0001-22-2"}));

  data = join_labels_by_id({{"k2", "t2"}, {"k1", "t1"}}, dir.path() / "labels.tsv", "id", "label");
  EXPECT_EQ(data.classes, (Strings{"2", "10"}));
  EXPECT_EQ(data.labels, (std::vector<int>{1, 0}));

  write_bytes(dir.path() / "conflict.csv", "id,label\na,x\n\nb,y\na,z\n");
  write_bytes(dir.path() / "noid.csv", "id,label\n,x\n");
  struct Rejected {
    std::string file;
    std::string id_column;
    ErrorCode code;
    std::string message_part;
  };
  const std::vector<Rejected> rejected = {
      {"conflict.csv", "id", ErrorCode::kParse,
       "line 5: id 'a' has label 'z' here and 'x' on line 2"},
      {"noid.csv", "id", ErrorCode::kParse, "line 2: empty id"},
      {"labels.csv", "cik", ErrorCode::kParse, "line 1: no id column 'cik'"},
      {"labels.tsv", "id", ErrorCode::kParse, "none of the 1 ids"},
      {"absent.csv", "id", ErrorCode::kIo, ""},
  };
  for (const auto& r : rejected) {
    SCOPED_TRACE(r.file);
    const auto path = dir.path() / r.file;
    try {
      join_labels_by_id({{"zz", "t"}}, path, r.id_column, "label");
      ADD_FAILURE() << "accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), r.code) << e.what();
      EXPECT_EQ(e.path(), path.string());
      EXPECT_NE(e.message().find(r.message_part), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace secnlp::corpora
