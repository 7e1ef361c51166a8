#include <gtest/gtest.h>

#include "common/error.h"
#include "pipeline/pipeline.h"

namespace secnlp::pipeline {
namespace {

class FakeStage final : public Stage {
 public:
  FakeStage(SlotSet reads, SlotSet writes, bool fail)
      : reads_(reads), writes_(writes), fail_(fail) {}
  SlotSet reads() const override { return reads_; }
  SlotSet writes() const override { return writes_; }
  void run(Document& doc) const override {
    if (fail_) throw Error(ErrorCode::kParse, "cannot parse");
    doc.text += "x";
  }

 private:
  SlotSet reads_, writes_;
  bool fail_;
};

StageRegistry fake_registry() {
  StageRegistry r;
  auto add = [&](std::string name, SlotSet reads, SlotSet writes, bool fail = false) {
    r.add({name, "", {}, [=](const StageOptions& o, Resources&) {
             o.get_int("known", 0);
             return std::make_unique<FakeStage>(reads, writes, fail);
           }});
  };
  add("text", kSlotRaw, kSlotText);
  add("sentences", kSlotText, kSlotSentences);
  add("tokens", kSlotText | kSlotSentences, kSlotTokens);
  add("broken", kSlotText, kSlotText, true);
  return r;
}

PipelineConfig config_of(std::vector<std::string> stages) {
  PipelineConfig c;
  c.stages = std::move(stages);
  c.source = "test.toml";
  return c;
}

TEST(PipelineBuildTest, AcceptsAValidOrder) {
  Resources resources;
  auto p = Pipeline::build(config_of({"text", "sentences", "tokens"}), fake_registry(), resources);
  EXPECT_EQ(p.stage_names().size(), 3u);
  Document doc;
  p.run(doc);
  EXPECT_EQ(doc.text, "xxx");
}

TEST(PipelineBuildTest, RejectsImpossibleChains) {
  struct Row {
    std::vector<std::string> stages;
    std::string message_part;
  };
  const std::vector<Row> rows = {
      {{"tokens"}, "needs text, sentences"},
      {{"text", "tokens"}, "needs sentences"},
      {{"text", "nosuch"}, "unknown stage 'nosuch'"},
      {{"text", "text"}, "listed twice"},
  };
  for (const auto& row : rows) {
    Resources resources;
    try {
      Pipeline::build(config_of(row.stages), fake_registry(), resources);
      ADD_FAILURE() << row.message_part;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), ErrorCode::kConfig);
      EXPECT_NE(std::string(e.what()).find(row.message_part), std::string::npos) << e.what();
      EXPECT_EQ(e.path(), "test.toml");
    }
  }
}

TEST(PipelineBuildTest, UnknownOptionFailsAtBuild) {
  PipelineConfig c = config_of({"text"});
  c.options["text"]["unknown_key"] = std::int64_t{1};
  Resources resources;
  EXPECT_THROW(Pipeline::build(c, fake_registry(), resources), Error);
  c.options["text"].clear();
  c.options["text"]["known"] = std::int64_t{1};
  EXPECT_NO_THROW(Pipeline::build(c, fake_registry(), resources));
}

TEST(PipelineBuildTest, StageErrorsNameTheStageAndDocument) {
  Resources resources;
  auto p = Pipeline::build(config_of({"text", "broken"}), fake_registry(), resources);
  Document doc;
  doc.path = "/data/x.htm";
  try {
    p.run(doc);
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::kParse);
    EXPECT_EQ(e.path(), "/data/x.htm");
    EXPECT_NE(std::string(e.what()).find("stage 'broken': cannot parse"), std::string::npos);
  }
}

}  // namespace
}  // namespace secnlp::pipeline
