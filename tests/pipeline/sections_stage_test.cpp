// The sections stage: form and filing year from the metadata reach the 10-K segmenter (era
// tables), and refers_to reaches pipeline::Section (issue 16).

#include <gtest/gtest.h>

#include <string>

#include "pipeline/config.h"
#include "pipeline/document.h"
#include "pipeline/resources.h"
#include "pipeline/stages/stage_infos.h"

namespace secnlp::pipeline {
namespace {

std::string body(int n) {
  std::string s;
  for (int i = 0; i < n; ++i)
    s += "The company designs and sells products through retail channels around the world. ";
  return s + "\n";
}

const Section* find(const Document& doc, const std::string& item) {
  for (const auto& s : doc.sections)
    if (s.item == item) return &s;
  return nullptr;
}

TEST(SectionsStage, FillsRefersToAndUsesTheFilingYear) {
  Resources resources;
  auto stage = stages::sections_stage().factory(StageOptions("sections", {}), resources);
  Document doc;
  doc.metadata["form"] = "10-K405";
  doc.metadata["filed"] = "19991213";
  doc.exhibits.push_back({13, "EX-13", "ar.txt", "annual report", "text", 100, "..."});
  doc.text = "Item 1. Business\n" + body(30) +
             "Item 7. Management's Discussion and Analysis\nThe information required by this "
             "item is incorporated herein by reference to the Annual Report to Shareholders "
             "(Exhibit 13).\n" +
             "Item 8. Financial Statements and Supplementary Data\n" + body(20) +
             "Item 14. Exhibits, Financial Statement Schedules and Reports on Form 8-K\n" +
             body(10);
  stage->run(doc);
  const Section* s7 = find(doc, "7");
  ASSERT_NE(s7, nullptr);
  EXPECT_EQ(s7->refers_to, "EX-13");
  const Section* s8 = find(doc, "8");
  ASSERT_NE(s8, nullptr);
  EXPECT_EQ(s8->refers_to, "");
  const Section* s14 = find(doc, "14");
  ASSERT_NE(s14, nullptr);
  EXPECT_EQ(s14->title, "Exhibits, Financial Statement Schedules and Reports on Form 8-K");
  bool warned = false;
  for (const auto& w : doc.warnings)
    warned = warned || w == "item 7 refers to exhibit EX-13";
  EXPECT_TRUE(warned);
}

TEST(SectionsStage, TenQUsesTheFormAndFilingYear) {
  Resources resources;
  auto stage = stages::sections_stage().factory(StageOptions("sections", {}), resources);
  const std::string text = "PART I\nItem 1. Financial Statements\n" + body(30) +
                           "Item 3. Controls and Procedures\n" + body(3) +
                           "PART II\nItem 6. Exhibits and Reports on Form 8-K\n" + body(1);
  Document old;
  old.metadata["form"] = "10-Q";
  old.metadata["filed"] = "19980209";
  old.text = text;
  stage->run(old);
  ASSERT_NE(find(old, "part2item6"), nullptr);
  EXPECT_EQ(find(old, "part2item6")->title, "Exhibits and Reports on Form 8-K");
  Document small;
  small.metadata["form"] = "10-QSB";
  small.metadata["filed"] = "20040510";
  small.text = text;
  stage->run(small);
  ASSERT_NE(find(small, "part1item3"), nullptr);
  EXPECT_EQ(find(small, "part1item3")->title, "Controls and Procedures");
}

}  // namespace
}  // namespace secnlp::pipeline
