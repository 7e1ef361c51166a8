// 10-Q item sections on real filings: the reviewed structure in ../shared/data/gold/items-10q
// (section types part1item1 ... part2item6 with the text of each element) for the four HTML
// 10-Qs, and Apple's 1997-2000 text submissions. Prints per-item tables.

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "nlp/sec/item_headings.h"
#include "nlp/sec/ten_q.h"
#include "tests/nlp/sec/items_corpus_util.h"
#include "tests/support/clean_text.h"
#include "tests/support/json_reader.h"
#include "tests/support/test_data.h"

namespace fs = std::filesystem;
using secnlp::nlp::sec::find_section;
using secnlp::nlp::sec::ItemSection;
using secnlp::nlp::sec::kSectionTableOfContentsOnly;
using secnlp::nlp::sec::section_text;
using secnlp::nlp::sec::SectionMap;
using secnlp::nlp::sec::segment_10q;
using namespace secnlp::testing::items;

// Every gold item is found (not TOC-only) and holds most of the gold's words: recall of the gold
// token set >= 0.9 for items whose gold text has >= 30 distinct words (the gold's TableElements
// carry no text, so it compares with our text, which has numeric tables removed).
TEST(Items10QCorpus, MatchesReviewedStructure) {
  SECNLP_REQUIRE_CORPUS(gold_dir, "gold/items-10q");
  SECNLP_REQUIRE_CORPUS(html_dir, "filings/10q-html");
  int checked = 0;
  for (const auto& ticker : fs::directory_iterator(gold_dir)) {
    for (const auto& acc : fs::directory_iterator(ticker.path())) {
      const fs::path html =
          html_dir / ticker.path().filename() / (acc.path().filename().string() + ".html");
      ASSERT_TRUE(fs::exists(html)) << html;
      const std::string text =
          secnlp::testing::default_clean_text(secnlp::testing::read_file(html));
      const SectionMap map = segment_10q(text);
      const auto gold = secnlp::testing::parse_json(
          secnlp::testing::read_file(acc.path() / "expected-structure-and-text.json"));
      // Gold text per item: every element's text from its title to the next top section title.
      std::vector<std::pair<std::string, std::string>> items;
      bool in_item = false;
      for (const auto& e : gold.array()) {
        const auto* type = e.get("section_type");
        if (type != nullptr) {
          in_item = type->str().find("item") != std::string::npos;
          if (in_item) items.emplace_back(type->str(), "");
          continue;
        }
        const auto* t = e.get("text_content");
        if (in_item && t != nullptr && t->is_string()) items.back().second += t->str() + "\n";
      }
      const std::string name =
          ticker.path().filename().string() + "/" + acc.path().filename().string();
      print_sections(name, map);
      std::printf("%-12s %8s %8s %7s %6s\n", "item", "gold_w", "ours_w", "recall", "conf");
      for (const auto& [item, gold_text] : items) {
        const ItemSection* s = find_section(map, item);
        const auto g = token_set(gold_text);
        const auto o = token_set(section_text(map, text, item));
        const double r = recall(g, o);
        std::printf("%-12s %8zu %8zu %7.3f %6.2f\n", item.c_str(), g.size(), o.size(), r,
                    s ? s->confidence : 0.0);
        EXPECT_TRUE(s != nullptr && !(s->flags & kSectionTableOfContentsOnly))
            << name << " " << item;
        // Part II Item 6 is mostly the exhibit index, a table the pipeline removes as numeric.
        if (g.size() >= 30 && item != "part2item6") {
          EXPECT_GE(r, 0.9) << name << " " << item;
        }
        ++checked;
      }
      // No item beyond the gold's (an invented item would be a false positive).
      for (const auto& s : map.sections) {
        if (s.item == "signatures" || (s.flags & kSectionTableOfContentsOnly)) continue;
        bool listed = false;
        for (const auto& [item, unused] : items)
          listed = listed || item == s.item;
        EXPECT_TRUE(listed) << name << " extra " << s.item;
      }
    }
  }
  EXPECT_GE(checked, 37);
}

// Apple 10-Qs 1997-2000 (full submissions; SGML tags are text, headings often mid-line).
TEST(Items10QCorpus, AppleTextSubmissions) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/full-submission-txt/AAPL_10-Q");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir))
    files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    const std::string text = secnlp::testing::default_clean_text(secnlp::testing::read_file(path));
    const SectionMap map = segment_10q(text);
    print_sections(path.filename().string(), map);
    const bool amendment = path.filename().string().find("10-Q_A") != std::string::npos;
    if (amendment) {  // the 10-Q/A amends Part II Item 4 only
      EXPECT_NE(find_section(map, "part2item4"), nullptr) << path.filename();
      continue;
    }
    for (const char* item : {"part1item1", "part1item2", "part2item1"}) {
      EXPECT_NE(find_section(map, item), nullptr) << path.filename() << " " << item;
    }
  }
}
