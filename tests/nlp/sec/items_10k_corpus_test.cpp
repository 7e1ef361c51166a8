// 10-K item sections on real filings: edgar-crawler's Tyson FY2022 items, a reviewed parser's
// per-item sizes (AAPL, AMZN, GOOG, META), every 10-K in ../shared/data and the northwind
// samples, and Apple's 1990s text submissions. Prints per-item tables.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "nlp/sec/item_headings.h"
#include "nlp/sec/ten_k.h"
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
using secnlp::nlp::sec::segment_10k;
using namespace secnlp::testing::items;

namespace {

std::vector<fs::path> files_under(const fs::path& dir, std::set<std::string> exts) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file() && exts.count(e.path().extension().string())) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

bool found_body(const SectionMap& map, const char* item) {
  const ItemSection* s = find_section(map, item);
  return s != nullptr && !(s->flags & kSectionTableOfContentsOnly);
}

}  // namespace

TEST(Items10KCorpus, TysonMatchesEdgarCrawler) {
  SECNLP_REQUIRE_CORPUS(
      html, "filings/10k-html/edgar-crawler-set/100493_10K_2022_0000100493-22-000097.htm");
  SECNLP_REQUIRE_CORPUS(gold_dir, "gold/items-10k/tyson-2022");
  const std::string text = secnlp::testing::default_clean_text(secnlp::testing::read_file(html));
  const SectionMap map = segment_10k(text);
  print_sections("Tyson FY2022", map);
  for (const auto& gold_file : files_under(gold_dir, {".json"})) {
    const auto gold = secnlp::testing::parse_json(secnlp::testing::read_file(gold_file));
    std::printf("\n%-6s %9s %9s %8s %8s\n", "item", "gold_len", "our_len", "jaccard", "conf");
    const char* kStrict[] = {"1", "1A", "7", "7A", "8"};
    for (const auto& [key, value] : gold.object()) {
      if (key.rfind("item_", 0) != 0 || !value.is_string()) continue;
      const std::string item = key.substr(5);
      const std::string_view ours = section_text(map, text, item);
      const ItemSection* s = find_section(map, item);
      const double j = jaccard(token_set(value.str()), token_set(ours));
      std::printf("%-6s %9zu %9zu %8.4f %8.2f\n", item.c_str(), value.str().size(), ours.size(), j,
                  s ? s->confidence : 0.0);
      if (value.str().size() > 20) {
        EXPECT_NE(s, nullptr) << item;
      }
      for (const char* strict : kStrict) {
        if (item == strict) {
          EXPECT_GE(j, 0.95) << "item " << item;
        }
      }
    }
  }
}

// The gold counts characters of each item's HTML; ours are clean-text bytes with numeric tables
// removed. Text items keep about a third of their HTML size; items made of tables (8, 15's exhibit
// index, 2's property tables, 5) keep a few percent. So per filing we take the median ratio
// ours/gold over items with >= 2000 gold characters and require each such item's ratio within
// [median / 40, median * 4]: a wrong boundary that swallows a neighbour shows as > 4x, a
// truncated text item as < 1/40.
TEST(Items10KCorpus, SectionSizesProportionate) {
  SECNLP_REQUIRE_CORPUS(gold_dir, "gold/items-10k/section-char-counts");
  SECNLP_REQUIRE_CORPUS(html_dir, "filings/10k-html");
  constexpr double kUpper = 4.0, kLower = 40.0;
  for (const auto& gold_file : files_under(gold_dir, {".json"})) {
    const std::string stem = gold_file.stem().string();
    const std::string ticker = stem.substr(0, stem.find('_'));
    const fs::path html = html_dir / ticker / (stem + ".htm");
    ASSERT_TRUE(fs::exists(html)) << html;
    const std::string text = secnlp::testing::default_clean_text(secnlp::testing::read_file(html));
    const SectionMap map = segment_10k(text);
    const auto gold = secnlp::testing::parse_json(secnlp::testing::read_file(gold_file));
    double gold_total = 0, our_total = 0;
    std::vector<double> ratios;
    for (const auto& row : gold.array()) {
      const double g = row.get("character_count")->num();
      const double o =
          static_cast<double>(section_text(map, text, row.get("identifier")->str()).size());
      gold_total += g;
      our_total += o;
      if (g >= 2000) ratios.push_back(o / g);
    }
    ASSERT_FALSE(ratios.empty());
    std::sort(ratios.begin(), ratios.end());
    const double median = ratios[ratios.size() / 2];
    std::printf("\n%s (median ours/gold %.3f)\n%-6s %10s %10s %8s %8s %7s %6s\n", stem.c_str(),
                median, "item", "gold_html", "ours", "gold_%", "ours_%", "ratio", "conf");
    for (const auto& row : gold.array()) {
      const std::string item = row.get("identifier")->str();
      const double g = row.get("character_count")->num();
      const ItemSection* s = find_section(map, item);
      const double o = static_cast<double>(section_text(map, text, item).size());
      const double gs = g / gold_total, os = o / our_total;
      std::printf("%-6s %10.0f %10.0f %8.2f %8.2f %7.3f %6.2f\n", item.c_str(), g, o, 100 * gs,
                  100 * os, g > 0 ? o / g : 0.0, s ? s->confidence : 0.0);
      EXPECT_TRUE(found_body(map, item.c_str())) << stem << " item " << item;
      if (g >= 2000) {
        EXPECT_LE(o / g, median * kUpper) << stem << " item " << item;
        EXPECT_GE(o / g, median / kLower) << stem << " item " << item;
      }
    }
  }
}

// Every 10-K we have: Items 1, 1A (not in pre-2005 filings), 7 and 8 found with confidence >= 0.7,
// and no section starts inside a table of contents.
TEST(Items10KCorpus, EveryTenKHasCoreItems) {
  SECNLP_REQUIRE_CORPUS(html_dir, "filings/10k-html");
  std::vector<fs::path> files = files_under(html_dir, {".htm", ".html"});
  const fs::path northwind = secnlp::testing::fixture_path("../../samples/northwind");
  if (fs::exists(northwind))
    for (const auto& p : files_under(northwind, {".htm", ".html", ".txt"}))
      files.push_back(p);
  ASSERT_GE(files.size(), 42u);
  std::printf("\n%-58s %5s %5s %5s %5s %5s\n", "filing", "items", "1", "1A", "7", "8");
  for (const auto& path : files) {
    const std::string name = path.filename().string();
    const std::string text = secnlp::testing::default_clean_text(secnlp::testing::read_file(path));
    const SectionMap map = segment_10k(text);
    const bool old =
        name.find("_1999_") != std::string::npos || name.find("-99-") != std::string::npos;
    auto conf = [&](const char* item) {
      const ItemSection* s = find_section(map, item);
      return s && !(s->flags & kSectionTableOfContentsOnly) ? s->confidence : 0.0;
    };
    std::printf("%-58s %5zu %5.2f %5.2f %5.2f %5.2f\n", name.c_str(), map.sections.size(),
                conf("1"), conf("1A"), conf("7"), conf("8"));
    for (const char* item : {"1", "7", "8"}) {
      EXPECT_GE(conf(item), 0.7) << name << " " << item;
    }
    if (!old) {
      EXPECT_GE(conf("1A"), 0.7) << name << " 1A";
    }
    for (const auto& s : map.sections) {
      if (!(s.flags & kSectionTableOfContentsOnly)) {
        EXPECT_FALSE(starts_in_toc(text, s)) << name << " item " << s.item << " at " << s.begin;
      }
    }
  }
}

// Apple's 1990s full submissions (SGML tags are text) and tag-stripped 10-Ks 1995-2009.
TEST(Items10KCorpus, AppleTextSubmissions) {
  SECNLP_REQUIRE_CORPUS(full_dir, "filings/full-submission-txt/AAPL_10-K");
  SECNLP_REQUIRE_CORPUS(text_dir, "filings/text-only/apple-10k-1995-2009");
  std::vector<fs::path> files = files_under(full_dir, {".txt"});
  for (const auto& p : files_under(text_dir, {".txt"}))
    files.push_back(p);
  for (const auto& path : files) {
    const std::string text = secnlp::testing::default_clean_text(secnlp::testing::read_file(path));
    const SectionMap map = segment_10k(text);
    print_sections(path.filename().string(), map);
    for (const char* item : {"1", "2", "7", "8"}) {
      EXPECT_TRUE(found_body(map, item)) << path.filename() << " item " << item;
      const ItemSection* s = find_section(map, item);
      if (s) {
        EXPECT_GE(s->confidence, 0.6) << path.filename() << " item " << item;
      }
    }
    for (const auto& s : map.sections) {
      if (!(s.flags & kSectionTableOfContentsOnly)) {
        EXPECT_FALSE(starts_in_toc(text, s)) << path.filename() << " item " << s.item;
      }
    }
  }
}
