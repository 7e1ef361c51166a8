#include "pipeline/config.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "pipeline/resources.h"
#include "pipeline/stage.h"

namespace secnlp::pipeline {
namespace {

TEST(ConfigTest, ParsesStagesAndOptions) {
  auto config = parse_pipeline_config(R"(
stages = ["decode", "html", "clean"]
[html]
remove_numeric_tables = false
numeric_table_threshold = 0.2
[clean]
disable = ["urls"]
[[clean.rules]]
name = "dollar"
pattern = '\$'
replace = " dollar "
)",
                                      "p.toml");
  EXPECT_EQ(config.stages, (std::vector<std::string>{"decode", "html", "clean"}));
  StageOptions html = config.options_for("html");
  EXPECT_FALSE(html.get_bool("remove_numeric_tables", true));
  EXPECT_DOUBLE_EQ(html.get_double("numeric_table_threshold", 0.1), 0.2);
  EXPECT_NO_THROW(html.reject_unknown());
  StageOptions clean = config.options_for("clean");
  EXPECT_EQ(clean.get_strings("disable"), std::vector<std::string>{"urls"});
  auto rules = clean.get_tables("rules");
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0]["pattern"], "\\$");
  EXPECT_EQ(rules[0]["replace"], " dollar ");
}

TEST(ConfigTest, UnreadKeyIsRejectedByName) {
  auto config =
      parse_pipeline_config("stages=[\"html\"]\n[html]\nremove_numric_tables = true\n", "p.toml");
  StageOptions html = config.options_for("html");
  html.get_bool("remove_numeric_tables", true);
  try {
    html.reject_unknown();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConfig);
    EXPECT_NE(std::string(e.what()).find("remove_numric_tables"), std::string::npos);
  }
}

TEST(ConfigTest, WrongTypeNamesStageAndKey) {
  auto config = parse_pipeline_config("stages=[\"html\"]\n[html]\ndrop_hidden = \"yes\"\n", "p");
  try {
    config.options_for("html").get_bool("drop_hidden", true);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'html'"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("drop_hidden"), std::string::npos);
  }
}

TEST(ConfigTest, RejectsMalformedFiles) {
  const std::vector<std::string> bad = {
      "stages = [",                            // TOML syntax
      "stages = \"html\"",                     // not a list
      "stages = [1, 2]",                       // not strings
      "stages = [\"html\"]\nfoo = 3\n",        // stray top-level key
      "stages = [\"html\"]\n[tokens]\nx=1\n",  // options for an unlisted stage
  };
  for (const auto& text : bad) {
    try {
      parse_pipeline_config(text, "bad.toml");
      ADD_FAILURE() << "accepted: " << text;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kConfig) << text;
      EXPECT_EQ(e.path(), "bad.toml") << text;
    }
  }
}

// Values that make no sense are refused with kConfig naming the stage and the option.
struct SenselessCase {
  const char* stage;
  std::string toml;    // the stage's table body
  const char* option;  // expected in the message
};

class SenselessOptionTest : public ::testing::TestWithParam<SenselessCase> {};

TEST_P(SenselessOptionTest, RefusedNamingStageAndOption) {
  const auto& c = GetParam();
  const auto config = parse_pipeline_config(
      fmt::format("stages = [\"{}\"]\n[{}]\n{}\n", c.stage, c.stage, c.toml), "p.toml");
  const StageRegistry registry = builtin_stages();
  const StageInfo* info = registry.find(c.stage);
  ASSERT_NE(info, nullptr);
  Resources resources;
  try {
    info->factory(config.options_for(c.stage), resources);
    ADD_FAILURE() << "accepted: " << c.toml;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConfig) << e.what();
    EXPECT_NE(std::string(e.what()).find(fmt::format("'{}'", c.stage)), std::string::npos)
        << e.what();
    EXPECT_NE(std::string(e.what()).find(c.option), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, SenselessOptionTest,
    ::testing::Values(
        SenselessCase{"html", "numeric_table_threshold = -5", "numeric_table_threshold"},
        SenselessCase{"html", "numeric_table_threshold = 1.5", "numeric_table_threshold"},
        SenselessCase{"html", "numeric_table_threshold = nan", "numeric_table_threshold"},
        SenselessCase{"terms", "min_length = -1", "min_length"},
        SenselessCase{"counts", "ngram_max = 4294967297", "ngram_max"},
        SenselessCase{"counts", "ngram_min = 0", "ngram_min"}));

// fuzz_pipeline_toml's reproducer: a float too large for an integer in an array of tables
// (reading it as an integer first was undefined behaviour); its text is the float's.
TEST(ConfigTest, HugeFloatInATableArrayIsReadAsItsText) {
  try {
    const auto config = parse_pipeline_config(
        "# et\n[[9clean.ru]]      #\nnumd = 6999999999999999999999999999999902362.0 #",
        "fuzz.toml");
    (void)config;
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConfig) << e.what();  // refused by name, never UB
  }
  // The old conversion turned 7e40 into INT64_MIN's digits on x86.
  const auto config = parse_pipeline_config(
      "stages = [\"clean\"]\n[[clean.rules]]\nname = 7e40\npattern = 12\nreplace = 3.0\n",
      "p.toml");
  const auto rules = config.options_for("clean").get_tables("rules");
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].at("name"), "7e+40");
  EXPECT_EQ(rules[0].at("pattern"), "12");
  EXPECT_EQ(rules[0].at("replace"), "3");
}

TEST(ConfigTest, EmptyStageListIsRefused) {
  try {
    parse_pipeline_config("stages = []\n", "p.toml");
    FAIL() << "accepted stages = []";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConfig);
    EXPECT_NE(std::string(e.what()).find("'stages' is empty"), std::string::npos) << e.what();
  }
}

TEST(ConfigTest, HashChangesWithOptionsAndOrder) {
  auto a = parse_pipeline_config("stages=[\"a\",\"b\"]\n", "x");
  auto b = parse_pipeline_config("stages=[\"b\",\"a\"]\n", "x");
  auto c = parse_pipeline_config("stages=[\"a\",\"b\"]\n[a]\nk=1\n", "x");
  auto a2 = parse_pipeline_config("stages = [ \"a\", \"b\" ]  # same\n", "y");
  EXPECT_NE(a.hash(), b.hash());
  EXPECT_NE(a.hash(), c.hash());
  EXPECT_EQ(a.hash(), a2.hash());
}

TEST(ConfigTest, MissingFileIsIoError) {
  try {
    load_pipeline_config("/nonexistent/pipeline.toml");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kIo);
  }
}

}  // namespace
}  // namespace secnlp::pipeline
