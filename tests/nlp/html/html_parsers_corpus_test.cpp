// Differential test of the two parsers of html_to_text: on every filing of the corpus (10-K and
// 10-Q HTML) and on the project's samples, the fast scanner must give the words libxml2 gives.
// Text is compared after collapsing every whitespace run to one space; where they still differ,
// the differing stretch (after the common prefix and suffix of the word sequences) must be under
// 0.1% of the words, and is printed.

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nlp/encoding/encoding.h"
#include "nlp/html/html_to_text.h"
#include "tests/support/test_data.h"

namespace secnlp::nlp {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> html_files(const fs::path& root) {
  return testing::files_under(root, {".htm", ".html"});
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> w;
  std::string cur;
  for (const char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!cur.empty()) w.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) w.push_back(std::move(cur));
  return w;
}

std::string join(const std::vector<std::string>& w, std::size_t from, std::size_t to) {
  std::string s;
  for (std::size_t i = from; i < std::min(to, w.size()); ++i) {
    if (!s.empty()) s.push_back(' ');
    s += w[i];
  }
  return s;
}

// Compares both parsers on one document; returns the number of differing words (0: same words).
std::size_t compare_parsers(const std::string& html, const fs::path& f, bool remove_tables) {
  HtmlOptions fast;
  fast.remove_numeric_tables = remove_tables;
  HtmlOptions lib = fast;
  lib.parser = HtmlParser::kLibxml2;
  const HtmlText a = html_to_text(html, fast);
  const HtmlText b = html_to_text(html, lib);
  EXPECT_EQ(a.tables, b.tables);
  EXPECT_EQ(a.tables_removed, b.tables_removed);
  EXPECT_FALSE(b.truncated);
  if (a.text == b.text) return 0;
  const auto wa = words(a.text);
  const auto wb = words(b.text);
  if (wa == wb) return 0;  // only whitespace differs
  std::size_t pre = 0;
  while (pre < wa.size() && pre < wb.size() && wa[pre] == wb[pre])
    ++pre;
  std::size_t suf = 0;
  while (suf < wa.size() - pre && suf < wb.size() - pre &&
         wa[wa.size() - 1 - suf] == wb[wb.size() - 1 - suf])
    ++suf;
  const std::size_t differing = std::max(wa.size() - pre - suf, wb.size() - pre - suf);
  const std::size_t from = pre > 10 ? pre - 10 : 0;
  std::printf("%s: %zu of %zu words differ\n  fast:    ...%s...\n  libxml2: ...%s...\n",
              f.filename().c_str(), differing, wb.size(),
              join(wa, from, std::min(wa.size() - suf + 10, pre + 40)).c_str(),
              join(wb, from, std::min(wb.size() - suf + 10, pre + 40)).c_str());
  EXPECT_LT(static_cast<double>(differing), 0.001 * static_cast<double>(wb.size()));
  return differing;
}

TEST(HtmlParsersCorpusTest, FastGivesLibxml2Words) {
  SECNLP_REQUIRE_CORPUS(tenk, "filings/10k-html");
  SECNLP_REQUIRE_CORPUS(tenq, "filings/10q-html");
  std::vector<fs::path> files = html_files(tenk);
  const auto q = html_files(tenq);
  files.insert(files.end(), q.begin(), q.end());
  const fs::path samples = testing::fixture_path("../../samples/northwind");
  if (fs::exists(samples)) {
    const auto s = html_files(samples);
    files.insert(files.end(), s.begin(), s.end());
  }
  ASSERT_GE(files.size(), 46u);
  std::size_t exact = 0;
  for (const auto& f : files) {
    SCOPED_TRACE(f.string());
    const std::string html = decode_to_utf8(testing::read_file(f)).utf8;
    if (compare_parsers(html, f, false) == 0) ++exact;
    compare_parsers(html, f, true);
  }
  std::printf("%zu of %zu documents give the same words with both parsers\n", exact, files.size());
}

}  // namespace
}  // namespace secnlp::nlp
