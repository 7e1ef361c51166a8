// The entities stage end to end: a tiny NER model trained here, the sample 10-K processed with
// the stage, rows in the entities table consistent with the stored text, the query and the
// export, and the model's identity in the configuration hash.
#include <limits>

#include <gtest/gtest.h>

#include "common/error.h"
#include "models/tagging/ner_model_dir.h"
#include "pipeline/pipeline.h"
#include "pipeline/resources.h"
#include "pipeline/runner.h"
#include "pipeline/store/database.h"
#include "pipeline/store/queries.h"
#include "tests/support/test_data.h"

namespace secnlp {
namespace {

namespace fs = std::filesystem;

fs::path sample_2022() {
  return testing::fixture_path("x").parent_path().parent_path().parent_path() / "samples" /
         "northwind" / "9990001_10K_2022_0009990001-23-000011.htm";
}

// Companies and places in a few frames (IO tags), enough for the model to tag "Northwind
// Harbor" and "Norfolk" in the sample.
fs::path train_tiny_model(const fs::path& dir, int epochs = 5) {
  std::string conll;
  const std::vector<std::pair<std::string, std::string>> orgs = {
      {"Northwind", "Harbor"}, {"Acme", "Freight"}, {"Globex", "Logistics"}, {"Initech", "Marine"}};
  const std::vector<std::string> places = {"Norfolk", "California", "Richmond", "Texas"};
  for (std::size_t k = 0; k < 32; ++k) {
    const auto& o = orgs[k % 4];
    conll += o.first + " I-ORG\n" + o.second + " I-ORG\n";
    conll += "operates O\nterminals O\nin O\n" + places[(k / 4) % 4] + " I-LOC\n. O\n\n";
    // Capitalised words that are not entities, at the start of a sentence.
    for (const char* first : {"We", "The", "Our", "In", "This", "Item"})
      conll += std::string(first) + " O\nrely O\non O\n" + o.first + " I-ORG\n" + o.second +
               " I-ORG\n. O\n\n";
  }
  testing::write_file(dir / "train.txt", conll);
  models::NerTrainRequest r;
  r.data = (dir / "train.txt").string();
  r.out = (dir / "model").string();
  r.options.epochs = epochs;
  models::train_ner_dir(r);
  return dir / "model";
}

pipeline::ProcessSummary process(const fs::path& input, const fs::path& db, const fs::path& toml,
                                 const fs::path& model) {
  pipeline::ProcessOptions o;
  o.inputs = {input};
  o.db = db;
  o.threads = 1;
  o.progress = pipeline::ProgressMode::kOff;
  o.pipeline_file = toml;
  o.resources.ner_model = model;
  return pipeline::process_documents(o);
}

const char kToml[] =
    "stages = [\"submission\", \"decode\", \"html\", \"normalize\", \"clean\", \"sections\", "
    "\"sentences\", \"tokens\", \"entities\"]\n";

TEST(EntitiesStageTest, RowsMatchTheStoredTextAndQueriesCountThem) {
  testing::TempDir tmp;
  const fs::path model = train_tiny_model(tmp.path());
  testing::write_file(tmp.path() / "p.toml", kToml);
  const fs::path db = tmp.path() / "x.db";
  const auto summary = process(sample_2022(), db, tmp.path() / "p.toml", model);
  // The summary times every stage, the entities stage included (its cost is visible).
  ASSERT_EQ(summary.stage_seconds.size(), summary.stages.size());
  for (std::size_t i = 0; i < summary.stages.size(); ++i) {
    EXPECT_EQ(summary.stage_seconds[i].first, summary.stages[i]);
    EXPECT_GE(summary.stage_seconds[i].second, 0.0);
  }
  EXPECT_EQ(summary.stage_seconds.back().first, "entities");

  store::Connection c(db.string());
  store::Statement st = c.prepare(
      "SELECT substr(CAST(t.text AS BLOB), e.byte_begin + 1, e.byte_end - e.byte_begin), "
      "e.text, e.type, e.section, e.score, e.char_begin, e.char_end, e.byte_end - e.byte_begin "
      "FROM entities e JOIN document_text t ON t.doc_id = e.doc_id");
  std::size_t rows = 0, orgs = 0;
  while (st.step()) {
    ++rows;
    EXPECT_EQ(st.column_text(0), st.column_text(1));
    const std::string type = st.column_text(2);
    EXPECT_TRUE(type == "ORG" || type == "LOC") << type;
    orgs += type == "ORG";
    EXPECT_GE(st.column_double(4), 0.5);
    EXPECT_LE(st.column_double(4), 1.0);
    EXPECT_LE(st.column_int(6) - st.column_int(5), st.column_int(7));
  }
  EXPECT_GT(orgs, 0u);
  store::Statement metric =
      c.prepare("SELECT value FROM metrics WHERE scope = '' AND name = 'entities'");
  ASSERT_TRUE(metric.step());
  EXPECT_EQ(static_cast<std::size_t>(metric.column_double(0)), rows);
  store::Statement in_sections = c.prepare("SELECT count(*) FROM entities WHERE section <> ''");
  in_sections.step();
  EXPECT_GT(in_sections.column_int(0), 0);

  store::EntitiesQuery q;
  q.db = db;
  q.types = {"org"};
  q.top = 100;
  const auto top = store::query_entities(q);
  ASSERT_FALSE(top.rows.empty());
  bool northwind = false;
  std::int64_t last_count = std::numeric_limits<std::int64_t>::max();
  for (const auto& row : top.rows) {
    EXPECT_EQ(std::get<std::string>(row[0]), "ORG");
    northwind = northwind || std::get<std::string>(row[1]).starts_with("Northwind Harbor");
    EXPECT_LE(std::get<std::int64_t>(row[2]), last_count);  // most frequent first
    last_count = std::get<std::int64_t>(row[2]);
  }
  EXPECT_TRUE(northwind);
  q.top = 2;
  EXPECT_LE(store::query_entities(q).rows.size(), 2u);
  q.scope = "1A";
  q.types.clear();
  EXPECT_NO_THROW(store::query_entities(q));
  q.scope = "no-such-item";
  EXPECT_THROW(store::query_entities(q), Error);

  const auto exported = store::export_table(db, store::ExportWhat::kEntities, {});
  EXPECT_EQ(exported.rows.size(), rows);
  EXPECT_EQ(exported.columns.back(), "score");
}

// A text without sentence ends (hostile, or a flattened table) is one huge "sentence": it is
// tagged in windows, so entities after the first window are still found, with offsets into the
// text, and memory stays bounded.
TEST(EntitiesStageTest, AHugeSentenceIsTaggedInWindows) {
  testing::TempDir tmp;
  const fs::path model = train_tiny_model(tmp.path());
  std::string text;
  for (int k = 0; k < 600; ++k)  // 600 x 7 tokens: several windows, no sentence end
    text += "Acme Freight operates terminals in Norfolk and ";
  testing::write_file(tmp.path() / "in" / "long.txt", text + "\n");
  testing::write_file(tmp.path() / "p.toml", kToml);
  const fs::path db = tmp.path() / "out.db";
  const auto summary = process(tmp.path() / "in", db, tmp.path() / "p.toml", model);
  ASSERT_EQ(summary.counts.processed, 1u);
  store::Connection c(db.string());
  store::Statement st = c.prepare(
      "SELECT e.byte_begin, e.byte_end, e.text, e.sentence, t.text FROM entities e "
      "JOIN document_text t ON t.doc_id = e.doc_id ORDER BY e.byte_begin");
  std::size_t n = 0, last_begin = 0;
  while (st.step()) {
    const auto b = static_cast<std::size_t>(st.column_int(0));
    const auto e = static_cast<std::size_t>(st.column_int(1));
    EXPECT_EQ(st.column_text(4).substr(b, e - b), st.column_text(2));
    EXPECT_EQ(st.column_int(3), 0);
    last_begin = b;
    ++n;
  }
  EXPECT_GT(n, 600u);                           // found in every window, not only the first
  EXPECT_GT(last_begin, text.size() * 9 / 10);  // up to the end of the text
}

TEST(EntitiesStageTest, ModelIsPartOfTheConfigurationAndRequired) {
  testing::TempDir tmp;
  const fs::path a = train_tiny_model(tmp.path() / "a", 2);
  const fs::path b = train_tiny_model(tmp.path() / "b", 4);
  testing::write_file(tmp.path() / "p.toml", kToml);
  const auto config = pipeline::load_pipeline_config(tmp.path() / "p.toml");
  const auto registry = pipeline::builtin_stages();
  auto hash_with = [&](std::optional<fs::path> model) {
    pipeline::ResourcePaths paths;
    paths.ner_model = std::move(model);
    pipeline::Resources resources(paths);
    return pipeline::Pipeline::build(config, registry, resources).config_hash();
  };
  const std::string hash_a = hash_with(a);
  EXPECT_EQ(hash_with(a), hash_a);
  EXPECT_NE(hash_with(b), hash_a);
  try {
    hash_with(std::nullopt);
    ADD_FAILURE() << "an entities stage without a model was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kConfig);
  }
}

}  // namespace
}  // namespace secnlp
