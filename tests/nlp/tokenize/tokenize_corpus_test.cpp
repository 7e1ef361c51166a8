// Real filing text (shared/data/filings/text-only): NLTK agreement of the Treebank tokenizer on
// thousands of real sentences (runs /usr/bin/python3 with nltk; skips when unavailable), span
// sanity of the sentence splitter, and throughput of all three (printed, never asserted).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "nlp/tokenize/pattern_tokenizer.h"
#include "nlp/tokenize/sentence_splitter.h"
#include "nlp/tokenize/treebank_tokenizer.h"
#include "tests/nlp/tokenize/fixture_io.h"
#include "tests/support/test_data.h"

namespace secnlp::nlp {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> load_filings(const fs::path& dir) {
  std::vector<fs::path> paths;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& p : paths)
    texts.push_back(secnlp::testing::read_file(p));
  return texts;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

template <typename F>
double seconds_of(F&& f) {
  const auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void report(const char* what, std::size_t bytes, double seconds) {
  std::cout << "[ tokenize ] " << what << ": " << bytes / 1e6 << " MB in " << seconds
            << " s = " << (seconds > 0 ? bytes / 1e6 / seconds : 0) << " MB/s\n";
}

TEST(TokenizeCorpus, SentenceSpansAreTrimmedOrderedAndInside) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/text-only");
  const auto texts = load_filings(dir);
  ASSERT_FALSE(texts.empty());
  for (LineBreaks mode : {LineBreaks::kHard, LineBreaks::kParagraph}) {
    SentenceOptions options;
    options.line_breaks = mode;
    const SentenceSplitter splitter(options);
    std::size_t bytes = 0;
    std::size_t sentences = 0;
    double seconds = 0;
    for (const std::string& text : texts) {
      std::vector<Span> spans;
      seconds += seconds_of([&] { spans = splitter.split(text); });
      bytes += text.size();
      sentences += spans.size();
      std::uint32_t last = 0;
      for (const Span& s : spans) {
        ASSERT_LT(s.begin, s.end);
        ASSERT_LE(last, s.begin);
        ASSERT_LE(s.end, text.size());
        EXPECT_NE(text[s.begin], ' ');
        EXPECT_NE(text[s.end - 1], ' ');
        EXPECT_NE(text[s.end - 1], '\n');
        if (mode == LineBreaks::kHard) {
          ASSERT_EQ(text.substr(s.begin, s.end - s.begin).find('\n'), std::string::npos);
        }
        last = s.end;
      }
    }
    EXPECT_GT(sentences, 10000u);
    report(mode == LineBreaks::kHard ? "sentences (kHard)" : "sentences (kParagraph)", bytes,
           seconds);
  }
}

TEST(TokenizeCorpus, TokenizerThroughput) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/text-only");
  const auto texts = load_filings(dir);
  std::size_t bytes = 0;
  std::size_t tokens = 0;
  double treebank_s = 0;
  double pattern_s = 0;
  const PatternTokenizer pattern;
  const SentenceSplitter splitter;
  for (const std::string& text : texts) {
    bytes += text.size();
    // Treebank is meant for one sentence at a time (its final-period rule looks at the end).
    const auto spans = splitter.split(text);
    std::vector<std::string> out;
    treebank_s += seconds_of([&] {
      for (const Span& s : spans)
        treebank_tokenize(std::string_view(text).substr(s.begin, s.end - s.begin), out);
    });
    tokens += out.size();
    out.clear();
    pattern_s += seconds_of([&] { pattern.tokenize(text, out); });
    EXPECT_GT(out.size(), 100u);
  }
  EXPECT_GT(tokens, 100000u);
  report("treebank (per sentence)", bytes, treebank_s);
  report("pattern (sklearn default)", bytes, pattern_s);
}

TEST(TokenizeCorpus, TreebankMatchesNltkOnRealSentences) {
  SECNLP_REQUIRE_CORPUS(dir, "filings/text-only");
  const fs::path python = "/usr/bin/python3";
  const fs::path script = secnlp::testing::fixture_path("tokenize/make_treebank_fixture.py");
  if (!fs::exists(python) ||
      std::system("/usr/bin/python3 -c 'import nltk.tokenize.treebank' >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "/usr/bin/python3 with nltk is not available";
  }
  const auto texts = load_filings(dir);
  const SentenceSplitter splitter({LineBreaks::kParagraph, {}});
  std::vector<std::string> sentences;
  for (const std::string& text : texts) {
    for (const Span& s : splitter.split(text)) {
      std::string sentence = text.substr(s.begin, s.end - s.begin);
      // Python reads the file as strict UTF-8; ill-formed sentences have no NLTK reference.
      if (valid_utf8(sentence)) sentences.push_back(std::move(sentence));
    }
  }
  ASSERT_GT(sentences.size(), 5000u);
  secnlp::testing::TempDir tmp;
  const fs::path in = tmp.path() / "in.txt";
  const fs::path out = tmp.path() / "out.tsv";
  {
    std::ofstream f(in, std::ios::binary);
    for (const auto& s : sentences)
      f << fixture::escape(s) << '\n';
  }
  const std::string cmd =
      python.string() + " " + script.string() + " --tokenize " + in.string() + " " + out.string();
  ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
  const auto cases = fixture::parse_fixture(secnlp::testing::read_file(out));
  ASSERT_EQ(cases.size(), sentences.size());
  int failures = 0;
  for (const auto& c : cases) {
    const auto got = treebank_tokenize(c.text);
    if (got != c.tokens && ++failures <= 10) {
      std::string g, w;
      for (const auto& t : got)
        g += "[" + t + "]";
      for (const auto& t : c.tokens)
        w += "[" + t + "]";
      ADD_FAILURE() << fixture::escape(c.text) << "\n got " << g << "\nwant " << w;
    }
  }
  std::cout << "[ tokenize ] treebank vs NLTK: " << cases.size() << " real sentences, " << failures
            << " differ\n";
  EXPECT_EQ(failures, 0);
}

}  // namespace
}  // namespace secnlp::nlp
