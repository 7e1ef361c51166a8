// html_to_text over every 10-K in the corpus (after decode_to_utf8), and against the whole-document
// text a modified edgar-crawler made for the edgar-crawler-set filings (gold/html-text).

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nlp/encoding/encoding.h"
#include "nlp/html/html_to_text.h"
#include "tests/support/json_reader.h"
#include "tests/support/test_data.h"

namespace secnlp::nlp {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> filings(const fs::path& root) {
  return testing::files_under(root, {".htm", ".html"});
}

std::string lower_ascii(std::string s) {
  for (char& c : s)
    c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  return s;
}

// Tags that would betray markup leaking into the text.
std::size_t tag_soup(const std::string& text) {
  std::size_t n = 0;
  for (const char* tag : {"<div", "<span", "<td", "<tr", "<font", "<p ", "<ix:", "</"}) {
    for (auto pos = text.find(tag); pos != std::string::npos; pos = text.find(tag, pos + 1))
      ++n;
  }
  return n;
}

// "item 1a" after folding case and U+00A0 to a space.
bool has_item_1a(const std::string& text) {
  std::string t = lower_ascii(text);
  for (auto pos = t.find("\xC2\xA0"); pos != std::string::npos; pos = t.find("\xC2\xA0", pos))
    t.replace(pos, 2, " ");
  for (auto pos = t.find("item"); pos != std::string::npos; pos = t.find("item", pos + 1)) {
    std::size_t k = pos + 4;
    while (k < t.size() && (t[k] == ' ' || t[k] == '\n' || t[k] == '\t'))
      ++k;
    if (t.compare(k, 2, "1a") == 0) return true;
  }
  return false;
}

TEST(HtmlCorpusTest, EveryTenKGivesSaneText) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/10k-html");
  const auto files = filings(dir);
  ASSERT_GE(files.size(), 40u);
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    const std::string raw = testing::read_file(f);
    ASSERT_FALSE(looks_binary(raw));
    const DecodedText d = decode_to_utf8(raw);
    ASSERT_TRUE(looks_like_html(d.utf8));
    const HtmlText r = html_to_text(d.utf8);
    EXPECT_FALSE(r.truncated);
    EXPECT_GT(r.text.size(), 40000u);
    EXPECT_LT(r.text.size(), raw.size());
    EXPECT_LE(tag_soup(r.text), 2u);
    EXPECT_GT(r.tables, 5u);
    EXPECT_EQ(r.text.find("\n\n\n"), std::string::npos);
    EXPECT_EQ(r.text.find(" \n"), std::string::npos);
    EXPECT_EQ(r.text.find("\n "), std::string::npos);
    // Hidden inline-XBRL contexts never leak (they name members like RetainedEarningsMember).
    EXPECT_EQ(r.text.find("RetainedEarningsMember"), std::string::npos);
    EXPECT_EQ(r.text.find("http://fasb.org"), std::string::npos);
    // Item 1A (risk factors) exists since FY2005; older/ holds 1999-2009 filings.
    if (f.parent_path().filename() != "older") {
      EXPECT_TRUE(has_item_1a(r.text));
    }

    // The numeric-table rule removes some tables but keeps the prose.
    HtmlOptions o;
    o.remove_numeric_tables = true;
    const HtmlText lm = html_to_text(d.utf8, o);
    EXPECT_EQ(lm.tables, r.tables);
    EXPECT_GT(lm.tables_removed, 0u);
    EXPECT_LT(lm.text.size(), r.text.size());
    EXPECT_GT(lm.text.size(), r.text.size() / 3);
  }
}

TEST(HtmlCorpusTest, HiddenFactsLeakWhenNotDropped) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/10k-html/AAPL");
  const auto files = filings(dir);
  ASSERT_FALSE(files.empty());
  HtmlOptions o;
  o.drop_hidden = false;
  const HtmlText r = html_to_text(decode_to_utf8(testing::read_file(files.front())).utf8, o);
  EXPECT_NE(r.text.find("RetainedEarningsMember"), std::string::npos);
}

// The "content" string of a gold JSON file.
std::string gold_content(const std::string& json) {
  const testing::Json doc = testing::parse_json(json);
  const testing::Json* content = doc.get("content");
  return content && content->is_string() ? content->str() : std::string();
}

// Lowercase ASCII words ([a-z0-9]+), apostrophes (' and U+2019) removed first, as the gold does.
std::set<std::string> word_set(const std::string& text) {
  std::set<std::string> words;
  std::string w;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] == '\'') continue;
    if (i + 2 < text.size() && text.compare(i, 3, "\xE2\x80\x99") == 0) {
      i += 2;
      continue;
    }
    const char c = i < text.size() ? text[i] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      w.push_back(c);
    } else if (c >= 'A' && c <= 'Z') {
      w.push_back(static_cast<char>(c + 32));
    } else if (!w.empty()) {
      words.insert(w);
      w.clear();
    }
  }
  return words;
}

TEST(HtmlCorpusTest, MatchesEdgarCrawlerGoldText) {
  SECNLP_REQUIRE_CORPUS(gold_dir, "gold/html-text");
  SECNLP_REQUIRE_CORPUS(html_dir, "filings/10k-html/edgar-crawler-set");
  std::size_t compared = 0;
  for (const auto& f : filings(html_dir)) {
    const fs::path gold = gold_dir / (f.stem().string() + ".json");
    if (!fs::exists(gold)) continue;
    SCOPED_TRACE(f.filename().string());
    const auto g = word_set(gold_content(testing::read_file(gold)));
    const auto o = word_set(html_to_text(decode_to_utf8(testing::read_file(f)).utf8).text);
    ASSERT_GT(g.size(), 500u);
    std::size_t common = 0;
    for (const auto& w : g)
      common += o.count(w);
    const double jaccard =
        static_cast<double>(common) / static_cast<double>(g.size() + o.size() - common);
    const double recall = static_cast<double>(common) / static_cast<double>(g.size());
    std::printf("%-45s jaccard %.3f recall %.3f\n", f.filename().c_str(), jaccard, recall);
    // Our text also has the cover page and exhibit index the gold leaves out: precision is lower.
    EXPECT_GE(jaccard, 0.90);
    EXPECT_GE(recall, 0.99);
    ++compared;
  }
  EXPECT_EQ(compared, 23u);
}

}  // namespace
}  // namespace secnlp::nlp
